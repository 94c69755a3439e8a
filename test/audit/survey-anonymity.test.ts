/**
 * Confidentiality that holds under subtraction, in the survey (the survey
 * audit's acceptance): with one department, then two, under the threshold,
 * every split's hidden remainder in the JSON is 0 or at least the threshold,
 * and no report a client reads (Markdown, the terminal view) holds a hidden
 * member's name, email, line number or answers; the JSON holds none of their
 * names, emails or answers.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const PRIORITIES = ['Grow revenue', 'Cut costs', 'Enter Spain'];

interface Person {
  name: string;
  role: string;
  department: string;
  hidden: boolean;
}

/** A survey export as a plain table: three Likert items, a ranking as one list, a comment. */
function survey(people: Person[]): { csv: string; lineOf: Map<string, number> } {
  const lineOf = new Map<string, number>();
  const rows = ['name,email,role,department,Q1,Q2,Q3,"Priorities, in order of importance",Anything else?'];
  people.forEach((p, i) => {
    lineOf.set(p.name, i + 2);
    const email = `${p.name.toLowerCase().replace(/ /g, '.')}@example.org`;
    const values = [1 + (i % 5), 1 + ((i + 2) % 5), 1 + ((i * 3) % 5)];
    // a hidden member also writes a tie-free stack in another order, a comment, and (one of them) an invalid answer
    const stack = i % 2 === 0 ? PRIORITIES : [...PRIORITIES].reverse();
    const q3 = p.hidden && i % 3 === 0 ? 'x' : String(values[2]);
    rows.push([p.name, email, p.role, p.department, values[0], values[1], q3, `"${stack.join(', ')}"`, `"Comment from ${p.name}"`].join(','));
  });
  return { csv: `${rows.join('\n')}\n`, lineOf };
}

function team(sizes: Record<string, number>, hiddenDepartments: readonly string[]): Person[] {
  const people: Person[] = [
    { name: 'Lead Ana', role: 'Executive', department: 'Office', hidden: false },
    { name: 'Lead Ben', role: 'Executive', department: 'Sales', hidden: false },
    { name: 'Lead Cy', role: 'Executive', department: 'Finance', hidden: false },
    { name: 'Lead Di', role: 'Executive', department: 'Ops', hidden: false },
    { name: 'Lead Ed', role: 'Executive', department: 'People', hidden: false },
  ];
  for (const [department, n] of Object.entries(sizes)) {
    for (let i = 0; i < n; i++) {
      const hidden = hiddenDepartments.includes(department);
      people.push({ name: `${hidden ? 'Secret' : 'Member'} ${department} ${String.fromCharCode(65 + i)}`, role: 'Manager', department, hidden });
    }
  }
  return people;
}

const CASES: Array<{ what: string; sizes: Record<string, number>; small: string[]; alsoHidden: string[] }> = [
  // 5 leaders + 6 + 5 + 4 = 20; showing Sales and Ops leaves 20 - 5 - 11 = 4: Ops (the next smallest) is hidden too
  { what: 'one department under the threshold', sizes: { Sales: 6, Ops: 5, Finance: 4 }, small: ['Finance'], alsoHidden: ['Ops'] },
  // 5 + 7 + 6 + 4 + 3 = 25; 25 - 5 - 13 = 7: nothing more to hide
  { what: 'two departments under the threshold', sizes: { Sales: 7, Ops: 6, Finance: 4, People: 3 }, small: ['Finance', 'People'], alsoHidden: [] },
];

