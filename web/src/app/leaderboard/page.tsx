import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Skeleton } from '@/components/states';
import { LeaderboardView } from '@/features/leaderboard/leaderboard-view';
import {
  LeaderboardDocument,
  leaderboardKeys,
  leaderboardVariables,
  parseLeaderboardFilter,
} from '@/features/leaderboard/queries';
import { PublishedSetsDocument, setKeys } from '@/features/sets/queries';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Leaderboard' };

type SearchParams = Record<string, string | string[] | undefined>;

const LeaderboardPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  const params = await searchParams;
  const filter = parseLeaderboardFilter({ get: (name) => params[name] });
  // The board arrives in the HTML: the same keys and variables the client's hooks use.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: leaderboardKeys.board(filter),
      queryFn: () => serverRequest(LeaderboardDocument, leaderboardVariables(filter, null)),
      initialPageParam: null as string | null,
    }),
    queryClient.prefetchQuery({
      queryKey: setKeys.published(),
      queryFn: () => serverRequest(PublishedSetsDocument, { first: 24 }),
    }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="stack">
        <header className="page-head">
          <h1>Leaderboard</h1>
          <p>
            Scores come only from finished, server-graded attempts. Ties go to whoever got there
            first.
          </p>
        </header>
        <Suspense fallback={<Skeleton lines={6} label="Loading the leaderboard…" />}>
          <LeaderboardView />
        </Suspense>
      </div>
    </HydrationBoundary>
  );
};

export default LeaderboardPage;
