'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FieldErrorLike } from '@/components/field';
import { ErrorState, Skeleton } from '@/components/states';
import type { QuestionInput, QuestionType } from '@/gql/graphql';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { describeError } from '@/lib/graphql/error-messages';
import { blankDraft, draftFromQuestion } from './editor-draft';
import { QuestionEditor } from './question-editor';
import { QuestionPreview } from './question-preview';
import {
  useBankQuestion,
  useQuestionSet,
  useSaveQuestion,
  useSetQuestionSetItems,
} from './use-teacher';

type Props = { setId: string; questionId: string; newType?: QuestionType };

/**
 * Edits one question of a set. Saving a generated question stores an edited copy (a new id); the
 * set then points at the copy, in the same place with the same time limit.
 */
export const QuestionEditView = ({ setId, questionId, newType }: Props) => {
  const router = useRouter();
  const isNew = questionId === 'new';
  const question = useBankQuestion(isNew ? '' : questionId);
  const set = useQuestionSet(setId);
  const save = useSaveQuestion();
  const saveItems = useSetQuestionSetItems(setId);
  const [serverErrors, setServerErrors] = useState<FieldErrorLike[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  const back = () => router.push(`/teacher/sets/${setId}`);

  const onSave = async (input: QuestionInput) => {
    setFailure(null);
    try {
      const payload = await save.mutateAsync({ id: isNew ? null : questionId, input });
      if (payload.errors.length > 0 || !payload.question) {
        setServerErrors(payload.errors);
        return;
      }
      setServerErrors([]);
      const savedId = payload.question.id;
      const items = (set.data?.questionSet?.items ?? [])
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((item) => ({ questionId: item.question.id, timeLimitSec: item.timeLimitSec ?? null }));
      if (isNew) {
        await saveItems.mutateAsync([...items, { questionId: savedId, timeLimitSec: null }]);
      } else if (savedId !== questionId) {
        await saveItems.mutateAsync(
          items.map((item) =>
            item.questionId === questionId ? { ...item, questionId: savedId } : item,
          ),
        );
      }
      back();
    } catch (error) {
      setFailure(error);
    }
  };

  if (!isNew && question.isPending) {
    return <Skeleton lines={8} label="Loading the question…" />;
  }
  if (!isNew && question.isError) {
    return (
      <ErrorState
        error={question.error}
        onRetry={() => question.refetch()}
        title="The question could not be loaded"
      />
    );
  }
  const bankQuestion = isNew ? null : (question.data?.bankQuestion ?? null);
  if (!isNew && !bankQuestion) {
    return (
      <ErrorState
        error={new GraphQLRequestError('Not found', 'NOT_FOUND', 404)}
        title="This question does not exist"
      />
    );
  }
  const initial = bankQuestion
    ? draftFromQuestion(bankQuestion)
    : blankDraft(newType ?? 'SINGLE_CHOICE');

  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">
          <Link href="/teacher">Teach</Link> /{' '}
          <Link href={`/teacher/sets/${setId}`}>{set.data?.questionSet?.title ?? 'Set'}</Link> /{' '}
          {isNew ? 'New question' : 'Edit question'}
        </p>
        <h1>{isNew ? 'Write a question' : 'Edit question'}</h1>
        {bankQuestion?.origin === 'GENERATED' ? (
          <p className="notice">
            This question was generated from the knowledge base. Saving keeps the original in the
            bank and puts your edited copy in this set.
          </p>
        ) : null}
      </header>
      {failure ? (
        <p className="notice notice--bad" role="alert">
          {describeError(failure)} Your changes were not saved.
        </p>
      ) : null}
      <div className="two-col">
        <section className="card" aria-labelledby="editor-title">
          <h2 id="editor-title">Question</h2>
          <QuestionEditor
            initial={initial}
            serverErrors={serverErrors}
            onSave={onSave}
            isSaving={save.isPending || saveItems.isPending}
            onCancel={back}
          />
        </section>
        {bankQuestion ? (
          <section className="card" aria-labelledby="preview-title">
            <h2 id="preview-title">As students see it (saved version)</h2>
            <QuestionPreview question={bankQuestion} idPrefix="edit-preview" />
          </section>
        ) : null}
      </div>
    </div>
  );
};
