/**
 * Borda count consensus: the priorities ordered by mean completed rank.
 *
 * What it is for: the leaders' consensus order (`stack.consensus`), and the
 * reference order that Copeland and Kemeny break their ties with.
 * Reference: Borda (1781); the rank-sum form used here is described in
 * https://en.wikipedia.org/wiki/Borda_count (lowest total rank wins, which is the
 * same order as the highest Borda score N - rank).
 * Ties: equal rank sums (compared as sums, within 1e-9, never as rounded means)
 * are broken by more first places - the number of raters whose row has the item at
 * the row's best (minimum) rank; a tie at the top counts for every tied item and a
 * row that ties every item gives none - then by `keys` in code-point order.
 * Undefined case: none; at least one rater is required (none throws), as are
 * rows of length N = keys.length and distinct keys.
 * Example: borda([[1, 2, 3], [2, 1, 3]], ['a', 'b', 'c']) -> order [0, 1, 2]
 * (sums 3, 3, 6; a and b have one first place each, so the key decides: a first).
 */
import { compareCodePoints } from './code-point-order.js';
import { assertRankMatrix, assertUniqueKeys } from './matrix.js';

export interface BordaResult {
  /** Item indices, best first. */
  order: number[];
  meanRanks: number[];
  rankSums: number[];
  firstPlaces: number[];
}

/** Rank sums closer than this are equal (sums of midranks are multiples of 1/2). */
export const RANK_SUM_EPSILON = 1e-9;

export function borda(matrix: ReadonlyArray<readonly number[]>, keys: readonly string[]): BordaResult {
  const n = keys.length;
  assertRankMatrix('borda', matrix, n);
  assertUniqueKeys('borda', keys);
  const m = matrix.length;
  const rankSums = new Array<number>(n).fill(0);
  const firstPlaces = new Array<number>(n).fill(0);
  for (const row of matrix) {
    row.forEach((r, i) => {
      rankSums[i] = (rankSums[i] as number) + r;
    });
    for (const i of firstPlacesOf(row)) firstPlaces[i] = (firstPlaces[i] as number) + 1;
  }
  const meanRanks = rankSums.map((s) => s / m);
  return { order: bordaOrder(rankSums, firstPlaces, keys), meanRanks, rankSums, firstPlaces };
}

/**
 * The items a row puts first (a tie at the top counts for each tied item; a
 * row that ties every item has no first place).
 */
export function firstPlacesOf(row: readonly number[]): number[] {
  let best = Infinity;
  let worst = -Infinity;
  for (const r of row) {
    if (r < best) best = r;
    if (r > worst) worst = r;
  }
  if (best === worst) return [];
  const out: number[] = [];
  row.forEach((r, i) => {
    if (r === best) out.push(i);
  });
  return out;
}

/**
 * The Borda order from rank sums and first-place counts (lowest sum first,
 * then more first places, then key in code-point order). Exposed so a caller
 * holding totals can order a leave-one-out subset without rebuilding it.
 */
export function bordaOrder(rankSums: readonly number[], firstPlaces: readonly number[], keys: readonly string[]): number[] {
  return Array.from({ length: keys.length }, (_, i) => i).sort((i, j) => {
    const ds = (rankSums[i] as number) - (rankSums[j] as number);
    if (Math.abs(ds) > RANK_SUM_EPSILON) return ds;
    const df = (firstPlaces[j] as number) - (firstPlaces[i] as number);
    if (df !== 0) return df;
    return compareCodePoints(keys[i] as string, keys[j] as string);
  });
}
