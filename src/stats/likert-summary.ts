/**
 * Summary of Likert answers on an A-point scale: n, mean, sample SD, and the
 * favourable, neutral and unfavourable shares.
 *
 * What it is for: the figures a survey report shows per item and group.
 * Reference: favourable is the top ⌊A/2⌋ points of an A-point scale (top two
 * of five, top three of seven), unfavourable the bottom ⌊A/2⌋, neutral the
 * middle point when A is odd (ARCHITECTURE.md, "Survey"; the convention of
 * engagement platforms such as Qualtrics EX and Culture Amp). SD is the sample
 * SD (n - 1), as numpy.std(x, ddof=1).
 * Ties: not applicable.
 * Undefined case: n = 0 gives every statistic null with a reason; n = 1 gives
 * the SD null ("one answer"). Values outside low..low+A-1 are a programmer
 * error and throw (ingest has checked them against the scale).
 * Example: likertSummary([1, 2, 2, 3, 1], {low: 1, points: 5}) -> n 5, mean 1.8,
 *   sd 0.8366600265340756, favourable 0, neutral 0.2, unfavourable 0.8
 *   (northwind.expected.json, Operations, clarity).
 */
import { asTally, meanAndSd } from './describe.js';
import { na, ok, type Stat } from './result.js';
import { type Tally, tallyN } from './tally.js';

export interface Scale {
  /** The lowest value (1, or 0 for a 0..10 scale). */
  low: number;
  /** A, the number of points. */
  points: number;
}

export interface LikertSummary {
  n: number;
  mean: Stat;
  sd: Stat;
  favourable: Stat;
  neutral: Stat;
  unfavourable: Stat;
  /** Answers in the favourable points (for intervals and pooling). */
  favourableCount: number;
}

/** The value at or above which an answer is favourable, and at or below which it is unfavourable. */
export function favourableCuts(scale: Scale): { favourableFrom: number; unfavourableTo: number } {
  const half = Math.floor(scale.points / 2);
  const high = scale.low + scale.points - 1;
  return { favourableFrom: high - half + 1, unfavourableTo: scale.low + half - 1 };
}

export function likertSummary(values: readonly number[] | Tally, scale: Scale): LikertSummary {
  const t = asTally(values);
  const n = tallyN(t);
  const { favourableFrom, unfavourableTo } = favourableCuts(scale);
  const high = scale.low + scale.points - 1;
  let fav = 0;
  let unfav = 0;
  for (const [v, c] of t) {
    if (!(v >= scale.low && v <= high)) throw new Error(`likertSummary: ${v} is off the ${scale.low}..${high} scale`);
    if (v >= favourableFrom) fav += c;
    else if (v <= unfavourableTo) unfav += c;
  }
  if (n === 0) {
    const none = na('no answers');
    return { n, mean: none, sd: none, favourable: none, neutral: none, unfavourable: none, favourableCount: 0 };
  }
  const { mean, sd } = meanAndSd(t);
  return {
    n,
    mean,
    sd,
    favourable: ok(fav / n),
    neutral: ok((n - fav - unfav) / n),
    unfavourable: ok(unfav / n),
    favourableCount: fav,
  };
}
