// src/records.ts: records keyed by input text never reach Object.prototype, however they are made.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { record, recordFrom, recordMaker } from '../src/records.js';

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

  it('recordMaker makes, row after row, the record recordFrom makes of the answered keys, in the same key order', () => {
    // keys as a survey's items, the prototype's names among them, some repeated; values null where a row skipped one
    const keys = fc.uniqueArray(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'Q5', ...NAMES), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        keys,
        fc.boolean(),
        fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }), { minLength: 8, maxLength: 8 }), { maxLength: 40 }),
        (unique, repeat, rows) => {
          const names = repeat ? [...unique, unique[0]!] : unique;
          const make = recordMaker<number>(names);
          for (const row of rows) {
            const values = names.map((_, i) => row[i] ?? null);
            const made = make(values);
            const entries = names.flatMap((n, i) => (values[i] === null ? [] : [[n, values[i]!] as const]));
            if (entries.length === 0) {
              expect(made).toBeNull();
              continue;
            }
            const expected = recordFrom(entries);
            expect(Object.getPrototypeOf(made)).toBeNull();
            expect(Object.keys(made!)).toEqual(Object.keys(expected));
            expect(Object.entries(made!)).toEqual(Object.entries(expected));
          }
        },
      ),
      { seed: 13, numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('recordMaker stays right past the templates it keeps (a row per set of missing keys)', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Q${i + 1}`);
    const make = recordMaker<number>(names);
    // 4,095 distinct sets of missing keys (every one but the empty row), more than the 1,024 templates kept
    for (let mask = 1; mask < 1 << 12; mask++) {
      const values = names.map((_, i) => (mask & (1 << i) ? i + 1 : null));
      expect(make(values)).toEqual(recordFrom(names.flatMap((n, i) => (mask & (1 << i) ? [[n, i + 1] as const] : []))));
    }
  });
});
