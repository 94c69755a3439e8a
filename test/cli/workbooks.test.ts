// Acceptance (issue 14, workbooks): each synthetic Northwind export saved as an .xlsx by
// scripts/make-workbooks.mjs (test/fixtures/xlsx/) gives the same AuditResult JSON as its CSV,
// input.files[] aside; --sheet picks a sheet by name or number; bad workbooks (password-protected,
// truncated, .xls, .ods, an empty first sheet) each give one line and exit 2 through the built CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_ID } from '../../src/audit/schema.js';
import { EXPORTS } from '../helpers/read.js';
import { BIN, ROOT, runAlign, spawnAlign } from '../helpers/run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const XLSX = join(ROOT, 'test/fixtures/xlsx');
const BAD = join(XLSX, 'bad');

/** The text files of ../shared/fixtures/exports (copied to test/fixtures/exports), with the config two of them need. */
const PAIRS: Array<{ file: string; config?: string; headerRows: number; format: string }> = [
  { file: 'google-forms.csv', headerRows: 1, format: 'google-forms' },
  { file: 'google-forms-semicolon.csv', headerRows: 1, format: 'google-forms' },
  { file: 'limesurvey.csv', config: 'limesurvey.align.yml', headerRows: 1, format: 'limesurvey' },
  { file: 'limesurvey-fulltext.csv', headerRows: 1, format: 'limesurvey' },
  { file: 'microsoft-forms.csv', headerRows: 1, format: 'microsoft-forms' },
  { file: 'microsoft-forms-utf16le.txt', headerRows: 1, format: 'microsoft-forms' },
  { file: 'microsoft-forms-windows1252.csv', headerRows: 1, format: 'microsoft-forms' },
  { file: 'northwind-canonical.csv', headerRows: 1, format: 'generic' },
  { file: 'northwind-channels-long.csv', headerRows: 1, format: 'generic' },
  { file: 'northwind-rankings-long.csv', headerRows: 1, format: 'generic' },
  { file: 'northwind-respondents.csv', headerRows: 1, format: 'generic' },
  { file: 'qualtrics.csv', headerRows: 3, format: 'qualtrics' },
  { file: 'qualtrics-numeric.csv', config: 'northwind.align.yml', headerRows: 3, format: 'qualtrics' },
  { file: 'surveymonkey.csv', headerRows: 2, format: 'surveymonkey' },
  { file: 'typeform.csv', headerRows: 1, format: 'typeform' },
];

const workbookOf = (file: string) => join(XLSX, file.replace(/\.(csv|txt)$/, '.xlsx'));

/** The output with every mention of `path` (and a workbook's `path:Sheet`) written as FILE: the two runs name different files. */
function neutral(text: string, path: string): string {
  return text.split(`${path}:Sheet1`).join('FILE').split(path).join('FILE');
}

async function audit(path: string, config?: string) {
  return runAlign(['audit', path, '--format', 'json', ...(config ? ['--config', join(EXPORTS, config)] : [])]);
}

let validate: ReturnType<Ajv2020['compile']>;
beforeAll(async () => {
  const run = await runAlign(['schema']);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(JSON.parse(run.stdout));
  validate = ajv.getSchema(SCHEMA_ID) as ReturnType<Ajv2020['compile']>;
});

