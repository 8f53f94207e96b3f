import { seededRng } from '../../lib/rng';
import {
  difficultyFromPrior,
  ELO,
  eloUpdate,
  estimateStatus,
  expectedCorrect,
  guessFloor,
  sigmoid,
  stepSize,
} from './elo';

describe('Elo constants and pieces (understanding-anchors §4.1, hand-computed)', () => {
  it('uses the proso constants and the §4.3 answer counts', () => {
    expect(ELO).toEqual({
      alpha: 0.8,
      beta: 0.05,
      priorAnswers: 5,
      showFrom: 10,
      measuredFrom: 30,
      clamp: 0.02,
    });
  });

  it('sigmoid and expected correct with a guess floor', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 12);
    expect(expectedCorrect(0, 0, 0)).toBe(0.5);
    // g + (1 − g)·σ(θ − b) = 0.25 + 0.75·0.75
    expect(expectedCorrect(Math.log(3), 0, 0.25)).toBeCloseTo(0.8125, 12);
    expect(expectedCorrect(0, Math.log(3), 0.25)).toBeCloseTo(0.4375, 12);
  });

  it('step size halves after 20 answers and quarters after 60', () => {
    expect(stepSize(0)).toBe(0.8);
    expect(stepSize(20)).toBeCloseTo(0.4, 12);
    expect(stepSize(60)).toBeCloseTo(0.2, 12);
  });

  it.each([
    ['SINGLE_CHOICE', 4, 0.25],
    ['EVENT_YEAR', 3, 1 / 3],
    ['TRUE_FALSE', 2, 0.5],
    ['WHICH_FIRST', 2, 0.5],
    ['WHO_SAID', 4, 0.25],
    ['MULTI_SELECT', 5, 0],
    ['CHRONOLOGY', 4, 0],
    ['MATCHING', 4, 0],
    ['NUMERIC_YEAR', 0, 0],
    // A typed year is no pick among options, whatever count the prompt carries.
    ['NUMERIC_YEAR', 4, 0],
    ['SHORT_ANSWER', 0, 0],
    ['SHORT_ANSWER', 3, 0],
    ['SINGLE_CHOICE', 1, 0],
    ['SINGLE_CHOICE', 0, 0],
  ] as const)('guess floor of %s with %i options is %d', (type, k, g) => {
    expect(guessFloor(type, k)).toBeCloseTo(g, 12);
  });

  it('the prior maps to the difficulty a typical player (θ = 0) would show', () => {
    // No guessing: prior 0.5 wrong ⇒ b = 0; prior 0.25 wrong ⇒ P = .75 ⇒ b = −ln 3.
    expect(difficultyFromPrior(0.5, 0)).toBeCloseTo(0, 12);
    expect(difficultyFromPrior(0.25, 0)).toBeCloseTo(-Math.log(3), 12);
    expect(difficultyFromPrior(0.75, 0)).toBeCloseTo(Math.log(3), 12);
    // With g = .25, prior .5 wrong ⇒ σ(−b) = (.5 − .25)/.75 = 1/3 ⇒ b = ln 2.
    expect(difficultyFromPrior(0.5, 0.25)).toBeCloseTo(Math.log(2), 12);
    for (const [prior, g] of [
      [0.3, 0],
      [0.6, 0.25],
      [0.4, 0.5],
    ] as const) {
      expect(expectedCorrect(0, difficultyFromPrior(prior, g), g)).toBeCloseTo(1 - prior, 12);
    }
  });

  it('clamps priors at the edges and below the guess floor to finite values', () => {
    const hardest = Math.log(0.98 / 0.02);
    expect(difficultyFromPrior(1, 0)).toBeCloseTo(hardest, 12);
    expect(difficultyFromPrior(0, 0)).toBeCloseTo(-hardest, 12);
    // 1 − prior below g: as hard as it can be above the floor.
    expect(difficultyFromPrior(0.9, 0.25)).toBeCloseTo(hardest, 12);
    expect(difficultyFromPrior(0.98, 0)).toBeCloseTo(hardest, 12);
    expect(difficultyFromPrior(0.97, 0)).toBeLessThan(hardest);
  });
});

