// Fuzzing the reader through the real command path: damaged and random files must never
// make align crash (exit 1), print a stack trace or hang. Either a result (exit 0) or one
// line on stderr (exit 2, `align: <file>…: problem; fix`), in bounded time.
//
// The cases are the committed fixtures (one export per survey tool, the plain wide 1k
// table) mutated with a seeded mulberry32 (./mutate.ts), and random tables from
// fast-check, each run in-process through main() with an injected io (fast, so many run);
// a handful more go through the real `node bin/align.js` (needs `npm run build`) to check
// the process's own exit code and stderr. The 50 MB cell and the 10,000 columns are
// single deterministic cases.
//
//   npm test                                      -> FUZZ_RUNS cases, seed 20260415
//   ALIGN_FUZZ_RUNS=5000 npx vitest run test/fuzz -> a longer run
//   ALIGN_FUZZ_SEED=7 ...                          -> another seed
//
// A failure names the case (index, seed, base file, command, mutations): run it again
// with the same ALIGN_FUZZ_SEED and the file is rebuilt byte for byte.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { randomIndex, seededRandom } from '../../src/stats/random.js';
import { BIN, type Run, runAlign } from '../helpers/run.js';
import { mutate } from './mutate.js';

/** ALIGN_FUZZ_LOG=<file>: one line per in-process case (exit code and first stderr line), to see what the cases reach. */
const LOG = process.env.ALIGN_FUZZ_LOG;
const RUNS = Number(process.env.ALIGN_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.ALIGN_FUZZ_SEED ?? 20260415);
/** Generous for a 2-core machine running other test files at the same time; a case takes 15 ms on average. */
const CASE_MS = 15_000;
/** The single big cases (50 MB cell, 10,000 columns), each in its own process. */
const BIG_MS = 20_000;

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const BASES = [
  ...readdirSync(join(FIXTURES, 'exports'))
    .filter((f) => /\.(csv|txt|tsv)$/.test(f))
    .sort()
    .map((f) => join(FIXTURES, 'exports', f)),
  join(FIXTURES, 'plain-wide-1k.csv'),
];
const COMMANDS = [(file: string) => ['audit', file, '--format', 'json'], (file: string) => ['inspect', file], (file: string) => ['stack', file]];

