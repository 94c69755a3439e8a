// Midranks and completed stacks. Reference: Kendall (1945) midranks, as
// scipy.stats.rankdata(method='average'); README rules 3 and 4 of the rankings fixtures.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/stats/random.js';
import { completeStack, midranks, tieGroupSizes } from '../../src/stats/ranks.js';
import { closeAll } from './helpers.js';

describe('midranks(values)', () => {
  it('midranks([10, 20, 20, 30]) -> [1, 2.5, 2.5, 4] (scipy.stats.rankdata([10,20,20,30]))', () => {
    expect(midranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
  });
  it('midranks([0.5, -1, 0.5, 2, -1]) -> [3.5, 1.5, 3.5, 5, 1.5] (scipy.stats.rankdata([0.5,-1,0.5,2,-1]))', () => {
    expect(midranks([0.5, -1, 0.5, 2, -1])).toEqual([3.5, 1.5, 3.5, 5, 1.5]);
  });
  it('midranks([3, 1, 2]) -> [3, 1, 2] (hand: a permutation of 1..n is its own ranks)', () => {
    expect(midranks([3, 1, 2])).toEqual([3, 1, 2]);
  });
  it('midranks([5, 5, 5]) -> [2, 2, 2] (hand: mean of 1, 2, 3), not the first rank [1, 1, 1]', () => {
    expect(midranks([5, 5, 5])).toEqual([2, 2, 2]);
  });
  it('midranks([]) -> []', () => {
    expect(midranks([])).toEqual([]);
  });
  it('midranks([1, NaN]) throws', () => {
    expect(() => midranks([1, NaN])).toThrow(/midranks requires numbers/);
  });
  it('midranks(values) always sums to n(n+1)/2 (hand: the ranks 1..n are redistributed, never lost)', () => {
    const random = seededRandom(11);
    for (let t = 0; t < 50; t++) {
      const n = 1 + Math.floor(random() * 20);
      const values = Array.from({ length: n }, () => Math.floor(random() * 5));
      expect(midranks(values).reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
    }
  });
});

describe('tieGroupSizes(values)', () => {
  it('tieGroupSizes([1, 3.5, 2, 3.5, 3.5, 2]) -> [2, 3] (hand: two 2s, three 3.5s)', () => {
    expect(tieGroupSizes([1, 3.5, 2, 3.5, 3.5, 2])).toEqual([2, 3]);
  });
  it('tieGroupSizes([1, 2, 3]) -> []', () => {
    expect(tieGroupSizes([1, 2, 3])).toEqual([]);
  });
});

describe('completeStack(explicit)', () => {
  it('completeStack([1, 2, 2, 4]) -> [1, 2.5, 2.5, 4], tied (README rule 3)', () => {
    const c = completeStack([1, 2, 2, 4]);
    expect(c).toEqual({ completed: [1, 2.5, 2.5, 4], ranked: 4, tied: true, tieGroupSizes: [2] });
  });
  it('completeStack([1, 2, 2, 3]) -> [1, 2.5, 2.5, 4] as well (README rule 3)', () => {
    expect(completeStack([1, 2, 2, 3]).completed).toEqual([1, 2.5, 2.5, 4]);
  });
  it('completeStack([1, 3, 7]) -> [1, 2, 3], not tied (hand: written numbers become 1..k)', () => {
    expect(completeStack([7, 1, 3])).toEqual({ completed: [3, 1, 2], ranked: 3, tied: false, tieGroupSizes: [] });
  });
  it('completeStack(top 5 of 9) puts the other four at 7.5 (README rule 4: (5+1+9)/2)', () => {
    const c = completeStack([2, null, 4, 5, 3, null, 1, null, null]);
    expect(c.completed).toEqual([2, 7.5, 4, 5, 3, 7.5, 1, 7.5, 7.5]);
    expect(c.ranked).toBe(5);
    expect(c.tied).toBe(false);
    expect(c.tieGroupSizes).toEqual([4]);
  });
  it('completeStack([1, 2, null]) -> [1, 2, 3]: a single unranked priority is no tie group', () => {
    expect(completeStack([1, 2, null])).toEqual({ completed: [1, 2, 3], ranked: 2, tied: false, tieGroupSizes: [] });
  });
  it('completeStack([1, 1, null, null, null]) -> [1.5, 1.5, 4, 4, 4], groups [2, 3] (hand: (2+1+5)/2 = 4)', () => {
    expect(completeStack([1, 1, null, null, null])).toEqual({
      completed: [1.5, 1.5, 4, 4, 4],
      ranked: 2,
      tied: true,
      tieGroupSizes: [2, 3],
    });
  });
  it('completeStack([null, null, null, null]) -> all (N+1)/2 = 2.5, ranked 0', () => {
    expect(completeStack([null, null, null, null])).toEqual({
      completed: [2.5, 2.5, 2.5, 2.5],
      ranked: 0,
      tied: false,
      tieGroupSizes: [4],
    });
  });
  it('completeStack([]) -> empty', () => {
    expect(completeStack([])).toEqual({ completed: [], ranked: 0, tied: false, tieGroupSizes: [] });
  });
  it.each([[0], [-1], [NaN], [Infinity]])('completeStack([%s]) throws', (bad) => {
    expect(() => completeStack([1, bad])).toThrow(/completeStack requires positive finite ranks/);
  });
  it('completeStack(random partial stacks) is its own midranks and sums to N(N+1)/2', () => {
    const random = seededRandom(5);
    for (let t = 0; t < 100; t++) {
      const n = 1 + Math.floor(random() * 12);
      const explicit = Array.from({ length: n }, () => (random() < 0.3 ? null : 1 + Math.floor(random() * n)));
      const { completed } = completeStack(explicit);
      closeAll(midranks(completed), completed, 0);
      expect(completed.reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
    }
  });
});

describe('completeStack on ranks 1..k each once (its shortcut) and on any other ranks', () => {
  it('gives the vector the definition gives: midranks of the written ranks, (k+1+N)/2 for the rest, their tie groups', () => {
    // Reference: the definition above, computed here with midranks and tieGroupSizes directly.
    const rand = seededRandom(2026);
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + Math.floor(rand() * 9);
      const explicit: Array<number | null> = Array.from({ length: n }, () => null);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      const k = Math.floor(rand() * (n + 1));
      // a permutation of 1..k most of the time; else ties, gaps or fractional ranks
      const kind = Math.floor(rand() * 4);
      order.slice(0, k).forEach((i, j) => {
        explicit[i] =
          kind === 0 ? 1 + Math.floor(rand() * k) : kind === 1 ? j + 1 + Math.floor(rand() * 2) * (j === k - 1 ? 1 : 0) : kind === 2 ? (j + 1) * 0.5 : j + 1;
      });
      const written = explicit.filter((r): r is number => r !== null);
      const mr = midranks(written);
      const expected = explicit.map(() => (k + 1 + n) / 2);
      let w = 0;
      explicit.forEach((r, i) => {
        if (r !== null) expected[i] = mr[w++]!;
      });
      const got = completeStack(explicit);
      expect(got.completed).toEqual(expected);
      expect(got.ranked).toBe(k);
      expect(got.tied).toBe(tieGroupSizes(mr).length > 0);
      expect(got.tieGroupSizes).toEqual(tieGroupSizes(expected));
    }
  });
});
