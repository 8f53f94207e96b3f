/**
 * The format-neutral shape every serialiser writes from and every parser reads into: a question
 * by labels instead of ids (ids are ours; no other system keeps them), with its key, feedback and
 * the citations rendered as text. Pure.
 */
import type { QuestionInputValue } from '../questions/service/question-input';
import { oneSpellingPerForm } from '../questions/short-answer';
import {
  QUESTION_TYPES,
  type QuestionKey,
  type QuestionPrompt,
  type QuestionType,
} from '../questions/types';

export type PortableOption = { label: string; correct: boolean; feedback?: string };

export type PortableQuestion = {
  type: QuestionType;
  stem: string;
  /** WHO_SAID: the words to attribute. */
  quote?: string;
  /** SHORT_ANSWER: what kind of answer to type. */
  hint?: string;
  /** Choice types: the options as shown, each marked correct or not. */
  options?: PortableOption[];
  /** CHRONOLOGY: the items in their correct order. MATCHING: the left-hand items. */
  items?: { label: string; feedback?: string }[];
  /** MATCHING: every right-hand target (distractors included) as shown. */
  targets?: string[];
  /** MATCHING: for each item, the index of its target in `targets`. */
  pairs?: number[];
  /** NUMERIC_YEAR */
  year?: number;
  numeric?: { min: number; max: number; tolerance: number };
  /** SHORT_ANSWER: accepted spellings (first = usual name) and names that are wrong. */
  answers?: string[];
  rejects?: string[];
  /** NUMERIC_YEAR / SHORT_ANSWER: the rationale of the answer. */
  answerFeedback?: string;
  explanation: string;
  /** Rendered citations ("Source title — “quote”"); exported, never imported. */
  sources: string[];
};

/** A citation as exports show it. */
export type ExportCitation = { id: string; source: string; quote: string; locator: string };

/** One question of a set as the exporters receive it (a stored row plus its place in the set). */
export type ExportQuestion = {
  id: string;
  position: number;
  timeLimitSec: number | null;
  origin: 'GENERATED' | 'AUTHORED';
  template: string;
  type: QuestionType;
  stem: string;
  prompt: QuestionPrompt;
  key: QuestionKey;
  explanation: string;
  citationIds: string[];
  eraSlug: string | null;
  themes: string[];
};

export type ExportSet = {
  id: string;
  title: string;
  description: string;
  questions: ExportQuestion[];
  /** Every citation the questions or their rationales name, by id. */
  citations: Record<string, ExportCitation>;
};

/** What a format could not hold, per question (or for the whole file when position is null). */
export type ExportNote = {
  position: number | null;
  kind: 'SKIPPED' | 'LOST';
  message: string;
};

/**
 * A source as a student in an LMS reads it: who wrote or published it and its title, never our
 * capture notes. A title that already names its publisher ("IranWire article on …") stands alone,
 * as does a search-results page (its publisher line is a description, not a name).
 */
