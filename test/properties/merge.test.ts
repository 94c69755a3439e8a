// Issue 13: "merging partial aggregates equals aggregating all rows". The survey's figures
// are read from tallies (src/stats/tally.ts) and a department's stack from a rank tally
// (src/stats/rank-tally.ts); a large file is read a piece at a time, and two files (waves,
// collectors) feed one group, so a group's aggregate is built in parts and merged. For any
// rows and any split of them into parts, the merged aggregate gives the figures of the
// aggregate of all rows: exactly for the counts and sums of whole numbers, to 1e-12 where
// floating-point addition order differs. Seeded and bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adi } from '../../src/stats/adi.js';
import { borda, bordaOrder } from '../../src/stats/borda.js';
import { meanAndSd } from '../../src/stats/describe.js';
import { icc1 } from '../../src/stats/icc1.js';
import { kendallW, kendallWOfTally } from '../../src/stats/kendall-w.js';
import { likertSummary } from '../../src/stats/likert-summary.js';
import { emptyRankTally, mergeRankTally, rankTallyOf } from '../../src/stats/rank-tally.js';
import { completeStack } from '../../src/stats/ranks.js';
import { rwg } from '../../src/stats/rwg.js';
import { mergedTallies, tallyOf } from '../../src/stats/tally.js';

const OPTIONS = { seed: 20261129, numRuns: 300 };
const EPS = 1e-12;

/** A list and a split of it into consecutive parts (cut points chosen by the generator). */
function withParts<T>(list: fc.Arbitrary<T[]>): fc.Arbitrary<{ all: T[]; parts: T[][] }> {
  return list.chain((all) =>
    fc.uniqueArray(fc.integer({ min: 0, max: all.length }), { maxLength: 4 }).map((cuts) => {
      const at = [0, ...cuts.sort((a, b) => a - b), all.length];
      return { all, parts: at.slice(1).map((end, i) => all.slice(at[i], end)) };
    }),
  );
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= EPS);

describe('survey tallies merged from parts', () => {
  const answers = withParts(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 60 }));

  it('give the n, mean, SD, shares, r_wg and AD_M of all the answers', () => {
    fc.assert(
      fc.property(answers, ({ all, parts }) => {
        const merged = mergedTallies(parts.map(tallyOf));
        const whole = tallyOf(all);
        const scale = { low: 1, points: 5 };
        const a = likertSummary(merged, scale);
        const b = likertSummary(whole, scale);
        expect(a.n).toBe(b.n);
        expect(a.favourableCount).toBe(b.favourableCount);
        for (const key of ['mean', 'sd', 'favourable', 'neutral', 'unfavourable'] as const) expect(close(a[key].value, b[key].value)).toBe(true);
        expect(close(rwg(merged, 5).value, rwg(all, 5).value)).toBe(true);
        expect(close(adi(merged).value, adi(all).value)).toBe(true);
        expect(close(meanAndSd(merged).sd.value, meanAndSd(all).sd.value)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it("give ICC(1) and its ANOVA of the groups' answers, each group merged from parts", () => {
    const groups = fc.array(withParts(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 25 })), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(groups, (gs) => {
        const merged = icc1(gs.map((g) => mergedTallies(g.parts.map(tallyOf))));
        const whole = icc1(gs.map((g) => g.all));
        expect(close(merged.icc1.value, whole.icc1.value)).toBe(true);
        expect(merged.anova === null).toBe(whole.anova === null);
        if (merged.anova && whole.anova) {
          expect(close(merged.anova.F, whole.anova.F)).toBe(true);
          expect(merged.anova.df2).toBe(whole.anova.df2);
        }
      }),
      OPTIONS,
    );
  });
});

describe('rank tallies merged from parts', () => {
  // completed stacks over 5 priorities: some ranked, the rest unranked (a tied block), as department members write them
  const stack = fc
    .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 5, maxLength: 5 })
    .map((explicit) => completeStack(explicit).completed);
  const stacks = withParts(fc.array(stack, { maxLength: 30 }));
  const keys = ['a', 'b', 'c', 'd', 'e'];

  it("give the rank sums, Kendall's W and the Borda order of all the stacks", () => {
    fc.assert(
      fc.property(stacks, ({ all, parts }) => {
        const merged = parts.map((p) => rankTallyOf(p, 5)).reduce(mergeRankTally, emptyRankTally(5));
        const whole = rankTallyOf(all, 5);
        expect(merged.m).toBe(all.length);
        for (const [i, s] of merged.rankSums.entries()) expect(s).toBeCloseTo(whole.rankSums[i]!, 10);
        expect(merged.firstPlaces).toEqual(whole.firstPlaces);
        expect(merged.tieSum).toBe(whole.tieSum);
        const w = kendallWOfTally(merged);
        const direct = kendallW(all);
        expect(w.value === null).toBe(direct.value === null);
        if (w.value && direct.value) expect(close(w.value.W, direct.value.W)).toBe(true);
        if (all.length > 0) expect(bordaOrder(merged.rankSums, merged.firstPlaces, keys)).toEqual(borda(all, keys).order);
      }),
      OPTIONS,
    );
  });
});
