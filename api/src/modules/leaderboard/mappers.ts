export type {
  LeaderboardView as LeaderboardParent,
  RankedEntry as LeaderboardEntryParent,
} from './service';
