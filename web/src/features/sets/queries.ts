import { graphql } from '@/gql';

export const PublishedSetsDocument = graphql(`
  query PublishedSets($first: Int, $after: String) {
    publishedSets(first: $first, after: $after) {
      id
      title
      description
      questionCount
      isTimed
      playerCount
      ownerName
      shareCode
      scoringMode
      publishedAt
    }
  }
`);

export const JoinCodeDocument = graphql(`
  query JoinCode($code: String!) {
    joinCode(code: $code) {
      kind
      set {
        id
        title
        description
        questionCount
        isTimed
        playerCount
        ownerName
        shareCode
        scoringMode
        allowRetakes
      }
    }
  }
`);

export const StartAttemptDocument = graphql(`
  mutation StartAttempt($input: StartAttemptInput!) {
    startAttempt(input: $input) {
      id
    }
  }
`);

export const StartPracticeDocument = graphql(`
  mutation StartPractice($input: StartPracticeInput!) {
    startPractice(input: $input) {
      id
    }
  }
`);

export const StartReviewDocument = graphql(`
  mutation StartReview($count: Int) {
    startReview(count: $count) {
      id
    }
  }
`);

export const ReviewDueCountDocument = graphql(`
  query ReviewDueCount {
    reviewDueCount
  }
`);

export const setKeys = {
  all: ['sets'] as const,
  published: () => [...setKeys.all, 'published'] as const,
  joinCode: (code: string) => [...setKeys.all, 'join-code', code.toUpperCase()] as const,
  reviewDue: () => [...setKeys.all, 'review-due'] as const,
};
