import type { InputError } from '../../errors.js';
import type { Message } from '../../i18n/index.js';
import type { ColumnRoleName } from '../config-types.js';
import type { Normalised, RawRow } from '../formats/types.js';
import type { ColumnView, RankingCandidate } from '../infer.js';
import type { Scale } from '../likert.js';
import type { ColumnDates } from '../timestamps.js';
import type { ToolFormat } from '../types.js';
import type { Book, Override } from './overrides.js';

/** One column as the tool's layout names it. */
export interface ExportColumn {
  index: number;
  /** The header as the user sees it (SurveyMonkey: `Question [Row]`; Qualtrics: the row-2 label). */
  header: string;
  /** The tool's code (Qualtrics export tag `Q4_1`, LimeSurvey `agree[SQ001]`), or null. */
  code: string | null;
  /** The question the column belongs to; the header for a one-column question. */
  question: string;
  /** Statement, row, option or position within the question; null for a one-column question. */
  sub: string | null;
  /** What the tool's layout says for certain (its own metadata columns). */
  known?: { role: ColumnRoleName; reason: string };
  /** The tool marks the column as one answer per respondent (SurveyMonkey's `Response`): never a list of choices or a ranking. */
  single?: boolean;
}

export interface ExportLayout {
  format: ToolFormat;
  headerRows: number;
  newestFirst: boolean;
  columns: ExportColumn[];
  /** The record's submit time (ms UTC) by the tool's own rule; absent: read from the `submitted` column. */
  submitted?: (record: readonly string[]) => number | null;
  /** Seconds the respondent took (the tool's duration, or its end time minus its start time); null when not known. */
  duration?: (record: readonly string[]) => number | null;
  /** How the layout's submit-time cells read (default: the tools' formats, day and month order guessed per column). */
  readTime?: (text: string) => number | null;
  /** How the layout's own submit-time column orders day and month, or that nothing does (the plan then reads the `submitted` column both ways); align inspect prints it. */
  dates?: ColumnDates;
  /** Why the tool's own columns say the record is not a real response, or null. */
  exclude?: (record: readonly string[]) => Message | null;
  /** Columns holding first and last name, used when no name column is found or its cell is blank. */
  firstName?: number;
  lastName?: number;
}

/** A RawRow with the answers align reads besides Likert and ranks. */
export interface SurveyRow extends RawRow {
  /** Multi-select answers: question -> the options chosen (absent when none: a large export has many rows). */
  choices?: Record<string, string[]>;
  /** Free-text comments: question -> text (absent when none). */
  comments?: Record<string, string>;
  /** Ownership questions: decision (a one-column question's header, a grid's row) -> who the respondent named (absent when none). */
  ownership?: Record<string, string>;
  /** The answer to the strategy-recall question, as written. */
  recall?: { question: string; text: string };
}

export interface SurveyNormalised extends Normalised {
  rows: SurveyRow[];
  /** Multi-select questions and their options, in file order. */
  multiselect: Array<{ question: string; options: string[] }>;
  /** The ranking question read, or null. */
  ranking: { question: string; encoding: RankingCandidate['encoding']; columns: number[] } | null;
  /** Labelled Likert columns: column index -> the name of the scale their labels were read on. */
  scales: Record<number, string>;
}

export interface Resolved {
  column: ExportColumn;
  view: ColumnView;
  book: Book | null;
  override: Override | null;
  role: ColumnRoleName | 'unknown';
  confidence: number;
  reason: string;
  likert?: { scale: Scale | null; numeric: { low: number; high: number; points: number } | null };
  item?: string;
  options?: string[];
  /** Set for the columns of one group of rating questions (numericGroups): they share one range. */
  group?: string;
  /** Cells already read as this column's Likert answers (likertCell): an export repeats a handful of answers. */
  read?: Map<string, number | null>;
  /** The same for cells of one ASCII character ("4"), by character code: most cells of a numeric scale, read without hashing. */
  readChar?: Array<number | null | undefined>;
}

/**
 * A later piece of a large file that the first piece's plan cannot read as
 * the whole file's plan would (src/ingest/table.ts, PIECE_BYTES): a column
 * empty in the first piece answered later, an answer off the scale the first
 * piece showed, a label it did not hold. Not a user error by itself:
 * readInput reads the file again with a larger first piece, and only when
 * that cannot settle it is `error` the message.
 */
export class PlanContradiction extends Error {
  constructor(
    readonly error: InputError,
    /** The error is a cell the plan cannot read, which --skip-invalid leaves out when the first piece's plan is the file's. */
    readonly cell = false,
  ) {
    super(error.message);
  }
}
