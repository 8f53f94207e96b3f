import type { Metadata } from 'next';
import { ClassView } from '@/features/teacher/class-view';
import { ForbiddenNotice } from '../../forbidden-notice';
import { requireTeacher } from '../../guard';

export const metadata: Metadata = { title: 'Class' };

const ClassPage = async ({ params }: { params: Promise<{ classId: string }> }) => {
  const { classId } = await params;
  if ((await requireTeacher(`/teacher/classes/${classId}`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return <ClassView classId={classId} />;
};

export default ClassPage;
