// Extrapolated rank-biased overlap. Reference: Webber, Moffat & Zobel (2010), "A similarity measure for
// indefinite rankings", ACM TOIS 28(4):20, eq. 30 and eq. 32; http://www.williamwebber.com/research/papers/wmz10_tois.pdf
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/stats/random.js';
import { rankBiasedOverlap } from '../../src/stats/rbo.js';
import { close, closeStat } from './helpers.js';

const letters = (k: number): string[] => Array.from({ length: k }, (_, i) => String.fromCharCode(97 + i));
const swap = (list: string[], i: number): string[] => {
  const out = [...list];
  [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
  return out;
};

describe('rankBiasedOverlap(a, b, p)', () => {
  it('rankBiasedOverlap(x, x, p) -> 1 for every length and p (hand: eq. 30 with X_d = d sums to 1 - p^k + p^k)', () => {
    for (const k of [1, 2, 5, 9, 20]) {
      for (const p of [0.1, 0.5, 0.9, 0.98]) closeStat(rankBiasedOverlap(letters(k), letters(k), p), 1);
    }
  });
  it("rankBiasedOverlap(['a'], ['a', 'b']) -> 1 (hand, eq. 32: a prefix that agrees is extrapolated to agree)", () => {
    closeStat(rankBiasedOverlap(['a'], ['a', 'b'], 0.9), 1);
    closeStat(rankBiasedOverlap(letters(3), letters(8), 0.7), 1);
  });
  it("rankBiasedOverlap(['b'], ['a', 'b'], p) -> p/2 (hand, eq. 32: X1 = 0, X2 = 1, Xs = 0: (1-p)p/2 + p²/2)", () => {
    closeStat(rankBiasedOverlap(['b'], ['a', 'b'], 0.9), 0.45);
    closeStat(rankBiasedOverlap(['a', 'b'], ['b'], 0.6), 0.3);
  });
  it('rankBiasedOverlap(disjoint lists) -> 0 (hand: every X_d = 0)', () => {
    closeStat(rankBiasedOverlap(['a', 'b', 'c'], ['d', 'e', 'f']), 0);
    closeStat(rankBiasedOverlap(['a', 'b'], ['d', 'e', 'f', 'g']), 0);
  });
  it("rankBiasedOverlap(['a','b','c'], ['b','a','c'], 0.9) -> 0.9 and ['a','c','b'] -> 0.955 (hand, eq. 30: the top swap costs 1 - p, the bottom swap (1 - p)p/2)", () => {
    closeStat(rankBiasedOverlap(['a', 'b', 'c'], ['b', 'a', 'c'], 0.9), 0.9);
    closeStat(rankBiasedOverlap(['a', 'b', 'c'], ['a', 'c', 'b'], 0.9), 0.955);
  });
  it('rankBiasedOverlap: swapping the top pair costs more than swapping the bottom pair (the paper: top-weighted)', () => {
    for (const k of [3, 5, 9, 15]) {
      for (const p of [0.5, 0.8, 0.9, 0.95]) {
        const top = rankBiasedOverlap(letters(k), swap(letters(k), 0), p).value as number;
        const bottom = rankBiasedOverlap(letters(k), swap(letters(k), k - 2), p).value as number;
        close(top, p, 1e-12, `top swap k=${k} p=${p}`); // hand: only X_1 drops, by 1, costing ((1-p)/p)·p
        expect(bottom, `k=${k} p=${p}`).toBeGreaterThan(top);
      }
    }
  });
  it('rankBiasedOverlap: a smaller p makes the top dominate (the bottom swap costs p^8/9 of the top swap for 10 items)', () => {
    // hand, eq. 30: the top swap lowers X_1 by 1 and costs (1-p); swapping depths 9 and 10 lowers X_9
    // by 1 and costs ((1-p)/p)·p^9/9, so the ratio of the two costs is p^8/9, increasing in p.
    const list = letters(10);
    const ps = [0.95, 0.9, 0.8, 0.5, 0.2];
    const ratios = ps.map((p) => {
      const topCost = 1 - (rankBiasedOverlap(list, swap(list, 0), p).value as number);
      const bottomCost = 1 - (rankBiasedOverlap(list, swap(list, 8), p).value as number);
      close(bottomCost / topCost, p ** 8 / 9, 1e-9, `p=${p}`);
      return bottomCost / topCost;
    });
    for (let i = 1; i < ps.length; i++) expect(ratios[i]).toBeLessThan(ratios[i - 1] as number);
  });

  it('rankBiasedOverlap(a, b) = rankBiasedOverlap(b, a), and lies in [0, 1], for random top-k lists', () => {
    const random = seededRandom(21);
    const pool = letters(12);
    for (let t = 0; t < 200; t++) {
      const shuffled = [...pool].sort(() => random() - 0.5);
      const a = shuffled.slice(0, 1 + Math.floor(random() * 12));
      const b = [...pool].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 12));
      const ab = rankBiasedOverlap(a, b, 0.9).value as number;
      close(rankBiasedOverlap(b, a, 0.9).value, ab, 1e-12);
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
    }
  });
  it('rankBiasedOverlap(top 5, full 9, 0.9) -> 0.6947304155357144 (aw-long-partial.expected.json, Helena Kowalski / Marcus Oyelaran; eq. 32)', () => {
    const helena = ['grow', 'ebike', 'data', 'dealer', 'delivery', 'hire', 'warranty', 'asia', 'carbon'];
    const marcus = ['warranty', 'grow', 'delivery', 'data', 'dealer'];
    closeStat(rankBiasedOverlap(helena, marcus, 0.9), 0.6947304155357144);
  });
  it('rankBiasedOverlap([], x) -> null with a reason', () => {
    expect(rankBiasedOverlap([], ['a']).value).toBeNull();
    expect(rankBiasedOverlap([], []).reason).toMatch(/empty/);
  });
  it("rankBiasedOverlap(['a', 'a'], ['a']) throws (a list names an item once)", () => {
    expect(() => rankBiasedOverlap(['a', 'a'], ['a'])).toThrow(/duplicate/);
    expect(() => rankBiasedOverlap(['a'], ['b', 'b'])).toThrow(/duplicate/);
  });
  it.each([0, 1, -0.1, 1.5, NaN])('rankBiasedOverlap(a, b, %s) throws (p must be in (0, 1))', (p) => {
    expect(() => rankBiasedOverlap(['a'], ['a'], p)).toThrow(/0 < p < 1/);
  });
  it('rankBiasedOverlap(a, b) defaults to p = 0.9', () => {
    expect(rankBiasedOverlap(['a', 'b', 'c'], ['b', 'a', 'c'])).toEqual(rankBiasedOverlap(['a', 'b', 'c'], ['b', 'a', 'c'], 0.9));
  });
});
