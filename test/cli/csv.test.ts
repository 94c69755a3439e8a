// align audit --format csv --table <name> (issue 13): each table of the bundled
// example and of a stacks file, parsed back and compared with --format json to
// 1e-12; a hostile input whose names start like spreadsheet formulas; a hidden
// department without numbers; the atomic write; and one-line usage errors.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, GroupStats, MaybeSuppressed } from '../../src/audit/types.js';
import { runAlign, spawnAlign } from '../helpers/run.js';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];
const STACKS = ['examples/fernhill-stacks.csv'];
const TOLERANCE = 1e-12;
const dir = mkdtempSync(join(tmpdir(), 'align-csv-'));

/** One cell as written: quoted is text; unquoted is empty (null), true, false, or a number. */
function cellOf(value: string, quoted: boolean): Cell {
  if (quoted) return value;
  if (value === '') return null;
  if (value === 'true' || value === 'false') return value === 'true';
  return Number(value);
}

function parseCsv(text: string): Row[] {
  return parse(text, { columns: true, cast: (value, context) => (context.header ? value : cellOf(value, context.quoting)) }) as Row[];
}

async function json(args: string[]): Promise<AuditResult> {
  const run = await runAlign(['audit', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AuditResult;
}

async function table(args: string[], name: string): Promise<Row[]> {
  const run = await runAlign(['audit', ...args, '--format', 'csv', '--table', name]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return parseCsv(run.stdout);
}

/** A number from the CSV against the JSON's: both null, or equal within TOLERANCE. */
function expectSame(actual: Cell | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), what).toBeLessThanOrEqual(TOLERANCE);
}

const STATS = ['n', 'mean', 'sd', 'favourable', 'neutral', 'unfavourable', 'rwg', 'adi'] as const;

/** The rows of one item or dimension against its groups in the JSON, in order overall, departments, levels. */
function expectGroups(
  rows: Row[],
  x: { overall: MaybeSuppressed<GroupStats>; byDepartment: Record<string, MaybeSuppressed<GroupStats>>; byLevel: Record<string, MaybeSuppressed<GroupStats>> },
  what: string,
): void {
  const groups = [
    ['overall', 'overall', x.overall] as const,
    ...Object.entries(x.byDepartment).map(([g, s]) => ['department', g, s] as const),
    ...Object.entries(x.byLevel).map(([g, s]) => ['level', g, s] as const),
  ];
  expect(rows.map((r) => [r.split, r.group])).toEqual(groups.map(([split, group]) => [split, group]));
  groups.forEach(([, group, s], i) => {
    const r = rows[i] as Row;
    if ('suppressed' in s) {
      expect(r.status).toBe('hidden');
      for (const k of [...STATS, 'favourableCILow', 'favourableCIHigh']) expect(r[k], `${what} ${group} ${k}`).toBeNull();
      return;
    }
    expect(r.status).toBe('shown');
    for (const k of STATS) expectSame(r[k], s[k], `${what} ${group} ${k}`);
    expectSame(r.favourableCILow, s.favourableCI?.[0], `${what} ${group} CI low`);
    expectSame(r.favourableCIHigh, s.favourableCI?.[1], `${what} ${group} CI high`);
  });
}

describe('align audit --format csv on the bundled example', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await json(SURVEY);
  });

  it('--table items: every item by every group, as in the JSON', async () => {
    const rows = await table(SURVEY, 'items');
    const items = result.survey!.items;
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(items.map((i) => i.id)));
    for (const item of items) {
      const mine = rows.filter((r) => r.id === item.id);
      expect(mine.every((r) => r.text === item.text && r.dimension === item.dimension)).toBe(true);
      expectGroups(mine, item, item.id);
    }
    // Finance and People are hidden in the example: rows that say so, with no number
    expect(rows.some((r) => r.group === 'Finance' && r.status === 'hidden')).toBe(true);
  });

  it('--table dimensions: every dimension by every group, and alpha or its reason', async () => {
    const rows = await table(SURVEY, 'dimensions');
    for (const d of result.survey!.dimensions) {
      const mine = rows.filter((r) => r.name === d.name);
      expectGroups(mine, d, d.name);
      for (const r of mine) {
        expectSame(r.alpha, d.alpha, `${d.name} alpha`);
        if (d.alpha === null) expect(r.reasons).toContain(`alpha: n/a (${d.alphaReason})`);
      }
    }
  });

  it('--table stack, pairs and departments, as in the JSON', async () => {
    await expectStackTables(SURVEY, result);
  });
});

