/**
 * A large file read by two threads (issue 13: a whole company's survey on both
 * cores). While this thread plans the first piece and reads the rows up to a
 * line end near the middle of the file, a helper thread (read-worker.ts)
 * plans the same first piece and reads the rows from that line end on, each
 * piece's rows packed into columns and handed over as it is read.
 *
 * The helper's rows are used only when its reading is provably this thread's:
 *   - a record ends at the split (this thread's reading of the first half
 *     carries nothing of a record past it: table.ts RestBounds.stopAt), so a
 *     reading that starts there sees the records the whole reading sees;
 *   - the helper planned the first piece to the same plan (planFingerprint);
 *   - the file is UTF-8, where a line end is never inside a character;
 *   - the helper read to the end without an error of any kind.
 * Otherwise this thread reads on from the split itself, as if there had been
 * no helper: every error, contradiction and row limit is then met exactly
 * where a reading by one thread meets it, with the same line numbers.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Message } from '../i18n/index.js';
import { timed } from '../phases.js';
import { recordFrom } from '../records.js';
import { AnswerSheet, type Likert, PackedAnswers } from './answers.js';
import { binaryKind } from './binary.js';
import { stripBom } from './decode.js';
import type { Normalised, RawRow } from './formats/types.js';
import { NO_ANSWERS, NO_STACK, SHARED_VALUES } from './plan/plan.js';
import { sharedEntries } from './rankings.js';
import type { Excluded, Table } from './types.js';

/**
 * Files from this size are read by two threads. Below it, the helper's start
 * (loading align and planning the first piece again) and the two threads
 * slowing each other on two cores cost more than the helper saves: the 100k
 * bench file (14 MB) took 1.68 s by two threads against 1.50 s by one (with a first piece of 256 KiB,
 * cheaper for the helper to plan than today's 1 MiB), a
 * 250k-row file (35 MB) about the same either way, the 1M file (142 MB) 10.9 s
 * against 12.8 s.
 */
export const PARALLEL_BYTES = 64 * 1024 * 1024;

/**
 * The share of the file this thread reads: a little over half, since the helper starts later (it loads
 * align before it plans the first piece) and this thread takes in the helper's rows as they come. The
 * 1M bench file measured 10.9 s at 0.55, 11.0 s at 0.5 (this thread waiting 0.3 s for the helper) and
 * 11.3 s at 0.6 (against 12.8 s read by one thread).
 */
const MAIN_SHARE = 0.55;

/** How far from the middle a line end is looked for: a record longer than this leaves the file to one thread. */
const SPLIT_SEARCH_BYTES = 1024 * 1024;

/** What the helper is started with (structured-cloned: plain data only). */
export interface HelperData {
  path: string;
  split: number;
  options: HelperOptions;
  headBytes: number;
}

/** The reading options the helper plans the first piece with: readInput's, less what cannot cross threads. */
export interface HelperOptions {
  config: unknown;
  skipInvalid: boolean;
  encoding?: string;
  delimiter?: string;
  rankingQuestion?: string;
  likert?: 'strict' | 'lenient';
  pieceBytes?: number;
  headRecords?: number;
  maxRows: number;
  rowsBefore: number;
}

/** One piece's rows and exclusions as the helper hands them over: columns, not an object a row. */
export interface PackedRows {
  /** The piece's data records (its rows, kept or excluded). */
  records: number;
  /** The bytes of the file the helper has read so far, from the split. */
  bytes: number;
  lines: Int32Array;
  toolIds: Array<string | null>;
  names: Array<string | null>;
  emails: Array<string | null>;
  roles: Array<string | null>;
  departments: Array<string | null>;
  /** NaN: no submit time. */
  submitted: Float64Array;
  sheets: Array<{ items: readonly string[]; values: Int8Array }>;
  /** The sheet of each row's answers; -1 no answers, -2 a record (in `extra`). */
  sheetOf: Int16Array;
  at: Int32Array;
  /** The stacks' entries, each once (priority as written, rank), and each row's as indexes into them. */
  entries: Array<[string, number]>;
  stackEnds: Int32Array;
  stacks: Int32Array;
  /** Everything else a row holds, for the rows that hold more (an exclusion, comments, a duration...). */
  extra: Array<[number, Record<string, unknown>]>;
  excluded: Excluded[];
}