describe.each(CASES)('a survey with $what', ({ sizes, small, alsoHidden }) => {
  const hiddenDepartments = [...small, ...alsoHidden];
  const people = team(sizes, hiddenDepartments);
  const { csv, lineOf } = survey(people);
  const file = tmp.write(`survey-${small.join('-')}.csv`, csv);
  const hiddenPeople = people.filter((p) => p.hidden);

  test('the JSON: hidden groups suppressed, every split remainder 0 or at least 5, no hidden member named or quoted', async () => {
    const run = await runAlign(['audit', file, '--format', 'json', '--skip-invalid']);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout);
    const s = a.survey;
    for (const item of s.items) {
      for (const d of hiddenDepartments) expect(item.byDepartment[d], d).toEqual({ suppressed: true });
      const shown = Object.entries(item.byDepartment).filter(([, g]) => !(g as { suppressed?: true }).suppressed);
      // members counted from Q1, which every member answered (Q3 holds the invalid answers some hidden members gave)
      const q1 = s.items[0].byDepartment;
      const shownMembers = shown.reduce((n, [d]) => n + q1[d].n, 0);
      // recomputed here from the counts the report makes public: respondents, leaders, the groups shown
      const remainder = s.respondents - s.leaders - shownMembers;
      expect(remainder === 0 || remainder >= 5, `remainder ${remainder}`).toBe(true);
    }
    for (const r of [s.departmentsRemainder, s.levelsRemainder]) expect(r === 0 || r >= 5).toBe(true);
    for (const d of a.stack.departments) if (hiddenDepartments.includes(d.department)) expect(d).toEqual({ department: d.department, suppressed: true });
    const text = run.stdout;
    for (const p of hiddenPeople) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.name.toLowerCase().replace(/ /g, '.'));
      expect(text).not.toContain(`Comment from ${p.name}`);
    }
  });

  test('the Markdown and HTML reports and the terminal view: no hidden member named, quoted or pointed to by line', async () => {
    const md = await runAlign(['audit', file, '--format', 'md', '--skip-invalid']);
    const html = await runAlign(['audit', file, '--format', 'html', '--skip-invalid']);
    const view = await runAlign(['stack', file, '--skip-invalid']);
    expect(md.code, md.stderr).toBe(0);
    expect(html.code, html.stderr).toBe(0);
    expect(view.code, view.stderr).toBe(0);
    for (const out of [md.stdout, html.stdout, view.stdout]) {
      for (const p of hiddenPeople) {
        expect(out).not.toContain(p.name);
        expect(out).not.toContain(p.name.toLowerCase().replace(/ /g, '.'));
        expect(out).not.toContain(`Comment from ${p.name}`);
        expect(out).not.toMatch(new RegExp(`\\bline ${lineOf.get(p.name)}\\b`));
        expect(out).not.toMatch(new RegExp(`\\blines [0-9, -]*\\b${lineOf.get(p.name)}\\b`));
      }
      expect(out).not.toContain('"x"'); // the hidden member's invalid answer
    }
  });
});

