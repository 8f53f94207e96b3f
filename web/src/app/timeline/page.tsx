import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { EventsDocument, knowledgeKeys, TaxonomyDocument } from '@/features/knowledge/queries';
import { TimelineExplorer } from '@/features/knowledge/timeline-explorer';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Timeline' };

const TimelinePage = async () => {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: knowledgeKeys.taxonomy(),
      queryFn: () => serverRequest(TaxonomyDocument),
    }),
    queryClient.prefetchInfiniteQuery({
      queryKey: knowledgeKeys.events({ eras: [], actors: [], themes: [], search: '' }),
      queryFn: () => serverRequest(EventsDocument, { filter: {}, first: 100, after: null }),
      initialPageParam: null as string | null,
    }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="stack">
        <header className="page-head">
          <h1>Timeline, 1946–2025</h1>
          <p>
            Every event in the knowledge base, dated as precisely as the sources allow. Disputed
            facts and one-sided claims are marked, and each event lists the passages it rests on.
          </p>
        </header>
        <TimelineExplorer />
      </div>
    </HydrationBoundary>
  );
};

export default TimelinePage;
