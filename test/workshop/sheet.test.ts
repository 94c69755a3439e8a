// The stacks sheet align collect writes and reads back (src/workshop/sheet.ts).
import { mkdirSync, mkdtempSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { appendStack, checkSheetTarget, findSubmission, readSheet, sheetTextProblem } from '../../src/workshop/sheet.js';

const sheetIn = () => join(mkdtempSync(join(tmpdir(), 'align-sheet-')), 'stacks.csv');
const stack = (respondent: string, submitted: string, ranked: string[], unranked: string[] = []) => ({
  respondent,
  role: 'Executive',
  department: 'Sales, North', // a comma: quoted by csv-stringify
  submitted,
  ranked,
  unranked,
});

describe('appendStack(path, stack)', () => {
  it('writes the header once, then one row per priority with a blank rank for the unranked; quotes what needs it', () => {
    const file = sheetIn();
    appendStack(file, stack('Ada', '2026-03-01T09:00:00.000Z', ['Growth', 'Margin "now"'], ['Talent']));
    appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Talent']));
    expect(readFileSync(file, 'utf8')).toBe(
      [
        'respondent,role,department,submitted,priority,rank',
        'Ada,Executive,"Sales, North",2026-03-01T09:00:00.000Z,Growth,1',
        'Ada,Executive,"Sales, North",2026-03-01T09:00:00.000Z,"Margin ""now""",2',
        'Ada,Executive,"Sales, North",2026-03-01T09:00:00.000Z,Talent,',
        'Ben,Executive,"Sales, North",2026-03-01T09:05:00.000Z,Talent,1',
        '',
      ].join('\n'),
    );
  });

  // third QA pass: French and German Excel save CSV with semicolons; comma rows after them broke the sheet
  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
  ])("appends in the sheet's own delimiter (%s, a %s sheet saved by a spreadsheet), so align reads it back", (d) => {
    const file = sheetIn();
    writeFileSync(
      file,
      `\ufeff${['respondent', 'role', 'department', 'submitted', 'priority', 'rank'].join(d)}\r\nAda${d}Executive${d}${d}2026-03-01T09:00:00.000Z${d}Growth${d}1\r\n`,
    );
    appendStack(file, stack('Ben, Jr', '2026-03-01T09:05:00.000Z', ['Talent']));
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[2]).toBe(['Ben, Jr', 'Executive', 'Sales, North', '2026-03-01T09:05:00.000Z', 'Talent', '1'].join(d));
    expect(readSheet(file).submissions.map((s) => s.respondent)).toEqual(['Ada', 'Ben, Jr']);
  });

  it('starts on a line of its own after a sheet edited by hand that ends without a line break', () => {
    const file = sheetIn();
    writeFileSync(file, 'respondent,role,department,submitted,priority,rank\nAda,Executive,,,Growth,1');
    appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Growth']));
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      'respondent,role,department,submitted,priority,rank',
      'Ada,Executive,,,Growth,1',
      'Ben,Executive,"Sales, North",2026-03-01T09:05:00.000Z,Growth,1',
      '',
    ]);
  });
});

describe('readSheet(path)', () => {
  it('an absent file holds nothing; a file with another header is refused', () => {
    expect(readSheet(join(tmpdir(), 'no-such-align-sheet.csv'))).toEqual({ priorities: [], submissions: [], roles: [], departments: [], identity: null });
    const other = sheetIn();
    writeFileSync(other, 'name,priority,rank\n');
    expect(() => readSheet(other)).toThrow(UsageError);
  });

  it("keeps each participant's latest submission by the reader's rule, in the order first seen, with the values to offer again", () => {
    const file = sheetIn();
    appendStack(file, stack('Ada', '2026-03-01T09:00:00.000Z', ['Growth', 'Margin'], ['Talent']));
    appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Talent', 'Growth'], ['Margin']));
    appendStack(file, { ...stack('Ada', '2026-03-01T09:10:00.000Z', ['Talent', 'Margin'], ['Growth']), department: 'Ops' });
    const state = readSheet(file);
    expect(state.priorities).toEqual(['Growth', 'Margin', 'Talent']);
    expect(state.roles).toEqual(['Executive']);
    expect(state.departments).toEqual(['Sales, North', 'Ops']);
    expect(state.submissions.map((s) => [s.respondent, s.department, s.ranked, s.unranked])).toEqual([
      ['Ada', 'Ops', ['Talent', 'Margin'], ['Growth']],
      ['Ben', 'Sales, North', ['Talent', 'Growth'], ['Margin']],
    ]);
    expect(findSubmission(state, '  ADA ')?.respondent).toBe('Ada');
    expect(findSubmission(state, 'Cleo')).toBeUndefined();
  });

  it('a blank time among two stops with the physical line (blank lines counted), as align stack would', () => {
    const file = sheetIn();
    writeFileSync(
      file,
      [
        'respondent,role,department,submitted,priority,rank',
        'Ada,Executive,,2026-03-01T09:00:00Z,Growth,1',
        '',
        'Ada,Executive,,2026-03-01T09:10:00Z,Growth,1',
        'Ada,Executive,,,Margin,2',
        '',
      ].join('\n'),
    );
    try {
      readSheet(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).line).toBe(5);
    }
  });
});

