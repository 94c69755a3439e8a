import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/index.js';
import { normalise } from '../../src/ingest/formats/limesurvey.js';
import { EXPORTS, expectCanonical, expectChannels, expectSubmitted, expectToolIds, readExport, tableOf } from './northwind.js';

describe('limesurvey.csv (question codes, answer codes) with the code book limesurvey.align.yml', () => {
  it('is detected as LimeSurvey', async () => {
    const { module } = await readExport('limesurvey.csv', { config: 'limesurvey.align.yml' });
    expect(module.format).toBe('limesurvey');
  });

  it('gives the canonical dataset; the blank last line is no respondent', async () => {
    const bytes = readFileSync(join(EXPORTS, 'limesurvey.csv'), 'utf8');
    expect(bytes.endsWith('\r\n\r\n')).toBe(true);
    const { normalised } = await readExport('limesurvey.csv', { config: 'limesurvey.align.yml' });
    expectCanonical(normalised);
  });

  it('reads prio[1]…prio[8] as positions, the code book naming the priority in each', async () => {
    const { normalised } = await readExport('limesurvey.csv', { config: 'limesurvey.align.yml' });
    expect(normalised.ranking).toMatchObject({ question: 'prio', encoding: 'by-position' });
    expect(normalised.columns.find((c) => c.header === 'prio[3]')).toMatchObject({ role: 'ranking', position: 3 });
    expect(normalised.priorities[0]).toBe('Grow new-customer revenue');
  });

  it('reads channels[C1]…[C5] (Y or empty), submitdate and the ids', async () => {
    const { normalised } = await readExport('limesurvey.csv', { config: 'limesurvey.align.yml' });
    expectChannels(normalised);
    expectSubmitted(normalised);
    expectToolIds(normalised, 'limesurvey_id');
  });

  it('without the code book the codes are read as they are (and a note asks for labels)', async () => {
    const { normalised } = await readExport('limesurvey.csv');
    expect(normalised.rows[0]).toMatchObject({ role: 'MGR', department: 'OPS' });
    expect(normalised.rows[0]!.stack[0]).toEqual({ priority: 'P8', rank: 1 });
    expect(normalised.notes.map((n) => n.note)).toContain(
      'column "role" holds codes (MGR, EXEC), not labels; give their labels in align.yml under codebooks.role',
    );
  });

  it('an empty submitdate is an unfinished response', () => {
    const text = readFileSync(join(EXPORTS, 'limesurvey.csv'), 'utf8').replace('"1","2025-03-03 09:30:57"', '"1",""');
    const n = normalise(tableOf('l.csv', text.replace(/^\uFEFF/, '')), { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toBe('unfinished response (LimeSurvey: no submitdate)');
  });
});

describe('limesurvey-fulltext.csv (full question text, full answers)', () => {
  it('gives the canonical dataset without any code book', async () => {
    const { module, normalised } = await readExport('limesurvey-fulltext.csv');
    expect(module.format).toBe('limesurvey');
    expectCanonical(normalised);
  });

  it('reads "[Rank 1]"…"[Rank 8]" as positions and "[Option]" Yes/No as checkboxes', async () => {
    const { normalised } = await readExport('limesurvey-fulltext.csv');
    expect(normalised.ranking).toMatchObject({ question: 'Rank these priorities for the next 12 months (1 = most important)', encoding: 'by-position' });
    expectChannels(normalised);
    expectSubmitted(normalised);
  });
});
