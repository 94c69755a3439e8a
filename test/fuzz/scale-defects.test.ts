// Known defects, found by hand while fuzzing (issue 13: rwg(values, 1) is NaN) and left for the owner of align.yml's scales
// to decide: a scale declared in align.yml whose values are not 1..A without gaps crashes the
// audit (exit 1, "This is a bug in align") instead of a one-line error naming the fix.
// A scale's number of points is the number of its distinct values (src/ingest/likert.ts,
// scalesFor), so
//   - labels {"Yes": 1} (or every label the same value) is a 1-point scale: r_wg divides by
//     its null variance (A² - 1)/12 = 0 and returns NaN ("a statistic produced NaN");
//   - labels {"No": 1, "Yes": 5} is a 2-point scale 1..2, and likertSummary throws on the 5.
// These are `it.fails`: they pass while the defect is there. When it is fixed, vitest reports
// them as failing: turn each into `it` and check the message it gives.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-scales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const people = (answer: (i: number) => string) =>
  [
    'name,role,department,Q1,Q2,Q3',
    ...Array.from({ length: 6 }, (_, i) => `P${i},${i === 0 ? 'Executive' : 'Manager'},X,${answer(i)},${answer(i)},${answer(i)}`),
  ].join('\n');

function audit(csv: string, labels: string): Promise<{ code: number; stderr: string }> {
  const data = join(dir, `${labels.replace(/\W+/g, '-')}.csv`);
  const config = join(dir, `${labels.replace(/\W+/g, '-')}.yml`);
  writeFileSync(data, `${csv}\n`);
  writeFileSync(
    config,
    `scales:\n  mine:\n    labels: ${labels}\ncolumns:\n${['Q1', 'Q2', 'Q3'].map((q) => `  ${q}: {role: likert, scale: mine}`).join('\n')}\n`,
  );
  return runAlign(['audit', data, '--config', config, '--format', 'json']);
}

describe('align.yml scales that are not 1..A without gaps (known defect: exit 1)', () => {
  it.fails('a one-label scale {"Yes": 1}: exit 0 or 2, not 1 ("a statistic produced NaN")', async () => {
    const run = await audit(
      people(() => 'Yes'),
      '{"Yes": 1}',
    );
    expect(run.code, run.stderr).not.toBe(1);
  });

  it.fails('labels of one value {"Yes": 1, "No": 1}: exit 0 or 2, not 1', async () => {
    const run = await audit(
      people((i) => (i % 2 ? 'Yes' : 'No')),
      '{"Yes": 1, "No": 1}',
    );
    expect(run.code, run.stderr).not.toBe(1);
  });

  it.fails('a scale with a gap {"No": 1, "Yes": 5}: exit 0 or 2, not 1 ("likertSummary: 5 is off the 1..2 scale")', async () => {
    const run = await audit(
      people((i) => (i % 2 ? 'Yes' : 'No')),
      '{"No": 1, "Yes": 5}',
    );
    expect(run.code, run.stderr).not.toBe(1);
  });
});
