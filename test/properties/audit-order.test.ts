// What must not change (STYLE.md habit 3): the order of the respondents in a file. The same
// table with its data rows shuffled (seeded) goes through the real `align audit --format
// json` in-process, and the statistics must be the same: survey, stack, cascade, levels,
// findings, ownership, recall. What legitimately differs is scrubbed first: the file path,
// the file:line of each note and exclusion (a row moves, so its line does), and the order
// in which leaders, pairs, departments and cascade entries are listed, which follows first
// appearance in the file. Numbers are compared to 1e-9 (sums taken in another order).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { plainWide } from '../../scripts/lib/plain-wide.mjs';
import { seededRandom } from '../../src/stats/random.js';
import { shuffled } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const SEED = 20260414;
const dir = mkdtempSync(join(tmpdir(), 'align-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const byJson = (a: Json, b: Json) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortBy = (list: Json, key: (item: Record<string, Json>) => string) =>
  (list as Record<string, Json>[]).slice().sort((a, b) => key(a).localeCompare(key(b)) || byJson(a, b));

/** Removes what may legitimately follow the order of the rows: paths, line numbers, listing order. */
function scrub(result: Record<string, Json>): Record<string, Json> {
  const text = JSON.stringify(result)
    // notes and exclusions carry file:line (and file:line:col)
    .replace(/[^"\s]*?\.csv:\d+(:\d+)?/g, 'FILE:LINE')
    .replace(/\b(lines?|rows?) \d+(( and|,) \d+)*/g, '$1 N');
  const out = JSON.parse(text) as Record<string, Json>;
  delete out.input;
  const stack = out.stack as Record<string, Json> | null;
  if (stack) {
    stack.leaders = (stack.leaders as Json[]).slice().sort(byJson);
    stack.priorities = (stack.priorities as Json[]).slice().sort(byJson);
    stack.raters = sortBy(stack.raters as Json, (r) => String(r.name));
    stack.pairs = sortBy(
      (stack.pairs as Record<string, Json>[]).map((p) => (String(p.a) <= String(p.b) ? p : { ...p, a: p.b ?? null, b: p.a ?? null })),
      (p) => `${String(p.a)}\u0000${String(p.b)}`,
    );
    if (Array.isArray(stack.departments)) stack.departments = sortBy(stack.departments, (d) => String(d.department));
  }
  if (Array.isArray(out.cascade)) out.cascade = sortBy(out.cascade, (c) => String(c.leader));
  // a finding's sentence lists leaders (and the priorities they put first) in the order they
  // appear: compare its words as a multiset
  for (const finding of (out.findings as Record<string, Json>[] | undefined) ?? []) {
    for (const [key, value] of Object.entries(finding)) {
      if (typeof value === 'string')
        finding[key] = value
          .split(/[\s;,.]+/)
          .sort()
          .join(' ');
    }
  }
  // a level's evidence lists departments and leaders in the order they appear
  for (const level of (out.levels as Record<string, Json>[] | undefined) ?? []) {
    if (Array.isArray(level.evidence)) level.evidence = sortBy(level.evidence, (e) => `${String(e.kind)}\u0000${String(e.subject)}`);
  }
  return out;
}

/** The input's respondents, exclusions and notes, without their file and line. */
function inputPart(result: Record<string, Json>): Json {
  const input = result.input as Record<string, Json>;
  const entries = (list: Json) =>
    ((list as Record<string, Json>[] | undefined) ?? [])
      .map(({ file: _file, line: _line, ...rest }) => JSON.parse(JSON.stringify(rest).replace(/[^"\s]*?\.csv(:\d+)*/g, 'FILE')) as Json)
      .sort(byJson);
  return { respondents: input.respondents ?? null, excluded: entries(input.excluded ?? null), notes: entries(input.notes ?? null) };
}

/** Deep equality with numbers compared to 1e-9; reports the first path that differs. */
function expectSame(a: Json, b: Json, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9) expect.fail(`${path}: ${a} vs ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) expect.fail(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return;
  }
  if (Array.isArray(a) !== Array.isArray(b)) expect.fail(`${path}: array vs object`);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    expectSame((a as Record<string, Json>)[k] ?? null, (b as Record<string, Json>)[k] ?? null, `${path}.${k}`);
  }
}

async function auditJson(path: string, extra: string[] = []): Promise<Record<string, Json>> {
  const run = await runAlign(['audit', path, '--format', 'json', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, Json>;
}

/** The same file with its data rows (after `headerRows` lines) in a seeded random order. */
function shuffleRows(text: string, headerRows: number, seed: number): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return `${[...lines.slice(0, headerRows), ...shuffled(lines.slice(headerRows), seededRandom(seed))].join('\n')}\n`;
}

describe('align audit --format json does not depend on the order of the rows', () => {
  it('a plain wide table (Likert items and a ranking), with an invalid row skipped: survey, stack, levels, findings unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (tableSeed, shuffleSeed) => {
        const { csv } = plainWide({ rows: 90, seed: tableSeed, items: 10, departments: 3, executives: 6 });
        // one respondent's rank is not a rank: excluded, with its file and line, under --skip-invalid
        const lines = csv.split('\n');
        lines[20] = (lines[20] as string).replace(/[^,]*$/, 'abc');
        const original = join(dir, `t-${tableSeed}.csv`);
        const moved = join(dir, `t-${tableSeed}-${shuffleSeed}.csv`);
        writeFileSync(original, lines.join('\n'));
        writeFileSync(moved, shuffleRows(lines.join('\n'), 1, shuffleSeed));
        const a = await auditJson(original, ['--skip-invalid']);
        const b = await auditJson(moved, ['--skip-invalid']);
        expect((a.input as { excluded: Json[] }).excluded.length).toBeGreaterThan(0);
        expectSame(inputPart(a), inputPart(b), '$.input');
        expectSame(scrub(a), scrub(b));
      }),
      { seed: SEED, numRuns: 4 },
    );
  });

  it('a long stacks file (one row per ranked priority): the rows of different respondents interleaved', async () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/exports/northwind-rankings-long.csv', import.meta.url)), 'utf8');
    const original = join(dir, 'long.csv');
    writeFileSync(original, text);
    const a = await auditJson(original);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (shuffleSeed) => {
        const moved = join(dir, `long-${shuffleSeed}.csv`);
        writeFileSync(moved, shuffleRows(text, 1, shuffleSeed));
        const b = await auditJson(moved);
        expectSame(inputPart(a), inputPart(b), '$.input');
        expectSame(scrub(a), scrub(b));
      }),
      { seed: SEED, numRuns: 3 },
    );
  });
});
