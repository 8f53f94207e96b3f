import type { Metadata } from 'next';
import { StartLiveForm } from '@/features/live/start-form';
import { ForbiddenNotice } from '../../forbidden-notice';
import { requireTeacher } from '../../guard';

export const metadata: Metadata = { title: 'Start a live game' };

const StartLivePage = async ({ searchParams }: { searchParams: Promise<{ setId?: string }> }) => {
  const { setId = '' } = await searchParams;
  if ((await requireTeacher(`/teacher/live/new?setId=${setId}`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return (
    <div className="narrow-page stack">
      <h1>Start a live game</h1>
      <p>
        Everyone answers the same question on their phone; the reveal shows the key and its source.
      </p>
      <StartLiveForm setId={setId} />
    </div>
  );
};

export default StartLivePage;
