/**
 * The stacks sheet `align collect` writes: the long format `align stack`
 * reads (one row per participant and priority), with a `respondent` and a
 * `submitted` column, so a re-submission is a later `submitted` for the same
 * `respondent` (src/ingest/rankings.ts, latestSubmission, decides which
 * stack counts; this module only writes and lists).
 *
 *   respondent,role,department,submitted,priority,rank
 *   Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Grow revenue,1
 *   Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Cut costs,
 *
 * Every priority of the session gets a row, a blank rank when the participant
 * left it unranked (a top-k stack), so the file itself says what N is.
 * A confirmed stack is appended with one write and synced to disk before the
 * next participant starts (O_APPEND, fsync; the header only into an empty file),
 * so killing the process loses at most the stack being entered.
 */
import { accessSync, closeSync, constants, fstatSync, fsyncSync, openSync, readFileSync, type Stats, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import Papa from 'papaparse';
import { UsageError } from '../errors.js';
import { personKey } from '../ingest/columns.js';
import { priorityKey } from '../ingest/priority-key.js';
import { latestSubmission } from '../ingest/rankings.js';
import { parseIsoTimestamp } from '../ingest/timestamps.js';

export const SHEET_COLUMNS = ['respondent', 'role', 'department', 'submitted', 'priority', 'rank'] as const;

/** One confirmed stack as the sheet holds it. */
export interface SheetStack {
  respondent: string;
  role: string;
  department: string;
  /** ISO 8601 time of confirmation. */
  submitted: string;
  /** The priorities in the order picked: #1 first. */
  ranked: readonly string[];
  /** The session's other priorities, left unranked (blank rank). */
  unranked: readonly string[];
  /** The line of a row of this stack with a blank `submitted` (a sheet filled by hand), if any. */
  untimedLine?: number;
}

/** Which file a session appended to, so that a sheet deleted or replaced since is noticed (null: there was none). */
export interface SheetIdentity {
  dev: number;
  ino: number;
  size: number;
}

/** What a sheet already holds, for resuming: the priorities in first-seen order and each participant's latest stack. */
export interface SheetState {
  priorities: string[];
  /** One per participant (by the respondent cell as written, as the reader groups them), the submission that counts (latestSubmission), in the order first seen. */
  submissions: SheetStack[];
  /** Every role and department value, in first-seen order (offered again to the next participant). */
  roles: string[];
  departments: string[];
  /** The file as read (null when absent); appendStack checks it is still the same file. */
  identity: SheetIdentity | null;
}

const FORMULA_START = /^[=+\-@]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * Why a typed text cannot go into the sheet, or null: empty, a control
 * character, or a start a spreadsheet would run as a formula (=, +, -, @).
 * Refused at the prompt rather than altered, so what align reads back is what was typed.
 */
export type SheetTextProblem = 'empty' | 'control' | 'formula';

export function sheetTextProblem(text: string): SheetTextProblem | null {
  const t = text.trim();
  if (t === '') return 'empty';
  if (CONTROL.test(t)) return 'control';
  if (FORMULA_START.test(t)) return 'formula';
  return null;
}

/** The CSV text of one stack's rows (no header), each line ending in `eol`. */
export function stackRows(stack: SheetStack, eol = '\n', delimiter = ','): string {
  const rows: string[][] = [];
  stack.ranked.forEach((priority, i) => {
    rows.push([stack.respondent, stack.role, stack.department, stack.submitted, priority, String(i + 1)]);
  });
  for (const priority of stack.unranked) rows.push([stack.respondent, stack.role, stack.department, stack.submitted, priority, '']);
  return stringify(rows, { record_delimiter: eol, delimiter });
}

/** The header line. */
export function sheetHeader(eol = '\n', delimiter = ','): string {
  return stringify([[...SHEET_COLUMNS]], { record_delimiter: eol, delimiter });
}

/**
 * The delimiter of a sheet's header line: a semicolon or a tab where a spreadsheet saved it so
 * (French and German Excel write `;`), else a comma. The header's own names hold none of them.
 */
export function sheetDelimiter(firstLine: string): string {
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

const identityOf = (st: Pick<Stats, 'dev' | 'ino' | 'size'>): SheetIdentity => ({ dev: st.dev, ino: st.ino, size: st.size });

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Whether a session can save into `path`, checked before the first
 * participant (exit 2, one line): a regular file align may write, or an absent
 * one in a folder it may write in. Not a folder, a device or a missing folder.
 */
export function checkSheetTarget(path: string): void {
  const fix = 'name a sheet in a folder you can write to';
  const st = statOrNull(path);
  if (st !== null) {
    if (st.isDirectory()) throw new UsageError(`${path} is a folder; name the stacks sheet inside it, e.g. ${path}/stacks.csv`);
    if (!st.isFile()) throw new UsageError(`${path} is not a regular file (a device or a pipe), so stacks cannot be saved in it; ${fix}`);
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch {
      throw new UsageError(`${path} cannot be written (no permission), so no stack could be saved; ${fix}, or change its permissions`);
    }
    return;
  }
  const dir = dirname(path);
  const parent = statOrNull(dir);
  if (parent === null) throw new UsageError(`the folder ${dir} does not exist, so ${path} cannot be created; create the folder first, or ${fix}`);
  if (!parent.isDirectory()) throw new UsageError(`${dir} is not a folder, so ${path} cannot be created; ${fix}`);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`the folder ${dir} cannot be written (no permission), so ${path} cannot be created; ${fix}`);
  }
}

