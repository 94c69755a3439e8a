// Kendall's tau-b (ties corrected), as scipy.stats.kendalltau(variant='b').
// Reference: Kendall (1945), "The treatment of ties in ranking problems"; https://en.wikipedia.org/wiki/Kendall_rank_correlation_coefficient#Tau-b
import { describe, expect, it } from 'vitest';
import { kendallTauB } from '../../src/stats/kendall-tau-b.js';
import { seededRandom } from '../../src/stats/random.js';
import { closeStat } from './helpers.js';

describe('kendallTauB(x, y)', () => {
  it('kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) -> -0.4714045207910316 (scipy.stats.kendalltau docstring example)', () => {
    // hand: C = 2, D = 6, 2 pairs tied in x, 1 in y: (2 - 6) / sqrt((10 - 2)(10 - 1)) = -4 / sqrt(72)
    closeStat(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), -4 / Math.sqrt(72));
    closeStat(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), -0.4714045207910316);
  });
  it('kendallTauB([1,2,2,4,5,5,5,8], [3,1,4,1,5,9,2,6]) -> 0.4321208107251124 (scipy.stats.kendalltau)', () => {
    closeStat(kendallTauB([1, 2, 2, 4, 5, 5, 5, 8], [3, 1, 4, 1, 5, 9, 2, 6]), 0.4321208107251124);
  });
  it('kendallTauB(x, x) -> 1 and kendallTauB(x, -x) -> -1, with ties too (hand: tau-b reaches ±1 when the ties match)', () => {
    closeStat(kendallTauB([1, 2, 2, 4], [1, 2, 2, 4]), 1);
    closeStat(kendallTauB([1, 2, 2, 4], [4, 3, 3, 1]), -1);
  });
  it('kendallTauB(x, y) is symmetric and only sees order (hand)', () => {
    const random = seededRandom(4);
    for (let t = 0; t < 30; t++) {
      const x = Array.from({ length: 8 }, () => Math.floor(random() * 5));
      const y = Array.from({ length: 8 }, () => Math.floor(random() * 5));
      const r = kendallTauB(x, y);
      if (r.value === null) continue;
      closeStat(kendallTauB(y, x), r.value);
      closeStat(
        kendallTauB(
          x.map((v) => v ** 3),
          y.map((v) => 2 * v + 10),
        ),
        r.value,
      );
    }
  });
  it("kendallTauB(constant, y) -> null, 'one of the stacks ranks every priority the same'", () => {
    expect(kendallTauB([2, 2, 2], [1, 2, 3])).toEqual({ value: null, reason: 'one of the stacks ranks every priority the same' });
    expect(kendallTauB([1, 2, 3], [7, 7, 7]).value).toBeNull();
  });
  it('kendallTauB([1], [1]) -> null; kendallTauB([1, 2], [1]) throws', () => {
    expect(kendallTauB([1], [1]).value).toBeNull();
    expect(() => kendallTauB([1, 2], [1])).toThrow(/kendallTauB requires/);
  });
});
