/**
 * The values the ingest room hands to the audit room. Plain data, no methods:
 * everything here survives JSON.stringify (a respondent's packed Likert
 * answers, src/ingest/answers.ts, write themselves as their record).
 */
import type { Likert } from './answers.js';

/** Which survey tool wrote the file (the `format` of the JSON contract). */
export type ToolFormat = 'google-forms' | 'surveymonkey' | 'qualtrics' | 'microsoft-forms' | 'typeform' | 'limesurvey' | 'generic';

/** WHATWG encoding labels align reports. */
export type EncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

/** A decoded, parsed CSV file: what src/ingest/table.ts gives every format module. */
export interface Table {
  /** The path as the user gave it (used in every message). */
  path: string;
  /** The text encoding; null for a workbook. */
  encoding: EncodingLabel | null;
  bom: boolean;
  /** The field delimiter itself: ",", ";", "\t" or "|"; null for a workbook. */
  delimiter: string | null;
  /** A workbook's sheet the records are from (then `lines` are its row numbers); absent for a text file. */
  sheet?: string;
  /** Every non-blank record, header records included, cells as written (no trimming). */
  records: string[][];
  /** lines[i] = 1-based physical line on which records[i] starts. */
  lines: number[];
  /** What reading the file's cells is worth saying (a workbook's numbers formatted as dates), for input.notes. */
  notes?: Array<{ line: number; note: string }>;
}

/** One entry of `input.files[]`. */
export interface FileInfo {
  path: string;
  format: ToolFormat;
  /** null for a workbook (as `delimiter`), which has `sheet` instead. */
  encoding: EncodingLabel | null;
  bom: boolean;
  delimiter: string | null;
  /** The workbook's sheet read; absent for a text file. */
  sheet?: string;
  /** Data rows read (header records and blank lines are not data rows). */
  rows: number;
  /** How many header records the format had (1 for most, 2 SurveyMonkey, 3 Qualtrics). */
  headerRows: number;
}

/**
 * Who a note or an excluded row concerns, as far as the anonymity rule needs
 * it: the audit, which knows the leaders and the groups shown, decides from
 * this whether the subject is a member of a hidden group (ARCHITECTURE.md,
 * "Anonymity"). Never printed.
 */
export interface Subject {
  role: string | null;
  department: string | null;
}

/**
 * What a note or an exclusion is about, for the reports that may only count
 * them: a member of a hidden group is described by kind and count alone.
 */
export type LedgerKind =
  | 'tie'
  | 'blank-rank'
  | 'same-name'
  | 'same-id'
  | 'blank-role'
  | 'write-in'
  | 'merged-spellings'
  | 'ranked-nothing'
  | 'invalid'
  | 'duplicate'
  | 'nothing-answered'
  | 'not-a-response'
  | 'straight-lining'
  | 'incomplete'
  | 'speeder'
  | 'other';

/** A data row not used, and why (`input.excluded[]`). */
export interface Excluded {
  file: string;
  line: number;
  reason: string;
  kind?: LedgerKind;
  /** The row's respondent (role and department cells), when the row is a respondent's. */
  about?: Subject;
}

/** Something read that is worth knowing (`input.notes[]`). */
export interface Note {
  file: string;
  line: number;
  note: string;
  kind?: LedgerKind;
  /** The respondents the note concerns (two for "same name"); absent for a note on the file itself. */
  about?: Subject[];
}

/** One ranked priority in a respondent's stack, as written (before midranks/completion). */
export interface StackEntry {
  /** The priority's matching key (see priorityKey in src/ingest/priority-key.ts). */
  priority: string;
  /** The rank as given: 1 = most important. Equal ranks are a tie. */
  rank: number;
}

