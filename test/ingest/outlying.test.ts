/**
 * A few outlying answers never decide a rating scale's range (src/ingest/outlying.ts).
 *
 * Found by black-box QA: a plain wide table of 20,000 people answering Q1..Q40
 * with 1..5, one cell changed to 9 (or 0), was read as forty 9-point (or
 * 11-point 0..10) items with exit 0, and every favourable share fell from
 * about 0.35 to about 0. Now reading stops at that cell with exit 2, naming
 * the file, the line, the column and the align.yml that settles it; real
 * scales with unused points still read.
 */

import { afterAll, describe, expect, test } from 'vitest';
import { plainWide } from '../../scripts/lib/plain-wide.mjs';
import { InputError } from '../../src/errors.js';
import { likertRecord } from '../../src/ingest/answers.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { OUTLYING_SHARE, outlyingAnswers } from '../../src/ingest/outlying.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const times = (value: number, n: number) => Array.from({ length: n }, () => value);
const labels = (low: number, high: number) => Object.fromEntries(Array.from({ length: high - low + 1 }, (_, i) => [String(low + i), low + i]));
/** n answers spread evenly over low..high. */
const spread = (low: number, high: number, n: number) => Array.from({ length: n }, (_, i) => low + (i % (high - low + 1)));

describe('outlyingAnswers(values)', () => {
  test.each([
    // [what, values, outlying]
    ['a lone 9 beyond the unused 6..8, 1 of 20,001 answers', [...spread(1, 5, 20000), 9], [9]],
    ['a lone 0 below 1..5, 1 of 20,001', [...spread(1, 5, 20000), 0], [0]],
    ['a lone 55 (a doubled key)', [...spread(1, 5, 1000), 55], [55]],
    ['a lone -1', [...spread(1, 5, 1000), -1], [-1]],
    ['a handful: three 9s and two 7s beyond the unused 6 (5 of 20,005)', [...spread(1, 5, 20000), 9, 9, 9, 7, 7], [7, 9]],
    ['a 0 and a 9 at once', [...spread(1, 5, 2000), 0, 9], [0, 9]],
    // 1% is the line: 1 of 101 is under it (0.99%), 1 of 100 is not (1%, so kept)
    ['1 of 101 answers apart: under 1%', [...spread(1, 5, 100), 9], [9]],
    ['1 of 100 answers apart: 1%, kept', [...spread(1, 5, 99), 9], []],
    // real scales with unused points
    ['0..10 where nobody chose 1 or 2 but many chose 0', [...times(0, 300), ...spread(3, 10, 2000)], []],
    ['1..7 where nobody chose 6 and 7 is 10% of the answers', [...spread(1, 5, 900), ...times(7, 100)], []],
    ['ten people, three questions, a gap: 1..5 and one 9 (1 of 30: too few answers to call any outlying)', [...spread(1, 5, 29), 9], []],
    ['1..5 with no gap', spread(1, 5, 5000), []],
    // one above a common scale's top (4, 5, 7, 10), fewer than 1%: outlying though no point lies unused between
    ['a lone 6 over 1..5', [...spread(1, 5, 5000), 6], [6]],
    ['a lone 8 over 1..7', [...spread(1, 7, 5000), 8], [8]],
    ['a lone 11 over 0..10', [...spread(0, 10, 5000), 11], [11]],
    ['a lone 5 over 1..4', [...spread(1, 4, 5000), 5], [5]],
    ['a lone 6 over 1..5 and a lone 9 beyond it', [...spread(1, 5, 5000), 6, 9], [6, 9]],
    ['a lone 0 below and a lone 6 above 1..5', [...spread(1, 5, 5000), 0, 6], [0, 6]],
    ['a real 1..6 scale: 6 chosen by 1% or more', [...spread(1, 5, 990), ...times(6, 10)], []],
    ['a small sample: 1..5 and one 6 among 50 answers', [...spread(1, 5, 49), 6], []],
    ['one above a top that is no common one (1..6 and a lone 7)', [...spread(1, 6, 5000), 7], []],
    ['a lone 9 over 1..8 (8 is no common top)', [...spread(1, 8, 5000), 9], []],
    ['one distinct value', times(3, 500), []],
    ['no answers', [], []],
  ])('%s', (_, values, expected) => {
    expect([...outlyingAnswers(values)].sort((a, b) => a - b)).toEqual(expected);
  });

  test('the share is 1%', () => {
    expect(OUTLYING_SHARE).toBe(0.01);
  });

  test('the answers in any order give the same outlying values', () => {
    const values = [...spread(1, 5, 3000), 9, 9, 0];
    const reversed = [...values].reverse();
    expect([...outlyingAnswers(reversed)].sort()).toEqual([...outlyingAnswers(values)].sort());
  });
});

