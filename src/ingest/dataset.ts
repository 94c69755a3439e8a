/**
 * Files to Dataset: read each file (readTable), let the registry pick its
 * format module, normalise, then assemble the respondents (pure):
 *
 *   1. files in command-line order; each file's rows in line order
 *   2. rows the tool marks as not real responses (`exclude`) -> ledger
 *   3. priority names -> keys (priorityKey, align.yml priorities.aliases);
 *      a stack naming one priority twice after aliases is invalid
 *   4. rows with nothing answered -> ledger ("nothing ranked" for a stacks file)
 *   5. duplicates: the same email (case-insensitive), else the same tool id
 *      (within one format); the later submission wins: the later `submitted`
 *      when both have one, else the later file, else the later line (the
 *      earlier line for a newest-first file: SurveyMonkey); the loser -> ledger
 *   6. notes: two people with one name and no distinct emails or person ids, a blank role, ties
 *   7. priorities: every priority a file lists (a wide column nobody ranked,
 *      marked `listed`) and every distinct key ranked by anyone; shown by the
 *      spelling most used, ties first seen (nameByMostUsed). Which of them are the N is the audit's decision: it
 *      knows the leaders (ARCHITECTURE.md, "Stacks"; analyseStacks)
 *
 * Every data row ends up used or in `excluded` with a reason; a module that
 * loses a row is a bug (InternalError), not a user error.
 */

import { stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { maxRowsFor } from '../defaults.js';
import { InputError, InternalError, UsageError } from '../errors.js';
import { inEnglish, keepWording, ledgerText, type Message, msg, quoted, type Tagged } from '../i18n/index.js';
import { timed, timedAsync } from '../phases.js';
import { pushTo } from '../records.js';
import { hasAnswers, likertRecord } from './answers.js';
import { personKey } from './columns.js';
import type { AlignConfig } from './config-types.js';
import { EncodingContradiction } from './decode.js';
import { detectFormat, type FormatChoice } from './formats/index.js';
import type { NormaliseContext, Normalised, RawRow } from './formats/types.js';
import { type Helper, planFingerprint, startHelper } from './parallel.js';
import { PlanContradiction } from './plan/types.js';
import { displayName, priorityKey } from './priority-key.js';
import { aliasKeyOf, SKIP_INVALID_FIX, sharedEntries, tieMessages } from './rankings.js';
import { HEAD_GROWTH, LARGEST_HEAD_BYTES, openTable, PIECE_BYTES, type ReadTableOptions, readTable, SplitContradiction, wholeFileEncoding } from './table.js';
import { eitherDateOrder } from './timestamps.js';
import type { Dataset, EncodingLabel, Excluded, FileInfo, Item, LedgerKind, Note, Respondent, StackEntry, Subject, Table } from './types.js';

export interface ReadOptions {
  config: AlignConfig;
  skipInvalid: boolean;
  encoding?: EncodingLabel;
  delimiter?: string;
  /** --sheet: the sheet of each workbook to read (a name, or a number from 1); the first when absent. */
  sheet?: string;
  /** The ranking question's header: --ranking-question, else align.yml's rankingQuestion, resolved once by the CLI (readingOptions). */
  rankingQuestion?: string;
  /** Likert answers align cannot read: 'strict' (default) stops; 'lenient' notes and leaves them out (NormaliseContext.likert). */
  likert?: 'strict' | 'lenient';
  /** Read a file in pieces of this many bytes, the first holding at least headRecords records (table.ts PIECE_BYTES, HEAD_RECORDS unless a test says smaller). */
  pieceBytes?: number;
  headRecords?: number;
  /** The largest first piece a contradiction grows it to (table.ts LARGEST_HEAD_BYTES unless a test says smaller). */
  largestHead?: number;
  /** Files of at least this many bytes are read by two threads (parallel.ts PARALLEL_BYTES unless a test says less). */
  parallelBytes?: number;
  /** The most data rows one run reads (defaults.ts maxRowsFor this process's heap limit, unless a test says fewer). */
  maxRows?: number;
  /**
   * Told how far reading has gone: the bytes of the input files read so far and the bytes of them all
   * (the CLI draws its progress bar from it). Called after each piece of a large file (table.ts
   * PIECE_BYTES) and once per file when it is read.
   */
  progress?: (bytesDone: number, bytesTotal: number) => void;
}

/** One file read and normalised by the format module that claims it: what readDataset and align inspect share. */
export interface ReadInput {
  table: Table;
  /** The file's data rows: the table's, and those of the pieces read after it (a large file). */
  rows: number;
  normalised: Normalised;
  /** The format choice; with `allReasons`, every module's verdict (align inspect prints them). */
  choice: FormatChoice;
  /** 2 when a helper thread read the second half of the file (parallel.ts), else 1. */
  threads: 1 | 2;
}

/** The table options readInput reads a file with (a workbook stops at the run's row limit as it reads). */
export function tableOptionsFor(path: string, options: ReadOptions, maxRows: number, rowsBefore: number): ReadTableOptions {
  return {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.pieceBytes ? { pieceBytes: options.pieceBytes } : {}),
    ...(options.headRecords ? { headRecords: options.headRecords } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    // a workbook is read whole: it stops at the run's row limit (and the most header rows a tool writes) as it reads
    maxRecords: Math.max(0, maxRows - rowsBefore) + MOST_HEADER_ROWS,
    tooMany: (line: number) => tooManyRows(path, line, maxRows),
  };
}

/** What a format module reads a file's rows with, from the run's options. */
function contextOf(options: ReadOptions): NormaliseContext {
  return {
    config: options.config,
    skipInvalid: options.skipInvalid,
    ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}),
    ...(options.likert ? { likert: options.likert } : {}),
  };
}

/** A file's first piece read and planned: the reader of the rest, the table so far, its format and the plan's reading of the piece. */
export interface PlannedHead {
  reader: Awaited<ReturnType<typeof openTable>>;
  table: Table;
  choice: FormatChoice;
  normalised: Normalised;
}

/**
 * Reads a file's first piece (at least `headBytes`) and lets its format module plan the columns.
 * Deterministic: a helper thread reading the second half of a large file (parallel.ts) plans the
 * same first piece to the same plan, and readInput checks that it did.
 */