/** The three stack tables of a run against its JSON. */
async function expectStackTables(args: string[], result: AuditResult): Promise<void> {
  const stack = result.stack!;
  const consensus = await table(args, 'stack');
  expect(consensus.map((r) => r.priority)).toEqual(stack.consensus.map((c) => c.priority));
  consensus.forEach((r, i) => {
    const c = stack.consensus[i]!;
    for (const k of ['position', 'meanRank', 'sd', 'top3Share', 'firstPlaces'] as const) expectSame(r[k], c[k], `${c.priority} ${k}`);
    expect([r.unanimous, r.contested]).toEqual([c.unanimous, c.contested]);
    const cope = stack.copeland.find((x) => x.priority === c.priority)!;
    expectSame(r.copelandScore, cope.score, `${c.priority} copeland`);
    expectSame(r.kemenyPosition, stack.kemeny === null ? null : stack.kemeny.order.indexOf(c.priority) + 1, `${c.priority} kemeny`);
  });

  const pairs = await table(args, 'pairs');
  expect(pairs.map((r) => [r.a, r.b])).toEqual(stack.pairs.map((p) => [p.a, p.b]));
  pairs.forEach((r, i) => {
    const p = stack.pairs[i]!;
    for (const k of ['spearman', 'kendallTauB', 'rbo'] as const) expectSame(r[k], p[k], `${p.a}/${p.b} ${k}`);
  });

  const departments = await table(args, 'departments');
  expect(departments.map((r) => r.department)).toEqual(stack.departments.map((d) => d.department));
  departments.forEach((r, i) => {
    const d = stack.departments[i]!;
    if ('suppressed' in d) {
      expect(r.status).toBe('hidden');
      expect(Object.values(r).filter((v) => typeof v === 'number')).toEqual([]);
      return;
    }
    expectSame(r.n, d.n, `${d.department} n`);
    expectSame(r.W, d.W, `${d.department} W`);
    expectSame(r.spearmanToLeadership, d.spearmanToLeadership, `${d.department} rho`);
    for (const p of stack.priorities) expectSame(r[`meanRank: ${p}`], d.meanRanks[p], `${d.department} ${p}`);
    expect(r.consensusOrder).toBe(d.consensusOrder.join(' > '));
  });
}

