import type { Metadata } from 'next';
import { PlayerScreen } from '@/features/live/player-screen';

export const metadata: Metadata = { title: 'Live game' };

const LivePlayPage = async ({ params }: { params: Promise<{ gameId: string }> }) => {
  const { gameId } = await params;
  return <PlayerScreen gameId={gameId} />;
};

export default LivePlayPage;
