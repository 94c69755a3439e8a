import type { Language } from './labels/types.js';

/**
 * What align.yml can say. Loaded and validated (with zod) by src/ingest/config.ts;
 * every key is optional and overrides what align infers.
 */

export type ColumnRoleName =
  | 'id'
  | 'name'
  | 'email'
  | 'role'
  | 'department'
  | 'submitted'
  | 'likert'
  | 'ranking'
  | 'comment'
  | 'ownership'
  | 'recall'
  | 'multiselect'
  | 'metadata'
  | 'ignore';

export interface ColumnOverride {
  role: ColumnRoleName;
  /** For a likert column: the item's text (when the header is a code such as Q4_1). */
  item?: string;
  /** For a ranking column in a wide-by-priority layout: the priority it ranks. */
  priority?: string;
  /** For a likert column: the name of a scale under `scales`. */
  scale?: string;
}

export interface AlignConfig {
  /** Report title. */
  title?: string;
  /** The client the report is for, on its cover. */
  client?: string;
  /** Who facilitates the engagement, on the cover. */
  facilitator?: string;
  /** The report's date, YYYY-MM-DD, on the cover (only when given, so the same input gives the same report). */
  date?: string;
  /** A PNG, JPEG or SVG logo (at most 1 MB) for the HTML cover, relative to align.yml. */
  logo?: string;
  /**
   * The languages the survey was answered in (en, fr, de, es, pt, it, nl): only their built-in Likert
   * labels are read, and a question may mix them (a bilingual survey). Unset: every language's labels
   * are read, and a question answered in two languages is an error.
   */
  languages?: Language[];
  /**
   * Day and month order of slashed submit times (`03/04/2025`) when the file does not show it:
   * `dmy` (day first, most of Europe) or `mdy` (month first, the US).
   */
  dateOrder?: 'dmy' | 'mdy';
  /** The reports' language: en, fr or de (default en; `--lang` wins). */
  language?: 'en' | 'fr' | 'de';
  /** Role values that make a respondent a leader (default: Executive). */
  leaders?: string[];
  /** Anonymity threshold (default 5, never below 3). */
  minGroup?: number;
  /** The ranking question's header text when a file holds more than one candidate. */
  rankingQuestion?: string;
  /** Column header (as written in the file, or the Qualtrics/LimeSurvey code) -> role. */
  columns?: Record<string, ColumnRoleName | ColumnOverride>;
  /** Named scales: label (case/space-insensitive) -> number. `missing` labels count as no answer. */
  scales?: Record<string, { labels: Record<string, number>; missing?: string[] }>;
  /** Code books for coded exports: column header or question code -> code -> label. */
  codebooks?: Record<string, Record<string, string>>;
  /** Reverse-keyed items (text or column header): agreeing is unfavourable, so answers are reversed before scoring. */
  reverse?: string[];
  /** Comments are shown only for groups of at least this many respondents (default 10, never below minGroup). */
  commentMinGroup?: number;
  /** The level of alignment of items the question bank does not recognise: level -> the item texts (or column headers). */
  levels?: Partial<Record<'strategic' | 'communication' | 'decision', string[]>>;
  /** Dimensions: name -> the item texts (or column headers) in it. */
  dimensions?: Record<string, string[]>;
  /** Priority name aliases: spelling -> the priority it means. */
  priorities?: { aliases?: Record<string, string> };
  /** The priorities the leadership has announced: strategy recall is scored against them (never changes N). */
  official?: string[];
  /** Decision ownership: a decision is contested when two or more owners are each named by at least this share (default 0.25). */
  ownership?: { contestedShare?: number };
  /** Data quality: flagged respondents are noted; those of the kinds listed here are also excluded. */
  quality?: { exclude?: QualityFlag[] };
  /** Departments renamed since a baseline audit (align diff, --baseline): old key -> new key; two old keys onto one new key is a merge. */
  renamed?: Record<string, string>;
}

/** Data-quality flags (audit/quality.ts). */
export type QualityFlag = 'straight-lining' | 'incomplete' | 'speeders';