/** What the helper says. */
export type HelperMessage =
  | { kind: 'plan'; fingerprint: string }
  | { kind: 'piece'; piece: PackedRows }
  | { kind: 'done'; counts?: Record<string, number[]> }
  | { kind: 'failed'; why: string };

/** A RawRow's fields that have a column of their own in PackedRows. */
const COLUMNS = new Set(['file', 'line', 'toolId', 'name', 'email', 'role', 'department', 'submitted', 'likert', 'stack', 'exclude']);

/** Packs a piece's rows (helper side). The sheets' bytes are the piece's own: hand them over, do not copy them. */
export function packRows(
  path: string,
  rows: readonly RawRow[],
  excluded: Excluded[],
  records: number,
  bytes: number,
): { piece: PackedRows; transfer: ArrayBuffer[] } {
  const n = rows.length;
  const lines = new Int32Array(n);
  const toolIds: Array<string | null> = new Array(n);
  const names: Array<string | null> = new Array(n);
  const emails: Array<string | null> = new Array(n);
  const roles: Array<string | null> = new Array(n);
  const departments: Array<string | null> = new Array(n);
  const submitted = new Float64Array(n);
  const sheetOf = new Int16Array(n);
  const at = new Int32Array(n);
  const sheets: AnswerSheet[] = [];
  const entryIndex = new Map<object, number>();
  const entries: Array<[string, number]> = [];
  const stackEnds = new Int32Array(n);
  const stackIndexes: number[] = [];
  const extra: Array<[number, Record<string, unknown>]> = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    lines[i] = row.line;
    toolIds[i] = row.toolId;
    names[i] = row.name;
    emails[i] = row.email;
    roles[i] = row.role;
    departments[i] = row.department;
    submitted[i] = row.submitted ?? Number.NaN;
    const more: Record<string, unknown> = {};
    let hasMore = false;
    const likert = row.likert;
    if (likert instanceof PackedAnswers) {
      let s = sheets.indexOf(likert.sheet);
      if (s < 0) s = sheets.push(likert.sheet) - 1;
      sheetOf[i] = s;
      at[i] = likert.at;
    } else if (likert === NO_ANSWERS) {
      sheetOf[i] = -1;
    } else {
      sheetOf[i] = -2;
      more.likert = { ...likert };
      hasMore = true;
    }
    for (const e of row.stack) {
      let k = entryIndex.get(e);
      if (k === undefined) {
        k = entries.push([e.priority, e.rank]) - 1;
        entryIndex.set(e, k);
      }
      stackIndexes.push(k);
    }
    stackEnds[i] = stackIndexes.length;
    if (row.stack.length === 0 && row.stack !== NO_STACK) {
      // an empty stack of the row's own (NO_STACK is what an empty packed one arrives as)
      more.stack = [];
      hasMore = true;
    }
    if (row.file !== path) {
      more.file = row.file;
      hasMore = true;
    }
    if (row.exclude !== null) {
      more.exclude = row.exclude;
      hasMore = true;
    }
    for (const key of Object.keys(row)) {
      if (COLUMNS.has(key)) continue;
      const value = (row as unknown as Record<string, unknown>)[key];
      if (value === undefined) continue;
      // null-prototype records (comments, choices, ownership) cross as plain objects and are made so again on arrival
      more[key] = value;
      hasMore = true;
    }
    if (hasMore) extra.push([i, more]);
  }
  const packedSheets = sheets.map((s) => s.packed());
  const piece: PackedRows = {
    records,
    bytes,
    lines,
    toolIds,
    names,
    emails,
    roles,
    departments,
    submitted,
    sheets: packedSheets,
    sheetOf,
    at,
    entries,
    stackEnds,
    stacks: Int32Array.from(stackIndexes),
    extra,
    excluded,
  };
  const transfer = [lines, submitted, sheetOf, at, stackEnds, piece.stacks, ...packedSheets.map((s) => s.values)].map((a) => a.buffer as ArrayBuffer);
  return { piece, transfer: [...new Set(transfer)] };
}

/** Fields whose records have no prototype (src/records.ts) where a format module made them. */
const RECORDS = new Set(['comments', 'choices', 'ownership']);