export async function planHead(
  path: string,
  options: ReadOptions,
  tableOptions: ReadTableOptions,
  headBytes: number,
  allReasons: boolean,
): Promise<PlannedHead> {
  const context = contextOf(options);
  const reader = await openTable(path, { ...tableOptions, headBytes });
  const table = reader.table;
  const choice = timed('plan', () => detectFormat(table, undefined, { winnerOnly: !allReasons }));
  const normalised = timed('plan', () => choice.module.normalise(table, context));
  return { reader, table, choice, normalised };
}

/**
 * Reads one file: bytes to a Table, the format that wrote it, and the column
 * plan's reading of it. `allReasons` asks every format module for its reason
 * (align inspect); otherwise the winner only (readDataset). A large file's
 * second half is read by a helper thread while this one reads the first
 * (parallel.ts), when the two readings can be shown to be the one reading.
 */
export async function readInput(path: string, options: ReadOptions, allReasons = false, rowsBefore = 0): Promise<ReadInput> {
  const maxRows = options.maxRows ?? maxRowsFor(getHeapStatistics().heap_size_limit);
  let tableOptions = tableOptionsFor(path, options, maxRows, rowsBefore);
  const context = contextOf(options);
  let headBytes = options.pieceBytes ?? PIECE_BYTES;
  // started before the first piece is planned, so that the helper plans it too in the meantime
  let helper: Helper | null = await startHelper(path, options, { maxRows, rowsBefore, headBytes });
  // the first row past the run's limit (defaults.ts maxRowsFor), named wherever the pieces happen to end
  const pastLimit = (lines: readonly number[], rowsHeld: number): InputError =>
    tooManyRows(path, lines[Math.max(0, maxRows - rowsBefore - rowsHeld)]!, maxRows);
  try {
    for (;;) {
      const planned = await planHead(path, options, tableOptions, headBytes, allReasons);
      const reader = planned.reader;
      let { table, choice, normalised } = planned;
      let rows = table.records.length - normalised.headerRows;
      let threads: 1 | 2 = 1;
      if (reader.rest && normalised.readRecords) {
        if (rowsBefore + rows > maxRows) throw pastLimit(table.lines.slice(normalised.headerRows), 0);
        // A large file: the later pieces are read by the first piece's plan, and only their rows are kept.
        const read = normalised.readRecords;
        const kept = normalised;
        const usable = helper && table.encoding === 'utf-8' && context.likert !== 'lenient' ? helper : null;
        if (usable) usable.mainRows = () => rowsBefore + rows;
        const each = (records: string[][], lines: number[], bytesRead: number) => {
          rows += records.length;
          if (rowsBefore + rows > maxRows) throw pastLimit(lines, rows - records.length);
          options.progress?.(bytesRead + (usable?.bytesDone ?? 0), reader.size);
          const more = timed('rows', () => read(records, lines));
          for (const row of more.rows) kept.rows.push(row);
          for (const e of more.excluded) kept.excluded.push(e);
        };
        try {
          const end = await reader.rest(each, usable ? { stopAt: usable.split } : {});
          if (end.stopped) {
            // The helper read from here to the end: its rows, if its reading is this one's, else the file is read again here alone.
            const got = await timedAsync('wait', () => usable!.result(planFingerprint(table, normalised), end.line - 1, maxRows - rowsBefore - rows));
            if (!got) throw new SplitContradiction(null);
            threads = 2;
            rows += got.records;
            for (const row of got.rows) kept.rows.push(row);
            for (const e of got.excluded) kept.excluded.push(e);
            if (got.counts) normalised.wholeRanges?.add(got.counts);
          }
          // read in pieces: the rating groups' ranges over every answer are the first piece's, or it plans again from more
          normalised.wholeRanges?.check(sizeWords(headBytes));
        } catch (e) {
          // read once more, by this thread alone: a second reading (by one thread, a larger first piece, another encoding) has no helper
          helper?.close();
          helper = null;
          // The helper's rows cannot be shown to be this reading's: read again by one thread, which meets any error where it meets it.
          if (e instanceof SplitContradiction) continue;
          if (e instanceof EncodingContradiction) {
            // The first piece's encoding does not hold for the rest: the whole file decides, as for a file read whole.
            tableOptions = { ...tableOptions, encoding: await wholeFileEncoding(path, e) };
            continue;
          }
          if (!(e instanceof PlanContradiction)) throw e;
          // The first piece's plan cannot read a later one as the whole file's would: plan again from more of the file.
          const largest = options.largestHead ?? LARGEST_HEAD_BYTES;
          if (headBytes >= largest) throw options.skipInvalid && e.cell ? pastLargestHead(e.error, largest) : e.error;
          headBytes = Math.min(largest, headBytes * HEAD_GROWTH);
          continue;
        }
      } else if (reader.rest) {
        // The long format reads a respondent across rows: read it all, then plan.
        table = await readTable(path, tableOptions);
        choice = detectFormat(table, undefined, { winnerOnly: !allReasons });
        normalised = choice.module.normalise(table, context);
        rows = table.records.length - normalised.headerRows;
      }
      if (rowsBefore + rows > maxRows) throw pastLimit(table.lines.slice(normalised.headerRows), 0);
      if (normalised.lateNotes) normalised.notes.push(...normalised.lateNotes());
      for (const n of table.notes ?? []) normalised.notes.push(keepWording(n, { file: table.path, ...n }));
      return { table, normalised, choice, rows: Math.max(0, rows), threads };
    }
  } finally {
    helper?.close();
  }
}

/** The most header records a tool writes (Qualtrics: three). */
const MOST_HEADER_ROWS = 3;

/** Reads every file and assembles one Dataset (see the steps above). */
export async function readDataset(paths: string[], options: ReadOptions): Promise<Dataset> {
  if (paths.length === 0) throw new UsageError('no input file given; name at least one CSV export');
  const inputs: Array<{ table: Table; normalised: Normalised; rows: number }> = [];
  // the files' sizes for options.progress; a missing file counts 0 here and is reported by the reader, with its name
  const sizes = options.progress
    ? await Promise.all(
        paths.map((p) =>
          stat(p).then(
            (s) => (s.isFile() ? s.size : 0),
            () => 0,
          ),
        ),
      )
    : [];
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  for (const [i, path] of paths.entries()) {
    const before = bytesDone;
    const progress = options.progress;
    const rowsBefore = inputs.reduce((n, i) => n + i.rows, 0);
    const { table, normalised, rows } = await readInput(
      path,
      {
        ...options,
        ...(progress ? { progress: (done: number) => progress(before + done, bytesTotal) } : {}),
      },
      false,
      rowsBefore,
    );
    if (progress) {
      bytesDone += sizes[i] ?? 0;
      progress(bytesDone, bytesTotal);
    }
    const unresolved = normalised.rankingUnresolved;
    if (unresolved) throw new InputError(table.path, unresolved.line, null, unresolved.problem, unresolved.fix);
    const recall = normalised.recallUnresolved;
    if (recall) throw new InputError(table.path, recall.line, recall.column, recall.problem, recall.fix);
    inputs.push({ table, normalised, rows });
  }
  // --sheet names a workbook's sheet: with CSV files only, it names nothing, and saying so beats ignoring it
  const first = inputs[0];
  if (options.sheet !== undefined && first && inputs.every((i) => i.table.sheet === undefined)) throw sheetOnCsv(first.table.path);
  return timed('assemble', () => assembleDataset(inputs, options));
}