const dir = mkdtempSync(join(tmpdir(), 'align-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseBytes = new Map<string, Buffer>();
const bytesOf = (path: string) => {
  let b = baseBytes.get(path);
  if (!b) baseBytes.set(path, (b = readFileSync(path)));
  return b;
};

/** The checks every run must pass, whatever the input; `label` says how to reproduce it. */
function expectCleanOutcome(run: Run, args: string[], label: string): void {
  if (LOG) appendFileSync(LOG, `${run.code}\t${args[0]}\t${label}\t${run.stderr.split('\n')[0]?.slice(0, 300)}\n`);
  const context = `${label}\n$ align ${args.map((a) => (a.length > 200 ? `${a.slice(0, 200)}…` : a)).join(' ')}\nexit ${run.code}\nstderr: ${run.stderr.slice(0, 2000)}`;
  expect([0, 2], context).toContain(run.code);
  expect(run.stderr, context).not.toMatch(/^\s+at /m);
  if (run.code === 2) {
    // one line, in align's own form, naming the file it is about
    expect(run.stderr, context).toMatch(/^align: [^\n]+\n$/);
    expect(run.stderr, context).toContain(basename(args[1] as string));
  } else {
    expect(run.stdout.length, context).toBeGreaterThan(0);
    if (args.includes('json')) expect(() => JSON.parse(run.stdout), context).not.toThrow();
  }
}

/** runAlign, failing (instead of waiting for ever) when a case takes longer than `ms`. */
async function runWithin(args: string[], ms: number, label: string): Promise<Run> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no outcome after ${ms} ms (a hang)`)), ms);
  });
  try {
    const run = await Promise.race([runAlign(args), timeout]);
    // a synchronous loop cannot be interrupted in-process: measure it afterwards
    const elapsed = performance.now() - started;
    expect(elapsed, `${label}: took ${Math.round(elapsed)} ms`).toBeLessThan(ms);
    return run;
  } finally {
    clearTimeout(timer);
  }
}

/** Case i: its own seed, a base file, a command and 1-3 mutations, all from the seed. */
function mutatedCase(i: number): { path: string; args: string[]; label: string } {
  const seed = SEED + i;
  const random = seededRandom(seed);
  const base = BASES[randomIndex(random, BASES.length)] as string;
  const command = COMMANDS[randomIndex(random, COMMANDS.length)]!;
  const { bytes, applied } = mutate(bytesOf(base), random);
  const path = join(dir, `case-${i}${extname(base)}`);
  writeFileSync(path, bytes);
  const args = command(path);
  return { path, args, label: `case ${i} (ALIGN_FUZZ_SEED=${SEED}, seed ${seed}): ${basename(base)} ${args[0]} [${applied.join(', ')}]` };
}

describe(`align on ${RUNS} mutated exports (in-process, seed ${SEED})`, () => {
  for (let i = 0; i < RUNS; i++) {
    it(
      `case ${i}`,
      async () => {
        const { path, args, label } = mutatedCase(i);
        const run = await runWithin(args, CASE_MS, label);
        expectCleanOutcome(run, args, label);
        rmSync(path, { force: true });
      },
      CASE_MS + 5_000,
    );
  }
});

/** A random table: cells of hostile and plain text, any delimiter, quoted or not, any line end. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '"',
    '""',
    '"a""b"',
    '\r',
    '\n',
    '\u0000',
    '\ufeff',
    '1',
    '5',
    '1st',
    'Rank 1',
    'Executive',
    'A;B;C',
  ),
  fc.integer({ min: -2, max: 12 }).map(String),
);
const table = fc.record({
  header: fc.array(cell, { minLength: 1, maxLength: 12 }),
  rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 25 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  quote: fc.boolean(),
  bom: fc.boolean(),
});
const RANDOM_TABLES = Math.max(50, Math.round(RUNS / 3));

describe(`align on ${RANDOM_TABLES} random tables from fast-check (in-process, seed ${SEED})`, () => {
  const tables = fc.sample(table, { seed: SEED, numRuns: RANDOM_TABLES });
  tables.forEach((t, i) => {
    it(
      `table ${i}`,
      async () => {
        const text = [t.header, ...t.rows].map((row) => row.map((c) => (t.quote ? `"${c.replaceAll('"', '""')}"` : c)).join(t.delimiter)).join(t.eol);
        const path = join(dir, `table-${i}.csv`);
        writeFileSync(path, `${t.bom ? '\ufeff' : ''}${text}${t.eol}`);
        const args = COMMANDS[i % COMMANDS.length]!(path);
        const label = `random table ${i} (ALIGN_FUZZ_SEED=${SEED}): ${JSON.stringify(t).slice(0, 500)}`;
        expectCleanOutcome(await runWithin(args, CASE_MS, label), args, label);
        rmSync(path, { force: true });
      },
      CASE_MS + 5_000,
    );
  });
});

/** The real process: exit code, stderr and time as a user sees them. */
function spawnWithin(args: string[], ms: number): Run & { ms: number; killed: boolean } {
  const started = performance.now();
  const res = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: ms,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, ms: performance.now() - started, killed: res.signal !== null };
}

function expectCleanProcess(run: ReturnType<typeof spawnWithin>, args: string[], label: string, ms: number): void {
  expect(run.killed, `${label}: killed after ${ms} ms (a hang)`).toBe(false);
  expectCleanOutcome(run, args, label);
  if (run.code === 2) expect(run.stderr.split('\n').filter(Boolean), label).toHaveLength(1);
}