describe('sheetTextProblem(text)', () => {
  it('refuses empty text, control characters and a formula start; accepts names as people write them', () => {
    expect(['', '  ', 'Ada\u0007', 'a\u202eb', '=SUM(A1)', '+1', '-x', '@me'].map(sheetTextProblem)).toEqual([
      'empty',
      'empty',
      'control',
      'control',
      'formula',
      'formula',
      'formula',
      'formula',
    ]);
    expect(['Ada Okafor', 'José Díaz', 'R&D', "O'Brien", '3rd line'].map(sheetTextProblem)).toEqual([null, null, null, null, null]);
  });
});

describe("appendStack: the sheet's own line ending (QA 16, item 4)", () => {
  const HEADER = 'respondent,role,department,submitted,priority,rank';
  it('appends CRLF rows to a CRLF sheet (a spreadsheet save), so the reader sees one row a line', () => {
    const file = sheetIn();
    writeFileSync(file, `\uFEFF${HEADER}\r\nAda,Executive,,2026-03-01T09:00:00.000Z,Growth,1\r\nAda,Executive,,2026-03-01T09:00:00.000Z,Margin,2\r\n`);
    appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Margin', 'Growth']));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')).toHaveLength(6); // header, 4 rows, and the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(readSheet(file).submissions.map((s) => [s.respondent, s.ranked])).toEqual([
      ['Ada', ['Growth', 'Margin']],
      ['Ben', ['Margin', 'Growth']],
    ]);
  });

  it('a CRLF sheet without a final line break gets a CRLF before the rows', () => {
    const file = sheetIn();
    writeFileSync(file, `${HEADER}\r\nAda,Executive,,2026-03-01T09:00:00.000Z,Growth,1`);
    appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Growth']));
    expect(readFileSync(file, 'utf8')).toBe(
      `${HEADER}\r\nAda,Executive,,2026-03-01T09:00:00.000Z,Growth,1\r\nBen,Executive,"Sales, North",2026-03-01T09:05:00.000Z,Growth,1\r\n`,
    );
  });
});

describe('appendStack with the identity read: a sheet deleted or replaced mid-session (QA 16, item 7)', () => {
  it('refuses to write into a sheet deleted, replaced or grown since it was read, naming whose stack was not saved', () => {
    const file = sheetIn();
    const first = appendStack(file, stack('Ada', '2026-03-01T09:00:00.000Z', ['Growth']), null);
    expect(() => appendStack(file, stack('Ben', '2026-03-01T09:05:00.000Z', ['Growth']), first)).not.toThrow();
    const state = readSheet(file);
    unlinkSync(file);
    expect(() => appendStack(file, stack('Cleo', '2026-03-01T09:10:00.000Z', ['Growth']), state.identity)).toThrow(
      /stacks\.csv was deleted during the session, so Cleo's stack \(on the screen above\) was not saved/,
    );
    expect(() => readFileSync(file)).toThrow(); // nothing written: no new file started
    writeFileSync(`${file}.new`, 'respondent,role,department,submitted,priority,rank\n');
    renameSync(`${file}.new`, file);
    expect(() => appendStack(file, stack('Cleo', '2026-03-01T09:10:00.000Z', ['Growth']), state.identity)).toThrow(UsageError);
  });
});

describe('checkSheetTarget: what cannot take a stack is said before the first participant (QA 16, item 6)', () => {
  it('a folder, a missing folder, a device; a new file in a writable folder is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-target-'));
    mkdirSync(join(dir, 'adir'));
    expect(() => checkSheetTarget(join(dir, 'adir'))).toThrow(/adir is a folder; name the stacks sheet inside it/);
    expect(() => checkSheetTarget(join(dir, 'nodir', 'x.csv'))).toThrow(/the folder .*nodir does not exist/);
    expect(() => checkSheetTarget('/dev/null')).toThrow(/not a regular file/);
    expect(() => checkSheetTarget(join(dir, 'new.csv'))).not.toThrow();
  });
});
