import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AttemptDocument, attemptKeys } from '@/features/play/queries';
import { ResultsView } from '@/features/play/results-view';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Results' };

const ResultsPage = async ({ params }: { params: Promise<{ attemptId: string }> }) => {
  const { attemptId } = await params;
  // Score, ranks and the review arrive in the HTML (a failure is left to the client).
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: attemptKeys.detail(attemptId),
    queryFn: () => serverRequest(AttemptDocument, { id: attemptId }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="narrow-page">
        <ResultsView attemptId={attemptId} />
      </div>
    </HydrationBoundary>
  );
};

export default ResultsPage;
