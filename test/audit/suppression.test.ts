// Complementary suppression (ARCHITECTURE.md, "Anonymity"): no group under the
// threshold is shown, and the hidden remainder of a split (overall n - shown
// groups - leaders) never gives a small group's size away.
import { describe, expect, it } from 'vitest';
import { suppressGroups } from '../../src/audit/suppression.js';
import { randomIndex, seededRandom } from '../../src/stats/random.js';

describe('suppressGroups(sizes, leaders, overall, threshold)', () => {
  it('hides the next-smallest group when the remainder would be 1..threshold-1 (11 - 2 leaders - 5 Sales = 4)', () => {
    const s = suppressGroups(
      new Map([
        ['Sales', 5],
        ['Ops', 4],
      ]),
      2,
      11,
      5,
    );
    expect([...s.hidden].sort()).toEqual(['Ops', 'Sales']);
    expect(s.remainder).toBe(9);
  });

  it('shows every group when the remainder is 0 or at least the threshold', () => {
    expect(
      suppressGroups(
        new Map([
          ['Sales', 5],
          ['Ops', 6],
        ]),
        2,
        13,
        5,
      ).hidden.size,
    ).toBe(0);
    const s = suppressGroups(
      new Map([
        ['Sales', 5],
        ['Ops', 6],
        ['Tiny', 2],
        ['Small', 3],
      ]),
      2,
      18,
      5,
    );
    expect([...s.hidden].sort()).toEqual(['Small', 'Tiny']);
    expect(s.remainder).toBe(5);
  });

  it('counts respondents with no group in the remainder (1 without a department is a remainder of 1)', () => {
    const s = suppressGroups(
      new Map([
        ['Sales', 5],
        ['Ops', 7],
      ]),
      2,
      15,
      5,
    );
    expect([...s.hidden]).toEqual(['Sales']);
    expect(s.remainder).toBe(6);
  });

  it('gives up the smallest shown group first, ties by name whatever the input order', () => {
    const a = suppressGroups(
      new Map([
        ['B', 6],
        ['A', 6],
        ['x', 1],
      ]),
      1,
      14,
      5,
    );
    const b = suppressGroups(
      new Map([
        ['x', 1],
        ['A', 6],
        ['B', 6],
      ]),
      1,
      14,
      5,
    );
    expect([...a.hidden].sort()).toEqual(['A', 'x']);
    expect([...b.hidden].sort()).toEqual(['A', 'x']);
  });

  it('property: on 5,000 random splits no group under the threshold is shown and the remainder is 0 or >= threshold (or nothing is shown)', () => {
    const random = seededRandom(20261129);
    for (let trial = 0; trial < 5000; trial++) {
      const threshold = 3 + randomIndex(random, 6);
      const groups = randomIndex(random, 7);
      const sizes = new Map<string, number>();
      for (let g = 0; g < groups; g++) sizes.set(`g${g}`, 1 + randomIndex(random, 12));
      const leaders = randomIndex(random, 8);
      const noGroup = randomIndex(random, 2) === 0 ? 0 : randomIndex(random, 6);
      let overall = leaders + noGroup;
      for (const size of sizes.values()) overall += size;
      const { hidden, remainder } = suppressGroups(sizes, leaders, overall, threshold);
      let shownSum = 0;
      for (const [name, size] of sizes) {
        if (hidden.has(name)) continue;
        expect(size, `trial ${trial}: ${name} shown`).toBeGreaterThanOrEqual(threshold);
        shownSum += size;
      }
      expect(remainder).toBe(overall - leaders - shownSum);
      const nothingShown = [...sizes.keys()].every((name) => hidden.has(name));
      expect(remainder === 0 || remainder >= threshold || nothingShown, `trial ${trial}: remainder ${remainder}`).toBe(true);
    }
  });
});
