// mulberry32 seeded generator. Reference: Tommy Ettinger's mulberry32,
// https://gist.github.com/tommyettinger/46a874533244883189143505d203312c ; expected streams from an
// independent Python port (32-bit arithmetic with & 0xffffffff), written out beside each case.
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival } from '../../src/stats/chi-square.js';
import { seededRandom, shuffleInPlace } from '../../src/stats/random.js';

function take(seed: number, k: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: k }, () => random());
}

describe('seededRandom(seed)', () => {
  // Python: r = mulberry32(seed); [r() for _ in range(4)]
  it.each([
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]],
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111]],
    [2024, [0.811762373894453, 0.7108214949257672, 0.6505258858669549, 0.6853262642398477]],
  ])('seededRandom(%s) starts with the Python port stream %j', (seed, expected) => {
    expect(take(seed, 4)).toEqual(expected);
  });
  it('seededRandom(2^32 + 42) = seededRandom(42) (the seed is taken modulo 2^32)', () => {
    expect(take(2 ** 32 + 42, 4)).toEqual(take(42, 4));
  });
  it('seededRandom(s) gives numbers in [0, 1) with mean near 1/2 over 100,000 draws (uniform: SE 0.0009)', () => {
    const random = seededRandom(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });
  it('seededRandom(1) and seededRandom(2) differ', () => {
    expect(take(1, 3)).not.toEqual(take(2, 3));
  });
  it.each([1.5, NaN, Infinity, 2 ** 60])('seededRandom(%s) throws', (seed) => {
    expect(() => seededRandom(seed)).toThrow(/seededRandom requires an integer seed/);
  });
});

describe('shuffleInPlace(values, random)', () => {
  it('shuffleInPlace gives each of the 6 orders of [0, 1, 2] equally often (chi-square goodness of fit, 60,000 shuffles)', () => {
    // Under uniformity the statistic is ~ chi-square(5); Sattolo's variant would only ever give 2 orders.
    const random = seededRandom(123);
    const counts = new Map<string, number>();
    for (let t = 0; t < 60_000; t++) {
      const a = [0, 1, 2];
      shuffleInPlace(a, random);
      counts.set(a.join(''), (counts.get(a.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const statistic = [...counts.values()].reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquareSurvival(statistic, 5)).toBeGreaterThan(0.001);
  });
  it('shuffleInPlace keeps the multiset of values (Float64Array too)', () => {
    const a = Float64Array.from([1, 2.5, 2.5, 4, 7]);
    shuffleInPlace(a, seededRandom(1));
    expect([...a].sort((x, y) => x - y)).toEqual([1, 2.5, 2.5, 4, 7]);
  });
});