/** The QA file: plainWide({rows: 20000}) (the default seed), cells replaced: [line, column, value]. */
const QA = plainWide({ rows: 20000 }).csv as string;
function edited(edits: Array<[line: number, column: string, value: string]>, base = QA): string {
  const lines = base.split('\n');
  const header = lines[0]!.split(',');
  for (const [line, column, value] of edits) {
    const cells = lines[line - 1]!.split(',');
    cells[header.indexOf(column)] = value;
    lines[line - 1] = cells.join(',');
  }
  return lines.join('\n');
}

async function refusal(path: string, options: { pieceBytes?: number; headRecords?: number } = {}): Promise<InputError> {
  try {
    await readDataset([path], { config: {}, skipInvalid: false, ...options });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${path} was read: expected a refusal`);
}

describe('a plain wide table of 20,000 with one typo (the QA case)', () => {
  test.each([
    ['9', 'a lone 9 would make every item 9-point'],
    ['0', 'a lone 0 would make every item 11-point (0..10)'],
  ])('Q1 = %s on line 101: stops at that cell, naming the align.yml fix (%s)', async (value) => {
    const path = tmp.write(`qa-${value}.csv`, edited([[101, 'Q1', value]]));
    const e = await refusal(path);
    expect([e.file, e.line, e.column]).toEqual([path, 101, 'Q1']);
    expect(e.problem).toBe(`${value} is off the 1..5 scale read from the answers`);
    expect(e.fix).toContain('--skip-invalid');
    expect(e.fix).toContain(`scales: {rating: {labels: {"1": 1, …, "5": 5}, missing: ["${value}"]}}`);
    expect(e.fix).toContain('columns: {"Q1": {role: likert, scale: rating}}');
  });

  test('align audit exits 2 with one line naming file, line and column', async () => {
    const path = tmp.write('qa-cli.csv', edited([[101, 'Q1', '9']]));
    const run = await runAlign(['audit', path, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(`^align: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:101:"Q1": 9 is off the 1\\.\\.5 scale read from the answers; `),
    );
  });

  test('a handful of outliers in several columns: stops at the first in file order', async () => {
    const path = tmp.write(
      'qa-handful.csv',
      edited([
        [5000, 'Q7', '8'],
        [240, 'Q30', '9'],
        [240, 'Q2', '7'],
        [15000, 'Q1', '0'],
      ]),
    );
    const e = await refusal(path);
    expect([e.line, e.column, e.problem]).toEqual([240, 'Q2', '7 is off the 1..5 scale read from the answers']);
  });

  test('the same refusal however the file is read: whole, or in pieces with the outlier in the first piece or a later one', async () => {
    for (const line of [101, 15000]) {
      const path = tmp.write(`qa-pieces-${line}.csv`, edited([[line, 'Q1', '9']]));
      const whole = await refusal(path);
      expect([whole.line, whole.column]).toEqual([line, 'Q1']);
      for (const options of [
        { pieceBytes: 64 * 1024, headRecords: 1000 },
        { pieceBytes: 16 * 1024, headRecords: 12 },
      ]) {
        expect((await refusal(path, options)).message).toBe(whole.message);
      }
    }
  });

  test('--skip-invalid leaves that respondent out and reads 1..5', async () => {
    const path = tmp.write('qa-skip.csv', edited([[101, 'Q1', '9']]));
    const d = await readDataset([path], { config: {}, skipInvalid: true });
    expect(new Set(d.items.map((i) => `${i.low}..${i.low + i.points - 1}`))).toEqual(new Set(['1..5']));
    expect(d.items).toHaveLength(40);
    expect(d.excluded.map((x) => [x.line, x.reason])).toEqual([
      [101, 'invalid, respondent left out (--skip-invalid): 9 is off the 1..5 scale read from the answers (column "Q1")'],
    ]);
  });

  test('align.yml settles it: 9 means no answer (the column holding it, nothing else)', async () => {
    const path = tmp.write('qa-settled.csv', edited([[101, 'Q1', '9']]));
    const d = await readDataset([path], {
      config: { scales: { rating: { labels: labels(1, 5), missing: ['9'] } }, columns: { Q1: { role: 'likert', scale: 'rating' } } },
      skipInvalid: false,
    });
    expect(d.items).toHaveLength(40);
    expect(d.items.every((i) => i.points === 5 && i.low === 1)).toBe(true);
    expect(d.excluded).toEqual([]);
    expect(likertRecord(d.respondents.find((r) => r.line === 101)!.likert).Q1).toBeUndefined();
  });

  test('align.yml settles it: the scale really runs 1..9 (every column named)', async () => {
    const path = tmp.write('qa-nine.csv', edited([[101, 'Q1', '9']]));
    const columns = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Q${i + 1}`, { role: 'likert' as const, scale: 'rating' }]));
    const d = await readDataset([path], { config: { scales: { rating: { labels: labels(1, 9) } }, columns }, skipInvalid: false });
    expect(d.items.every((i) => i.points === 9 && i.low === 1)).toBe(true);
    expect(likertRecord(d.respondents.find((r) => r.line === 101)!.likert).Q1).toBe(9);
  });

  test('a column align.yml calls likert, with no scale named, takes its range by the same rule (not 0..10 for a lone 9)', async () => {
    const path = tmp.write('qa-told.csv', edited([[101, 'Q1', '9']]));
    await expect(readDataset([path], { config: { columns: { Q1: 'likert' } }, skipInvalid: false })).rejects.toMatchObject({
      line: 101,
      column: 'Q1',
      problem: '9 is off the 1..5 scale read from the answers',
    });
  });

  test('untouched, it reads as forty 5-point items', async () => {
    const d = await readDataset([tmp.write('qa-clean.csv', QA)], { config: {}, skipInvalid: false });
    expect(d.items.every((i) => i.points === 5 && i.low === 1)).toBe(true);
  });
});

