// align.yml scales whose values are not a run of whole numbers of two or more (found while
// fuzzing, issue 13): a one-point scale made r_wg divide by its null variance (A² - 1)/12 = 0
// ("a statistic produced NaN", exit 1), and {"No": 1, "Yes": 5} was read as a 2-point scale 1..2
// that the 5 fell off (exit 1). align.yml's check refuses them with one line naming the line.
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

describe('align.yml scales that are not 1..A without gaps', () => {
  it('a one-label scale {"Yes": 1}: exit 2 naming the align.yml line', async () => {
    const run = await audit(
      people(() => 'Yes'),
      '{"Yes": 1}',
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^align: .*\.yml:3(:[^:]*)?: .*scale "mine" has /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('labels of one value {"Yes": 1, "No": 1}: exit 2 naming the align.yml line', async () => {
    const run = await audit(
      people((i) => (i % 2 ? 'Yes' : 'No')),
      '{"Yes": 1, "No": 1}',
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^align: .*\.yml:3(:[^:]*)?: .*scale "mine" has /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a scale with a gap {"No": 1, "Yes": 5}: exit 2 naming the align.yml line', async () => {
    const run = await audit(
      people((i) => (i % 2 ? 'Yes' : 'No')),
      '{"No": 1, "Yes": 5}',
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^align: .*\.yml:3(:[^:]*)?: .*scale "mine" has /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
