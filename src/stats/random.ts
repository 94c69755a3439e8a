/**
 * Seeded pseudo-random numbers: mulberry32.
 *
 * What it is for: reproducible permutation tests (`pPermutation` with its seed in
 * the output), so the same input and seed always give the same p.
 * Reference: Tommy Ettinger's mulberry32 (public domain), a 32-bit generator with
 * period 2^32 that passes gjrand's tests for its state size:
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 * Ties: not applicable.
 * Undefined case: none. The seed is any safe integer, reduced modulo 2^32
 * (seeds that agree modulo 2^32 give the same stream); a seed that is not a safe
 * integer is a programmer error and throws.
 * Example: seededRandom(42)() -> 0.6011037519201636 (hand-checked against an
 * independent Python port; see test/stats/random.test.ts).
 */

/** A deterministic generator of numbers in [0, 1), each a multiple of 2^-32. */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new Error(`seededRandom requires an integer seed, got ${seed}`);
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform random integer in [0, n). */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/**
 * Fisher-Yates (Durstenfeld) shuffle in place: every permutation equally likely.
 * Reference: Knuth, TAOCP vol. 2, Algorithm 3.4.2P; https://en.wikipedia.org/wiki/Fisher%E2%80%93Yates_shuffle
 * (j is drawn from 0..i inclusive; drawing from 0..i-1 would be Sattolo's algorithm, cycles only).
 */
export function shuffleInPlace(values: { length: number; [index: number]: number }, random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const tmp = values[i] as number;
    values[i] = values[j] as number;
    values[j] = tmp;
  }
}
