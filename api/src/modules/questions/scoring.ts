/**
 * Scoring a player's response against a question's key. Pure: no I/O, no clock (the caller passes
 * the elapsed time). Invalid responses (unknown ids, duplicates, the wrong shape for the type) throw
 * `InvalidResponseError` so the API can answer BAD_USER_INPUT instead of scoring garbage as wrong.
 */
import {
  gradeShortAnswer,
  isAccepted,
  type ShortAnswerGrade,
  sanitiseAnswerText,
} from './short-answer';
import {
  CHOICE_TYPES,
  type QuestionKey,
  type QuestionPrompt,
  QuestionResponse,
  type QuestionType,
} from './types';

export class InvalidResponseError extends Error {
  override readonly name = 'InvalidResponseError';
}

export type ScoreInput = {
  type: QuestionType;
  prompt: QuestionPrompt;
  key: QuestionKey;
  response: QuestionResponse;
};

/** `grading` says how a typed answer was matched (SHORT_ANSWER only). */
export type Score = { credit: number; isCorrect: boolean; grading?: ShortAnswerGrade };

const invalid = (message: string): never => {
  throw new InvalidResponseError(message);
};

/** The response carries exactly the fields the type answers with. */
const onlyFields = (response: QuestionResponse, allowed: keyof QuestionResponse): void => {
  for (const [k, v] of Object.entries(response)) {
    if (v !== undefined && k !== allowed) {
      invalid(`a ${allowed} answer cannot carry "${k}"`);
    }
  }
};

const noDuplicates = (ids: readonly string[], what: string): void => {
  if (new Set(ids).size !== ids.length) {
    invalid(`duplicate ${what}`);
  }
};

const knownIds = (ids: readonly string[], known: readonly string[], what: string): void => {
  const set = new Set(known);
  const unknown = ids.filter((id) => !set.has(id));
  if (unknown.length > 0) {
    invalid(`unknown ${what}: ${unknown.join(', ')}`);
  }
};

/** Number of discordant pairs between two orderings of the same items. */
export const kendallTauDistance = (a: readonly string[], b: readonly string[]): number => {
  const pos = new Map(b.map((id, i) => [id, i]));
  let d = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + 1; j < a.length; j += 1) {
      if ((pos.get(a[i] ?? '') ?? 0) > (pos.get(a[j] ?? '') ?? 0)) {
        d += 1;
      }
    }
  }
  return d;
};

const scoreChoice = (
  type: QuestionType,
  prompt: QuestionPrompt,
  key: QuestionKey,
  r: QuestionResponse,
): Score => {
  onlyFields(r, 'optionIds');
  const picked = r.optionIds ?? invalid('a choice answer needs optionIds');
  const options = (prompt.options ?? []).map((o) => o.id);
  noDuplicates(picked, 'option ids');
  knownIds(picked, options, 'option ids');
  const keys = key.optionIds ?? [];
  if (keys.length === 0) {
    throw new Error('question key has no option ids');
  }
  if (type !== 'MULTI_SELECT') {
    if (picked.length !== 1) {
      invalid(`pick exactly one option, not ${picked.length}`);
    }
    const ok = picked[0] === keys[0];
    return { credit: ok ? 1 : 0, isCorrect: ok };
  }
  // Partial credit: 1/k per right pick, and a wrong pick costs at least as much as a right one
  // earns and at least 1/(distractors), so ticking every box scores 0. With 1/k alone (before
  // round 4 of the probe), select-all earned (k − d)/k wherever the keys outnumbered the
  // distractors: 667 points for ticking all four boxes of a three-of-four question.
  const right = picked.filter((id) => keys.includes(id)).length;
  const wrong = picked.length - right;
  const distractors = options.length - keys.length;
  const penalty = Math.max(1 / keys.length, distractors > 0 ? 1 / distractors : 0);
  const credit = Math.max(0, right / keys.length - wrong * penalty);
  const isCorrect = wrong === 0 && right === keys.length;
  return { credit, isCorrect };
};

const scoreChronology = (prompt: QuestionPrompt, key: QuestionKey, r: QuestionResponse): Score => {
  onlyFields(r, 'order');
  const order = r.order ?? invalid('a chronology answer needs order');
  const items = (prompt.items ?? []).map((i) => i.id);
  noDuplicates(order, 'items');
  knownIds(order, items, 'items');
  if (order.length !== items.length) {
    invalid(`order all ${items.length} items`);
  }
  const expected = key.order ?? [];
  if (expected.length !== items.length) {
    throw new Error('question key has no full order');
  }
  const maxPairs = (items.length * (items.length - 1)) / 2;
  const d = kendallTauDistance(order, expected);
  return { credit: maxPairs === 0 ? 1 : 1 - d / maxPairs, isCorrect: d === 0 };
};

