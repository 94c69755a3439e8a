/**
 * Kendall's coefficient of concordance W, tie-corrected, with its chi-square and
 * permutation p-values.
 *
 * What it is for: how far a team of raters (leaders) agrees on one order of the
 * priorities: 0 = no agreement, 1 = every rater gave the same order.
 * Reference: Kendall & Babington Smith (1939), "The problem of m rankings",
 * Ann. Math. Statist. 10(3), 275-287, free on Project Euclid: https://doi.org/10.1214/aoms/1177732186 ;
 * tie correction as in https://en.wikipedia.org/wiki/Kendall%27s_W#Correction_for_ties
 * and NAG g08da / R DescTools::KendallW(correct = TRUE).
 *   W = 12 S / (m²(N³ - N) - m ΣT),  S = Σ_i (R_i - mean R)²,  T = Σ (t³ - t) over
 *   each rater's tie groups; chiSquare = m(N-1)W on N-1 degrees of freedom, which
 *   equals Friedman's tie-corrected statistic (scipy.stats.friedmanchisquare).
 * Ties: each row is re-ranked with midranks first (a completed vector is its own
 * midranks, so it is unchanged); every group of equal ranks in a row, including
 * the unranked block of a partial stack, enters T.
 * Undefined case: null with a reason for fewer than two raters, fewer than two
 * items, or when every rater tied every item (denominator 0). A ragged matrix is a
 * programmer error and throws.
 * Example: kendallW([[1, 2, 3], [1, 2, 3]]).value -> { W: 1, WUncorrected: 1,
 * chiSquare: 4, df: 2, p: e^-2 = 0.1353352832366127 } (hand: S = 8, 12·8/(4·24) = 1).
 */

import { DEFAULT_PERMUTATIONS } from '../defaults.js';
import { chiSquareSurvival } from './chi-square.js';
import { seededRandom, shuffleInPlace } from './random.js';
import { type RankTally, rankTallyOf } from './rank-tally.js';
import { midranks } from './ranks.js';

export interface KendallW {
  W: number;
  WUncorrected: number;
  chiSquare: number;
  df: number;
  p: number;
}

export type KendallWResult = { value: KendallW; reason?: undefined } | { value: null; reason: string };

/** Ranked rows, rank sums and the tie-corrected denominator; null + reason when W is undefined. */
interface Prepared {
  rows: number[][];
  m: number;
  n: number;
  rankSums: number[];
  /** m²(N³ - N) - m ΣT */
  denominator: number;
  /** m²(N³ - N) */
  denominatorUncorrected: number;
}

function prepare(name: string, matrix: ReadonlyArray<readonly number[]>): Prepared | string {
  const m = matrix.length;
  const n = m === 0 ? 0 : (matrix[0] as readonly number[]).length;
  for (const row of matrix) {
    if (row.length !== n) throw new Error(`${name} requires a rectangular matrix (every rater ranks the same items)`);
  }
  if (m < 2) return 'fewer than two raters';
  if (n < 2) return 'fewer than two items to rank';
  const rows = matrix.map((row) => midranks(row));
  const { rankSums, tieSum } = rankTallyOf(rows, n);
  const denominatorUncorrected = m * m * (n * n * n - n);
  const denominator = denominatorUncorrected - m * tieSum;
  if (denominator <= 0) return 'every rater tied every item, so there is no order to agree on';
  return { rows, m, n, rankSums, denominator, denominatorUncorrected };
}

/** S = Σ (R_i - m(N+1)/2)²; after midranks every row sums to N(N+1)/2, so the mean rank sum is m(N+1)/2. */
function sumOfSquares(rankSums: ArrayLike<number>, m: number, n: number): number {
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = (rankSums[i] as number) - mean;
    s += d * d;
  }
  return s;
}

/** matrix[rater][item] = completed ranks. */
export function kendallW(matrix: ReadonlyArray<readonly number[]>): KendallWResult {
  const n = matrix.length === 0 ? 0 : (matrix[0] as readonly number[]).length;
  for (const row of matrix) {
    if (row.length !== n) throw new Error('kendallW requires a rectangular matrix (every rater ranks the same items)');
  }
  return kendallWOfTally(rankTallyOf(matrix, n));
}

/** W from a group's rank tally (rank-tally.ts): the same figure as kendallW of the stacks tallied. */
export function kendallWOfTally(tally: RankTally): KendallWResult {
  const { m, rankSums, tieSum } = tally;
  const n = rankSums.length;
  if (m < 2) return { value: null, reason: 'fewer than two raters' };
  if (n < 2) return { value: null, reason: 'fewer than two items to rank' };
  const denominatorUncorrected = m * m * (n * n * n - n);
  const denominator = denominatorUncorrected - m * tieSum;
  if (denominator <= 0) return { value: null, reason: 'every rater tied every item, so there is no order to agree on' };
  const s = sumOfSquares(rankSums, m, n);
  const W = Math.min(1, (12 * s) / denominator);
  const WUncorrected = Math.min(1, (12 * s) / denominatorUncorrected);
  const df = n - 1;
  const chiSquare = m * df * W;
  return { value: { W, WUncorrected, chiSquare, df, p: chiSquareSurvival(chiSquare, df) } };
}

export interface KendallWPermutationOptions {
  /** How many random relabellings; default 10,000. */
  permutations?: number;
  /** Seed of the generator (see random.ts); reported with the result. */
  seed: number;
}

/**
 * Permutation p-value of W: each rater's row is shuffled independently (Fisher-Yates
 * driven by seededRandom(seed)) `permutations` times, and
 *   p = (1 + #{W_perm >= W_obs - 1e-12}) / (1 + permutations),
 * counting the observed labelling as one of the relabellings so p is never 0:
 * Phipson & Smyth (2010), "Permutation p-values should never be zero: calculating
 * exact p-values when permutations are randomly drawn", Stat. Appl. Genet. Mol.
 * Biol. 9(1), article 39; free at https://arxiv.org/abs/1603.05766 .
 * A shuffle keeps a row's tie groups, so the denominator is fixed and only the rank
 * sums change; W_perm >= W_obs is tested on S. Null when W itself is undefined.
 * Example: kendallWPermutation(eight identical rows of 1..12, { seed: 1 }).p -> 1/10001.
 */
export function kendallWPermutation(
  matrix: ReadonlyArray<readonly number[]>,
  options: KendallWPermutationOptions,
): { p: number; permutations: number; seed: number } | null {
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  if (!Number.isSafeInteger(permutations) || permutations < 1) {
    throw new Error(`kendallWPermutation requires a positive whole number of permutations, got ${permutations}`);
  }
  const prepared = prepare('kendallWPermutation', matrix);
  if (typeof prepared === 'string') return null;
  const { m, n, rankSums, denominator } = prepared;
  const observed = sumOfSquares(rankSums, m, n);
  // W_perm >= W_obs - 1e-12  <=>  S_perm >= S_obs - 1e-12 * denominator / 12
  const threshold = observed - (1e-12 * denominator) / 12;
  const random = seededRandom(options.seed);
  const rows = prepared.rows.map((row) => Float64Array.from(row));
  const sums = new Float64Array(n);
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    sums.fill(0);
    for (const row of rows) {
      shuffleInPlace(row, random);
      for (let i = 0; i < n; i++) sums[i] = (sums[i] as number) + (row[i] as number);
    }
    if (sumOfSquares(sums, m, n) >= threshold) atLeast++;
  }
  return { p: (1 + atLeast) / (1 + permutations), permutations, seed: options.seed };
}
