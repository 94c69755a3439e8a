// `align diff <before.json> <after.json>` (issue 12): the terminal summary, --json, bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditDiff } from '../../src/audit/types.js';
import { ROOT, runAlign } from '../helpers/run.js';

const EXAMPLE = 'test/cli/golden/fernhill-survey.audit.json';
const dir = mkdtempSync(join(tmpdir(), 'align-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = () => JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('align diff', () => {
  it('the example against itself: exit 0, nothing moved, no warnings', async () => {
    const run = await runAlign(['diff', EXAMPLE, EXAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Nothing moved/);
    expect(run.stdout).not.toMatch(/warning/i);
  });

  it('--json: the AuditDiff, plain data', async () => {
    const run = await runAlign(['diff', EXAMPLE, EXAMPLE, '--json']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as AuditDiff;
    expect(Object.keys(diff).sort()).toEqual(['after', 'before', 'moves', 'persisting', 'schemaVersion', 'warnings']);
    expect(diff.schemaVersion).toBe(1);
    expect(diff.moves).toEqual([]);
    expect(diff.warnings).toEqual([]);
  });

  it('a move and a warning: warnings first, moves grouped, sizes signed, control characters neutralised', async () => {
    const after = example();
    after.survey.dimensions[0].overall.favourable = 0.9;
    after.survey.dimensions[0].overall.favourableCI = [0.8, 0.95];
    after.survey.items[0].text = 'Reworded\u001b[2J';
    const path = write('after.json', JSON.stringify(after));
    const run = await runAlign(['diff', EXAMPLE, path]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    const warnAt = run.stdout.indexOf('Comparability warnings');
    const moveAt = run.stdout.indexOf('Favourable share');
    expect(warnAt).toBeGreaterThan(-1);
    expect(moveAt).toBeGreaterThan(warnAt);
    expect(run.stdout).toMatch(/Clarity of priorities, overall: \d+% -> 90%, \+\d+ points {2}\[beyond chance\]/);

    const json = JSON.parse((await runAlign(['diff', EXAMPLE, path, '--json'])).stdout) as AuditDiff;
    expect(json.moves).toEqual([expect.objectContaining({ kind: 'favourable', group: 'overall', after: 0.9, beyondChance: true })]);
    expect(json.warnings).toEqual([expect.objectContaining({ kind: 'item-reworded', textAfter: 'Reworded\u001b[2J' })]);
  });

  it('align.yml renamed maps a renamed department', async () => {
    const after = example();
    for (const d of after.survey.dimensions) {
      d.byDepartment['Clinical services'] = d.byDepartment.Clinical;
      delete d.byDepartment.Clinical;
    }
    for (const i of after.survey.items) {
      i.byDepartment['Clinical services'] = i.byDepartment.Clinical;
      delete i.byDepartment.Clinical;
    }
    after.recall.byDepartment['Clinical services'] = after.recall.byDepartment.Clinical;
    delete after.recall.byDepartment.Clinical;
    for (const d of after.stack.departments) if (d.department === 'Clinical') d.department = 'Clinical services';
    const path = write('renamed.json', JSON.stringify(after));
    const without = JSON.parse((await runAlign(['diff', EXAMPLE, path, '--json'])).stdout) as AuditDiff;
    expect(without.warnings.map((w) => w.kind)).toEqual(['department-one-side', 'department-one-side']);
    const config = write('align.yml', 'renamed:\n  Clinical: Clinical services\n');
    const withMap = JSON.parse((await runAlign(['diff', EXAMPLE, path, '--json', '--config', config])).stdout) as AuditDiff;
    expect(withMap.warnings).toEqual([]);
  });

  it('a file that is not JSON: exit 2, one line naming the file', async () => {
    const bad = write('bad.json', '{"schemaVersion": 1,');
    const run = await runAlign(['diff', bad, EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(bad);
    expect(run.stderr).toMatch(/not valid JSON/);
  });

  it('JSON that is not an AuditResult: exit 2, one line', async () => {
    const bad = write('other.json', '{"hello": "world"}');
    const run = await runAlign(['diff', EXAMPLE, bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/other\.json: is not an align AuditResult/);
  });

  it('a missing file: exit 2', async () => {
    const run = await runAlign(['diff', join(dir, 'nope.json'), EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.json: no such file/);
  });

  it('a baseline from a newer schemaVersion is refused, naming both versions', async () => {
    const newer = example();
    newer.schemaVersion = 2;
    newer.somethingNew = true;
    const path = write('newer.json', JSON.stringify(newer));
    const run = await runAlign(['diff', path, EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/baseline has schemaVersion 2, newer than the schemaVersion 1/);
  });
});
