// src/records.ts: records keyed by input text never reach Object.prototype, however they are made.

import { describe, expect, it } from 'vitest';
import { record, recordFrom } from '../src/records.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('records keyed by input text', () => {
  it('recordFrom keeps every name as its own key, with no prototype behind it', () => {
    const r = recordFrom(NAMES.map((n, i) => [n, i] as const));
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.keys(r)).toEqual(NAMES);
    NAMES.forEach((n, i) => {
      expect(Object.hasOwn(r, n)).toBe(true);
      expect(r[n]).toBe(i);
    });
    // nothing leaked into the objects everyone shares
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a name not given reads as absent, even one Object.prototype holds', () => {
    const r = recordFrom([['Q1', 4]]);
    for (const n of NAMES) expect(r[n]).toBeUndefined();
    expect(`${'x' in r}`).toBe('false');
  });

  it('a later entry of the same key wins, as assignment does', () => {
    expect(
      recordFrom([
        ['Q1', 1],
        ['Q1', 5],
      ]),
    ).toEqual(Object.assign(record<number>(), { Q1: 5 }));
  });
});
