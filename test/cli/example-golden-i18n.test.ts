/**
 * Golden files of the survey example's report in French and German (issue
 * 15), Markdown and HTML, beside the English ones of example-golden.test.ts
 * (which stay byte for byte what they were before the catalogue). A reviewer
 * reads a wording change in a translation as a diff of these files.
 * After an intended change: npx vitest run test/cli/example-golden-i18n -u
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, runAlign } from '../helpers/run.js';

const scrub = (text: string) => text.replace(/align \d+\.\d+\.\d+(-[\w.]+)?/g, 'align <version>');
const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];

test.each([
  ['fr', 'md'],
  ['fr', 'html'],
  ['de', 'md'],
  ['de', 'html'],
])('the survey example in %s, %s', async (lang, format) => {
  const run = await runAlign(['audit', ...SURVEY, '--lang', lang, '--format', format]);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, `test/cli/golden/fernhill-survey.report.${lang}.${format}`));
});

test('the workshop view of the stacks example in French', async () => {
  const run = await runAlign(['stack', 'examples/fernhill-stacks.csv', '--lang', 'fr']);
  expect(run.code, run.stderr).toBe(0);
  await expect(run.stdout).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill.stack.fr.txt'));
});

test('align.yml language: sets the report language and --lang wins over it', async () => {
  const { mkdtemp, writeFile, readFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'align-lang-'));
  const config = join(dir, 'align.yml');
  await writeFile(config, `${await readFile(join(ROOT, 'examples/align.yml'), 'utf8')}\nlanguage: de\n`);
  const fromConfig = await runAlign(['audit', 'examples/fernhill-survey.csv', '--config', config]);
  expect(fromConfig.code, fromConfig.stderr).toBe(0);
  expect(fromConfig.stdout).toContain('## Methode');
  const flagWins = await runAlign(['audit', 'examples/fernhill-survey.csv', '--config', config, '--lang', 'fr']);
  expect(flagWins.stdout).toContain('## Méthode');
  // the JSON output is language-neutral: the same bytes whatever the language
  const json = await runAlign(['audit', 'examples/fernhill-survey.csv', '--config', config, '--format', 'json']);
  const plain = await runAlign(['audit', ...SURVEY, '--format', 'json']);
  expect(json.stdout.replace(/"path": "[^"]*align\.yml"/g, '')).toBe(plain.stdout.replace(/"path": "[^"]*align\.yml"/g, ''));
});

test('--lang refuses a language align does not write, in English, with exit 2', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--lang', 'es']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--lang "es" is not a language align writes; use en, fr, de');
});
