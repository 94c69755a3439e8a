/**
 * A large file's second half read by a helper thread (src/ingest/parallel.ts,
 * issue 13: both cores). Whatever the file, the Dataset (or the one-line
 * error) is the one a reading by one thread gives, line numbers included; the
 * helper's rows are used only where that can be shown, and the tests say
 * which way each file was read. The helper runs the build's script
 * (dist/ingest/read-worker.js): `npm test` builds before it tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainWide } from '../../scripts/lib/plain-wide.mjs';
import { InputError } from '../../src/errors.js';
import { likertRecord } from '../../src/ingest/answers.js';
import { type ReadOptions, readDataset, readInput } from '../../src/ingest/dataset.js';
import type { Dataset } from '../../src/ingest/types.js';
import { seeded, tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const WORKER = join(import.meta.dirname, '..', '..', 'dist', 'ingest', 'read-worker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build (npm test does) before these tests`);
});

/** Small pieces and a small first piece, so that a file of a few hundred KB is read as a large one is. */
const SMALL = { pieceBytes: 16 * 1024, headRecords: 200 };
const TWO: Partial<ReadOptions> = { ...SMALL, parallelBytes: 0 };
const ONE: Partial<ReadOptions> = { ...SMALL, parallelBytes: Number.POSITIVE_INFINITY };

/** Packed answers sit in each piece's sheet: compared as records. */
function comparable(dataset: Dataset): Dataset {
  return { ...dataset, respondents: dataset.respondents.map((r) => ({ ...r, likert: likertRecord(r.likert) })) };
}

async function outcome(path: string, extra: Partial<ReadOptions>, base: Partial<ReadOptions> = {}) {
  const options: ReadOptions = { config: {}, skipInvalid: false, ...base, ...extra };
  try {
    const dataset = comparable(await readDataset([path], options));
    const { threads } = await readInput(path, options);
    return { dataset, threads };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e.message };
  }
}

/** Reads `path` by one thread and by two: the same outcome; returns how the two-thread reading went. */
async function same(path: string, base: Partial<ReadOptions> = {}) {
  const one = await outcome(path, ONE, base);
  const two = await outcome(path, TWO, base);
  expect('threads' in one ? one.threads : 1).toBe(1);
  const { threads, ...rest } = two as { threads?: number };
  const { threads: _, ...oneRest } = one as { threads?: number };
  expect(rest).toEqual(oneRest);
  return { threads, one };
}

/** Where the helper starts: after the first line end at or after 55% of the file (parallel.ts MAIN_SHARE). */
function splitOf(bytes: Buffer): number {
  return bytes.indexOf(0x0a, Math.floor(bytes.length * 0.55)) + 1;
}

/** The physical line on which `found` starts in `text`. */
function lineOf(text: string, found: string): number {
  const at = text.indexOf(found);
  if (at < 0) throw new Error(`${JSON.stringify(found)} is not in the text`);
  return text.slice(0, at).split('\n').length;
}

const QUESTIONS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'];
const PRIORITIES = ['Grow revenue', 'Cut costs', 'Launch platform', 'Retain customers'];
const DEPTS = ['Sales', 'Finance', 'Engineering', 'Operations'];

/**
 * A survey with what a row can carry: an email, a submit time, Likert answers with blanks, a
 * comment (some of several lines, with quotes and commas), a full ranking; blank lines; the same
 * person sending twice, once in each half of the file.
 */
