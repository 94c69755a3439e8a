/**
 * Issue 10, point 6: Google Sheets writes TSV without any quoting, so a cell
 * may start with `"` or hold one mid-cell. A tab file whose quotes are not
 * CSV quoting is read literally; a comma file with broken quoting still stops,
 * naming the line and the column where the quote broke.
 *
 * google-forms-sheets.tsv is test/fixtures/exports/google-forms.csv (the 30
 * Northwind people) written as Sheets writes TSV: tab-separated, no quoting,
 * line breaks inside cells turned into spaces, and four answers to the
 * free-text question that start with `"` or hold quotes mid-cell.
 */
import { describe, expect, test } from 'vitest';
import { readDataset } from '../../src/ingest/dataset.js';
import { tableFromBytes } from '../../src/ingest/table.js';
import { EXPORTS, inputError } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const TSV = `${EXPORTS}/google-forms-sheets.tsv`;
const CSV = `${EXPORTS}/google-forms.csv`;
const read = (path: string) => readDataset([path], { config: {}, skipInvalid: false });

describe('a Google Sheets TSV (never quoted) is read literally', () => {
  test('it reads the same 30 Northwind people as the CSV it was made from', async () => {
    const [tsv, csv] = await Promise.all([read(TSV), read(CSV)]);
    expect(tsv.respondents).toHaveLength(30);
    expect(tsv.respondents.map((r) => [r.name, r.email, r.role, r.department])).toEqual(csv.respondents.map((r) => [r.name, r.email, r.role, r.department]));
    expect(tsv.excluded).toEqual([]);
    expect(tsv.files[0]!.delimiter).toBe('\t');
    expect(tsv.items.map((i) => i.id)).toEqual(csv.items.map((i) => i.id));
  });

  test('a cell that starts with a quote keeps its quotes as text', () => {
    const table = tableFromBytes(Buffer.from('name\tdept\tnote\nAna\tSales\t"Customer first" is a slogan\nBo\tOps\tsay "soon"\n'), 'x.tsv');
    expect(table.delimiter).toBe('\t');
    expect(table.records).toEqual([
      ['name', 'dept', 'note'],
      ['Ana', 'Sales', '"Customer first" is a slogan'],
      ['Bo', 'Ops', 'say "soon"'],
    ]);
    expect(table.lines).toEqual([1, 2, 3]);
  });

  test('a CSV-quoted tab file (a quoted cell holding a tab and a line break) is still read with quoting', () => {
    const table = tableFromBytes(Buffer.from('name\tdept\tnote\nAna\tSales\t"two\tparts\nand a line"\nBo\tOps\t"say ""soon"""\n'), 'x.tsv');
    expect(table.records).toEqual([
      ['name', 'dept', 'note'],
      ['Ana', 'Sales', 'two\tparts\nand a line'],
      ['Bo', 'Ops', 'say "soon"'],
    ]);
    expect(table.lines).toEqual([1, 2, 4]);
  });

  test('inspect, audit and stack read it as they read the CSV', async () => {
    const columns = (out: string) => out.slice(out.indexOf('\ncolumns'));
    const inspect = await Promise.all([runAlign(['inspect', TSV]), runAlign(['inspect', CSV])]);
    expect(inspect.map((r) => r.code)).toEqual([0, 0]);
    expect(columns(inspect[0].stdout)).toBe(columns(inspect[1].stdout));
    for (const args of [
      ['audit', '--format', 'json'],
      ['stack', '--json'],
    ]) {
      const [tsv, csv] = await Promise.all([runAlign([...args, TSV]), runAlign([...args, CSV])]);
      expect([args[0], tsv.code, tsv.stderr]).toEqual([args[0], 0, '']);
      expect(JSON.parse(tsv.stdout).stack).toEqual(JSON.parse(csv.stdout).stack);
    }
  });
});

describe('a CSV with a genuinely broken quote still stops, at the right column', () => {
  test('text after a closing quote, in the third column of line 3', async () => {
    const e = await inputError(async () => tableFromBytes(Buffer.from('name,dept,stack,note\nAna,Sales,A;B,n\nBo,Ops,"A;B"x,n\nCy,HR,C,n\n'), 'broken.csv'));
    expect([e.line, e.column]).toEqual([3, 'stack']);
    expect(e.problem).toMatch(/after its closing quote/);
  });

  test('a quote that never closes, in the last column', async () => {
    const e = await inputError(async () => tableFromBytes(Buffer.from('name,dept,stack,note\nAna,Sales,A;B,n\nBo,Ops,C,"open\n'), 'open.csv'));
    expect([e.line, e.column]).toEqual([3, 'note']);
    expect(e.problem).toMatch(/never closes/);
  });
});