/** --sheet given for a CSV file (align inspect), or for a run of CSV files only. */
export function sheetOnCsv(path: string): InputError {
  return new InputError(path, null, null, 'is a CSV file, which has no sheets: --sheet names a sheet of an .xlsx workbook', 'leave out --sheet');
}

/**
 * A cell the plan cannot read past the largest first piece, with --skip-invalid (black-box QA: the
 * message told the user to pass the flag given): align cannot tell there whether the answer is bad or
 * one the whole file's plan would read (a scale point first used that late), so it does not leave the
 * row out in silence; a file of at most that size is planned from all of it, and several files make
 * one audit.
 */
function pastLargestHead(error: InputError, largest: number): InputError {
  const size = sizeWords(largest);
  return new InputError(
    error.file,
    error.line,
    error.column,
    `${error.problem}; --skip-invalid cannot leave this row out: it lies past the first ${size} of the file, from which align decides how each column reads, and an answer there may belong to a scale those rows did not show`,
    `correct the cell, or split the file into parts of at most ${size} and give align them all (align audit part1.csv part2.csv …), which it reads as one audit`,
  );
}

/** A first piece's size in words: '16 MiB', or '256 bytes' (a test's). */
function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes.toLocaleString('en')} bytes`;
}

/**
 * More rows than one run reads (defaults.ts maxRowsFor): every respondent is held in memory,
 * so a run stops with one line rather than run out of memory part way.
 */
function tooManyRows(path: string, line: number, most: number): InputError {
  return new InputError(
    path,
    line,
    null,
    `the input files hold more than ${most.toLocaleString('en')} data rows, more than align holds in this process's memory`,
    'audit the survey in parts (by wave, region or business unit), or give node more memory (NODE_OPTIONS=--max-old-space-size=<MB>)',
  );
}

/** A row on its way through assembly. */
interface Pending {
  row: RawRow;
  fileIndex: number;
  normalised: Normalised;
  stack: StackEntry[];
  /** Its place among the rows in file order (the order `pending` keeps). */
  index: number;
}

function linesOf(row: RawRow): number[] {
  return row.lines && row.lines.length > 0 ? row.lines : [row.line];
}

const subjectOf = (row: Pick<RawRow, 'role' | 'department'>): Subject => ({ role: row.role, department: row.department });

/**
 * line -> the respondent a format module's note or exclusion concerns, read
 * from the row's role and department cells (a row excluded before grouping,
 * by --skip-invalid, still has them); undefined for a header line or a note on
 * the whole file. The audit decides from it whether the entry may name anyone.
 */
function ledgerSubjects(table: Table, normalised: Normalised): (line: number) => Subject | undefined {
  const roleColumn = normalised.columns.find((c) => c.role === 'role')?.index;
  const departmentColumn = normalised.columns.find((c) => c.role === 'department')?.index;
  let recordAt: Map<number, number> | null = null; // built on the first question: most files have no notes
  const recordOf = (line: number): number | undefined => {
    if (!recordAt) {
      recordAt = new Map();
      for (let r = normalised.headerRows; r < table.records.length; r++) recordAt.set(table.lines[r]!, r);
    }
    return recordAt.get(line);
  };
  const cellOf = (r: number, c: number | undefined): string | null => {
    const v = c === undefined ? '' : (table.records[r]![c] ?? '').trim();
    return v === '' ? null : v;
  };
  return (line) => {
    const r = recordOf(line);
    return r === undefined ? undefined : { role: cellOf(r, roleColumn), department: cellOf(r, departmentColumn) };
  };
}

/**
 * The kind of a format module's exclusion, by its wording (the modules say it
 * in words only); anything unrecognised is 'other', which a report shows for a
 * hidden group without its reason.
 */
export function exclusionKind(reason: string): LedgerKind {
  if (/^invalid/i.test(reason)) return 'invalid';
  if (/^duplicate/i.test(reason)) return 'duplicate';
  if (/^(nothing (answered|ranked)|empty row|no answer)/i.test(reason)) return 'nothing-answered';
  if (/^(preview|test response|spam|unfinished)/i.test(reason)) return 'not-a-response';
  return 'other';
}

/** The kind of a format module's note, by its wording (see exclusionKind). */
export function noteKind(note: string): LedgerKind {
  if (/^blank rank\b/i.test(note)) return 'blank-rank';
  return 'other';
}

/** "line 12", or "other.csv line 12" when the other row is in another file. */
function lineRef(of: RawRow, from: RawRow): string {
  const m = lineRefMessage(of, from);
  return inEnglish(m);
}

/** lineRef as a message, for a note worded from the catalogue. */
function lineRefMessage(of: RawRow, from: RawRow): Extract<Tagged, { $: 'msg' }> {
  return of.file === from.file ? msg('ledger.line', { line: String(of.line) }) : msg('ledger.fileLine', { file: of.file, line: String(of.line) });
}

/**
 * Assembles already-normalised files into a Dataset (pure; readDataset's
 * second half). `inputs` in command-line order.
 */