/**
 * Appends one stack to the sheet (creating it with its header when absent or
 * empty) and syncs the file, and for a new file its folder, to disk. The rows
 * take the sheet's own line ending (CRLF when a spreadsheet saved it so), and
 * a sheet that ends without a line break gets one first. With `expected` (the
 * identity read or last written), a sheet deleted, replaced or changed since is
 * refused (UsageError) rather than written to. Returns the sheet's identity after.
 */
export function appendStack(path: string, stack: SheetStack, expected?: SheetIdentity | null): SheetIdentity {
  if (expected !== undefined) {
    const now = statOrNull(path);
    const same =
      expected === null ? now === null || now.size === 0 : now !== null && now.dev === expected.dev && now.ino === expected.ino && now.size === expected.size;
    if (!same) {
      const what = now === null ? 'was deleted' : expected === null ? 'was created by something else' : 'was replaced or changed by something else';
      throw new UsageError(
        `${path} ${what} during the session, so ${stack.respondent}'s stack (on the screen above) was not saved; check the file, then run align collect ${path} again`,
      );
    }
  }
  const text = expected === null ? '' : existingText(path);
  const newline = text.indexOf('\n');
  const firstLine = newline >= 0 ? text.slice(0, newline + 1) : text;
  const eol = /\r\n/.test(firstLine) ? '\r\n' : '\n';
  // rows in the sheet's own delimiter, as in its own line ending
  const delimiter = sheetDelimiter(firstLine);
  const fd = openSync(path, 'a');
  let created = false;
  let after: SheetIdentity;
  try {
    const size = fstatSync(fd).size;
    created = size === 0;
    // a sheet edited by hand may end without a line break: start on a line of our own
    const gap = size > 0 && !text.endsWith('\n') ? eol : '';
    writeSync(fd, `${gap}${created ? sheetHeader(eol, delimiter) : ''}${stackRows(stack, eol, delimiter)}`);
    fsyncSync(fd);
    after = identityOf(fstatSync(fd));
  } finally {
    closeSync(fd);
  }
  if (created) syncFolder(dirname(path));
  return after;
}

/** The sheet's text, for its line ending and last byte; '' when absent or not a regular file (a device reads forever). */
function existingText(path: string): string {
  const st = statOrNull(path);
  return st?.isFile() && st.size > 0 ? readFileSync(path, 'utf8') : '';
}

/** So the new file's name survives a power cut too; a platform that cannot sync a folder (Windows) is left to itself. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here: the file itself is synced
  }
}

/** An empty sheet: the header alone (align collect --blank-sheet, align init). */
export function blankSheet(): string {
  return sheetHeader();
}

function exists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/**
 * What a sheet already holds; an absent or empty file holds nothing. A file
 * whose header is not the sheet's is refused (exit 2): collect appends only
 * to a sheet it can read back.
 */
export function readSheet(path: string): SheetState {
  const state: SheetState = { priorities: [], submissions: [], roles: [], departments: [], identity: null };
  const st = statOrNull(path);
  if (st === null) return state;
  state.identity = identityOf(st);
  if (!exists(path)) return state;
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [header, ...records] = parsed.data;
  const want = SHEET_COLUMNS.join(',');
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== want) {
    throw new UsageError(
      `${path} is not a stacks sheet align collect can add to (its first line should read ${want}); give a new file name, or compare the stacks in it with align stack ${path}`,
    );
  }
  const priorities = new Map<string, string>();
  const roles = new Set<string>();
  const departments = new Set<string>();
  // each participant's rows, in the order first seen, with the physical line each record starts on
  // (the header's line breaks counted, a blank line is a line, a quoted cell may span several)
  const byRespondent = new Map<string, Array<{ line: number; submitted: string; cells: string[] }>>();
  const breaks = (cells: readonly string[]) => cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  let next = 1 + 1 + breaks(header);
  records.forEach((record) => {
    const line = next;
    next += 1 + breaks(record);
    if (record.every((c) => c.trim() === '')) return;
    const cells = SHEET_COLUMNS.map((_, c) => (record[c] ?? '').trim());
    const [respondent, role, department, submitted, priority] = cells as [string, string, string, string, string];
    if (priority !== '' && !priorities.has(priorityKey(priority))) priorities.set(priorityKey(priority), priority);
    if (role !== '') roles.add(role);
    if (department !== '') departments.add(department);
    if (respondent === '') return;
    const rows = byRespondent.get(respondent) ?? [];
    rows.push({ line, submitted, cells });
    byRespondent.set(respondent, rows);
  });
  for (const [respondent, rows] of byRespondent) {
    // which submission counts is the reader's rule, decided once (rankings.ts)
    const { kept } = latestSubmission(rows, { file: path, column: 'submitted', read: parseIsoTimestamp });
    const [, role, department, submitted] = kept[0]!.cells as [string, string, string, string];
    const ranks: Array<[string, number]> = [];
    const unranked: string[] = [];
    for (const { cells } of kept) {
      const priority = cells[4]!;
      const rank = cells[5]!;
      if (rank !== '' && Number.isFinite(Number(rank))) ranks.push([priority, Number(rank)]);
      else if (priority !== '') unranked.push(priority);
    }
    const ranked = ranks.sort((a, b) => a[1] - b[1]).map(([p]) => p);
    const untimed = kept.find((r) => r.submitted === '');
    state.submissions.push({ respondent, role, department, submitted, ranked, unranked, ...(untimed ? { untimedLine: untimed.line } : {}) });
  }
  state.priorities = [...priorities.values()];
  state.roles = [...roles];
  state.departments = [...departments];
  return state;
}

/** The earlier submission of the same person, by name (accents, case and spacing aside), or undefined. */
export function findSubmission(state: SheetState, name: string): SheetStack | undefined {
  const key = personKey(name);
  return state.submissions.find((s) => personKey(s.respondent) === key);
}
