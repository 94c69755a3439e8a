// A record may run across pieces of a large file (src/ingest/table.ts): each of its cells is
// bounded (MAX_CELL_CHARS), as in a file read whole, not the record. Before, a record of three
// long comments (legal text pasted into a survey) that crossed a piece boundary was refused as
// "runs on for more than 200000 characters", although the same rows read whole were fine.
// A quote that never closes is still caught as soon as its cell passes the bound, by line and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_RECORD_CHARS } from '../../src/defaults.js';
import { checkOpenRecord, readTable } from '../../src/ingest/table.js';

const dir = mkdtempSync(join(tmpdir(), 'align-long-records-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const rowsOf = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `r${from + i},short,${i % 5}`).join('\n');

describe('long records across pieces', () => {
  it('reads a record of three near-limit cells crossing a piece boundary as the whole file reads it', async () => {
    const long = (c: string) => `"${c.repeat(MAX_CELL_CHARS - 10)}\nline two"`;
    const text = `id,comment,score\n${rowsOf(30)}\nr-long,${long('a')},${long('b')}\n${rowsOf(30, 30)}\n`.replace('r-long,', `r-long,${long('c')},`);
    // the record is r-long, "ccc…", "aaa…", "bbb…": four fields in a three-column table would be ragged, so make the header four wide
    const path = file('legal.csv', text.replace('id,comment,score', 'id,comment,score,more').replace(/^(r\d+,short,\d)$/gm, '$1,'));
    const whole = await readTable(path, { pieceBytes: 8 * MAX_CELL_CHARS });
    const pieces = await readTable(path, { pieceBytes: 4096, headRecords: 5 });
    expect(whole.records).toHaveLength(62);
    expect(pieces.records).toEqual(whole.records);
    expect(pieces.lines).toEqual(whole.lines);
    const record = pieces.records.find((r) => r[0] === 'r-long')!;
    expect(record.map((c) => c.length)).toEqual([6, MAX_CELL_CHARS - 1, MAX_CELL_CHARS - 1, MAX_CELL_CHARS - 1]);
  });

  it('names the line and column of a quote that never closes, once its cell passes the bound', async () => {
    const tail = Array.from({ length: 3000 }, (_, i) => `r${i},fine ${i},1`).join('\n');
    const path = file('open-quote.csv', `id,comment,score\n${rowsOf(40)}\nr-bad,"this quote never closes,1\n${tail}\n${'x'.repeat(2 * MAX_CELL_CHARS)}\n`);
    await expect(readTable(path, { pieceBytes: 4096, headRecords: 5 })).rejects.toThrow(
      `open-quote.csv:42:"comment": this cell runs on for more than ${MAX_CELL_CHARS} characters; align reads at most ${MAX_CELL_CHARS} in one cell; look for a quote that opens and never closes`,
    );
  });

  it('counts an open cell as its value: the quotes round it not counted, a doubled quote as one (found by review)', () => {
    const header = ['id', 'comment'];
    // a cell of exactly the limit, cut just before its closing quote
    expect(() => checkOpenRecord(`r1,"${'x'.repeat(MAX_CELL_CHARS)}`, 3, 'c.csv', header, ',', false)).not.toThrow();
    // 60,000 quotes written doubled: 120,001 characters of text, a value of 60,000
    expect(() => checkOpenRecord(`r1,"${'""'.repeat(60_000)}`, 3, 'c.csv', header, ',', false)).not.toThrow();
    expect(() => checkOpenRecord(`r1,"${'x'.repeat(MAX_CELL_CHARS + 1)}`, 3, 'c.csv', header, ',', false)).toThrow(
      `c.csv:3:"comment": this cell runs on for more than ${MAX_CELL_CHARS} characters`,
    );
    // an unquoted cell counts every character
    expect(() => checkOpenRecord(`r1,${'x'.repeat(MAX_CELL_CHARS + 1)}`, 3, 'c.csv', header, ',', true)).toThrow(/runs on for more than/);
  });

  it('reads a cell of doubled quotes crossing pieces as the whole file reads it', async () => {
    const path = file(
      'quotes.csv',
      `id,comment\n${rowsOf(30).replace(/,short,\d/g, ',short')}\nr-q,"${'""'.repeat(60_000)}"\n${rowsOf(30, 30).replace(/,short,\d/g, ',short')}\n`,
    );
    const whole = await readTable(path, { pieceBytes: 8 * MAX_CELL_CHARS });
    const pieces = await readTable(path, { pieceBytes: 4096, headRecords: 5 });
    expect(pieces.records).toEqual(whole.records);
    expect(pieces.records.find((r) => r[0] === 'r-q')![1]).toHaveLength(60_000);
  });

  it('bounds the record as a whole, past its cells', () => {
    const cells = Math.ceil(MAX_RECORD_CHARS / (MAX_CELL_CHARS - 1)) + 1;
    const header = Array.from({ length: cells + 1 }, (_, i) => `c${i}`);
    const open = `${'x'.repeat(MAX_CELL_CHARS - 2)},`.repeat(cells);
    expect(() => checkOpenRecord(open.slice(0, MAX_RECORD_CHARS), 7, 'w.csv', header, ',', false)).not.toThrow();
    expect(() => checkOpenRecord(open, 7, 'w.csv', header, ',', false)).toThrow(
      `w.csv:7: the record from here runs on for more than ${MAX_RECORD_CHARS} characters; align reads at most ${MAX_RECORD_CHARS} in one record`,
    );
  });
});