export function assembleDataset(
  inputs: ReadonlyArray<{ table: Table; normalised: Normalised; rows?: number }>,
  options: Pick<ReadOptions, 'config' | 'skipInvalid'>,
): Dataset {
  const files: FileInfo[] = inputs.map(({ table, normalised, rows }) => ({
    path: table.path,
    format: normalised.format,
    encoding: table.encoding,
    bom: table.bom,
    delimiter: table.delimiter,
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
    rows: rows ?? Math.max(0, table.records.length - normalised.headerRows),
    headerRows: normalised.headerRows,
  }));
  const excluded: Excluded[] = [];
  const notes: Note[] = [];
  // a format module's reason is a message, most often one of a few constants: worded in English once each (ledgerText)
  const worded = new WeakMap<Message, { reason: string }>();
  const exclude = (row: RawRow, reason: string | Message, kind: LedgerKind): void => {
    const about = subjectOf(row);
    if (typeof reason === 'string') {
      for (const line of linesOf(row)) excluded.push({ file: row.file, line, reason, kind, about });
      return;
    }
    let said = worded.get(reason);
    if (!said) {
      said = ledgerText({}, 'reason', reason);
      worded.set(reason, said);
    }
    for (const line of linesOf(row)) excluded.push(keepWording(said, { file: row.file, line, reason: said.reason, kind, about }));
  };
  // One by one, not push(...list): a large export's ledger (200k unfinished rows) overflows the call stack as arguments.
  // The format modules' entries get the kind and the respondent they concern here (see ledgerSubjects).
  for (const { table, normalised } of inputs) {
    const subjectAt = ledgerSubjects(table, normalised);
    for (const e of normalised.excluded) {
      const about = e.about ?? subjectAt(e.line);
      excluded.push(keepWording(e, { ...e, kind: e.kind ?? exclusionKind(e.reason), ...(about ? { about } : {}) }));
    }
    for (const n of normalised.notes) {
      const about = n.about ?? (subjectAt(n.line) ? [subjectAt(n.line)!] : undefined);
      notes.push(keepWording(n, { ...n, kind: n.kind ?? noteKind(n.note), ...(about ? { about } : {}) }));
    }
  }

  const keyOf = aliasKeyOf(options.config.priorities?.aliases);
  const aliases = options.config.priorities?.aliases ?? {};
  const aliasTarget = new Map<string, string>(Object.entries(aliases).map(([spelling, target]) => [priorityKey(spelling), target]));

  // 1-4: tool exclusions, keys, nothing answered
  const nothingReason = (n: Normalised): string => {
    const ranking = n.columns.some((c) => c.role === 'ranking');
    if (ranking && n.items.length === 0) return 'nothing ranked';
    if (ranking) return 'nothing answered (no Likert item, nothing ranked)';
    if (n.items.length > 0) return 'nothing answered (no Likert item)';
    return 'no answer align reads: the file has no Likert items and no ranking question';
  };
  let pending: Pending[] = [];
  const keyed = stackKeyer(keyOf);
  inputs.forEach(({ normalised }, fileIndex) => {
    // in line order (a file read in pieces gives them so already: no copy then)
    const given = normalised.rows;
    let ordered = true;
    for (let i = 1; i < given.length && ordered; i++) ordered = given[i - 1]!.line <= given[i]!.line;
    const rows = ordered ? given : [...given].sort((a, b) => a.line - b.line);
    for (const row of rows) {
      if (row.exclude !== null) {
        exclude(row, row.exclude, 'not-a-response');
        continue;
      }
      const stack = keyedStack(row, options.skipInvalid, keyed);
      if (typeof stack === 'string') {
        exclude(row, stack, 'invalid');
        continue;
      }
      // a row that answers only an ownership or a recall question is used for those (the survey audit reads them)
      const survey = row as RawRow & Partial<Pick<Respondent, 'ownership' | 'recall'>>;
      const other =
        (survey.ownership !== undefined && Object.keys(survey.ownership).length > 0) || (survey.recall !== undefined && survey.recall.text.trim() !== '');
      if (stack.length === 0 && !hasAnswers(row.likert) && !other) {
        exclude(row, nothingReason(normalised), 'nothing-answered');
        continue;
      }
      pending.push({ row, fileIndex, normalised, stack, index: pending.length });
    }
  });

  // 5: duplicates (with a file's submit times read both ways where nothing settles their day and month order)
  refuseExcelDamage(pending);
  const shared: SharedKeys = { emails: new Set(), ids: new Set() };
  pending = settleDuplicatesEitherWay(pending, exclude, notes, shared);
  for (const { table, normalised } of inputs) if (normalised.dates?.order === null) notes.push(openDatesNote(table, normalised.dates));

  // 6: notes
  const hasRoleColumn = inputs.some(({ normalised }) => normalised.hasRoleColumn);
  noteSameNames(pending, notes, shared);
  for (const p of pending) {
    if (!hasRoleColumn || p.row.role !== null) continue;
    notes.push({
      file: p.row.file,
      line: p.row.line,
      kind: 'blank-role',
      about: [subjectOf(p.row)],
      note: p.normalised.hasRoleColumn ? 'blank role: not counted as a leader' : 'no role column in this file (other files have one): not counted as a leader',
    });
  }
  for (const p of pending) {
    // Never by name: a note reaches the report, and a team member's answers are confidential
    // (ARCHITECTURE.md, "Anonymity"); the file and line say who it is to whoever holds the file.
    for (const m of tieMessages(p.row.stack, null)) {
      notes.push(ledgerText({ file: p.row.file, line: p.row.line, kind: 'tie' as const, about: [subjectOf(p.row)] }, 'note', m));
    }
  }

  // 7: priorities
  const order: string[] = [];
  const seen = new Set<string>();
  const listedKeys = new Set<string>();
  for (const { normalised } of inputs) {
    if (!listsOptions(normalised)) continue;
    for (const listed of normalised.priorities) listedKeys.add(keyOf(listed));
  }
  listedKeys.delete('');
  const see = (key: string): void => {
    if (key !== '' && !seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  };
  const uses = new Map<string, number>(); // spelling as written -> uses, in first-seen order
  const firstSeen = new Map<string, Note>(); // spelling as written -> where it was first read
  const users = new Map<string, Subject[]>(); // spelling as written -> who wrote it (the first few), for the ledger's rule
  let next = 0; // pending is in file order
  // one lookup per stack entry (a large file has millions): a spelling's count and first writers together
  const usage = new Map<string, { count: number; who: Subject[] }>();
  inputs.forEach(({ normalised }, fileIndex) => {
    for (const listed of normalised.priorities) see(keyOf(listed));
    for (; next < pending.length && pending[next]!.fileIndex === fileIndex; next++) {
      const row = pending[next]!.row;
      for (const e of row.stack) {
        const used = usage.get(e.priority);
        if (used === undefined) {
          usage.set(e.priority, { count: 1, who: [subjectOf(row)] });
          firstSeen.set(e.priority, { file: row.file, line: row.line, note: '' });
          see(keyOf(e.priority));
          continue;
        }
        used.count++;
        if (used.who.length < MAX_SUBJECTS_PER_SPELLING) used.who.push(subjectOf(row));
      }
    }
  });
  for (const [spelling, { count, who }] of usage) {
    uses.set(spelling, count);
    users.set(spelling, who);
  }
  inputs.forEach(({ table, normalised }) => {
    for (const listed of normalised.priorities) {
      if (!uses.has(listed)) uses.set(listed, 0);
      if (!firstSeen.has(listed)) firstSeen.set(listed, { file: table.path, line: table.lines[0] ?? 1, note: '' });
    }
  });
  const shown = nameByMostUsed(uses, keyOf, (spelling) => aliasTarget.get(priorityKey(spelling)) ?? spelling);
  notes.push(...mergedSpellingNotes(uses, keyOf, shown, firstSeen, users));
  const priorities = order.map((key) => ({ key, name: shown.get(key) ?? key, ...(listedKeys.has(key) ? { listed: true } : {}) }));

  const respondents: Respondent[] = pending.map(({ row, stack }) => respondentOf(row, stack, keyOf));

  const items: Item[] = [];
  const itemIds = new Set<string>();
  for (const { normalised } of inputs) {
    for (const item of normalised.items) {
      if (itemIds.has(item.id)) continue;
      itemIds.add(item.id);
      items.push(item);
    }
  }

  checkLedger(files, pending, excluded);
  const decisions = decisionsOf(inputs);
  return { files, respondents, excluded, notes: uniqueNotes(notes), hasRoleColumn, priorities, items, ...(decisions.length > 0 ? { decisions } : {}) };
}

/**
 * A pending row as the respondent it is: one object of one shape, its optional
 * parts added after (an object literal with spreads costs several times as
 * much, a million rows over). What the survey audit reads besides Likert
 * answers and ranks (comments, choices, ownership, recall, duration) is
 * carried rather than parsed and dropped.
 */
function respondentOf(row: RawRow, stack: StackEntry[], keyOf: (name: string) => string): Respondent {
  // (the fields in the order they always had: `lines`, when a respondent has several, after `line`)
  const { toolId, name, email, role, department, file, line, submitted, likert } = row;
  const r: Respondent =
    row.lines && row.lines.length > 1
      ? { toolId, name, email, role, department, file, line, lines: row.lines, submitted, likert, stack }
      : { toolId, name, email, role, department, file, line, submitted, likert, stack };
  if (row.unranked && row.unranked.length > 0) r.unranked = [...new Set(row.unranked.map(keyOf))].filter((k) => k !== '');
  const a = row as RawRow & Partial<Pick<Respondent, 'comments' | 'choices' | 'ownership' | 'recall'>>;
  if (a.comments && Object.keys(a.comments).length > 0) r.comments = a.comments;
  if (a.choices && Object.keys(a.choices).length > 0) r.choices = a.choices;
  if (a.ownership && Object.keys(a.ownership).length > 0) r.ownership = a.ownership;
  if (a.recall && a.recall.text.trim() !== '') r.recall = { question: a.recall.question, text: a.recall.text };
  if (row.durationSeconds !== undefined && Number.isFinite(row.durationSeconds) && row.durationSeconds >= 0) r.durationSeconds = row.durationSeconds;
  return r;
}

/** Each ownership decision once, in file order then column order; the first file's question names a decision two files share. */
function decisionsOf(inputs: ReadonlyArray<{ normalised: Normalised }>): Array<{ decision: string; question: string }> {
  const out: Array<{ decision: string; question: string }> = [];
  const seen = new Set<string>();
  for (const { normalised } of inputs) {
    for (const d of normalised.decisions ?? []) {
      if (seen.has(d.decision)) continue;
      seen.add(d.decision);
      out.push({ decision: d.decision, question: d.question });
    }
  }
  return out;
}

/**
 * Whether `normalised.priorities` are the question's options (wide columns, a
 * code book) rather than the names found in the cells: a long file's list is
 * every name in its priority column, write-ins included, so it lists no options.
 */
function listsOptions(normalised: Normalised): boolean {
  return !normalised.columns.some((c) => c.ranking === 'long-priority');
}

/**
 * The row's stack with keys, ordered by rank then key; or, with
 * --skip-invalid, the reason it is left out. Two spellings that align.yml's
 * aliases make one priority, both ranked, are invalid like any priority
 * ranked twice.
 */
function keyedStack(row: RawRow, skipInvalid: boolean, keyed: Keyer): StackEntry[] | string {
  const n = row.stack.length;
  const stack: StackEntry[] = [];
  // a priority seen twice: a scan of the few before it (a map for a long stack)
  const seen = n > 16 ? new Map<string, number>() : null;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const entry = keyed(row.stack[i]!, row);
    let before = -1;
    if (seen) before = seen.get(entry.priority) ?? -1;
    else for (let j = 0; j < i && before < 0; j++) if (stack[j]!.priority === entry.priority) before = j;
    if (before >= 0) {
      const problem = `${JSON.stringify(row.stack[before]!.priority)} and ${JSON.stringify(row.stack[i]!.priority)} are the same priority (after priorities.aliases in align.yml) and both are ranked`;
      if (skipInvalid) return `invalid, respondent left out (--skip-invalid): ${problem}`;
      throw new InputError(
        row.file,
        row.line,
        null,
        problem,
        `a priority may appear once in a stack; remove one of them or correct the alias, ${SKIP_INVALID_FIX}`,
      );
    }
    seen?.set(entry.priority, i);
    if (i > 0 && byRankThenKey(stack[i - 1]!, entry) > 0) sorted = false;
    stack.push(entry);
  }
  // a copy as long as the stack, no longer (an array grown by push keeps room for 17 entries)
  const exact = stack.slice();
  return sorted ? exact : exact.sort(byRankThenKey);
}

