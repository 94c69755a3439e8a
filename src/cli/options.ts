/**
 * Every flag of every command, defined, documented and validated once
 * (STYLE.md habits 10 and 17). A value that cannot be right stops the run here
 * with one line and exit 2, before any file is read: an empty text (`-c ""` is
 * a mistake, not "no config"), a number that is not written in plain digits
 * (`1e3`, `0x10`, `-1`, `NaN`, `Infinity`), or a number outside its range.
 */
import { Argument, type Command, Option } from 'commander';
import {
  clip,
  DELIMITER_NAMES,
  isCalendarDate,
  MAX_PERMUTATIONS,
  MAX_SEED,
  MAX_TITLE_CHARS,
  MIN_GROUP_FLOOR,
  MIN_PERMUTATIONS,
  MIN_RBO_P,
} from '../defaults.js';
import { UsageError } from '../errors.js';
import { type AnyLanguage, isLanguage, LANGUAGES } from '../i18n/languages.js';
import { CSV_TABLES, type CsvTable } from '../render/csv.js';

export interface ReadingFlags {
  config?: string;
  /** audit only: a separate stacks file joined to the survey's respondents. */
  rankings?: string;
  encoding?: string;
  delimiter?: string;
  /** --sheet: the sheet of each workbook read (a name, or a number from 1). */
  sheet?: string;
  leaders?: string[];
  rankingQuestion?: string;
  minGroup?: number;
  skipInvalid?: boolean;
  rboP?: number;
  seed?: number;
  permutations?: number;
  color?: boolean;
  verbose?: boolean;
  /** --lang: the language the reader sees (reports and the terminal views); align.yml `language:` otherwise, else English. */
  lang?: AnyLanguage;
  /** --quiet: no progress bar and no informational line on standard error (errors are always printed). */
  quiet?: boolean;
}

/** Quotes a value the user typed, cut short (clip, as in align.yml's messages) so a huge argument cannot flood the terminal. */
function quoted(value: string): string {
  return JSON.stringify(clip(value));
}

/** A text value that must not be empty or blank; `what` says what to give instead. */
export function nonEmpty(flag: string, what: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new UsageError(`${flag} was given an empty value; give ${what}`);
    return value;
  };
}

/** Plain digits only: `1e3`, `0x10`, `-1`, `1.0`, `NaN`, `Infinity` are not whole numbers as a person writes them. */
const DIGITS = /^\d+$/;

/** A whole number from `min` to `max` (inclusive), written in digits. */
export function wholeNumber(flag: string, min: number, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return (value: string): number => {
    const n = DIGITS.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(n >= min && n <= (max ?? Number.MAX_SAFE_INTEGER))) {
      throw new UsageError(`${flag} takes a whole number ${range}, written in digits (got ${quoted(value)})`);
    }
    return n;
  };
}

function minGroup(value: string): number {
  // digits first, so an empty value is refused as such, not read as 0 (Number('') is 0)
  if (!DIGITS.test(value.trim())) {
    throw new UsageError(`--min-group takes a whole number of at least ${MIN_GROUP_FLOOR}, written in digits (got ${quoted(value)})`);
  }
  const n = Number(value.trim());
  if (n < MIN_GROUP_FLOOR) {
    throw new UsageError(`--min-group ${n} is too small: groups under ${MIN_GROUP_FLOOR} people are never shown; use ${MIN_GROUP_FLOOR} or more`);
  }
  return wholeNumber('--min-group', MIN_GROUP_FLOOR)(value);
}

/** A decimal number written plainly (`0.9`, `.85`), from `min` up to but not including 1. */
export function persistence(flag: string, min: number) {
  return (value: string): number => {
    const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(n >= min && n < 1)) {
      throw new UsageError(`${flag} takes a decimal number from ${min} up to but not including 1, such as 0.9 (got ${quoted(value)})`);
    }
    return n;
  };
}

