// Acceptance (issue 7, points 5, 6, 7 and the terminal part of 11): strings from
// inputs are data, never markup or control. Every committed fixture under
// test/fixtures/rankings/ and test/fixtures/exports/ is rewritten three ways in a
// temporary folder (every name, department and priority *cell*, never a header):
//   hostile: the prefix ESC[2J, BEL, a lone CR, U+202E, U+200B before each value;
//   proto:   values renamed __proto__, constructor, toString, hasOwnProperty, ...;
//   long:    10,000 characters added to each value;
// and run in every format. The terminal and Markdown output holds no raw control
// character, and no number moves against the clean file's JSON.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { inspectTable } from '../../src/cli/inspect.js';
import { personKey } from '../../src/ingest/columns.js';
import { loadConfig } from '../../src/ingest/config.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { readInput } from '../../src/ingest/dataset.js';
import { priorityKey } from '../../src/ingest/priority-key.js';
import { listSeparator } from '../../src/ingest/rankings.js';
import { HOSTILE, RAW_CONTROL, stripSgr } from '../helpers/controls.js';
import { ROOT, type Run, runAlign } from '../helpers/run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const DIRS = ['test/fixtures/rankings', 'test/fixtures/exports'].map((d) => join(ROOT, d));
const FIXTURES = DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.(csv|txt)$/.test(f))
    .sort()
    .map((f) => join(d, f)),
);
/** The code books the exports need (as test/cli/audit-exports.test.ts runs them). */
const CONFIGS: Record<string, string> = {
  'qualtrics-numeric.csv': 'northwind.align.yml',
  'limesurvey.csv': 'limesurvey.align.yml',
  // without its scale, align stops on this file by design (a grid of labels it does not know)
  'google-forms-unknown-scale.csv': 'google-forms-unknown-scale.align.yml',
};

const PROTO = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  '__lookupGetter__',
  '__defineSetter__',
];
const LONG = ` ${'Ω'.repeat(5_000)}${'l'.repeat(5_000)}`;

type Kind = 'name' | 'department' | 'priority';
/** How one variant rewrites a value; `key` is the value's matching key for its kind (renames follow keys, so no two spellings part). */
type Rewrite = (value: string, kind: Kind, key: string) => string;

function renamer(): Rewrite {
  const maps = new Map<Kind, Map<string, string>>();
  return (value, kind, key) => {
    const map = maps.get(kind) ?? new Map<string, string>();
    maps.set(kind, map);
    if (!map.has(key)) map.set(key, PROTO[map.size] ?? `${PROTO[map.size % PROTO.length]}${map.size}`);
    return map.get(key)!;
  };
}

const VARIANTS: Array<{ name: string; rewrite: () => Rewrite }> = [
  { name: 'hostile', rewrite: () => (value) => HOSTILE + value },
  { name: 'proto', rewrite: renamer },
  { name: 'long', rewrite: () => (value) => value + LONG },
];

const keyOf = (value: string, kind: Kind) => (kind === 'name' ? personKey(value) : kind === 'priority' ? priorityKey(value) : value.trim());

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Codes of every code book: a cell holding one is decoded by align.yml, so its label is rewritten there instead. */
function codesOf(config: AlignConfig): Set<string> {
  return new Set(Object.values(config.codebooks ?? {}).flatMap((book) => Object.keys(book)));
}

/** Writes the variant of `file` (and of its align.yml) into `dir`; returns the paths. */
async function writeVariant(file: string, dir: string, rewrite: Rewrite): Promise<{ file: string; config?: string }> {
  const configName = CONFIGS[basename(file)];
  const config: AlignConfig = configName ? await loadConfig(join(ROOT, 'test/fixtures/exports', configName)) : {};
  const input = await readInput(file, { config, skipInvalid: true }, true);
  const { table } = input;
  const { result, normalised } = inspectTable(input, config);
  const codes = codesOf(config);
  const kindOf = new Map<number, { kind: Kind; list: boolean }>();
  for (const c of result.columns) {
    if (c.role === 'name' || c.role === 'department') kindOf.set(c.index, { kind: c.role, list: false });
    if (c.role === 'ranking' && (c.ranking === 'long-priority' || c.ranking === 'by-position')) kindOf.set(c.index, { kind: 'priority', list: false });
    if (c.role === 'ranking' && c.ranking === 'list') kindOf.set(c.index, { kind: 'priority', list: true });
  }
  const change = (value: string, kind: Kind): string => {
    const v = value.trim();
    if (v === '' || codes.has(v)) return value;
    return rewrite(v, kind, keyOf(v, kind));
  };
  const records = table.records.map((record, r) =>
    r < normalised.headerRows
      ? record
      : record.map((cell, i) => {
          const k = kindOf.get(i);
          if (!k) return cell;
          if (!k.list) return change(cell, k.kind);
          const sep = listSeparator(cell);
          if (sep === null) return change(cell, k.kind);
          return cell
            .split(sep)
            .map((item) => (item.trim() === '' ? item : change(item, k.kind)))
            .join(sep === '>' ? ' > ' : sep);
        }),
  );
  const out = join(dir, basename(file).replace(/\.txt$/, '.csv'));
  writeFileSync(out, `${records.map((r) => r.map(csvCell).join(table.delimiter ?? ',')).join('\n')}\n`);
  if (!configName) return { file: out };
  // The code books' labels of department and priority columns are rewritten like cells.
  const books = Object.fromEntries(
    Object.entries(config.codebooks ?? {}).map(([column, book]) => {
      const c = result.columns.find((x) => codesOfColumn(x.header, column) || codesOfColumn(table.records[0]![x.index] ?? '', column));
      const k = c ? kindOf.get(c.index) : undefined;
      return [column, k ? Object.fromEntries(Object.entries(book).map(([code, label]) => [code, change(label, k.kind)])) : { ...book }];
    }),
  );
  const configOut = join(dir, configName);
  writeFileSync(configOut, stringify({ ...config, codebooks: books }));
  return { file: out, config: configOut };
}

