/**
 * Kemeny consensus (Kemeny-Young): the order with the fewest pairwise
 * disagreements with the raters, found exactly.
 *
 * What it is for: the third consensus in `stack.kemeny`; unlike Borda it is the
 * order that best fits the raters pair by pair (it is a median in Kendall distance).
 * Reference: Kemeny (1959), "Mathematics without numbers", Daedalus 88, 577-591;
 * free overview at https://en.wikipedia.org/wiki/Kemeny%E2%80%93Young_method . Solved
 * exactly by dynamic programming over subsets of items, the Held-Karp (1962) scheme
 * (https://en.wikipedia.org/wiki/Held%E2%80%93Karp_algorithm): the cost of a prefix set
 * placed before the rest does not depend on the order inside either part.
 * Cost: placing i before j costs the number of raters with rank_j < rank_i, plus ½
 * for each rater who ties i and j (a tied pair costs ½ either way). Costs are kept
 * doubled, as integers, so optimal orders are compared exactly.
 * Ties between optimal orders: `optimalOrders` counts them all (in the DP); the
 * one returned has the smallest Kendall distance to `bordaOrder`, then is the
 * lexicographically smallest sequence of `keys` in code-point order.
 * Undefined case: null when N > KEMENY_MAX_ITEMS (2^N states: 16 items take
 * ~0.1 s). At least one rater is required (none throws); `bordaOrder` must be a
 * permutation and `keys` distinct.
 * Example: kemeny([[1, 2, 3], [2, 3, 1], [3, 1, 2]], [0, 1, 2], ['a', 'b', 'c'])
 * -> { order: [0, 1, 2], optimalOrders: 3, cost: 4 } (hand: the three rotations of
 * a Condorcet cycle each cost 1 + 2 + 1; the other three orders cost 5).
 */
import { compareCodePoints } from './code-point-order.js';
import { assertPermutation, assertRankMatrix, assertUniqueKeys } from './matrix.js';

export interface KemenyResult {
  /** Item indices, best first. */
  order: number[];
  /** How many distinct orders reach the minimal cost. */
  optimalOrders: number;
  /** Total pairwise disagreements of `order` (a multiple of ½). */
  cost: number;
}

/** Largest N solved exactly; optimalOrders stays an exact integer (16! < 2^53). */
export const KEMENY_MAX_ITEMS = 16;

export function kemeny(matrix: ReadonlyArray<readonly number[]>, bordaOrder: readonly number[], keys: readonly string[]): KemenyResult | null {
  const n = keys.length;
  assertRankMatrix('kemeny', matrix, n);
  assertPermutation('kemeny', bordaOrder, n);
  assertUniqueKeys('kemeny', keys);
  if (n > KEMENY_MAX_ITEMS) return null;

  // before2[i*n + j] = 2 × cost of placing i before j; flip[i*n + j] = 1 when the
  // Borda order puts j before i (the Kendall-distance cost of placing i before j).
  const before2 = new Int32Array(n * n);
  const flip = new Int32Array(n * n);
  const bordaPosition = new Array<number>(n);
  bordaOrder.forEach((item, pos) => {
    bordaPosition[item] = pos;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let c = 0;
      for (const row of matrix) {
        const ri = row[i] as number;
        const rj = row[j] as number;
        if (rj < ri) c += 2;
        else if (rj === ri) c += 1;
      }
      before2[i * n + j] = c;
      flip[i * n + j] = (bordaPosition[j] as number) < (bordaPosition[i] as number) ? 1 : 0;
    }
  }

  // Backward DP over the set T of items already placed at the front:
  //   cost[T]  = minimal doubled cost of ordering the rest after T,
  //   dist[T]  = minimal Kendall distance to Borda among those cost-optimal orders,
  //   count[T] = number of cost-optimal orders of the rest.
  // Appending j after T adds the pairs (i, j) for i in T: step(T, j) = Σ_{i∈T} before2[i][j].
  const full = (1 << n) - 1;
  const size = 1 << n;
  const cost = new Int32Array(size);
  const dist = new Int32Array(size);
  const count = new Float64Array(size);
  count[full] = 1;
  const stepCost = new Int32Array(n);
  const stepDist = new Int32Array(n);
  const steps = (set: number): void => {
    for (let j = 0; j < n; j++) {
      if (set & (1 << j)) continue;
      let c = 0;
      let d = 0;
      for (let i = 0; i < n; i++) {
        if (set & (1 << i)) {
          c += before2[i * n + j] as number;
          d += flip[i * n + j] as number;
        }
      }
      stepCost[j] = c;
      stepDist[j] = d;
    }
  };
  for (let set = full - 1; set >= 0; set--) {
    steps(set);
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      if (set & (1 << j)) continue;
      const c = (stepCost[j] as number) + (cost[set | (1 << j)] as number);
      if (c < best) best = c;
    }
    let bestDist = Infinity;
    let ways = 0;
    for (let j = 0; j < n; j++) {
      if (set & (1 << j)) continue;
      const next = set | (1 << j);
      if ((stepCost[j] as number) + (cost[next] as number) !== best) continue;
      ways += count[next] as number;
      const d = (stepDist[j] as number) + (dist[next] as number);
      if (d < bestDist) bestDist = d;
    }
    cost[set] = best;
    dist[set] = bestDist;
    count[set] = ways;
  }

  // Forward: at each position take the smallest key that keeps the order both
  // cost-optimal and closest to Borda.
  const order: number[] = [];
  let set = 0;
  while (set !== full) {
    steps(set);
    let chosen = -1;
    for (let j = 0; j < n; j++) {
      if (set & (1 << j)) continue;
      const next = set | (1 << j);
      if ((stepCost[j] as number) + (cost[next] as number) !== cost[set]) continue;
      if ((stepDist[j] as number) + (dist[next] as number) !== dist[set]) continue;
      if (chosen < 0 || compareCodePoints(keys[j] as string, keys[chosen] as string) < 0) chosen = j;
    }
    order.push(chosen);
    set |= 1 << chosen;
  }
  return { order, optimalOrders: count[0] as number, cost: (cost[0] as number) / 2 };
}
