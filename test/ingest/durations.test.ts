// Survey audit, part 2 (data quality: speeders): each respondent's time taken,
// read where the tool records it: Qualtrics' own count of seconds, else the
// start and end times of the same row (every tool's own pair of columns), else
// a plain table's column of seconds. Unreadable, negative or missing: absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/ingest/dataset.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import type { SurveyNormalised } from '../../src/ingest/plan/types.js';
import { durationCell, secondsBetween } from '../../src/ingest/timestamps.js';
import { canonical, EXPORTS, readExport, tableOf } from './northwind.js';
import { tempFolder } from './temp-files.js';

const byName = (n: SurveyNormalised, name: string) => n.rows.find((r) => r.name === name)!;

/** Reads a fixture's text after `change`, as align reads it (format detection, then the module). */
function readChanged(file: string, change: (text: string) => string): SurveyNormalised {
  const text = change(readFileSync(join(EXPORTS, file), 'utf8').replace(/^\uFEFF/, ''));
  const table = tableOf(file, text);
  return detectFormat(table).module.normalise(table, { config: {}, skipInvalid: false }) as SurveyNormalised;
}

describe('durationSeconds on the Northwind exports', () => {
  // northwind-respondents.csv's duration_s was written by the generator that made the exports:
  // an independent source for every row of every file that records a time taken.
  const expected = new Map(canonical.respondents.map((p) => [p.name!, Number(p.duration_s)]));

  it.each([
    'qualtrics.csv',
    'qualtrics-2016.csv',
    'qualtrics-numeric.csv',
    'surveymonkey.csv',
    'surveymonkey-contact.csv',
    'microsoft-forms.csv',
    'microsoft-forms-utf16le.txt',
    'microsoft-forms-windows1252.csv',
    'typeform.csv',
    'limesurvey-fulltext.csv',
    'limesurvey-codetext.csv',
  ])('%s: every row has the canonical duration_s', async (file) => {
    const { normalised } = await readExport(file);
    expect(normalised.rows).toHaveLength(30);
    for (const row of normalised.rows) expect(row.durationSeconds, row.name ?? '').toBe(expected.get(row.name!));
  });

  it('limesurvey.csv (codes, with its code book): startdate to submitdate', async () => {
    const { normalised } = await readExport('limesurvey.csv', { config: 'limesurvey.align.yml' });
    // row 1: "2025-03-03 09:27:10" (startdate) to "2025-03-03 09:30:57" (submitdate)
    expect(byName(normalised, 'Grace Mwangi').durationSeconds).toBe((Date.UTC(2025, 2, 3, 9, 30, 57) - Date.UTC(2025, 2, 3, 9, 27, 10)) / 1000);
    for (const row of normalised.rows) expect(row.durationSeconds, row.name ?? '').toBe(expected.get(row.name!));
  });

  it('microsoft-forms.csv: Start time to Completion time, from the cells themselves', async () => {
    const { normalised } = await readExport('microsoft-forms.csv');
    // line 2: 3/3/25 9:27:10 -> 3/3/25 9:30:57; line 3: 3/3/25 10:23:10 -> 3/3/25 10:26:28
    expect(byName(normalised, 'Grace Mwangi').durationSeconds).toBe((Date.UTC(2025, 2, 3, 9, 30, 57) - Date.UTC(2025, 2, 3, 9, 27, 10)) / 1000);
    expect(byName(normalised, 'Emily Zhang').durationSeconds).toBe((Date.UTC(2025, 2, 3, 10, 26, 28) - Date.UTC(2025, 2, 3, 10, 23, 10)) / 1000);
  });

  it('surveymonkey.csv: Start Date to End Date, 12-hour times', async () => {
    const { normalised } = await readExport('surveymonkey.csv');
    // 03/07/2025 03:44:30 PM -> 03/07/2025 03:52:07 PM
    expect(byName(normalised, 'Olivia Bennett').durationSeconds).toBe((Date.UTC(2025, 2, 7, 15, 52, 7) - Date.UTC(2025, 2, 7, 15, 44, 30)) / 1000);
  });

  it('google-forms.csv records no start time: no duration', async () => {
    const { normalised } = await readExport('google-forms.csv');
    expect(normalised.rows.every((r) => r.durationSeconds === undefined)).toBe(true);
  });
});

