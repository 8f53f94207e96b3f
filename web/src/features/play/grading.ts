import type { AnswerMatch, AnswerResultFieldsFragment } from '@/gql/graphql';

export const isAcceptedMatch = (match: AnswerMatch): boolean =>
  match === 'EXACT' || match === 'ALIAS' || match === 'VARIANT' || match === 'TYPO';

type GradedResult = Pick<AnswerResultFieldsFragment, 'grading' | 'response' | 'key'>;

/**
 * How a typed answer was graded, in one sentence for the feedback panel: an accepted spelling
 * other than the usual one is named, so the player learns the usual one; a confusable name is
 * called out. Null when there is nothing to add (the usual name, or an unrelated wrong answer).
 */
export const gradingNote = ({ grading, response, key }: GradedResult): string | null => {
  const typed = response.text?.trim();
  const usual = key.answers[0];
  if (!grading || !typed || !usual) {
    return null;
  }
  switch (grading.match) {
    case 'ALIAS':
      return `Accepted: “${typed}” is another name for ${usual}.`;
    case 'VARIANT':
      return `Accepted: you wrote “${typed}”; the usual spelling is ${usual}.`;
    case 'TYPO':
      return `Accepted with a spelling slip: you wrote “${typed}”; the usual spelling is ${usual}.`;
    case 'NEAR_MISS':
      return grading.matched
        ? `Not accepted: “${typed}” names ${grading.matched}, not ${usual}.`
        : null;
    default:
      return null;
  }
};

/** The other accepted names, for "Also accepted". */
export const otherAnswers = (key: Pick<AnswerResultFieldsFragment['key'], 'answers'>): string[] =>
  key.answers.slice(1);
