// Borda consensus (lowest rank sum first; ties by first places, then key in code-point order).
// Reference: https://en.wikipedia.org/wiki/Borda_count ; README rule 9 of the rankings fixtures.
import { describe, expect, it } from 'vitest';
import { borda } from '../../src/stats/borda.js';
import { compareCodePoints } from '../../src/stats/code-point-order.js';
import { seededRandom } from '../../src/stats/random.js';
import { closeAll } from './helpers.js';

describe('borda(matrix, keys)', () => {
  it("borda([[1, 2, 3], [2, 1, 3]], ['a', 'b', 'c']) -> order [0, 1, 2], sums [3, 3, 6] (hand: a and b tie on sums and first places; key a first)", () => {
    const r = borda(
      [
        [1, 2, 3],
        [2, 1, 3],
      ],
      ['a', 'b', 'c'],
    );
    expect(r).toEqual({ order: [0, 1, 2], meanRanks: [1.5, 1.5, 3], rankSums: [3, 3, 6], firstPlaces: [1, 1, 0] });
    // renaming the priorities only changes the key tie-break
    expect(
      borda(
        [
          [1, 2, 3],
          [2, 1, 3],
        ],
        ['z', 'b', 'c'],
      ).order,
    ).toEqual([1, 0, 2]);
  });

  it('borda: equal rank sums are broken by more first places, then by key (hand)', () => {
    const tie = [
      [1, 2, 3],
      [3, 1, 2],
      [3, 2, 1],
      [1, 3, 2],
    ];
    // hand: sums a = 8, b = 8, c = 8; first places a = 2, b = 1, c = 1; b and c tie, key b first
    const r = borda(tie, ['a', 'b', 'c']);
    expect(r.rankSums).toEqual([8, 8, 8]);
    expect(r.firstPlaces).toEqual([2, 1, 1]);
    expect(r.order).toEqual([0, 1, 2]);
    expect(borda(tie, ['x', 'c', 'b']).order).toEqual([0, 2, 1]);
    expect(borda(tie, ['z', 'b', 'c']).order).toEqual([0, 1, 2]); // first places beat the key
    // the same stacks with the columns reversed: the item with two first places is now last by index and key
    const reversed = tie.map((row) => [...row].reverse());
    expect(borda(reversed, ['a', 'b', 'c']).order).toEqual([2, 0, 1]);
  });

  it('borda: a tie at the top counts a first place for each tied item; a row that ties everything gives none', () => {
    // hand: row 1 puts a and b at 1.5 (both its best); row 2 ties all three (no first place)
    const r = borda(
      [
        [1.5, 1.5, 3],
        [2, 2, 2],
        [3, 2, 1],
      ],
      ['a', 'b', 'c'],
    );
    expect(r.firstPlaces).toEqual([1, 1, 1]);
    expect(r.rankSums).toEqual([6.5, 5.5, 6]);
    expect(r.order).toEqual([1, 2, 0]);
  });

  it('borda compares rank sums within 1e-9, not exactly: 0.1 + 0.2 ties 0.3 and the key decides', () => {
    // hand: sums are 0.3 and 0.30000000000000004; first places one each; key 'a' (item 1) first,
    // although the exact float sum of item 0 is smaller
    const r = borda(
      [
        [0.3, 0.1],
        [0, 0.2],
      ],
      ['b', 'a'],
    );
    expect(r.order).toEqual([1, 0]);
  });

  it('borda breaks the last tie by code point, not by UTF-16 unit or locale', () => {
    // hand: U+FF01 (fullwidth !) < U+1F600 (emoji) in code points, although the emoji's first UTF-16 unit is smaller
    expect(borda([[1, 1]], ['\u{1F600}', '\uFF01']).order).toEqual([1, 0]);
    expect(compareCodePoints('\u{1F600}', '\uFF01')).toBe(1);
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compareCodePoints('é', 'é')).toBe(0);
  });

  it('borda is unchanged by shuffling raters (STYLE.md habit 3)', () => {
    const random = seededRandom(17);
    const m = Array.from({ length: 6 }, () => [1, 2, 3, 4, 5].sort(() => random() - 0.5));
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const base = borda(m, keys);
    for (let t = 0; t < 10; t++) {
      const shuffled = [...m].sort(() => random() - 0.5);
      const r = borda(shuffled, keys);
      expect(r.order).toEqual(base.order);
      closeAll(r.meanRanks, base.meanRanks);
    }
  });

  it('borda throws on no raters, ragged rows and duplicate keys', () => {
    expect(() => borda([], ['a'])).toThrow(/borda requires at least one rater/);
    expect(() => borda([[1, 2]], ['a'])).toThrow(/rectangular/);
    expect(() => borda([[1, 2]], ['a', 'a'])).toThrow(/distinct keys/);
  });
});
