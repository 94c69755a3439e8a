import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/index.js';
import { detect, normalise } from '../../src/ingest/formats/qualtrics.js';
import { splitDashHeader } from '../../src/ingest/plan/header.js';
import { EXPORTS, expectCanonical, expectChannels, expectSubmitted, expectToolIds, REAL, readExport, tableOf } from './northwind.js';

describe('qualtrics.csv (choice text)', () => {
  it('is detected as Qualtrics by the ImportId row', async () => {
    const { module, table } = await readExport('qualtrics.csv');
    expect(module.format).toBe('qualtrics');
    expect(detect(table).reason).toMatch(/ImportId/);
  });

  it('gives the canonical dataset; rows 2-3 (labels, ImportIds) are no respondents', async () => {
    const { normalised } = await readExport('qualtrics.csv');
    expect(normalised.headerRows).toBe(3);
    expect(normalised.rows[0]!.line).toBe(4);
    expectCanonical(normalised);
  });

  it('names items by the part of the row-2 label after the last " - "', async () => {
    const { normalised } = await readExport('qualtrics.csv');
    expect(normalised.items.map((i) => i.text)).toContain('When priorities change, I hear about it clearly and in time');
    expect(normalised.columns.find((c) => c.header.endsWith('Expand to EU'))).toMatchObject({ role: 'ranking', priority: 'Expand to EU' });
    expect(splitDashHeader('Rate - this - Pay - and hours')).toEqual({ question: 'Rate - this - Pay', sub: 'and hours' });
  });

  it('splits the comma-joined multi-select against the options ("Chat (Slack, Teams)")', async () => {
    const { normalised } = await readExport('qualtrics.csv');
    expectChannels(normalised);
  });

  it('reads RecordedDate in the time zone of row 3, and the response ids', async () => {
    const { normalised } = await readExport('qualtrics.csv');
    expectSubmitted(normalised);
    expectToolIds(normalised, 'qualtrics_response_id');
  });
});

describe('qualtrics-numeric.csv (numeric values) with the code book northwind.align.yml', () => {
  it('gives the canonical dataset', async () => {
    const { module, normalised } = await readExport('qualtrics-numeric.csv', { config: 'northwind.align.yml' });
    expect(module.format).toBe('qualtrics');
    expectCanonical(normalised);
    expectChannels(normalised);
  });

  it('without the code book, roles are the codes and a note says to add one', async () => {
    const { normalised } = await readExport('qualtrics-numeric.csv');
    expect(new Set(normalised.rows.map((r) => r.role))).toEqual(new Set(['1', '2']));
    expect(normalised.notes.map((n) => n.note)).toContain(
      'column "What is your role?" holds codes (2, 1), not labels; give their labels in align.yml under codebooks.Q2',
    );
    // The recode values 1-5 are still read as a 5-point scale.
    expect(normalised.items.every((i) => i.points === 5)).toBe(true);
  });
});

function withRow(edit: (cells: string[]) => void): string {
  const text = readFileSync(join(EXPORTS, 'qualtrics.csv'), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n');
  const cells = lines[3]!.split(',');
  edit(cells);
  lines[3] = cells.join(',');
  return lines.join('\r\n');
}

describe('Qualtrics exclusions', () => {
  it('a survey preview is excluded with its reason', () => {
    const table = tableOf(
      'q.csv',
      withRow((c) => (c[2] = 'Survey Preview')),
    );
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toBe('preview response (Qualtrics Status: Survey Preview)');
    expect(n.rows.filter((r) => r.exclude === null)).toHaveLength(29);
  });

  it('an unfinished response (Finished = False) is excluded with its progress', () => {
    const table = tableOf(
      'q.csv',
      withRow((c) => ((c[6] = 'False'), (c[4] = '60'))),
    );
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toBe('unfinished response (Qualtrics Finished = False, Progress 60%)');
  });

  it('numeric Status codes too: 1 preview, 2 test, 8 spam; 0 and 4 are real', () => {
    for (const [code, reason] of [
      ['1', 'preview response (Qualtrics Status: Survey Preview)'],
      ['2', 'test response (Qualtrics Status: Survey Test)'],
      ['8', 'spam (Qualtrics Status: Spam)'],
      ['0', null],
      ['4', null],
    ] as const) {
      const table = tableOf(
        'q.csv',
        withRow((c) => (c[2] = code)),
      );
      const exclude = normalise(table, { config: {}, skipInvalid: false }).rows[0]!.exclude;
      expect(exclude === null ? null : inEnglish(exclude)).toBe(reason);
    }
  });

  it('a bad cell in an excluded row does not stop the run', () => {
    const table = tableOf(
      'q.csv',
      withRow((c) => ((c[6] = 'False'), (c[20] = 'Agree-ish'))),
    );
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toMatch(/^unfinished/);
  });
});

describe.skipIf(!existsSync(REAL))('real Qualtrics exports (qualtRics R package)', () => {
  it('current exporter: German labels, numeric values, a text entry', async () => {
    const { module, normalised } = await readExport(join(REAL, 'qualtrics-qualtRics-sample.csv'));
    expect(module.format).toBe('qualtrics');
    expect(normalised.headerRows).toBe(3);
    expect(normalised.rows).toHaveLength(1);
    expect(normalised.rows[0]).toMatchObject({ toolId: 'R_2YPOQ602ER1jkf1', exclude: null, submitted: Date.UTC(2017, 6, 18, 8, 28, 48) });
  });

  it('legacy exporter: BOM, V1… then labels, trailing commas', async () => {
    const { module, normalised } = await readExport(join(REAL, 'qualtrics-qualtRics-sample_legacy.csv'));
    expect(module.format).toBe('qualtrics');
    expect(normalised.headerRows).toBe(2);
    expect(normalised.rows).toHaveLength(1);
    expect(normalised.rows[0]).toMatchObject({ toolId: 'R_2YPOQ602ER1jkf1', exclude: null, submitted: Date.UTC(2017, 6, 18, 8, 28, 48) });
    expect(normalised.columns.find((c) => c.header === 'ResponseID')?.role).toBe('id');
  });
});
