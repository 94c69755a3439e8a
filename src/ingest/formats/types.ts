/**
 * The shape every format module (one per survey tool, plus generic) follows.
 * A module looks at a Table, says how sure it is that its tool wrote it, and
 * turns the rows into RawRows plus a ledger. src/ingest/dataset.ts then merges
 * files, settles duplicates and names the priorities.
 */
import type { Message } from '../../i18n/index.js';
import type { Likert } from '../answers.js';
import type { AlignConfig, ColumnRoleName } from '../config-types.js';
import type { BothWays, ColumnDates } from '../timestamps.js';
import type { Excluded, Item, Note, Table, ToolFormat } from '../types.js';

export interface Detection {
  /** 0 = certainly not this tool, 1 = certainly this tool. */
  score: number;
  /** Why, in words `align inspect` prints. */
  reason: string;
}

/** What a column was taken to be, with the confidence and reason inspect prints. */
export interface ColumnInfo {
  /** 0-based index into the table's records. */
  index: number;
  /** The header as shown to the user (SurveyMonkey: row 1 forward-filled + row 2). */
  header: string;
  role: ColumnRoleName | 'unknown';
  confidence: number;
  reason: string;
  /** For likert columns: the item id. For ranking columns: the priority name or position. */
  item?: string;
  priority?: string;
  position?: number;
  /**
   * For ranking columns: which part of which ranking encoding the column holds
   * (long: the priority-name or the rank column; wide by priority; wide by
   * position; one ordered-list cell).
   */
  ranking?: 'long-priority' | 'long-rank' | 'by-priority' | 'by-position' | 'list';
}

/** One data row after a format module read it: names, not keys; ranks as written. */
export interface RawRow {
  file: string;
  line: number;
  toolId: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  department: string | null;
  submitted: number | null;
  /**
   * The submit time read month first and day first, when nothing settles the
   * file's order and the two readings differ (`submitted` is then null): the
   * duplicates rule weighs both (timestamps.ts eitherDateOrder).
   */
  submittedBothWays?: BothWays;
  likert: Likert;
  /** The explicit stack as written: priority name (any spelling) and rank (1 = best). */
  stack: Array<{ priority: string; rank: number }>;
  /**
   * Priorities the respondent's rows list with a blank rank (long format): not
   * ranked, but on their list, so a leader's listing counts the priority in N
   * even when no leader ranked it (a top-k sheet).
   */
  unranked?: string[];
  /**
   * Set when the tool's own columns say this is not a real response (preview, unfinished...): the
   * reason as a message, worded in English for the ledger and in the reader's language for a report.
   */
  exclude: Message | null;
  /** Seconds from start to submit, when the tool records the duration or both times (never negative, never NaN). */
  durationSeconds?: number;
  /**
   * Every physical line this row was read from, when more than `line` (long
   * format: one data row per ranked priority). dataset.ts puts each of them in
   * the ledger when the row is excluded. Absent means [line].
   */
  lines?: number[];
}

export interface NormaliseContext {
  config: AlignConfig;
  /** With --skip-invalid, a row with an invalid value is excluded (reason given) instead of stopping the run. */
  skipInvalid: boolean;
  /** --ranking-question: the question's text as it heads its columns. */
  rankingQuestion?: string;
  /**
   * What an unknown Likert label or a value off the scale does: 'strict'
   * (the default) stops the run like any invalid value; 'lenient' leaves that
   * answer out with a note, for commands that never use Likert answers
   * (`align stack`).
   */
  likert?: 'strict' | 'lenient';
}

export interface Normalised {
  format: ToolFormat;
  headerRows: number;
  columns: ColumnInfo[];
  items: Item[];
  rows: RawRow[];
  excluded: Excluded[];
  notes: Note[];
  hasRoleColumn: boolean;
  /** How the submit times' day and month order was settled, or that nothing settles it (align inspect prints it); absent when the file has no submit times read so. */
  dates?: ColumnDates;
  /** Numeric Likert columns with answers written with a decimal comma (`4,0`), read as numbers (align inspect lists them). */
  decimalComma?: string[];
  /** Priority names as the file lists them (wide columns, code book), in file order; [] when only known from cells. */
  priorities: string[];
  /** SurveyMonkey writes newest first; everyone else oldest first. */
  newestFirst: boolean;
  /**
   * Set when the file holds several candidate ranking questions and nothing
   * says which to read: the rows come back with empty stacks (so that align
   * inspect can show the table, with this as a note), and readDataset, which
   * stack and audit go through, stops with it.
   */
  rankingUnresolved?: { line: number | null; problem: string; fix: string };
  /**
   * Set when two or more columns ask for strategy recall and align.yml names
   * none of them: none is read, and readDataset stops with it (align inspect
   * shows it as a note).
   */
  recallUnresolved?: { line: number | null; column: string; problem: string; fix: string };
  /**
   * Reads the records of a later piece of the file (src/ingest/table.ts,
   * PIECE_BYTES) by the plan this reading made of the first: absent when a
   * module cannot read a piece on its own (the long format, whose respondent
   * spans rows), and then the file is read whole.
   */
  readRecords?: (records: string[][], lines: number[]) => { rows: RawRow[]; excluded: Excluded[] };
  /** Notes that count over every piece read: taken once, after the last piece. */
  lateNotes?: () => Note[];
  /**
   * For a file read in pieces: the rating groups' answers counted over every piece, and the check, after
   * the last, that they give the range the first piece's gave (a PlanContradiction if not). Absent when
   * the file has no group of rating questions read on a range of its answers.
   */
  wholeRanges?: WholeRanges;
  /** Ownership decisions, each once, in column order (a one-column question: its header; a grid: its row). */
  decisions?: Array<{ decision: string; question: string }>;
}

/** See Normalised.wholeRanges. Counts by group, each an array over the group's range, lowest value first. */
export interface WholeRanges {
  counts(): Record<string, number[]>;
  /** Adds counts a helper thread made of the pieces it read (parallel.ts). */
  add(counts: Record<string, number[]>): void;
  /** Throws a PlanContradiction when a group's range over every answer counted is not the one it was read on; `firstBytes` words the first piece's size. */
  check(firstBytes: string): void;
}

export interface FormatModule {
  format: ToolFormat;
  detect(table: Table): Detection;
  normalise(table: Table, context: NormaliseContext): Normalised;
}
