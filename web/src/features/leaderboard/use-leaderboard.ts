import { useInfiniteQuery } from '@tanstack/react-query';
import { gqlRequest } from '@/lib/graphql/client';
import {
  LEADERBOARD_PAGE_SIZE,
  LeaderboardDocument,
  type LeaderboardFilter,
  leaderboardKeys,
  leaderboardVariables,
} from './queries';

export const PAGE_SIZE = LEADERBOARD_PAGE_SIZE;

export const useLeaderboard = (filter: LeaderboardFilter) =>
  useInfiniteQuery({
    queryKey: leaderboardKeys.board(filter),
    queryFn: ({ pageParam, signal }) =>
      gqlRequest(LeaderboardDocument, leaderboardVariables(filter, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.leaderboard.pageInfo.hasNextPage ? last.leaderboard.pageInfo.endCursor : undefined,
  });
