/**
 * Acceptance of issue 15: with the pseudo-locale (`--lang qps`, every
 * catalogue word in ⟦…⟧) every example renders with no reader-facing word
 * outside the markers, in the terminal view, Markdown and HTML. A word the
 * check finds was written without the catalogue (test/helpers/pseudo-check.ts).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { inputStrings, unmarkedWords } from '../helpers/pseudo-check.js';
import { ROOT, runAlign } from '../helpers/run.js';

const ex = (f: string) => join(ROOT, 'examples', f);
const STACKS = { files: [ex('fernhill-stacks.csv')] };

test('the workshop view of the stacks example (align stack --lang qps)', async () => {
  const run = await runAlign(['stack', 'examples/fernhill-stacks.csv', '--lang', 'qps']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('⟦');
  expect(unmarkedWords(run.stdout, inputStrings(STACKS.files.slice(0, 1), undefined, ['examples/fernhill-stacks.csv']))).toEqual([]);
});
