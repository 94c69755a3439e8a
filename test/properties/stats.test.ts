// Properties of the statistics in src/stats/ that must hold for every input, not just the
// worked examples: bounds, symmetry, the extremes (a stack against itself and its reverse),
// and invariance to the order of raters or values (STYLE.md habit 3). Each property is a
// consequence of the statistic's definition, cited beside it; none is a number from R or
// scipy, so tolerances are for floating-point summation order only (1e-12).
// Seeded and bounded (fast-check's global seed and run count below) so the file is
// deterministic and takes a few seconds; a failure prints the seed and the shrunk input.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { adi } from '../../src/stats/adi.js';
import { borda } from '../../src/stats/borda.js';
import { mean, meanAndSd, median, sampleVariance } from '../../src/stats/describe.js';
import { kendallTauB } from '../../src/stats/kendall-tau-b.js';
import { kendallW } from '../../src/stats/kendall-w.js';
import { likertSummary } from '../../src/stats/likert-summary.js';
import type { Stat } from '../../src/stats/result.js';
import { rwg, rwgJ } from '../../src/stats/rwg.js';
import { spearman } from '../../src/stats/spearman.js';

const SEED = 20260413;
const RUNS = 300;
const EPS = 1e-12;

beforeAll(() => {
  fc.configureGlobal({ seed: SEED, numRuns: RUNS });
  return () => fc.resetConfigureGlobal();
});

/** The missing-value policy (src/stats/result.ts): a finite number, or null with a reason; never NaN. */
function expectStat(s: Stat): void {
  if (s.value === null) {
    expect(typeof s.reason).toBe('string');
    expect(s.reason.length).toBeGreaterThan(0);
  } else {
    expect(Number.isFinite(s.value)).toBe(true);
  }
}

/** A stack without ties: a permutation of the ranks 1..n. */
const permutation = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i + 1),
      { minLength: n, maxLength: n },
    ),
  );

/** Two vectors of the same length with ties likely (values 1..6), including lengths 0 and 1. */
const tiedPair = fc
  .integer({ min: 0, max: 14 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: n, maxLength: n }),
    ),
  );

/** A list and a shuffled copy of it. */
function withShuffle<T>(list: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return list.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length })));
}

const isConstant = (v: readonly number[]) => v.every((x) => x === v[0]);
const reverse = (stack: readonly number[]) => stack.map((r) => stack.length + 1 - r);

