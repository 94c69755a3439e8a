/**
 * Spearman's rank correlation coefficient rho.
 *
 * What it is for: how alike two priority stacks are (a pair of leaders, a leader
 * against the other leaders' consensus, a department against the leadership).
 * Reference: rho is the Pearson correlation of the midranks of both vectors, as
 * scipy.stats.spearmanr computes it:
 * https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.spearmanr.html
 * and https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient
 * (the shortcut 1 - 6Σd²/(n(n²-1)) is NOT used: it is wrong with ties).
 * Ties: both vectors are re-ranked with midranks first, so a completed vector
 * (already its own midranks) is used as it is and a mean vector (a consensus) is
 * turned into midranks, ties sharing the average rank.
 * Undefined case: null with reason "one of the stacks ranks every priority the
 * same" when either vector is constant; null when there are fewer than two
 * priorities. Vectors of different lengths are a programmer error and throw.
 * Example: spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) -> 0.8207826816681233
 * (scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]).statistic).
 */
import { isConstant, pearson } from './pearson.js';
import { midranks } from './ranks.js';
import { na, type Stat } from './result.js';

export { pearson } from './pearson.js';

export const CONSTANT_STACK_REASON = 'one of the stacks ranks every priority the same';

export function spearman(x: readonly number[], y: readonly number[]): Stat {
  if (x.length !== y.length) {
    throw new Error(`spearman requires two vectors of the same length, got ${x.length} and ${y.length}`);
  }
  if (x.length < 2) return na('fewer than two priorities to correlate');
  if (isConstant(x) || isConstant(y)) return na(CONSTANT_STACK_REASON);
  return pearson(midranks(x), midranks(y));
}