/**
 * Unpacks a piece's rows (this thread's side): each row an object of the shape a format module
 * makes, role and department values one string each (`shared`), stack entries shared and frozen.
 */
export function unpackRows(
  path: string,
  piece: PackedRows,
  shared: (value: string | null) => string | null,
  entry: (priority: string, rank: number) => { readonly priority: string; readonly rank: number },
): RawRow[] {
  const sheets = piece.sheets.map((s) => AnswerSheet.holding(s.items, s.values));
  const entries = piece.entries.map(([priority, rank]) => entry(priority, rank));
  const extra = new Map(piece.extra);
  const rows: RawRow[] = new Array(piece.lines.length);
  let from = 0;
  for (let i = 0; i < rows.length; i++) {
    const s = piece.sheetOf[i]!;
    const likert: Likert = s >= 0 ? new PackedAnswers(sheets[s]!, piece.at[i]!) : NO_ANSWERS;
    const end = piece.stackEnds[i]!;
    let stack: RawRow['stack'] = NO_STACK;
    if (end > from) {
      stack = new Array(end - from);
      for (let k = from; k < end; k++) stack[k - from] = entries[piece.stacks[k]!]!;
    }
    from = end;
    const t = piece.submitted[i]!;
    const row: RawRow = {
      file: path,
      line: piece.lines[i]!,
      toolId: piece.toolIds[i]!,
      name: piece.names[i]!,
      email: piece.emails[i]!,
      role: shared(piece.roles[i]!),
      department: shared(piece.departments[i]!),
      submitted: Number.isNaN(t) ? null : t,
      likert,
      stack,
      exclude: null,
    };
    const more = extra.get(i);
    if (more) {
      const target = row as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(more)) {
        if (key === 'likert') target.likert = recordFrom(Object.entries(value as Record<string, number>));
        else if (key === 'exclude') target.exclude = value as Message;
        else if (RECORDS.has(key) && value !== null && typeof value === 'object') target[key] = recordFrom(Object.entries(value as Record<string, unknown>));
        else target[key] = value;
      }
    }
    rows[i] = row;
  }
  return rows;
}

/**
 * What must be the same for two threads' plans of the first piece to be one plan: the table's reading
 * and every decision the format module made about the columns.
 */
export function planFingerprint(table: Table, normalised: Normalised): string {
  return JSON.stringify([
    table.encoding,
    table.bom,
    table.delimiter,
    table.records.length,
    table.records[0],
    normalised.format,
    normalised.headerRows,
    normalised.columns,
    normalised.items,
    normalised.priorities,
    normalised.hasRoleColumn,
    normalised.newestFirst,
    normalised.dates ?? null,
    normalised.decisions ?? null,
  ]);
}

/** A helper thread reading a file's second half. */
export interface Helper {
  /** The byte offset it reads from: just after a line end near the middle of the file. */
  readonly split: number;
  /** The bytes it has read so far (for the progress bar). */
  readonly bytesDone: number;
  /**
   * The rows the run holds besides the helper's (the files before, this thread's): told by readInput,
   * so that rows past the run's limit stop the helper as they arrive rather than being held.
   */
  mainRows: () => number;
  /**
   * Its rows and exclusions, their lines moved on by `shift` (the lines before the split), once it
   * has read to the end; null when they are not this thread's reading (another plan, an error, more
   * rows than `room`): then this thread reads on from the split itself.
   */
  result(
    fingerprint: string,
    shift: number,
    room: number,
  ): Promise<{ records: number; rows: RawRow[]; excluded: Excluded[]; counts: Record<string, number[]> | undefined } | null>;
  close(): void;
}

/** The helper's script: beside this module once built (a test running the sources uses the build's). */
function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? join(dirname(here), '..', '..', 'dist', 'ingest', 'read-worker.js') : join(dirname(here), 'read-worker.js');
  return existsSync(file) ? file : null;
}

/**
 * Where the helper would start in a regular file of at least `least` bytes that may be UTF-8 text: just after
 * the first line end at or after MAIN_SHARE of it. Null for anything else (a pipe, a folder or a missing file,
 * read by one thread, whose errors name them; a workbook or a UTF-16 file by its first bytes, as binaryKind and
 * decode read them; no line end near). One open of the file.
 */
