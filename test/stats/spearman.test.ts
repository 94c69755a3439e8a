// Spearman's rho = Pearson correlation of midranks, as scipy.stats.spearmanr.
// Reference: https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient (IQ / TV example, rho = -29/165).
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/stats/random.js';
import { pearson, spearman } from '../../src/stats/spearman.js';
import { close, closeStat } from './helpers.js';

describe('spearman(x, y)', () => {
  it('spearman(IQ, hours of TV) -> -29/165 (Wikipedia worked example; scipy.stats.spearmanr gives -0.17575757575757575)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    closeStat(spearman(iq, tv), -29 / 165);
  });
  it('spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) -> 0.8207826816681233 (scipy.stats.spearmanr docstring example)', () => {
    closeStat(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233);
  });
  it('spearman([1,2,2,4,5,5,5,8], [3,1,4,1,5,9,2,6]) -> 0.5495502618648208 (scipy.stats.spearmanr; ties on both sides)', () => {
    closeStat(spearman([1, 2, 2, 4, 5, 5, 5, 8], [3, 1, 4, 1, 5, 9, 2, 6]), 0.5495502618648208);
  });
  it('spearman(x, x) -> 1 and spearman(x, reversed ranks) -> -1 (hand)', () => {
    closeStat(spearman([3, 1, 2, 5, 4], [3, 1, 2, 5, 4]), 1);
    closeStat(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]), -1);
  });
  it('spearman(x, y) is symmetric and unchanged by any increasing transform (hand: it only sees ranks)', () => {
    const random = seededRandom(3);
    for (let t = 0; t < 30; t++) {
      const x = Array.from({ length: 9 }, () => Math.floor(random() * 6));
      const y = Array.from({ length: 9 }, () => Math.floor(random() * 6));
      const r = spearman(x, y);
      if (r.value === null) continue;
      closeStat(spearman(y, x), r.value);
      closeStat(
        spearman(
          x.map((v) => Math.exp(v) + 100),
          y.map((v) => v * 3 - 7),
        ),
        r.value,
      );
    }
  });
  it('spearman of a mean vector re-ranks it with midranks first: spearman([1, 2, 3, 4], [1.5, 1.5, 9, 10]) = spearman([1, 2, 3, 4], [1.5, 1.5, 3, 4])', () => {
    // hand: midranks([1.5, 1.5, 9, 10]) = [1.5, 1.5, 3, 4]; Pearson([1,2,3,4],[1.5,1.5,3,4]) = 4.5/sqrt(5 · 4.5) = 0.9486832980505138
    closeStat(spearman([1, 2, 3, 4], [1.5, 1.5, 9, 10]), 4.5 / Math.sqrt(5 * 4.5));
  });
  it("spearman([1, 2, 3], [2, 2, 2]) -> null, 'one of the stacks ranks every priority the same'", () => {
    expect(spearman([1, 2, 3], [2, 2, 2])).toEqual({ value: null, reason: 'one of the stacks ranks every priority the same' });
    expect(spearman([5, 5, 5], [1, 2, 3]).value).toBeNull();
  });
  it('spearman([1], [1]) and spearman([], []) -> null (fewer than two priorities)', () => {
    expect(spearman([1], [1]).value).toBeNull();
    expect(spearman([], []).reason).toMatch(/fewer than two/);
  });
  it('spearman([1, 2], [1, 2, 3]) throws', () => {
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/spearman requires two vectors of the same length/);
  });
  it('spearman never returns a value outside [-1, 1] (rounding is clipped)', () => {
    const random = seededRandom(8);
    for (let t = 0; t < 200; t++) {
      const x = Array.from({ length: 7 }, () => random());
      const r = spearman(
        x,
        x.map((v) => v * 1e-3 + 1e6),
      );
      expect(Math.abs(r.value as number)).toBeLessThanOrEqual(1);
    }
  });
});

describe('pearson(x, y)', () => {
  it('pearson([1, 2, 3], [1, 2, 4]) -> 3 / sqrt(2 · 14/3) (hand; scipy.stats.pearsonr gives 0.9819805060619655)', () => {
    closeStat(pearson([1, 2, 3], [1, 2, 4]), 3 / Math.sqrt((2 * 14) / 3));
  });
  it('pearson([2.5, -1, 0, 7.25, 3], [1, 1, 2, 3, 5]) -> 0.4678519483359236 (scipy.stats.pearsonr)', () => {
    closeStat(pearson([2.5, -1, 0, 7.25, 3], [1, 1, 2, 3, 5]), 0.4678519483359236);
  });
  it('pearson(constant, y) -> null with a reason; pearson of different lengths throws', () => {
    expect(pearson([4, 4, 4], [1, 2, 3]).reason).toBe('one of the vectors is constant');
    expect(() => pearson([1], [1, 2])).toThrow(/pearson requires/);
  });
  it('pearson(x, 2x + 1) -> 1 exactly after clipping (hand)', () => {
    const r = pearson([0.1, 0.7, 0.2, 0.9], [1.2, 2.4, 1.4, 2.8]);
    close(r.value, 1, 1e-12);
    expect(r.value as number).toBeLessThanOrEqual(1);
  });
});
