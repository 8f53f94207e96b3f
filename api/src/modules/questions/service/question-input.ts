import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type FieldError, fieldErrorsFromZod } from '../../../lib/field-errors';
import { userText } from '../../../lib/user-text';
import { baseForm, collidingRejects, spellingForm } from '../short-answer';
import {
  CHOICE_TYPES,
  QUESTION_TYPES,
  type QuestionKey,
  type QuestionPrompt,
  type QuestionType,
  type Rationale,
} from '../types';

/** Years a teacher's question may ask about or bound its entry field with. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;

const clientId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'Use letters, digits, _ and - in ids');
const label = userText().min(1, 'Enter a label').max(300);
const Choice = z.object({ id: clientId.nullish(), label });
const ids = z.array(clientId).max(10);
// A name as a student would type it: a letter or digit is needed (baseForm keeps nothing else).
const typedName = userText()
  .min(1, 'Enter a name')
  .max(120, 'Keep a name to 120 characters')
  .refine((name) => baseForm(name) !== '', 'Use letters or digits');

/** The GraphQL QuestionInput, as zod sees it (types come from the schema; rules are added below). */
const QuestionInputSchema = z.object({
  type: z.enum(QUESTION_TYPES),
  stem: userText().min(5, 'Write a question of at least 5 characters').max(500),
  options: z.array(Choice).max(6).nullish(),
  items: z.array(Choice).max(6).nullish(),
  targets: z.array(Choice).max(6).nullish(),
  numeric: z
    .object({
      min: z.number().int().min(YEAR_MIN).max(YEAR_MAX),
      max: z.number().int().min(YEAR_MIN).max(YEAR_MAX),
      tolerance: z.number().int().min(0).max(50),
    })
    .nullish(),
  quote: userText().min(3).max(600).nullish(),
  correctOptionIds: ids.nullish(),
  correctOrder: ids.nullish(),
  correctPairs: z
    .array(z.object({ itemId: clientId, targetId: clientId }))
    .max(6)
    .nullish(),
  correctYear: z.number().int().min(YEAR_MIN).max(YEAR_MAX).nullish(),
  correctAnswers: z.array(typedName).max(20, 'Accept at most 20 spellings').nullish(),
  nearMisses: z.array(typedName).max(20, 'List at most 20 near misses').nullish(),
  answerHint: userText().min(3, 'Write a hint of at least 3 characters').max(80).nullish(),
  explanation: userText().min(1, 'Explain the answer').max(2000),
  rationales: z
    .array(
      z.object({
        ref: clientId,
        text: userText().min(1).max(600),
        citationIds: z.array(z.string().max(100)).max(30, 'Cite at most 30 passages').nullish(),
      }),
    )
    .max(12)
    .nullish(),
  // Generated chronology and matching questions cite every event they show (up to 26 passages).
  citationIds: z
    .array(z.string().max(100))
    .min(1, 'Cite at least one passage')
    .max(60, 'Cite at most 60 passages')
    .nullish(),
  era: z.string().max(100).nullish(),
  themes: z.array(z.string().max(100)).max(20, 'Choose at most 20 themes').nullish(),
});

export type QuestionInputValue = z.input<typeof QuestionInputSchema>;

/** Options (and their counts) each type takes; other lists must be absent. */
const SHAPE: Record<
  QuestionType,
  {
    options?: [number, number];
    items?: [number, number];
    targets?: [number, number];
    numeric?: true;
    quote?: true;
  }
> = {
  SINGLE_CHOICE: { options: [3, 6] },
  MULTI_SELECT: { options: [3, 6] },
  TRUE_FALSE: { options: [2, 2] },
  EVENT_YEAR: { options: [3, 6] },
  YEAR_EVENT: { options: [3, 6] },
  WHICH_FIRST: { options: [2, 2] },
  WHO_SAID: { options: [3, 6], quote: true },
  OFFICE_HOLDER: { options: [3, 6] },
  TIMELINE_PLACEMENT: { options: [3, 6] },
  NUMERIC_YEAR: { numeric: true },
  CHRONOLOGY: { items: [3, 6] },
  MATCHING: { items: [2, 6], targets: [2, 6] },
  SHORT_ANSWER: {},
};

type Ctx = z.RefinementCtx;

const issue = (ctx: Ctx, path: (string | number)[], code: string, message: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { code } });

type ChoiceList = { id?: string | null; label: string }[];

