import { promptOf } from '../questions/bank';
import type { AnswerResultParent, AttemptQuestionParent, AttemptQuestionSource } from './mappers';
import { deadlineOf, isConcealed } from './rules';

/**
 * The result of an item, once there is one: its locked answer, or, when the attempt is finished,
 * the unanswered question shown as skipped (no points) so the review covers every question.
 */
const resultOf = (source: AttemptQuestionSource): AnswerResultParent | null => {
  const { item, question } = source;
  if (item.answeredAt) {
    return { item: { ...item, answeredAt: item.answeredAt }, question };
  }
  if (source.status === 'FINISHED') {
    const answeredAt = source.finishedAt ?? new Date(0);
    return {
      item: { ...item, answeredAt, isCorrect: false, credit: 0, points: 0, response: {} },
      question,
    };
  }
  return null;
};

/**
 * An AttemptQuestion from its item and question: a timed question not yet opened is concealed
 * (empty stem and prompt); the result (with the key) exists only once the answer is locked.
 */
export const attemptQuestionView = (source: AttemptQuestionSource): AttemptQuestionParent => {
  const { item, question } = source;
  const concealed = isConcealed(item, source.status);
  return {
    position: item.position,
    questionId: question.id,
    type: question.type,
    stem: concealed ? '' : question.stem,
    prompt: concealed ? {} : promptOf(question),
    concealed,
    timeLimitSec: item.timeLimitSec,
    presentedAt: item.presentedAt,
    deadline: deadlineOf(item),
    result: resultOf(source),
  };
};
