// Submit times whose day and month order nothing settles (every day and month 12 or less, padded,
// no align.yml dateOrder): the order is asked for only when it changes what the times decide, which
// of one respondent's submissions is the later (ARCHITECTURE.md, "Duplicates"); otherwise the run
// reads on with a note. Expected instants are written with Date.UTC (month 0-based).

import { afterAll, describe, expect, it } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { inputError, longStacksSubmittedTwice, readText } from '../helpers/read.js';
import { tempFolder } from './temp-files.js';

const folder = tempFolder();
afterAll(() => folder.remove());

/** A plain table: p0@x.example answers on line 2 (5,3,3,5) and again on line 5 (1,1,1,1); 02/02/2025 and 03/03/2025 read one way only. */
const plain = (first: string, again: string) =>
  [
    'respondent_id,email,submitted,role,department,Q1,Q2,Q3,Q4',
    `R00,p0@x.example,${first},Executive,Ops,5,3,3,5`,
    'R01,p1@x.example,02/02/2025 10:00,Executive,Sales,1,4,2,1',
    'R02,p2@x.example,03/03/2025 10:00,Manager,Ops,2,1,3,4',
    `R99,p0@x.example,${again},Executive,Ops,1,1,1,1`,
  ].join('\n');

const p0 = (dataset: Awaited<ReturnType<typeof readDataset>>) => dataset.respondents.filter((r) => r.email === 'p0@x.example');

describe('readDataset: a plain table whose dates could be day first or month first', () => {
  it('reads on when both readings keep the same submission (03/02 is after 02/01 either way), with a note', async () => {
    // month first: 2 March against 1 February; day first: 3 February against 2 January
    const dataset = await readText(folder, 'either-way.csv', plain('03/02/2025 10:00', '02/01/2025 10:00'));
    expect(p0(dataset).map((r) => [r.line, Object.values(likertRecord(r.likert))])).toEqual([[2, [5, 3, 3, 5]]]);
    expect(dataset.excluded).toEqual([
      expect.objectContaining({ line: 5, kind: 'duplicate', reason: 'duplicate (same email): replaced by the later submission on line 2' }),
    ]);
    expect(dataset.notes).toEqual([
      expect.objectContaining({
        line: 1,
        note: 'submit times in "submitted" could be day first or month first (every day and month is 12 or less); both readings keep the same submission of each respondent, so align read on without choosing (align.yml dateOrder: dmy or mdy would settle it)',
      }),
    ]);
    // a time that depends on the order is not guessed; one that reads the same both ways is kept
    expect(p0(dataset)[0]!.submitted).toBeNull();
    expect(dataset.respondents.find((r) => r.email === 'p1@x.example')!.submitted).toBe(Date.UTC(2025, 1, 2, 10));
  });

  it('reads on without a word of dates when align.yml says the order', async () => {
    const dataset = await readText(folder, 'either-way-told.csv', plain('03/02/2025 10:00', '02/01/2025 10:00'), { config: { dateOrder: 'dmy' } });
    expect(dataset.notes).toEqual([]);
    expect(p0(dataset)[0]!.submitted).toBe(Date.UTC(2025, 1, 3, 10));
  });

  it('stops when the readings keep different submissions, on the first row they treat differently, naming dateOrder', async () => {
    // month first: line 2 is 1 February, line 5 2 January (line 2 kept); day first: 2 January and 1 February (line 5 kept)
    const text = plain('02/01/2025 10:00', '01/02/2025 10:00');
    const e = await inputError(() => readText(folder, 'decides.csv', text));
    expect([e.line, e.column]).toEqual([2, 'submitted']);
    expect(e.message).toContain('the submit times could be day first or month first ("02/01/2025 10:00"');
    expect(e.message).toContain('read month first: kept; read day first: "duplicate (same email): replaced by the later submission on line 5"');
    expect(e.message).toContain('dateOrder: dmy');
    const dmy = await readText(folder, 'decides-dmy.csv', text, { config: { dateOrder: 'dmy' } });
    expect(p0(dmy).map((r) => r.line)).toEqual([5]);
    const mdy = await readText(folder, 'decides-mdy.csv', text, { config: { dateOrder: 'mdy' } });
    expect(p0(mdy).map((r) => r.line)).toEqual([2]);
  });

  it('weighs a duplicate in another file read by its own order (ISO): stops only when the order decides', async () => {
    const other = (time: string) =>
      [
        'email,submitted,role,Q1,Q2,Q3,Q4',
        `p0@x.example,${time},Executive,2,2,2,2`,
        'p7@x.example,2025-01-05 10:00,Manager,1,2,3,4',
        'p8@x.example,2025-01-06 10:00,Manager,4,5,1,2',
      ].join('\n');
    const a = folder.write('a.csv', plain('03/02/2025 10:00', '03/02/2025 10:00').split('\n').slice(0, 4).join('\n'));
    // 20 January is before 3 February and 2 March: line 2 of a.csv is the later either way
    const before = await readDataset([a, folder.write('b-before.csv', other('2025-01-20 10:00'))], { config: {}, skipInvalid: false });
    expect(p0(before).map((r) => [r.file, r.line])).toEqual([[a, 2]]);
    // 10 February falls between them: the order decides
    const e = await inputError(() => readDataset([a, folder.write('b-between.csv', other('2025-02-10 10:00'))], { config: {}, skipInvalid: false }));
    expect([e.file, e.line]).toEqual([a, 2]);
    expect(e.message).toContain('dateOrder: dmy');
  });

  it('a later piece of a large file with a day above 12 settles the order the first piece left open', async () => {
    // the first piece (4 records) is all padded days of 12 or less; line 40 says 25/03, so the file is day first
    const rows = Array.from({ length: 40 }, (_, i) => `R${i},p${i}@x.example,${i === 38 ? '25/03' : '02/01'}/2025 10:00,Manager,Ops,3,3,3,3`);
    const text = ['respondent_id,email,submitted,role,department,Q1,Q2,Q3,Q4', ...rows, 'R99,p0@x.example,01/02/2025 10:00,Executive,Ops,1,1,1,1'].join('\n');
    const file = folder.write('pieces.csv', text);
    const whole = await readDataset([file], { config: {}, skipInvalid: false });
    const pieces = await readDataset([file], { config: {}, skipInvalid: false, pieceBytes: 256, headRecords: 4 });
    for (const dataset of [whole, pieces]) {
      // day first: 1 February (line 42) is after 2 January (line 2)
      expect(p0(dataset).map((r) => [r.line, r.submitted])).toEqual([[42, Date.UTC(2025, 1, 1, 10)]]);
      expect(dataset.notes.filter((n) => /submit times/.test(n.note))).toEqual([]);
    }
  });
});