describe('real scales with unused points still read', () => {
  const table = (n: number, row: (i: number) => number[]) =>
    `name,role,Q1,Q2,Q3\n${Array.from({ length: n }, (_, i) => [`P${i}`, i < 2 ? 'Executive' : 'Manager', ...row(i)].join(',')).join('\n')}\n`;

  test('0..10 (NPS-style) where nobody chose 1 or 2 but many chose 0 and 3..10', async () => {
    // 0 for every fifth person (20%), else 3..10
    const nps = (i: number) => (i % 5 === 0 ? 0 : 3 + (i % 8));
    const d = await readDataset(
      [
        tmp.write(
          'nps.csv',
          table(2000, (i) => [nps(i), nps(i + 1), nps(i + 2)]),
        ),
      ],
      { config: {}, skipInvalid: false },
    );
    expect(d.items.map((i) => [i.low, i.points])).toEqual(times(0, 3).map(() => [0, 11]));
  });

  test('1..7 where nobody chose 6 (7 chosen by one in seven)', async () => {
    const seven = (i: number) => [1, 2, 3, 4, 5, 7, 4][i % 7]!;
    const d = await readDataset(
      [
        tmp.write(
          'seven.csv',
          table(2000, (i) => [seven(i), seven(i + 2), seven(i + 4)]),
        ),
      ],
      { config: {}, skipInvalid: false },
    );
    expect(d.items.map((i) => [i.low, i.points])).toEqual(times(0, 3).map(() => [1, 7]));
  });

  test('ten people with a gap (1..5 and one 9): too few answers to call it outlying, read 1..9 with the unsure note', async () => {
    const d = await readDataset(
      [
        tmp.write(
          'ten.csv',
          table(10, (i) => [i === 3 ? 9 : (i % 5) + 1, ((i + 1) % 5) + 1, ((i + 2) % 5) + 1]),
        ),
      ],
      {
        config: {},
        skipInvalid: false,
      },
    );
    expect(d.items.map((i) => [i.low, i.points])).toEqual(times(0, 3).map(() => [1, 9]));
    expect(d.notes.map((n) => n.note)).toContainEqual(expect.stringMatching(/hold whole numbers 1\.\.9 only/));
  });
});