describe('Qualtrics: Duration (in seconds) first, then StartDate/EndDate', () => {
  // line 4 of qualtrics.csv: StartDate 2025-03-03 09:27:10, EndDate 2025-03-03 09:30:57, Duration 227
  const grace = (change: (cells: string[]) => void) =>
    byName(
      readChanged('qualtrics.csv', (text) => {
        const lines = text.split('\n');
        const i = lines.findIndex((l) => l.includes('Grace Mwangi'));
        const cells = lines[i]!.split(',');
        change(cells);
        lines[i] = cells.join(',');
        return lines.join('\n');
      }),
      'Grace Mwangi',
    );

  it('the tool count wins over the two times', () => {
    expect(grace((c) => (c[5] = '500')).durationSeconds).toBe(500);
  });

  it('a blank count: the times (Europe/London, one zone for both)', () => {
    expect(grace((c) => (c[5] = '')).durationSeconds).toBe((Date.UTC(2025, 2, 3, 9, 30, 57) - Date.UTC(2025, 2, 3, 9, 27, 10)) / 1000);
  });

  it('a negative count and an end before the start: absent, never negative', () => {
    const r = grace((c) => {
      c[5] = '-3';
      [c[0], c[1]] = [c[1]!, c[0]!];
    });
    expect(r.durationSeconds).toBeUndefined();
    expect('durationSeconds' in r).toBe(false);
  });

  it('unreadable cells: absent, never NaN', () => {
    const r = grace((c) => {
      c[5] = 'n/a';
      c[0] = 'yesterday';
    });
    expect(r.durationSeconds).toBeUndefined();
  });
});

describe('SurveyMonkey, Microsoft Forms, Typeform, LimeSurvey: a blank or reversed pair is absent', () => {
  it.each([
    ['surveymonkey.csv', 'Olivia Bennett', /03\/07\/2025 03:44:30 PM/, ''],
    ['microsoft-forms.csv', 'Grace Mwangi', /3\/3\/25 9:27:10/, '3/3/25 9:59:10'],
    ['typeform.csv', 'Grace Mwangi', /2025-03-03 09:27:10/, '2025-03-03 10:00:00'],
    ['limesurvey-fulltext.csv', 'Grace Mwangi', /2025-03-03 09:27:10/, 'soon'],
  ])('%s', (file, name, start, replacement) => {
    const n = readChanged(file, (text) => text.replace(start, replacement));
    expect(byName(n, name).durationSeconds).toBeUndefined();
    // the other rows keep theirs
    expect(n.rows.filter((r) => r.durationSeconds !== undefined)).toHaveLength(29);
  });
});

describe('a plain table: a column of seconds', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it.each(['duration', 'Duration (in seconds)', 'duration_seconds', 'Time taken (seconds)', 'duration_s'])(
    'header %s: the seconds as written, bad cells absent',
    async (header) => {
      const path = folder.write(
        'plain.csv',
        [
          `name,role,Grow revenue,Cut costs,Hire engineers,${header}`,
          'Ann,Executive,1,2,3,375',
          'Bo,Executive,2,1,3,12.5',
          'Cy,Executive,3,1,2,-4',
          'Di,Executive,1,3,2,n/a',
          'Ed,Executive,2,3,1,',
        ].join('\n'),
      );
      const dataset = await readDataset([path], { config: {}, skipInvalid: false });
      expect(dataset.respondents.map((r) => [r.name, r.durationSeconds])).toEqual([
        ['Ann', 375],
        ['Bo', 12.5],
        ['Cy', undefined],
        ['Di', undefined],
        ['Ed', undefined],
      ]);
      expect(dataset.respondents.every((r) => !Number.isNaN(r.durationSeconds))).toBe(true);
      // the column is a detail about the respondent, not a priority
      expect(dataset.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut costs', 'Hire engineers']);
    },
  );

  it('no such column: no duration', async () => {
    const path = folder.write('none.csv', 'name,role,Grow revenue,Cut costs\nAnn,Executive,1,2\nBo,Executive,2,1\n');
    const dataset = await readDataset([path], { config: {}, skipInvalid: false });
    expect(dataset.respondents.some((r) => 'durationSeconds' in r)).toBe(false);
  });
});

describe('the Dataset carries durationSeconds', () => {
  it('qualtrics.csv through readDataset', async () => {
    const dataset = await readDataset([join(EXPORTS, 'qualtrics.csv')], { config: {}, skipInvalid: false });
    expect(dataset.respondents.find((r) => r.name === 'Grace Mwangi')!.durationSeconds).toBe(227);
  });
});

describe('durationCell, secondsBetween', () => {
  it('durationCell: non-negative numbers only', () => {
    expect([durationCell('375'), durationCell(' 12,5 '), durationCell('-1'), durationCell(''), durationCell('1e3'), durationCell('NaN')]).toEqual([
      375,
      12.5,
      null,
      null,
      null,
      null,
    ]);
  });

  it('secondsBetween: null when a time is missing or the end comes first', () => {
    const iso = (t: string) => (t === '' ? null : Date.parse(`${t}Z`));
    expect(secondsBetween('2025-03-03T09:27:10', '2025-03-03T09:30:57', iso)).toBe(227);
    expect(secondsBetween('2025-03-03T09:30:57', '2025-03-03T09:27:10', iso)).toBeNull();
    expect(secondsBetween('', '2025-03-03T09:27:10', iso)).toBeNull();
  });
});
