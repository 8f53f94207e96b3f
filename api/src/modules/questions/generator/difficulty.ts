/**
 * The difficulty prior b₀ in [0, 1] (qgen §4.4), before any answers exist. A logistic of
 * interpretable features with hand-set weights:
 *
 *   z = −2.2 + 1.2·similarity + 0.8·closeness + 0.6·joins + 0.8·obscurity + 1.5·(1 − 1/k) + typeBias
 *   b₀ = 1 / (1 + e^{−z})
 *
 * - similarity: mean key–distractor similarity (Alsubait: closer distractors, harder item);
 * - closeness: e^{−gap/5} for the smallest year gap the item turns on (0.5 when none);
 * - joins: (facts joined − 1) / 4, capped at 1 (TimelineKGQA simple/medium/complex);
 * - obscurity: 1 − salience of the key (Seyler: popular entities are easier);
 * - 1 − 1/k: the guessing floor of k options (typed answers count as k = ∞);
 * - spread (orderings only): −2·min(1, mean adjacent gap / 15 years): a forty-year ordering
 *   of four events is easy however close its nearest pair, so it is not rated 0.6–0.9;
 * - typeBias: select-all +0.5, ordering +0.4 (+0.2 per item over 3), matching +0.3, typed year
 *   +0.6, which-first −0.3, true/false −0.4.
 */
import type { QuestionType } from '../types';
import type { DifficultyFeatures } from './types';

const TYPE_BIAS: Partial<Record<QuestionType, number>> = {
  MULTI_SELECT: 0.5,
  CHRONOLOGY: 0.4,
  MATCHING: 0.3,
  NUMERIC_YEAR: 0.6,
  WHICH_FIRST: -0.3,
  TRUE_FALSE: -0.4,
};

export const difficultyPrior = (type: QuestionType, f: DifficultyFeatures): number => {
  const closeness = f.minYearGap === undefined ? 0.5 : Math.exp(-f.minYearGap / 5);
  const joins = Math.min(1, Math.max(0, (f.joins - 1) / 4));
  const obscurity = 1 - Math.min(1, Math.max(0, f.salience));
  const guess = f.optionCount === 0 ? 1 : 1 - 1 / f.optionCount;
  const extraItems = type === 'CHRONOLOGY' ? Math.max(0, f.optionCount - 3) * 0.2 : 0;
  const spread = f.meanYearGap === undefined ? 0 : 2 * Math.min(1, f.meanYearGap / 15);
  const z =
    -2.2 +
    1.2 * Math.min(1, Math.max(0, f.similarity)) +
    0.8 * closeness +
    0.6 * joins +
    0.8 * obscurity +
    1.5 * guess +
    (TYPE_BIAS[type] ?? 0) +
    extraItems -
    spread;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
};
