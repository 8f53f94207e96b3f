import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerQuestionMutation, AttemptQuery, ResponseInput } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import {
  AnswerQuestionDocument,
  AttemptDocument,
  attemptKeys,
  FinishAttemptDocument,
  MyAttemptsDocument,
  OpenQuestionDocument,
} from './queries';

export type AttemptData = NonNullable<AttemptQuery['attempt']>;

export const useAttempt = (id: string) =>
  useQuery({
    queryKey: attemptKeys.detail(id),
    queryFn: ({ signal }) => gqlRequest(AttemptDocument, { id }, { signal }),
    // An attempt changes only through this page's own mutations.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useOpenQuestion = (attemptId: string) =>
  useMutation({
    mutationFn: (position: number) => gqlRequest(OpenQuestionDocument, { attemptId, position }),
  });

export const useAnswerQuestion = (attemptId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ position, response }: { position: number; response: ResponseInput }) =>
      gqlRequest(AnswerQuestionDocument, { attemptId, position, response }),
    onSuccess: ({ answerQuestion }) => {
      storeResult(queryClient, attemptId, answerQuestion);
    },
  });
};

/** Writes a locked answer into the cached attempt, so a re-render never asks again. */
const storeResult = (
  queryClient: ReturnType<typeof useQueryClient>,
  attemptId: string,
  { passages, ...result }: AnswerQuestionMutation['answerQuestion'],
) => {
  queryClient.setQueryData<AttemptQuery>(attemptKeys.detail(attemptId), (old) => {
    if (!old?.attempt) {
      return old;
    }
    // The result's passages join the attempt's table (each once), which its ids point into.
    const known = new Set(old.attempt.citations.map((citation) => citation.id));
    return {
      attempt: {
        ...old.attempt,
        questions: old.attempt.questions.map((question) =>
          question.position === result.position ? { ...question, result } : question,
        ),
        citations: [
          ...old.attempt.citations,
          ...passages.filter((citation) => !known.has(citation.id)),
        ],
      },
    };
  });
};

export const useFinishAttempt = (attemptId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => gqlRequest(FinishAttemptDocument, { attemptId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: attemptKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['leaderboard'] }),
        queryClient.invalidateQueries({ queryKey: ['sets'] }),
      ]),
  });
};

export const useMyAttempts = (enabled = true) =>
  useQuery({
    queryKey: attemptKeys.mine(),
    queryFn: ({ signal }) => gqlRequest(MyAttemptsDocument, { first: 50 }, { signal }),
    enabled,
  });
