import type {
  QuestionKey,
  QuestionPrompt,
  QuestionResponse,
  QuestionType,
} from '../modules/questions/types';
import { CHOICE_TYPES } from '../modules/questions/types';

/** The right answer to a question, as a player would send it. */
export const rightResponse = (type: QuestionType, key: QuestionKey): QuestionResponse => {
  if (CHOICE_TYPES.includes(type)) {
    return { optionIds: key.optionIds ?? [] };
  }
  if (type === 'CHRONOLOGY') {
    return { order: key.order ?? [] };
  }
  if (type === 'MATCHING') {
    return { pairs: key.pairs ?? [] };
  }
  if (type === 'SHORT_ANSWER') {
    return { text: key.answers?.[0] ?? '' };
  }
  return { year: key.year ?? 0 };
};

/** A plausible wrong answer: a distractor, a reversed order, crossed pairs, a year off. */
export const wrongResponse = (
  type: QuestionType,
  prompt: QuestionPrompt,
  key: QuestionKey,
): QuestionResponse => {
  if (CHOICE_TYPES.includes(type)) {
    const wrong = (prompt.options ?? []).find(
      (option) => !(key.optionIds ?? []).includes(option.id),
    );
    return { optionIds: wrong ? [wrong.id] : (key.optionIds ?? []) };
  }
  if (type === 'CHRONOLOGY') {
    return { order: [...(key.order ?? [])].reverse() };
  }
  if (type === 'MATCHING') {
    const pairs = key.pairs ?? [];
    return {
      pairs: pairs.map((pair, i) => ({
        itemId: pair.itemId,
        targetId: (pairs[(i + 1) % pairs.length] ?? pair).targetId,
      })),
    };
  }
  if (type === 'SHORT_ANSWER') {
    // A name the question lists as easy to confuse, else one that matches nothing.
    return { text: key.rejects?.[0] ?? 'Nobody' };
  }
  const bounds = prompt.numeric ?? { min: 1900, max: 2100, tolerance: 0 };
  const year = (key.year ?? bounds.min) + bounds.tolerance + 3;
  return { year: year <= bounds.max ? year : (key.year ?? bounds.min) - bounds.tolerance - 3 };
};
