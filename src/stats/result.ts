/**
 * Result of a statistic: a finite number, or null with the reason it is undefined.
 *
 * What it is for: the one missing-value policy of src/stats. No NaN or Infinity
 * ever leaves this folder; a statistic that cannot be computed (a constant stack,
 * fewer than two raters) is `{ value: null, reason }`, and the reason is shown to
 * the reader of the report ("n/a: only one leader ranked").
 * Reference: the same policy as d3-array's documented handling of undefined input,
 * https://d3js.org/d3-array/summarize (one rule for every function).
 * Ties: not applicable.
 * Undefined case: `na(reason)`. `ok(x)` with a non-finite x is a bug in align
 * (a statistic that should have returned `na`), so it throws InternalError.
 * Example: ok(0.5) -> { value: 0.5 }; na('fewer than two raters') -> { value: null, reason: 'fewer than two raters' }.
 */
import { InternalError } from '../errors.js';

export type Stat = { value: number; reason?: undefined } | { value: null; reason: string };

/** A defined value. Throws InternalError when `value` is NaN or infinite. */
export function ok(value: number): Stat {
  if (!Number.isFinite(value)) {
    throw new InternalError(`a statistic produced ${String(value)}; it should have returned null with a reason`);
  }
  return { value };
}

/** An undefined value, with the reason the reader will see. */
export function na(reason: string): Stat {
  return { value: null, reason };
}

/**
 * A Stat as the JSON contract writes it: `{ [key]: value }`, plus
 * `{ [key + 'Reason']: reason }` when the value is null.
 *   statFields('W', na('one leader')) -> { W: null, WReason: 'one leader' }
 */
export function statFields<K extends string>(key: K, s: Stat): Record<K, number | null> & Partial<Record<`${K}Reason`, string>> {
  const out = { [key]: s.value } as Record<string, unknown>;
  if (s.value === null) out[`${key}Reason`] = s.reason;
  return out as Record<K, number | null> & Partial<Record<`${K}Reason`, string>>;
}