const scoreMatching = (prompt: QuestionPrompt, key: QuestionKey, r: QuestionResponse): Score => {
  onlyFields(r, 'pairs');
  const pairs = r.pairs ?? invalid('a matching answer needs pairs');
  const items = (prompt.items ?? []).map((i) => i.id);
  const targets = (prompt.targets ?? []).map((t) => t.id);
  noDuplicates(
    pairs.map((p) => p.itemId),
    'items',
  );
  noDuplicates(
    pairs.map((p) => p.targetId),
    'targets',
  );
  knownIds(
    pairs.map((p) => p.itemId),
    items,
    'items',
  );
  knownIds(
    pairs.map((p) => p.targetId),
    targets,
    'targets',
  );
  const expected = key.pairs ?? [];
  if (expected.length === 0) {
    throw new Error('question key has no pairs');
  }
  const right = pairs.filter((p) =>
    expected.some((e) => e.itemId === p.itemId && e.targetId === p.targetId),
  ).length;
  return { credit: right / expected.length, isCorrect: right === expected.length };
};

const scoreNumeric = (prompt: QuestionPrompt, key: QuestionKey, r: QuestionResponse): Score => {
  onlyFields(r, 'year');
  const year = r.year ?? invalid('a numeric answer needs a year');
  if (key.year === undefined) {
    throw new Error('question key has no year');
  }
  const ok = Math.abs(year - key.year) <= (prompt.numeric?.tolerance ?? 0);
  return { credit: ok ? 1 : 0, isCorrect: ok };
};

/** Full credit or none: a name is either the right one or not. */
const scoreShortAnswer = (key: QuestionKey, r: QuestionResponse): Score => {
  onlyFields(r, 'text');
  const text = sanitiseAnswerText(r.text ?? invalid('a short answer needs text'));
  if (text === '') {
    invalid('type an answer');
  }
  const answers = key.answers ?? [];
  if (answers.length === 0) {
    throw new Error('question key has no accepted answers');
  }
  const grading = gradeShortAnswer(text, { answers, rejects: key.rejects ?? [] });
  const ok = isAccepted(grading.match);
  return { credit: ok ? 1 : 0, isCorrect: ok, grading };
};

/** Credit in [0, 1] and whether the answer is fully right. Throws InvalidResponseError on bad input. */
export const scoreResponse = ({ type, prompt, key, response }: ScoreInput): Score => {
  const parsed = QuestionResponse.safeParse(response);
  if (!parsed.success) {
    return invalid(`malformed response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const r = parsed.data;
  if (CHOICE_TYPES.includes(type)) {
    return scoreChoice(type, prompt, key, r);
  }
  switch (type) {
    case 'CHRONOLOGY':
      return scoreChronology(prompt, key, r);
    case 'MATCHING':
      return scoreMatching(prompt, key, r);
    case 'NUMERIC_YEAR':
      return scoreNumeric(prompt, key, r);
    case 'SHORT_ANSWER':
      return scoreShortAnswer(key, r);
    default:
      return invalid(`unknown question type ${type}`);
  }
};

export type ScoringMode = 'ACCURACY' | 'SPEED_BONUS';

/**
 * Points for one answer. ACCURACY: round(1000 × credit). SPEED_BONUS (Kahoot-like, only when the
 * question has a time limit): half the points for being right, half scaled by the time left.
 */
export const pointsFor = ({
  credit,
  scoringMode,
  elapsedMs,
  timeLimitMs,
}: {
  credit: number;
  scoringMode: ScoringMode;
  elapsedMs: number;
  timeLimitMs?: number | null;
}): number => {
  if (!Number.isFinite(credit) || credit < 0 || credit > 1) {
    throw new RangeError(`credit must be in [0, 1], got ${credit}`);
  }
  if (scoringMode === 'ACCURACY' || !timeLimitMs || timeLimitMs <= 0) {
    return Math.round(1000 * credit);
  }
  const used = Math.min(Math.max(elapsedMs, 0) / timeLimitMs, 1);
  return Math.round(1000 * credit * (0.5 + 0.5 * (1 - used)));
};
