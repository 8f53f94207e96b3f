import type { Metadata } from 'next';
import { QuestionEditView } from '@/features/teacher/question-edit-view';
import type { QuestionType } from '@/gql/graphql';
import { ForbiddenNotice } from '../../../../forbidden-notice';
import { requireTeacher } from '../../../../guard';

export const metadata: Metadata = { title: 'Edit question' };

const NEW_TYPES: readonly QuestionType[] = [
  'SINGLE_CHOICE',
  'MULTI_SELECT',
  'TRUE_FALSE',
  'SHORT_ANSWER',
];

const QuestionEditPage = async ({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string; questionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) => {
  const [{ setId, questionId }, { type }] = await Promise.all([params, searchParams]);
  if ((await requireTeacher(`/teacher/sets/${setId}/questions/${questionId}`)) === 'forbidden') {
    return <ForbiddenNotice />;
  }
  const newType = NEW_TYPES.find((item) => item === type);
  return <QuestionEditView setId={setId} questionId={questionId} newType={newType} />;
};

export default QuestionEditPage;
