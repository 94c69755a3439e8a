/**
 * Kendall's rank correlation coefficient, variant tau-b (corrected for ties).
 *
 * What it is for: a second view of how alike two stacks are, counting pairs of
 * priorities the two stacks put in the same order versus the opposite order.
 * Reference: tau_b = (C - D) / sqrt((n0 - n1)(n0 - n2)), with n0 = n(n-1)/2 and
 * n1, n2 the pairs tied in x and in y (Kendall 1945); as scipy.stats.kendalltau
 * with variant='b': https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.kendalltau.html
 * and https://en.wikipedia.org/wiki/Kendall_rank_correlation_coefficient#Tau-b
 * Ties: a pair tied in x or y is neither concordant nor discordant; ties (including
 * the unranked block of a partial stack) shrink the denominator. O(n²), fine for
 * the few dozen priorities a stack has.
 * Undefined case: null with a reason when either vector is constant or there are
 * fewer than two priorities; vectors of different lengths throw.
 * Example: kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) -> -0.4714045207910316
 * (scipy.stats.kendalltau([12,2,1,12,2],[1,4,7,1,0]).statistic; = -4/sqrt(72)).
 */
import { na, ok, type Stat } from './result.js';
import { CONSTANT_STACK_REASON } from './spearman.js';

export function kendallTauB(x: readonly number[], y: readonly number[]): Stat {
  if (x.length !== y.length) {
    throw new Error(`kendallTauB requires two vectors of the same length, got ${x.length} and ${y.length}`);
  }
  const n = x.length;
  if (n < 2) return na('fewer than two priorities to correlate');
  let concordantMinusDiscordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) throw new Error(`kendallTauB requires numbers, got NaN at index ${i}`);
    for (let j = i + 1; j < n; j++) {
      const sx = Math.sign(xi - (x[j] as number));
      const sy = Math.sign(yi - (y[j] as number));
      if (sx === 0) tiedX++;
      if (sy === 0) tiedY++;
      concordantMinusDiscordant += sx * sy;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  if (tiedX === pairs || tiedY === pairs) return na(CONSTANT_STACK_REASON);
  const tau = concordantMinusDiscordant / Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return ok(Math.max(-1, Math.min(1, tau)));
}
