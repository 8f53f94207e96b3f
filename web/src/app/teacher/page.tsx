import type { Metadata } from 'next';
import { TeacherDashboard } from '@/features/teacher/dashboard';
import { ForbiddenNotice } from './forbidden-notice';
import { requireTeacher } from './guard';

export const metadata: Metadata = { title: 'Teach' };

const TeacherPage = async () => {
  if ((await requireTeacher('/teacher')) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  return (
    <div className="stack">
      <header className="page-head">
        <h1>Teach</h1>
        <p>
          Build sets from the cited question bank, publish them with a code, and see how your
          classes did.
        </p>
      </header>
      <TeacherDashboard />
    </div>
  );
};

export default TeacherPage;
