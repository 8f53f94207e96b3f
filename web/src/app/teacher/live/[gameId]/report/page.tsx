import type { Metadata } from 'next';
import { LiveReportView } from '@/features/live/report-view';
import { ForbiddenNotice } from '../../../forbidden-notice';
import { requireTeacher } from '../../../guard';

export const metadata: Metadata = { title: 'Live game report' };

const LiveReportPage = async ({ params }: { params: Promise<{ gameId: string }> }) => {
  const { gameId } = await params;
  if ((await requireTeacher(`/teacher/live/${gameId}/report`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return (
    <div className="page stack">
      <LiveReportView gameId={gameId} />
    </div>
  );
};

export default LiveReportPage;