describe('eloUpdate', () => {
  const start = { ability: 0, playerAnswers: 0, difficulty: 0, itemAnswers: 0 };

  it('moves both ratings by the same surprise, scaled by each side’s step', () => {
    const right = eloUpdate(start, 1, 0);
    expect(right.expected).toBe(0.5);
    expect(right.ability).toBeCloseTo(0.8 * 0.5, 12);
    // The item counts its prior as 5 answers: U(5) = 0.8 / 1.25 = 0.64.
    expect(right.difficulty).toBeCloseTo(-0.64 * 0.5, 12);
    expect(right.playerAnswers).toBe(1);
    expect(right.itemAnswers).toBe(1);

    const wrong = eloUpdate(start, 0, 0);
    expect(wrong.ability).toBeCloseTo(-0.4, 12);
    expect(wrong.difficulty).toBeCloseTo(0.32, 12);
  });

  it('uses the counts so far and the guess floor', () => {
    const state = { ability: 1, playerAnswers: 20, difficulty: 0.5, itemAnswers: 15 };
    const p = 0.25 + 0.75 * sigmoid(0.5);
    const next = eloUpdate(state, 1, 0.25);
    expect(next.expected).toBeCloseTo(p, 12);
    expect(next.ability).toBeCloseTo(1 + 0.4 * (1 - p), 12);
    expect(next.difficulty).toBeCloseTo(0.5 - 0.4 * (1 - p), 12);
    expect(next.playerAnswers).toBe(21);
    expect(next.itemAnswers).toBe(16);
  });

  it('partial credit moves less than a full answer; credit outside [0, 1] is clamped', () => {
    const half = eloUpdate(start, 0.5, 0);
    expect(half.ability).toBe(0);
    expect(half.difficulty).toBe(0);
    expect(eloUpdate(start, 2, 0)).toEqual(eloUpdate(start, 1, 0));
    expect(eloUpdate(start, -1, 0)).toEqual(eloUpdate(start, 0, 0));
  });

  it('recovers the order of item difficulties from simulated answers', () => {
    const rng = seededRng(42);
    const trueDifficulty = [-1.5, -0.5, 0.5, 1.5];
    const items = trueDifficulty.map(() => ({ difficulty: 0, answers: 0 }));
    for (let player = 0; player < 400; player += 1) {
      const trueAbility = (rng.next() - 0.5) * 3;
      let rating = { ability: 0, answers: 0 };
      for (const [i, item] of items.entries()) {
        const p = sigmoid(trueAbility - (trueDifficulty[i] as number));
        const next = eloUpdate(
          {
            ability: rating.ability,
            playerAnswers: rating.answers,
            difficulty: item.difficulty,
            itemAnswers: item.answers,
          },
          rng.next() < p ? 1 : 0,
          0,
        );
        rating = { ability: next.ability, answers: next.playerAnswers };
        item.difficulty = next.difficulty;
        item.answers = next.itemAnswers;
      }
    }
    const fitted = items.map((item) => item.difficulty);
    expect([...fitted].sort((a, b) => a - b)).toEqual(fitted);
    expect((fitted[3] as number) - (fitted[0] as number)).toBeGreaterThan(1.5);
  });
});

describe('estimateStatus (thresholds pinned)', () => {
  it.each([
    [0, 'TOO_FEW'],
    [9, 'TOO_FEW'],
    [10, 'PROVISIONAL'],
    [29, 'PROVISIONAL'],
    [30, 'MEASURED'],
    [500, 'MEASURED'],
  ] as const)('%i answers: %s', (answers, status) => {
    expect(estimateStatus(answers)).toBe(status);
  });
});
