import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { JoinView } from '@/features/sets/join-view';
import { JoinCodeDocument, setKeys } from '@/features/sets/queries';
import { getQueryClient, serverRequest } from '@/lib/graphql/server';

export const metadata: Metadata = { title: 'Join a quiz' };

const JoinPage = async ({ params }: { params: Promise<{ code: string }> }) => {
  const { code: raw } = await params;
  const code = decodeURIComponent(raw).toUpperCase();
  // The quiz (or what the code is instead) arrives in the HTML.
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: setKeys.joinCode(code),
    queryFn: () => serverRequest(JoinCodeDocument, { code }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="narrow-page">
        <JoinView code={code} />
      </div>
    </HydrationBoundary>
  );
};

export default JoinPage;