describe('readDataset: a long-format stacks file whose dates could be either way', () => {
  const long = longStacksSubmittedTwice;

  it('keeps the submission that is later both ways (03/02 after 02/01), with the note', async () => {
    const dataset = await readText(folder, 'long-either.csv', long('03/02/2026 09:00', '02/01/2026 09:00'));
    expect(dataset.respondents.find((r) => r.toolId === 'Ada')!.stack.map((e) => e.priority)).toEqual(['growth', 'cost']);
    expect(dataset.excluded.map((e) => [e.line, e.kind])).toEqual([
      [6, 'duplicate'],
      [7, 'duplicate'],
    ]);
    expect(dataset.notes.map((n) => n.note)).toEqual([expect.stringMatching(/^submit times in "submitted" could be day first or month first/)]);
  });

  it('stops when the order decides which submission is the later, naming dateOrder, --skip-invalid or not', async () => {
    const text = long('02/01/2026 09:00', '01/02/2026 09:00');
    for (const skipInvalid of [false, true]) {
      const e = await inputError(() => readText(folder, 'long-decides.csv', text, { skipInvalid }));
      expect([e.line, e.column]).toEqual([2, 'submitted']);
      expect(e.message).toContain('could be day first or month first ("02/01/2026 09:00"');
      expect(e.message).toContain(
        'read month first: kept; read day first: "duplicate (same respondent, submitted again): superseded by the later submission on line 6"',
      );
      expect(e.message).toContain('dateOrder: dmy');
    }
  });

  it('stops when one reading alone stops the run (02/01 month first is the ISO time of the other submission)', async () => {
    const e = await inputError(() => readText(folder, 'long-one-way.csv', long('02/01/2026 09:00', '2026-02-01 09:00')));
    expect(e.message).toContain('read month first they stop the run: "2026-02-01 09:00" and "02/01/2026 09:00" are the same time written two ways');
    expect(e.message).toContain('dateOrder: dmy');
  });
});

describe('readDataset: Google Forms whose timestamps nothing orders', () => {
  const sheet = (first: string, second: string) =>
    [
      'Timestamp,Email Address,Your name,Your role,Q1,Q2,Q3',
      `${first},ann@example.com,Ann,Executive,5,5,5`,
      `${second},ann@example.com,Ann,Executive,1,1,1`,
      `${second},bob@example.com,Bob,Manager,3,3,3`,
    ].join('\n');

  it('reads on when both readings keep the same answer (10/11 is after 10/10 either way)', async () => {
    const dataset = await readText(folder, 'gf-either.csv', sheet('10/11/2025 09:00:00', '10/10/2025 10:00:00'));
    expect(dataset.files[0]!.format).toBe('google-forms');
    const ann = dataset.respondents.find((r) => r.name === 'Ann')!;
    expect([ann.line, Object.values(likertRecord(ann.likert))]).toEqual([2, [5, 5, 5]]);
    expect(dataset.notes.map((n) => n.note)).toEqual([expect.stringMatching(/^submit times in "Timestamp" could be day first or month first/)]);
  });
});