/** --delimiter: a name or the character itself; idempotent, so a parsed value parses again to itself. */
export function parseDelimiterFlag(value: string): string {
  // the names and the characters themselves, from the one table in defaults.ts
  const named: Record<string, string> = { '\\t': '\t' };
  for (const [char, name] of Object.entries(DELIMITER_NAMES)) {
    named[name] = char;
    named[char] = char;
  }
  const d = Object.hasOwn(named, value.toLowerCase()) ? named[value.toLowerCase()] : undefined;
  if (!d) throw new UsageError(`--delimiter takes comma, semicolon, tab or pipe (got ${quoted(value)})`);
  return d;
}

export const REPORT_FORMATS = ['md', 'html', 'json', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** --format: md (or markdown), html (or htm), json, pdf or csv, in any case. */
export function parseFormat(value: string): ReportFormat {
  const f = value
    .trim()
    .toLowerCase()
    .replace(/^markdown$/, 'md')
    .replace(/^htm$/, 'html');
  if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${quoted(value)} is not available; use one of ${REPORT_FORMATS.join(', ')}`);
  }
  return f as ReportFormat;
}

/** --table: which table --format csv writes (CSV_TABLES in src/render/csv.ts names them), in any case. */
export function parseTable(value: string): CsvTable {
  const t = value.trim().toLowerCase();
  if (!(CSV_TABLES as readonly string[]).includes(t)) {
    throw new UsageError(`--table ${quoted(value)} is not a table; use one of ${CSV_TABLES.join(', ')}`);
  }
  return t as CsvTable;
}

/** --date: a day written YYYY-MM-DD (the rule align.yml's `date` follows too). */
export function parseDate(value: string): string {
  const v = value.trim();
  if (!isCalendarDate(v)) throw new UsageError(`--date takes a day written YYYY-MM-DD, such as 2026-10-14 (got ${quoted(value)})`);
  return v;
}

/** A name for the cover: not blank, at most MAX_TITLE_CHARS characters (as in align.yml). */
function coverName(flag: string, what: string) {
  return (value: string): string => {
    const v = nonEmpty(flag, what)(value).trim();
    if (v.length > MAX_TITLE_CHARS) throw new UsageError(`${flag} is ${v.length} characters long; it holds at most ${MAX_TITLE_CHARS}; shorten it`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(v))
      throw new UsageError(`${flag} holds a control character (a line break, tab or escape); give the name on one line`);
    return v;
  };
}

/** --paper: a4 or letter, in any case (PAPER_SIZES in src/render/pdf.ts names them for Chromium). */
export const PAPERS = ['a4', 'letter'] as const;
export type PaperFlag = (typeof PAPERS)[number];

export function parsePaper(value: string): PaperFlag {
  const p = value.trim().toLowerCase();
  if (!(PAPERS as readonly string[]).includes(p)) throw new UsageError(`--paper takes a4 or letter (got ${quoted(value)})`);
  return p as PaperFlag;
}

/** Options that take a value and may be given several times (--leaders): every other one is given once, or repeated with the same value. */
const REPEATABLE = new WeakSet<Option>();

export function repeatable(option: Option): Option {
  REPEATABLE.add(option);
  return option;
}

export function collect(parse: (value: string) => string) {
  return (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), parse(value)];
}

/** The flags, each defined once; commands add the ones they take. */
export const flags = {
  config: () =>
    new Option('-c, --config <file>', 'align.yml with column roles, scales, code books, leaders (default: ./align.yml if present)').argParser(
      nonEmpty('--config', 'the path of an align.yml, or leave the flag out to read ./align.yml when present'),
    ),
  encoding: () =>
    new Option('--encoding <name>', 'force the text encoding: utf-8, utf-16le, utf-16be, windows-1252, macintosh (default: detected)').argParser(
      nonEmpty('--encoding', 'one of utf-8, utf-16le, utf-16be, windows-1252, macintosh, or leave the flag out to detect it'),
    ),
  delimiter: () =>
    new Option('--delimiter <char>', 'force the field delimiter: comma, semicolon, tab or pipe (default: detected)').argParser(parseDelimiterFlag),
  sheet: () =>
    new Option('--sheet <name|number>', "the sheet of an .xlsx workbook to read: its tab's name, or its position from 1 (default: the first)").argParser(
      nonEmpty('--sheet', "a sheet's name as its tab shows it, or its number from 1"),
    ),
  leaders: () =>
    repeatable(
      new Option('--leaders <role>', 'role value that marks a leader; repeat for several (default: Executive)').argParser(
        collect(nonEmpty('--leaders', 'a role value such as "Executive"')),
      ),
    ),
  rankingQuestion: () =>
    new Option('--ranking-question <header>', "the ranking question's text as it heads its columns, when a file has two").argParser(
      nonEmpty('--ranking-question', "the ranking question's text as it heads its columns"),
    ),
  minGroup: () =>
    new Option('--min-group <n>', `anonymity threshold: groups smaller than this are never shown (default 5, at least ${MIN_GROUP_FLOOR})`).argParser(minGroup),
  skipInvalid: () => new Option('--skip-invalid', 'exclude a respondent with an invalid value (listed with the reason) instead of stopping'),
  rboP: () =>
    new Option(
      '--rbo-p <p>',
      `rank-biased overlap's persistence p, from ${MIN_RBO_P} up to but not including 1: higher weighs deeper ranks more (default 0.9)`,
    ).argParser(persistence('--rbo-p', MIN_RBO_P)),
  permutations: () =>
    new Option('--permutations <n>', `relabellings for W's permutation p-value, from ${MIN_PERMUTATIONS} (the default) to ${MAX_PERMUTATIONS}`).argParser(
      wholeNumber('--permutations', MIN_PERMUTATIONS, MAX_PERMUTATIONS),
    ),
  seed: () =>
    new Option('--seed <n>', `seed for the permutation p-value, a whole number from 0 to ${MAX_SEED} (default 20250301)`).argParser(
      wholeNumber('--seed', 0, MAX_SEED),
    ),
  noColor: () => new Option('--no-color', 'no colour, even on a terminal (NO_COLOR is honoured too)'),
  verbose: () => new Option('--verbose', 'on an unexpected failure, print the stack trace'),
  lang: (what = 'the report and the terminal view') =>
    new Option('--lang <language>', `the reader's language of ${what}: ${LANGUAGES.join(', ')} (default: align.yml language, else en)`).argParser(parseLang),
  quiet: () => new Option('-q, --quiet', 'no progress bar and no "align: wrote …" line on standard error; errors are still printed'),
  rankings: () =>
    new Option('--rankings <file>', "the leaders' stacks in a separate file, joined to the survey's respondents by id, else email, else name").argParser(
      nonEmpty('--rankings', 'the path of the stacks file'),
    ),
  format: () =>
    new Option(
      '-f, --format <format>',
      'report format: md, html (one self-contained file with charts), json, pdf (printed by a local Chromium; needs -o), or csv (one --table)',
    )
      .default('md')
      .argParser(parseFormat),
  table: () => new Option('--table <name>', `the table --format csv writes: ${CSV_TABLES.join(', ')} (one per run; required with csv)`).argParser(parseTable),
  client: () =>
    new Option('--client <name>', "the client's name for the report's cover (default: align.yml client)").argParser(
      coverName('--client', "the client's name, or leave the flag out"),
    ),
  facilitator: () =>
    new Option('--facilitator <name>', "the facilitator's name for the cover (default: align.yml facilitator)").argParser(
      coverName('--facilitator', "the facilitator's name, or leave the flag out"),
    ),
  date: () => new Option('--date <YYYY-MM-DD>', "the report's date for the cover; none unless given (default: align.yml date)").argParser(parseDate),
  logo: () =>
    new Option('--logo <file>', 'a PNG, JPEG or SVG logo (at most 1 MB) for the HTML cover (default: align.yml logo, read beside align.yml)').argParser(
      nonEmpty('--logo', 'the path of a PNG, JPEG or SVG file'),
    ),
  chromium: () =>
    new Option('--chromium <path>', 'the Chromium that prints --format pdf (default: chromium, chromium-browser or google-chrome on PATH)').argParser(
      nonEmpty('--chromium', "the path of Chromium's executable, such as /usr/bin/chromium"),
    ),
  paper: () => new Option('--paper <size>', 'paper size of --format pdf: a4 (the default) or letter').argParser(parsePaper),
  output: (what = 'the report') =>
    new Option('-o, --output <file>', `write ${what} to this file (atomically) instead of standard output (- for standard output)`).argParser(
      nonEmpty('-o', 'a file name, or - for standard output'),
    ),
  force: (what: string) => new Option('--force', what),
  baseline: () =>
    new Option('--baseline <file>', 'an earlier align audit --format json result: the report adds "Since the last audit"').argParser(
      nonEmpty('--baseline', 'the path of an earlier audit saved with --format json'),
    ),
  template: () =>
    new Option('--template <dir>', 'a folder of templates that override the shipped ones (see templates/)').argParser(
      nonEmpty('--template', 'the folder of your templates (align templates eject <dir> makes one)'),
    ),
  writeConfig: () =>
    new Option('--write-config [file]', 'write a starter align.yml (default ./align.yml) that align audit reproduces exactly').argParser(
      nonEmpty('--write-config', 'a file name, or the flag alone to write ./align.yml'),
    ),
};

