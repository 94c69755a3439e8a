/**
 * Pearson product-moment correlation coefficient r.
 *
 * What it is for: the engine of Spearman's rho (Pearson on midranks); exported
 * for callers that already hold ranks.
 * Reference: https://en.wikipedia.org/wiki/Pearson_correlation_coefficient
 * (r = Σ(x-x̄)(y-ȳ) / sqrt(Σ(x-x̄)² Σ(y-ȳ)²)); as scipy.stats.pearsonr, the result is
 * clipped to [-1, 1] so rounding cannot push it outside.
 * Ties: not applicable (values are used as they are).
 * Undefined case: null with a reason when there are fewer than two pairs or either
 * vector is constant (every value equal). Vectors of different lengths are a
 * programmer error and throw.
 * Example: pearson([1, 2, 3], [1, 2, 4]) -> 0.98198050606196... (hand: 3 / sqrt(2 · 14/3)).
 */
import { na, ok, type Stat } from './result.js';

export function pearson(x: readonly number[], y: readonly number[]): Stat {
  if (x.length !== y.length) {
    throw new Error(`pearson requires two vectors of the same length, got ${x.length} and ${y.length}`);
  }
  const n = x.length;
  if (n < 2) return na('fewer than two values to correlate');
  if (isConstant(x) || isConstant(y)) return na('one of the vectors is constant');
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return na('one of the vectors is constant');
  const r = sxy / Math.sqrt(sxx * syy);
  return ok(Math.max(-1, Math.min(1, r)));
}

/** Whether every value equals the first (exact comparison). */
export function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
