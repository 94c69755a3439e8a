/**
 * Wilson score interval for a proportion.
 *
 * What it is for: the 95% interval around a group's favourable share, so a
 * reader sees how far 3 of 5 (60%) could be from the group's true share, and
 * two audits' shares can be compared by whether their intervals overlap.
 * Reference: Wilson (1927), "Probable inference, the law of succession, and
 * statistical inference", JASA 22:209-212; the formula as in
 * https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval
 * (statsmodels.stats.proportion.proportion_confint(k, n, method='wilson') gives the same).
 * Ties: not applicable.
 * Undefined case: n = 0 gives null with a reason. k outside 0..n is a programmer error and throws.
 * Edges: 0 of n has lower bound exactly 0, n of n upper bound exactly 1 (the formula's limits, not its rounding).
 * Example: wilsonInterval(3, 5) -> [0.2307242812760128, 0.882379225767352]
 *   (the formula in numpy with z = scipy.stats.norm.ppf(0.975); statsmodels gives the same).
 */
import { na, type Stat } from './result.js';

/** The 0.975 quantile of the standard normal: scipy.stats.norm.ppf(0.975). */
export const Z_95 = 1.959963984540054;

export type Interval = { value: [number, number]; reason?: undefined } | { value: null; reason: string };

export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new Error(`wilsonInterval requires whole numbers 0 <= successes <= n, got ${successes} of ${n}`);
  }
  if (n === 0) return na('no answers') as Interval;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At the edges the bound is exact: with k = 0, centre and half are both (z²/2n) / (1 + z²/n), so
  // the lower bound is 0; with k = n, centre + half = (1 + z²/n) / (1 + z²/n) = 1. Computed, they
  // leave a floating-point residue (2.2e-19 for 0 of 1,568), which a CSV would print as a share.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { value: [lower, upper] };
}

export type { Stat };
