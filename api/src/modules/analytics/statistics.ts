/**
 * Classical item analysis (qgen-anchors §5.1), as pure functions over plain numbers.
 */

export const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** Population variance (divides by n), as the point-biserial formula uses. */
export const variance = (xs: readonly number[]): number | null => {
  const m = mean(xs);
  return m === null ? null : xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / xs.length;
};

/** Pearson's r; null below 2 pairs or when either side does not vary. */
export const pearson = (xs: readonly number[], ys: readonly number[]): number | null => {
  if (xs.length !== ys.length || xs.length < 2) {
    return null;
  }
  const mx = mean(xs) as number;
  const my = mean(ys) as number;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Sums of squares this small are rounding noise around zero variance.
  if (sxx < 1e-12 || syy < 1e-12) {
    return null;
  }
  return sxy / Math.sqrt(sxx * syy);
};

/**
 * Corrected point-biserial discrimination: the correlation between the item's score (0/1, or a
 * partial credit) and the rest of the test score, with the item itself taken out of the total
 * so it does not correlate with itself.
 */
export const correctedPointBiserial = (
  itemScores: readonly number[],
  totalScores: readonly number[],
): number | null =>
  pearson(
    itemScores,
    totalScores.map((total, i) => total - (itemScores[i] as number)),
  );

/** Share of examinees who answered fully correctly (p). */
export const facility = (isCorrect: readonly boolean[]): number | null =>
  mean(isCorrect.map((correct) => (correct ? 1 : 0)));

export type DistractorStat = { pickRate: number; discrimination: number | null };

export type ItemFlagInput = {
  responses: number;
  facility: number | null;
  discrimination: number | null;
  distractors: readonly DistractorStat[];
};

/** Thresholds from qgen-anchors §3.7/§5.1. */
export const FLAG_THRESHOLDS = {
  keepDiscrimination: 0.2,
  tooEasy: 0.95,
  tooHard: 0.15,
  weakDistractor: 0.05,
  /** Below this many responses the statistics are too noisy to act on (flags are provisional). */
  reliableResponses: 100,
} as const;

/**
 * Item-analysis flags: NEGATIVE_DISCRIMINATION (r < 0: check the key), LOW_DISCRIMINATION
 * (r < 0.20), TOO_EASY (p > 0.95), TOO_HARD (p < 0.15), WEAK_DISTRACTOR (a distractor picked by
 * under 5%), STRONG_PICK_DISTRACTOR (a distractor that stronger players pick: ambiguity), and
 * FEW_RESPONSES when fewer than 100 responses back them.
 */
export const itemFlags = (input: ItemFlagInput): string[] => {
  const flags: string[] = [];
  const t = FLAG_THRESHOLDS;
  if (input.responses === 0) {
    return flags;
  }
  if (input.discrimination !== null) {
    if (input.discrimination < 0) {
      flags.push('NEGATIVE_DISCRIMINATION');
    } else if (input.discrimination < t.keepDiscrimination) {
      flags.push('LOW_DISCRIMINATION');
    }
  }
  if (input.facility !== null && input.facility > t.tooEasy) {
    flags.push('TOO_EASY');
  }
  if (input.facility !== null && input.facility < t.tooHard) {
    flags.push('TOO_HARD');
  }
  if (input.distractors.some((d) => d.pickRate < t.weakDistractor)) {
    flags.push('WEAK_DISTRACTOR');
  }
  if (input.distractors.some((d) => d.discrimination !== null && d.discrimination > 0)) {
    flags.push('STRONG_PICK_DISTRACTOR');
  }
  if (input.responses < t.reliableResponses) {
    flags.push('FEW_RESPONSES');
  }
  return flags;
};