// QA: plainWide({rows: 5000}) with one Q7 cell changed to 6 was read as forty 6-point items, exit 0,
// with only a note. The lone 6 lies one above the common top 5: reading stops at its cell.
describe('a lone answer one above a common top (a 6 in a 1..5 file)', () => {
  const base = plainWide({ rows: 5000 }).csv as string;

  test('stops at its cell with the align.yml fix, naming every column of the group', async () => {
    const path = tmp.write('six.csv', edited([[101, 'Q7', '6']], base));
    const e = await refusal(path);
    expect([e.file, e.line, e.column, e.problem]).toEqual([path, 101, 'Q7', '6 is off the 1..5 scale read from the answers']);
    expect(e.fix).toContain('if the scale really has 6 points (its top chosen by fewer than 1 in 100), one align.yml entry reads it so');
    expect(e.fix).toContain('scales: {rating: {labels: {"1": 1, …, "6": 6}}}');
    expect(e.fix).toContain(
      'columns: {"Q1": {role: likert, scale: rating}, "Q2": {role: likert, scale: rating}, "Q3": {role: likert, scale: rating}, … and 37 more}, for each column of the group ("Q1" … "Q40", 40 columns)',
    );
    // the no-answer fix needs the column holding it only
    expect(e.fix).toContain('missing: ["6"]}} with columns: {"Q7": {role: likert, scale: rating}}');
  });

  test('align audit exits 2', async () => {
    const run = await runAlign(['audit', tmp.write('six-cli.csv', edited([[101, 'Q7', '6']], base)), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/:101:"Q7": 6 is off the 1\.\.5 scale read from the answers; /);
  });

  test('a real 6-point Q7 is one align.yml entry away: Q7 reads 1..6, the other 39 stay 1..5', async () => {
    const path = tmp.write('six-settled.csv', edited([[101, 'Q7', '6']], base));
    const d = await readDataset([path], {
      config: { scales: { rating: { labels: labels(1, 6) } }, columns: { Q7: { role: 'likert', scale: 'rating' } } },
      skipInvalid: false,
    });
    expect(d.items).toHaveLength(40);
    expect(d.items.filter((i) => i.points === 6).map((i) => i.id)).toEqual(['Q7']);
    expect(d.items.filter((i) => i.points === 5 && i.low === 1)).toHaveLength(39);
    expect(likertRecord(d.respondents.find((r) => r.line === 101)!.likert).Q7).toBe(6);
  });
});

// QA: the fix named only the column holding the outlier; following it literally in a group of three
// (Q1 named, Q2 and Q3 not) left Q2 and Q3 a run of two, read as nothing and dropped from the report.
describe('a group of rating questions partly named in align.yml', () => {
  const three = (n: number, q1: (i: number) => string) =>
    `name,role,Q1,Q2,Q3\n${Array.from({ length: n }, (_, i) => [`P${i}`, i < 5 ? 'Executive' : 'Manager', q1(i), 1 + ((i + 1) % 5), 1 + ((i + 2) % 5)].join(',')).join('\n')}\n`;
  const nine = (i: number) => (i === 100 ? '9' : String(1 + (i % 5)));

  test('the fix for a small group writes out each of its columns', async () => {
    const e = await refusal(tmp.write('three.csv', three(400, nine)));
    expect([e.line, e.column]).toEqual([102, 'Q1']);
    expect(e.fix).toContain(
      'columns: {"Q1": {role: likert, scale: rating}, "Q2": {role: likert, scale: rating}, "Q3": {role: likert, scale: rating}}, for each column of the group ("Q1" … "Q3", 3 columns)',
    );
  });

  test.each([
    ['a wider scale on Q1', { labels: labels(1, 9) }, 9, 9],
    ['9 as no answer on Q1', { labels: labels(1, 5), missing: ['9'] }, 5, undefined],
  ])('%s: Q2 and Q3 are still read, as before, on 1..5', async (_, rating, points, q1) => {
    const path = tmp.write('three-named.csv', three(400, nine));
    const d = await readDataset([path], { config: { scales: { rating }, columns: { Q1: { role: 'likert', scale: 'rating' } } }, skipInvalid: false });
    expect(d.items.map((i) => [i.id, i.low, i.points])).toEqual([
      ['Q1', 1, points],
      ['Q2', 1, 5],
      ['Q3', 1, 5],
    ]);
    expect(likertRecord(d.respondents.find((r) => r.line === 102)!.likert).Q1).toBe(q1);
  });

  test('the named column in the middle or at the end: the others are still read', async () => {
    for (const named of ['Q2', 'Q3']) {
      const d = await readDataset(
        [
          tmp.write(
            `three-${named}.csv`,
            three(400, (i) => String(1 + (i % 5))),
          ),
        ],
        {
          config: { columns: { [named]: { role: 'likert', scale: 'agreement' } }, scales: { agreement: { labels: labels(1, 5) } } },
          skipInvalid: false,
        },
      );
      expect(d.items.map((i) => i.id)).toEqual(['Q1', 'Q2', 'Q3']);
    }
  });
});