async function splitPoint(path: string, least: number): Promise<number | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size < least) return null;
    const first = Buffer.alloc(8);
    await handle.read(first, 0, first.length, 0);
    if (binaryKind(first) !== null || stripBom(first)?.encoding.startsWith('utf-16')) return null;
    const size = stat.size;
    const middle = Math.floor(size * MAIN_SHARE);
    const bytes = Buffer.alloc(Math.min(SPLIT_SEARCH_BYTES, size - middle));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, middle);
    const lf = bytes.subarray(0, bytesRead).indexOf(0x0a);
    return lf < 0 || middle + lf + 1 >= size ? null : middle + lf + 1;
  } finally {
    await handle.close();
  }
}

/**
 * Starts a helper for a file of at least `parallelBytes` (PARALLEL_BYTES unless a test says less);
 * null when the file is read by this thread alone.
 */
export async function startHelper(
  path: string,
  options: Omit<HelperOptions, 'maxRows' | 'rowsBefore'> & { parallelBytes?: number; sheet?: string },
  at: { maxRows: number; rowsBefore: number; headBytes: number },
): Promise<Helper | null> {
  if (options.likert === 'lenient' || options.sheet !== undefined) return null;
  const file = workerFile();
  if (!file) return null;
  const split = await splitPoint(path, options.parallelBytes ?? PARALLEL_BYTES);
  if (split === null) return null;
  const data: HelperData = {
    path,
    split,
    headBytes: at.headBytes,
    options: {
      config: options.config,
      skipInvalid: options.skipInvalid,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}),
      ...(options.likert ? { likert: options.likert } : {}),
      ...(options.pieceBytes ? { pieceBytes: options.pieceBytes } : {}),
      ...(options.headRecords ? { headRecords: options.headRecords } : {}),
      maxRows: at.maxRows,
      rowsBefore: at.rowsBefore,
    },
  };
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: data, stdout: true, stderr: true });
  } catch {
    return null;
  }
  worker.unref();
  const shared = sharedValues();
  const entry = sharedEntries();
  const rows: RawRow[] = [];
  const excluded: Excluded[] = [];
  let records = 0;
  let fingerprint: string | null = null;
  let counts: Record<string, number[]> | undefined;
  let bytesDone = 0;
  let closed = false;
  let settle: (ok: boolean) => void = () => {};
  const ended = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let mainRows = () => 0;
  worker.on('message', (m: HelperMessage) => {
    if (closed) return;
    if (m.kind === 'plan') fingerprint = m.fingerprint;
    else if (m.kind === 'piece') {
      records += m.piece.records;
      bytesDone = m.piece.bytes;
      // past the run's limit however this thread's reading ends: the reading by one thread names the row
      if (mainRows() + records > at.maxRows) {
        close();
        return;
      }
      for (const row of timed('merge', () => unpackRows(path, m.piece, shared, entry))) rows.push(row);
      for (const e of m.piece.excluded) excluded.push(e);
    } else {
      if (m.kind === 'done') counts = m.counts;
      settle(m.kind === 'done');
    }
  });
  worker.on('error', () => settle(false));
  worker.on('exit', () => settle(false));
  const close = () => {
    if (closed) return;
    closed = true;
    settle(false);
    void worker.terminate();
  };
  return {
    split,
    get bytesDone() {
      return bytesDone;
    },
    get mainRows() {
      return mainRows;
    },
    set mainRows(count: () => number) {
      mainRows = count;
    },
    async result(wanted, shift, room) {
      worker.ref();
      const ok = await ended;
      close();
      if (!ok || fingerprint !== wanted || records > room) return null;
      for (const row of rows) {
        row.line += shift;
        if (row.lines) row.lines = row.lines.map((l) => l + shift);
      }
      for (const e of excluded) e.line += shift;
      return { records, rows, excluded, counts };
    },
    close,
  };
}

/** One copy of each role and department value (as the plan keeps them: plan.ts `shared`), up to a bound. */
function sharedValues(): (value: string | null) => string | null {
  const values = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    const known = values.get(value);
    if (known !== undefined) return known;
    if (values.size < SHARED_VALUES) values.set(value, value);
    return value;
  };
}
