/**
 * Issue 10's acceptance checks over the whole test corpus: every CSV, TXT and
 * TSV under test/fixtures/ (all subfolders) and the public samples in
 * ../shared/fixtures/exports/real/ (skipped when ../shared is absent).
 *
 * - No file gives exit 0 from `align stack --json` or `align audit --format
 *   json` with a stack section comparing fewer than two leaders, unless it has
 *   one leader by construction (ONE_LEADER, with the reason).
 * - No output merges respondents whose names or emails differ: every
 *   `duplicate … replaced by the later submission on line N` entry of
 *   `input.excluded` is checked against the rows themselves, comparing the
 *   name and email cells of the excluded line and of line N.
 * - `align inspect` reads every public sample (exit 0) and gives a reason for
 *   every column it leaves unknown.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTable } from '../../src/ingest/table.js';
import { REAL } from '../helpers/read.js';
import { ROOT, runAlign } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test/fixtures');
const HAS_REAL = existsSync(REAL);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(csv|txt|tsv)$/i.test(name) ? [path] : [];
    });
}

const OWN = walk(FIXTURES);
const REAL_FILES = HAS_REAL ? walk(REAL) : [];
const CORPUS = [...OWN, ...REAL_FILES];
const label = (path: string) => relative(ROOT, path);

/**
 * Files with a single leader by construction, where a stack section of one
 * rater is the expected reading (with why). Empty: no file in the corpus has
 * one today.
 */
const ONE_LEADER = new Map<string, string>([
  ['test/fixtures/i18n/one-leader.csv', 'one leader by construction: the "one leader" reasons in the report\'s language (test/i18n/reading-notes.test.ts)'],
]);

interface Output {
  input: { excluded: Array<{ file: string; line: number; reason: string }> };
  stack: { raters: unknown[] } | null;
}

/** Columns whose header (first or second header row, for SurveyMonkey's two) names a person's name or email. */
function identityColumns(records: string[][]): number[] {
  const header = records[0]!;
  const sub = records[1] ?? [];
  const says = (text: string | undefined) => /\b(name|e-?mail)\b/i.test(text ?? '') && !/\b(company|department|team|priority|project)\b/i.test(text ?? '');
  return header.map((_, c) => c).filter((c) => says(header[c]) || says(sub[c]));
}

async function mergedDifferentPeople(file: string, output: Output): Promise<string[]> {
  const duplicates = output.input.excluded.filter((e) => /^duplicate/i.test(e.reason));
  if (duplicates.length === 0) return [];
  const table = await readTable(file);
  const columns = identityColumns(table.records);
  const rowAt = (line: number) => table.records[table.lines.indexOf(line)];
  const problems: string[] = [];
  for (const entry of duplicates) {
    const winnerLine = Number(/replaced by the later submission on (?:.* )?line (\d+)/.exec(entry.reason)?.[1]);
    const loser = rowAt(entry.line);
    const winner = rowAt(winnerLine);
    if (!loser || !winner) {
      problems.push(`line ${entry.line}: cannot find the rows of "${entry.reason}"`);
      continue;
    }
    for (const c of columns) {
      const a = loser[c]!.trim().toLowerCase();
      const b = winner[c]!.trim().toLowerCase();
      if (a !== '' && b !== '' && a !== b) problems.push(`line ${entry.line} merged into line ${winnerLine}: "${table.records[0]![c]}" is "${a}" and "${b}"`);
    }
  }
  return problems;
}

describe.each([
  ['stack', '--json'],
  ['audit', '--format', 'json'],
])('align %s over the corpus', (...args) => {
  test.each(CORPUS.map((f) => [label(f), f]))('%s', async (_name, file) => {
    const run = await runAlign([...args, file]);
    // exit 2 (the input is refused) or 1 is a one-line message: nothing to check in the output.
    if (run.code !== 0) {
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      return;
    }
    const output = JSON.parse(run.stdout) as Output;
    if (output.stack !== null && !ONE_LEADER.has(label(file))) {
      expect(output.stack.raters.length, 'leaders compared in the stack section').toBeGreaterThanOrEqual(2);
    }
    expect(await mergedDifferentPeople(file, output)).toEqual([]);
  });
});

describe('the duplicate check itself', () => {
  const file = join(FIXTURES, 'issue10/google-forms-resubmitted.csv');
  test('a real resubmission (same name and email) is a duplicate the check accepts', async () => {
    const run = await runAlign(['audit', '--format', 'json', file]);
    const output = JSON.parse(run.stdout) as Output;
    // Grace Mwangi's first row (line 2) replaced by her resubmission, the last row (line 33: line 4's cell holds a line break).
    expect(output.input.excluded.map((e) => [e.line, e.reason])).toEqual([[2, 'duplicate (same email): replaced by the later submission on line 33']]);
    expect(await mergedDifferentPeople(file, output)).toEqual([]);
  });
  test('a duplicate entry joining two different people is caught', async () => {
    const claimed: Output = {
      input: { excluded: [{ file, line: 2, reason: 'duplicate (same id): replaced by the later submission on line 3' }] },
      stack: null,
    };
    const problems = await mergedDifferentPeople(file, claimed);
    expect(problems.join('\n')).toMatch(/Email Address.*grace\.mwangi.*emily\.zhang/);
    expect(problems.join('\n')).toMatch(/Your name.*grace mwangi.*emily zhang/);
  });
});

describe.skipIf(!HAS_REAL)('align inspect on the public samples', () => {
  test.each(REAL_FILES.map((f) => [label(f), f]))('%s reads, with a reason for every column left unknown', async (_name, file) => {
    const run = await runAlign(['inspect', file]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const table = run.stdout.slice(run.stdout.indexOf('\ncolumns'));
    const unknown = table.split('\n').filter((line) => /^\s+\d+\s.*\sunknown\s/.test(line));
    for (const line of unknown) {
      // `#  header  role  conf.  reason`: the reason is what follows the confidence.
      const reason = /\sunknown\s+[\d.]+\s+(.*)$/.exec(line)?.[1]?.trim() ?? '';
      expect(reason, line).not.toBe('');
    }
  });
});
