import { useMutation, useQuery } from '@tanstack/react-query';
import type { StartPracticeInput } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import {
  JoinCodeDocument,
  PublishedSetsDocument,
  ReviewDueCountDocument,
  StartAttemptDocument,
  StartPracticeDocument,
  StartReviewDocument,
  setKeys,
} from './queries';

export const usePublishedSets = () =>
  useQuery({
    queryKey: setKeys.published(),
    queryFn: ({ signal }) => gqlRequest(PublishedSetsDocument, { first: 24 }, { signal }),
    select: (data) => data.publishedSets,
  });

/** What a typed code is (quiz, archived quiz, class, nothing); the join page prefetches it. */
export const useJoinCode = (code: string) =>
  useQuery({
    queryKey: setKeys.joinCode(code),
    queryFn: ({ signal }) => gqlRequest(JoinCodeDocument, { code }, { signal }),
    select: (data) => data.joinCode,
  });

export const useReviewDueCount = (enabled: boolean) =>
  useQuery({
    queryKey: setKeys.reviewDue(),
    queryFn: ({ signal }) => gqlRequest(ReviewDueCountDocument, undefined, { signal }),
    select: (data) => data.reviewDueCount,
    enabled,
  });

export const useStartAttempt = () =>
  useMutation({
    mutationFn: (input: { code?: string; setId?: string }) =>
      gqlRequest(StartAttemptDocument, { input }),
  });

export const useStartPractice = () =>
  useMutation({
    mutationFn: (input: StartPracticeInput) => gqlRequest(StartPracticeDocument, { input }),
  });

export const useStartReview = () =>
  useMutation({
    mutationFn: (count: number) => gqlRequest(StartReviewDocument, { count }),
  });
