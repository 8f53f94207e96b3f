import { correctedPointBiserial, facility, itemFlags, mean, pearson, variance } from './statistics';

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
