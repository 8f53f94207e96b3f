import type { AttemptItem, AttemptStatus, Question, QuestionType, ScoringMode } from '@quiz/prisma';
import type { QuestionPrompt } from '../questions/types';

/** What an AttemptQuestion is built from: the item, its question, and the attempt's state. */
export type AttemptQuestionSource = {
  item: AttemptItem;
  question: Question;
  status: AttemptStatus;
  scoringMode: ScoringMode;
  finishedAt: Date | null;
};

/**
 * A locked answer (or, once the attempt is finished, an unanswered question shown as skipped)
 * with its question: the only route to a key in a player's hands.
 */
export type AnswerResultParent = {
  item: AttemptItem & { answeredAt: Date };
  question: Question;
};

/**
 * An AttemptQuestion as the player sees it, every field computed once (see views.ts): plain
 * properties, so execution reads them without a resolver call per field. `result` is set only
 * for a locked (or finished) item.
 */
export type AttemptQuestionParent = {
  position: number;
  /** Null until the answer is locked: an id would identify the question before it is answered. */
  questionId: string | null;
  type: QuestionType;
  stem: string;
  prompt: QuestionPrompt;
  concealed: boolean;
  timeLimitSec: number | null;
  presentedAt: Date | null;
  deadline: Date | null;
  result: AnswerResultParent | null;
};