/**
 * The commands' file arguments, which take the same care as flags: an empty file
 * name is a mistake (it read as "align: : no such file"). templates eject checks
 * its folder itself, with a message about folders.
 */
export const args = {
  file: (name: string, description: string) => new Argument(`<${name}>`, description).argParser(nonEmpty(`the ${name} argument`, 'a file name')),
  files: (name: string, description: string) =>
    new Argument(`<${name}...>`, description).argParser((value: string, previous: string[] | undefined): string[] => [
      ...(previous ?? []),
      nonEmpty(`a ${name} argument`, 'a file name')(value),
    ]),
};

/** --lang: one of the catalogue's languages (the pseudo-locale qps is accepted for tests, never listed). */
function parseLang(value: string): AnyLanguage {
  const v = value.trim().toLowerCase();
  if (!isLanguage(v)) throw new UsageError(`--lang ${quoted(value)} is not a language align writes; use ${LANGUAGES.join(', ')}`);
  return v;
}

/** Flags for reading responses and computing the stack, shared by stack and audit. */
export function addReadingFlags(command: Command): Command {
  return command
    .addOption(flags.config())
    .addOption(flags.encoding())
    .addOption(flags.delimiter())
    .addOption(flags.sheet())
    .addOption(flags.leaders())
    .addOption(flags.rankingQuestion())
    .addOption(flags.minGroup())
    .addOption(flags.skipInvalid())
    .addOption(flags.rboP())
    .addOption(flags.permutations())
    .addOption(flags.seed())
    .addOption(flags.lang())
    .addOption(flags.noColor())
    .addOption(flags.verbose())
    .addOption(flags.quiet());
}