/** Client ids after defaults: `o0`, `i0`, `t0`… by position when an id is omitted. */
const withIds = (list: ChoiceList | null | undefined, prefix: string) =>
  (list ?? []).map((choice, index) => ({
    id: choice.id ?? `${prefix}${index}`,
    label: choice.label,
  }));

const checkList = (
  ctx: Ctx,
  field: 'options' | 'items' | 'targets',
  list: ChoiceList | null | undefined,
  bounds: [number, number] | undefined,
  prefix: string,
) => {
  if (!bounds) {
    if (list) {
      issue(ctx, [field], 'NOT_ALLOWED', `This type of question has no ${field}`);
    }
    return;
  }
  if (!list) {
    issue(ctx, [field], 'REQUIRED', `Add ${bounds[0]} ${field} or more`);
    return;
  }
  const [min, max] = bounds;
  if (list.length < min) {
    issue(ctx, [field], 'TOO_FEW', `Add at least ${min} ${field}`);
  } else if (list.length > max) {
    issue(ctx, [field], 'TOO_MANY', `Use at most ${max} ${field}`);
  }
  const labels = new Set<string>();
  withIds(list, prefix).forEach((choice, index) => {
    const key = choice.label.trim().toLowerCase();
    if (labels.has(key)) {
      issue(ctx, [field, index, 'label'], 'DUPLICATE', 'Two entries have this label');
    }
    labels.add(key);
  });
};

const checkRefs = (
  ctx: Ctx,
  field: string,
  refs: readonly string[],
  known: ReadonlySet<string>,
  what: string,
) => {
  refs.forEach((ref, index) => {
    if (!known.has(ref)) {
      issue(ctx, [field, index], 'NOT_FOUND', `No ${what} has the id "${ref}"`);
    }
  });
  if (new Set(refs).size !== refs.length) {
    issue(ctx, [field], 'DUPLICATE', `An ${what} is listed twice`);
  }
};

/** The rationale ref of a typed answer (it has no options to hang rationales on). */
export const SHORT_ANSWER_REF = 'answer';

/**
 * Accepted spellings must be distinct names, and no near miss may be one a student could not be
 * told apart from an accepted answer (equal after folding, or within the typo budget).
 */
const checkTypedAnswers = (ctx: Ctx, answers: readonly string[], nearMisses: readonly string[]) => {
  if (answers.length === 0) {
    issue(ctx, ['correctAnswers'], 'TOO_FEW', 'Give the answer as the sources name it');
  }
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const form = spellingForm(answer);
    if (seen.has(form)) {
      issue(ctx, ['correctAnswers', index], 'DUPLICATE', 'This spelling is already accepted');
    }
    seen.add(form);
  });
  const colliding = new Set(collidingRejects(answers, nearMisses));
  nearMisses.forEach((name, index) => {
    if (colliding.has(name)) {
      issue(
        ctx,
        ['nearMisses', index],
        'DUPLICATE',
        'Too close to an accepted answer: a student typing it could not be graded fairly',
      );
    }
  });
};

