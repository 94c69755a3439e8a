import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/index.js';
import { detect, normalise } from '../../src/ingest/formats/typeform.js';
import { EXPORTS, expectCanonical, expectChannels, expectSubmitted, expectToolIds, readExport, tableOf } from './northwind.js';

describe('typeform.csv', () => {
  it('is detected as Typeform', async () => {
    const { module, table } = await readExport('typeform.csv');
    expect(module.format).toBe('typeform');
    expect(detect(table).reason).toBe('Typeform: "#" first and "Submit Date (UTC)"');
  });

  it('gives the canonical dataset: opinion scales 1-5, the ranking as one ", "-joined cell', async () => {
    const { normalised } = await readExport('typeform.csv');
    expectCanonical(normalised);
    expect(normalised.items.every((i) => i.points === 5)).toBe(true);
    expect(normalised.ranking).toMatchObject({ encoding: 'list' });
  });

  it('reads one column per option as the multi-select, the submit times and the tokens', async () => {
    const { normalised } = await readExport('typeform.csv');
    expectChannels(normalised);
    expectSubmitted(normalised);
    expectToolIds(normalised, 'typeform_token');
  });

  it('a partial response is excluded as unfinished', () => {
    const text = readFileSync(join(EXPORTS, 'typeform.csv'), 'utf8').replace(',completed,2025-03-03 09:27:10', ',partial,2025-03-03 09:27:10');
    const n = normalise(tableOf('t.csv', text), { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toBe('unfinished response (Typeform Response Type: partial)');
  });

  it('"#" alone (a row number in a hand-made sheet) is not Typeform', () => {
    expect(detect(tableOf('t.csv', '#,name,Grow,Cut\n1,A,1,2\n')).score).toBeLessThan(0.1);
  });
});
