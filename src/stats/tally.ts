/**
 * A tally: each distinct value with the number of times it occurs (a
 * histogram of the answers). The survey's statistics are computed from
 * tallies, not lists: a group's answers to a Likert item have a handful of
 * distinct values however many people answer, so a tally is small, two
 * tallies merge by adding counts (a file read in parts, several files, a
 * department and a level built in one pass), and every sum runs over the
 * values in ascending order, so no figure depends on the order the answers
 * arrived in (STYLE.md habit 3).
 *
 * What it is for: the one representation of a sample that describe, likert-
 * summary, rwg, adi and icc1 read.
 * Reference: a frequency table; sums over it equal the sums over the raw
 * values (Σ c·x = Σ x), https://en.wikipedia.org/wiki/Frequency_distribution
 * Ties: not applicable.
 * Undefined case: an empty tally has n = 0; the statistics built on it say
 * "no answers".
 * Example: tallyOf([1, 2, 2, 3, 1]) -> Map {1 => 2, 2 => 2, 3 => 1}, n 5.
 */

/** Value -> how many times it occurs (counts are positive whole numbers). */
export type Tally = Map<number, number>;

/** The tally of a list of values. */
export function tallyOf(values: Iterable<number>): Tally {
  const t: Tally = new Map();
  for (const v of values) t.set(v, (t.get(v) ?? 0) + 1);
  return t;
}

/** Adds `count` occurrences of `value` (count may be negative to take a row back out; a count of 0 removes the value). */
export function addToTally(t: Tally, value: number, count = 1): void {
  const now = (t.get(value) ?? 0) + count;
  if (now < 0) throw new Error(`addToTally: ${value} would occur ${now} times`);
  if (now === 0) t.delete(value);
  else t.set(value, now);
}

/** Adds every count of `from` into `into` (merging two parts of one sample). */
export function mergeTally(into: Tally, from: Tally): Tally {
  for (const [v, c] of from) addToTally(into, v, c);
  return into;
}

/** The tally of several tallies together (none is changed). */
export function mergedTallies(parts: Iterable<Tally>): Tally {
  const out: Tally = new Map();
  for (const p of parts) mergeTally(out, p);
  return out;
}

/** The number of values tallied. */
export function tallyN(t: Tally): number {
  let n = 0;
  for (const c of t.values()) n += c;
  return n;
}

/** [value, count] pairs in ascending value order: the order every sum over a tally runs in. */
export function tallyEntries(t: Tally): Array<[number, number]> {
  return [...t].sort((a, b) => a[0] - b[0]);
}
