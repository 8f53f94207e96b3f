import type { Question } from '@quiz/prisma';
import { keyOf } from '../questions/bank';
import type { AnswerResultParent, AttemptQuestionParent, AttemptQuestionSource } from './mappers';
import { playerPrompt, publicPrompt } from './public-ids';
import { deadlineOf, isConcealed } from './rules';

/**
 * The result of an item: only its locked answer. An item never answered has none, even once the
 * attempt is finished: its key would otherwise be free for the price of finishing an empty
 * attempt (and be shared or replayed).
 */
const resultOf = ({ item, question }: AttemptQuestionSource): AnswerResultParent | null =>
  item.answeredAt ? { item: { ...item, answeredAt: item.answeredAt }, question } : null;

/**
 * An AttemptQuestion from its item and question: a timed question not yet opened is concealed
 * (empty stem and prompt); the question's id and the result (with the key) exist only once the
 * answer is locked; choice ids are the public ones (public-ids.ts), never the stored slugs.
 */
export const attemptQuestionView = (source: AttemptQuestionSource): AttemptQuestionParent => {
  const { item, question } = source;
  const concealed = isConcealed(item, source.status);
  return {
    position: item.position,
    questionId: item.answeredAt ? question.id : null,
    type: question.type,
    stem: concealed ? '' : question.stem,
    prompt: concealed ? {} : publicPrompt(playerPrompt(question)),
    concealed,
    timeLimitSec: item.timeLimitSec,
    presentedAt: item.presentedAt,
    deadline: deadlineOf(item),
    result: resultOf(source),
  };
};

/**
 * The ids of every passage a question's feedback cites, each once: the answer's own first, then
 * those behind the right options' rationales, then the rest (the order the feedback shows them
 * in, so the first three are the ones that prove the answer).
 */
export const passageIdsOf = (question: Pick<Question, 'citationIds' | 'key'>): string[] => {
  const rationales = [...keyOf(question).rationales].sort(
    (a, b) => Number(b.isCorrect) - Number(a.isCorrect),
  );
  return [...new Set([...question.citationIds, ...rationales.flatMap((r) => r.citationIds)])];
};
