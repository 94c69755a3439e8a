// Issue 7, point 11: a 30 MB header line of 3 million columns (no newline) took 78 s
// and 3.7 GB in the column analysis before failing with exit 1 (call stack size
// exceeded). Records are bounded at the table: at most MAX_COLUMNS columns and
// MAX_CELL_CHARS characters in one cell, refused with one line naming the place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_COLUMNS } from '../../src/defaults.js';
import { tableFromBytes } from '../../src/ingest/table.js';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-bounds-'));
const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');

describe('tableFromBytes bounds', () => {
  it(`takes a header of exactly ${MAX_COLUMNS} columns`, () => {
    const table = tableFromBytes(Buffer.from(`${header(MAX_COLUMNS)}\n`), 'wide.csv');
    expect(table.records[0]).toHaveLength(MAX_COLUMNS);
  });

  it('refuses one more column, naming the line and the limit', () => {
    expect(() => tableFromBytes(Buffer.from(header(MAX_COLUMNS + 1)), 'wide.csv')).toThrow(
      `wide.csv:1: the header has ${MAX_COLUMNS + 1} columns; align reads at most ${MAX_COLUMNS}; check this is a survey export or stacks file`,
    );
  });

  it('refuses a cell over the limit, naming its line and column', () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 1);
    expect(() => tableFromBytes(Buffer.from(`name,comment\nAda,ok\nBo,"${long}"\n`), 'c.csv')).toThrow(
      `c.csv:3:"comment": this cell holds ${MAX_CELL_CHARS + 1} characters; align reads at most ${MAX_CELL_CHARS} in one cell`,
    );
    expect(() => tableFromBytes(Buffer.from(`a,${long}`), 'h.csv')).toThrow(/^h\.csv:1:"column 2": this cell holds/);
    expect(tableFromBytes(Buffer.from(`name,comment\nAda,"${'x'.repeat(MAX_CELL_CHARS)}"\n`), 'ok.csv').records).toHaveLength(2);
  });
});

describe('align inspect on a header line of a million columns', () => {
  it('exits 2 with one line (it used to run out of stack after over a minute)', async () => {
    const file = join(dir, 'million.csv');
    writeFileSync(file, header(1_000_000));
    const run = await runAlign(['inspect', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${file}:1: the header has 1000000 columns; align reads at most ${MAX_COLUMNS}; check this is a survey export or stacks file, and that its delimiter is right (force one with --delimiter)\n`,
    );
  });
});
