// Silent misreadings a black-box QA pass found on issue 14 (D3-D8), each now read as the file means
// or stopped with one line naming the align.yml setting that settles it. The files are the QA's
// synthetic cases (test/fixtures/qa14/).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asMiddle, findScale, labelKey } from '../../src/ingest/likert.js';
import { excelDate, generalNumber } from '../../src/ingest/workbook.js';
import { longStacksSubmittedTwice } from '../helpers/read.js';
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

  it('dates that could be either way stop the run when the way decides which submission is later (02/01 or 01/02), naming align.yml dateOrder', async () => {
    const run = await runAlign(['audit', at('generic-padded-dates-dup.csv'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/generic-padded-dates-dup\.csv:2:"submitted": the submit times could be day first or month first .*dateOrder: dmy/);
    const inspect = await runAlign(['inspect', at('generic-padded-dates-dup.csv')]);
    expect(inspect.code).toBe(2);
  });

  // p0@x.example answers twice (lines 2 and 14); every day and month is 12 or less and the dates are padded.
  const plain = (first: string, again: string) =>
    [
      'respondent_id,email,submitted,role,department,Q1,Q2,Q3,Q4',
      `R00,p0@x.example,${first},Executive,Ops,5,3,3,5`,
      ...Array.from({ length: 11 }, (_, i) => {
        const n = i + 1;
        return `R${String(n).padStart(2, '0')},p${n}@x.example,${String((n % 12) + 1).padStart(2, '0')}/${String((n % 3) + 1).padStart(2, '0')}/2025 10:00,${n < 6 ? 'Executive' : 'Manager'},${n % 2 ? 'Sales' : 'Ops'},${(n % 5) + 1},${((n + 1) % 5) + 1},${((n + 2) % 5) + 1},${((n + 3) % 5) + 1}`;
      }),
      `R99,p0@x.example,${again},Executive,Ops,1,1,1,1`,
    ].join('\n');

  it('dates that could be either way read on when neither way changes a result: 03/02 is later than 02/01 either way, so line 14 goes', async () => {
    // month first: 2 March against 1 February; day first: 3 February against 2 January. Line 2 is the later
    // submission both ways, so the order decides nothing (file order alone would keep line 14).
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    try {
      const file = join(folder, 'padded-either-way.csv');
      writeFileSync(file, `${plain('03/02/2025 10:00', '02/01/2025 10:00')}\n`);
      const run = await runAlign(['audit', file, '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as Json;
      expect(json.input.respondents).toBe(12);
      expect(json.input.excluded).toEqual([
        expect.objectContaining({ line: 14, kind: 'duplicate', reason: 'duplicate (same email): replaced by the later submission on line 2' }),
      ]);
      expect(json.input.notes).toEqual([
        expect.objectContaining({
          line: 1,
          note: expect.stringMatching(/^submit times in "submitted" could be day first or month first \(every day and month is 12 or less\).*dateOrder/),
        }),
      ]);
      const inspect = await runAlign(['inspect', file]);
      expect(inspect.code).toBe(0);
      expect(inspect.stdout).toMatch(/dates +"submitted" not read day or month first: every day and month is 12 or less/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('dates whose order decides which submission is later still stop, on the row it decides, naming dateOrder', async () => {
    // month first: line 2 is 1 February, line 14 2 January (line 2 kept); day first: 2 January and 1 February (line 14 kept)
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    try {
      const file = join(folder, 'padded-decides.csv');
      writeFileSync(file, `${plain('02/01/2025 10:00', '01/02/2025 10:00')}\n`);
      const run = await runAlign(['audit', file, '--format', 'json']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/padded-decides\.csv:2:"submitted": the submit times could be day first or month first \("02\/01\/2025 10:00"/);
      expect(run.stderr).toContain('read day first: "duplicate (same email): replaced by the later submission on line 14"');
      expect(run.stderr).toContain('in align.yml: dateOrder: dmy (day first, 31/12/2025) or dateOrder: mdy (month first, 12/31/2025)');
      writeFileSync(join(folder, 'align.yml'), 'dateOrder: dmy\n');
      const settled = await runAlign(['audit', file, '--format', 'json', '--config', join(folder, 'align.yml')]);
      expect(settled.code).toBe(0);
      expect((JSON.parse(settled.stdout) as Json).input.excluded.map((e: Json) => e.line)).toEqual([2]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
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

describe('D4: labels a 5-point scale and its 7-point twin both read', () => {
  it('when the two readings order the labels differently, exit 2 naming the labels, both readings and the align.yml fix', async () => {
    const run = await runAlign(['audit', at('fr7-ambig.csv'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      `the answers ("Pas d'accord", "Plutôt d'accord", "Tout à fait d'accord") are labels of both the 5-point agreement scale (2, 4, 5 of 5) and the 7-point agreement-7 scale (2, 5, 7 of 7), and no answer tells which the survey used`,
    );
    expect(run.stderr).toContain(`scales: {agreement-7: {labels: {"Plutôt d'accord": 5}}} reads them on 7 points`);
    const de = await runAlign(['audit', at('de7-ambig.csv'), '--format', 'json']);
    expect(de.code).toBe(2);
    expect(de.stderr).toMatch(/5-point agreement scale \(1, 2, 4, 5 of 5\) and the 7-point agreement-7 scale \(1, 3, 5, 7 of 7\)/);
  });

  it('the fix it names settles the reading either way', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    const seven = join(folder, 'seven.yml');
    const five = join(folder, 'five.yml');
    writeFileSync(seven, `scales:\n  agreement-7:\n    labels:\n      "Plutôt d'accord": 5\n`);
    writeFileSync(five, `scales:\n  agreement:\n    labels:\n      "Plutôt d'accord": 4\n`);
    const on7 = await auditJson('fr7-ambig.csv', '--config', seven);
    const on5 = await auditJson('fr7-ambig.csv', '--config', five);
    expect(on7.json.survey.items.map((i: Json) => i.points)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(on5.json.survey.items.map((i: Json) => i.points)).toEqual([5, 5, 5, 5, 5, 5]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('labels that sit where the 5-point scale puts its own read on 5 points, with a note when a point of it went unanswered', async () => {
    const { code, json } = await auditJson('es7-noalgo.csv');
    expect(code).toBe(0);
    expect(json.survey.items[0].points).toBe(5);
    expect(json.input.notes).toEqual([
      expect.objectContaining({
        note: expect.stringMatching(
          /^the answers \("Totalmente en desacuerdo", "En desacuerdo", "De acuerdo", "Totalmente de acuerdo"\) of column "Q1" and 5 more read with it are labels of both .* read on 5 points; if the survey used 7, say so in align\.yml: scales: \{agreement-7: /,
        ),
      }),
    ]);
  });

  it('English 5-point labels, every point answered, read on 5 points without a note', async () => {
    const { code, json } = await auditJson('../exports/google-forms.csv');
    expect(code).toBe(0);
    expect(json.survey.items.every((i: Json) => i.points === 5)).toBe(true);
    expect(json.input.notes).toEqual([]);
  });

  it('inspect says a column is read on the scale the audit uses (fr7-full Q2: 7 points with its question)', async () => {
    const inspect = await runAlign(['inspect', at('fr7-full.csv')]);
    expect(inspect.stdout).toMatch(/Q2 +likert .*answers are labels of the agreement scale .*; read on the agreement-7 scale \(7 points\)/);
    const { json } = await auditJson('fr7-full.csv');
    expect(json.survey.items.find((i: Json) => i.id === 'Q2').points).toBe(7);
  });
});

describe('D5: "Sans opinion" as the middle of a French scale', () => {
  it('read as 3 of 5 where no other answer is the middle, with a note counting its answers', async () => {
    const { code, json } = await auditJson('fr5-sansopinion-mid.csv');
    expect(code).toBe(0);
    expect(json.survey.items.map((i: Json) => [i.points, i.overall.n])).toEqual(Array.from({ length: 6 }, () => [5, 12]));
    // the same answers written as numbers (the QA's fr5-num.csv): Q3 favourable 0.5, mean 3.17
    const q3 = json.survey.items.find((i: Json) => i.id === 'Q3');
    expect(q3.overall.favourable).toBe(0.5);
    expect(q3.overall.mean).toBeCloseTo(3.1667, 4);
    expect(json.input.notes).toEqual([
      expect.objectContaining({
        note: '"Sans opinion" (8 answers in column "Q1" and 5 more read with it) is read as the middle of the agreement scale (3 of 5), which no other answer there is; if it means no answer, say so in align.yml: scales: {agreement: {labels: {}, missing: ["Sans opinion"]}}',
      }),
    ]);
  });

  it('the align.yml the note names reads it as no answer', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    const config = join(folder, 'align.yml');
    writeFileSync(config, 'scales:\n  agreement:\n    labels: {}\n    missing: ["Sans opinion"]\n');
    const { json } = await auditJson('fr5-sansopinion-mid.csv', '--config', config);
    expect(json.survey.items.find((i: Json) => i.id === 'Q3').overall.n).toBe(10);
    rmSync(folder, { recursive: true, force: true });
  });

  it("beside the scale's own middle (\"Ni d'accord ni pas d'accord\") it stays no answer", () => {
    const agreement = findScale('agreement')!;
    expect(asMiddle(["D'accord", 'Sans opinion', "Pas d'accord"], agreement)?.scale.labels.get(labelKey('Sans opinion'))).toBe(3);
    expect(asMiddle(["D'accord", 'Sans opinion', "Ni d'accord ni pas d'accord"], agreement)).toBeNull();
    // English "No opinion" stays no answer: English questionnaires write it beside a forced-choice scale
    expect(asMiddle(['Agree', 'No opinion', 'Disagree'], agreement)).toBeNull();
  });
});

describe('D7: labels no scale reads for the way they were written', () => {
  it('text decoded with the wrong encoding: exit 2 naming the labels and --encoding, not "no Likert items"', async () => {
    const run = await runAlign(['audit', at('fr5-mojibake.csv'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('fr5-mojibake.csv:1:"Q1": the answers ("Dâ€™accord", "Pas dâ€™accord"');
    expect(run.stderr).toContain('look like text decoded with the wrong encoding ("â€™" is how Windows-1252 shows the bytes of one UTF-8 character)');
    expect(run.stderr).toContain('pass --encoding');
    expect(run.stderr).not.toContain('no Likert items');
  });

  it('labels in a language align.yml languages leaves out: exit 2 naming them and the language to add', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    const config = join(folder, 'align.yml');
    writeFileSync(config, 'languages: [de]\n');
    const run = await runAlign(['audit', at('fr5.csv'), '--format', 'json', '--config', config]);
    rmSync(folder, { recursive: true, force: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `the answers ("D'accord", "Pas d'accord", "Pas du tout d'accord", "Tout à fait d'accord", "Ni d'accord ni pas d'accord") are labels of the agreement scale in French, which align.yml languages (de) leaves out; add fr to align.yml languages: [de, fr]`,
    );
  });
});

describe('D8: a workbook Likert column formatted as dates', () => {
  it('small whole numbers in date cells read as the numbers, with a note inspect and audit both give', async () => {
    const { code, json } = await auditJson('num-datestyle.xlsx');
    const plain = await auditJson('num-plain.xlsx');
    expect(code).toBe(0);
    const summary = (j: Json) => j.survey.items.map((i: Json) => [i.id, i.points, i.overall.n, i.overall.mean]);
    expect(summary(json)).toEqual(summary(plain.json));
    const note =
      'column "Q1": 12 cells formatted as dates hold whole numbers (5 shows as 1900-01-05): read as the numbers, as no survey holds dates of early 1900; format the column as Number in the workbook to silence this';
    expect(json.input.notes).toEqual([expect.objectContaining({ line: 2, note })]);
    const inspect = await runAlign(['inspect', at('num-datestyle.xlsx')]);
    expect(inspect.stdout).toContain(note);
    expect(inspect.stdout).toMatch(/Q1 +likert/);
  });
});

describe('D3: a long-format stacks file reads its submit times by the same rule', () => {
  const csv = longStacksSubmittedTwice;

  it('25/02 is day first: the submission on lines 2-3 (25 February) is the later one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'align-qa14-'));
    const file = join(folder, 'stacks.csv');
    writeFileSync(file, `${csv('25/02/2026 09:00', '02/01/2026 09:00')}\n`);
    const run = await runAlign(['stack', file, '--json']);
    // padded, every day and month 12 or less: 3 February or 2 March is after 2 January or 1 February either way
    const padded = join(folder, 'padded.csv');
    writeFileSync(padded, `${csv('03/02/2026 09:00', '02/01/2026 09:00')}\n`);
    const either = await runAlign(['stack', padded, '--json']);
    // 2 January or 1 February against 1 February or 2 January: the way decides
    const deciding = join(folder, 'deciding.csv');
    writeFileSync(deciding, `${csv('02/01/2026 09:00', '01/02/2026 09:00')}\n`);
    const open = await runAlign(['stack', deciding, '--json']);
    rmSync(folder, { recursive: true, force: true });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stack.raters.find((r: Json) => r.name === 'Ada').ranks).toEqual({ Growth: 1, Cost: 2 });
    expect(result.input.excluded.map((e: Json) => e.line)).toEqual([6, 7]);
    expect(either.code).toBe(0);
    expect(JSON.parse(either.stdout).input.excluded.map((e: Json) => e.line)).toEqual([6, 7]);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/deciding\.csv:2:"submitted": the submit times could be day first or month first .*dateOrder: dmy/);
  });
});
