import type { AnswerResultFieldsFragment } from '@/gql/graphql';
import type { QuestionLike, ResponseDraft } from '../response';

/** After the answer is locked: the key and the player's response, to mark the options. */
export type ResultMarks = Pick<AnswerResultFieldsFragment, 'key' | 'response'> &
  Partial<Pick<AnswerResultFieldsFragment, 'grading' | 'isCorrect'>>;

export type QuestionInputProps = {
  question: QuestionLike;
  draft: ResponseDraft;
  onChange: (draft: ResponseDraft) => void;
  disabled: boolean;
  result?: ResultMarks | null;
  /** Id of the element holding the stem: the group's accessible name. */
  labelledBy: string;
  /** Unique per question on the page (input names, ids). */
  idPrefix: string;
};
