/**
 * Anonymity by answers, not only by members (black-box QA, issue 13): a group
 * of ten with only two answers to an item showed n 2, mean 4, SD 1.41, which
 * gives the two answers (3 and 5); everyone's count less two departments'
 * gave one leader's answer; a level of six executives, five of whom skipped
 * an item, showed the one answer. Per item and per dimension, a group is shown
 * only when the people who answered it number 0 or at least the threshold, and
 * the answers outside the groups shown number 0 or at least the threshold too.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

interface Cell {
  department: string;
  role: string;
  n: number;
  /** How many of the cell leave Q2 blank. */
  skipQ2?: number;
  skipQ1?: number;
}

function csv(cells: Cell[]): string {
  const rows = ['name,role,department,Q1,Q2,Q3'];
  let i = 0;
  for (const c of cells) {
    for (let k = 0; k < c.n; k++, i++) {
      const q1 = k < (c.skipQ1 ?? 0) ? '' : String(1 + (i % 5));
      const q2 = k < (c.skipQ2 ?? 0) ? '' : String(1 + ((i * 2) % 5));
      rows.push(`Person ${i},${c.role},${c.department},${q1},${q2},${1 + ((i * 3) % 5)}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

async function audit(name: string, cells: Cell[], config?: string) {
  const file = tmp.write(`${name}.csv`, csv(cells));
  const args = ['audit', file, '--format', 'json'];
  if (config) args.push('--config', tmp.write(`${name}.yml`, config));
  const run = await runAlign(args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

type Group = { suppressed: true } | { n: number };
const shownN = (g: Group): number | null => ('suppressed' in g ? null : g.n);

/** Every shown figure of one item has 0 or at least 5 answers, and so do everyone's answers less the groups shown in each split. */
function expectNoSmallAnswerSet(item: { overall: Group; byDepartment: Record<string, Group>; byLevel: Record<string, Group> }, leadersN: number | null) {
  const all = shownN(item.overall);
  for (const split of [item.byDepartment, item.byLevel]) {
    for (const g of Object.values(split)) {
      const n = shownN(g);
      if (n !== null) expect(n === 0 || n >= 5, `a group shown with ${n} answers`).toBe(true);
    }
  }
  if (all === null) return;
  const shownSum = (split: Record<string, Group>) => Object.values(split).reduce((s, g) => s + (shownN(g) ?? 0), 0);
  const restDepartments = all - shownSum(item.byDepartment) - (leadersN ?? 0);
  const restLevels = all - shownSum(item.byLevel);
  for (const rest of [restDepartments, restLevels]) expect(rest === 0 || rest >= 5, `answers outside the groups shown: ${rest}`).toBe(true);
}

describe('a figure is shown only for enough answers', () => {
  test('a department of ten with two answers to an item: hidden for that item, shown for the others', async () => {
    const r = await audit('two-answers', [
      { department: 'Sales', role: 'Executive', n: 1 },
      { department: 'Sales', role: 'Manager', n: 10, skipQ2: 8 },
      { department: 'Ops', role: 'Executive', n: 1 },
      { department: 'Ops', role: 'Manager', n: 10 },
      { department: 'Eng', role: 'Manager', n: 6 },
    ]);
    const q2 = r.survey.items.find((i: { id: string }) => i.id === 'Q2');
    const q3 = r.survey.items.find((i: { id: string }) => i.id === 'Q3');
    expect(q2.byDepartment.Sales).toEqual({ suppressed: true });
    expect(q3.byDepartment.Sales.n).toBe(10);
    for (const item of r.survey.items) expectNoSmallAnswerSet(item, null);
  });

  test("everyone's answers less two departments' cannot give one leader's answer", async () => {
    const r = await audit('one-leader', [
      { department: 'Sales', role: 'Executive', n: 1, skipQ1: 1 },
      { department: 'Sales', role: 'Manager', n: 10 },
      { department: 'Ops', role: 'Executive', n: 1 },
      { department: 'Ops', role: 'Manager', n: 10 },
      { department: 'Eng', role: 'Manager', n: 6, skipQ1: 6 },
    ]);
    for (const item of r.survey.items) expectNoSmallAnswerSet(item, null);
  });

  test('a level of six leaders, five of whom skip an item: neither the level nor the gap shows the one answer', async () => {
    const r = await audit('five-skip', [
      { department: 'Sales', role: 'Executive', n: 3, skipQ1: 3 },
      { department: 'Sales', role: 'Manager', n: 10 },
      { department: 'Ops', role: 'Executive', n: 3, skipQ1: 2 },
      { department: 'Ops', role: 'Manager', n: 10 },
    ]);
    const q1 = r.survey.items.find((i: { id: string }) => i.id === 'Q1');
    expect(q1.byLevel.Executive).toEqual({ suppressed: true });
    expect(r.survey.gaps.find((g: { item?: string }) => g.item === 'Q1')).toEqual({ item: 'Q1', suppressed: true });
    // the other items, answered by all six, still show the leaders against the team
    expect(r.survey.gaps.find((g: { item?: string }) => g.item === 'Q2').suppressed).toBeUndefined();
    for (const item of r.survey.items) expectNoSmallAnswerSet(item, null);
  });

  test("a level less a department, among an item's answerers, cannot give one person's answer (QA: Manager 7 − D1 6 on Q1)", async () => {
    const r = await audit('level-less-department', [
      { department: 'Board', role: 'Executive', n: 5 },
      { department: 'D1', role: 'Manager', n: 6 },
      { department: 'D2', role: 'Manager', n: 5, skipQ1: 4 },
      { department: 'D2', role: 'Team member', n: 5 },
      { department: 'D3', role: 'Team member', n: 10 },
    ]);
    for (const item of r.survey.items) {
      const manager = shownN(item.byLevel.Manager);
      // D1 is all managers, so the Manager level less D1 is the other managers who answered
      const d1 = shownN(item.byDepartment.D1);
      if (manager !== null && d1 !== null) expect(manager - d1 === 0 || manager - d1 >= 5, `${item.id}: Manager ${manager} − D1 ${d1}`).toBe(true);
      expectNoSmallAnswerSet(item, null);
    }
  });

  test("a dimension against its items cannot give the answer of one who skipped one of them (QA: D2's Clarity less Q1 and Q2)", async () => {
    const r = await audit(
      'partial-dimension',
      [
        { department: 'Board', role: 'Executive', n: 5 },
        { department: 'D1', role: 'Manager', n: 10 },
        { department: 'D2', role: 'Team member', n: 10, skipQ1: 1 },
        { department: 'D3', role: 'Team member', n: 10 },
      ],
      'dimensions:\n  Clarity: [Q1, Q2]\n',
    );
    const clarity = r.survey.dimensions.find((d: { name: string }) => d.name === 'Clarity');
    // one person in D2 answered Q2 but not Q1: D2's Clarity, everyone's, and the Team member level's are hidden
    expect(clarity.byDepartment.D2).toEqual({ suppressed: true });
    expect(clarity.overall).toEqual({ suppressed: true });
    expect(clarity.byLevel['Team member']).toEqual({ suppressed: true });
    expect(clarity.byDepartment.D1.n).toBe(10);
  });
});
