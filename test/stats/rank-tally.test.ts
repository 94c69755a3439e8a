/**
 * addPlainStack (src/stats/rank-tally.ts) adds a rater ranked 1..k, each once, as addRanked adds the
 * same rater's completed stack (completeStack): the same rank sums to the last bit, first places and
 * tie sum, for every n, k and order. The reference is the general path, itself checked against
 * published examples in ranks.test.ts and kendall-w.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPlainStack, addRanked, emptyRankTally } from '../../src/stats/rank-tally.js';
import { completeStack } from '../../src/stats/ranks.js';

/** n items; the first k of `order` ranked 1..k in that order, the rest unranked. */
const stacks = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })));

describe('addPlainStack', () => {
  it('gives the tally addRanked gives from completeStack, rater after rater', () => {
    fc.assert(
      fc.property(fc.array(stacks, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (raters, size) => {
        const n = raters[0]![0];
        const plain = emptyRankTally(n);
        const general = emptyRankTally(n);
        for (const [, kWanted, order] of raters) {
          const k = Math.min(kWanted, n, size);
          const rankAt = new Int32Array(n);
          const explicit = new Array<number | null>(n).fill(null);
          for (let r = 1; r <= k; r++) {
            const item = order[r - 1]! % n;
            if (rankAt[item] !== 0) continue;
            rankAt[item] = r;
            explicit[item] = r;
          }
          const ranked = explicit.filter((r) => r !== null).length;
          // only 1..k each once is plain: a rater whose order repeated an item is skipped here
          if (ranked !== k) continue;
          addPlainStack(plain, rankAt, k);
          const done = completeStack(explicit);
          addRanked(general, done.completed, done.tieGroupSizes);
        }
        expect(plain).toEqual(general);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('one item ranked first of one: no first place (every item ties), as firstPlacesOf says', () => {
    const t = emptyRankTally(1);
    addPlainStack(t, Int32Array.of(1), 1);
    expect(t).toEqual({ ...emptyRankTally(1), m: 1, rankSums: [1] });
  });

  it('the top 3 of 9: ranks 1..3, the six others sharing 6.5 (the midrank of places 4..9), one tie group of six', () => {
    const t = emptyRankTally(9);
    addPlainStack(t, Int32Array.of(0, 2, 0, 1, 0, 3, 0, 0, 0), 3);
    expect(t.rankSums).toEqual([6.5, 2, 6.5, 1, 6.5, 3, 6.5, 6.5, 6.5]);
    expect(t.firstPlaces).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(t.tieSum).toBe(6 ** 3 - 6);
  });

  it('refuses ranks for fewer slots than items, or k outside 1..n', () => {
    expect(() => addPlainStack(emptyRankTally(3), new Int32Array(2), 1)).toThrow();
    expect(() => addPlainStack(emptyRankTally(3), new Int32Array(3), 0)).toThrow();
    expect(() => addPlainStack(emptyRankTally(3), new Int32Array(3), 4)).toThrow();
  });
});
