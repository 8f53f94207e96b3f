import type { ResponseDraft } from '@/features/play/response';
import type { BankQuestionFieldsFragment, FactStatus } from '@/gql/graphql';
import { plural } from '@/lib/format';

/** "1 question", "2 questions", "No questions": a count with its noun in correct English. */
export const countOf = (count: number, singular: string, many = `${singular}s`): string =>
  count === 0 ? `No ${many}` : plural(count, singular, many);

/** The bank's result line: "No questions match", "1 question matches", "25 questions match". */
export const matchCountText = (count: number): string =>
  `${countOf(count, 'question')} ${count === 1 ? 'matches' : 'match'}`;

/** Fact statuses as a teacher reads them (the least settled fact of the question). */
export const STATUS_LABELS: Record<FactStatus, string> = {
  FACT: 'Established fact',
  REPORTED: 'Reported',
  CLAIM: 'A claim',
  OPINION: 'An opinion',
  DISPUTED: 'Disputed',
};

export const DIFFICULTY_LABELS: Record<string, string> = {
  EASY: 'Easy',
  MEDIUM: 'Medium',
  HARD: 'Hard',
};

type Distinguishing =
  | { kind: 'quote'; text: string }
  | { kind: 'list'; label: string; items: string[] }
  | null;

// Types whose options carry the content (events, people, states); the options of the others are
// years, eras or True/False, and their stem already names what they ask about.
const CONTENT_OPTIONS = new Set([
  'SINGLE_CHOICE',
  'MULTI_SELECT',
  'YEAR_EVENT',
  'WHICH_FIRST',
  'OFFICE_HOLDER',
]);

/**
 * What tells a bank question apart from the others with the same stem (hundreds share "Put these
 * events in order, earliest first."): the quote of a who-said, the items of an ordering or a
 * matching, or the options when they are the content. In the order students see them.
 */
export const distinguishingOf = (
  question: Pick<BankQuestionFieldsFragment, 'type' | 'prompt'>,
): Distinguishing => {
  const { prompt, type } = question;
  if (prompt.quote) {
    return { kind: 'quote', text: prompt.quote };
  }
  if (prompt.items.length > 0) {
    return {
      kind: 'list',
      label: type === 'MATCHING' ? 'To match' : 'Items',
      items: prompt.items.map((item) => item.label),
    };
  }
  if (CONTENT_OPTIONS.has(type) && prompt.options.length > 0) {
    return { kind: 'list', label: 'Options', items: prompt.options.map((option) => option.label) };
  }
  return null;
};

/** The eras badge: the one era, or "Spans 3 eras" with their names for the title. */
export const erasText = (eras: readonly { name: string }[]): string | null =>
  eras.length === 0
    ? null
    : eras.length === 1
      ? (eras[0]?.name ?? null)
      : `Spans ${eras.length} eras`;

/** The key as a player's answer, so the preview can show the feedback of a right answer. */
export const keyDraft = (question: Pick<BankQuestionFieldsFragment, 'key' | 'prompt'>) =>
  ({
    optionIds: [...question.key.optionIds],
    order: question.key.order.length
      ? [...question.key.order]
      : question.prompt.items.map((item) => item.id),
    pairs: Object.fromEntries(question.key.pairs.map((pair) => [pair.itemId, pair.targetId])),
    year:
      question.key.year === null || question.key.year === undefined ? '' : `${question.key.year}`,
    text: question.key.answers[0] ?? '',
  }) satisfies ResponseDraft;
