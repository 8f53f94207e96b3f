/** Chi-square goodness of fit against a uniform distribution, with its p-value (df ≤ 5 is all we need). */

// Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, plenty for a p ≥ 0.01 threshold.
const erfc = (x: number): number => {
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
};

/** Upper tail P(X ≥ x) of a chi-square with df degrees of freedom (closed forms by recurrence). */
export const chiSquareP = (x: number, df: number): number => {
  if (x <= 0) {
    return 1;
  }
  if (df % 2 === 0) {
    // Even df: e^{-x/2} Σ_{i<df/2} (x/2)^i / i!
    let term = 1;
    let sum = 1;
    for (let i = 1; i < df / 2; i += 1) {
      term *= x / 2 / i;
      sum += term;
    }
    return Math.exp(-x / 2) * sum;
  }
  // Odd df: erfc(√(x/2)) + √(2x/π) e^{-x/2} Σ ...
  let p = erfc(Math.sqrt(x / 2));
  let term = Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2);
  for (let k = 3; k <= df; k += 2) {
    p += term;
    term *= x / k;
  }
  return Math.min(1, p);
};

export const chiSquareUniform = (counts: readonly number[]): { stat: number; p: number } => {
  const n = counts.reduce((s, c) => s + c, 0);
  const k = counts.length;
  if (n === 0 || k < 2) {
    return { stat: 0, p: 1 };
  }
  const expected = n / k;
  const stat = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  return { stat, p: chiSquareP(stat, k - 1) };
};
