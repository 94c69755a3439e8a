/**
 * Copeland's method: the priorities ordered by pairwise majority wins.
 *
 * What it is for: a second consensus that only asks, pair by pair, which priority
 * more raters put first; `stack.copeland` and `methodsAgreeTop3`.
 * Reference: Copeland (1951); Saari & Merlin (1996), "The Copeland method I",
 * Economic Theory 8, 51-76; a free description at
 * https://en.wikipedia.org/wiki/Copeland%27s_method
 * Ties: for each pair (i, j) count the raters with rank_i < rank_j and those with
 * rank_j < rank_i (a rater who ties them counts for neither); the majority wins 1,
 * equal counts give ½ each. Equal scores are broken by position in the Borda order.
 * Undefined case: none; at least one rater is required (none throws), and
 * `bordaOrder` must be a permutation of the item indices.
 * Example: copeland([[1, 2, 3], [2, 3, 1], [3, 1, 2]], [0, 1, 2]) -> scores [1, 1, 1],
 * order [0, 1, 2] (a Condorcet cycle: each item beats one other 2-1).
 */
import { assertPermutation, assertRankMatrix } from './matrix.js';

export function copeland(matrix: ReadonlyArray<readonly number[]>, bordaOrder: readonly number[]): { order: number[]; scores: number[] } {
  const n = bordaOrder.length;
  assertRankMatrix('copeland', matrix, n);
  assertPermutation('copeland', bordaOrder, n);
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let iFirst = 0;
      let jFirst = 0;
      for (const row of matrix) {
        if ((row[i] as number) < (row[j] as number)) iFirst++;
        else if ((row[j] as number) < (row[i] as number)) jFirst++;
      }
      if (iFirst > jFirst) scores[i] = (scores[i] as number) + 1;
      else if (jFirst > iFirst) scores[j] = (scores[j] as number) + 1;
      else {
        scores[i] = (scores[i] as number) + 0.5;
        scores[j] = (scores[j] as number) + 0.5;
      }
    }
  }
  const bordaPosition = new Array<number>(n);
  bordaOrder.forEach((item, pos) => {
    bordaPosition[item] = pos;
  });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (scores[j] as number) - (scores[i] as number) || (bordaPosition[i] as number) - (bordaPosition[j] as number),
  );
  return { order, scores };
}
