/**
 * Golden files of the bundled example through the whole pipeline (STYLE.md
 * habit 11): `align audit examples/fernhill-stacks.csv` as Markdown, HTML and JSON,
 * and the plain workshop view, compared with committed files after scrubbing
 * the version. A reviewer reads a report change as a diff of these files.
 * After an intended change: npx vitest run test/cli/example-golden -u
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, runAlign } from '../helpers/run.js';

const EXAMPLE = 'examples/fernhill-stacks.csv';
const scrub = (text: string) => text.replace(/align \d+\.\d+\.\d+(-[\w.]+)?/g, 'align <version>').replace(/"version": "[^"]+"/g, '"version": "<version>"');

test('the Markdown report of the example', async () => {
  const run = await runAlign(['audit', EXAMPLE, '--format', 'md']);
  expect(run.code).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill.report.md'));
});

test('the HTML report of the example', async () => {
  const run = await runAlign(['audit', EXAMPLE, '--format', 'html']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill.report.html'));
});

test('the JSON AuditResult of the example', async () => {
  const run = await runAlign(['audit', EXAMPLE, '--format', 'json']);
  expect(run.code).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill.audit.json'));
});

test('the plain workshop view of the example', async () => {
  const run = await runAlign(['stack', EXAMPLE]);
  expect(run.code).toBe(0);
  await expect(run.stdout).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill.stack.txt'));
});

// The full survey example (issue "The survey audit, part 2"), read with its align.yml as the README runs it.
const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];

test('the Markdown report of the survey example', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--format', 'md']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey.report.md'));
});

test('the HTML report of the survey example', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--format', 'html']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey.report.html'));
});

test('the JSON AuditResult of the survey example', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'));
  // what the facilitator takes into the room, on its own so a change reads as a short diff
  const r = JSON.parse(run.stdout);
  const room = { levels: r.levels, ownership: r.ownership, recall: r.recall, findings: r.findings };
  await expect(`${JSON.stringify(room, null, 2)}\n`).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey.room.json'));
});

// Since the last audit (issue 12): the example a quarter later against the example's own JSON (the golden above).
const BASELINE = 'test/cli/golden/fernhill-survey.audit.json';
const Q2 = ['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml', '--baseline', BASELINE];

test('the Markdown report of the second audit, with "Since the last audit"', async () => {
  const run = await runAlign(['audit', ...Q2, '--format', 'md']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey-q2.report.md'));
});

test('the HTML report of the second audit, with "Since the last audit"', async () => {
  const run = await runAlign(['audit', ...Q2, '--format', 'html']);
  expect(run.code, run.stderr).toBe(0);
  await expect(scrub(run.stdout)).toMatchFileSnapshot(join(ROOT, 'test/cli/golden/fernhill-survey-q2.report.html'));
});

test('an audit against its own JSON: nothing moved, nothing to warn about', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--baseline', BASELINE, '--format', 'md']);
  expect(run.code, run.stderr).toBe(0);
  const section = run.stdout.slice(run.stdout.indexOf('## Since the last audit'), run.stdout.indexOf('## The priority stack'));
  expect(section).toContain('Nothing moved: every figure compared is the same in both audits.');
  expect(section).not.toContain('What cannot be compared');
  expect(section).not.toContain('###');
});

test('--baseline with --format json stops: the moves as data are align diff --json', async () => {
  const run = await runAlign(['audit', ...SURVEY, '--baseline', BASELINE, '--format', 'json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^align: --baseline adds "Since the last audit" to the md, html and pdf reports/);
});
