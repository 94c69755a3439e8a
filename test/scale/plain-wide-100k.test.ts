// Acceptance (issue 13, scale): "On the 100k file, align audit --format json gives the same
// per-department means, SDs, favourable shares, r_wg and W as an independent computation to 1e-9,
// and its JSON is under 2 MB."
//
// The 100k file is the plain wide table of scripts/lib/plain-wide.mjs (seeded, so always the same
// bytes), written into a temporary folder and read by the real bin/align.js without a config.
// The independent computation works from the generator's `people` (the truth it wrote), from the
// definitions, not from align's src/stats:
//   leaders: role `Executive` (align's default leader role); a department's group is its non-leaders.
//   mean = Σx/n; sample SD = sqrt(Σ(x - mean)²/(n - 1)) (two passes; numpy's ddof=1);
//   favourable = share of 4 and 5 on the 1..5 scale (the top ⌊5/2⌋ points);
//   r_wg = 1 - s²/σ²_EU, σ²_EU = (5² - 1)/12 = 2, truncated to [0, 1] (James, Demaree and Wolf 1984);
//   W = 12 S / (m²(N³ - N) - m ΣT), S = Σ_i (R_i - m(N + 1)/2)², T = Σ (t³ - t) over each leader's
//   tie groups (Kendall and Babington Smith 1939; the tie correction as R DescTools::KendallW(correct = TRUE)).
// Timeout: align takes some 15-35 s on 100k on a 2-core machine today (the ingest and the audit are
// being sped up); the test allows 120 s.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlainWidePerson, PRIORITIES, plainWideRows, writePlainWide } from '../../scripts/lib/plain-wide.mjs';
import { BIN, ROOT } from '../helpers/run.js';

const ROWS = 100_000;
const TOL = 1e-9;
const POINTS = 5;
const SIGMA2_EU = (POINTS * POINTS - 1) / 12;
const TIMEOUT = 120_000;

type Json = any;

interface Expected {
  n: number;
  mean: number;
  sd: number;
  favourable: number;
  rwg: number;
}

function groupStats(values: readonly number[]): Expected {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  let favourable = 0;
  for (const v of values) {
    squares += (v - mean) * (v - mean);
    if (v >= 4) favourable++;
  }
  const variance = squares / (n - 1);
  return { n, mean, sd: Math.sqrt(variance), favourable: favourable / n, rwg: Math.min(1, Math.max(0, 1 - variance / SIGMA2_EU)) };
}

/** Midranks of one leader's row, and ΣT contributions (t³ - t) of its tie groups. */
function midranksWithTies(row: readonly number[]): { ranks: number[]; ties: number } {
  const order = row.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(row.length);
  let ties = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    const t = end - start + 1;
    for (let k = start; k <= end; k++) ranks[order[k]![1]] = (start + end) / 2 + 1;
    ties += t * t * t - t;
    start = end + 1;
  }
  return { ranks, ties };
}

function kendallWOf(rows: ReadonlyArray<readonly number[]>): number {
  const m = rows.length;
  const n = rows[0]!.length;
  const sums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const row of rows) {
    const { ranks, ties } = midranksWithTies(row);
    ranks.forEach((r, i) => {
      sums[i]! += r;
    });
    tieSum += ties;
  }
  const centre = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, r) => acc + (r - centre) * (r - centre), 0);
  return (12 * s) / (m * m * (n * n * n - n) - m * tieSum);
}

function close(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL);
}

describe(`align audit --format json on the ${ROWS / 1000}k plain wide export against an independent computation`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-scale-'));
  const csv = join(dir, 'plain-wide-100k.csv');
  const out = join(dir, 'out.json');
  const people: PlainWidePerson[] = [];
  let result: Json;

  beforeAll(async () => {
    writePlainWide(csv, { rows: ROWS });
    // the same generator, row by row, gives the people it wrote (seeded: the same rows)
    for (const { person } of plainWideRows({ rows: ROWS }).rows) people.push(person);
    const run = await promisify(execFile)(process.execPath, [BIN, 'audit', csv, '--format', 'json', '-o', out], {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
      timeout: TIMEOUT - 10_000,
    });
    expect(run.stdout).toBe('');
    result = JSON.parse(readFileSync(out, 'utf8'));
  }, TIMEOUT);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const isLeader = (p: PlainWidePerson) => p.role.toLowerCase() === 'executive';

  it('writes JSON under 2 MB', () => {
    expect(statSync(out).size).toBeLessThan(2_000_000);
  });

  it('reads all 100,000 respondents, 12 of them leaders, and shows every department', () => {
    expect(result.survey.respondents).toBe(ROWS);
    expect(result.survey.leaders).toBe(people.filter(isLeader).length);
    expect(result.survey.leaders).toBe(12);
    expect(result.survey.departmentsRemainder).toBe(0);
  });

  it("per item and department (its non-leaders): n, mean, sample SD, favourable share and r_wg equal the generator's truth to 1e-9", () => {
    const groups = new Map<string, PlainWidePerson[]>();
    for (const p of people) {
      if (isLeader(p)) continue;
      const group = groups.get(p.department);
      if (group) group.push(p);
      else groups.set(p.department, [p]);
    }
    const departments = [...groups.keys()].sort();
    expect(departments).toHaveLength(12);
    const items = result.survey.items as Json[];
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 40 }, (_, i) => `Q${i + 1}`));
    items.forEach((item, q) => {
      expect(Object.keys(item.byDepartment).sort(), `${item.id}: departments`).toEqual(departments);
      for (const department of departments) {
        const answers = groups
          .get(department)!
          .map((p) => p.likert[q])
          .filter((v): v is number => v !== null);
        const want = groupStats(answers);
        const got = item.byDepartment[department];
        const what = `${item.id}.byDepartment[${department}]`;
        expect(got.suppressed, `${what} is shown`).toBeUndefined();
        expect(got.n, `${what}.n`).toBe(want.n);
        close(got.mean, want.mean, `${what}.mean`);
        close(got.sd, want.sd, `${what}.sd`);
        close(got.favourable, want.favourable, `${what}.favourable`);
        close(got.rwg, want.rwg, `${what}.rwg`);
      }
    });
  });

  it("the leaders' W (from their Rank columns, tie-corrected) equals the independent W to 1e-9", () => {
    const leaders = people.filter(isLeader);
    const rows = leaders.map((p) => PRIORITIES.map((name) => p.ranks[name]!));
    expect(result.stack.concordance.raters).toBe(leaders.length);
    close(result.stack.concordance.W, kendallWOf(rows), 'stack.concordance.W');
  });
});
