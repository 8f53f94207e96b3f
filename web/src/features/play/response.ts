import type {
  AnswerResultFieldsFragment,
  PromptFieldsFragment,
  QuestionType,
  ResponseInput,
} from '@/gql/graphql';

/** What the player has entered so far for one question. */
export type ResponseDraft = {
  optionIds: string[];
  order: string[];
  pairs: Record<string, string>;
  year: string;
  /** SHORT_ANSWER: the typed answer. */
  text: string;
};

export type QuestionLike = {
  type: QuestionType;
  stem: string;
  prompt: PromptFieldsFragment;
};

export type RendererKind =
  | 'choice'
  | 'multi'
  | 'true-false'
  | 'year'
  | 'chronology'
  | 'matching'
  | 'timeline'
  | 'who-said'
  | 'short-answer';

/** Which native control renders a question type. */
export const rendererFor = (question: QuestionLike): RendererKind => {
  switch (question.type) {
    case 'MULTI_SELECT':
      return 'multi';
    case 'TRUE_FALSE':
      return 'true-false';
    case 'NUMERIC_YEAR':
      return 'year';
    case 'CHRONOLOGY':
      return 'chronology';
    case 'MATCHING':
      return 'matching';
    case 'TIMELINE_PLACEMENT':
      return 'timeline';
    case 'WHO_SAID':
      return 'who-said';
    case 'SHORT_ANSWER':
      return 'short-answer';
    default:
      return question.prompt.selectMany ? 'multi' : 'choice';
  }
};

export const TYPE_LABELS: Record<QuestionType, string> = {
  SINGLE_CHOICE: 'Single choice',
  MULTI_SELECT: 'Select all that apply',
  TRUE_FALSE: 'True or false',
  EVENT_YEAR: 'When did it happen?',
  YEAR_EVENT: 'What happened that year?',
  NUMERIC_YEAR: 'Enter the year',
  CHRONOLOGY: 'Put in order',
  WHICH_FIRST: 'Which came first?',
  WHO_SAID: 'Who said it?',
  OFFICE_HOLDER: 'Who held the office?',
  MATCHING: 'Match the pairs',
  TIMELINE_PLACEMENT: 'Place on the timeline',
  SHORT_ANSWER: 'Type the answer',
};

export const emptyDraft = (question: QuestionLike): ResponseDraft => ({
  optionIds: [],
  order: question.prompt.items.map((item) => item.id),
  pairs: {},
  year: '',
  text: '',
});

/** Longest answer the API takes (SHORT_ANSWER_MAX_LENGTH there). */
export const SHORT_ANSWER_MAX_LENGTH = 120;

/** Why the typed answer cannot be sent yet, or null when it can. */
export const textProblem = (text: string): string | null => {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'Type an answer.';
  }
  if (trimmed.length > SHORT_ANSWER_MAX_LENGTH) {
    return `Keep the answer to ${SHORT_ANSWER_MAX_LENGTH} characters.`;
  }
  return null;
};

/** Parses the year field; null when it is not a whole number. */
export const parseYear = (text: string): number | null => {
  const trimmed = text.trim();
  if (!/^-?\d{1,5}$/.test(trimmed)) {
    return null;
  }
  return Number(trimmed);
};

/** Why the year entered is not acceptable yet, or null when it is. */
export const yearProblem = (question: QuestionLike, text: string): string | null => {
  if (text.trim() === '') {
    return 'Enter a year.';
  }
  const year = parseYear(text);
  if (year === null) {
    return 'Enter the year as digits, for example 1980.';
  }
  const bounds = question.prompt.numeric;
  if (bounds && (year < bounds.min || year > bounds.max)) {
    return `Enter a year between ${bounds.min} and ${bounds.max}.`;
  }
  return null;
};

/** Whether the draft is a complete answer the player can submit. */
export const isComplete = (question: QuestionLike, draft: ResponseDraft): boolean => {
  switch (rendererFor(question)) {
    case 'year':
      return yearProblem(question, draft.year) === null;
    case 'short-answer':
      return textProblem(draft.text) === null;
    case 'chronology':
      return draft.order.length === question.prompt.items.length;
    case 'matching':
      return question.prompt.items.every((item) => Boolean(draft.pairs[item.id]));
    default:
      return draft.optionIds.length > 0;
  }
};

/** The ResponseInput the API expects for this type (only the fields the type uses). */
export const toResponseInput = (question: QuestionLike, draft: ResponseDraft): ResponseInput => {
  switch (rendererFor(question)) {
    case 'year': {
      const year = parseYear(draft.year);
      return year === null ? {} : { year };
    }
    case 'short-answer':
      return { text: draft.text.trim() };
    case 'chronology':
      return { order: draft.order };
    case 'matching':
      return {
        pairs: Object.entries(draft.pairs)
          .filter(([, targetId]) => targetId !== '')
          .map(([itemId, targetId]) => ({ itemId, targetId })),
      };
    default:
      return { optionIds: draft.optionIds };
  }
};

type ResponseLike = Pick<
  AnswerResultFieldsFragment['response'],
  'optionIds' | 'order' | 'pairs' | 'year'
> & {
  /** A player's typed answer. */
  text?: string | null;
  /** A key's accepted answers (the first is the usual name). */
  answers?: readonly string[];
};

const labelOf = (choices: readonly { id: string; label: string }[], id: string): string =>
  choices.find((choice) => choice.id === id)?.label ?? id;

/** A response or key as lines (one per item for orderings and pairs). */
export const responseLines = (question: QuestionLike, response: ResponseLike): string[] => {
  const { prompt } = question;
  switch (rendererFor(question)) {
    case 'chronology':
      return response.order.map((id) => labelOf(prompt.items, id));
    case 'matching':
      return response.pairs.map(
        (pair) =>
          `${labelOf(prompt.items, pair.itemId)} → ${labelOf(prompt.targets, pair.targetId)}`,
      );
    default:
      return [describeResponse(question, response)];
  }
};

/** A response or key in words, for "Your answer" / "Correct answer". */
export const describeResponse = (question: QuestionLike, response: ResponseLike): string => {
  const { prompt } = question;
  switch (rendererFor(question)) {
    case 'short-answer': {
      const text = response.text ?? response.answers?.[0];
      return text ? text : 'No answer';
    }
    case 'year':
      return response.year === null || response.year === undefined
        ? 'No answer'
        : String(response.year);
    case 'chronology':
      return response.order.length === 0
        ? 'No answer'
        : response.order
            .map((id, index) => `${index + 1}. ${labelOf(prompt.items, id)}`)
            .join('  ');
    case 'matching':
      return response.pairs.length === 0
        ? 'No answer'
        : response.pairs
            .map(
              (pair) =>
                `${labelOf(prompt.items, pair.itemId)} → ${labelOf(prompt.targets, pair.targetId)}`,
            )
            .join('; ');
    default:
      return response.optionIds.length === 0
        ? 'No answer'
        : response.optionIds.map((id) => labelOf(prompt.options, id)).join(', ');
  }
};

/** The label a rationale's `ref` points at: an option, an item, or the year. */
export const labelForRef = (question: QuestionLike, ref: string): string => {
  const all = [...question.prompt.options, ...question.prompt.items, ...question.prompt.targets];
  const found = all.find((choice) => choice.id === ref);
  if (found) {
    return found.label;
  }
  return ref === 'year' ? 'The year' : ref === 'answer' ? 'The answer' : ref;
};
