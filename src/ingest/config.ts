/**
 * align.yml: read, validate, and hand back an AlignConfig.
 *
 * Every key is optional and overrides what align infers from the file. The
 * schema is strict: an unknown key is an error (a typo such as `min_group`
 * must not be silently ignored). Errors name the file and the key path,
 * in the one-line form of the other input errors:
 *
 *   align.yml: columns.Q2.role: "boss" is not a column role; use one of id, name, email, …
 *
 * A column may be given as a bare role (`Q2: role`) or as an object
 * (`Q4_1: {role: likert, item: "I can name …"}`); both load as the object form.
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { clip, isCalendarDate, MAX_CONFIG_BYTES, MAX_QUOTED_CHARS, MAX_TITLE_CHARS } from '../defaults.js';
import { InputError } from '../errors.js';
import { LANGUAGES as REPORT_LANGUAGES } from '../i18n/languages.js';
import type { AlignConfig, ColumnRoleName, QualityFlag } from './config-types.js';
import { LANGUAGES as SURVEY_LANGUAGES } from './labels/types.js';
import { BUILTIN_SCALE_NAMES, scalesFor } from './likert.js';
import { priorityKey } from './priority-key.js';
import { readBounded } from './read-bounded.js';

export const COLUMN_ROLES: readonly ColumnRoleName[] = [
  'id',
  'name',
  'email',
  'role',
  'department',
  'submitted',
  'likert',
  'ranking',
  'comment',
  'ownership',
  'recall',
  'multiselect',
  'metadata',
  'ignore',
];

const text = z.string().trim().min(1);
/** Codes and labels may be written as numbers in YAML (`1: Executive`). */
const label = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const columnOverride = z.preprocess(
  (v) => (typeof v === 'string' ? { role: v } : v),
  z.strictObject({
    role: z.enum(COLUMN_ROLES as [ColumnRoleName, ...ColumnRoleName[]]),
    item: text.optional(),
    priority: text.optional(),
    scale: text.optional(),
  }),
);

/** Data-quality flags align.yml may exclude on (quality.exclude). */
export const QUALITY_FLAGS: readonly QualityFlag[] = ['straight-lining', 'incomplete', 'speeders'];

const scale = z.strictObject({
  labels: z.record(z.string(), z.number().finite()),
  missing: z.array(label).optional(),
});

