// Kendall's W with the tie correction, its chi-square p and its permutation p.
// Reference: Kendall & Babington Smith (1939), "The problem of m rankings"; m(N-1)W equals Friedman's
// tie-corrected chi-square, so scipy.stats.friedmanchisquare is an independent check. Permutation p:
// Phipson & Smyth (2010), "Permutation p-values should never be zero", https://arxiv.org/abs/1603.05766
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMUTATIONS } from '../../src/defaults.js';
import { kendallW, kendallWPermutation } from '../../src/stats/kendall-w.js';
import { seededRandom } from '../../src/stats/random.js';
import { shuffled } from '../helpers/read.js';
import { close } from './helpers.js';

// Four raters over six items: complete, partial top 3 of 6, explicit ties, reversed.
const A = [
  [1, 2, 3, 4, 5, 6],
  [2, 1, 5, 3, 5, 5], // completeStack([2, 1, null, 3, null, null])
  [1.5, 1.5, 3, 4, 5.5, 5.5],
  [6, 5, 4, 3, 2, 1],
];

// DescTools' `anxiety` example data (3 raters x 20 subjects), ratings not ranks: kendallW ranks each row.
const ANXIETY = [
  [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
  [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
  [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
];

describe('kendallW(matrix)', () => {
  it('kendallW([[1, 2, 3], [1, 2, 3]]) -> W 1, chiSquare 4, df 2, p e^-2 (hand: S = 8, 12·8 / (4·24) = 1)', () => {
    const w = kendallW([
      [1, 2, 3],
      [1, 2, 3],
    ]).value;
    close(w?.W, 1);
    close(w?.WUncorrected, 1);
    close(w?.chiSquare, 4);
    expect(w?.df).toBe(2);
    close(w?.p, Math.exp(-2), 1e-12);
  });

  it('kendallW(A) -> W 696/3216, WUncorrected 696/3360 (hand) = scipy.stats.friedmanchisquare(*A.T) / (m(N-1))', () => {
    // hand: rank sums 10.5, 9.5, 15, 14, 17.5, 17.5, mean 14, S = 58; ΣT = 24 (row 2: t = 3) + 6 + 6 (row 3)
    // denominator 16·210 - 4·36 = 3216.  scipy: friedmanchisquare(*A.T) = (4.328358208955219, p 0.5031714595163657)
    const w = kendallW(A).value;
    close(w?.W, 696 / 3216);
    close(w?.W, 0.21641791044776096);
    close(w?.WUncorrected, 696 / 3360);
    close(w?.chiSquare, 4.328358208955219);
    expect(w?.df).toBe(5);
    close(w?.p, 0.5031714595163657);
  });

  it('kendallW(anxiety ratings) -> W 0.5396568759543704, chiSquare 30.76044192939911, p 0.042883473126947666 (scipy.stats.friedmanchisquare(*anxiety.T))', () => {
    // WUncorrected: numpy, 12 S / (m²(N³ - N)) on scipy.stats.rankdata of each row = 0.501921470342523
    const w = kendallW(ANXIETY).value;
    close(w?.W, 0.5396568759543704);
    close(w?.WUncorrected, 0.501921470342523);
    close(w?.chiSquare, 30.76044192939911);
    expect(w?.df).toBe(19);
    close(w?.p, 0.042883473126947666);
  });

  it('kendallW([[1, 2], [2, 1]]) -> W 0, p 1 (hand: equal rank sums, S = 0)', () => {
    const w = kendallW([
      [1, 2],
      [2, 1],
    ]).value;
    expect(w?.W).toBe(0);
    expect(w?.p).toBe(1);
  });

  it('kendallW is unchanged by shuffling raters and by reordering items (STYLE.md habit 3)', () => {
    const random = seededRandom(99);
    const base = kendallW(A).value;
    for (let t = 0; t < 10; t++) {
      const rows = shuffled(A, random);
      const columns = shuffled([0, 1, 2, 3, 4, 5], random);
      const w = kendallW(rows.map((row) => columns.map((c) => row[c] as number))).value;
      close(w?.W, base?.W as number, 1e-12);
      close(w?.p, base?.p as number, 1e-12);
    }
  });

  it("kendallW([[1, 2, 3]]) -> null, 'fewer than two raters' (and with no raters)", () => {
    expect(kendallW([[1, 2, 3]])).toEqual({ value: null, reason: 'fewer than two raters' });
    expect(kendallW([]).reason).toBe('fewer than two raters');
  });
  it('kendallW([[1], [1]]) -> null: fewer than two items', () => {
    expect(kendallW([[1], [1]]).reason).toBe('fewer than two items to rank');
  });
  it('kendallW(every rater ties everything) -> null (denominator 0); one all-tied rater among others is fine', () => {
    expect(
      kendallW([
        [2, 2, 2],
        [2, 2, 2],
      ]).reason,
    ).toMatch(/every rater tied every item/);
    // hand: rank sums 3, 4, 5 -> S = 2; denominator 4·24 - 2·24 = 48; W = 24/48
    close(
      kendallW([
        [1, 2, 3],
        [2, 2, 2],
      ]).value?.W,
      0.5,
    );
  });
  it('kendallW(ragged) throws', () => {
    expect(() =>
      kendallW([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow('kendallW requires a rectangular matrix');
  });
});

describe('kendallWPermutation(matrix, { permutations, seed })', () => {
  it('kendallWPermutation(8 identical rows of 1..12, { seed: 1 }) -> p = 1/10001 (Phipson & Smyth: never 0)', () => {
    const rows = Array.from({ length: 8 }, () => Array.from({ length: 12 }, (_, i) => i + 1));
    expect(kendallWPermutation(rows, { seed: 1 })).toEqual({ p: 1 / 10001, permutations: DEFAULT_PERMUTATIONS, seed: 1 });
  });

  it('kendallWPermutation(m = 3, N = 4) is close to the exact p over all 24² relabellings (exact enumeration in this test; 20,000 draws: SE < 0.004)', () => {
    const m = [
      [1, 2, 3, 4],
      [2, 1, 4, 3],
      [1.5, 1.5, 3, 4],
    ];
    const observed = kendallW(m).value?.W as number;
    const perms: number[][] = [];
    const permute = (prefix: number[], rest: number[]): void => {
      if (rest.length === 0) perms.push(prefix);
      rest.forEach((x, i) => {
        permute([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]);
      });
    };
    permute([], [0, 1, 2, 3]);
    // W is unchanged when every row is relabelled the same way, so fixing row 0 enumerates the whole distribution
    let atLeast = 0;
    for (const p1 of perms) {
      for (const p2 of perms) {
        const w = kendallW([m[0] as number[], p1.map((i) => m[1]?.[i] as number), p2.map((i) => m[2]?.[i] as number)]).value?.W as number;
        if (w >= observed - 1e-12) atLeast++;
      }
    }
    const exact = atLeast / 576;
    const result = kendallWPermutation(m, { permutations: 20_000, seed: 12345 });
    expect(result?.permutations).toBe(20_000);
    expect(Math.abs((result?.p as number) - exact)).toBeLessThan(0.015);
  });

  it('kendallWPermutation(...).p · (permutations + 1) is a whole number >= 1 (p = (1 + count) / (1 + permutations))', () => {
    const r = kendallWPermutation(A, { permutations: 999, seed: 3 });
    const scaled = (r?.p as number) * 1000;
    close(scaled, Math.round(scaled), 1e-9);
    expect(Math.round(scaled)).toBeGreaterThanOrEqual(1);
  });

  it('kendallWPermutation is deterministic for a seed and depends on it', () => {
    const a = kendallWPermutation(ANXIETY, { permutations: 2000, seed: 7 });
    expect(kendallWPermutation(ANXIETY, { permutations: 2000, seed: 7 })).toEqual(a);
    const others = [8, 9, 10, 11].map((seed) => kendallWPermutation(ANXIETY, { permutations: 2000, seed })?.p);
    expect(others.some((p) => p !== a?.p)).toBe(true);
  });

  it('kendallWPermutation(anxiety, { seed: 2024 }) is near 0.01396, an independent numpy estimate (10,000 draws: SE 0.0012)', () => {
    // numpy: R = rankdata of each row; 200,000 draws of np.random.default_rng(0).permutation per row;
    // (1 + #{S_perm >= S_obs}) / (1 + 200000) = 0.013964930175349123. With only m = 3 raters the
    // chi-square p (0.0429) is a poor approximation, which is why pPermutation is reported too.
    const r = kendallWPermutation(ANXIETY, { seed: 2024 });
    expect(Math.abs((r?.p as number) - 0.013964930175349123)).toBeLessThan(0.005);
  });

  it('kendallWPermutation(one rater) -> null; bad permutation counts throw', () => {
    expect(kendallWPermutation([[1, 2, 3]], { seed: 1 })).toBeNull();
    expect(() => kendallWPermutation(A, { permutations: 0, seed: 1 })).toThrow(/positive whole number/);
    expect(() => kendallWPermutation(A, { permutations: 2.5, seed: 1 })).toThrow(/positive whole number/);
  });
});
