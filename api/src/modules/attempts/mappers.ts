import type { AttemptItem, AttemptStatus, Question, ScoringMode } from '@quiz/prisma';

/** What an AttemptQuestion resolves from: the item, its question, and the attempt's state. */
export type AttemptQuestionParent = {
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