describe('align audit on a workbook and on its CSV', () => {
  for (const p of PAIRS) {
    it(`${p.file}: the same result, input.files[] aside`, async () => {
      const csvPath = join(EXPORTS, p.file);
      const xlsxPath = workbookOf(p.file);
      const csv = await audit(csvPath, p.config);
      const xlsx = await audit(xlsxPath, p.config);
      expect(xlsx.code).toBe(csv.code);
      expect(neutral(xlsx.stderr, xlsxPath)).toBe(neutral(csv.stderr, csvPath));
      if (csv.code !== 0) {
        // a file align cannot audit alone (a respondents or a long channels table): the same refusal, naming the sheet
        expect(csv.code).toBe(2);
        expect(xlsx.stderr).toContain(`${xlsxPath}:Sheet1: `);
        return;
      }
      const a: Json = JSON.parse(csv.stdout);
      const b: Json = JSON.parse(xlsx.stdout);
      expect(b.input.files).toEqual([
        {
          path: xlsxPath,
          format: p.format,
          encoding: null,
          bom: false,
          delimiter: null,
          sheet: 'Sheet1',
          rows: a.input.files[0].rows,
          headerRows: p.headerRows,
        },
      ]);
      expect(a.input.files[0]).toMatchObject({ format: p.format, headerRows: p.headerRows });
      expect(validate(b), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      delete a.input.files;
      delete b.input.files;
      expect(neutral(JSON.stringify(b, null, 1), xlsxPath)).toBe(neutral(JSON.stringify(a, null, 1), csvPath));
    });
  }
});

describe('align inspect --write-config on a workbook', () => {
  for (const file of ['surveymonkey.csv', 'microsoft-forms.csv']) {
    it(`${file}: the config written from the workbook audits it as the CSV's config audits the CSV`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'align-xlsx-config-'));
      const results: string[] = [];
      for (const [path, config] of [
        [join(EXPORTS, file), join(dir, 'csv.yml')],
        [workbookOf(file), join(dir, 'xlsx.yml')],
      ] as const) {
        const inspect = await runAlign(['inspect', path, '--write-config', config]);
        expect(inspect.code).toBe(0);
        const run = await runAlign(['audit', path, '--config', config, '--format', 'json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const j = JSON.parse(run.stdout);
        delete j.input.files;
        results.push(neutral(JSON.stringify(j), path));
      }
      expect(results[1]).toBe(results[0]);
    });
  }
});

