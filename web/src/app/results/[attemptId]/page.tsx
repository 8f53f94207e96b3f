import type { Metadata } from 'next';
import { ResultsView } from '@/features/play/results-view';

export const metadata: Metadata = { title: 'Results' };

const ResultsPage = async ({ params }: { params: Promise<{ attemptId: string }> }) => {
  const { attemptId } = await params;
  return (
    <div className="narrow-page">
      <ResultsView attemptId={attemptId} />
    </div>
  );
};

export default ResultsPage;