export const configSchema = z
  .strictObject({
    title: text.max(MAX_TITLE_CHARS).optional(),
    client: text.max(MAX_TITLE_CHARS).optional(),
    facilitator: text.max(MAX_TITLE_CHARS).optional(),
    date: text.refine(isCalendarDate, { message: 'is not a date written YYYY-MM-DD; write the day as 2026-10-14, in quotes or not' }).optional(),
    logo: text.optional(),
    languages: z.array(z.enum(SURVEY_LANGUAGES)).min(1).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    language: z.enum(REPORT_LANGUAGES).optional(),
    leaders: z.array(text).min(1).optional(),
    minGroup: z.number().int().min(3).optional(),
    rankingQuestion: text.optional(),
    columns: z.record(z.string(), columnOverride).optional(),
    scales: z.record(z.string(), scale).optional(),
    codebooks: z.record(z.string(), z.record(z.string(), label)).optional(),
    dimensions: z.record(z.string(), z.array(text).min(1)).optional(),
    levels: z
      .strictObject({
        strategic: z.array(text).min(1).optional(),
        communication: z.array(text).min(1).optional(),
        decision: z.array(text).min(1).optional(),
      })
      .optional(),
    reverse: z.array(text).min(1).optional(),
    commentMinGroup: z.number().int().min(3).optional(),
    priorities: z.strictObject({ aliases: z.record(z.string(), text).optional() }).optional(),
    official: z.array(text).min(1).optional(),
    ownership: z
      .strictObject({
        contestedShare: z
          .number()
          .finite()
          .gt(0, { message: 'must be above 0: a share of the respondents, such as 0.25; use a number above 0 and at most 0.5' })
          .max(0.5, { message: 'must be at most 0.5: two owners each named by more than half is impossible; use a number above 0 and at most 0.5' })
          .optional(),
      })
      .optional(),
    quality: z.strictObject({ exclude: z.array(z.enum(QUALITY_FLAGS as [QualityFlag, ...QualityFlag[]])).optional() }).optional(),
    renamed: z.record(z.string(), text).optional(),
  })
  .superRefine((config, ctx) => {
    // Two spellings of one priority in the official list would count one recalled priority twice.
    const official = new Map<string, number>();
    (config.official ?? []).forEach((name, i) => {
      const key = priorityKey(name);
      const before = official.get(key);
      if (key === '') {
        ctx.addIssue({ code: 'custom', path: ['official', i], message: `${quote(name)} has no letters or digits; give the priority's name` });
      } else if (before !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['official', i],
          message: `${quote(name)} is the same priority as ${quote(config.official![before]!)} (entry ${before + 1}); list each priority once`,
        });
      } else {
        official.set(key, i);
      }
    });
    // A scale's points are its distinct values, counted from the lowest: they must be a run of whole
    // numbers (1..A, or 0..10) of two or more, or the statistics read answers off the scale they assume.
    for (const s of scalesFor(config as AlignConfig)) {
      if (s.builtin) continue;
      const values = [...new Set(s.labels.values())].sort((a, b) => a - b);
      const run = values.every((v, i) => Number.isInteger(v) && v === values[0]! + i);
      if (values.length >= 2 && run) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['scales', s.name, 'labels'],
        message:
          values.length < 2
            ? `scale ${quote(s.name)} has ${values.length === 1 ? `one point (${values[0]})` : 'no points'}: a Likert scale needs at least two; give each label its own point (e.g. {"Disagree": 1, "Agree": 2})`
            : `scale ${quote(s.name)} has the points ${values.join(', ')}, not a run of whole numbers; number its labels 1, 2, 3, … in order (points with no label leave a gap the statistics cannot read)`,
      });
    }
    for (const [column, override] of Object.entries(config.columns ?? {})) {
      const name = override.scale;
      if (name !== undefined && !(config.scales && name in config.scales) && !BUILTIN_SCALE_NAMES.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', column, 'scale'],
          message: `${quote(name)} is not a scale; define it under scales, or use one of ${BUILTIN_SCALE_NAMES.join(', ')}`,
        });
      }
    }
  });

/** The keys allowed at each level, for "unknown key" messages. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0)
    return [
      'title',
      'client',
      'facilitator',
      'date',
      'logo',
      'languages',
      'dateOrder',
      'leaders',
      'minGroup',
      'rankingQuestion',
      'columns',
      'scales',
      'codebooks',
      'dimensions',
      'levels',
      'reverse',
      'commentMinGroup',
      'priorities',
      'official',
      'ownership',
      'quality',
      'renamed',
    ];
  if (path[0] === 'columns' && path.length === 2) return ['role', 'item', 'priority', 'scale'];
  if (path[0] === 'scales' && path.length === 2) return ['labels', 'missing'];
  if (path[0] === 'priorities' && path.length === 1) return ['aliases'];
  if (path[0] === 'ownership' && path.length === 1) return ['contestedShare'];
  if (path[0] === 'levels' && path.length === 1) return ['strategic', 'communication', 'decision'];
  if (path[0] === 'quality' && path.length === 1) return ['exclude'];
  return [];
}

/** clip, then JSON-quoted (which also escapes control characters). */
function quote(text: string): string {
  return JSON.stringify(clip(text));
}