const Rules = QuestionInputSchema.superRefine((input, ctx) => {
  const shape = SHAPE[input.type];
  checkList(ctx, 'options', input.options, shape.options, 'o');
  checkList(ctx, 'items', input.items, shape.items, 'i');
  checkList(ctx, 'targets', input.targets, shape.targets, 't');
  const options = withIds(input.options, 'o');
  const items = withIds(input.items, 'i');
  const targets = withIds(input.targets, 't');
  const all = [...options, ...items, ...targets].map((choice) => choice.id);
  if (new Set(all).size !== all.length) {
    issue(ctx, ['options'], 'DUPLICATE', 'Two entries share an id');
  }
  const isChoice = CHOICE_TYPES.includes(input.type);
  // The key: exactly the fields the type needs.
  const allowed = {
    correctOptionIds: isChoice,
    correctOrder: input.type === 'CHRONOLOGY',
    correctPairs: input.type === 'MATCHING',
    correctYear: input.type === 'NUMERIC_YEAR',
    correctAnswers: input.type === 'SHORT_ANSWER',
  };
  for (const [field, isAllowed] of Object.entries(allowed)) {
    const value = input[field as keyof typeof allowed];
    if (isAllowed && (value === null || value === undefined)) {
      issue(ctx, [field], 'REQUIRED', 'Give the correct answer');
    } else if (!isAllowed && value !== null && value !== undefined) {
      issue(ctx, [field], 'NOT_ALLOWED', 'This type of question has no such answer');
    }
  }
  if (isChoice && input.correctOptionIds) {
    const optionIds = new Set(options.map((option) => option.id));
    checkRefs(ctx, 'correctOptionIds', input.correctOptionIds, optionIds, 'option');
    const count = input.correctOptionIds.length;
    if (input.type === 'MULTI_SELECT') {
      if (count < 1) {
        issue(ctx, ['correctOptionIds'], 'TOO_FEW', 'Mark at least one option correct');
      } else if (count >= options.length && options.length > 0) {
        issue(ctx, ['correctOptionIds'], 'TOO_MANY', 'Leave at least one wrong option');
      }
    } else if (count !== 1) {
      issue(ctx, ['correctOptionIds'], count < 1 ? 'TOO_FEW' : 'TOO_MANY', 'Mark one option');
    }
  }
  if (input.type === 'CHRONOLOGY' && input.correctOrder) {
    const itemIds = new Set(items.map((item) => item.id));
    checkRefs(ctx, 'correctOrder', input.correctOrder, itemIds, 'item');
    if (input.correctOrder.length !== items.length) {
      issue(ctx, ['correctOrder'], 'INVALID', 'Put every item in the order, once');
    }
  }
  if (input.type === 'MATCHING' && input.correctPairs) {
    const itemIds = new Set(items.map((item) => item.id));
    const targetIds = new Set(targets.map((target) => target.id));
    input.correctPairs.forEach((pair, index) => {
      if (!itemIds.has(pair.itemId)) {
        issue(ctx, ['correctPairs', index, 'itemId'], 'NOT_FOUND', 'No such item');
      }
      if (!targetIds.has(pair.targetId)) {
        issue(ctx, ['correctPairs', index, 'targetId'], 'NOT_FOUND', 'No such target');
      }
    });
    const paired = input.correctPairs.map((pair) => pair.itemId);
    const used = input.correctPairs.map((pair) => pair.targetId);
    if (
      new Set(paired).size !== paired.length ||
      paired.length !== items.length ||
      new Set(used).size !== used.length
    ) {
      issue(ctx, ['correctPairs'], 'INVALID', 'Pair every item once, each with its own target');
    }
  }
  if (shape.numeric) {
    if (!input.numeric) {
      issue(ctx, ['numeric'], 'REQUIRED', 'Give the bounds of the year field');
    } else {
      if (input.numeric.min >= input.numeric.max) {
        issue(ctx, ['numeric', 'max'], 'OUT_OF_RANGE', 'The upper bound must exceed the lower');
      }
      if (
        input.correctYear !== null &&
        input.correctYear !== undefined &&
        (input.correctYear < input.numeric.min || input.correctYear > input.numeric.max)
      ) {
        issue(ctx, ['correctYear'], 'OUT_OF_RANGE', 'The answer must lie within the bounds');
      }
    }
  } else if (input.numeric) {
    issue(ctx, ['numeric'], 'NOT_ALLOWED', 'Only year questions have bounds');
  }
  if (input.type === 'SHORT_ANSWER') {
    checkTypedAnswers(ctx, input.correctAnswers ?? [], input.nearMisses ?? []);
  } else {
    for (const field of ['nearMisses', 'answerHint'] as const) {
      if (input[field] !== null && input[field] !== undefined) {
        issue(ctx, [field], 'NOT_ALLOWED', 'Only typed-answer questions have this');
      }
    }
  }
  if (shape.quote && !input.quote) {
    issue(ctx, ['quote'], 'REQUIRED', 'Give the words to attribute');
  } else if (!shape.quote && input.quote) {
    issue(ctx, ['quote'], 'NOT_ALLOWED', 'Only "who said" questions quote words');
  }
  const refs = new Set([
    ...all,
    ...(input.type === 'NUMERIC_YEAR' ? ['year'] : []),
    ...(input.type === 'SHORT_ANSWER' ? [SHORT_ANSWER_REF] : []),
  ]);
  (input.rationales ?? []).forEach((rationale, index) => {
    if (!refs.has(rationale.ref)) {
      issue(ctx, ['rationales', index, 'ref'], 'NOT_FOUND', 'No option or item has this id');
    }
  });
});

/** The editor's rules; imports (no knowledge-base passage to cite) skip only this one. */
const CitedRules = Rules.superRefine((input, ctx) => {
  if (!input.citationIds) {
    issue(ctx, ['citationIds'], 'REQUIRED', 'Cite at least one passage');
  }
});