export const sourceCredit = (source: {
  title: string;
  publisher: string;
  author?: string | null;
  kind?: string;
}): string => {
  if (source.author) {
    return `${source.author}, ${source.title}`;
  }
  const name = source.publisher.split(/[\s(]/, 1)[0] ?? '';
  return source.kind === 'SEARCH_RESULTS' || (name !== '' && source.title.includes(name))
    ? source.title
    : `${source.publisher}, ${source.title}`;
};

/**
 * A question's name in an LMS bank: its place and the start of its stem, so a teacher can find it
 * among hundreds ("Q3. Which Arab state sided with Iran during…"), not "Q3" again and again.
 */
export const questionName = (position: number, stem: string, max = 70): string => {
  const flat = stem.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return `Q${position}. ${flat}`;
  }
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `Q${position}. ${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
};

/**
 * A citation in exported feedback: the source and its passage. The locator ("paragraph at line
 * 30") is ours for checking the KB; LMS feedback is read by students (issue 11: never line numbers).
 */
export const citationText = (citation: ExportCitation): string =>
  `${citation.source} — “${citation.quote}”`;

const rationaleOf = (key: QuestionKey, ref: string): string | undefined =>
  key.rationales.find((rationale) => rationale.ref === ref)?.text;

/** The stored question as labels; citations of the question and its rationales, once each. */
export const toPortable = (
  question: ExportQuestion,
  citations: Record<string, ExportCitation>,
): PortableQuestion => {
  const { prompt, key } = question;
  const citationIds = [
    ...new Set([
      ...question.citationIds,
      ...key.rationales.flatMap((rationale) => rationale.citationIds),
    ]),
  ];
  const base: PortableQuestion = {
    type: question.type,
    stem: question.stem,
    explanation: question.explanation,
    sources: citationIds.flatMap((id) => {
      const citation = citations[id];
      return citation ? [citationText(citation)] : [];
    }),
  };
  if (prompt.quote) {
    base.quote = prompt.quote;
  }
  if (prompt.answerHint) {
    base.hint = prompt.answerHint;
  }
  if (prompt.options) {
    const correct = new Set(key.optionIds ?? []);
    base.options = prompt.options.map((option) => ({
      label: option.label,
      correct: correct.has(option.id),
      ...withFeedback(rationaleOf(key, option.id)),
    }));
  }
  if (question.type === 'CHRONOLOGY') {
    const byId = new Map((prompt.items ?? []).map((item) => [item.id, item]));
    base.items = (key.order ?? []).map((id) => ({
      label: byId.get(id)?.label ?? id,
      ...withFeedback(rationaleOf(key, id)),
    }));
  }
  if (question.type === 'MATCHING') {
    const targets = prompt.targets ?? [];
    const targetOf = new Map((key.pairs ?? []).map((pair) => [pair.itemId, pair.targetId]));
    base.items = (prompt.items ?? []).map((item) => ({
      label: item.label,
      ...withFeedback(rationaleOf(key, item.id)),
    }));
    base.targets = targets.map((target) => target.label);
    base.pairs = (prompt.items ?? []).map((item) =>
      targets.findIndex((target) => target.id === targetOf.get(item.id)),
    );
  }
  if (question.type === 'NUMERIC_YEAR') {
    base.year = key.year;
    base.numeric = prompt.numeric;
    Object.assign(base, answerFeedback(rationaleOf(key, 'year')));
  }
  if (question.type === 'SHORT_ANSWER') {
    base.answers = lmsSpellings(key.answers ?? []);
    base.rejects = key.rejects ?? [];
    Object.assign(base, answerFeedback(rationaleOf(key, 'answer')));
  }
  return base;
};

/** Apostrophe-like marks: an LMS compares a typed answer with each accepted one as written (Moodle: save case). */
const APOSTROPHES = /['’ʼʿ`´]/g;

/**
 * Our grader folds apostrophes, so a key lists "Ba'ath" once; an LMS would refuse "Baath", the
 * spelling Wikipedia itself uses (audit 29, item 54). Each accepted name is followed by its form
 * without apostrophes where that differs.
 */
export const lmsSpellings = (answers: readonly string[]): string[] => [
  ...new Set(answers.flatMap((a) => [a, a.replace(APOSTROPHES, '')])),
];

const withFeedback = (text: string | undefined) => (text ? { feedback: text } : {});
const answerFeedback = (text: string | undefined) => (text ? { answerFeedback: text } : {});

/** Shown when a file gave no explanation: the editor needs one, and it must not be invented. */
export const NO_EXPLANATION = 'The imported file gave no explanation for this question.';

/**
 * The editor's QuestionInput for an imported question: ids by position (o0, i0, t0), no
 * citations (imports carry none), rationales from the feedback the file held.
 */
