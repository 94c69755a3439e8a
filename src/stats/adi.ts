/**
 * Average deviation index AD_M: the mean absolute deviation of a group's
 * answers from their mean.
 *
 * What it is for: agreement in the answer's own units (0 = everyone gave the
 * same answer); read against A/6 (0.83 on a 5-point scale), below which the
 * group agrees (Burke and Dunlap 2002's practical cut).
 * Reference: Burke, Finkelstein and Dusig (1999); Burke and Dunlap (2002),
 * "Estimating interrater agreement with the average deviation index: a user's
 * guide", Organizational Research Methods 5(2):159-172. AD_M = Σ|x - x̄| / n.
 * Ties: not applicable.
 * Undefined case: fewer than two answers gives null with a reason.
 * Example: adi([1, 2, 2, 3, 1]) -> 0.64 (mean 1.8; deviations .8, .2, .2, 1.2, .8).
 */
import { na, ok, type Stat } from './result.js';

export function adi(values: readonly number[]): Stat {
  const n = values.length;
  if (n < 2) return na('fewer than two answers: agreement needs two');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let dev = 0;
  for (const v of values) dev += Math.abs(v - mean);
  return ok(dev / n);
}