/**
 * Levenshtein distance, case-insensitive, with two rows of the table: memory
 * O(|b|), time O(|a|·|b|). closest() calls it only for candidates whose length
 * is within the allowed distance of the word, so a 4 MB key costs nothing.
 */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** The allowed key closest to `word` (a typo's likely meaning), or null when none is close. */
export function closest(word: string, options: readonly string[]): string | null {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const allowed = Math.max(2, Math.floor(word.length / 3));
  const squashed = squash(word);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const option of options) {
    // the distance is at least the difference in length: no need to compute it
    if (squashed !== squash(option) && Math.abs(word.length - option.length) > allowed) continue;
    const distance = squashed === squash(option) ? 0 : editDistance(word, option);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= allowed ? best : null;
}

function keyPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      const s = String(p);
      if (typeof p === 'number') return `[${s}]`;
      const plain = /^[A-Za-z_][\w-]*$/.test(s) || /^[\w[\]-]+$/.test(s);
      return `${i === 0 ? '' : '.'}${plain && s.length <= MAX_QUOTED_CHARS ? s : quote(s)}`;
    })
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  boolean: 'true or false',
};

type Issue = z.core.$ZodIssue;

/** The issue that best explains a failed union: the branch that got furthest. */
function unwrap(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((b) => b.length > 0);
  const deeper = branches.find((b) => b.some((i) => i.path.length > 0 || i.code !== 'invalid_type'));
  const chosen = (deeper ?? branches[0])![0]!;
  return unwrap({ ...chosen, path: [...issue.path, ...chosen.path] } as Issue);
}

function splitMessage(path: readonly PropertyKey[], message: string): { path: readonly PropertyKey[]; problem: string; fix?: string } {
  const [problem, fix] = message.split('; ');
  return { path, problem: problem!, ...(fix ? { fix } : {}) };
}

/**
 * The line (1-based) where `path` is written in align.yml: the key named by an
 * "unknown key" issue, else the value at the path, else its nearest written
 * parent; null when nothing of it is written (an empty file).
 */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string): number | null {
  const at = (node: unknown): number | null => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? null : lineCounter.linePos(offset).line;
  };
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (node === undefined || node === null) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair) return at(pair.key);
    }
    if (n === path.length || !isMap(node)) return at(node);
    // a missing value: the line of its key in the parent mapping
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[n]));
    return pair ? at(pair.key) : at(node);
  }
  return null;
}

/** One issue as `problem` and `fix`. */
function explain(raw: Issue, data: unknown): { path: readonly PropertyKey[]; problem: string; fix?: string } {
  const issue = unwrap(raw);
  const path = issue.path;
  const value = 'input' in issue && issue.input !== undefined ? issue.input : valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      const key = issue.keys[0]!;
      const guess = closest(key, allowed);
      return {
        path,
        problem: `unknown key ${quote(key)}${guess ? `; did you mean ${guess}?` : ''}`,
        fix: allowed.length ? `the keys allowed here are ${allowed.join(', ')}` : 'remove it',
      };
    }
    case 'invalid_value': {
      if (path[path.length - 1] === 'role') {
        return {
          path,
          problem: `${typeof value === 'string' ? quote(value) : clip(JSON.stringify(value) ?? String(value))} is not a column role`,
          fix: `use one of ${COLUMN_ROLES.join(', ')}`,
        };
      }
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? closest(value, options) : null;
      return {
        path,
        problem: `${typeof value === 'string' ? quote(value) : clip(JSON.stringify(value) ?? String(value))} is not allowed here${guess ? `; did you mean ${guess}?` : ''}`,
        fix: `use one of ${options.join(', ')}`,
      };
    }
    case 'invalid_type': {
      if (value === undefined) return { path, problem: `is missing`, fix: `add it (${EXPECTED[issue.expected] ?? issue.expected})` };
      return { path, problem: `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describe(value)}` };
    }
    case 'too_small': {
      if (path[0] === 'ownership') return splitMessage(path, issue.message);
      if (path[0] === 'minGroup') {
        return {
          path,
          problem: `${String(value)} is too small: groups smaller than 3 could identify people`,
          fix: 'use 3 or more (the default is 5)',
        };
      }
      if (issue.origin === 'string') return { path, problem: 'is empty', fix: 'give a value or remove the key' };
      if (issue.origin === 'array') return { path, problem: 'is an empty list', fix: 'list at least one value or remove the key' };
      return { path, problem: `must be at least ${String(issue.minimum)}` };
    }
    case 'too_big': {
      if (path[0] === 'ownership') return splitMessage(path, issue.message);
      if ((path[0] === 'title' || path[0] === 'client' || path[0] === 'facilitator') && typeof value === 'string') {
        const what = path[0] === 'title' ? 'a title' : `the ${String(path[0])}'s name`;
        return { path, problem: `is ${value.length} characters long; ${what} holds at most ${MAX_TITLE_CHARS}`, fix: 'shorten it' };
      }
      return { path, problem: `is too long (at most ${String(issue.maximum)})`, fix: 'shorten it' };
    }
    case 'custom': {
      const [problem, fix] = issue.message.split('; ');
      return { path, problem: problem!, ...(fix ? { fix } : {}) };
    }
    default:
      return { path, problem: clip(issue.message.replace(/^Invalid input: /, '')) };
  }
}

