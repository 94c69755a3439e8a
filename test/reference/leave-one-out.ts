/**
 * Leave-one-out Spearman: a rater's stack against the mean stack of the others.
 *
 * What it is for: `spearmanToOthers` and divergence = (1 - rho)/2 per leader, so
 * nobody agrees with themselves (ARCHITECTURE.md, "Stacks").
 * Reference: the item-rest (jackknife) comparison; rho as in spearman.ts, i.e.
 * scipy.stats.spearmanr(completed vector, others' mean ranks), see
 * https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.spearmanr.html
 * Ties: the others' mean vector is re-ranked with midranks by spearman(), so equal
 * means share their average rank.
 * Undefined case: null with a reason when there is no other rater, or when either
 * vector is constant. A ragged matrix or a rater index out of range throws.
 * Example: spearmanToOthers([[1, 2, 3], [1, 3, 2], [3, 2, 1]], 0) -> -0.5
 * (hand: others' means [2, 2.5, 1.5] rank as [2, 3, 1]; Pearson of [1, 2, 3] and
 * [2, 3, 1] is -1 / sqrt(2 · 2)).
 */
import { na, type Stat } from '../../src/stats/result.js';
import { spearman } from '../../src/stats/spearman.js';

/** Mean of every row except `rater`, item by item. */
export function othersMeanRanks(matrix: ReadonlyArray<readonly number[]>, rater: number): number[] {
  const n = checkedWidth('othersMeanRanks', matrix, rater);
  const sums = new Array<number>(n).fill(0);
  matrix.forEach((row, r) => {
    if (r === rater) return;
    row.forEach((v, i) => {
      sums[i] = (sums[i] as number) + v;
    });
  });
  return sums.map((s) => s / (matrix.length - 1));
}

export function spearmanToOthers(matrix: ReadonlyArray<readonly number[]>, rater: number): Stat {
  checkedWidth('spearmanToOthers', matrix, rater);
  if (matrix.length < 2) return na('no other leader to compare with');
  return spearman(matrix[rater] as readonly number[], othersMeanRanks(matrix, rater));
}

function checkedWidth(name: string, matrix: ReadonlyArray<readonly number[]>, rater: number): number {
  if (!Number.isInteger(rater) || rater < 0 || rater >= matrix.length) {
    throw new Error(`${name} requires a rater index in 0..${matrix.length - 1}, got ${rater}`);
  }
  const n = (matrix[0] as readonly number[]).length;
  for (const row of matrix) if (row.length !== n) throw new Error(`${name} requires a rectangular matrix`);
  return n;
}
