// Acceptance (issue 7, points 1-3; ARCHITECTURE.md "Anonymity"): a survey-like
// long stacks file where small departments' members have everything a note is
// made of (a tie, a blank rank, two people with one name and no email, a
// write-in naming a colleague, an invalid value left out with --skip-invalid).
// No report a client reads (Markdown, the terminal view) names, quotes or
// locates any of them; the JSON ledger keeps lines but no name, email or
// answer; every split's hidden remainder is 0 or at least the threshold.
import { afterAll, describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const P = ['Grow revenue', 'Cut costs', 'Hire engineers', 'Enter Asia', 'Build the platform', 'Improve service'];
const rotate = (k: number) => [...P.slice(k), ...P.slice(0, k)];

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  department: string;
  /** [priority, rank as written] */
  ranks: Array<[string, string]>;
}

const ranked = (order: readonly string[]): Array<[string, string]> => order.map((p, i) => [p, String(i + 1)]);

function members(department: string, count: number, offset: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${department}-${i + 1}`,
    name: `${department} Person${i + 1}`,
    email: `${department.toLowerCase()}.person${i + 1}@example.com`,
    role: 'Manager',
    department,
    ranks: ranked(rotate((i + offset) % P.length)),
  }));
}

/** The members of the hidden group `department` with notes-worthy data (the secrets the test looks for). */
function troublemakers(department: string): Person[] {
  const d = department;
  return [
    // a tie: ranks 1 and 1
    {
      id: `${d}-t`,
      name: `Tilda ${d}tie`,
      email: `tilda.${d}@example.com`,
      role: 'Manager',
      department: d,
      ranks: [
        [P[0]!, '1'],
        [P[1]!, '1'],
        [P[2]!, '3'],
      ],
    },
    // a blank rank on one row
    {
      id: `${d}-b`,
      name: `Sam ${d}same`,
      email: '',
      role: 'Manager',
      department: d,
      ranks: [
        [P[3]!, '1'],
        [P[4]!, '2'],
        [P[5]!, ''],
      ],
    },
    // same name, no email
    { id: `${d}-c`, name: `Sam ${d}same`, email: '', role: 'Manager', department: d, ranks: ranked(rotate(2)) },
    // a write-in naming a colleague
    {
      id: `${d}-w`,
      name: `Wendy ${d}writein`,
      email: `wendy.${d}@example.com`,
      role: 'Manager',
      department: d,
      ranks: [
        [`Promote Zelda ${d}quist`, '1'],
        [P[0]!, '2'],
        [P[1]!, '3'],
      ],
    },
    // an invalid rank: left out with --skip-invalid, its answer quoted by the format module
    {
      id: `${d}-i`,
      name: `Ivan ${d}invalid`,
      email: `ivan.${d}@example.com`,
      role: 'Manager',
      department: d,
      ranks: [
        [P[0]!, `xyzzy${d}`],
        [P[1]!, '2'],
      ],
    },
  ];
}

const leaders: Person[] = [
  { id: 'L1', name: 'Ana Chief', email: 'ana@example.com', role: 'Executive', department: 'Sales', ranks: ranked(P) },
  { id: 'L2', name: 'Bo Chief', email: 'bo@example.com', role: 'Executive', department: 'Ops', ranks: ranked(rotate(1)) },
  { id: 'L3', name: 'Cy Chief', email: 'cy@example.com', role: 'Executive', department: 'Eng', ranks: ranked(rotate(3)) },
];

function csv(people: Person[]): { text: string; lines: Map<string, number[]> } {
  const rows = ['respondent,name,email,role,department,priority,rank'];
  const lines = new Map<string, number[]>();
  for (const p of people) {
    for (const [priority, rank] of p.ranks) {
      rows.push([p.id, p.name, p.email, p.role, p.department, priority, rank].join(','));
      lines.set(p.id, [...(lines.get(p.id) ?? []), rows.length]);
    }
  }
  return { text: rows.join('\n') + '\n', lines };
}

const folder = tempFolder();
afterAll(() => folder.remove());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function outputs(file: string) {
  const run = async (args: string[]) => {
    const r = await runAlign(args);
    expect(r.stderr, args.join(' ')).toBe('');
    expect(r.code, args.join(' ')).toBe(0);
    return r.stdout;
  };
  return {
    terminal: await run(['stack', file, '--skip-invalid', '--no-color']),
    md: await run(['audit', file, '--skip-invalid', '--format', 'md']),
    html: await run(['audit', file, '--skip-invalid', '--format', 'html']),
    auditJson: JSON.parse(await run(['audit', file, '--skip-invalid', '--format', 'json'])) as Json,
    stackJson: JSON.parse(await run(['stack', file, '--skip-invalid', '--json'])) as Json,
  };
}

/** The rows of the notes and excluded tables (Markdown) or the Data section (terminal): where lines are given. */
function ledgerPart(text: string, start: RegExp): string {
  const i = text.search(start);
  expect(i, String(start)).toBeGreaterThanOrEqual(0);
  return text.slice(i);
}

function check(people: Person[], hiddenDepartments: string[], shownDepartments: string[]): Promise<void> {
  return (async () => {
    const { text, lines } = csv(people);
    const file = folder.write(`survey-${hiddenDepartments.join('-')}.csv`, text);
    const out = await outputs(file);
    const hidden = people.filter((p) => p.role !== 'Executive' && hiddenDepartments.includes(p.department));
    const secrets = new Set<string>();
    for (const p of hidden) {
      secrets.add(p.name);
      if (p.email) secrets.add(p.email);
      for (const [priority, rank] of p.ranks) {
        if (!P.includes(priority)) secrets.add(priority);
        if (!/^\d*$/.test(rank)) secrets.add(rank);
      }
    }
    expect(secrets.size).toBeGreaterThan(8);
    for (const [what, body] of [
      ['terminal', out.terminal],
      ['md', out.md],
      ['html', out.html],
      ['audit json', JSON.stringify(out.auditJson)],
      ['stack json', JSON.stringify(out.stackJson)],
    ] as const) {
      for (const s of secrets) expect(body.includes(s), `${what} contains ${JSON.stringify(s)}`).toBe(false);
    }
    // No line of a hidden member in the reports a client reads.
    const hiddenLines = new Set(hidden.flatMap((p) => lines.get(p.id)!));
    const mdLedger = ledgerPart(out.md, /## Data quality/);
    for (const row of mdLedger.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = row.split('|').map((c) => c.trim());
      for (const n of (cells[2] ?? '')
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number))
        expect(hiddenLines.has(n), `md: ${row}`).toBe(false);
    }
    // The HTML data-quality tables: the Lines column (the second cell of each row).
    const htmlLedger = ledgerPart(out.html, /<h2 id="data-quality-h">/);
    const htmlRows = [...htmlLedger.matchAll(/<tr><th scope="row">[^<]*<\/th><td>([^<]*)<\/td>/g)];
    expect(htmlRows.length).toBeGreaterThan(1);
    for (const m of htmlRows) {
      for (const n of m[1]!
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number))
        expect(hiddenLines.has(n), `html: ${m[0]}`).toBe(false);
    }
    const termLedger = ledgerPart(out.terminal, /\nData\b/);
    for (const m of termLedger.matchAll(/\blines? ([0-9, …]+)/g)) {
      for (const n of m[1]!
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number))
        expect(hiddenLines.has(n), `terminal: ${m[0]}`).toBe(false);
    }
    // What they did is still said, by kind and count.
    expect(mdLedger).toMatch(/respondents? in (a group|groups) too small to show gave two or more priorities the same rank/);
    expect(mdLedger).toMatch(/in (a group|groups) too small to show ranked a write-in/);
    expect(mdLedger).toMatch(/invalid value, respondent left out \(--skip-invalid\) \(respondents in groups too small to show\)/);
    expect(out.terminal).toMatch(/too small to show/);
    // A group hidden so that a smaller one cannot be worked out may have 5 or more people: no report calls it smaller
    for (const body of [out.md, out.html, out.terminal]) expect(body).not.toMatch(/fewer than 5 people \(not shown\)|smaller departments? (is|are) not shown/);
    // The JSON ledger keeps their lines, marked suppressed.
    const suppressedLines = new Set<number>();
    for (const n of out.auditJson.input.notes) if (n.suppressed) for (const l of n.lines ?? [n.line]) suppressedLines.add(l);
    for (const e of out.auditJson.input.excluded) if (e.suppressed) suppressedLines.add(e.line);
    expect([...suppressedLines].every((l) => hiddenLines.has(l))).toBe(true);
    expect(suppressedLines.size).toBeGreaterThan(0);
    // Groups: the hidden ones show their name only; the remainder of the split is 0 or >= 5.
    for (const result of [out.auditJson, out.stackJson]) {
      const departments = result.stack.departments as Json[];
      expect(
        departments
          .filter((d) => !d.suppressed)
          .map((d) => d.department)
          .sort(),
      ).toEqual([...shownDepartments].sort());
      for (const d of departments.filter((x) => x.suppressed)) expect(Object.keys(d).sort()).toEqual(['department', 'suppressed']);
      const shownSum = departments.filter((d) => !d.suppressed).reduce((s, d) => s + d.n, 0);
      const remainder = result.input.respondents - result.stack.leaders.length - shownSum;
      expect(remainder === 0 || remainder >= 5, `remainder ${remainder}`).toBe(true);
      // The write-in changes nothing for the leaders: N is what they ranked
      expect(result.stack.priorities).toHaveLength(P.length);
    }
  })();
}

describe('no leaks from small groups (align stack, align audit --format md|html|json, align stack --json)', () => {
  it('one department of four non-leaders (Ops), with Eng (5) hidden too so that Ops cannot be worked out', async () => {
    // used: 3 leaders + Sales 6 + Eng 5 + Ops 4 (Ivan is left out): 18 - 3 - 6 (Sales) = 9 hidden
    const people = [...leaders, ...members('Sales', 6, 0), ...members('Eng', 5, 2), ...troublemakers('Ops')];
    await check(people, ['Ops', 'Eng'], ['Sales']);
  });

  it('two small departments under the threshold (Ops 4, Fin 4), Sales shown', async () => {
    const people = [...leaders, ...members('Sales', 6, 0), ...troublemakers('Ops'), ...troublemakers('Fin')];
    await check(people, ['Ops', 'Fin'], ['Sales']);
  });
});
