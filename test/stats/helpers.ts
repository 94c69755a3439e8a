// Shared test helpers for test/stats: an explicit absolute tolerance, never toBeCloseTo.
import { expect } from 'vitest';
import type { Stat } from '../../src/stats/result.js';

/** Our own statistics agree with their references to 1e-9 (STYLE.md habit 2). */
export const TOL = 1e-9;

/** |actual - expected| <= tol, with both numbers in the failure message. */
export function close(actual: number | null | undefined, expected: number, tol = TOL, label = ''): void {
  expect(actual, `${label} expected a number close to ${expected}`).toBeTypeOf('number');
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${label} ${actual} vs ${expected} (tolerance ${tol})`).toBeLessThanOrEqual(tol);
}

/** A defined Stat whose value is close to `expected`. */
export function closeStat(stat: Stat, expected: number, tol = TOL, label = ''): void {
  expect(stat.reason, `${label} unexpected null: ${stat.reason}`).toBeUndefined();
  close(stat.value, expected, tol, label);
}

/** Element-wise close. */
export function closeAll(actual: readonly number[], expected: readonly number[], tol = TOL, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  actual.forEach((a, i) => {
    close(a, expected[i] as number, tol, `${label}[${i}]`);
  });
}

/** |actual - expected| / |expected| <= rel (for p-values spanning many decades). */
export function closeRelative(actual: number, expected: number, rel: number, label = ''): void {
  const scale = Math.abs(expected) || 1;
  expect(Math.abs(actual - expected) / scale, `${label} ${actual} vs ${expected} (relative ${rel})`).toBeLessThanOrEqual(rel);
}