function byRankThenKey(a: StackEntry, b: StackEntry): number {
  return a.rank - b.rank || (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : 0);
}

type Keyer = (entry: RawRow['stack'][number], row: RawRow) => StackEntry;

/**
 * A maker of keyed stack entries from entries as written: checks the rank and the key, then one
 * shared StackEntry per key and rank. An entry plan.ts shares among rows (frozen) is keyed once.
 */
function stackKeyer(keyOf: (name: string) => string): Keyer {
  const entryOf = sharedEntries();
  const done = new Map<object, StackEntry>();
  return (e, row) => {
    const known = done.get(e);
    if (known !== undefined) return known;
    if (!Number.isInteger(e.rank) || e.rank < 1) {
      throw new InternalError(`${row.file}:${row.line}: a format module passed rank ${e.rank} for ${JSON.stringify(e.priority)}`);
    }
    const key = keyOf(e.priority);
    if (key === '') throw new InternalError(`${row.file}:${row.line}: a format module passed an empty priority name`);
    const made = entryOf(key, e.rank);
    if (Object.isFrozen(e)) done.set(e, made);
    return made;
  };
}

/**
 * The name shown for each priority key: the spelling most used (trimmed,
 * spacing collapsed: displayName), ties going to the one seen first; an
 * aliased spelling shows as its target. The rule is applied to
 * counts gathered by the spelling as written, so that the Unicode passes run
 * once per distinct spelling rather than once per stack entry (a large file
 * has millions of entries and a few dozen spellings).
 */
