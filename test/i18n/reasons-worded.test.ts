/**
 * The reasons the audit room writes in English ("the input has no ranking
 * question", a statistic's "not available" reason) read in the report's
 * language: a French or German report of a survey with no ranking question
 * holds none of the English texts the catalogue words under audit:.
 */

import { expect, test } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { runAlign } from '../helpers/run.js';

const FILE = 'test/fixtures/exports/google-forms-amount.csv';

test.each([
  ['fr', 'les données ne comportent aucune question de classement'],
  ['de', 'die Daten enthalten keine Rangfrage'],
] as const)('a %s report of a survey without a ranking question says why in its language', async (lang, why) => {
  const run = await runAlign(['audit', FILE, '--format', 'md', '--lang', lang]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(why);
  const en = catalogue('en');
  const local = catalogue(lang);
  // every reason of more than two words whose translation differs from the English
  const english = Object.keys(en).filter((k) => k.startsWith('audit:') && en[k] !== local[k] && !/[{#]/.test(en[k]!) && en[k]!.split(' ').length > 2);
  expect(english.length).toBeGreaterThan(20);
  expect(english.filter((k) => run.stdout.includes(en[k]!)).map((k) => en[k])).toEqual([]);
});

test.each(['items', 'dimensions', 'departments', 'stack', 'pairs'])(
  '--format csv --table %s is data: byte for byte the same whatever --lang says',
  async (table) => {
    const args = ['audit', 'examples/fernhill-survey.csv', '--config', 'examples/align.yml', '--format', 'csv', '--table', table];
    const plain = await runAlign(args);
    expect(plain.code, plain.stderr).toBe(0);
    for (const lang of ['fr', 'de']) expect((await runAlign([...args, '--lang', lang])).stdout).toBe(plain.stdout);
  },
);

test('the question bank’s dimensions are named in the report’s language (align’s own words), in the survey and since the last audit', async () => {
  const args = ['audit', 'examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml', '--baseline', 'test/cli/golden/fernhill-survey.audit.json'];
  const de = await runAlign([...args, '--lang', 'de']);
  expect(de.code, de.stderr).toBe(0);
  expect(de.stdout).toContain('Klarheit der Prioritäten');
  expect(de.stdout).not.toMatch(/Clarity of priorities|Resources to deliver|Belief in the strategy/);
  const en = await runAlign(args);
  expect(en.stdout).toContain('Clarity of priorities');
});
