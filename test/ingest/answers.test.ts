// src/ingest/answers.ts: packed Likert answers read exactly as the record of the same answers would.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerSheet, answerCount, answerTo, forEachAnswer, hasAnswers, likertRecord, PackedAnswers } from '../../src/ingest/answers.js';
import { recordFrom } from '../../src/records.js';

// item ids as a survey's columns hold them, the prototype's names among them
const IDS = ['Q1', 'Q2', '3', '10', 'Clarity', '__proto__', 'constructor', 'toString'];

describe('AnswerSheet', () => {
  it('a packed row reads as the record of its answers: every value, count and lookup, with a later column of the same item winning', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 10 }),
        // whole numbers a byte holds, some that it does not (a decimal, a large number, -0), and no answer
        fc.array(
          fc.array(fc.option(fc.oneof(fc.integer({ min: -127, max: 127 }), fc.constantFrom(4.5, 300, -128, -0)), { nil: null }), {
            minLength: 10,
            maxLength: 10,
          }),
          {
            maxLength: 30,
          },
        ),
        fc.integer({ min: 0, max: 30 }),
        (columns, rows, capacity) => {
          const sheet = new AnswerSheet(columns, capacity);
          for (const row of rows) {
            const values = columns.map((_, c) => row[c] ?? null);
            const made = sheet.add(values);
            const entries = columns.flatMap((id, c) => (values[c] === null ? [] : [[id, values[c]!] as const]));
            if (entries.length === 0) {
              expect(made).toBeNull();
              continue;
            }
            const expected = recordFrom(entries);
            const got = likertRecord(made!);
            expect(Object.getPrototypeOf(got)).toBeNull();
            expect(Object.entries(got).sort()).toEqual(Object.entries(expected).sort());
            expect(Object.is(got[entries.at(-1)![0]], expected[entries.at(-1)![0]])).toBe(true);
            expect(answerCount(made!)).toBe(Object.keys(expected).length);
            expect(hasAnswers(made!)).toBe(true);
            for (const id of IDS) expect(answerTo(made!, id)).toBe(Object.hasOwn(expected, id) ? expected[id] : undefined);
            const seen: Array<[string, number]> = [];
            forEachAnswer(made!, (id, v) => seen.push([id, v]));
            expect(seen.sort()).toEqual(Object.entries(got).sort());
            expect(JSON.parse(JSON.stringify({ likert: made }))).toEqual({ likert: JSON.parse(JSON.stringify(expected)) });
          }
        },
      ),
      { seed: 13, numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('packs whole answers a byte holds, a row to a sheet slot, and makes a record of a row it cannot pack or has no room for', () => {
    const sheet = new AnswerSheet(['Q1', 'Q2'], 2);
    const a = sheet.add([4, null]);
    const b = sheet.add([1.5, 2]);
    const c = sheet.add([1, 2]);
    const d = sheet.add([3, 3]);
    expect(a).toBeInstanceOf(PackedAnswers);
    expect(b).not.toBeInstanceOf(PackedAnswers);
    expect(c).toBeInstanceOf(PackedAnswers);
    expect(d).not.toBeInstanceOf(PackedAnswers); // the sheet holds two rows
    expect([a, b, c, d].map((l) => likertRecord(l!))).toEqual([{ Q1: 4 }, { Q1: 1.5, Q2: 2 }, { Q1: 1, Q2: 2 }, { Q1: 3, Q2: 3 }]);
    expect(sheet.add([null, null])).toBeNull();
  });

  it('reads a plain record the same way, never a key of Object.prototype', () => {
    const plain = { Q1: 2 };
    expect(answerTo(plain, 'toString')).toBeUndefined();
    expect(answerTo(plain, 'Q1')).toBe(2);
    expect(answerCount(plain)).toBe(1);
    expect(hasAnswers({})).toBe(false);
  });
});
