// Acceptance (issue 12, "Since the last audit"): the seeded second audit of the example
// (scripts/make-examples.mjs; its ground truth in examples/fernhill-survey-q2.changes.json)
// against the first. align diff lists the moves the script made, the warnings for the
// rewording and the added priority, and no move for what the script left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { AuditDiff } from '../../src/audit/types.js';
import { ROOT, runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());
const truth = JSON.parse(readFileSync(join(ROOT, 'examples/fernhill-survey-q2.changes.json'), 'utf8'));

async function json(args: string[]): Promise<string> {
  const run = await runAlign(['audit', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return tmp.write(`${args[0]!.split('/').pop()}.json`, run.stdout);
}

test('align diff of the example and its second audit lists exactly the moves the script made', async () => {
  const before = await json(['examples/fernhill-survey.csv', '--config', 'examples/align.yml']);
  const after = await json(['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml']);
  const run = await runAlign(['diff', before, after, '--json', '--config', 'examples/align-q2.yml']);
  expect(run.code, run.stderr).toBe(0);
  const diff = JSON.parse(run.stdout) as AuditDiff;

  // warnings: the rewording (both wordings) and the added priority; nothing about departments (renamed: is given)
  const reworded = truth.changes.find((c: { kind: string }) => c.kind === 'item-reworded').details;
  expect(diff.warnings.map((w) => w.kind).sort()).toEqual(['item-reworded', 'priorities-differ']);
  expect(diff.warnings.find((w) => w.kind === 'item-reworded')).toMatchObject({ textBefore: reworded.before, textAfter: reworded.after });
  expect(diff.warnings.find((w) => w.kind === 'priorities-differ')?.added).toEqual(['Open a Manchester clinic']);

  // favourable shares per department and dimension: the two cells the script moved, and no other department cell
  const answers = truth.changes.filter((c: { kind: string }) => c.kind === 'answers');
  const byDept = diff.moves.filter((m) => m.kind === 'favourable' && m.group !== 'overall');
  expect(byDept.map((m) => m.group).sort()).toEqual(answers.map((c: { details: { department: string } }) => c.details.department).sort());
  for (const c of answers) {
    const m = byDept.find((x) => x.group === c.details.department)!;
    const { before: b, after: a } = c.details.favourable;
    expect(m.before).toBeCloseTo(b.favourable / b.n, 12); // the script's own counts
    expect(m.after).toBeCloseTo(a.favourable / a.n, 12);
  }
  // Clinical's clarity moved beyond chance (the Wilson intervals part); Technology's resources did not
  expect(byDept.find((m) => m.group === 'Clinical')?.beyondChance).toBe(true);
  expect(byDept.find((m) => m.group === 'Technology')?.beyondChance).toBe(false);

  // W and the changed leader's divergence over the eight shared priorities, against the script's own
  // computation (scripts/make-examples.mjs, midranks and Kendall's formula written out there, 6 decimals)
  const shared = truth.changes.find((c: { kind: string }) => c.kind === 'stack').details.sharedPriorities;
  const w = diff.moves.filter((m) => m.kind === 'concordance');
  expect(w).toHaveLength(1);
  expect(w[0]!.before as number).toBeCloseTo(shared.before.W, 5);
  expect(w[0]!.after as number).toBeCloseTo(shared.after.W, 5);
  const coo = diff.moves.find((m) => m.kind === 'divergence' && m.subject === 'Mei-Lin Zhou')!;
  expect(coo.before as number).toBeCloseTo(shared.before.divergence.COO, 5);
  expect(coo.after as number).toBeCloseTo(shared.after.divergence.COO, 5);
  // the CTO's and the Chief Medical Officer's divergence do not move over the shared priorities: no move listed
  expect(diff.moves.filter((m) => m.kind === 'divergence' && ['Rafael Duarte', 'Amara Nwosu'].includes(m.subject))).toEqual([]);
  // recall and the levels' statuses did not move
  expect(diff.moves.filter((m) => m.kind === 'recall' || m.kind === 'level')).toEqual([]);
  // gaps: only the two items the script moved, and their one-item dimensions
  const gapSubjects = diff.moves.filter((m) => m.kind === 'gap').map((m) => m.subject);
  expect(gapSubjects.every((s) => /top three priorities|resources/i.test(s) || ['Clarity of priorities', 'Resources to deliver'].includes(s))).toBe(true);
});

test('without renamed:, the renamed department is listed on each side and not compared', async () => {
  const before = await json(['examples/fernhill-survey.csv', '--config', 'examples/align.yml']);
  const after = await json(['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml']);
  const run = await runAlign(['diff', before, after, '--json', '--config', 'examples/align.yml']);
  const diff = JSON.parse(run.stdout) as AuditDiff;
  const sides = diff.warnings.filter((w) => w.kind === 'department-one-side').map((w) => [w.department, w.side]);
  expect(sides).toEqual(
    expect.arrayContaining([
      ['Operations', 'before'],
      ['Operations & Logistics', 'after'],
    ]),
  );
});
