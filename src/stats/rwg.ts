/**
 * Within-group agreement r_wg (one item) and r_wg(j) (a scale of J items).
 *
 * What it is for: whether the members of a group answer alike (r_wg near 1)
 * or are split (near 0), whatever their mean; .70 is the conventional cut for
 * "the group agrees" (a convention only: Harvey and Hollander 2004).
 * Reference: James, Demaree and Wolf (1984), "Estimating within-group
 * interrater reliability with and without response bias", Journal of Applied
 * Psychology 69(1):85-98: r_wg = 1 - s²/σ²_EU with the uniform null variance
 * σ²_EU = (A² - 1)/12 for A options; r_wg(j) = J(1 - s̄²/σ²_EU) / (J(1 - s̄²/σ²_EU) + s̄²/σ²_EU),
 * s̄² the mean of the items' variances (each over that item's own answers;
 * R's multilevel::rwg.j drops any respondent with a missing item instead).
 * Values below 0 (more spread than random answers) are reported as 0 and
 * values above 1 cannot occur for r_wg; both are truncated to [0, 1] as
 * LeBreton and Senter (2008) recommend.
 * Ties: not applicable.
 * Undefined case: fewer than two answers (no variance) gives null with a reason.
 * Example: rwg([1, 2, 2, 3, 1], 5) -> 0.65 (s² = 0.7, σ²_EU = 2; northwind.expected.json).
 */
import { sampleVariance } from './describe.js';
import { na, ok, type Stat } from './result.js';
import type { Tally } from './tally.js';

/** σ²_EU, the variance of answers spread evenly over A options. */
export function uniformVariance(points: number): number {
  return (points * points - 1) / 12;
}

export function rwg(values: readonly number[] | Tally, points: number): Stat {
  const s2 = sampleVariance(values);
  if (s2 === null) return na('fewer than two answers: agreement needs two');
  return ok(Math.min(1, Math.max(0, 1 - s2 / uniformVariance(points))));
}

/** r_wg(j) over J items, each given as its own answers (missing answers left out per item). */
export function rwgJ(items: ReadonlyArray<readonly number[] | Tally>, points: number): Stat {
  const variances = items.map((i) => sampleVariance(i)).filter((v): v is number => v !== null);
  if (variances.length === 0) return na('fewer than two answers to every item: agreement needs two');
  const j = variances.length;
  const ratio = variances.reduce((a, b) => a + b, 0) / j / uniformVariance(points);
  const agreement = j * (1 - ratio);
  return ok(Math.min(1, Math.max(0, agreement / (agreement + ratio))));
}
