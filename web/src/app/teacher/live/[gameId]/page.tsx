import type { Metadata } from 'next';
import { HostScreen } from '@/features/live/host-screen';
import { ForbiddenNotice } from '../../forbidden-notice';
import { requireTeacher } from '../../guard';

export const metadata: Metadata = { title: 'Host a live game' };

const LiveHostPage = async ({ params }: { params: Promise<{ gameId: string }> }) => {
  const { gameId } = await params;
  if ((await requireTeacher(`/teacher/live/${gameId}`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <HostScreen gameId={gameId} />;
};

export default LiveHostPage;
