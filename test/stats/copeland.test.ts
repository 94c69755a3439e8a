// Copeland's pairwise-majority consensus (win 1, draw ½; ties by Borda position).
// Reference: Saari & Merlin (1996), "The Copeland method I"; https://en.wikipedia.org/wiki/Copeland%27s_method
import { describe, expect, it } from 'vitest';
import { borda } from '../../src/stats/borda.js';
import { copeland } from '../../src/stats/copeland.js';
import { seededRandom } from '../../src/stats/random.js';
import { completeStack } from '../../src/stats/ranks.js';

const CYCLE = [
  [1, 2, 3],
  [2, 3, 1],
  [3, 1, 2],
];

describe('copeland(matrix, bordaOrder)', () => {
  it('copeland(Condorcet cycle, [0, 1, 2]) -> scores [1, 1, 1], order = Borda order (hand: each item beats one other 2-1)', () => {
    expect(copeland(CYCLE, [0, 1, 2])).toEqual({ order: [0, 1, 2], scores: [1, 1, 1] });
    expect(copeland(CYCLE, [2, 0, 1]).order).toEqual([2, 0, 1]);
  });

  it('copeland puts a Condorcet winner first even when Borda does not (hand)', () => {
    // 3 raters: a is first for two of them but last for the third
    const m = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [4, 1, 2, 3],
    ];
    // hand: rank sums a 6, b 5, c 8, d 11 -> Borda b, a, c, d; but a beats b 2-1, c 2-1, d 2-1
    const b = borda(m, ['a', 'b', 'c', 'd']);
    expect(b.order).toEqual([1, 0, 2, 3]);
    const c = copeland(m, b.order);
    expect(c.scores).toEqual([3, 2, 1, 0]);
    expect(c.order).toEqual([0, 1, 2, 3]);
  });

  it('copeland: a pair with equal counts is a draw worth ½ each; a rater who ties a pair counts for neither side', () => {
    // hand: rater 1 a<b, rater 2 b<a -> draw; rater 3 ties a and b, so it is still a draw (1-1)
    const m = [
      [1, 2],
      [2, 1],
      [1.5, 1.5],
    ];
    expect(copeland(m, [0, 1])).toEqual({ order: [0, 1], scores: [0.5, 0.5] });
    expect(copeland(m, [1, 0]).order).toEqual([1, 0]);
    // hand: with rater 2 removed, a wins 1-0 (the tie does not count for b)
    expect(copeland([m[0] as number[], m[2] as number[]], [1, 0]).scores).toEqual([1, 0]);
  });

  it('copeland scores sum to N(N-1)/2 (hand: every pair hands out exactly 1 point)', () => {
    const random = seededRandom(31);
    for (let t = 0; t < 20; t++) {
      const n = 2 + Math.floor(random() * 8);
      const m = Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => completeStack(Array.from({ length: n }, () => (random() < 0.3 ? null : 1 + Math.floor(random() * n)))).completed,
      );
      const { scores, order } = copeland(
        m,
        borda(
          m,
          Array.from({ length: n }, (_, i) => `k${i}`),
        ).order,
      );
      expect(scores.reduce((a, b) => a + b, 0)).toBe((n * (n - 1)) / 2);
      for (let i = 1; i < n; i++) expect(scores[order[i] as number]).toBeLessThanOrEqual(scores[order[i - 1] as number] as number);
    }
  });

  it('copeland throws on no raters, ragged rows, and a Borda order that is not a permutation', () => {
    expect(() => copeland([], [0])).toThrow(/at least one rater/);
    expect(() => copeland([[1, 2]], [0])).toThrow(/rectangular/);
    expect(() => copeland([[1, 2]], [0, 0])).toThrow(/permutation/);
  });
});
