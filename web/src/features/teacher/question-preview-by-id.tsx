'use client';

import { ErrorState, Skeleton } from '@/components/states';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { QuestionPreview } from './question-preview';
import { useBankQuestion } from './use-teacher';

/** Loads one question with its key and sources, then previews it as students see it. */
export const QuestionPreviewById = ({ id, idPrefix }: { id: string; idPrefix: string }) => {
  const query = useBankQuestion(id);
  if (query.isPending) {
    return <Skeleton lines={3} label="Loading the preview…" />;
  }
  if (query.isError || !query.data.bankQuestion) {
    return (
      <ErrorState
        error={query.error ?? new GraphQLRequestError('Not found', 'NOT_FOUND', 404)}
        onRetry={() => query.refetch()}
        title="The preview could not be loaded"
        level={3}
      />
    );
  }
  return <QuestionPreview question={query.data.bankQuestion} idPrefix={idPrefix} />;
};
