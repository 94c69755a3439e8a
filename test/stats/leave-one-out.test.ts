// Leave-one-out Spearman (a rater against the others' mean ranks); ARCHITECTURE.md "Stacks".
// Reference: spearman as scipy.stats.spearmanr; fixtures' raters[].spearmanToOthers are checked in fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { othersMeanRanks, spearmanToOthers } from '../reference/leave-one-out.js';
import { closeAll, closeStat } from './helpers.js';

describe('othersMeanRanks(matrix, rater)', () => {
  it('othersMeanRanks([[1, 2, 3], [1, 3, 2], [3, 2, 1]], 0) -> [2, 2.5, 1.5] (hand)', () => {
    closeAll(
      othersMeanRanks(
        [
          [1, 2, 3],
          [1, 3, 2],
          [3, 2, 1],
        ],
        0,
      ),
      [2, 2.5, 1.5],
    );
  });
});

describe('spearmanToOthers(matrix, rater)', () => {
  it('spearmanToOthers([[1, 2, 3], [1, 3, 2], [3, 2, 1]], 0) -> -0.5 (hand: Pearson([1,2,3], [2,3,1]) = -1/2)', () => {
    closeStat(
      spearmanToOthers(
        [
          [1, 2, 3],
          [1, 3, 2],
          [3, 2, 1],
        ],
        0,
      ),
      -0.5,
    );
  });
  it('spearmanToOthers(three identical rows and one reversed, i) -> -1 for the reversed rater, 1 for the others (hand: the rater is left out)', () => {
    const m = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [4, 3, 2, 1],
    ];
    closeStat(spearmanToOthers(m, 3), -1);
    // others of rater 0: means [2, 7/3, 8/3, 3] are increasing, so rho = 1
    closeStat(spearmanToOthers(m, 0), 1);
  });
  it('spearmanToOthers(one rater) -> null; others constant -> null', () => {
    expect(spearmanToOthers([[1, 2, 3]], 0).reason).toBe('no other leader to compare with');
    expect(
      spearmanToOthers(
        [
          [1, 2, 3],
          [1, 2, 3],
          [3, 2, 1],
        ],
        0,
      ).value,
    ).toBeNull(); // others' means [2, 2, 2]
  });
  it('spearmanToOthers(matrix, out of range) throws', () => {
    expect(() => spearmanToOthers([[1, 2]], 1)).toThrow(/rater index/);
    expect(() => spearmanToOthers([[1, 2], [1]], 0)).toThrow(/rectangular/);
  });
});
