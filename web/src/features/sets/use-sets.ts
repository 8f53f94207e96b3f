import { useMutation, useQuery } from '@tanstack/react-query';
import type { StartPracticeInput } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import {
  PublishedSetsDocument,
  ReviewDueCountDocument,
  SetByCodeDocument,
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

export const useSetByCode = (code: string) =>
  useQuery({
    queryKey: setKeys.byCode(code),
    queryFn: ({ signal }) => gqlRequest(SetByCodeDocument, { code }, { signal }),
    select: (data) => data.setByCode,
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
