import type { Metadata } from 'next';
import { ResultsExport } from '@/features/interop/results-export';
import { AnalyticsView } from '@/features/teacher/analytics-view';
import { ForbiddenNotice } from '../../../forbidden-notice';
import { requireTeacher } from '../../../guard';

export const metadata: Metadata = { title: 'Class results' };

const SetResultsPage = async ({ params }: { params: Promise<{ setId: string }> }) => {
  const { setId } = await params;
  if ((await requireTeacher(`/teacher/sets/${setId}/results`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return (
    <div className="stack-lg">
      <AnalyticsView setId={setId} />
      <ResultsExport setId={setId} />
    </div>
  );
};

export default SetResultsPage;
