/**
 * Checks shared by the consensus methods on a rank matrix (matrix[rater][item]).
 *
 * What it is for: one wording for the programmer errors of Borda, Copeland and
 * Kemeny (ragged rows, an order that is not a permutation, duplicate keys).
 * Reference: not a statistic; see the consensus files.
 * Ties: not applicable. Undefined case: none; bad input throws.
 * Example: assertRankMatrix('borda', [[1, 2], [2, 1]], 2) passes; [[1, 2], [1]] throws.
 */
export function assertRankMatrix(name: string, matrix: ReadonlyArray<readonly number[]>, n: number): void {
  if (matrix.length === 0) throw new Error(`${name} requires at least one rater`);
  for (const row of matrix) {
    if (row.length !== n) throw new Error(`${name} requires a rectangular matrix with one rank per item (${n})`);
    for (const v of row) if (Number.isNaN(v)) throw new Error(`${name} requires numeric ranks, got NaN`);
  }
}

export function assertPermutation(name: string, order: readonly number[], n: number): void {
  const seen = new Array<boolean>(n).fill(false);
  if (order.length !== n) throw new Error(`${name} requires an order of all ${n} items`);
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) throw new Error(`${name} requires an order that is a permutation of 0..${n - 1}`);
    seen[i] = true;
  }
}

export function assertUniqueKeys(name: string, keys: readonly string[]): void {
  if (new Set(keys).size !== keys.length) throw new Error(`${name} requires distinct keys`);
}
