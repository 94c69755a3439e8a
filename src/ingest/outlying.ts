/**
 * Outlying answers of a numeric rating scale: the few answers a range must not be read from.
 *
 * What it is for: align reads a numeric scale's range from its answers (1 up
 * to the largest, 0..10 when someone answered 0). One typo would then decide
 * how the whole file is read: a single 9 among twenty thousand answers of
 * 1..5 makes every item a 9-point scale, a single 0 an 11-point one, and the
 * favourable shares fall to nothing. So the range is read without the answers
 * that sit apart from the rest and are too few to be part of the scale; the
 * cells holding them are then off the scale, and reading stops at the first
 * one with its line and column (or leaves that respondent out under
 * --skip-invalid) instead of guessing.
 *
 * Data screening checks that every value lies within the scale's codes
 * before any analysis (Tabachnick and Fidell, Using Multivariate Statistics,
 * chapter 4, "accuracy of data file"). Without a code book align cannot know
 * the codes, so it holds back what a code book would have caught:
 * - above: the answers beyond a gap of at least one unused point (1..5 and 9,
 *   with 6, 7 and 8 never chosen), taken from the lowest such gap whose
 *   answers above it are fewer than 1% of all the answers;
 * - below: 0 or less beneath answers of 1 or more (a lone 0 below 1..5), when
 *   those are fewer than 1% of all the answers;
 * - next to the top: the largest answer left, when it lies one above a common
 *   scale's top (4, 5, 7 or 10: a lone 6 over 1..5, an 8 over 1..7, an 11
 *   over 0..10) and is fewer than 1% of all the answers. No unused point
 *   separates it, but a real 6-point scale's top is chosen by more than one
 *   in a hundred; a file whose scale really has that point says so in
 *   align.yml (the refusal gives the line).
 * Fewer than 1%: with fewer than 100 answers no answer is outlying (a small
 * sample's gap is read as it is), and a real scale's point used by many (the
 * 0 of a 0..10 scale on which nobody chose 1 or 2) always stays.
 * Ties: not applicable. Empty input: nothing is outlying.
 *
 * Example: outlyingAnswers([...Array(500).fill(3), ...Array(499).fill(4), 9]) -> Set {9}
 *   (9 lies beyond the unused 5..8 and is 1 of 1000 answers, 0.1% < 1%);
 *   outlyingAnswers([...Array(999).fill(5), 6]) -> Set {6} (one above the common top 5, 0.1%);
 *   outlyingAnswers([0, 0, 3, 4, 5, 6, 7, 8, 9, 10]) -> Set {} (10 answers: too few to call any outlying).
 */

/** The share of a group's answers below which answers apart from the rest are outlying: 1%. */
export const OUTLYING_SHARE = 0.01;

/** The tops of common rating scales (1..4, 1..5, 1..7, 0..10): a rare answer one above one is outlying. */
const COMMON_TOPS: readonly number[] = [4, 5, 7, 10];

/** The distinct values among `values` that are outlying (see the file comment); empty when none are. */
export function outlyingAnswers(values: Iterable<number>): Set<number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return outlyingOfCounts(counts);
}

/** outlyingAnswers from the answers' counts (value -> how many gave it): what a whole file's answers, counted as read, are judged by. */
export function outlyingOfCounts(counts: ReadonlyMap<number, number>): Set<number> {
  let n = 0;
  for (const c of counts.values()) n += c;
  const out = new Set<number>();
  const few = (count: number) => count < OUTLYING_SHARE * n;
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  // below: 0 or less beneath answers of 1 or more
  const low = distinct.filter((v) => v <= 0);
  if (low.length > 0 && low.length < distinct.length) {
    const count = low.reduce((s, v) => s + counts.get(v)!, 0);
    if (few(count)) for (const v of low) out.add(v);
  }
  // above: from the lowest gap of unused points whose answers above it are few
  const kept = distinct.filter((v) => !out.has(v));
  let above = kept.reduce((s, v) => s + counts.get(v)!, 0);
  for (let i = 0; i + 1 < kept.length; i++) {
    above -= counts.get(kept[i]!)!;
    if (kept[i + 1]! - kept[i]! >= 2 && few(above)) {
      for (const v of kept.slice(i + 1)) out.add(v);
      break;
    }
  }
  // a top one above a common scale's top (a lone 6 over 1..5): a typo's neighbour, not a point
  const rest = kept.filter((v) => !out.has(v));
  const top = rest[rest.length - 1];
  const under = rest[rest.length - 2];
  if (top !== undefined && under !== undefined && top === under + 1 && COMMON_TOPS.includes(under) && few(counts.get(top)!)) out.add(top);
  return out;
}

/** `values` without their outlying answers (outlyingAnswers): what a group's range is read from. */
export function withoutOutlying(values: readonly number[]): readonly number[] {
  const outlying = outlyingAnswers(values);
  return outlying.size > 0 ? values.filter((v) => !outlying.has(v)) : values;
}
