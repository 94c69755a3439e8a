/**
 * Which groups of one split (departments, levels) are hidden, so that no group
 * under the threshold is shown and none can be derived by subtraction
 * (ARCHITECTURE.md, "Anonymity": complementary suppression).
 *
 * Counts are exact. The hidden remainder of a split is the overall n minus the
 * groups shown minus the leaders (whose number is public); it holds the hidden
 * groups and everyone in no group (a blank department). While that remainder
 * is between 1 and threshold - 1, it would give away a small group's size, so
 * the next-smallest shown group is hidden too (ties by name, code-point order,
 * so the input's row order changes nothing).
 *
 * When every group ends up hidden the remainder is the number of non-leaders,
 * which `input.respondents` and the leaders' count reveal anyway; nothing more
 * can be hidden without hiding the totals.
 *
 * Example: hiddenGroups(new Map([['Sales', 5], ['Ops', 4]]), 2, 11, 5)
 *   -> Set {'Ops', 'Sales'}  (shown alone, Sales would leave 11 - 2 - 5 = 4)
 */
import { compareCodePoints } from '../stats/code-point-order.js';

export interface Suppression {
  /** The groups not to show: under the threshold, or hidden so the remainder cannot reveal one. */
  hidden: Set<string>;
  /** overall n - leaders - the groups shown: 0 or at least the threshold, unless every group is hidden. */
  remainder: number;
}

export function suppressGroups(
  sizes: ReadonlyMap<string, number>,
  leaders: number,
  overall: number,
  threshold: number,
  /** A group of 0 stays shown (a count of answers, where none answered tells nothing), and is never given up. */
  emptyShown = false,
): Suppression {
  const hidden = new Set<string>();
  let shownSum = 0;
  for (const [name, size] of sizes) {
    if (size < threshold && !(emptyShown && size === 0)) hidden.add(name);
    else shownSum += size;
  }
  // smallest first, then by name: the order in which shown groups are given up
  const shown = [...sizes]
    .filter(([name, size]) => !hidden.has(name) && !(emptyShown && size === 0))
    .sort((a, b) => a[1] - b[1] || compareCodePoints(a[0], b[0]))
    .map(([name]) => name);
  let remainder = overall - leaders - shownSum;
  for (const name of shown) {
    if (remainder === 0 || remainder >= threshold) break;
    hidden.add(name);
    remainder += sizes.get(name)!;
  }
  return { hidden, remainder };
}

/** Just the hidden set (see suppressGroups). */
export function hiddenGroups(sizes: ReadonlyMap<string, number>, leaders: number, overall: number, threshold: number): Set<string> {
  return suppressGroups(sizes, leaders, overall, threshold).hidden;
}
