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
  /** The Elo estimate across every class (elo.ts), once it has MEASURED status. */
  measured?: { expectedCorrect: number; priorExpectedCorrect: number } | null;
};

/** Thresholds from qgen-anchors §3.7/§5.1. */
export const FLAG_THRESHOLDS = {
  keepDiscrimination: 0.2,
  tooEasy: 0.95,
  tooHard: 0.15,
  weakDistractor: 0.05,
  /** Measured and prior expected share right this far apart: the generator's prior was off. */
  priorMismatch: 0.2,
} as const;

/**
 * The fewest answers (first attempts in this set) each estimate needs before a flag rests on it,
 * checked against a class of 20–30: the share right moves by at most 1/n per answer, so with 5
 * answers "nobody got it right" is already worth a look; a correlation's standard error is about
 * 1/√(n − 3), 0.29 at 15 answers, enough to tell a negative r from a strong positive one; a
 * distractor "picked by under 5%" means nobody of at least 20.
 */
export const MIN_ANSWERS = {
  facility: 5,
  discrimination: 15,
  distractor: 20,
} as const;

/**
 * Item-analysis flags, each raised only when its estimate has enough answers (MIN_ANSWERS):
 * NEGATIVE_DISCRIMINATION (r < 0: check the key), LOW_DISCRIMINATION (r < 0.20), TOO_EASY
 * (p > 0.95), TOO_HARD (p < 0.15), WEAK_DISTRACTOR (a distractor picked by under 5%),
 * STRONG_PICK_DISTRACTOR (a distractor that stronger players pick: ambiguity). Once the Elo
 * estimate is measured, TOO_EASY and TOO_HARD use it instead of this class's share, and
 * PRIOR_MISMATCH says the generator's prior was off by 20 points or more.
 */
export const itemFlags = (input: ItemFlagInput): string[] => {
  const flags: string[] = [];
  const t = FLAG_THRESHOLDS;
  const n = input.responses;
  if (input.discrimination !== null && n >= MIN_ANSWERS.discrimination) {
    if (input.discrimination < 0) {
      flags.push('NEGATIVE_DISCRIMINATION');
    } else if (input.discrimination < t.keepDiscrimination) {
      flags.push('LOW_DISCRIMINATION');
    }
  }
  const share = input.measured
    ? input.measured.expectedCorrect
    : n >= MIN_ANSWERS.facility
      ? input.facility
      : null;
  if (share !== null && share > t.tooEasy) {
    flags.push('TOO_EASY');
  }
  if (share !== null && share < t.tooHard) {
    flags.push('TOO_HARD');
  }
  if (n >= MIN_ANSWERS.distractor && input.distractors.some((d) => d.pickRate < t.weakDistractor)) {
    flags.push('WEAK_DISTRACTOR');
  }
  if (
    n >= MIN_ANSWERS.discrimination &&
    input.distractors.some((d) => d.discrimination !== null && d.discrimination > 0)
  ) {
    flags.push('STRONG_PICK_DISTRACTOR');
  }
  if (
    input.measured &&
    Math.abs(input.measured.expectedCorrect - input.measured.priorExpectedCorrect) >=
      t.priorMismatch
  ) {
    flags.push('PRIOR_MISMATCH');
  }
  return flags;
};

/** The middle value (mean of the two middle ones for an even count); null for none. */
export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) {
    return null;
  }
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * A rapid-answer anomaly: every question answered correctly with a median answer time under a
 * second. Reading a stem and its options takes longer than that, so such a run suggests answers
 * known in advance (shared keys, a script). Three answers at least: one or two quick right
 * answers are plausible luck or knowledge. It is a flag for the teacher to look at, never a
 * penalty (ranking does not use it).
 */
export const RAPID_ANSWER = { medianMs: 1_000, minAnswers: 3 } as const;

export type TimedAnswer = {
  presentedAt: Date | null;
  answeredAt: Date | null;
  isCorrect: boolean | null;
};

/**
 * Milliseconds from showing each answered question to its answer. A question answered without
 * being opened first (possible only through the API: the web app opens each one) took 0 ms.
 */
export const answerTimesMs = (items: readonly TimedAnswer[]): number[] =>
  items.flatMap((item) =>
    item.answeredAt
      ? [Math.max(0, item.answeredAt.getTime() - (item.presentedAt ?? item.answeredAt).getTime())]
      : [],
  );

/** Whether an attempt of `questionCount` questions shows the rapid-answer anomaly. */
export const isRapidAnswering = (items: readonly TimedAnswer[], questionCount: number): boolean => {
  const times = answerTimesMs(items);
  const middle = median(times);
  return (
    questionCount >= RAPID_ANSWER.minAnswers &&
    times.length === questionCount &&
    items.every((item) => item.answeredAt === null || item.isCorrect === true) &&
    middle !== null &&
    middle < RAPID_ANSWER.medianMs
  );
};

export type ScoreBin = { fromPercent: number; toPercent: number; count: number };

/**
 * Shares of the maximum score in ten bins [0, 10), [10, 20) … [90, 100]: a full score falls in
 * the last bin. Shares outside [0, 1] (a zero maximum is skipped by the caller) are clamped.
 */
export const scoreBins = (shares: readonly number[]): ScoreBin[] => {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    fromPercent: i * 10,
    toPercent: i * 10 + 10,
    count: 0,
  }));
  for (const share of shares) {
    // Rounded to whole per mille first, so 0.7 (which is 0.69999… in binary) lands in [70, 80).
    const permille = Math.round(Math.min(1, Math.max(0, share)) * 1000);
    const bin = bins[Math.min(9, Math.floor(permille / 100))];
    if (bin) {
      bin.count += 1;
    }
  }
  return bins;
};
