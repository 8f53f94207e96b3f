import type { Metadata } from 'next';
import { PrintView } from '@/features/interop/print-view';
import { ForbiddenNotice } from '../../../forbidden-notice';
import { requireTeacher } from '../../../guard';

export const metadata: Metadata = { title: 'Worksheet' };

const PrintPage = async ({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: Promise<{ key?: string }>;
}) => {
  const { setId } = await params;
  const { key } = await searchParams;
  if ((await requireTeacher(`/teacher/sets/${setId}/print`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <PrintView setId={setId} withKey={key === '1'} />;
};

export default PrintPage;
