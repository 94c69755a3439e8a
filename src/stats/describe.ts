/**
 * Mean, sample variance and sample SD: the descriptive statistics every other
 * file builds on, written once.
 *
 * What it is for: the spread of a priority's ranks among the leaders, of a
 * group's Likert answers, of respondents' dimension means.
 * Reference: the sample variance Σ(x - x̄)² / (n - 1), as numpy.var(x, ddof=1)
 * and R's var; https://en.wikipedia.org/wiki/Variance#Sample_variance
 * Ties: not applicable.
 * Undefined case: the mean of no values, and the variance or SD of fewer than
 * two, are null (with a reason in the Stat forms).
 * Example: sampleSd([1, 2, 2, 3, 1]) -> 0.8366600265340756 (numpy.std(x, ddof=1)).
 */
import { na, ok, type Stat } from './result.js';
import { type Tally, tallyEntries, tallyN, tallyOf } from './tally.js';

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[] | Tally): number | null {
  return meanOfTally(asTally(values));
}

/** The sample variance (n - 1); null below two values. */
export function sampleVariance(values: readonly number[] | Tally): number | null {
  return sampleVarianceOfTally(asTally(values));
}

/** The mean and the sample SD as Stats, with the reasons a reader sees when they are undefined. */
export function meanAndSd(values: readonly number[] | Tally): { mean: Stat; sd: Stat } {
  const t = asTally(values);
  const m = meanOfTally(t);
  if (m === null) return { mean: na('no answers'), sd: na('no answers') };
  const v = sampleVarianceOfTally(t);
  return { mean: ok(m), sd: v === null ? na('one answer: a spread needs two') : ok(Math.sqrt(v)) };
}

/** A list as a tally (a tally as itself): every statistic here is computed once, from a tally. */
export function asTally(values: readonly number[] | Tally): Tally {
  return values instanceof Map ? values : tallyOf(values);
}

function meanOfTally(t: Tally): number | null {
  const n = tallyN(t);
  if (n === 0) return null;
  let sum = 0;
  for (const [v, c] of tallyEntries(t)) sum += v * c;
  return sum / n;
}

/** Two passes over the tally (mean, then squared deviations), as over the values themselves. */
function sampleVarianceOfTally(t: Tally): number | null {
  const n = tallyN(t);
  if (n < 2) return null;
  const m = meanOfTally(t)!;
  let ss = 0;
  for (const [v, c] of tallyEntries(t)) ss += c * (v - m) * (v - m);
  return ss / (n - 1);
}

/** Column means of a matrix (rows = raters, one column per item). */
export function columnMeans(rows: ReadonlyArray<readonly number[]>, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const row of rows) for (let i = 0; i < n; i++) out[i]! += row[i]!;
  return out.map((s) => s / rows.length);
}

/**
 * The median: the middle value, or the mean of the two middle values of an
 * even count (numpy.median). Null for no values.
 *   median([3, 1, 2]) === 2; median([4, 1, 3, 2]) === 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
