import { graphql } from '@/gql';

export const AnswerResultFieldsDoc = graphql(`
  fragment AnswerResultFields on AnswerResult {
    position
    isCorrect
    credit
    points
    timedOut
    explanation
    answeredAt
    response {
      optionIds
      order
      pairs {
        itemId
        targetId
      }
      year
      text
    }
    grading {
      match
      matched
    }
    key {
      ...PlayerKeyFields
    }
    citationIds
  }
`);

/**
 * The key as a player's review reads it: rationales point at passages by id, and each passage is
 * sent once per response (`Attempt.citations`, `AnswerResult.passages`), not under every option.
 */
export const PlayerKeyFieldsDoc = graphql(`
  fragment PlayerKeyFields on AnswerKey {
    optionIds
    order
    pairs {
      itemId
      targetId
    }
    year
    answers
    rejects
    rationales {
      ref
      isCorrect
      text
      citationIds
    }
  }
`);

export const AttemptQuestionFieldsDoc = graphql(`
  fragment AttemptQuestionFields on AttemptQuestion {
    position
    questionId
    type
    concealed
    stem
    timeLimitSec
    presentedAt
    deadline
    prompt {
      ...PromptFields
    }
    result {
      ...AnswerResultFields
    }
  }
`);

export const AttemptDocument = graphql(`
  query Attempt($id: ID!) {
    attempt(id: $id) {
      id
      status
      score
      maxScore
      correctCount
      answeredCount
      questionCount
      startedAt
      finishedAt
      rank
      isRetake
      ranked
      bestRank
      player {
        id
        displayName
        isGuest
      }
      set {
        id
        title
        shareCode
        scoringMode
        isTimed
        isPractice
        allowRetakes
      }
      questions {
        ...AttemptQuestionFields
      }
      citations {
        ...CitationFields
      }
    }
  }
`);

export const OpenQuestionDocument = graphql(`
  mutation OpenQuestion($attemptId: ID!, $position: Int!) {
    openQuestion(attemptId: $attemptId, position: $position) {
      ...AttemptQuestionFields
    }
  }
`);

export const AnswerQuestionDocument = graphql(`
  mutation AnswerQuestion($attemptId: ID!, $position: Int!, $response: ResponseInput!) {
    answerQuestion(attemptId: $attemptId, position: $position, response: $response) {
      ...AnswerResultFields
      passages {
        ...CitationFields
      }
    }
  }
`);

export const FinishAttemptDocument = graphql(`
  mutation FinishAttempt($attemptId: ID!) {
    finishAttempt(attemptId: $attemptId) {
      id
      status
      score
      rank
      isRetake
      ranked
      bestRank
      finishedAt
    }
  }
`);

export const MyAttemptsDocument = graphql(`
  query MyAttempts($first: Int, $after: String) {
    myAttempts(first: $first, after: $after) {
      id
      status
      score
      maxScore
      correctCount
      questionCount
      startedAt
      finishedAt
      rank
      ranked
      bestRank
      set {
        id
        title
        isPractice
      }
    }
  }
`);

export const attemptKeys = {
  all: ['attempts'] as const,
  detail: (id: string) => [...attemptKeys.all, 'detail', id] as const,
  mine: () => [...attemptKeys.all, 'mine'] as const,
};
