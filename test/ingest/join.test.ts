/** joinRankings: what a --rankings file must hold. */
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { joinRankings } from '../../src/ingest/join.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe('joinRankings(survey, rankings)', () => {
  test('a --rankings file with no ranking stops, naming the file', async () => {
    // Before the generic reader stopped on such a file itself; now it reads it (for align inspect), so the join must.
    const survey = await readDataset([tmp.write('survey.csv', 'name,stack\nAnn,X;Y\n')], { config: {}, skipInvalid: false });
    const path = tmp.write('roster.csv', 'name,department\nAnn,Sales\n');
    const roster = await readDataset([path], { config: {}, skipInvalid: false });
    let error: unknown;
    try {
      joinRankings(survey, roster);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no ranking found in this --rankings file; give stacks as long format`),
    );
  });

  test('a stacks file joins by name', async () => {
    const survey = await readDataset([tmp.write('survey2.csv', 'name,stack\nAnn,Y;X\n')], { config: {}, skipInvalid: false });
    const stacks = await readDataset([tmp.write('stacks.csv', 'name,stack\nann,X;Y\n')], { config: {}, skipInvalid: false });
    expect(joinRankings(survey, stacks).respondents.map((r) => r.stack.map((s) => s.priority))).toEqual([['x', 'y']]);
  });
});