export const toQuestionInput = (question: PortableQuestion): QuestionInputValue => {
  const rationales: { ref: string; text: string }[] = [];
  const input: QuestionInputValue = {
    type: question.type,
    stem: question.stem,
    explanation: question.explanation || NO_EXPLANATION,
  };
  if (question.quote !== undefined) {
    input.quote = question.quote;
  }
  if (question.options) {
    input.options = question.options.map((option, index) => ({
      id: `o${index}`,
      label: option.label,
    }));
    input.correctOptionIds = question.options.flatMap((option, index) =>
      option.correct ? [`o${index}`] : [],
    );
    question.options.forEach((option, index) => {
      if (option.feedback) {
        rationales.push({ ref: `o${index}`, text: option.feedback });
      }
    });
  }
  if (question.items) {
    input.items = question.items.map((item, index) => ({ id: `i${index}`, label: item.label }));
    question.items.forEach((item, index) => {
      if (item.feedback) {
        rationales.push({ ref: `i${index}`, text: item.feedback });
      }
    });
    if (question.type === 'CHRONOLOGY') {
      input.correctOrder = question.items.map((_item, index) => `i${index}`);
    }
  }
  if (question.targets) {
    input.targets = question.targets.map((label, index) => ({ id: `t${index}`, label }));
    input.correctPairs = (question.pairs ?? []).map((target, index) => ({
      itemId: `i${index}`,
      targetId: `t${target}`,
    }));
  }
  if (question.type === 'NUMERIC_YEAR') {
    if (question.year !== undefined) {
      input.correctYear = question.year;
    }
    input.numeric = question.numeric ?? defaultBounds(question.year);
    if (question.answerFeedback) {
      rationales.push({ ref: 'year', text: question.answerFeedback });
    }
  }
  if (question.type === 'SHORT_ANSWER') {
    // The reverse on import: one spelling per form our grader tells apart (the editor refuses two).
    input.correctAnswers = oneSpellingPerForm(question.answers ?? []);
    if (question.rejects?.length) {
      input.nearMisses = question.rejects;
    }
    if (question.hint) {
      input.answerHint = question.hint;
    }
    if (question.answerFeedback) {
      rationales.push({ ref: 'answer', text: question.answerFeedback });
    }
  }
  if (rationales.length > 0) {
    input.rationales = rationales;
  }
  return input;
};

/** Bounds of a year field a file did not give: the span the sources cover, when it fits. */
export const defaultBounds = (year: number | undefined, tolerance = 0) =>
  year === undefined || (year >= 1946 && year <= 2025)
    ? { min: 1946, max: 2025, tolerance }
    : { min: 1800, max: 2100, tolerance };

/** Types answered by exactly one option (every choice type except MULTI_SELECT). */
export const SINGLE_CHOICE_TYPES: readonly QuestionType[] = [
  'SINGLE_CHOICE',
  'TRUE_FALSE',
  'EVENT_YEAR',
  'YEAR_EVENT',
  'WHICH_FIRST',
  'WHO_SAID',
  'OFFICE_HOLDER',
  'TIMELINE_PLACEMENT',
];

export const isTrueFalse = (options: readonly { label: string }[] | undefined): boolean =>
  options?.length === 2 &&
  options[0]?.label.toLowerCase() === 'true' &&
  options[1]?.label.toLowerCase() === 'false';

/**
 * The type a plain single-answer choice question gets when the file does not name ours: two
 * options are true/false or "which came first", more are single choice.
 */
export const choiceTypeFor = (
  options: readonly PortableOption[],
  hasQuote: boolean,
): QuestionType => {
  if (options.length === 2) {
    return isTrueFalse(options) ? 'TRUE_FALSE' : 'WHICH_FIRST';
  }
  return hasQuote ? 'WHO_SAID' : 'SINGLE_CHOICE';
};

export const QUESTION_TYPE_SET: ReadonlySet<string> = new Set<string>(QUESTION_TYPES);
