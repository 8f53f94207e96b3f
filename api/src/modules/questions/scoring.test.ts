import { InvalidResponseError, kendallTauDistance, pointsFor, scoreResponse } from './scoring';
import type { QuestionKey, QuestionPrompt, QuestionResponse, QuestionType } from './types';

const opts = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));
const items = (...ids: string[]) => ids.map((id) => ({ id, label: id }));

const single: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { options: opts('a', 'b', 'c') },
  key: { optionIds: ['b'], rationales: [] },
};
const multi: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { options: opts('a', 'b', 'c', 'd'), selectMany: true },
  key: { optionIds: ['a', 'b', 'c'], rationales: [] },
};
const twoOfFive: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { options: opts('a', 'b', 'c', 'd', 'e'), selectMany: true },
  key: { optionIds: ['a', 'b'], rationales: [] },
};
const twoOfFour: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { options: opts('a', 'b', 'c', 'd'), selectMany: true },
  key: { optionIds: ['a', 'b'], rationales: [] },
};
const chrono: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { items: items('w', 'x', 'y', 'z') },
  key: { order: ['w', 'x', 'y', 'z'], rationales: [] },
};
const matching: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { items: items('p', 'q', 'r'), targets: items('t1', 't2', 't3') },
  key: {
    pairs: [
      { itemId: 'p', targetId: 't1' },
      { itemId: 'q', targetId: 't2' },
      { itemId: 'r', targetId: 't3' },
    ],
    rationales: [],
  },
};
const numeric: { prompt: QuestionPrompt; key: QuestionKey } = {
  prompt: { numeric: { min: 1946, max: 2025, tolerance: 0 } },
  key: { year: 1980, rationales: [] },
};

describe('scoreResponse', () => {
  it.each<[string, QuestionType, typeof single, QuestionResponse, number, boolean]>([
    ['single right', 'SINGLE_CHOICE', single, { optionIds: ['b'] }, 1, true],
    ['single wrong', 'SINGLE_CHOICE', single, { optionIds: ['a'] }, 0, false],
    [
      'true/false right',
      'TRUE_FALSE',
      { prompt: { options: opts('true', 'false') }, key: { optionIds: ['false'], rationales: [] } },
      { optionIds: ['false'] },
      1,
      true,
    ],
    ['multi exact set', 'MULTI_SELECT', multi, { optionIds: ['c', 'a', 'b'] }, 1, true],
    ['multi two of three', 'MULTI_SELECT', multi, { optionIds: ['a', 'b'] }, 2 / 3, false],
    // One distractor: picking it costs a whole answer (it cost 1/3 before round 4, so ticking
    // every box scored 2/3 with no knowledge at all).
    ['multi with one wrong', 'MULTI_SELECT', multi, { optionIds: ['a', 'b', 'd'] }, 0, false],
    [
      'multi everything ticked',
      'MULTI_SELECT',
      multi,
      { optionIds: ['a', 'b', 'c', 'd'] },
      0,
      false,
    ],
    // Keys no more than the distractors: a wrong pick costs 1/k, as it always did.
    [
      'multi two of five, one wrong',
      'MULTI_SELECT',
      twoOfFive,
      { optionIds: ['a', 'b', 'c'] },
      0.5,
      false,
    ],
    [
      'multi two of five, all ticked',
      'MULTI_SELECT',
      twoOfFive,
      { optionIds: ['a', 'b', 'c', 'd', 'e'] },
      0,
      false,
    ],
    [
      'multi two of four, one of each',
      'MULTI_SELECT',
      twoOfFour,
      { optionIds: ['a', 'c'] },
      0,
      false,
    ],
    [
      'multi two of four, both and one wrong',
      'MULTI_SELECT',
      twoOfFour,
      { optionIds: ['a', 'b', 'c'] },
      0.5,
      false,
    ],
    ['multi only wrong', 'MULTI_SELECT', multi, { optionIds: ['d'] }, 0, false],
    ['multi nothing ticked', 'MULTI_SELECT', multi, { optionIds: [] }, 0, false],
    ['chronology exact', 'CHRONOLOGY', chrono, { order: ['w', 'x', 'y', 'z'] }, 1, true],
    [
      'chronology one swap',
      'CHRONOLOGY',
      chrono,
      { order: ['x', 'w', 'y', 'z'] },
      1 - 1 / 6,
      false,
    ],
    ['chronology reversed', 'CHRONOLOGY', chrono, { order: ['z', 'y', 'x', 'w'] }, 0, false],
    [
      'matching all',
      'MATCHING',
      matching,
      {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'q', targetId: 't2' },
          { itemId: 'r', targetId: 't3' },
        ],
      },
      1,
      true,
    ],
    [
      'matching one of three',
      'MATCHING',
      matching,
      {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'q', targetId: 't3' },
          { itemId: 'r', targetId: 't2' },
        ],
      },
      1 / 3,
      false,
    ],
    [
      'matching partial answer',
      'MATCHING',
      matching,
      { pairs: [{ itemId: 'q', targetId: 't2' }] },
      1 / 3,
      false,
    ],
    ['numeric exact', 'NUMERIC_YEAR', numeric, { year: 1980 }, 1, true],
    ['numeric off by one', 'NUMERIC_YEAR', numeric, { year: 1981 }, 0, false],
    [
      'numeric within tolerance',
      'NUMERIC_YEAR',
      { ...numeric, prompt: { numeric: { min: 1946, max: 2025, tolerance: 1 } } },
      { year: 1981 },
      1,
      true,
    ],
  ])('%s', (_name, type, q, response, credit, isCorrect) => {
    const s = scoreResponse({ type, ...q, response });
    expect(s.credit).toBeCloseTo(credit, 10);
    expect(s.isCorrect).toBe(isCorrect);
  });

  it.each<[string, QuestionType, typeof single, unknown]>([
    ['unknown option', 'SINGLE_CHOICE', single, { optionIds: ['zz'] }],
    ['two picks on single choice', 'SINGLE_CHOICE', single, { optionIds: ['a', 'b'] }],
    ['no pick on single choice', 'SINGLE_CHOICE', single, { optionIds: [] }],
    ['duplicate picks', 'MULTI_SELECT', multi, { optionIds: ['a', 'a'] }],
    ['order on a choice question', 'SINGLE_CHOICE', single, { order: ['a'] }],
    ['extra field', 'SINGLE_CHOICE', single, { optionIds: ['b'], year: 1980 }],
    ['unknown field', 'SINGLE_CHOICE', single, { optionIds: ['b'], foo: 1 }],
    ['chronology missing items', 'CHRONOLOGY', chrono, { order: ['w', 'x'] }],
    ['chronology duplicate', 'CHRONOLOGY', chrono, { order: ['w', 'w', 'x', 'y'] }],
    ['chronology unknown', 'CHRONOLOGY', chrono, { order: ['w', 'x', 'y', 'q'] }],
    [
      'matching target twice',
      'MATCHING',
      matching,
      {
        pairs: [
          { itemId: 'p', targetId: 't1' },
          { itemId: 'q', targetId: 't1' },
        ],
      },
    ],
    ['matching unknown target', 'MATCHING', matching, { pairs: [{ itemId: 'p', targetId: 'tx' }] }],
    ['numeric without year', 'NUMERIC_YEAR', numeric, { optionIds: ['a'] }],
    ['numeric not an integer', 'NUMERIC_YEAR', numeric, { year: 1980.5 }],
  ])('rejects %s', (_name, type, q, response) => {
    expect(() => scoreResponse({ type, ...q, response: response as QuestionResponse })).toThrow(
      InvalidResponseError,
    );
  });

  it('credit stays in [0, 1] for every permutation of a five-item chronology', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const perms = (xs: string[]): string[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) =>
            perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
          );
    for (const order of perms(ids)) {
      const { credit } = scoreResponse({
        type: 'CHRONOLOGY',
        prompt: { items: items(...ids) },
        key: { order: ids, rationales: [] },
        response: { order },
      });
      expect(credit).toBeGreaterThanOrEqual(0);
      expect(credit).toBeLessThanOrEqual(1);
      expect(credit).toBeCloseTo(1 - kendallTauDistance(order, ids) / 10, 10);
    }
  });
});

