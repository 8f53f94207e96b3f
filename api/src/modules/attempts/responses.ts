import { sanitiseAnswerText } from '../questions/short-answer';
import type { QuestionPrompt, QuestionResponse, QuestionType } from '../questions/types';
import { CHOICE_TYPES } from '../questions/types';

const SINGLE_ANSWER: readonly QuestionType[] = CHOICE_TYPES.filter((t) => t !== 'MULTI_SELECT');

/**
 * Why a response cannot be an answer to this question (wrong fields for the type, ids the
 * question does not have, a year outside the field's bounds), or null when it can.
 */
export const responseProblem = (
  type: QuestionType,
  prompt: QuestionPrompt,
  response: QuestionResponse,
): string | null => {
  const given = Object.entries(response)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  const expected = CHOICE_TYPES.includes(type)
    ? 'optionIds'
    : type === 'CHRONOLOGY'
      ? 'order'
      : type === 'MATCHING'
        ? 'pairs'
        : type === 'SHORT_ANSWER'
          ? 'text'
          : 'year';
  if (given.length !== 1 || given[0] !== expected) {
    return `This question takes ${expected} (and nothing else)`;
  }
  const ids = (list: { id: string }[] | undefined) => new Set((list ?? []).map((c) => c.id));
  if (expected === 'optionIds') {
    const picked = response.optionIds ?? [];
    const options = ids(prompt.options);
    if (picked.length === 0) {
      return 'Pick an option';
    }
    if (SINGLE_ANSWER.includes(type) && picked.length !== 1) {
      return 'Pick exactly one option';
    }
    if (new Set(picked).size !== picked.length || picked.some((id) => !options.has(id))) {
      return 'Unknown or repeated option id';
    }
  }
  if (expected === 'order') {
    const order = response.order ?? [];
    const items = ids(prompt.items);
    if (order.length !== items.size || new Set(order).size !== order.length) {
      return 'Order every item exactly once';
    }
    if (order.some((id) => !items.has(id))) {
      return 'Unknown item id';
    }
  }
  if (expected === 'pairs') {
    const pairs = response.pairs ?? [];
    const items = ids(prompt.items);
    const targets = ids(prompt.targets);
    if (pairs.length === 0) {
      return 'Match at least one item';
    }
    if (pairs.some((pair) => !items.has(pair.itemId) || !targets.has(pair.targetId))) {
      return 'Unknown item or target id';
    }
    if (new Set(pairs.map((pair) => pair.itemId)).size !== pairs.length) {
      return 'Match each item at most once';
    }
  }
  if (expected === 'text' && sanitiseAnswerText(response.text ?? '') === '') {
    return 'Type an answer';
  }
  if (expected === 'year') {
    const year = response.year as number;
    const bounds = prompt.numeric;
    if (bounds && (year < bounds.min || year > bounds.max)) {
      return `Enter a year between ${bounds.min} and ${bounds.max}`;
    }
  }
  return null;
};