function nameByMostUsed(uses: ReadonlyMap<string, number>, keyOf: (name: string) => string, target: (spelling: string) => string): Map<string, string> {
  const byKey = new Map<string, Map<string, number>>();
  for (const [spelling, count] of uses) {
    const key = keyOf(spelling);
    if (key === '') continue;
    const shown = displayName(target(spelling));
    let counts = byKey.get(key);
    if (!counts) {
      counts = new Map();
      byKey.set(key, counts);
    }
    counts.set(shown, (counts.get(shown) ?? 0) + count);
  }
  const names = new Map<string, string>();
  for (const [key, counts] of byKey) {
    let best = '';
    let most = -1;
    for (const [shown, count] of counts) {
      if (count > most) {
        best = shown;
        most = count;
      }
    }
    names.set(key, best);
  }
  return names;
}

/**
 * A note for each priority read from more than one spelling as written (case,
 * spacing, punctuation or invisible characters apart), so that look-alikes
 * merged by priorityKey are said, not silent: '"Cut costs": written 2 ways,
 * read as one priority'. Counted, never quoted: a spelling may hold invisible
 * or control characters. Placed where the priority was first read.
 */
/** Enough writers of one spelling to tell whether any is in a hidden group (a spelling is rarely rarer than that). */
const MAX_SUBJECTS_PER_SPELLING = 64;

function mergedSpellingNotes(
  uses: ReadonlyMap<string, number>,
  keyOf: (name: string) => string,
  shown: ReadonlyMap<string, string>,
  firstSeen: ReadonlyMap<string, Note>,
  users: ReadonlyMap<string, Subject[]>,
): Note[] {
  const spellings = new Map<string, string[]>();
  for (const spelling of uses.keys()) {
    const key = keyOf(spelling);
    if (key === '') continue;
    const list = spellings.get(key);
    if (list) list.push(spelling);
    else spellings.set(key, [spelling]);
  }
  const notes: Note[] = [];
  for (const [key, list] of spellings) {
    if (list.length < 2) continue;
    const where = firstSeen.get(list[0]!);
    if (!where) continue;
    // The note names the priority: the writers of the spellings other than the one shown decide whether it may
    // (a write-in spelled two ways by a member of a hidden group is theirs to keep).
    const name = shown.get(key) ?? key;
    const about = list.filter((spelling) => displayName(spelling) !== name).flatMap((spelling) => users.get(spelling) ?? []);
    notes.push(
      ledgerText(
        { file: where.file, line: where.line, kind: 'merged-spellings' as const, ...(about.length > 0 ? { about } : {}) },
        'note',
        msg('ledger.note.mergedSpellings', { name: quoted(name), ways: String(list.length) }),
      ),
    );
  }
  return notes;
}

/** True when `a` is the later submission of the two (ARCHITECTURE.md, "Duplicates"). */
function isLater(a: Pending, b: Pending): boolean {
  if (a.row.submitted !== null && b.row.submitted !== null && a.row.submitted !== b.row.submitted) return a.row.submitted > b.row.submitted;
  if (a.fileIndex !== b.fileIndex) return a.fileIndex > b.fileIndex;
  return a.normalised.newestFirst ? a.row.line < b.row.line : a.row.line > b.row.line;
}

/** A long id as Excel rewrites it when it opens an export: 1.18E+11. */
const SCIENTIFIC_ID = /^\d(?:[.,]\d+)?E\+?\d+$/i;

/**
 * An export re-saved by Excel: Excel turns long respondent ids into
 * `1.18E+11`, so many rows share one id while their names or emails differ.
 * Reading on would merge different people, or count the same id as a tool's
 * one response; neither is safe, so the run stops (ARCHITECTURE.md, "Duplicates").
 */
function refuseExcelDamage(pending: readonly Pending[]): void {
  const byId = new Map<string, Pending[]>();
  for (const p of pending) {
    const id = p.row.toolId?.trim();
    if (!id || !SCIENTIFIC_ID.test(id)) continue;
    const key = `${p.row.file}\u0000${id}`;
    pushTo(byId, key, p);
  }
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    // who each row is: its name and email, else (an anonymous survey) its answers
    const who = (p: Pending) =>
      p.row.name || p.row.email
        ? `${p.row.name ? personKey(p.row.name) : ''}\u0000${p.row.email?.toLowerCase() ?? ''}`
        : `answers\u0000${JSON.stringify(Object.entries(likertRecord(p.row.likert)).sort())}\u0000${JSON.stringify(p.row.stack)}`;
    const people = new Set(group.map(who));
    if (people.size < 2) continue;
    const first = group[0]!.row;
    throw new InputError(
      first.file,
      first.line,
      null,
      `${group.length} rows share the respondent id ${JSON.stringify(first.toolId)} although their names, emails or answers differ: the export was opened and saved in Excel, which rounds long ids to this form (and may have turned dates into #####)`,
      'download the export again from the survey tool and give align that file, without opening it in Excel first',
    );
  }
}

/**
 * settleDuplicates, where some rows' submit times read as two instants (a
 * file whose day and month order nothing settles): run under each reading,
 * the same result or exit 2 naming align.yml's dateOrder (timestamps.ts
 * eitherDateOrder). The rows kept are the originals, whose `submitted` holds
 * no time that depends on the order.
 */