/**
 * Parses and validates align.yml's text. `file` names the file in messages.
 * An empty file is an empty config.
 */
export function parseConfig(source: string, file: string): AlignConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0]?.line ?? null;
    const what = clip(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    throw new InputError(file, line, null, `is not valid YAML: ${what}`, 'check the indentation and quoting on that line');
  }
  refuseProtoKeys(doc, lineCounter, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // The yaml library refuses an alias bomb (and an alias to nothing) here, not as a parse error.
    const what = clip((e as Error).message.split('\n')[0]!);
    throw new InputError(file, null, null, `cannot be read as settings: ${what}`, 'write each value out instead of repeating it through &anchors and *aliases');
  }
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    throw new InputError(
      file,
      null,
      null,
      `expected a mapping of settings (title, columns, scales, …), found ${describe(data)}`,
      'see align inspect --write-config for a starter file',
    );
  }
  const result = configSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    // An unknown key explains a "missing" sibling better than the other way round (`label:` for `labels:`).
    const issues = [...result.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    const first = issues[0]!;
    const { path, problem, fix } = explain(first, data);
    const where = path.length ? `${keyPath(path)}: ` : '';
    const line = lineOf(doc, lineCounter, path, first.code === 'unrecognized_keys' ? first.keys[0] : undefined);
    throw new InputError(file, line, null, `${where}${problem}`, fix);
  }
  return withoutPrototypes(result.data) as AlignConfig;
}

/**
 * A `__proto__:` key (a column header, a code, an alias spelling) cannot be
 * kept as written: validation would drop it silently, and on a plain object it
 * names the prototype. It is refused, with its line.
 */
function refuseProtoKeys(doc: Document, lineCounter: LineCounter, file: string): void {
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || String(pair.key.value) !== '__proto__') return;
      const offset = pair.key.range?.[0];
      const line = offset === undefined ? null : lineCounter.linePos(offset).line;
      throw new InputError(
        file,
        line,
        null,
        'the key "__proto__" cannot be used in align.yml',
        'rename the key (a column headed "__proto__" needs a new header in the file first)',
      );
    },
  });
}

/**
 * The config with every mapping rebuilt without a prototype: its keys are
 * user text (headers, codes, spellings), so a header named `constructor` or
 * `toString` must look up nothing unless align.yml gives it.
 */
function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = withoutPrototypes(v);
  return out;
}

/** Reads and validates an align.yml file (at most MAX_CONFIG_BYTES). */
export async function loadConfig(path: string): Promise<AlignConfig> {
  let bytes: Buffer | null;
  try {
    bytes = await readBounded(path, MAX_CONFIG_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(path, null, null, why, 'check the --config path');
  }
  if (bytes === null) {
    throw new InputError(
      path,
      null,
      null,
      `is larger than ${MAX_CONFIG_BYTES} bytes; an align.yml is a page of settings`,
      'check the --config path names the right file',
    );
  }
  return parseConfig(bytes.toString('utf8').replace(/^\uFEFF/, ''), path);
}