describe('align audit --sheet', () => {
  const expected = async () => {
    const run = await audit(join(EXPORTS, 'microsoft-forms.csv'));
    const j = JSON.parse(run.stdout);
    delete j.input.files;
    return neutral(JSON.stringify(j), join(EXPORTS, 'microsoft-forms.csv'));
  };
  const sheets = join(XLSX, 'sheets.xlsx');

  for (const sheet of ['Responses', '2', 'responses']) {
    it(`--sheet ${sheet} reads the second sheet, as the CSV reads`, async () => {
      const run = await runAlign(['audit', sheets, '--sheet', sheet, '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const j = JSON.parse(run.stdout);
      expect(j.input.files[0]).toMatchObject({ path: sheets, sheet: 'Responses', encoding: null, delimiter: null, rows: 30 });
      delete j.input.files;
      expect(neutral(JSON.stringify(j), sheets).replaceAll('FILE:Responses', 'FILE')).toBe(await expected());
    });
  }

  it('a sheet name the workbook lacks: exit 2, one line listing its sheets', async () => {
    const run = spawnAlign(['audit', sheets, '--sheet', 'Answers']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `align: ${sheets}: has no sheet "Answers"; give --sheet one of its sheets' names or numbers; its sheets are 1 "About", 2 "Responses"\n`,
    );
  });

  it('a sheet number past the last: exit 2, one line', async () => {
    const run = spawnAlign(['audit', sheets, '--sheet', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${sheets}: has no sheet number 3; give --sheet a number from 1 to 2 or a name; its sheets are 1 "About", 2 "Responses"\n`);
  });

  it('without --sheet the first sheet is read, and a message names it after the file', async () => {
    const run = await runAlign(['audit', sheets]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^align: ${sheets.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:About: none of the 1 data rows can be used`));
  });

  it('an empty --sheet is refused before anything is read', async () => {
    const run = await runAlign(['audit', sheets, '--sheet', ' ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: --sheet was given an empty value/);
  });

  it('stack and inspect take --sheet too', async () => {
    const stack = await runAlign(['stack', sheets, '--sheet', 'Responses', '--json']);
    expect(stack.stderr).toBe('');
    expect(stack.code).toBe(0);
    expect(JSON.parse(stack.stdout).input.files[0].sheet).toBe('Responses');
    const view = await runAlign(['stack', sheets, '--sheet', 'Responses']);
    expect(view.code).toBe(0);
    expect(view.stdout).toContain(`${sheets} (microsoft-forms, sheet Responses, 30 rows)`);
    const inspect = await runAlign(['inspect', sheets, '--sheet', '2']);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/^sheet\s+Responses$/m);
    expect(inspect.stdout).not.toMatch(/^delimiter/m);
  });

  it('--rankings reads a workbook, and a workbook survey takes one', async () => {
    const survey = join(EXPORTS, 'microsoft-forms.csv');
    const stacks = join(EXPORTS, 'northwind-rankings-long.csv');
    const csv = await runAlign(['audit', survey, '--rankings', stacks, '--format', 'json']);
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    const a = JSON.parse(csv.stdout);
    delete a.input.files;
    const want = neutral(neutral(JSON.stringify(a), stacks), survey);
    for (const [s, r] of [
      [survey, workbookOf('northwind-rankings-long.csv')],
      [workbookOf('microsoft-forms.csv'), workbookOf('northwind-rankings-long.csv')],
    ] as const) {
      const xlsx = await runAlign(['audit', s, '--rankings', r, '--format', 'json']);
      expect(xlsx.stderr).toBe('');
      expect(xlsx.code).toBe(0);
      const b = JSON.parse(xlsx.stdout);
      expect(b.input.files.at(-1)).toMatchObject({ path: r, sheet: 'Sheet1', encoding: null, delimiter: null });
      delete b.input.files;
      expect(neutral(neutral(JSON.stringify(b), r), s)).toBe(want);
    }
  });
});

describe('bad workbooks: one line, exit 2 (the built CLI)', () => {
  const cases: Array<{ file: string; says: string }> = [
    {
      file: 'encrypted.xlsx',
      says: 'is a password-protected workbook, which align cannot open; open it in Excel, remove the password',
    },
    {
      file: 'old-excel.xls',
      says: 'is an Excel 97-2003 workbook (.xls) or another Office binary file, which align does not read; open it in Excel and save it',
    },
    {
      file: 'truncated.xlsx',
      says: 'is a damaged workbook: its end is missing: the file is cut short or is no zip archive; download or export the workbook again',
    },
    { file: 'spreadsheet.ods', says: 'is an OpenDocument spreadsheet (.ods), which align does not read; open it in LibreOffice or Excel and save it' },
    {
      file: 'empty-first-sheet.xlsx',
      says: 'its sheet "Sheet1" is empty; name the sheet that holds the responses with --sheet; its sheets are 1 "Sheet1", 2 "Sheet2"',
    },
  ];
  for (const c of cases) {
    for (const command of ['audit', 'stack', 'inspect']) {
      it(`${command} ${c.file}`, () => {
        const path = join(BAD, c.file);
        const run = spawnAlign([command, path]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        const lines = run.stderr.split('\n').filter((l) => l !== '');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`align: ${path}: ${c.says}`);
      });
    }
  }

  it('a workbook piped to /dev/stdin reads as the file does (its bytes are read once)', () => {
    const piped = (file: string, command: string) =>
      spawnSync('sh', ['-c', `cat "$1" | "$2" "$3" ${command} /dev/stdin`, 'sh', file, process.execPath, BIN], { encoding: 'utf8' });
    const res = piped(workbookOf('microsoft-forms.csv'), 'inspect');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^sheet\s+Sheet1$/m);
    expect(res.stdout).toMatch(/30 data rows: 30 usable/);
    const encrypted = piped(join(BAD, 'encrypted.xlsx'), 'audit');
    expect(encrypted.status).toBe(2);
    expect(encrypted.stderr).toMatch(/^align: \/dev\/stdin: is a password-protected workbook/);
  });

  it('align diff, which compares audit results, says a workbook is the export and not its audit', () => {
    const file = workbookOf('microsoft-forms.csv');
    const run = spawnAlign(['diff', file, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${file}: is a spreadsheet, not an audit result; audit it first (align audit ${file} --format json -o audit.json), then give diff the output of align audit --format json\n`,
    );
  });

  it('a workbook is known by its content, not its name', () => {
    // the Microsoft Forms workbook saved under a .csv name reads as the workbook it is
    const dir = mkdtempSync(join(tmpdir(), 'align-xlsx-'));
    const renamed = join(dir, 'responses.csv');
    copyFileSync(workbookOf('microsoft-forms.csv'), renamed);
    const run = spawnAlign(['inspect', renamed]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^tool\s+microsoft-forms/m);
    expect(run.stdout).toMatch(/^sheet\s+Sheet1$/m);
  });
});