/** A validated question, ready to store (ids replaced by random ones). */
export type ValidQuestion = {
  type: QuestionType;
  stem: string;
  prompt: QuestionPrompt;
  key: QuestionKey;
  explanation: string;
  citationIds: string[];
  eraSlug: string | null;
  themes: string[];
};

/** Everything the input references that must exist in the knowledge base. */
export type QuestionReferences = { citationIds: string[]; era: string | null; themes: string[] };

export type ParseQuestionInputResult =
  | { ok: true; question: ValidQuestion; references: QuestionReferences }
  | { ok: false; errors: FieldError[] };

/** Random option ids, so an id never hints at the answer or at the order it was written in. */
export const randomChoiceId = (): string => randomBytes(6).toString('base64url');

/**
 * Checks a teacher's QuestionInput against its type's rules (option counts, unique labels, key
 * ids that exist, year bounds) and builds the stored prompt and key. Pure apart from `newId`.
 */
export const parseQuestionInput = (
  raw: QuestionInputValue,
  newId: () => string = randomChoiceId,
  { requireCitation = true }: { requireCitation?: boolean } = {},
): ParseQuestionInputResult => {
  const parsed = (requireCitation ? CitedRules : Rules).safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrorsFromZod(parsed.error) };
  }
  const input = parsed.data;
  const ids = new Map<string, string>();
  const remap = (list: ChoiceList | null | undefined, prefix: string) =>
    list
      ? withIds(list, prefix).map((choice) => {
          const id = newId();
          ids.set(choice.id, id);
          return { id, label: choice.label };
        })
      : undefined;
  const to = (id: string): string => ids.get(id) ?? id;
  const prompt: QuestionPrompt = {
    ...(input.options ? { options: remap(input.options, 'o') } : {}),
    ...(input.type === 'MULTI_SELECT' ? { selectMany: true } : {}),
    ...(input.items ? { items: remap(input.items, 'i') } : {}),
    ...(input.targets ? { targets: remap(input.targets, 't') } : {}),
    ...(input.numeric ? { numeric: input.numeric } : {}),
    ...(input.quote ? { quote: input.quote } : {}),
    ...(input.type === 'SHORT_ANSWER' && input.answerHint ? { answerHint: input.answerHint } : {}),
  };
  const correct = new Set(
    [
      ...(input.correctOptionIds ?? []),
      ...(input.correctOrder ?? []),
      ...(input.correctPairs ?? []).map((pair) => pair.itemId),
      ...(input.correctYear !== null && input.correctYear !== undefined ? ['year'] : []),
      ...(input.type === 'SHORT_ANSWER' ? [SHORT_ANSWER_REF] : []),
    ].map(to),
  );
  const rationales: Rationale[] = (input.rationales ?? []).map((rationale) => ({
    ref: to(rationale.ref),
    isCorrect: correct.has(to(rationale.ref)),
    text: rationale.text,
    citationIds: rationale.citationIds ?? [],
    factIds: [],
  }));
  const key: QuestionKey = {
    ...(input.correctOptionIds ? { optionIds: input.correctOptionIds.map(to) } : {}),
    ...(input.correctOrder ? { order: input.correctOrder.map(to) } : {}),
    ...(input.correctPairs
      ? {
          pairs: input.correctPairs.map((pair) => ({
            itemId: to(pair.itemId),
            targetId: to(pair.targetId),
          })),
        }
      : {}),
    ...(input.correctYear !== null && input.correctYear !== undefined
      ? { year: input.correctYear }
      : {}),
    ...(input.correctAnswers ? { answers: input.correctAnswers } : {}),
    ...(input.correctAnswers && input.nearMisses?.length ? { rejects: input.nearMisses } : {}),
    rationales,
  };
  const citationIds = [...new Set(input.citationIds ?? [])];
  const rationaleCitations = rationales.flatMap((rationale) => rationale.citationIds);
  return {
    ok: true,
    question: {
      type: input.type,
      stem: input.stem,
      prompt,
      key,
      explanation: input.explanation,
      citationIds,
      eraSlug: input.era ?? null,
      themes: [...new Set(input.themes ?? [])],
    },
    references: {
      citationIds: [...new Set([...citationIds, ...rationaleCitations])],
      era: input.era ?? null,
      themes: [...new Set(input.themes ?? [])],
    },
  };
};
