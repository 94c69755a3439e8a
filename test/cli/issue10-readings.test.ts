/**
 * Issue 10, points 2, 3 and 8: fixtures in each tool's real layout
 * (test/fixtures/issue10/, derived from the Northwind exports of
 * test/fixtures/exports/ by adding or removing one question each; the
 * generator is described in test/fixtures/issue10/README.md), and what
 * `align inspect`, `align audit` and `align stack` read from them: the same
 * roles, or the same error.
 */
import { describe, expect, test } from 'vitest';
import { EXPORTS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const DIR = 'test/fixtures/issue10';
const CODE_BOOK = `${EXPORTS}/northwind.align.yml`;

/** The inspect line of the column whose header ends with `header` (inspect shortens long headers in the middle). */
async function inspectLine(file: string, header: string, extra: string[] = []): Promise<string> {
  const run = await runAlign(['inspect', ...extra, file]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const line = run.stdout.split('\n').find((l) => /^\s+\d+\s/.test(l) && l.includes(header));
  expect(line, header).toBeDefined();
  return line!;
}

async function json(args: string[]): Promise<{ code: number; out: any; stderr: string }> {
  const run = await runAlign(args);
  return { code: run.code, out: run.code === 0 ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

/** The audit and stack of `file`, which must equal those of `base` (the same export without the added question). */
async function sameStackAndItems(file: string, base: string, extra: string[] = []): Promise<void> {
  const [audit, auditBase, stack, stackBase] = await Promise.all([
    json(['audit', '--format', 'json', ...extra, file]),
    json(['audit', '--format', 'json', ...extra, base]),
    json(['stack', '--json', ...extra, file]),
    json(['stack', '--json', ...extra, base]),
  ]);
  expect([audit.code, stack.code, audit.stderr, stack.stderr]).toEqual([0, 0, '', '']);
  expect(audit.out.stack).toEqual(auditBase.out.stack);
  expect(stack.out.stack).toEqual(stackBase.out.stack);
  expect(audit.out.survey.items.map((i: { id: string }) => i.id)).toEqual(auditBase.out.survey.items.map((i: { id: string }) => i.id));
}

describe('point 3: codes and binaries are not rating scales', () => {
  const file = `${DIR}/google-forms-binary-and-code.csv`;
  test('Google Forms: a 0/1 yes/no stays unknown, with how to declare it; a district code is a detail, not a Likert item', async () => {
    expect(await inspectLine(file, 'Do you manage people?')).toMatch(/unknown\s+0\.00\s+holds only 0 and 1 .*align\.yml/);
    expect(await inspectLine(file, 'District code')).toMatch(/\smetadata\s/);
  });
  test('audit and stack read the same six Likert items and the same stack as google-forms.csv', async () => {
    await sameStackAndItems(file, `${EXPORTS}/google-forms.csv`);
  });

  const python = `${DIR}/qualtrics-python-2-or-3.csv`;
  test('Qualtrics numeric values: "Python 2 or 3?" (a lone 2-or-3 column) stays unknown, with how to declare it', async () => {
    expect(await inspectLine(python, 'Python 2 or 3?', ['--config', CODE_BOOK])).toMatch(/unknown\s+0\.00\s+numbers .*column of their own.*align\.yml/);
  });
  test('Qualtrics numeric values: audit and stack read what qualtrics-numeric.csv reads', async () => {
    await sameStackAndItems(python, `${EXPORTS}/qualtrics-numeric.csv`, ['--config', CODE_BOOK]);
  });
  // Before: without the code book the lone column was read as a Likert item "like the file's other 6
  // rating questions" although it is not beside them.
  test('Qualtrics numeric values without a code book: "Python 2 or 3?" is still not a Likert item', async () => {
    expect(await inspectLine(python, 'Python 2 or 3?')).not.toMatch(/\slikert\s/);
  });
});

describe('point 2: single-choice answers that contain commas are one answer', () => {
  const file = `${DIR}/surveymonkey-single-choice-commas.csv`;
  const RUDE = 'Was the leadership team rude to you this quarter?';
  test('SurveyMonkey "Response" columns answered with sentences are neither ranking nor Likert, and the stack is unchanged', async () => {
    for (const header of ['rude to you this quarter?', 'Which statement do you agree with most?']) {
      expect(await inspectLine(file, header)).not.toMatch(/\s(ranking|likert)\s+\d\.\d\d\s/); // the role column, not the reason
    }
    await sameStackAndItems(file, `${EXPORTS}/surveymonkey.csv`);
  });
  // Before: SurveyMonkey's `Response` subheading did not mark a single choice, so the sentences were split at
  // their commas into a multi-select, and --ranking-question on the column printed a W for the fragments.
  test('a SurveyMonkey "Response" column is read as single choice, not split at commas', async () => {
    expect(await inspectLine(file, 'rude to you this quarter?')).not.toMatch(/\smultiselect\s/);
  });
  test('--ranking-question on a single-choice column stops with exit 2', async () => {
    const run = await runAlign(['stack', '--ranking-question', RUDE, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/one answer per respondent .* not a ranking/);
  });
});

describe('point 8: a survey without ranking, and a file with neither', () => {
  test('Microsoft Forms with Likert items and no ranking: the survey report, exit 0; stack says there is no ranking, exit 2', async () => {
    const file = `${DIR}/microsoft-forms-no-ranking.csv`;
    const inspect = await runAlign(['inspect', file]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/ranking\s+none found/);
    expect(inspect.stdout).toMatch(/likert items 6/);
    const audit = await json(['audit', '--format', 'json', file]);
    expect(audit.code).toBe(0);
    expect(audit.out.stack).toBeNull();
    expect(audit.out.survey.items).toHaveLength(6);
    const stack = await runAlign(['stack', '--json', file]);
    expect(stack.code).toBe(2);
    expect(stack.stderr).toMatch(/no ranking question/);
  });
  test('Microsoft Forms with neither: inspect says so, audit and stack stop with exit 2 in one line', async () => {
    const file = `${DIR}/microsoft-forms-neither.csv`;
    const inspect = await runAlign(['inspect', file]);
    expect(inspect.stdout).toMatch(/ranking\s+none found/);
    expect(inspect.stdout).toMatch(/likert items 0/);
    for (const args of [
      ['audit', '--format', 'json'],
      ['stack', '--json'],
    ]) {
      const run = await runAlign([...args, file]);
      expect([run.code, run.stdout, run.stderr.trim().split('\n').length]).toEqual([2, '', 1]);
    }
  });
});
