/**
 * A rank tally: what Kendall's W and the Borda order need of a group's
 * stacks, summed rater by rater, so that the stacks themselves need not be
 * kept: the number of raters m, each item's rank sum, each item's first
 * places, and the tie term Σ(t³ - t) over every rater's tie groups. Two
 * tallies of parts of a group merge by adding (a department's stacks read a
 * piece of a file at a time, or in two files).
 *
 * What it is for: the department stacks of a large survey (mean ranks,
 * Borda order, W) without a matrix of every respondent's ranks.
 * Reference: the sums in Kendall & Babington Smith (1939) (see kendall-w.ts):
 * W depends on the ranks only through R_i = Σ_raters r_i and ΣT; the Borda
 * count through R_i (and first places to break its ties, borda.ts).
 * Ties: each row is re-ranked with midranks as it is added (a completed
 * vector is its own midranks); its tie groups enter the tie term.
 * Undefined case: an empty tally has m = 0; kendallWOfTally says why W is
 * not available.
 * Example: rankTallyOf([[1, 2, 3], [1, 3, 2]]) -> { m: 2, rankSums: [2, 5, 5],
 *   firstPlaces: [2, 0, 0], tieSum: 0 }.
 */
import { firstPlacesOf } from './borda.js';
import { midranks, tieGroupSizes } from './ranks.js';

export interface RankTally {
  /** Raters added. */
  m: number;
  /** Σ over raters of each item's (mid)rank. */
  rankSums: number[];
  /** How many raters put each item alone or jointly first (borda.ts firstPlacesOf). */
  firstPlaces: number[];
  /** Σ over raters of Σ (t³ - t) over their tie groups. */
  tieSum: number;
}

export function emptyRankTally(n: number): RankTally {
  return { m: 0, rankSums: new Array<number>(n).fill(0), firstPlaces: new Array<number>(n).fill(0), tieSum: 0 };
}

/** Adds one rater's ranks of the n items (any positive numbers; re-ranked with midranks). */
export function addRanking(t: RankTally, row: readonly number[]): void {
  if (row.length !== t.rankSums.length) throw new Error('addRanking requires a rank for every item of the tally');
  const ranks = midranks(row);
  addRanked(t, ranks, tieGroupSizes(ranks));
}

/**
 * Adds one rater's ranks that are already midranks, with their tie groups: a
 * completed stack (ranks.ts completeStack), which has both, is not ranked again.
 */
export function addRanked(t: RankTally, ranks: readonly number[], tieGroups: readonly number[]): void {
  if (ranks.length !== t.rankSums.length) throw new Error('addRanked requires a rank for every item of the tally');
  t.m++;
  ranks.forEach((r, i) => {
    t.rankSums[i]! += r;
  });
  for (const i of firstPlacesOf(ranks)) t.firstPlaces[i]!++;
  for (const size of tieGroups) t.tieSum += size * size * size - size;
}

/**
 * Adds a rater whose explicit ranks are 1..k, each once (the common stack): `rankAt[i]` is the rank
 * of item i, 0 when unranked. The same sums as addRanked(t, completeStack(explicit).completed,
 * completeStack(explicit).tieGroupSizes) (test/stats/rank-tally.test.ts), in the same order, without
 * the arrays a row: a company's non-leaders are a million rows. The caller has checked the ranks.
 */
export function addPlainStack(t: RankTally, rankAt: Int32Array, k: number): void {
  const n = t.rankSums.length;
  if (rankAt.length !== n || k < 1 || k > n) throw new Error('addPlainStack requires a rank slot for every item and 1..n ranks');
  // unranked items share the midrank of the places after the k ranked (completeStack)
  const unranked = (k + 1 + n) / 2;
  t.m++;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const r = rankAt[i]!;
    t.rankSums[i]! += r === 0 ? unranked : r;
    if (r === 1) first = i;
  }
  // the item ranked 1 is first, unless every item ties (one item only: firstPlacesOf)
  if (n > 1 && first >= 0) t.firstPlaces[first]!++;
  const rest = n - k;
  if (rest > 1) t.tieSum += rest * rest * rest - rest;
}

/** Adds every rater of `from` into `into` (merging two parts of one group). */
export function mergeRankTally(into: RankTally, from: RankTally): RankTally {
  if (from.rankSums.length !== into.rankSums.length) throw new Error('mergeRankTally requires tallies of the same items');
  into.m += from.m;
  from.rankSums.forEach((s, i) => {
    into.rankSums[i]! += s;
  });
  from.firstPlaces.forEach((f, i) => {
    into.firstPlaces[i]! += f;
  });
  into.tieSum += from.tieSum;
  return into;
}

/** The tally of a matrix of ranks (rows = raters, one column per item), rows added in order. */
export function rankTallyOf(matrix: ReadonlyArray<readonly number[]>, n = matrix[0]?.length ?? 0): RankTally {
  const t = emptyRankTally(n);
  for (const row of matrix) addRanking(t, row);
  return t;
}