/** A value as a message shows it: plain when it is a plain word or path, else quoted (and cut short, as quoted() does). */
function shown(value: string | undefined): string {
  if (value === undefined) return 'the flag alone';
  return /^[\w./:@+-]+$/.test(value) && value.length <= 80 ? value : quoted(value);
}

/**
 * commander keeps the last of a flag given twice (`--table items --table
 * stack` wrote the stack table without a word). Every flag that takes one
 * value, of `command` and its subcommands, is refused with one line when it is
 * given again with a different value (compared as parsed: `--format md
 * --format markdown` is one format and is accepted, as is the same value
 * twice, which a script that appends its flags to a user's may well do).
 * Flags without a value (--force, --quiet) and repeatable ones (--leaders)
 * are left alone. Call once the commands have all their options.
 */
export function refuseRepeatedValues(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic || REPEATABLE.has(option)) continue;
    const key = option.attributeName();
    // the name the other messages use: -o for the output, the long name for the rest
    const name = option.long === '--output' && option.short ? option.short : (option.long ?? option.short ?? key);
    let first: { raw: string | undefined; value: unknown } | null = null;
    // commander's own listener, added with the option, has parsed this value when this one runs
    command.on(`option:${option.name()}`, (raw: string | null | undefined) => {
      const given = { raw: raw ?? undefined, value: command.getOptionValue(key) };
      if (first === null) first = given;
      else if (given.value !== first.value) throw new UsageError(`${name} given twice (${shown(first.raw)}, ${shown(given.raw)}); give one`);
    });
  }
  for (const sub of command.commands) refuseRepeatedValues(sub);
}
