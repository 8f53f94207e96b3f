import {
  answerTimesMs,
  correctedPointBiserial,
  FLAG_THRESHOLDS,
  facility,
  isRapidAnswering,
  itemFlags,
  MIN_ANSWERS,
  mean,
  median,
  pearson,
  scoreBins,
  variance,
} from './statistics';

describe('item statistics (hand-computed)', () => {
  it('mean and population variance', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBe(1.25);
  });

  it('pearson refuses mismatched or too few pairs and flat sides; two pairs are enough', () => {
    expect(pearson([1, 2, 3], [1, 2])).toBeNull();
    expect(pearson([], [])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeCloseTo(1, 12);
    expect(pearson([1, 2], [2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull();
    // Variance just above rounding noise still correlates.
    expect(pearson([0, 1e-5, 2e-5], [0, 1, 2])).toBeCloseTo(1, 9);
    expect(variance([])).toBeNull();
    expect(variance([2, 2])).toBe(0);
  });

  it('facility is the share fully correct', () => {
    expect(facility([true, false, true, true])).toBe(0.75);
    expect(facility([])).toBeNull();
  });

  it('pearson: perfect, inverse, undefined without variance or pairs', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it('corrected point-biserial takes the item out of the total', () => {
    // Item x = [1,1,0,0], totals T = [3,2,2,0] → rest = [2,1,2,0].
    // mx = .5, mr = 1.25; Σdx·dr = .375 − .125 − .375 + .625 = .5; Σdx² = 1; Σdr² = 2.75.
    // r = .5 / √2.75 = 0.301511…
    expect(correctedPointBiserial([1, 1, 0, 0], [3, 2, 2, 0])).toBeCloseTo(
      0.5 / Math.sqrt(2.75),
      12,
    );
    // Uncorrected it would be higher (the item correlates with itself).
    expect(pearson([1, 1, 0, 0], [3, 2, 2, 0])).toBeGreaterThan(0.30152);
    // An item the weaker players get right discriminates negatively.
    expect(correctedPointBiserial([0, 0, 1, 1], [3, 3, 1, 1])).toBeCloseTo(-1, 12);
  });

  it.each([
    [
      {
        responses: 120,
        facility: 0.97,
        discrimination: -0.1,
        distractors: [{ pickRate: 0.02, discrimination: 0.1 }],
      },
      ['NEGATIVE_DISCRIMINATION', 'TOO_EASY', 'WEAK_DISTRACTOR', 'STRONG_PICK_DISTRACTOR'],
    ],
    [
      {
        responses: 150,
        facility: 0.1,
        discrimination: 0.15,
        distractors: [{ pickRate: 0.4, discrimination: -0.3 }],
      },
      ['LOW_DISCRIMINATION', 'TOO_HARD'],
    ],
    [
      {
        responses: 150,
        facility: 0.6,
        discrimination: 0.35,
        distractors: [{ pickRate: 0.2, discrimination: -0.2 }],
      },
      [],
    ],
    // Under every minimum: no flag rests on 4 answers, however extreme.
    [
      {
        responses: 4,
        facility: 0,
        discrimination: -0.9,
        distractors: [{ pickRate: 0, discrimination: 0.9 }],
      },
      [],
    ],
    [{ responses: 0, facility: null, discrimination: null, distractors: [] }, []],
  ])('flags %j as %j', (input, flags) => {
    expect(itemFlags(input)).toEqual(flags);
  });
});

describe('rapid-answer anomaly', () => {
  const t0 = Date.parse('2026-12-01T10:00:00Z');
  /** Items answered `ms[i]` after being shown, all right unless listed in `wrong`. */
  const items = (ms: number[], wrong: number[] = []) =>
    ms.map((taken, i) => ({
      presentedAt: new Date(t0 + i * 60_000),
      answeredAt: new Date(t0 + i * 60_000 + taken),
      isCorrect: !wrong.includes(i),
    }));

  it('median of odd and even counts, none for nothing', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('times each answer from when it was shown; unopened answers took 0 ms', () => {
    expect(answerTimesMs(items([400, 2500]))).toEqual([400, 2500]);
    const at = new Date(t0);
    expect(
      answerTimesMs([
        { presentedAt: null, answeredAt: at, isCorrect: true },
        { presentedAt: at, answeredAt: null, isCorrect: null },
      ]),
    ).toEqual([0]);
  });

  it('flags all correct with a median under a second', () => {
    expect(isRapidAnswering(items([300, 500, 999]), 3)).toBe(true);
    // One slow answer does not hide two instant ones (the median, not the mean).
    expect(isRapidAnswering(items([100, 200, 60_000]), 3)).toBe(true);
  });

  it('does not flag a median of a second or more, a wrong answer, gaps or tiny sets', () => {
    expect(isRapidAnswering(items([1_000, 1_000, 200]), 3)).toBe(false);
    expect(isRapidAnswering(items([100, 200, 300], [1]), 3)).toBe(false);
    expect(isRapidAnswering(items([100, 200]), 3)).toBe(false);
    expect(isRapidAnswering(items([100, 200]), 2)).toBe(false);
    expect(isRapidAnswering([], 0)).toBe(false);
  });
});

describe('flag thresholds, each pinned by a case sitting exactly on it', () => {
  const base = { facility: 0.6, discrimination: 0.35, distractors: [], measured: null };

  it('states the thresholds and the minimum answers per estimate', () => {
    expect(FLAG_THRESHOLDS).toEqual({
      keepDiscrimination: 0.2,
      tooEasy: 0.95,
      tooHard: 0.15,
      weakDistractor: 0.05,
      priorMismatch: 0.2,
    });
    expect(MIN_ANSWERS).toEqual({ facility: 5, discrimination: 15, distractor: 20 });
  });

  it.each([
    // discrimination: below 0 negative; exactly 0 is low, not negative; exactly 0.2 is kept
    [{ discrimination: -0.01 }, 15, ['NEGATIVE_DISCRIMINATION']],
    [{ discrimination: 0 }, 15, ['LOW_DISCRIMINATION']],
    [{ discrimination: 0.19 }, 15, ['LOW_DISCRIMINATION']],
    [{ discrimination: 0.2 }, 15, []],
    [{ discrimination: null }, 15, []],
    // …and needs 15 answers
    [{ discrimination: -0.5 }, 14, []],
    // facility: above 0.95 easy, below 0.15 hard, exactly on them neither; needs 5 answers
    [{ facility: 0.95 }, 5, []],
    [{ facility: 0.951 }, 5, ['TOO_EASY']],
    [{ facility: 0.96 }, 4, []],
    [{ facility: 0.15 }, 5, []],
    [{ facility: 0.149 }, 5, ['TOO_HARD']],
    [{ facility: 0 }, 4, []],
    [{ facility: null }, 30, []],
    // weak distractor: under 5% of at least 20 answers
    [{ distractors: [{ pickRate: 0.05, discrimination: null }] }, 20, []],
    [{ distractors: [{ pickRate: 0.049, discrimination: null }] }, 20, ['WEAK_DISTRACTOR']],
    [{ distractors: [{ pickRate: 0, discrimination: null }] }, 19, []],
    // strong pick: a distractor with positive discrimination, from 15 answers
    [{ distractors: [{ pickRate: 0.3, discrimination: 0 }] }, 15, []],
    [{ distractors: [{ pickRate: 0.3, discrimination: 0.01 }] }, 15, ['STRONG_PICK_DISTRACTOR']],
    [{ distractors: [{ pickRate: 0.3, discrimination: 0.5 }] }, 14, []],
    [
      {
        distractors: [
          { pickRate: 0.3, discrimination: -0.2 },
          { pickRate: 0.2, discrimination: 0.1 },
        ],
      },
      15,
      ['STRONG_PICK_DISTRACTOR'],
    ],
  ] as const)('%j over %i answers: %j', (over, responses, flags) => {
    expect(itemFlags({ ...base, ...over, responses } as Parameters<typeof itemFlags>[0])).toEqual(
      flags,
    );
  });

  it('once measured, easy/hard follow the Elo estimate, not this class', () => {
    const measured = (expectedCorrect: number, priorExpectedCorrect = expectedCorrect) => ({
      expectedCorrect,
      priorExpectedCorrect,
    });
    // The class found it easy, the measure says hard: the measure wins, even with 2 answers.
    expect(itemFlags({ ...base, responses: 2, facility: 1, measured: measured(0.1) })).toEqual([
      'TOO_HARD',
    ]);
    expect(itemFlags({ ...base, responses: 30, facility: 0.1, measured: measured(0.96) })).toEqual([
      'TOO_EASY',
    ]);
    expect(itemFlags({ ...base, responses: 30, facility: 0.1, measured: measured(0.95) })).toEqual(
      [],
    );
    expect(itemFlags({ ...base, responses: 30, facility: 1, measured: measured(0.15) })).toEqual(
      [],
    );
    // Prior off by exactly 0.2 flags; by less does not (either direction).
    expect(itemFlags({ ...base, responses: 30, measured: measured(0.45, 0.25) })).toEqual([
      'PRIOR_MISMATCH',
    ]);
    expect(itemFlags({ ...base, responses: 30, measured: measured(0.25, 0.45) })).toEqual([
      'PRIOR_MISMATCH',
    ]);
    expect(itemFlags({ ...base, responses: 30, measured: measured(0.5, 0.31) })).toEqual([]);
    expect(itemFlags({ ...base, responses: 30, measured: measured(0.31, 0.5) })).toEqual([]);
  });

  it('a realistic class of 24 that has played gets flags, not "too few answers"', () => {
    // 24 first attempts: every estimate has its minimum.
    expect(
      itemFlags({
        responses: 24,
        facility: 0.125,
        discrimination: -0.1,
        distractors: [{ pickRate: 0.04, discrimination: 0.2 }],
      }),
    ).toEqual(['NEGATIVE_DISCRIMINATION', 'TOO_HARD', 'WEAK_DISTRACTOR', 'STRONG_PICK_DISTRACTOR']);
    expect(Math.max(...Object.values(MIN_ANSWERS))).toBeLessThanOrEqual(20);
  });
});

describe('score distribution', () => {
  it('puts shares in ten bins, a full score in the last', () => {
    const bins = scoreBins([0, 0.05, 0.1, 0.7, 0.7, 0.999, 1, 0.95]);
    expect(bins.map((b) => b.fromPercent)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(bins.map((b) => b.toPercent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 2, 0, 3]);
  });

  it('clamps shares outside [0, 1]; no shares, empty bins', () => {
    expect(scoreBins([-0.5, 1.5]).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(scoreBins([]).every((b) => b.count === 0)).toBe(true);
    // 0.0999 rounds to 100‰ and 0.0994 to 99‰: the boundary is at the per-mille rounding.
    expect(scoreBins([0.0994]).map((b) => b.count)[0]).toBe(1);
    expect(scoreBins([0.0996]).map((b) => b.count)[1]).toBe(1);
  });
});
