/**
 * The scorer's refusals and edges, pinned by message (mutation testing showed the messages, the
 * key checks, short answers and the boundaries of pointsFor were not pinned by scoring.test.ts).
 */
import { InvalidResponseError, kendallTauDistance, pointsFor, scoreResponse } from './scoring';
import type { QuestionKey, QuestionPrompt, QuestionResponse, QuestionType } from './types';

const opts = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));
const single = {
  prompt: { options: opts('a', 'b', 'c') },
  key: { optionIds: ['b'], rationales: [] },
};
const chrono = {
  prompt: { items: opts('w', 'x', 'y') },
  key: { order: ['w', 'x', 'y'], rationales: [] },
};
const matching = {
  prompt: { items: opts('p', 'q', 'r'), targets: opts('t1', 't2', 't3') },
  key: {
    pairs: [
      { itemId: 'p', targetId: 't1' },
      { itemId: 'q', targetId: 't2' },
      { itemId: 'r', targetId: 't3' },
    ],
    rationales: [],
  },
};
const numeric = {
  prompt: { numeric: { min: 1946, max: 2025, tolerance: 1 } },
  key: { year: 1980, rationales: [] },
};
const typed = {
  prompt: { answerHint: "a person's name" },
  key: { answers: ['Hafez al-Assad'], rejects: ['Bashar al-Assad'], rationales: [] },
};

const score = (
  type: QuestionType,
  q: { prompt: QuestionPrompt; key: QuestionKey },
  response: QuestionResponse,
) => scoreResponse({ type, prompt: q.prompt, key: q.key, response });

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).name).toBe('InvalidResponseError');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('refusals say what is wrong', () => {
  it.each<[string, QuestionType, { prompt: QuestionPrompt; key: QuestionKey }, unknown, string]>([
    [
      'choice with order',
      'SINGLE_CHOICE',
      single,
      { optionIds: ['b'], order: ['a'] },
      'a optionIds answer cannot carry "order"',
    ],
    ['choice without ids', 'SINGLE_CHOICE', single, {}, 'a choice answer needs optionIds'],
    ['choice duplicate', 'MULTI_SELECT', single, { optionIds: ['a', 'a'] }, 'duplicate option ids'],
    [
      'choice unknown',
      'SINGLE_CHOICE',
      single,
      { optionIds: ['x', 'y'] },
      'unknown option ids: x, y',
    ],
    [
      'choice two picks',
      'SINGLE_CHOICE',
      single,
      { optionIds: ['a', 'b'] },
      'pick exactly one option, not 2',
    ],
    [
      'choice no pick',
      'SINGLE_CHOICE',
      single,
      { optionIds: [] },
      'pick exactly one option, not 0',
    ],
    ['chronology without order', 'CHRONOLOGY', chrono, {}, 'a chronology answer needs order'],
    ['chronology duplicate', 'CHRONOLOGY', chrono, { order: ['w', 'w', 'x'] }, 'duplicate items'],
    ['chronology unknown', 'CHRONOLOGY', chrono, { order: ['w', 'x', 'q'] }, 'unknown items: q'],
    ['chronology short', 'CHRONOLOGY', chrono, { order: ['w', 'x'] }, 'order all 3 items'],
    ['matching without pairs', 'MATCHING', matching, {}, 'a matching answer needs pairs'],
    [
      'matching duplicate item',
      'MATCHING',
      matching,
      {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'p', targetId: 't2' },
        ],
      },
      'duplicate items',
    ],
    [
      'matching duplicate target',
      'MATCHING',
      matching,
      {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'q', targetId: 't1' },
        ],
      },
      'duplicate targets',
    ],
    [
      'matching unknown item',
      'MATCHING',
      matching,
      { pairs: [{ itemId: 'z', targetId: 't1' }] },
      'unknown items: z',
    ],
    [
      'matching unknown target',
      'MATCHING',
      matching,
      { pairs: [{ itemId: 'p', targetId: 'tz' }] },
      'unknown targets: tz',
    ],
    ['numeric without year', 'NUMERIC_YEAR', numeric, {}, 'a numeric answer needs a year'],
    [
      'numeric with text',
      'NUMERIC_YEAR',
      numeric,
      { year: 1980, text: 'x' },
      'a year answer cannot carry "text"',
    ],
    ['typed without text', 'SHORT_ANSWER', typed, {}, 'a short answer needs text'],
    ['typed blank', 'SHORT_ANSWER', typed, { text: '   ' }, 'type an answer'],
    [
      'typed with ids',
      'SHORT_ANSWER',
      typed,
      { text: 'x', optionIds: ['a'] },
      'a text answer cannot carry "optionIds"',
    ],
    [
      'unknown type',
      'NOPE' as QuestionType,
      single,
      { optionIds: ['b'] },
      'unknown question type NOPE',
    ],
  ])('%s', (_name, type, q, response, message) => {
    expect(refusal(() => score(type, q, response as QuestionResponse))).toBe(message);
  });

  it('a malformed response names the first problem', () => {
    expect(
      refusal(() =>
        score('SINGLE_CHOICE', single, { optionIds: 'b' } as unknown as QuestionResponse),
      ),
    ).toMatch(/^malformed response: .+/);
    expect(
      refusal(() =>
        score('SINGLE_CHOICE', single, { optionIds: 'b' } as unknown as QuestionResponse),
      ),
    ).not.toMatch(/invalid$/);
  });
});