describe('pointsFor', () => {
  it.each<[string, Parameters<typeof pointsFor>[0], number]>([
    [
      'accuracy full',
      { credit: 1, scoringMode: 'ACCURACY', elapsedMs: 9000, timeLimitMs: 10000 },
      1000,
    ],
    [
      'accuracy partial',
      { credit: 2 / 3, scoringMode: 'ACCURACY', elapsedMs: 0, timeLimitMs: 10000 },
      667,
    ],
    [
      'speed instant',
      { credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 0, timeLimitMs: 20000 },
      1000,
    ],
    [
      'speed half time',
      { credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 10000, timeLimitMs: 20000 },
      750,
    ],
    [
      'speed at the limit',
      { credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 20000, timeLimitMs: 20000 },
      500,
    ],
    [
      'speed over the limit',
      { credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 50000, timeLimitMs: 20000 },
      500,
    ],
    [
      'speed wrong answer',
      { credit: 0, scoringMode: 'SPEED_BONUS', elapsedMs: 1000, timeLimitMs: 20000 },
      0,
    ],
    [
      'speed partial credit',
      { credit: 0.5, scoringMode: 'SPEED_BONUS', elapsedMs: 5000, timeLimitMs: 20000 },
      438,
    ],
    [
      'speed without a limit',
      { credit: 1, scoringMode: 'SPEED_BONUS', elapsedMs: 5000, timeLimitMs: null },
      1000,
    ],
  ])('%s', (_name, input, points) => {
    expect(pointsFor(input)).toBe(points);
  });

  it('rejects credit outside [0, 1]', () => {
    expect(() => pointsFor({ credit: 1.5, scoringMode: 'ACCURACY', elapsedMs: 0 })).toThrow(
      RangeError,
    );
  });
});
