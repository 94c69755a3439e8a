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
import { asTally } from './describe.js';
import { na, ok, type Stat } from './result.js';
import { type Tally, tallyEntries, tallyN } from './tally.js';

export function adi(values: readonly number[] | Tally): Stat {
  const t = asTally(values);
  const n = tallyN(t);
  if (n < 2) return na('fewer than two answers: agreement needs two');
  const mean = sumOf(t, (v) => v) / n;
  return ok(sumOf(t, (v) => Math.abs(v - mean)) / n);
}

/** Σ c·f(x) over the tally, in ascending value order. */
function sumOf(t: Tally, f: (v: number) => number): number {
  let s = 0;
  for (const [v, c] of tallyEntries(t)) s += c * f(v);
  return s;
}
