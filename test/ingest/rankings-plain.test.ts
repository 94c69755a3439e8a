// src/ingest/rankings.ts: stackFromPlainRanks, the quick reading of a by-priority row, gives the
// stack stackFromPriorityCells gives wherever it reads a row at all, and leaves every other row to it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { priorityKey } from '../../src/ingest/priority-key.js';
import { stackFromPlainRanks, stackFromPriorityCells } from '../../src/ingest/rankings.js';

const entry = (priority: string, rank: number) => ({ priority, rank });

/** The full reading: the stack, or the error's message. */
function full(names: readonly string[], cells: readonly string[]): unknown {
  try {
    return stackFromPriorityCells(
      names.map((priority, i) => ({ priority, column: `C${i}`, cell: cells[i]! })),
      { file: 'f.csv', line: 2, keyOf: priorityKey, n: names.length },
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message;
  }
}

describe('stackFromPlainRanks', () => {
  it('reads a row as stackFromPriorityCells does, or leaves it (null)', () => {
    // cells: ranks in and out of range, blanks, a zero, rank labels, padded numbers, decimals, words
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 12 }).map(String),
      fc.constantFrom('', ' ', '1st', ' 2', '3 ', '2.0', '1.5', 'N/A', '00', '07', '12345', 'x'),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(cell, { minLength: 8, maxLength: 8 }), fc.boolean(), (n, row, repeat) => {
        // priorities as a header gives them; with `repeat`, two columns rank the same priority (one in other case)
        const names = Array.from({ length: n }, (_, i) => (repeat && i === n - 1 && n > 1 ? 'PRIORITY 0' : `Priority ${i}`));
        const keys = names.map(priorityKey);
        const distinct = new Set(keys).size === keys.length;
        const cells = row.slice(0, n);
        const plain = stackFromPlainRanks((i) => cells[i]!, names, distinct, entry);
        const reference = full(names, cells);
        if (plain !== null) expect(plain).toEqual(reference);
        // it reads every row of blanks and plain ranks 1..n when the priorities are distinct
        const simple = cells.every((c) => c === '' || (/^\d{1,4}$/.test(c) && Number(c) >= 1 && Number(c) <= n));
        if (distinct && simple) expect(plain).not.toBeNull();
        if (!distinct) expect(plain).toBeNull();
      }),
      { seed: 21, numRuns: 1000 },
    );
  });

  it('puts equal ranks in the order written, as the full reading does', () => {
    const names = ['A', 'B', 'C', 'D'];
    const cells = ['2', '1', '2', ''];
    expect(stackFromPlainRanks((i) => cells[i]!, names, true, entry)).toEqual([
      { priority: 'B', rank: 1 },
      { priority: 'A', rank: 2 },
      { priority: 'C', rank: 2 },
    ]);
    expect(full(names, cells)).toEqual(stackFromPlainRanks((i) => cells[i]!, names, true, entry));
  });
});
