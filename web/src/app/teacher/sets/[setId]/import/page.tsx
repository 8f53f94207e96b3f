import type { Metadata } from 'next';
import { ImportView } from '@/features/interop/import-view';
import { ForbiddenNotice } from '../../../forbidden-notice';
import { requireTeacher } from '../../../guard';

export const metadata: Metadata = { title: 'Import questions' };

const ImportPage = async ({ params }: { params: Promise<{ setId: string }> }) => {
  const { setId } = await params;
  if ((await requireTeacher(`/teacher/sets/${setId}/import`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <ImportView setId={setId} />;
};

export default ImportPage;