describe('broken keys are the server’s fault, not the player’s', () => {
  it.each<
    [string, QuestionType, { prompt: QuestionPrompt; key: QuestionKey }, QuestionResponse, string]
  >([
    [
      'choice',
      'SINGLE_CHOICE',
      { ...single, key: { rationales: [] } },
      { optionIds: ['a'] },
      'question key has no option ids',
    ],
    [
      'chronology',
      'CHRONOLOGY',
      { ...chrono, key: { order: ['w', 'x'], rationales: [] } },
      { order: ['w', 'x', 'y'] },
      'question key has no full order',
    ],
    [
      'chronology none',
      'CHRONOLOGY',
      { ...chrono, key: { rationales: [] } },
      { order: ['w', 'x', 'y'] },
      'question key has no full order',
    ],
    [
      'matching',
      'MATCHING',
      { ...matching, key: { rationales: [] } },
      { pairs: [{ itemId: 'p', targetId: 't1' }] },
      'question key has no pairs',
    ],
    [
      'numeric',
      'NUMERIC_YEAR',
      { ...numeric, key: { rationales: [] } },
      { year: 1980 },
      'question key has no year',
    ],
    [
      'typed',
      'SHORT_ANSWER',
      { ...typed, key: { rationales: [] } },
      { text: 'Hafez' },
      'question key has no accepted answers',
    ],
  ])('%s', (_name, type, q, response, message) => {
    let caught: unknown;
    try {
      score(type, q, response);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(InvalidResponseError);
    expect((caught as Error).message).toBe(message);
  });
});

describe('edges of the scores', () => {
  it('numeric tolerance is inclusive, and missing tolerance means exact', () => {
    expect(score('NUMERIC_YEAR', numeric, { year: 1981 })).toEqual({ credit: 1, isCorrect: true });
    expect(score('NUMERIC_YEAR', numeric, { year: 1979 })).toEqual({ credit: 1, isCorrect: true });
    expect(score('NUMERIC_YEAR', numeric, { year: 1982 })).toEqual({ credit: 0, isCorrect: false });
    const exact = { ...numeric, prompt: {} };
    expect(score('NUMERIC_YEAR', exact, { year: 1980 })).toEqual({ credit: 1, isCorrect: true });
    expect(score('NUMERIC_YEAR', exact, { year: 1981 })).toEqual({ credit: 0, isCorrect: false });
  });

  it('typed answers: accepted spellings score, a reject does not, with the grading kept', () => {
    const right = score('SHORT_ANSWER', typed, { text: 'hafez assad' });
    expect(right).toMatchObject({ credit: 1, isCorrect: true });
    expect(right.grading).toBeDefined();
    const wrong = score('SHORT_ANSWER', typed, { text: 'Bashar al-Assad' });
    expect(wrong).toMatchObject({ credit: 0, isCorrect: false });
    expect(wrong.grading?.match).toBeDefined();
    const noRejects = { ...typed, key: { answers: ['Hafez al-Assad'], rationales: [] } };
    expect(score('SHORT_ANSWER', noRejects, { text: 'Hafez al-Assad' })).toMatchObject({
      credit: 1,
      isCorrect: true,
    });
  });

  it('a one-item chronology is full credit; a two-item swap is none', () => {
    const one = { prompt: { items: opts('w') }, key: { order: ['w'], rationales: [] } };
    expect(score('CHRONOLOGY', one, { order: ['w'] })).toEqual({ credit: 1, isCorrect: true });
    const two = { prompt: { items: opts('w', 'x') }, key: { order: ['w', 'x'], rationales: [] } };
    expect(score('CHRONOLOGY', two, { order: ['x', 'w'] })).toEqual({
      credit: 0,
      isCorrect: false,
    });
    const swapped = score('CHRONOLOGY', chrono, { order: ['x', 'w', 'y'] });
    expect(swapped.credit).toBeCloseTo(2 / 3, 12);
    expect(swapped.isCorrect).toBe(false);
  });

  it('kendall distance counts only strictly discordant pairs', () => {
    expect(kendallTauDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(kendallTauDistance(['c', 'b', 'a'], ['a', 'b', 'c'])).toBe(3);
    expect(kendallTauDistance(['b', 'a'], ['a', 'b'])).toBe(1);
    // An unknown id sits at position 0 of the reference.
    expect(kendallTauDistance(['a', 'zz'], ['a', 'b'])).toBe(0);
    expect(kendallTauDistance(['b', 'zz'], ['a', 'b'])).toBe(1);
    expect(kendallTauDistance([], ['a'])).toBe(0);
  });

  it('partial matching credit; a wrong single choice is none', () => {
    expect(
      score('MATCHING', matching, {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'q', targetId: 't3' },
          { itemId: 'r', targetId: 't2' },
        ],
      }),
    ).toEqual({ credit: 1 / 3, isCorrect: false });
    expect(score('SINGLE_CHOICE', single, { optionIds: ['c'] })).toEqual({
      credit: 0,
      isCorrect: false,
    });
  });
});

describe('pointsFor edges', () => {
  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-0.01], [1.01]])(
    'refuses credit %p',
    (credit) => {
      expect(() => pointsFor({ credit, scoringMode: 'ACCURACY', elapsedMs: 0 })).toThrow(
        `credit must be in [0, 1], got ${credit}`,
      );
    },
  );

  it('accepts the bounds 0 and 1', () => {
    expect(pointsFor({ credit: 0, scoringMode: 'ACCURACY', elapsedMs: 0 })).toBe(0);
    expect(pointsFor({ credit: 1, scoringMode: 'ACCURACY', elapsedMs: 0 })).toBe(1000);
  });

  it('a zero or negative limit is no limit; negative elapsed time counts as none', () => {
    expect(
      pointsFor({ credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 5000, timeLimitMs: 0 }),
    ).toBe(1000);
    expect(
      pointsFor({ credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 5000, timeLimitMs: -1 }),
    ).toBe(1000);
    expect(
      pointsFor({ credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: -5000, timeLimitMs: 10000 }),
    ).toBe(1000);
    expect(pointsFor({ credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 1, timeLimitMs: 1 })).toBe(
      500,
    );
  });
});
