/**
 * The shape of a question, shared by the generator, teacher editing, the attempt flow and scoring.
 * `QuestionPrompt` is what a player sees; `QuestionKey` is the answer with its rationales and is
 * never sent before the player's answer is locked. Both are stored as JSON on `Question`.
 */
import { z } from 'zod';

export const QUESTION_TYPES = [
  'SINGLE_CHOICE',
  'MULTI_SELECT',
  'TRUE_FALSE',
  'EVENT_YEAR',
  'YEAR_EVENT',
  'NUMERIC_YEAR',
  'CHRONOLOGY',
  'WHICH_FIRST',
  'WHO_SAID',
  'OFFICE_HOLDER',
  'MATCHING',
  'TIMELINE_PLACEMENT',
  'SHORT_ANSWER',
] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

/** Types answered by picking option(s). */
export const CHOICE_TYPES: readonly QuestionType[] = [
  'SINGLE_CHOICE',
  'MULTI_SELECT',
  'TRUE_FALSE',
  'EVENT_YEAR',
  'YEAR_EVENT',
  'WHICH_FIRST',
  'WHO_SAID',
  'OFFICE_HOLDER',
  'TIMELINE_PLACEMENT',
];

const id = z.string().min(1).max(64);

/** Longest typed answer a player may send (the longest KB name is far shorter). */
export const SHORT_ANSWER_MAX_LENGTH = 120;
const label = z.string().trim().min(1).max(300);

export const Choice = z.object({ id, label }).strict();
export type Choice = z.infer<typeof Choice>;

/**
 * What the player sees besides the stem.
 * - choice types: `options` (2 for WHICH_FIRST and TRUE_FALSE, else 3–4); MULTI_SELECT sets
 *   `selectMany` so the player knows to pick every correct option;
 * - CHRONOLOGY: `items` to put in order (3–5);
 * - MATCHING: `items` (left) to pair with `targets` (right);
 * - NUMERIC_YEAR: `numeric` bounds of the entry field;
 * - WHO_SAID: `quote` holds the words (the stem asks who said them);
 * - SHORT_ANSWER: `answerHint` says what kind of answer to type ("a person's name", "a state").
 */
export const QuestionPrompt = z
  .object({
    options: z.array(Choice).max(6).optional(),
    selectMany: z.boolean().optional(),
    items: z.array(Choice).max(6).optional(),
    targets: z.array(Choice).max(6).optional(),
    numeric: z
      .object({ min: z.number().int(), max: z.number().int(), tolerance: z.number().int().min(0) })
      .strict()
      .optional(),
    quote: z.string().min(1).max(600).optional(),
    answerHint: z.string().min(1).max(80).optional(),
  })
  .strict();
export type QuestionPrompt = z.infer<typeof QuestionPrompt>;

/** Why an option (or item/pair) is right or wrong, with the passages that prove it. */
export const Rationale = z
  .object({
    /** Option id, item id (chronology/matching) or "year" (numeric). */
    ref: id,
    isCorrect: z.boolean(),
    text: z.string().min(1).max(600),
    citationIds: z.array(z.string()).default([]),
    factIds: z.array(z.string()).default([]),
  })
  .strict();
export type Rationale = z.infer<typeof Rationale>;

/** The answer. Exactly the fields the type needs are set. */
export const QuestionKey = z
  .object({
    optionIds: z.array(id).optional(),
    order: z.array(id).optional(),
    pairs: z.array(z.object({ itemId: id, targetId: id }).strict()).optional(),
    year: z.number().int().optional(),
    /**
     * SHORT_ANSWER: the accepted answers. The first is the canonical name as the KB gives it,
     * then every alias or short name to accept.
     */
    answers: z.array(z.string().min(1).max(120)).min(1).max(20).optional(),
    /**
     * SHORT_ANSWER: other names a student might confuse with the key (Bashar for Hafez al-Assad).
     * An answer that matches one of these, or is at least as close to one as to the key, is wrong.
     */
    rejects: z.array(z.string().min(1).max(120)).max(20).optional(),
    rationales: z.array(Rationale),
  })
  .strict();
export type QuestionKey = z.infer<typeof QuestionKey>;

/** A player's answer. */
export const QuestionResponse = z
  .object({
    optionIds: z.array(id).max(6).optional(),
    order: z.array(id).max(6).optional(),
    pairs: z
      .array(z.object({ itemId: id, targetId: id }).strict())
      .max(6)
      .optional(),
    year: z.number().int().min(-10000).max(10000).optional(),
    /** SHORT_ANSWER: the typed answer (trimmed, control characters removed, at most 120). */
    text: z.string().max(SHORT_ANSWER_MAX_LENGTH).optional(),
  })
  .strict();
export type QuestionResponse = z.infer<typeof QuestionResponse>;

/** A question as stored in the bank (maps one-to-one onto the Prisma `Question` model). */
export type BankQuestion = {
  id: string;
  type: QuestionType;
  template: string;
  stem: string;
  prompt: QuestionPrompt;
  key: QuestionKey;
  explanation: string;
  citationIds: string[];
  factIds: string[];
  eraSlug: string | null;
  themes: string[];
  actorSlugs: string[];
  /** Prior difficulty in [0, 1] (0 easy, 1 hard) before any answers are seen. */
  difficulty: number;
  /**
   * One key per clue pair of the bank it is in (clues.ts, clueKeysOf): a quiz keeps questions
   * sharing a key apart. Absent for authored questions.
   */
  clueKeys?: string[];
};
