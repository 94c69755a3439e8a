/**
 * Rank-biased overlap (RBO), extrapolated form.
 *
 * What it is for: how alike two ordered top-k lists are when they may have
 * different lengths and items, weighting agreement near the top more heavily.
 * Unlike Spearman and Kendall it uses the explicit lists, not completed vectors.
 * Reference: Webber, Moffat & Zobel (2010), "A similarity measure for indefinite
 * rankings", ACM TOIS 28(4), article 20; author copy
 * http://www.williamwebber.com/research/papers/wmz10_tois.pdf . Eq. 30 for lists
 * of equal length k:
 *   RBO_ext = (X_k / k) p^k + ((1-p)/p) Σ_{d=1..k} (X_d / d) p^d
 * and eq. 32 for a shorter list S (length s) and a longer list L (length l):
 *   RBO_ext = ((1-p)/p) [ Σ_{d=1..l} (X_d/d) p^d + Σ_{d=s+1..l} X_s (d-s)/(s d) p^d ]
 *             + [ (X_l - X_s)/l + X_s/s ] p^l,
 * where X_d = |S_{:d} ∩ L_{:d}| (S_{:d} = all of S once d > s). Eq. 30 is eq. 32
 * with s = l, so one formula serves both. p is the persistence: depth d carries
 * weight (1-p)p^(d-1), so a smaller p concentrates the weight on the top ranks
 * (the paper: with p = 0.9 the first 10 ranks carry about 86% of the weight).
 * Ties: RBO is defined for untied lists. The caller must not pass a stack with
 * tied explicit ranks (align reports rbo = null for such a pair); a list naming
 * the same item twice is a programmer error and throws.
 * Undefined case: null with a reason when either list is empty. p outside (0, 1)
 * throws.
 * Example: rankBiasedOverlap(['a', 'b', 'c'], ['b', 'a', 'c'], 0.9) -> 0.9
 * (hand: X = 0, 2, 3, so 0.729 + (0.1/0.9)(0 + 0.81 + 0.729) = 0.9; swapping the
 * bottom pair instead, ['a', 'c', 'b'], gives 0.955: the top costs more).
 */
import { DEFAULT_RBO_P } from '../defaults.js';
import { na, ok, type Stat } from './result.js';

export function rankBiasedOverlap(a: readonly string[], b: readonly string[], p: number = DEFAULT_RBO_P): Stat {
  if (!(p > 0 && p < 1)) throw new Error(`rankBiasedOverlap requires 0 < p < 1, got ${p}`);
  assertNoDuplicates(a);
  assertNoDuplicates(b);
  if (a.length === 0 || b.length === 0) return na('an empty stack has no order to compare');
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const s = short.length;
  const l = long.length;
  // X_d for d = 1..l, counted incrementally: an item adds to the overlap at the
  // depth where it has been seen in both prefixes.
  const seenShort = new Set<string>();
  const seenLong = new Set<string>();
  let overlap = 0;
  let xs = 0;
  let sum = 0;
  let weight = 1; // p^d
  for (let d = 1; d <= l; d++) {
    weight *= p;
    const fromLong = long[d - 1] as string;
    if (seenShort.has(fromLong)) overlap++;
    seenLong.add(fromLong);
    if (d <= s) {
      const fromShort = short[d - 1] as string;
      if (seenLong.has(fromShort)) overlap++;
      seenShort.add(fromShort);
      // an item at depth d of both lists was counted once: by the short list's check
    }
    if (d === s) xs = overlap;
    sum += (overlap / d) * weight;
    if (d > s) sum += ((xs * (d - s)) / (s * d)) * weight;
  }
  const xl = overlap;
  const value = ((1 - p) / p) * sum + ((xl - xs) / l + xs / s) * p ** l;
  return ok(Math.min(1, value));
}

function assertNoDuplicates(list: readonly string[]): void {
  if (new Set(list).size !== list.length) {
    throw new Error('rankBiasedOverlap requires lists without duplicate items');
  }
}
