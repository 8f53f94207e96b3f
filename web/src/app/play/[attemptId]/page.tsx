import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { PlayScreen } from '@/features/play/play-screen';
import { AttemptDocument, attemptKeys } from '@/features/play/queries';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Playing' };

// Thin on purpose: the play route ships the least JavaScript of any page (see docs/web.md). The
// attempt is read on the server, so an untimed first question arrives in the HTML (a failure is
// left to the client, which asks again).
const PlayPage = async ({ params }: { params: Promise<{ attemptId: string }> }) => {
  const { attemptId } = await params;
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: attemptKeys.detail(attemptId),
    queryFn: () => serverRequest(AttemptDocument, { id: attemptId }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PlayScreen attemptId={attemptId} />
    </HydrationBoundary>
  );
};

export default PlayPage;