describe.each([
  ['spearman', spearman],
  ['kendallTauB', kendallTauB],
] as const)('%s(x, y)', (_name, correlate) => {
  it('is a Stat: a finite number or null with a reason', () => {
    fc.assert(
      fc.property(tiedPair, ([x, y]) => {
        expectStat(correlate(x, y));
      }),
    );
  });

  it('is symmetric: (x, y) and (y, x) give the same value or the same reason', () => {
    fc.assert(
      fc.property(tiedPair, ([x, y]) => {
        const a = correlate(x, y);
        const b = correlate(y, x);
        if (a.value === null) expect(b).toEqual(a);
        else expect(b.value).toBeCloseTo(a.value, 12);
      }),
    );
  });

  it('is within [-1, 1] when defined, and undefined exactly when a vector is constant or shorter than 2', () => {
    fc.assert(
      fc.property(tiedPair, ([x, y]) => {
        const r = correlate(x, y);
        const undefinedExpected = x.length < 2 || isConstant(x) || isConstant(y);
        expect(r.value === null).toBe(undefinedExpected);
        if (r.value !== null) {
          expect(r.value).toBeGreaterThanOrEqual(-1);
          expect(r.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('gives 1 for a stack against itself and -1 against its reverse (rank r -> n + 1 - r)', () => {
    fc.assert(
      fc.property(permutation(2, 30), (stack) => {
        expect(correlate(stack, stack).value).toBeCloseTo(1, 12);
        expect(correlate(stack, reverse(stack)).value).toBeCloseTo(-1, 12);
      }),
    );
  });

  it('gives 1 against itself and -1 against its negation with ties too (midranks of -x are n + 1 - midranks of x)', () => {
    fc.assert(
      fc.property(tiedPair, ([x]) => {
        fc.pre(x.length >= 2 && !isConstant(x));
        expect(correlate(x, x).value).toBeCloseTo(1, 12);
        expect(
          correlate(
            x,
            x.map((v) => -v),
          ).value,
        ).toBeCloseTo(-1, 12);
      }),
    );
  });
});

/** m raters (2..8) ranking the same n items (2..10): each row a permutation, or values 1..4 with ties. */
const rankMatrix = fc.record({ m: fc.integer({ min: 2, max: 8 }), n: fc.integer({ min: 2, max: 10 }), tied: fc.boolean() }).chain(({ m, n, tied }) =>
  fc.array(
    tied
      ? fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n })
      : fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i + 1),
          { minLength: n, maxLength: n },
        ),
    { minLength: m, maxLength: m },
  ),
);

describe('kendallW(matrix)', () => {
  it('is within [0, 1] when defined, with a finite chi-square and p in [0, 1]; else null with a reason', () => {
    fc.assert(
      fc.property(rankMatrix, (matrix) => {
        const r = kendallW(matrix);
        if (r.value === null) {
          expect(r.reason.length).toBeGreaterThan(0);
          // the only undefined case with >= 2 raters and >= 2 items: every row ties every item
          expect(matrix.every(isConstant)).toBe(true);
          return;
        }
        for (const w of [r.value.W, r.value.WUncorrected]) {
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1);
        }
        expect(Number.isFinite(r.value.chiSquare)).toBe(true);
        expect(r.value.p).toBeGreaterThanOrEqual(0);
        expect(r.value.p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for m >= 2 identical stacks, tied or not (tie-corrected: S and the denominator both scale by m²)', () => {
    fc.assert(
      fc.property(rankMatrix, fc.integer({ min: 2, max: 8 }), (matrix, m) => {
        const row = matrix[0]!;
        fc.pre(!isConstant(row));
        const r = kendallW(Array.from({ length: m }, () => row));
        expect(r.value?.W).toBeCloseTo(1, 12);
      }),
    );
  });

  it('does not depend on the order of the raters', () => {
    fc.assert(
      fc.property(withShuffle(rankMatrix), ([matrix, shuffled]) => {
        const a = kendallW(matrix);
        const b = kendallW(shuffled);
        if (a.value === null) {
          expect(b).toEqual(a);
          return;
        }
        expect(b.value?.W).toBeCloseTo(a.value.W, 12);
        expect(b.value?.WUncorrected).toBeCloseTo(a.value.WUncorrected, 12);
        expect(b.value?.chiSquare).toBeCloseTo(a.value.chiSquare, 10);
      }),
    );
  });
});

const keysFor = (n: number) => fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: n, maxLength: n });

describe('borda(matrix, keys)', () => {
  it('of identical stacks (no ties) is that stack: the item ranked k-th is k-th in the order', () => {
    fc.assert(
      fc.property(
        permutation(1, 12).chain((stack) => fc.tuple(fc.constant(stack), fc.integer({ min: 1, max: 8 }), keysFor(stack.length))),
        ([stack, m, keys]) => {
          const result = borda(
            Array.from({ length: m }, () => stack),
            keys,
          );
          const expected = stack.map((_, i) => stack.indexOf(i + 1));
          expect(result.order).toEqual(expected);
        },
      ),
    );
  });

  it('does not depend on the order of the raters (order, rank sums, first places)', () => {
    fc.assert(
      fc.property(
        withShuffle(rankMatrix).chain(([matrix, shuffled]) => fc.tuple(fc.constant(matrix), fc.constant(shuffled), keysFor(matrix[0]!.length))),
        ([matrix, shuffled, keys]) => {
          const a = borda(matrix, keys);
          const b = borda(shuffled, keys);
          expect(b.order).toEqual(a.order);
          expect(b.firstPlaces).toEqual(a.firstPlaces);
          b.rankSums.forEach((s, i) => {
            expect(s).toBeCloseTo(a.rankSums[i]!, 12);
          });
        },
      ),
    );
  });
});

/** Answers on an A-point scale low..low+A-1 (A = 2..11, low 0 or 1), possibly none. */
const scaled = fc
  .record({ low: fc.integer({ min: 0, max: 1 }), points: fc.integer({ min: 2, max: 11 }) })
  .chain((scale) => fc.tuple(fc.constant(scale), fc.array(fc.integer({ min: scale.low, max: scale.low + scale.points - 1 }), { maxLength: 40 })));

describe('rwg(values, A), rwgJ(items, A) and adi(values)', () => {
  it('r_wg is within [0, 1] (negative agreement truncated to 0, as the header says: LeBreton and Senter 2008), null below two answers', () => {
    fc.assert(
      fc.property(scaled, ([scale, values]) => {
        const r = rwg(values, scale.points);
        expectStat(r);
        expect(r.value === null).toBe(values.length < 2);
        if (r.value !== null) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(1);
        }
        if (values.length >= 2 && isConstant(values)) expect(r.value).toBe(1);
      }),
    );
  });

  it('r_wg(j) is within [0, 1], null when no item has two answers', () => {
    fc.assert(
      fc.property(
        scaled.chain(([scale]) =>
          fc.tuple(
            fc.constant(scale),
            fc.array(fc.array(fc.integer({ min: scale.low, max: scale.low + scale.points - 1 }), { maxLength: 12 }), { minLength: 1, maxLength: 8 }),
          ),
        ),
        ([scale, items]) => {
          const r = rwgJ(items, scale.points);
          expectStat(r);
          expect(r.value === null).toBe(items.every((i) => i.length < 2));
          if (r.value !== null) {
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('AD_M is >= 0 (0 exactly when every answer is the same), null below two answers', () => {
    fc.assert(
      fc.property(scaled, ([, values]) => {
        const r = adi(values);
        expectStat(r);
        expect(r.value === null).toBe(values.length < 2);
        if (r.value !== null) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          if (isConstant(values)) expect(r.value).toBe(0);
        }
      }),
    );
  });
});

function expectSameStat(a: Stat, b: Stat): void {
  if (a.value === null) expect(b).toEqual(a);
  else expect(Math.abs((b.value as number) - a.value)).toBeLessThanOrEqual(EPS);
}

describe('likertSummary and describe: the order of the values changes nothing (to 1e-12)', () => {
  it('likertSummary(values, scale) equals likertSummary(shuffled, scale)', () => {
    fc.assert(
      fc.property(
        scaled.chain(([scale, values]) => fc.tuple(fc.constant(scale), withShuffle(fc.constant(values)))),
        ([scale, [values, shuffled]]) => {
          const a = likertSummary(values, scale);
          const b = likertSummary(shuffled, scale);
          expect(b.n).toBe(a.n);
          expect(b.favourableCount).toBe(a.favourableCount);
          for (const key of ['mean', 'sd', 'favourable', 'neutral', 'unfavourable'] as const) {
            expectStat(a[key]);
            expectSameStat(a[key], b[key]);
          }
          if (a.favourable.value !== null) {
            // the three shares partition the answers
            expect(a.favourable.value + (a.neutral.value as number) + (a.unfavourable.value as number)).toBeCloseTo(1, 12);
          }
        },
      ),
    );
  });

  it('mean, sampleVariance, median and meanAndSd of any finite values equal those of a shuffled copy', () => {
    const finite = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 40 });
    fc.assert(
      fc.property(withShuffle(finite), ([values, shuffled]) => {
        // relative to the magnitude of the values: summation order moves the last bits
        const scale = Math.max(1, ...values.map(Math.abs));
        const close = (x: number | null, y: number | null, unit: number) => {
          if (x === null) expect(y).toBeNull();
          else expect(Math.abs((y as number) - x)).toBeLessThanOrEqual(EPS * unit);
        };
        close(mean(values), mean(shuffled), scale);
        close(sampleVariance(values), sampleVariance(shuffled), scale * scale);
        expect(median(shuffled)).toBe(median(values));
        const a = meanAndSd(values);
        const b = meanAndSd(shuffled);
        expectStat(a.mean);
        expectStat(a.sd);
        close(a.mean.value, b.mean.value, scale);
        close(a.sd.value, b.sd.value, scale);
      }),
    );
  });
});