/** Whether a code book named `book` is the one of the column headed `header` (Q5 -> Q5_1, prio -> prio[1]). */
function codesOfColumn(header: string, book: string): boolean {
  return header === book || header.startsWith(`${book}_`) || header.startsWith(`${book}[`);
}

interface Outputs {
  plain: Run;
  colour: Run;
  stackJson: Run;
  md: Run;
  json: Run;
  html: Run;
  inspect: Run;
}

async function runAll(file: string, config: string | undefined, cwd: string): Promise<Outputs> {
  const c = config ? ['--config', config] : [];
  return {
    plain: await runAlign(['stack', file, ...c], { cwd, env: { NO_COLOR: '1' } }),
    colour: await runAlign(['stack', file, ...c], { cwd, env: { FORCE_COLOR: '3' }, tty: true }),
    stackJson: await runAlign(['stack', file, '--json', ...c], { cwd }),
    md: await runAlign(['audit', file, '--format', 'md', ...c], { cwd }),
    html: await runAlign(['audit', file, '--format', 'html', ...c], { cwd }),
    json: await runAlign(['audit', file, '--format', 'json', ...c], { cwd }),
    inspect: await runAlign(['inspect', file, ...c], { cwd }),
  };
}

/** The numbers that must not move: W, p, each rater's rho to the others, each department's n. */
function numbers(run: Run): Json {
  if (run.code !== 0) return { code: run.code };
  const a = JSON.parse(run.stdout);
  if (!a.stack) return { stack: null, respondents: a.input.respondents };
  return {
    W: a.stack.concordance.W,
    p: a.stack.concordance.p,
    raters: a.stack.raters.map((r: Json) => r.spearmanToOthers),
    ranks: a.stack.raters.map((r: Json) => Object.values(r.ranks).sort()),
    departments: a.stack.departments.map((d: Json) => d.n ?? 'suppressed').sort(),
    respondents: a.input.respondents,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'align-hostile-strings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FIXTURES.map((f) => [basename(f), f]))('%s', (name, fixture) => {
  const configName = CONFIGS[name];
  const config = configName ? join(ROOT, 'test/fixtures/exports', configName) : undefined;
  let clean: { stackJson: Run; json: Run } | undefined;
  const cleanRuns = async () => {
    if (!clean) {
      const c = config ? ['--config', config] : [];
      clean = {
        stackJson: await runAlign(['stack', fixture, '--json', ...c], { cwd: dir }),
        json: await runAlign(['audit', fixture, '--format', 'json', ...c], { cwd: dir }),
      };
    }
    return clean;
  };

  it.each(VARIANTS.map((v) => [v.name, v]))('%s variant: no raw control character, no number moved', async (variant, v) => {
    const vdir = mkdtempSync(join(dir, `${variant}-`));
    const written = await writeVariant(fixture, vdir, v.rewrite());
    const out = await runAll(written.file, written.config, vdir);
    const base = await cleanRuns();

    for (const [format, run] of Object.entries(out) as Array<[string, Run]>) {
      const text = format === 'colour' ? stripSgr(run.stdout) : run.stdout;
      if (format !== 'stackJson' && format !== 'json') expect(text, `${format} stdout`).not.toMatch(RAW_CONTROL);
      expect(run.stderr, `${format} stderr`).not.toMatch(RAW_CONTROL);
      expect(run.stderr.split('\n').filter((l) => l !== '').length, `${format}: at most one line on stderr`).toBeLessThanOrEqual(1);
    }
    expect(out.json.code).toBe(base.json.code);
    expect(out.stackJson.code).toBe(base.stackJson.code);
    expect(numbers(out.json)).toEqual(numbers(base.json));
    expect(numbers(out.stackJson)).toEqual(numbers(base.stackJson));
    if (out.plain.code === 0) {
      // The terminal view shows at most 80 characters of a name, so nothing runs past the width (runAlign: 120 columns).
      const widest = Math.max(...out.plain.stdout.split('\n').map((l) => Array.from(l).length));
      expect(widest).toBeLessThanOrEqual(120);
    }
    if (variant === 'hostile' && out.md.code === 0 && base.stackJson.code === 0 && JSON.parse(base.stackJson.stdout).stack) {
      // The prefix was really there, and shows as text.
      expect(out.plain.stdout + out.md.stdout).toMatch(/\\x1b\[2J|\\\\x1b\\\[2J/);
      expect(out.html.stdout).toMatch(/\\x1b\[2J/);
    }
    // HTML: the same run, and text from the data never markup (the report has no script at all)
    expect(out.html.code).toBe(out.md.code);
    if (out.html.code === 0) expect(out.html.stdout).not.toMatch(/<script/i);
    // JSON keeps values as written: the variant's names reach it (leaders' names are not reshaped).
    if (variant === 'proto' && out.stackJson.code === 0) {
      const a = JSON.parse(out.stackJson.stdout);
      if (a.stack) for (const r of a.stack.raters) expect(Object.keys(r.ranks)).toHaveLength(a.stack.priorities.length);
    }
    readFileSync(written.file); // the variant stays readable for a failing run's post-mortem until afterAll
  });
});