function settleDuplicatesEitherWay(
  pending: Pending[],
  exclude: (row: RawRow, reason: string, kind: LedgerKind) => void,
  notes: Note[],
  shared: SharedKeys,
): Pending[] {
  if (!pending.some((p) => p.row.submittedBothWays)) return settleDuplicates(pending, exclude, notes, shared);
  const { kept, excluded, said } = eitherDateOrder((order) => {
    const read = pending.map((p) => (p.row.submittedBothWays ? { ...p, row: { ...p.row, submitted: p.row.submittedBothWays[order] } } : p));
    const excluded: Array<[RawRow, string, LedgerKind]> = [];
    const said: Note[] = [];
    // (the keys rows share do not depend on the order: either reading fills `shared` alike)
    const kept = settleDuplicates(read, (row, reason, kind) => excluded.push([row, reason, kind]), said, shared);
    const fate = new Map<string, string[]>();
    for (const [row, reason] of excluded) pushTo(fate, `${row.file}\u0000${row.line}`, reason);
    for (const n of said) pushTo(fate, `${n.file}\u0000${n.line}`, n.note);
    const fates = pending.map(({ row, normalised }) => ({
      file: row.file,
      line: row.line,
      column: normalised.dates?.column ?? null,
      open: row.submittedBothWays ?? null,
      fate: fate.get(`${row.file}\u0000${row.line}`)?.join('; ') ?? '',
    }));
    return { result: { kept, excluded, said }, fates };
  });
  for (const [row, reason, kind] of excluded) exclude(row, reason, kind);
  for (const n of said) notes.push(n);
  return kept.map((p) => pending[p.index]!);
}

/**
 * The note for a file whose submit times' day and month order nothing settled, read on because it
 * changed nothing. It quotes no time: a note reaches the report, and one respondent's submit time
 * points to them (ARCHITECTURE.md, "Anonymity").
 */
function openDatesNote(table: Table, dates: NonNullable<Normalised['dates']>): Note {
  return ledgerText(
    { file: table.path, line: table.lines[0] ?? 1, kind: 'other' as const },
    'note',
    msg('ledger.note.datesEitherWay', { column: quoted(dates.column) }),
  );
}

/**
 * The emails (trimmed, lower case) and the plain tables' person ids (trimmed) that two or more rows
 * hold before duplicates are settled: settleDuplicates fills it from the maps it groups rows by, and
 * noteSameNames looks up by email or id only those (no other row can match by the rest). More than
 * the keys shared after settling, never fewer, which leaves the notes as they would be.
 */
interface SharedKeys {
  emails: Set<string>;
  ids: Set<string>;
}

function settleDuplicates(pending: Pending[], exclude: (row: RawRow, reason: string, kind: LedgerKind) => void, notes: Note[], shared: SharedKeys): Pending[] {
  // Rows are first put together by email, or by tool id; only rows that share one are told apart by
  // the whole identity (a large file's ids are nearly all distinct).
  const coarseKey = (p: Pending): string | null => {
    const email = p.row.email?.trim().toLowerCase();
    if (email) return `e:${email}`;
    const id = p.row.toolId?.trim();
    return id ? `t:${p.normalised.format}:${id}` : null;
  };
  const identity = (p: Pending): { key: string; by: string } | null => {
    const coarse = coarseKey(p);
    if (coarse === null) return null;
    if (coarse.startsWith('e:')) return { key: coarse, by: 'same email' };
    // A tool id names one response, so the same response exported twice has the same id and the
    // same submit time. Ids restart when a survey is copied or reactivated, and Excel can turn long
    // ids into 1.14524E+10: the same id under another name, or submitted at another time, is
    // another response.
    return { key: `${coarse}:${p.row.name ? personKey(p.row.name) : ''}:${p.row.submitted ?? ''}`, by: 'same respondent id' };
  };
  // The grouping pass, without a key string made a row: by email, else by format and tool id.
  const byEmail = new Map<string, Pending | Pending[]>();
  const byToolId = new Map<string, Map<string, Pending | Pending[]>>();
  const put = (map: Map<string, Pending | Pending[]>, key: string, p: Pending): void => {
    const had = map.get(key);
    if (had === undefined) map.set(key, p);
    else if (Array.isArray(had)) had.push(p);
    else map.set(key, [had, p]);
  };
  // a plain table's person ids on rows grouped by email: how many rows hold each (for SharedKeys)
  const idsBesideEmails = new Map<string, number>();
  for (const p of pending) {
    const email = p.row.email?.trim().toLowerCase();
    const id = p.row.toolId?.trim();
    if (email) {
      put(byEmail, email, p);
      if (id && p.normalised.format === 'generic') idsBesideEmails.set(id, (idsBesideEmails.get(id) ?? 0) + 1);
      continue;
    }
    if (!id) continue;
    let ids = byToolId.get(p.normalised.format);
    if (ids === undefined) {
      ids = new Map();
      byToolId.set(p.normalised.format, ids);
    }
    put(ids, id, p);
  }
  const sharedIds = [...byToolId.values()].flatMap((ids) => [...ids.values()].filter((g): g is Pending[] => Array.isArray(g)));
  for (const [email, g] of byEmail) if (Array.isArray(g)) shared.emails.add(email);
  const plainIds = byToolId.get('generic');
  if (plainIds) for (const [id, g] of plainIds) if (Array.isArray(g)) shared.ids.add(id);
  for (const [id, count] of idsBesideEmails) if (count > 1 || plainIds?.has(id)) shared.ids.add(id);
  // Say when one tool id carries two names or two submit times (counted as two people below), on
  // each row that differs from the id's first, in the rows' order.
  const sameId: Array<{ index: number; note: Note }> = [];
  for (const shared of sharedIds) {
    const first = shared[0]!;
    for (const p of shared.slice(1)) {
      const otherName = first.row.name && p.row.name && personKey(first.row.name) !== personKey(p.row.name);
      const otherTime = first.row.submitted !== null && p.row.submitted !== null && first.row.submitted !== p.row.submitted;
      if (!otherName && !otherTime) continue;
      const note = ledgerText(
        { file: p.row.file, line: p.row.line, kind: 'same-id' as const, about: [subjectOf(first.row), subjectOf(p.row)] },
        'note',
        msg('ledger.note.sameId', { id: quoted(p.row.toolId!.trim()), where: lineRefMessage(first.row, p.row), other: otherName ? 'name' : 'time' }),
      );
      sameId.push({ index: p.index, note });
    }
  }
  sameId.sort((a, b) => a.index - b.index);
  for (const { note } of sameId) notes.push(note);
  const groups: Pending[][] = [];
  for (const shared of [...[...byEmail.values()].filter((g): g is Pending[] => Array.isArray(g)), ...sharedIds]) {
    const byIdentity = new Map<string, Pending[]>();
    for (const p of shared) pushTo(byIdentity, identity(p)!.key, p);
    for (const g of byIdentity.values()) if (g.length > 1) groups.push(g);
  }
  // in the order of each group's first row, as one pass over the rows would find them
  groups.sort((a, b) => a[0]!.index - b[0]!.index);
  const losers = new Set<Pending>();
  for (const group of groups) {
    let winner = group[0]!;
    for (const p of group.slice(1)) if (isLater(p, winner)) winner = p;
    const by = identity(winner)!.by;
    for (const p of group) {
      if (p === winner) continue;
      losers.add(p);
      exclude(p.row, `duplicate (${by}): replaced by the later submission on ${lineRef(winner.row, p.row)}`, 'duplicate');
    }
  }
  return pending.filter((p) => !losers.has(p));
}

