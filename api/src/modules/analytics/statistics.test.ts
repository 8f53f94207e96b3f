import {
  answerTimesMs,
  correctedPointBiserial,
  facility,
  isRapidAnswering,
  itemFlags,
  mean,
  median,
  pearson,
  variance,
} from './statistics';

describe('item statistics (hand-computed)', () => {
  it('mean and population variance', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBe(1.25);
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
    [{ responses: 12, facility: 0.5, discrimination: 0.4, distractors: [] }, ['FEW_RESPONSES']],
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
