// ok/na: the missing-value policy of src/stats (STYLE.md habit 4; d3-array's one-policy rule).
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { na, ok } from '../../src/stats/result.js';

describe('ok(value)', () => {
  it('ok(0.5) -> { value: 0.5 } with no reason', () => {
    expect(ok(0.5)).toEqual({ value: 0.5 });
    expect(ok(0.5).reason).toBeUndefined();
  });
  it('ok(-0) and ok(0) are defined', () => {
    expect(ok(0).value).toBe(0);
  });
  it.each([NaN, Infinity, -Infinity])('ok(%s) throws InternalError', (v) => {
    expect(() => ok(v)).toThrow(InternalError);
  });
});

describe('na(reason)', () => {
  it("na('fewer than two raters') -> { value: null, reason }", () => {
    expect(na('fewer than two raters')).toEqual({ value: null, reason: 'fewer than two raters' });
  });
});
