/**
 * Acceptance of issue 15: with the pseudo-locale (`--lang qps`, every
 * catalogue word in ⟦…⟧) every example renders with no reader-facing word
 * outside the markers, in the terminal view, Markdown and HTML. A word the
 * check finds was written without the catalogue (test/helpers/pseudo-check.ts).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { htmlText, inputStrings, unmarkedWords } from '../helpers/pseudo-check.js';
import { ROOT, runAlign } from '../helpers/run.js';

const ex = (f: string) => join(ROOT, 'examples', f);
const STACKS = { files: [ex('fernhill-stacks.csv')] };

test('the workshop view of the stacks example (align stack --lang qps)', async () => {
  const run = await runAlign(['stack', 'examples/fernhill-stacks.csv', '--lang', 'qps']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('⟦');
  expect(unmarkedWords(run.stdout, inputStrings(STACKS.files.slice(0, 1), undefined, ['examples/fernhill-stacks.csv']))).toEqual([]);
});

const SURVEY = { args: ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'], files: [ex('fernhill-survey.csv')], config: ex('align.yml') };
const Q2 = {
  args: ['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml', '--baseline', 'test/cli/golden/fernhill-survey.audit.json'],
  files: [ex('fernhill-survey-q2.csv')],
  config: ex('align-q2.yml'),
};
const REPORTS = [
  { name: 'the stacks example', args: ['examples/fernhill-stacks.csv'], files: STACKS.files, config: undefined },
  { name: 'the survey example', ...SURVEY },
  // the second audit reads the first one's names too (its baseline)
  { name: 'the second audit against the first', ...Q2, files: [...Q2.files, ex('fernhill-survey.csv')] },
];

describe.each(REPORTS)('$name', ({ args, files, config }) => {
  test.each(['md', 'html'])('in %s has no word outside the catalogue', async (format) => {
    const run = await runAlign(['audit', ...args, '--format', format, '--lang', 'qps']);
    expect(run.code, run.stderr).toBe(0);
    const text = format === 'html' ? htmlText(run.stdout) : run.stdout;
    const paths = args.filter((a) => a.includes('/'));
    // the leaders' names, for the initials the reports make of them
    const json = JSON.parse(
      (await runAlign(['audit', ...args.filter((a, i) => a !== '--baseline' && args[i - 1] !== '--baseline'), '--format', 'json'])).stdout,
    );
    const leaders = (json.stack?.raters ?? []).map((r: { name: string }) => r.name);
    expect(unmarkedWords(text, inputStrings(files, config, paths, leaders))).toEqual([]);
  });
});
