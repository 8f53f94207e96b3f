import { graphql } from '@/gql';

export const LeaderboardEntryFieldsDoc = graphql(`
  fragment LeaderboardEntryFields on LeaderboardEntry {
    rank
    score
    attemptCount
    achievedAt
    player {
      id
      displayName
      isGuest
    }
  }
`);

export const LeaderboardDocument = graphql(`
  query Leaderboard($input: LeaderboardInput!) {
    leaderboard(input: $input) {
      window
      totalPlayers
      set {
        id
        title
      }
      class {
        id
        name
      }
      entries {
        ...LeaderboardEntryFields
      }
      viewerEntry {
        ...LeaderboardEntryFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type LeaderboardFilter = {
  setId: string | null;
  classId: string | null;
  window: 'ALL_TIME' | 'THIS_MONTH' | 'THIS_WEEK' | 'LIVE';
};

export const leaderboardKeys = {
  all: ['leaderboard'] as const,
  board: (filter: LeaderboardFilter) => [...leaderboardKeys.all, filter] as const,
};
