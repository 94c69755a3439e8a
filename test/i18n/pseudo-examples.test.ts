/**
 * Acceptance of issue 15: with the pseudo-locale (`--lang qps`, every
 * catalogue word in ⟦…⟧) every example renders with no reader-facing word
 * outside the markers, in the terminal view, Markdown and HTML. A word the
 * check finds was written without the catalogue (test/helpers/pseudo-check.ts).
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { htmlText, inputStrings, unmarkedWords, withVariants } from '../helpers/pseudo-check.js';
import { ROOT, runAlign } from '../helpers/run.js';

const ex = (f: string) => join(ROOT, 'examples', f);
const STACKS = { files: [ex('fernhill-stacks.csv')] };

test('the workshop view of the stacks example (align stack --lang qps)', async () => {
  const run = await runAlign(['stack', 'examples/fernhill-stacks.csv', '--lang', 'qps']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('⟦');
  const json = JSON.parse((await runAlign(['stack', 'examples/fernhill-stacks.csv', '--json'])).stdout);
  const leaders = json.stack.raters.map((r: { name: string }) => r.name);
  expect(unmarkedWords(run.stdout, inputStrings(STACKS.files, undefined, ['examples/fernhill-stacks.csv'], leaders))).toEqual([]);
});

const SURVEY = { args: ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'], files: [ex('fernhill-survey.csv')], config: ex('align.yml') };
const Q2 = {
  args: ['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml', '--baseline', 'test/cli/golden/fernhill-survey.audit.json'],
  files: [ex('fernhill-survey-q2.csv')],
  config: ex('align-q2.yml'),
};
/** The names an audit read from its input: what a report quotes as the input wrote it. */
function namesRead(r: AuditResult): string[] {
  const out: string[] = ['align'];
  for (const p of r.stack?.priorities ?? []) out.push(p);
  for (const x of r.stack?.raters ?? []) out.push(x.name, ...(x.department ? [x.department] : []));
  for (const i of r.survey?.items ?? []) out.push(i.text, ...Object.keys(i.byDepartment ?? {}), ...Object.keys(i.byLevel ?? {}));
  for (const d of r.survey?.dimensions ?? []) out.push(d.name);
  for (const c of r.survey?.comments ?? []) out.push(c.question, ...c.texts);
  for (const o of r.ownership ?? []) out.push(o.decision, ...(o.question ? [o.question] : []), ...(o.owners ?? []).map((w: { name: string }) => w.name));
  for (const x of r.recall?.official ?? []) out.push(x);
  if (r.recall?.question) out.push(r.recall.question);
  // the spellings a strategy-recall note quotes from the answers ("time to diagnosis" (7)): input text, lower-cased as the note shows it
  for (const n of r.input?.notes ?? []) for (const m of n.note.matchAll(/"([^"]+)" \(\d+\)/g)) out.push(m[1] as string);
  return out.filter((x) => typeof x === 'string' && x.trim() !== '').map((x) => x.trim().replace(/\s+/g, ' '));
}

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
    // names as the audit read them from the input (priorities, people, items, decisions, comments), and the initials made of leaders' names
    const json = JSON.parse(
      (await runAlign(['audit', ...args.filter((a, i) => a !== '--baseline' && args[i - 1] !== '--baseline'), '--format', 'json'])).stdout,
    );
    const leaders = (json.stack?.raters ?? []).map((r: { name: string }) => r.name);
    // the data-quality notes and exclusion reasons are checked like every other sentence: each is worded from the catalogue
    const extra = namesRead(json);
    expect(unmarkedWords(text, withVariants([...inputStrings(files, config, paths, leaders), ...extra]))).toEqual([]);
  });
});
