import { useInfiniteQuery } from '@tanstack/react-query';
import { gqlRequest } from '@/lib/graphql/client';
import { LeaderboardDocument, type LeaderboardFilter, leaderboardKeys } from './queries';

export const PAGE_SIZE = 20;

export const useLeaderboard = (filter: LeaderboardFilter) =>
  useInfiniteQuery({
    queryKey: leaderboardKeys.board(filter),
    queryFn: ({ pageParam, signal }) =>
      gqlRequest(
        LeaderboardDocument,
        {
          input: {
            window: filter.window,
            first: PAGE_SIZE,
            ...(filter.setId ? { setId: filter.setId } : {}),
            ...(filter.classId ? { classId: filter.classId } : {}),
            ...(pageParam ? { after: pageParam } : {}),
          },
        },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.leaderboard.pageInfo.hasNextPage ? last.leaderboard.pageInfo.endCursor : undefined,
  });
