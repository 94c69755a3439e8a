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

/** `rows`: one per respondent, one value per item; null = not answered (that respondent is left out). */
export function cronbachAlpha(rows: ReadonlyArray<ReadonlyArray<number | null>>): Stat {
  const k = rows[0]?.length ?? 0;
  if (k < 2) return na('a scale of one item has no internal consistency to measure');
  const complete = rows.filter((r): r is number[] => r.every((v) => v !== null));
  if (complete.length < 2) return na('fewer than two respondents answered every item');
  let itemVariances = 0;
  for (let i = 0; i < k; i++) itemVariances += sampleVariance(complete.map((r) => r[i]!))!;
  const total = sampleVariance(complete.map((r) => r.reduce((a, b) => a + b, 0)))!;
  if (total === 0) return na('every respondent has the same total: no variance to split');
  return ok((k / (k - 1)) * (1 - itemVariances / total));
}