describe('the real bin/align.js on damaged files', () => {
  it(
    'a handful of the mutated cases exit 0 or 2 with one line and no stack trace',
    () => {
      for (let i = 0; i < 6; i++) {
        const { path, args, label } = mutatedCase(100_000 + i);
        expectCleanProcess(spawnWithin(args, CASE_MS), args, `spawned ${label}`, CASE_MS);
        rmSync(path, { force: true });
      }
    },
    6 * CASE_MS,
  );

  it(
    '__proto__ and constructor as headers and values',
    () => {
      const path = join(dir, 'proto.csv');
      writeFileSync(
        path,
        [
          'respondent,name,role,department,priority,rank,__proto__,constructor',
          'R1,__proto__,Executive,constructor,__proto__,1,__proto__,toString',
          'R1,__proto__,Executive,constructor,constructor,2,__proto__,toString',
          'R2,constructor,Executive,__proto__,constructor,1,prototype,valueOf',
          'R2,constructor,Executive,__proto__,__proto__,2,prototype,valueOf',
          '',
        ].join('\n'),
      );
      for (const command of COMMANDS) {
        const args = command(path);
        expectCleanProcess(spawnWithin(args, CASE_MS), args, `proto.csv ${args[0]}`, CASE_MS);
      }
    },
    3 * CASE_MS,
  );
});

describe('the real bin/align.js on the big single cases, each within 20 s', () => {
  const HEADER = 'respondent,name,role,department,priority,rank';
  const big = (name: string, content: () => string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content());
    return path;
  };

  // each command on the plain 50 MB cell; the variants (where the reader looks for the cell's end) through audit
  it.each([
    ['a 50 MB cell', COMMANDS, () => `${HEADER}\nR1,${'x'.repeat(50_000_000)},Executive,X,Growth,1\nR1,A,Executive,X,Cost,2\n`],
    ['a 50 MB quoted cell', COMMANDS.slice(0, 1), () => `${HEADER}\nR1,"${'x'.repeat(50_000_000)}",Executive,X,Growth,1\n`],
    ['a 50 MB unterminated quoted cell', COMMANDS.slice(0, 1), () => `${HEADER}\nR1,"${'x,\n'.repeat(16_666_666)}`],
    ['a 50 MB header cell', COMMANDS.slice(0, 1), () => `${'h'.repeat(50_000_000)},name\n1,2\n`],
  ])(
    '%s',
    (name, commands, content) => {
      const path = big(`${name.replaceAll(' ', '-')}.csv`, content);
      for (const command of commands) {
        const args = command(path);
        const run = spawnWithin(args, BIG_MS);
        expectCleanProcess(run, args, `${name}, ${args[0]} (${Math.round(run.ms)} ms)`, BIG_MS);
      }
      rmSync(path, { force: true });
    },
    3 * BIG_MS + 10_000,
  );

  it.each([
    [10_000, 'a 10,000-column survey (the most a header may have)'],
    [10_001, 'one column too many'],
  ])(
    '%i columns: %s',
    (columns, _what) => {
      const header = ['respondent_id', 'name', 'role', 'department', ...Array.from({ length: columns - 4 }, (_, i) => `Q${i + 1}`)];
      const random = seededRandom(columns);
      const rows = Array.from({ length: 12 }, (_, r) => [
        `R${r}`,
        `Person ${r}`,
        r < 3 ? 'Executive' : 'Manager',
        `Dept ${r % 2}`,
        ...Array.from({ length: columns - 4 }, () => String(1 + randomIndex(random, 5))),
      ]);
      const path = big(`columns-${columns}.csv`, () => `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`);
      // 10,000 columns through each command (2.5-5 s each here); one too many is refused before any reading
      for (const command of columns > 10_000 ? COMMANDS.slice(0, 1) : COMMANDS) {
        const args = command(path);
        const run = spawnWithin(args, BIG_MS);
        expectCleanProcess(run, args, `${columns} columns, ${args[0]} (${Math.round(run.ms)} ms)`, BIG_MS);
        if (columns > 10_000) expect(run.code).toBe(2);
      }
    },
    3 * BIG_MS + 10_000,
  );
});
