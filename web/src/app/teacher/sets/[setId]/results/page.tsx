import type { Metadata } from 'next';
import { AnalyticsView } from '@/features/teacher/analytics-view';
import { ForbiddenNotice } from '../../../forbidden-notice';
import { requireTeacher } from '../../../guard';

export const metadata: Metadata = { title: 'Class results' };

const SetResultsPage = async ({ params }: { params: Promise<{ setId: string }> }) => {
  const { setId } = await params;
  if ((await requireTeacher(`/teacher/sets/${setId}/results`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <AnalyticsView setId={setId} />;
};

export default SetResultsPage;
