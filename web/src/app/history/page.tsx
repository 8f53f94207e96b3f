import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { HistoryView } from '@/features/play/history-view';
import { attemptKeys, MyAttemptsDocument } from '@/features/play/queries';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'My attempts' };

const HistoryPage = async () => {
  // The attempts arrive in the HTML (a failure is left to the client, which shows it).
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: attemptKeys.mine(),
    queryFn: () => serverRequest(MyAttemptsDocument, { first: 50 }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="stack">
        <header className="page-head">
          <h1>My attempts</h1>
          <p>Every quiz you played, with its score and rank. Open one for the full cited review.</p>
        </header>
        <HistoryView />
      </div>
    </HydrationBoundary>
  );
};

export default HistoryPage;