describe('align audit --format csv on a stacks file', () => {
  it('--table stack, pairs and departments, as in the JSON', async () => {
    await expectStackTables(STACKS, await json(STACKS));
  });

  it('--table items on a file with no rating questions: exit 2, one line naming the tables there are', async () => {
    const run = await runAlign(['audit', ...STACKS, '--format', 'csv', '--table', 'items']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('align: this input has no rating questions, so there is no items table; use --table stack, pairs or departments\n');
  });
});

/** A plain wide table: `names` start like formulas; '@Tiny' (two people) is hidden. */
function hostileFile(withRanking: boolean): string {
  const items = ['=1+1 I know the plan', '+We agree', '-Leaders listen', '@me decides'];
  const priorities = ['=HYPERLINK("http://x")', '+Grow', '-Cut costs', '@Hire', 'Quality'];
  const header = ['respondent_id', 'name', 'role', 'department', ...items, ...(withRanking ? priorities.map((p) => `Rank: ${p}`) : [])];
  const quote = (c: string | number) => (typeof c === 'number' ? String(c) : `"${c.replace(/"/g, '""')}"`);
  const lines = [header.map(quote).join(',')];
  let id = 0;
  // a fixed pseudo-random sequence, so the file (and its numbers) never change
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const people: Array<[string, string, string]> = [
    ['=Ann', 'Executive', '=Sales'],
    ['+Bo', 'Executive', '+Ops'],
    ['-Cy', 'Executive', '-Eng'],
  ];
  for (const [dept, n] of [
    ['=Sales', 6],
    ['+Ops', 6],
    ['-Eng', 6],
    ['@Tiny', 2],
  ] as const) {
    for (let k = 0; k < n; k++) people.push([`P${people.length}`, k % 2 ? 'Manager' : 'Team member', dept]);
  }
  for (const [name, role, dept] of people) {
    const ranks = [1, 2, 3, 4, 5].sort((a, b) => ((a * next()) % 11) - ((b * next()) % 11));
    const answers = items.map(() => 1 + (next() % 5));
    lines.push([++id, name, role, dept, ...answers, ...(withRanking ? ranks : [])].map(quote).join(','));
  }
  const path = join(dir, withRanking ? 'hostile.csv' : 'hostile-survey.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('formula injection and anonymity on a hostile input', () => {
  const FORMULA = /^[=+\-@\t\r]/;
  let file: string;
  beforeAll(() => {
    file = hostileFile(true);
  });

  it.each(['items', 'stack', 'pairs', 'departments'])('--table %s: no text cell starts like a formula; numbers are plain', async (name) => {
    const run = await runAlign(['audit', file, '--format', 'csv', '--table', name]);
    expect(run.code, run.stderr).toBe(0);
    const cells = (parse(run.stdout, { cast: (v, c) => cellOf(v, c.quoting) }) as Cell[][]).flat();
    for (const cell of cells) if (typeof cell === 'string') expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
    expect(cells.filter((c) => typeof c === 'number' && !Number.isFinite(c))).toEqual([]);
  });

  it('--table dimensions on a plain table without dimensions: the header alone', async () => {
    const run = await runAlign(['audit', file, '--format', 'csv', '--table', 'dimensions']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      '"name","level","items","alpha","split","group","status","n","mean","sd","favourable","favourableCILow","favourableCIHigh","neutral","unfavourable","rwg","adi","reasons"\n',
    );
  });

  it('names from the input keep their text after the quote; negative numbers stay numbers', async () => {
    const result = await json([file]);
    const stack = await runAlign(['audit', file, '--format', 'csv', '--table', 'stack']);
    expect(stack.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(stack.stdout).toContain(`"'+Grow"`);
    const pairs = await runAlign(['audit', file, '--format', 'csv', '--table', 'pairs']);
    expect(pairs.stdout).toContain(`"'=Ann","'+Bo"`);
    const negative = result.stack!.pairs.map((p) => p.kendallTauB).filter((x): x is number => x !== null && x < 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const x of negative) {
      expect(pairs.stdout).toContain(`,${x},`);
      expect(pairs.stdout).not.toContain(`'${x}`);
    }
    const items = parseCsv((await runAlign(['audit', file, '--format', 'csv', '--table', 'items'])).stdout);
    expect(items[0]).toMatchObject({ id: "'=1+1 I know the plan", split: 'overall' });
  });

  it('a hidden department is a row that says so and nothing else, in every table', async () => {
    const items = parseCsv((await runAlign(['audit', file, '--format', 'csv', '--table', 'items'])).stdout);
    const tiny = items.filter((r) => r.group === "'@Tiny");
    expect(tiny.length).toBeGreaterThan(0);
    for (const r of tiny) {
      expect(r.status).toBe('hidden');
      expect(r.reasons).toBe('hidden (protects groups under 5)');
      expect(Object.values(r).filter((v) => typeof v === 'number')).toEqual([]);
    }
    const departments = parseCsv((await runAlign(['audit', file, '--format', 'csv', '--table', 'departments'])).stdout);
    const row = departments.find((r) => r.department === "'@Tiny")!;
    expect(row).toMatchObject({ status: 'hidden', n: null, W: null, reasons: 'hidden (protects groups under 5)' });
  });

  it('--table stack on a survey without a ranking question: exit 2, one line naming the fix', async () => {
    const run = await runAlign(['audit', hostileFile(false), '--format', 'csv', '--table', 'stack']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^align: this input has no priority stacks \(the input has no ranking question\), so there is no stack table; use --table items or dimensions, or name the ranking question with --ranking-question "<header>" \(align inspect shows how the columns were read\)\n$/,
    );
  });
});

describe('align audit --format csv -o', () => {
  it('writes the table atomically, leaves no temp file, and refuses to replace a file without --force', async () => {
    const out = join(dir, 'pairs.csv');
    const run = await runAlign(['audit', ...STACKS, '--format', 'csv', '--table', 'pairs', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`align: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^"a","b","spearman","kendallTauB","rbo","reasons"\n/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.align-tmp'))).toEqual([]);
    writeFileSync(out, 'keep me');
    const again = await runAlign(['audit', ...STACKS, '--format', 'csv', '--table', 'stack', '-o', out]);
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });
});

describe('usage errors: exit 2, one line, no stack trace', () => {
  it.each([
    [['--format', 'csv'], 'align: --format csv writes one table per run; add --table items, dimensions, stack, pairs or departments'],
    [['--table', 'items'], 'align: --table applies only to --format csv; add --format csv or leave --table out'],
    [['--format', 'json', '--table', 'items'], 'align: --table applies only to --format csv; add --format csv or leave --table out'],
    [['--format', 'csv', '--table', 'raters'], 'align: --table "raters" is not a table; use one of items, dimensions, stack, pairs, departments'],
    [['--format', 'csv', '--table', ''], 'align: --table "" is not a table; use one of items, dimensions, stack, pairs, departments'],
    [
      ['--format', 'csv', '--table', 'items', '--baseline', 'before.json'],
      'align: --baseline adds "Since the last audit" to the md, html and pdf reports; for the moves as data, use align diff <baseline.json> <audit.json> --json',
    ],
  ])('%j', async (flags, message) => {
    const run = await runAlign(['audit', ...SURVEY, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n`);
  });

  it('accepts the table name in any case', async () => {
    const run = await runAlign(['audit', ...STACKS, '--format', 'CSV', '--table', ' Pairs ']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^"a","b",/);
  });
});

describe('bin/align.js --format csv', () => {
  it('prints the stack table on standard output, and a usage error as one line', () => {
    const ok = spawnAlign(['audit', ...STACKS, '--format', 'csv', '--table', 'stack']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^"priority","position","meanRank",/);
    const bad = spawnAlign(['audit', ...STACKS, '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('align: --format csv writes one table per run; add --table items, dimensions, stack, pairs or departments\n');
  });
});
