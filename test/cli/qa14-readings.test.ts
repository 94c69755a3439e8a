// Silent misreadings a black-box QA pass found on issue 14 (D3-D8), each now read as the file means
// or stopped with one line naming the align.yml setting that settles it. The files are the QA's
// synthetic cases (test/fixtures/qa14/).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelDate, generalNumber } from '../../src/ingest/workbook.js';
import { ROOT, runAlign } from '../helpers/run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const QA = join(ROOT, 'test/fixtures/qa14');
const at = (file: string) => join(QA, file);

async function auditJson(file: string, ...flags: string[]) {
  const run = await runAlign(['audit', at(file), '--format', 'json', ...flags]);
  return { ...run, json: run.code === 0 ? (JSON.parse(run.stdout) as Json) : null };
}

describe('D3: submit times in a plain table follow the date rules of the tool formats', () => {
  it('a day above 12 reads the column day first: 20/02 is later than 15/01, so line 2 is kept', async () => {
    const { code, json } = await auditJson('generic-dmy-clear-dup.csv');
    expect(code).toBe(0);
    expect(json.input.excluded).toEqual([expect.objectContaining({ line: 14, kind: 'duplicate', reason: expect.stringContaining('line 2') })]);
    const inspect = await runAlign(['inspect', at('generic-dmy-clear-dup.csv')]);
    expect(inspect.stdout).toMatch(/dates +"submitted" read day first \(31\/12\/2025\): a day above 12 comes first \("20\/02\/2025 10:00"\)/);
  });

  it('the same with a French header (Horodateur)', async () => {
    const { code, json } = await auditJson('generic-dmy-clear-dup-horodateur.csv');
    expect(code).toBe(0);
    expect(json.input.excluded.map((e: Json) => e.line)).toEqual([14]);
  });

  it('dates that could be either way stop the run, naming align.yml dateOrder; dateOrder settles them', async () => {
    const run = await runAlign(['audit', at('generic-padded-dates-dup.csv'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/generic-padded-dates-dup\.csv:1:"submitted": the submit times could be day first or month first .*dateOrder: dmy/);
    const inspect = await runAlign(['inspect', at('generic-padded-dates-dup.csv')]);
    expect(inspect.code).toBe(2);
  });

  it('ISO times need no order, and inspect says so rather than "month first"', async () => {
    const { code } = await auditJson('generic-iso-clear-dup.csv');
    expect(code).toBe(0);
    const inspect = await runAlign(['inspect', at('generic-iso-clear-dup.csv')]);
    expect(inspect.stdout).toMatch(/dates +"Submitted at" written year first \(2025-12-31\): no day and month order to choose/);
    const book = await runAlign(['inspect', at('gf-datetime-inline-rich.xlsx')]);
    expect(book.stdout).not.toMatch(/read month first/);
    expect(book.stdout).toMatch(/dates +"Timestamp" written year first/);
  });
});

describe('D6: workbook formulas with no saved value', () => {
  it('exit 2, one line, naming the sheet and cell and how to calculate them', async () => {
    const run = await runAlign(['audit', at('num-formula-nocache-partial.xlsx'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the workbook\'s formulas were never calculated: cell G2 of sheet "S" has a formula and no saved value');
    expect(run.stderr).toContain('open and save it in Excel, or export CSV');
  });
});

describe('D8: workbook numbers and dates as Excel shows them; --sheet on a CSV', () => {
  it('a date-time serial rounds to the second Excel shows (09:27:10, not 09:27:09.996)', () => {
    expect(excelDate(45719.3938657, { date: true, time: true }, false)).toBe('2025-03-03T09:27:10');
    expect(excelDate(0.3938657, { date: false, time: true }, false)).toBe('09:27:10');
    // a format that shows fractions of a second keeps the milliseconds
    expect(excelDate(45719.3938657, { date: true, time: true, fraction: true }, false)).toBe('2025-03-03T09:27:09.996');
  });

  it('a whole number up to 2^53 keeps every digit (two 16-digit ids never read as one)', () => {
    expect(generalNumber(1234567890123456)).toBe('1234567890123456');
    expect(generalNumber(1234567890123457)).toBe('1234567890123457');
    expect(generalNumber(2 ** 53 - 1)).toBe('9007199254740991');
    expect(generalNumber(0.1 + 0.2)).toBe('0.3');
  });

  it('--sheet with a CSV input stops: a CSV has no sheets', async () => {
    for (const command of ['audit', 'inspect']) {
      const run = await runAlign([command, at('generic-iso-clear-dup.csv'), '--sheet', '2']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is a CSV file, which has no sheets: --sheet names a sheet of an .xlsx workbook; leave out --sheet');
    }
  });
});
