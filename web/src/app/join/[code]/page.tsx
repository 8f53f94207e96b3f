import type { Metadata } from 'next';
import { JoinView } from '@/features/sets/join-view';

export const metadata: Metadata = { title: 'Join a quiz' };

const JoinPage = async ({ params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  return (
    <div className="narrow-page">
      <JoinView code={decodeURIComponent(code).toUpperCase()} />
    </div>
  );
};

export default JoinPage;