/**
 * Two respondents with one name that nothing tells apart: both kept, flagged
 * (ARCHITECTURE.md, "Duplicates"). Two people with one name are told apart by
 * distinct emails, or by distinct person-level ids: a plain table's id column
 * names a person (respondent_id, employee_id), while a survey tool's response
 * id names a submission and tells nobody apart. So a respondent is noted when
 * an earlier one of the same name lacks an email or has the same one, and
 * lacks a person id or has the same one; the note names the first such.
 * Linear: per name, the first earlier respondent of each shape is kept
 * (a 100,000-row table has a few hundred rows per common name).
 */
function noteSameNames(pending: Pending[], notes: Note[], shared: SharedKeys): void {
  interface Seen {
    /** The first respondent of this name, and the first without an email, without a person id, without either. */
    any: Pending;
    noEmail?: Pending;
    noId?: Pending;
    neither?: Pending;
    /** By email (the first), by person id, and by both; the `…Only` maps hold respondents that lack the other. */
    byEmail: Map<string, Pending>;
    byId: Map<string, Pending>;
    emailNoId: Map<string, Pending>;
    idNoEmail: Map<string, Pending>;
    byBoth: Map<string, Pending>;
  }
  const seenByName = new Map<string, Seen>();
  const emailOf = (p: Pending): string | null => p.row.email?.trim().toLowerCase() || null;
  const personIdOf = (p: Pending): string | null => (p.normalised.format === 'generic' ? p.row.toolId?.trim() || null : null);
  const earliest = (...candidates: Array<Pending | undefined>): Pending | undefined => {
    let best: Pending | undefined;
    for (const c of candidates) if (c && (!best || c.index < best.index)) best = c;
    return best;
  };
  const keep = <K>(map: Map<K, Pending>, key: K, p: Pending): void => {
    if (!map.has(key)) map.set(key, p);
  };
  // An email or person id that no other row holds can match no earlier row, nor any later one: such a
  // row is looked up and kept by its name alone (a large table's ids are nearly all distinct, so the
  // maps by id stay small). The duplicates rule grouped the rows by both already (SharedKeys).
  const sharedEmails = shared.emails;
  const sharedIds = shared.ids;
  for (const p of pending) {
    if (!p.row.name) continue;
    const key = personKey(p.row.name);
    if (key === '') continue;
    const email = emailOf(p);
    const id = personIdOf(p);
    // looked up and kept by email or id only when another row holds it (else no row can match by it)
    const byEmail = email !== null && sharedEmails.has(email) ? email : null;
    const byId = id !== null && sharedIds.has(id) ? id : null;
    const seen = seenByName.get(key);
    if (seen) {
      // the earlier respondents this one cannot be told apart from: no email or the same one, and no person id or the same one
      let first: Pending | undefined;
      if (email === null && id === null) first = seen.any;
      else if (id === null) first = earliest(seen.noEmail, byEmail === null ? undefined : seen.byEmail.get(byEmail));
      else if (email === null) first = earliest(seen.noId, byId === null ? undefined : seen.byId.get(byId));
      else
        first = earliest(
          seen.neither,
          byId === null ? undefined : seen.idNoEmail.get(byId),
          byEmail === null ? undefined : seen.emailNoId.get(byEmail),
          byEmail === null || byId === null ? undefined : seen.byBoth.get(`${byEmail}\u0000${byId}`),
        );
      if (first) {
        notes.push(
          ledgerText(
            { file: p.row.file, line: p.row.line, kind: 'same-name' as const, about: [subjectOf(first.row), subjectOf(p.row)] },
            'note',
            msg('ledger.note.sameName', { where: lineRefMessage(first.row, p.row), name: quoted(p.row.name!) }),
          ),
        );
      }
    }
    const s: Seen = seen ?? { any: p, byEmail: new Map(), byId: new Map(), emailNoId: new Map(), idNoEmail: new Map(), byBoth: new Map() };
    seenByName.set(key, s);
    if (email === null) s.noEmail ??= p;
    if (id === null) s.noId ??= p;
    if (email === null && id === null) s.neither ??= p;
    if (byEmail !== null) keep(s.byEmail, byEmail, p);
    if (byId !== null) keep(s.byId, byId, p);
    if (byEmail !== null && id === null) keep(s.emailNoId, byEmail, p);
    if (byId !== null && email === null) keep(s.idNoEmail, byId, p);
    if (byEmail !== null && byId !== null) keep(s.byBoth, `${byEmail}\u0000${byId}`, p);
  }
}

function uniqueNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const k = `${n.file}\u0000${n.line}\u0000${n.note}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every data row used or excluded, each once (a path named twice on the command line counts twice). */
function checkLedger(files: FileInfo[], used: Pending[], excluded: Excluded[]): void {
  const rows = new Map<string, { rows: number; times: number }>();
  for (const f of files) {
    const r = rows.get(f.path) ?? { rows: 0, times: 0 };
    rows.set(f.path, { rows: r.rows + f.rows, times: r.times + 1 });
  }
  for (const [path, expected] of rows) {
    const lines: number[] = [];
    for (const p of used) {
      if (p.row.file === path) for (const line of linesOf(p.row)) lines.push(line);
    }
    for (const e of excluded) if (e.file === path) lines.push(e.line);
    // distinct lines, counted on a sorted copy (a typed array sorts numbers without a comparator)
    const sorted = Float64Array.from(lines).sort();
    let distinct = sorted.length > 0 ? 1 : 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    if (lines.length !== expected.rows || (expected.times === 1 && distinct !== lines.length)) {
      throw new InternalError(
        `${path}: the row ledger does not add up: ${expected.rows} data rows, but ${lines.length} used or excluded (${distinct} distinct lines); a format module lost or double-counted a row`,
      );
    }
  }
}