/** A respondent after normalisation: one person, one row (or several long-format rows). */
export interface Respondent {
  /** The tool's own respondent id, when it has one. */
  toolId: string | null;
  name: string | null;
  email: string | null;
  /** The role/level value as written (trimmed), or null when blank or no role column. */
  role: string | null;
  department: string | null;
  /** Where the respondent's (first) row starts. */
  file: string;
  line: number;
  /** Every line the respondent's rows start on, when there are several (a long-format stacks file). */
  lines?: number[];
  /**
   * Submit time in ms since the epoch (UTC) when the tool wrote one we could read; null too when it
   * reads as two times, day first or month first, and nothing settled which (the duplicates rule
   * weighed both: timestamps.ts eitherDateOrder).
   */
  submitted: number | null;
  /** Likert answers: item id -> numeric value. Missing answers are absent, never NaN. */
  likert: Likert;
  /** The explicit part of the respondent's stack, as ranked; empty when nothing ranked. */
  stack: StackEntry[];
  /** Keys of the priorities the respondent's rows list with a blank rank (a long-format stacks file), when any. */
  unranked?: string[];
  /** Free-text answers: question -> text (survey exports; absent for a stacks file). Shown only for groups at or above the comment threshold. */
  comments?: Record<string, string>;
  /** Multi-select answers: question -> the options chosen. */
  choices?: Record<string, string[]>;
  /** Ownership questions ("Who owns …?"): decision (see Dataset.decisions) -> who the respondent named, as written. */
  ownership?: Record<string, string>;
  /** The free-text answer to a strategy-recall question ("Name the company's top three priorities"). */
  recall?: { question: string; text: string };
  /** Seconds from start to submit, when the tool records either the duration or both times. */
  durationSeconds?: number;
}

/** A Likert item as the survey asked it. */
export interface Item {
  id: string;
  text: string;
  /** Dimension (scale) the item belongs to, from align.yml; null when none given. */
  dimension: string | null;
  /** The level of alignment align.yml `levels` gives it (else the question bank decides). */
  level?: 'strategic' | 'communication' | 'decision' | null;
  /** Number of scale points (5 or 7 for agreement scales). */
  points: number;
  /** The scale's lowest value: 1, or 0 for a 0..10 scale. */
  low: number;
  /** Reverse-keyed (align.yml `reverse`): agreeing is unfavourable, so answers are reversed before scoring. */
  reverse: boolean;
}

/** A priority the stacks rank. */
export interface Priority {
  /** Matching key: NFKC, case-folded, punctuation removed, whitespace collapsed, trimmed. */
  key: string;
  /** The spelling most respondents used (ties: first seen). Never affects a number. */
  name: string;
  /**
   * True when a file lists it as one of the question's options (a wide file's
   * column, a tool's code book). When any priority is listed, the listed ones
   * are the N; otherwise the audit takes what some leader ranked (ARCHITECTURE.md, "Stacks").
   */
  listed?: boolean;
}

export interface Dataset {
  files: FileInfo[];
  /** Respondents used, in input order (files in command-line order, then line). */
  respondents: Respondent[];
  excluded: Excluded[];
  notes: Note[];
  /** True when the input has a role/level column (then leaders are chosen by role). */
  hasRoleColumn: boolean;
  /**
   * Every priority named anywhere (listed options and every name ranked, write-ins
   * included), in first-seen order; `listed` marks the question's options. The N
   * priorities are decided in the audit, which knows the leaders (analyseStacks).
   * Empty when the input has no ranking question.
   */
  priorities: Priority[];
  items: Item[];
  /**
   * The ownership questions' decisions, each once, in column order (files in
   * command-line order): a one-column question ("Who owns pricing?") is
   * `{decision: <its header, trimmed>, question: <its header>}`; a grid's row
   * ("Who makes the final call on each decision? [Pricing]") is
   * `{decision: <the row>, question: <the grid's question>}`. Respondents'
   * `ownership` is keyed by `decision`. Absent when no column asks who owns.
   */
  decisions?: Array<{ decision: string; question: string }>;
}
