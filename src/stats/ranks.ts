/**
 * Midranks (average ranks) and completed priority stacks.
 *
 * What it is for: every rank statistic in align (Spearman, Kendall tau-b,
 * Kendall's W, Borda, Copeland, Kemeny) works on completed vectors built here,
 * so the tie rule lives in one place.
 * Reference: Kendall, M. G. (1945), "The treatment of ties in ranking problems",
 * Biometrika 33(3), 239-251 (midranks); as scipy.stats.rankdata(method='average'),
 * https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.rankdata.html
 * Tie rule: tied values share the average of the positions they occupy
 * (midranks), never the first rank (d3's `rank` gives ties the first rank, which
 * is wrong for Spearman). A partial stack gives every unranked priority the
 * average of the remaining positions, (k+1+N)/2: the unranked block is one tie.
 * Undefined case: none; an empty input gives an empty output. NaN is a bug in the
 * caller and throws; an explicit rank that is not a positive finite number throws.
 * Example: midranks([10, 20, 20, 30]) -> [1, 2.5, 2.5, 4];
 * completeStack([2, null, 1, null]).completed -> [2, 3.5, 1, 3.5].
 */

/** Ascending average ranks, 1-based: midranks([10, 20, 20, 30]) -> [1, 2.5, 2.5, 4]. */
export function midranks(values: readonly number[]): number[] {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new Error(`midranks requires numbers, got NaN at index ${i}`);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[order[start] as number] as number;
    while (end < n && values[order[end] as number] === v) end++;
    // positions start..end-1 (0-based) are ranks start+1..end; their mean:
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p] as number] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Sizes (> 1) of the groups of equal values, in ascending order of the shared
 * value: tieGroupSizes([1, 3.5, 2, 3.5, 3.5, 2]) -> [2, 3]. Used by the tie
 * corrections of Kendall's W (T = sum of t^3 - t).
 */
export function tieGroupSizes(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const sizes: number[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    if (end - start > 1) sizes.push(end - start);
    start = end;
  }
  return sizes;
}

export interface CompletedStack {
  /** One completed rank per priority, in the order of the input. */
  completed: number[];
  /** k: how many priorities the respondent ranked explicitly. */
  ranked: number;
  /** Whether the explicit ranks contained ties (two priorities given the same rank). */
  tied: boolean;
  /**
   * Sizes (> 1) of every tie group of `completed`, in ascending order of rank;
   * the unranked block is one group when it has more than one member.
   */
  tieGroupSizes: number[];
}

/**
 * A respondent's completed vector over N priorities.
 * `explicit[i]` is the rank written for priority i (any positive numbers, 1 = best)
 * or null when priority i was left unranked. Explicit ranks become the midranks
 * 1..k of the written numbers (1,2,2,4 and 1,2,2,3 both give 1,2.5,2.5,4; 1,3,7
 * gives 1,2,3); unranked priorities all get (k+1+N)/2. With nothing ranked every
 * priority gets (N+1)/2.
 * Example: completeStack([1, 2, 3, 4, 5, null, null, null, null]).completed
 * -> [1, 2, 3, 4, 5, 7.5, 7.5, 7.5, 7.5] (README rule 4: top 5 of 9).
 */
export function completeStack(explicit: ReadonlyArray<number | null>): CompletedStack {
  const n = explicit.length;
  const rankedIndex: number[] = [];
  const written: number[] = [];
  explicit.forEach((r, i) => {
    if (r === null) return;
    if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) {
      throw new Error(`completeStack requires positive finite ranks or null, got ${String(r)} at index ${i}`);
    }
    rankedIndex.push(i);
    written.push(r);
  });
  const k = written.length;
  if (isPermutation(written)) {
    // the common case, ranks 1..k each once: already their own midranks, untied; the unranked block is the one tie
    const completed = new Array<number>(n).fill((k + 1 + n) / 2);
    for (let j = 0; j < k; j++) completed[rankedIndex[j]!] = written[j]!;
    return { completed, ranked: k, tied: false, tieGroupSizes: n - k > 1 ? [n - k] : [] };
  }
  const explicitRanks = midranks(written);
  const unranked = (k + 1 + n) / 2;
  const completed = new Array<number>(n).fill(unranked);
  rankedIndex.forEach((i, j) => {
    completed[i] = explicitRanks[j] as number;
  });
  return {
    completed,
    ranked: k,
    tied: tieGroupSizes(explicitRanks).length > 0,
    tieGroupSizes: tieGroupSizes(completed),
  };
}

/** Whether the numbers are 1..k, each once (k their count). */
function isPermutation(written: readonly number[]): boolean {
  const k = written.length;
  const seen = new Uint8Array(k + 1);
  for (const r of written) {
    if (!Number.isInteger(r) || r > k || seen[r] === 1) return false;
    seen[r] = 1;
  }
  return true;
}
