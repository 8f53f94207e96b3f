import type { Metadata } from 'next';
import { PlayScreen } from '@/features/play/play-screen';

export const metadata: Metadata = { title: 'Playing' };

// Thin on purpose: the play route ships the least JavaScript of any page (see docs/web.md).
const PlayPage = async ({ params }: { params: Promise<{ attemptId: string }> }) => {
  const { attemptId } = await params;
  return <PlayScreen attemptId={attemptId} />;
};

export default PlayPage;