test('comments come only from the groups shown, and only when they pool at least ten people', async () => {
  // 5 leaders + Sales 6 + Ops 6 + Finance 3 + People 5 = 25; Finance is under 5, and showing the rest would leave
  // 25 - 5 - 17 = 3, so People (the next smallest) is hidden too: Sales and Ops pool 12 comments, at least ten.
  const people = team({ Sales: 6, Ops: 6, Finance: 3, People: 5 }, []);
  const { csv } = survey(people);
  const run = await runAlign(['audit', tmp.write('comments.csv', csv), '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  const s = JSON.parse(run.stdout).survey;
  const shown = Object.entries(s.items[0].byDepartment)
    .filter(([, g]) => !(g as { suppressed?: true }).suppressed)
    .map(([d]) => d);
  expect(shown.sort()).toEqual(['Ops', 'Sales']);
  const texts: string[] = s.comments.flatMap((c: { texts: string[] }) => c.texts);
  expect(texts).toContain('Comment from Member Sales A');
  expect(texts.filter((t) => /Finance|People|Lead/.test(t))).toEqual([]);
  expect(texts).toHaveLength(12);
});

describe('no group can be worked out from the others, across the splits either (found by the QA pass)', () => {
  /** One row per person: [role, department], answering Q1..Q3. */
  const file = (name: string, people: Array<[string, string]>) =>
    tmp.write(
      name,
      `name,role,department,Q1,Q2,Q3\n${people.map(([role, dept], i) => `P${i},${role},${dept},${(i % 5) + 1},${((i + 1) % 5) + 1},${((i + 3) % 5) + 1}`).join('\n')}\n`,
    );
  const times = (n: number, row: [string, string]): Array<[string, string]> => Array.from({ length: n }, () => row);
  const survey = async (path: string) => {
    const run = await runAlign(['audit', path, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout).survey;
  };
  const state = (groups: Record<string, { suppressed?: true; n?: number }>) =>
    Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, g.suppressed ? 'hidden' : 'shown']));

  test("four leaders: everyone minus the Manager level would give the leaders' own answers, so no level is shown", async () => {
    const s = await survey(
      file('four-leaders.csv', [...times(4, ['Executive', 'Office']), ...times(12, ['Manager', 'Sales']), ...times(13, ['Manager', 'Ops'])]),
    );
    expect(state(s.items[0].byLevel)).toEqual({ Executive: 'hidden', Manager: 'hidden' });
    expect(s.gaps[0]).toEqual({ item: 'Q1', suppressed: true });
  });

  test('four leaders: everyone minus the departments shown would give their answers too, so the smallest department is hidden with them', async () => {
    const s = await survey(
      file('four-leaders-depts.csv', [...times(4, ['Executive', 'Office']), ...times(6, ['Manager', 'Sales']), ...times(7, ['Manager', 'Ops'])]),
    );
    // shown alone, Sales (6) and Ops (7) would leave 17 - 13 = 4: the leaders
    expect(state(s.items[0].byDepartment)).toEqual({ Ops: 'shown', Sales: 'hidden' });
    expect(s.departmentsRemainder).toBe(10);
  });

  test('the Manager level minus two departments of managers would leave a third, small, department', async () => {
    const s = await survey(
      file('cross.csv', [
        ...times(4, ['Executive', 'Office']),
        ...times(2, ['Executive', 'Board']),
        ...times(10, ['Manager', 'Gamma']),
        ...times(6, ['Manager', 'Delta']),
        ...times(4, ['Manager', 'Alpha']),
        ...times(5, ['Analyst', 'Beta']),
      ]),
    );
    const deps = state(s.items[0].byDepartment);
    const levels = state(s.items[0].byLevel);
    expect(deps.Alpha).toBe('hidden');
    // Manager (20) = Gamma (10) + Delta (6) + Alpha (4): with Gamma and Delta shown, the Manager level must not be
    expect(levels.Manager === 'hidden' || deps.Gamma === 'hidden' || deps.Delta === 'hidden').toBe(true);
  });
});

test('a hidden group cannot be reached through the other split’s remainder (QA: everyone − Executive − Manager − Y − Z = X’s 3 team members)', async () => {
  const { aDataset } = await import('./builders.js');
  const { buildAudit } = await import('../../src/audit/audit.js');
  const item = 'I know the priorities';
  const b = aDataset().withItem(item);
  ['X', 'Y', 'Z', 'X', 'Y'].forEach((d, i) => {
    b.withLeader(`Lead ${i + 1}`, d, ['A', 'B']).answering({ likert: { [item]: 4 } });
  });
  b.withAnswering(7, 'X', { likert: { [item]: 4 } }, ['A', 'B'], 'Manager');
  b.withAnswering(3, 'X', { likert: { [item]: 1 } }, ['A', 'B'], 'Team member');
  b.withAnswering(10, 'Y', (i) => ({ likert: { [item]: 2 + (i % 3) } }), ['A', 'B'], 'Team member');
  b.withAnswering(10, 'Z', (i) => ({ likert: { [item]: 2 + (i % 3) } }), ['A', 'B'], 'Team member');
  const s = buildAudit(b.build(), { version: 'test', permutations: 100 }).survey!;
  const shown = (g: Record<string, unknown>, k: string) => k in g && !('suppressed' in (g[k] as object));
  const it = s.items[0]!;
  // the derivation needs all four shown; at least one must be hidden
  expect(shown(it.byLevel, 'Executive') && shown(it.byLevel, 'Manager') && shown(it.byDepartment, 'Y') && shown(it.byDepartment, 'Z')).toBe(false);
  // X (7 managers, 3 team members) shown with the Manager level (X's 7) would give the 3 (test/audit/derivation.test.ts checks every such difference)
  expect(shown(it.byDepartment, 'X') && shown(it.byLevel, 'Manager')).toBe(false);
});
