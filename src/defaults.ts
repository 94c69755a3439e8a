/**
 * The defaults every room shares, defined once (STYLE.md habit 17).
 * Dependency-free, like errors.ts and format.ts, so any room may import it.
 */
import { fileURLToPath } from 'node:url';

/** Anonymity threshold: groups with fewer members are never shown (ARCHITECTURE.md, "Anonymity"). */
export const DEFAULT_MIN_GROUP = 5;
/** Never show a group smaller than this, whatever the configuration says. */
export const MIN_GROUP_FLOOR = 3;
/** Relabellings for W's permutation p-value: the default, the least and the most accepted. */
export const DEFAULT_PERMUTATIONS = 10_000;
export const MIN_PERMUTATIONS = 10_000;
export const MAX_PERMUTATIONS = 10_000_000;
/** Fixed so that two runs on the same data print the same permutation p. */
export const DEFAULT_SEED = 20_250_301;
/** Rank-biased overlap's persistence. */
export const DEFAULT_RBO_P = 0.9;
/** The report templates shipped with the package (from dist/ or, under the test runner, src/: one level up). */
export const SHIPPED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));
/** Delimiters align sniffs and accepts, with the names users type and read. */
export const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** A delimiter as a reader sees it: `comma`, `tab`; an unknown one quoted. */
export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? JSON.stringify(d);
}
/**
 * Bounds on what align reads, so that no input can make it work for hours or
 * exhaust memory. The widest real exports (Qualtrics with loops and merges)
 * run to a few thousand columns; a cell is an answer or a comment.
 */
export const MAX_COLUMNS = 10_000;
/** A response or stacks file, read in pieces (src/ingest/table.ts): 1 GB is some 7 million rows of a 40-item survey. */
export const MAX_INPUT_BYTES = 1_000_000_000;
export const MAX_CELL_CHARS = 100_000;
/**
 * A record (one row's cells together) read across pieces of a large file: each
 * cell within MAX_CELL_CHARS, and the record within this many characters
 * (some 32 MB held while it is read), so an open quote cannot pile up the file.
 */
export const MAX_RECORD_CHARS = 16_000_000;
/**
 * Data rows in one run, over all its files: each respondent is still held in
 * memory, some 0.4 KB once read and 1.4 KB at the peak for a 40-item survey
 * with a ranking (the 1M bench file: 1.41 GB resident at the peak, 378 bytes a
 * respondent held after reading; node --expose-gc). A run reads at most as
 * many as the process's heap limit holds at 3 KB a row, room for wider rows
 * and comments (V8 sets the limit from the machine's memory, 2 to 4 GB;
 * NODE_OPTIONS=--max-old-space-size raises it), and never more than MAX_ROWS.
 */
export const ROW_BYTES_AT_PEAK = 3_000;
export const MAX_ROWS = 1_000_000;

/** The most data rows a run reads with this heap limit (bytes). */
export function maxRowsFor(heapLimitBytes: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(heapLimitBytes / ROW_BYTES_AT_PEAK)));
}
/** align.yml is a page of settings: its size and the report title it may give. */
export const MAX_CONFIG_BYTES = 1_000_000;
export const MAX_TITLE_CHARS = 200;
/** User text quoted in a message is cut to about this many characters. */
export const MAX_QUOTED_CHARS = 60;

/**
 * User text quoted in a message, cut to MAX_QUOTED_CHARS with an ellipsis, so a
 * 4 MB key or a 50 MB title cannot flood the terminal. Kept beside its limit, in
 * this dependency-free module, so the flag parsers can use it without loading
 * the config reader at startup.
 */
export function clip(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair
  return `${cut}…`;
}
/** Rank-biased overlap's persistence is accepted from this value up to (not including) 1. */
export const MIN_RBO_P = 0.01;
/** The seed of the permutation p-value: an unsigned 32-bit integer. */
export const MAX_SEED = 2 ** 32 - 1;
/** Speeders are told only when at least this many responses are timed (a median of fewer says little). */
export const QUALITY_MIN_TIMED = 5;
/** A report's logo (align.yml `logo`, --logo): embedded in the HTML, so kept small. */
export const MAX_LOGO_BYTES = 1_000_000;

/**
 * A report date as written in align.yml or --date: YYYY-MM-DD, a real day of
 * the Gregorian calendar ('2026-02-30' is not). Kept here, dependency-free, so
 * the flag parser and the align.yml schema apply the one rule.
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}
