import type { Metadata } from 'next';
import { SetBuilder } from '@/features/teacher/set-builder';
import { ForbiddenNotice } from '../../forbidden-notice';
import { requireTeacher } from '../../guard';

export const metadata: Metadata = { title: 'Set builder' };

const SetBuilderPage = async ({ params }: { params: Promise<{ setId: string }> }) => {
  const { setId } = await params;
  if ((await requireTeacher(`/teacher/sets/${setId}`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <SetBuilder setId={setId} />;
};

export default SetBuilderPage;
