/**
 * Cronbach's alpha: the internal consistency of a scale of k items.
 *
 * What it is for: whether the items grouped into a dimension (clarity,
 * decision rights, ...) measure one thing, so that their pooled figures mean
 * something; .70 is the usual floor.
 * Reference: Cronbach (1951), "Coefficient alpha and the internal structure
 * of tests", Psychometrika 16:297-334: alpha = k/(k-1) (1 - Σ s²_i / s²_total),
 * sample variances (n - 1). Listwise: only respondents who answered every item
 * (psych::alpha defaults to pairwise).
 * Ties: not applicable.
 * Undefined case: fewer than two items, fewer than two complete respondents,
 * or no variance in the total score give null with a reason.
 * Example: cronbachAlpha([[4,4,3],[2,3,2],[5,4,5],[3,3,2]]) (rows = respondents)
 *   -> 0.9 (k/(k-1) (1 - sum of numpy var(ddof=1) per item / var(ddof=1) of the totals)).
 */

import { sampleVariance } from './describe.js';
import { na, ok, type Stat } from './result.js';
import { addToTally, type Tally, tallyN } from './tally.js';

/** `rows`: one per respondent, one value per item; null = not answered (that respondent is left out). */
export function cronbachAlpha(rows: ReadonlyArray<ReadonlyArray<number | null>>): Stat {
  const k = rows[0]?.length ?? 0;
  const items: Tally[] = Array.from({ length: k }, () => new Map());
  const totals: Tally = new Map();
  for (const r of rows) {
    if (!r.every((v) => v !== null)) continue;
    let total = 0;
    r.forEach((v, i) => {
      addToTally(items[i]!, v!);
      total += v!;
    });
    addToTally(totals, total);
  }
  return alphaOfTallies(items, totals);
}

/**
 * Alpha from the respondents who answered every item, as tallies (stats/tally.ts): items[i] their
 * answers to item i, totals their total scores. A survey of any size is read into these in one
 * pass, with no row kept per respondent; the variances are the same as from the rows.
 */
export function alphaOfTallies(items: readonly Tally[], totals: Tally): Stat {
  const k = items.length;
  if (k < 2) return na('a scale of one item has no internal consistency to measure');
  if (tallyN(totals) < 2) return na('fewer than two respondents answered every item');
  let itemVariances = 0;
  for (const t of items) itemVariances += sampleVariance(t)!;
  const total = sampleVariance(totals)!;
  if (total === 0) return na('every respondent has the same total: no variance to split');
  return ok((k / (k - 1)) * (1 - itemVariances / total));
}
