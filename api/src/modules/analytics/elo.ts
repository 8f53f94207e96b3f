/**
 * Measured difficulty (issue 11.5): an Elo fit of item difficulty and player ability from real
 * answers, as in Pelánek's fact-practice systems (understanding-anchors §4.1, proso defaults):
 *
 *   P(correct) = g + (1 − g)·σ(θ − b)          g = 1/k for one pick among k options, else 0
 *   θ ← θ + U(n_player)·(x − P)                x = the answer's credit in [0, 1]
 *   b ← b − U(n_item)·(x − P)                  U(n) = α / (1 + β·n), α = 0.8, β = 0.05
 *
 * Only a player's first answer to a question counts. A new item starts at the generator's prior
 * and counts it as PRIOR_ANSWERS answers (§4.4), so the first real answers cannot swing it by
 * ±0.8 logits. Pure: the caller reads and writes the ratings (under row locks).
 */
import type { QuestionType } from '../questions/types';

export const ELO = {
  alpha: 0.8,
  beta: 0.05,
  /** The prior is worth this many answers in U(n) (§4.4). */
  priorAnswers: 5,
  /** Below this many answers an estimate is not shown (§4.3). */
  showFrom: 10,
  /** From here on the estimate is measured, not provisional (§4.3: SE ≈ 0.5 logit at P = 0.75). */
  measuredFrom: 30,
  /** Priors are kept inside (clamp, 1 − clamp) so a prior of 0 or 1 stays finite. */
  clamp: 0.02,
} as const;

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The chance of a right answer by guessing: one pick among k options; typed or ordered: 0. */
export const guessFloor = (type: QuestionType, optionCount: number): number => {
  if (optionCount < 2) {
    return 0;
  }
  switch (type) {
    case 'MULTI_SELECT':
    case 'CHRONOLOGY':
    case 'MATCHING':
    case 'NUMERIC_YEAR':
    case 'SHORT_ANSWER':
      return 0;
    default:
      return 1 / optionCount;
  }
};

/** P(correct) for a player of ability θ on an item of difficulty b (logits). */
export const expectedCorrect = (ability: number, difficulty: number, guess: number): number =>
  guess + (1 - guess) * sigmoid(ability - difficulty);

/** The step size after n answers: large while little is known, shrinking as answers come in. */
export const stepSize = (answers: number): number => ELO.alpha / (1 + ELO.beta * answers);

/**
 * The starting difficulty in logits from the generator's prior in [0, 1] (the expected share of
 * wrong answers of a typical player, θ = 0): solves g + (1 − g)·σ(−b) = 1 − prior.
 */
export const difficultyFromPrior = (prior: number, guess: number): number => {
  const above = (1 - prior - guess) / (1 - guess);
  const p = Math.min(1 - ELO.clamp, Math.max(ELO.clamp, above));
  return Math.log((1 - p) / p);
};

export type EloState = {
  ability: number;
  /** The player's first answers so far. */
  playerAnswers: number;
  difficulty: number;
  /** The item's first answers so far (without the prior's). */
  itemAnswers: number;
};

export type EloUpdate = EloState & { expected: number };

/** One first answer with credit `outcome` in [0, 1]: both ratings move by the same surprise. */
export const eloUpdate = (state: EloState, outcome: number, guess: number): EloUpdate => {
  const x = Math.min(1, Math.max(0, outcome));
  const expected = expectedCorrect(state.ability, state.difficulty, guess);
  const surprise = x - expected;
  return {
    ability: state.ability + stepSize(state.playerAnswers) * surprise,
    playerAnswers: state.playerAnswers + 1,
    difficulty: state.difficulty - stepSize(ELO.priorAnswers + state.itemAnswers) * surprise,
    itemAnswers: state.itemAnswers + 1,
    expected,
  };
};

export type EstimateStatus = 'TOO_FEW' | 'PROVISIONAL' | 'MEASURED';

/** How far an estimate resting on `answers` answers can be trusted (§4.3). */
export const estimateStatus = (answers: number): EstimateStatus =>
  answers < ELO.showFrom ? 'TOO_FEW' : answers < ELO.measuredFrom ? 'PROVISIONAL' : 'MEASURED';