function survey(rows: number, edit: (i: number, cells: string[]) => void = () => {}): string {
  const header = ['respondent_id', 'name', 'email', 'role', 'department', 'submitted', ...QUESTIONS, 'Comments', ...PRIORITIES.map((p) => `Rank: ${p}`)];
  const out = [header.join(',')];
  const random = seeded(rows);
  for (let i = 0; i < rows; i++) {
    // the last 40 rows are second submissions of people in the first half
    const person = i >= rows - 40 ? i - Math.floor(rows / 2) : i;
    const role = i < 8 ? 'Executive' : i % 3 === 0 ? 'Manager' : 'Individual Contributor';
    const dept = i < 8 ? 'Executive Office' : DEPTS[i % DEPTS.length]!;
    const day = 1 + (i % 28);
    const time = `2026-03-${String(day).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    // eight answers on 1..5 repeat (never read as ranks), one in eleven blank
    const answers = QUESTIONS.map(() => (random() < 1 / 11 ? '' : String(1 + Math.floor(random() * 5))));
    const comment = i % 9 === 0 ? `"Line one of ${i}\nline two, with a comma\nand ""quotes"""` : i % 5 === 0 ? `Short note ${i}` : '';
    const order = [0, 1, 2, 3].map((k) => (k + i) % 4);
    const ranks = PRIORITIES.map((_, p) => String(order.indexOf(p) + 1));
    const cells = [`P${person}`, `Person ${person}`, `p${person}@example.com`, role, dept, time, ...answers, comment, ...ranks];
    edit(i, cells);
    out.push(cells.join(','));
    if (i % 500 === 250) out.push('');
  }
  return `${out.join('\n')}\n`;
}

describe('a large file read by two threads', () => {
  it('a plain wide table: the helper reads the second half, and the Dataset is the one thread’s', async () => {
    const path = tmp.write('plain.csv', plainWide({ rows: 3000, seed: 5 }).csv);
    const { threads } = await same(path);
    expect(threads).toBe(2);
  });

  it('rows carrying comments, emails, submit times, blank lines and duplicates across the halves: the same Dataset', async () => {
    const path = tmp.write('survey.csv', survey(3000));
    const { threads, one } = await same(path);
    expect(threads).toBe(2);
    const dataset = (one as { dataset: Dataset }).dataset;
    // what the test means to cover is there: later submissions won over earlier ones, comments were read
    expect(dataset.excluded.filter((e) => e.kind === 'duplicate')).toHaveLength(40);
    expect(dataset.respondents.some((r) => r.comments && Object.values(r.comments).some((c) => c.includes('\n')))).toBe(true);
  });

  it('a row of empty cells in the second half is excluded on its own line, as by one thread', async () => {
    const text = survey(3000, (i, cells) => (i === 2600 ? cells.fill('') : undefined));
    const path = tmp.write('empty-row.csv', text);
    const { threads, one } = await same(path);
    expect(threads).toBe(2);
    const empty = (one as { dataset: Dataset }).dataset.excluded.filter((e) => e.reason.startsWith('empty row'));
    expect(empty.map((e) => e.line)).toEqual([lineOf(text, `\n${','.repeat(18)}\n`) + 1]);
  });

  it('with --skip-invalid, a bad cell in the second half is excluded on its own line, as by one thread', async () => {
    const text = survey(3000, (i, cells) => (i === 2600 ? (cells[7] = 'banana') : undefined));
    const path = tmp.write('invalid.csv', text);
    // a later piece's cell the first piece's plan cannot read makes both readings plan again from more of the file (one thread then)
    const { one } = await same(path, { skipInvalid: true });
    const invalid = (one as { dataset: Dataset }).dataset.excluded.filter((e) => e.kind === 'invalid');
    expect(invalid.map((e) => e.line)).toEqual([lineOf(text, ',banana,')]);
  });

  it('a bad cell in the second half stops the run with the error one thread gives, line and column', async () => {
    const text = survey(3000, (i, cells) => (i === 2600 ? (cells[7] = 'banana') : undefined));
    const path = tmp.write('bad.csv', text);
    const { one } = await same(path);
    expect((one as { error: string }).error).toContain(`bad.csv:${lineOf(text, ',banana,')}:"Q2"`);
  });

  it('a column the first piece leaves empty, answered in the second half: planned again from more of the file, as by one thread', async () => {
    const path = tmp.write(
      'late.csv',
      survey(3000, (i, cells) => (cells[11] = i >= 2700 ? String(1 + (i % 5)) : '')),
    );
    await same(path);
  });

  it('more rows than the run reads, in the second half: the same error at the same line', async () => {
    const text = survey(3000);
    const path = tmp.write('many.csv', text);
    const { one } = await same(path, { maxRows: 2500 });
    // named by the 2,501st row
    expect((one as { error: string }).error).toContain(`many.csv:${lineOf(text, '\nP2500,') + 1}: the input files hold more than 2,500 data rows`);
  });

  it('a split inside a quoted cell of many lines: read by one thread, the same Dataset', async () => {
    // one long comment of many lines, placed where the split falls (55% of the file, then the next line end)
    const long = `"${Array.from({ length: 2000 }, (_, k) => `line ${k} of a long comment`).join('\n')}"`;
    let at = 1500;
    let text = '';
    for (let tries = 0; tries < 20; tries++) {
      text = survey(3000, (i, cells) => (i === at ? (cells[14] = long) : undefined));
      const bytes = Buffer.from(text);
      const split = bytes.indexOf(0x0a, Math.floor(bytes.length * 0.55));
      const start = bytes.indexOf(Buffer.from(`,"line 0 of`));
      const end = bytes.indexOf(Buffer.from(`comment"`), start);
      if (split > start && split < end) break;
      at += split <= start ? -40 : 40;
    }
    const path = tmp.write('quoted.csv', text);
    const { threads } = await same(path);
    expect(threads).toBe(1);
  });

  it('a U+FEFF starting the line at the split is a character of its cell, by one thread and by two', async () => {
    const text = survey(3000);
    const bytes = Buffer.from(text);
    const start = splitOf(bytes);
    // "P16" → U+FEFF: the same three bytes, so the split stays where it was
    const id = bytes.subarray(start, bytes.indexOf(0x2c, start)).toString();
    expect(id).toMatch(/^P\d{4}$/);
    Buffer.from('\ufeff').copy(bytes, start);
    const path = tmp.write('bom-split.csv', bytes);
    const { threads, one } = await same(path);
    expect(threads).toBe(2);
    // read, not dropped: the id's cell is "\ufeff" and its last two digits, which trimming leaves
    expect((one as { dataset: Dataset }).dataset.respondents.some((r) => r.toolId === id.slice(3))).toBe(true);
  });

  it('a U+FEFF starting every row: read whole, in pieces and by two threads alike', async () => {
    const text = survey(3000).replace(/\nP/g, '\n\ufeffP');
    const path = tmp.write('bom-rows.csv', text);
    const whole = comparable(await readDataset([path], { config: {}, skipInvalid: false }));
    const { one } = await same(path);
    expect((one as { dataset: Dataset }).dataset).toEqual(whole);
  });

  it('a bad row at the split and the row limit passed just before it: the error one thread meets first', async () => {
    const text = survey(3000);
    const bytes = Buffer.from(text);
    const start = splitOf(bytes);
    const end = bytes.indexOf(0x0a, start);
    // one cell too many on the row at the split (two bytes more leave the split where it is: checked below)
    const ragged = Buffer.concat([bytes.subarray(0, end), Buffer.from(',x'), bytes.subarray(end)]);
    expect(splitOf(ragged)).toBe(start);
    const dataRows = text.slice(0, start).split('\nP').length - 1;
    const path = tmp.write('ragged-split.csv', ragged);
    // one thread reads the piece holding the split whole, and its ragged row stops the run before the row count does
    const { one } = await same(path, { maxRows: dataRows - 3 });
    expect((one as { error: string }).error).toMatch(/ragged-split\.csv:\d+:"column 20": this row has 20 fields but the header has 19/);
  });

  it('the row limit passed inside the first piece of the second file names a row of it', async () => {
    const a = tmp.write('first-500.csv', survey(500));
    const b = tmp.write('second-3000.csv', survey(3000));
    for (const extra of [ONE, TWO]) {
      const error = await readDataset([a, b], { config: {}, skipInvalid: false, ...extra, maxRows: 600 }).then(
        () => null,
        (e: Error) => e.message,
      );
      // the 101st data row of the second file
      expect(error).toContain(`second-3000.csv:${lineOf(survey(3000), '\nP100,') + 1}: the input files hold more than 600 data rows`);
    }
  });

  it("the rating groups' range is judged over both halves: the helper's answers counted with this thread's", async () => {
    // sixes in the first rows (some 3% of the first piece's answers) and in the last third (4% there), none between:
    // this thread's half alone holds too few to be a point of the scale (under 1%), the whole file enough
    const text = survey(3000, (i, cells) => {
      if (i < 40 || (i >= 2000 && i % 3 === 0)) cells[6] = '6';
    });
    const path = tmp.write('sixes.csv', text);
    const { threads, one } = await same(path);
    // read on 1..6 by both: had the helper's counts been left out, the range would have failed the check and one thread read it
    expect(threads).toBe(2);
    expect((one as { dataset: Dataset }).dataset.items.map((i) => i.points)).toEqual(QUESTIONS.map(() => 6));
  });

  it("a ranking read from its rows alone is judged over both halves: the helper's rows counted with this thread's", async () => {
    // permutations of 1..3 up to the last third, then ratings that repeat: this thread's half alone bears the ranking out
    const perms = ['1,2,3', '2,3,1', '3,1,2', '1,3,2', '2,1,3', '3,2,1'];
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const cells = i < 2000 ? perms[i % 6]! : [1 + (i % 3), 1 + ((i * 7) % 3), 1 + ((i * 5) % 2)].join(',');
      return `R${i},Person ${i},${i < 6 ? 'Executive' : 'Manager'},${DEPTS[i % DEPTS.length]},${cells}`;
    });
    const path = tmp.write('ranked-early.csv', `respondent_id,name,role,department,P1,P2,P3\n${rows.join('\n')}\n`);
    const { one } = await same(path);
    // as the file read whole reads it: three rating questions, no ranking
    const dataset = (one as { dataset: Dataset }).dataset;
    expect(dataset.items.map((i) => i.id)).toEqual(['P1', 'P2', 'P3']);
    expect(dataset.priorities).toEqual([]);
  });

  it('a Windows-1252 file: read by one thread, the same Dataset', async () => {
    const text = survey(3000, (i, cells) => (i % 7 === 0 ? (cells[1] = `José ${i}`) : undefined));
    const path = tmp.write('cp1252.csv', iconv.encode(text, 'windows-1252'));
    const { threads } = await same(path);
    expect(threads).toBe(1);
  });

  it('a file smaller than PARALLEL_BYTES is read by one thread', async () => {
    const path = tmp.write('small.csv', plainWide({ rows: 3000, seed: 5 }).csv);
    const { threads } = await readInput(path, { config: {}, skipInvalid: false, ...SMALL });
    expect(threads).toBe(1);
  });
});
