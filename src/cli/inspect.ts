/**
 * `align inspect <file>`: say what a file is (the tool that wrote it, its
 * encoding, delimiter and header rows), what each column was taken to be (with
 * the confidence and the reason), how many rows are usable and why the others
 * are not, and with --write-config write a starter align.yml that states every
 * one of those choices, so `align audit` with it reads the file exactly as
 * inspect did (and the user can edit any of them).
 *
 *   align inspect responses.csv
 *   align inspect qualtrics.csv --write-config            (writes ./align.yml)
 *   align inspect export.txt --encoding utf-16le --write-config northwind.yml --force
 *
 * Read (I/O) → assemble (pure: inspectTable, starterConfig) → write (I/O).
 */

import { basename, isAbsolute, join } from 'node:path';
import { Document, isMap, isPair, isScalar } from 'yaml';
import { delimiterName } from '../defaults.js';
import type { AlignConfig, ColumnOverride } from '../ingest/config-types.js';
import { assembleDataset, type ReadInput, readInput, sheetOnCsv } from '../ingest/dataset.js';
import type { ColumnInfo, Normalised } from '../ingest/formats/types.js';
import { type ColumnDates, NO_DAY_MONTH } from '../ingest/timestamps.js';
import type { EncodingLabel, Excluded, Note, Table, ToolFormat } from '../ingest/types.js';
import { displaySafe } from '../text.js';
import type { Io } from './io.js';
import { loadConfigFor, readingOptions } from './load.js';
import { parseDelimiterFlag } from './options.js';
import { writeAtomic, writeStdout } from './output.js';

export interface InspectOptions {
  file: string;
  encoding?: string;
  delimiter?: string;
  /** --sheet: the sheet of a workbook (a name, or a number from 1). */
  sheet?: string;
  config?: string;
  /** true: ./align.yml in the working folder; a string: that file. */
  writeConfig?: string | boolean;
  force?: boolean;
  rankingQuestion?: string;
  /** --quiet: accepted like every command's (inspect prints its reading on standard output, nothing else on standard error but errors). */
  quiet?: boolean;
}

export interface InspectResult {
  file: string;
  format: ToolFormat;
  /** Why this tool: the winning detection's reason. */
  detection: string;
  /** Every format's score, most likely first. */
  candidates: Array<{ format: ToolFormat; score: number; reason: string }>;
  /** null for a workbook (as delimiter), which names its sheet instead. */
  encoding: EncodingLabel | null;
  bom: boolean;
  delimiter: string | null;
  sheet?: string;
  headerRows: number;
  columns: ColumnInfo[];
  /** Headers of the columns inference could not place (role unknown). */
  unplaced: string[];
  ranking: { question: string; encoding: string; priorities: number } | null;
  items: number;
  /** Ownership decisions (Dataset.decisions), each once; absent when no column asks who owns. */
  decisions?: Array<{ decision: string; question: string }>;
  /** The strategy-recall question's header; absent when none is read. */
  recall?: string;
  /** The submit-time column's day and month order and what settled it (order null: nothing does); absent when no submit time is read. */
  dates?: ColumnDates;
  /** Numeric Likert columns answered with a decimal comma (`4,0`). */
  decimalComma?: string[];
  /** Data rows, and how many of them are usable respondents. */
  rows: number;
  usable: number;
  excluded: Excluded[];
  notes: Note[];
  /** The align.yml written, or null. */
  configWritten: string | null;
}

/** The pure part: a file as readInput read it, in; what inspect reports, out (no config written). */
export function inspectTable(
  { table, normalised, choice, rows }: ReadInput,
  config: AlignConfig,
): { result: Omit<InspectResult, 'configWritten'>; normalised: Normalised } {
  const dataset = assembleDataset([{ table, normalised, rows }], { config, skipInvalid: true });
  const ranking = (normalised as Normalised & { ranking?: { question: string; encoding: string } | null }).ranking ?? null;
  const rankingColumns = normalised.columns.filter((c) => c.role === 'ranking');
  const recallColumn = normalised.recallUnresolved ? undefined : normalised.columns.find((c) => c.role === 'recall');
  const rankingOf = (): InspectResult['ranking'] => {
    if (rankingColumns.length === 0) return null;
    if (ranking) return { question: ranking.question, encoding: ranking.encoding, priorities: dataset.priorities.length };
    const kind = rankingColumns[0]!.ranking;
    if (kind === 'long-priority' || kind === 'long-rank') {
      return { question: rankingColumns.map((c) => c.header).join(' + '), encoding: 'long', priorities: dataset.priorities.length };
    }
    return { question: rankingColumns[0]!.header, encoding: kind ?? 'unknown', priorities: dataset.priorities.length };
  };
  return {
    normalised,
    result: {
      file: table.path,
      format: normalised.format,
      detection: choice.detection.reason,
      candidates: choice.all,
      encoding: table.encoding,
      bom: table.bom,
      delimiter: table.delimiter,
      ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
      headerRows: normalised.headerRows,
      columns: normalised.columns,
      unplaced: normalised.columns.filter((c) => c.role === 'unknown' && c.header.trim() !== '').map((c) => c.header),
      ranking: rankingOf(),
      items: normalised.items.length,
      ...(normalised.decisions && normalised.decisions.length > 0 ? { decisions: normalised.decisions } : {}),
      ...(recallColumn ? { recall: recallColumn.header } : {}),
      ...(normalised.dates ? { dates: normalised.dates } : {}),
      ...(normalised.decimalComma ? { decimalComma: normalised.decimalComma } : {}),
      rows,
      usable: dataset.respondents.length,
      excluded: dataset.excluded,
      notes: dataset.notes,
    },
  };
}

// ---------------------------------------------------------------------------
// The starter align.yml

/** The name align.yml uses for a column: the tool's code where it has one (Q4_1, agree[SQ001]), else the header. */
function columnKey(column: ColumnInfo, codes: ReadonlyMap<number, string>): string {
  return codes.get(column.index) ?? column.header;
}

/**
 * align.yml text that states every choice inspect made: the ranking question,
 * each column's role (with the item a Likert column asks and its scale, the
 * priority a ranking column ranks), plus the config it was given (code books,
 * scales, dimensions, aliases, leaders, threshold, title) unchanged.
 */
export function starterConfig(
  result: Omit<InspectResult, 'configWritten'>,
  normalised: Normalised,
  given: AlignConfig,
  codes: ReadonlyMap<number, string>,
): string {
  const columns: Record<string, string | ColumnOverride> = {};
  const reasons = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const c of result.columns) counts.set(columnKey(c, codes), (counts.get(columnKey(c, codes)) ?? 0) + 1);
  const skipped: string[] = [];
  const scaleOf = (normalised as Normalised & { scales?: Record<number, string> }).scales ?? {};
  // With two candidate ranking questions their columns are unplaced: writing them as `ignore`
  // would drop both rankings silently, so they are left to inference and the choice to the user.
  const unresolved = normalised.rankingUnresolved;
  const recallUnresolved = normalised.recallUnresolved;
  for (const c of result.columns) {
    const key = columnKey(c, codes);
    if (key.trim() === '') continue;
    if (unresolved && c.role === 'unknown') continue;
    if (counts.get(key)! > 1) {
      skipped.push(key);
      continue;
    }
    const role = c.role === 'unknown' ? 'ignore' : c.role;
    const spec: ColumnOverride = { role };
    if (c.role === 'likert' && c.item !== undefined) {
      const item = normalised.items.find((i) => i.id === c.item);
      if (item) spec.item = item.text;
      const scale = scaleOf[c.index];
      if (scale) spec.scale = scale;
    }
    if (c.role === 'ranking' && c.priority !== undefined) spec.priority = c.priority;
    columns[key] = Object.keys(spec).length === 1 ? role : spec;
    reasons.set(key, c.role === 'unknown' ? `could not place: ${c.reason}` : `${c.reason} (confidence ${c.confidence.toFixed(2)})`);
  }

  const config: Record<string, unknown> = {};
  if (given.title) config.title = given.title;
  if (given.leaders) config.leaders = given.leaders;
  if (given.minGroup !== undefined) config.minGroup = given.minGroup;
  // The survey-tool modules name their ranking question; a generic file's ranking is found by its columns' roles.
  const named = (normalised as Normalised & { ranking?: { question: string } | null }).ranking;
  if (named) config.rankingQuestion = named.question;
  config.columns = columns;
  if (given.scales) config.scales = given.scales;
  if (given.codebooks) config.codebooks = given.codebooks;
  if (given.dimensions) config.dimensions = given.dimensions;
  if (given.priorities) config.priorities = given.priorities;

  const doc = new Document(config);
  doc.commentBefore = [
    ` align.yml: written by \`align inspect ${basename(result.file)} --write-config\``,
    ` for a ${result.format} export (${result.sheet !== undefined ? `sheet ${JSON.stringify(result.sheet)}` : `${result.encoding}${result.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(result.delimiter)}`}, ${result.headerRows} header row${result.headerRows === 1 ? '' : 's'}).`,
    ...(result.sheet !== undefined
      ? [` Read from the workbook's sheet ${JSON.stringify(result.sheet)}: give align audit the same --sheet when it is not the first.`]
      : []),
    ' Every key overrides what align infers. As written, `align audit` reads the file exactly as inspect did;',
    ' edit any line (a role, an item text, a priority name) and run `align inspect` again to check.',
    ' Also possible: title (the report title), client, facilitator, date (YYYY-MM-DD) and logo (a PNG, JPEG or SVG beside this file) for the cover,',
    ' leaders (role values of leaders, default [Executive]), minGroup (default 5, at least 3),',
    ' dimensions (name: [item texts]), scales (name: {labels: {label: number}}), codebooks (column: {code: label}),',
    ' priorities: {aliases: {spelling: priority}}, official (the announced priorities, for strategy recall),',
    ' ownership: {contestedShare: 0.25}, quality: {exclude: [straight-lining, incomplete, speeders]}.',
    ...(recallUnresolved ? [` TO CHOOSE: ${recallUnresolved.problem}. Set one of them to recall under columns and the others to comment.`] : []),
    ...(skipped.length ? [` Columns left to inference (their header appears twice): ${[...new Set(skipped)].join(', ')}.`] : []),
    ...(unresolved ? [` TO CHOOSE: ${unresolved.problem.replace(/\s*\n\s*/g, ' ')}. Add a line rankingQuestion: <the header of the one to use>.`] : []),
  ]
    // A comment is one line: a file name or header with a CR or LF must not end it and start YAML of its own.
    .map(displaySafe)
    .join('\n');
  const node = doc.get('columns', true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const why = reasons.get(String(pair.key.value));
      if (why) pair.key.commentBefore = ` ${displaySafe(why)}`;
      if (isMap(pair.value)) pair.value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

// ---------------------------------------------------------------------------
// Printing

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function cut(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
}

/** A long header keeps its start and its end, where a grid row or statement is: `How much do… [Leadership speaks…]`. */
function cutMiddle(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  if (one.length <= n) return one;
  const tail = Math.floor((n - 1) * 0.6);
  return `${one.slice(0, n - 1 - tail)}…${one.slice(one.length - tail)}`;
}

/**
 * The report `align inspect` prints; reasons are cut to `width` on a terminal, whole when piped (width Infinity).
 * Headers, cells and names quoted from the file go through displaySafe (src/text.ts): headers before they
 * are measured and cut, and every line as it is printed, so no control character of the file reaches the terminal.
 */
export function formatInspect(result: InspectResult, width = Infinity): string {
  const out: string[] = [];
  out.push(`file         ${result.file}`);
  out.push(`tool         ${result.format}: ${result.detection}`);
  if (result.delimiter === null) {
    // a workbook: its sheet, where a text file has an encoding and a delimiter
    out.push(`sheet        ${result.sheet ?? ''}`);
  } else {
    const delimiter = result.delimiter === '\t' ? 'tab' : `${delimiterName(result.delimiter)} (${result.delimiter})`;
    out.push(`encoding     ${result.encoding}${result.bom ? ' (with byte-order mark)' : ''}`);
    out.push(`delimiter    ${delimiter}`);
  }
  out.push(`header rows  ${result.headerRows}`);
  out.push(`rows         ${result.rows} data rows: ${result.usable} usable, ${result.excluded.length} excluded`);
  out.push(
    `ranking      ${result.ranking ? `${JSON.stringify(result.ranking.question)} (${result.ranking.encoding.replace('-', ' ')}, ${result.ranking.priorities} priorities)` : 'none found'}`,
  );
  out.push(`likert items ${result.items}`);
  if (result.dates) {
    const column = JSON.stringify(cut(result.dates.column, 40));
    const order = result.dates.order === 'dmy' ? 'day first (31/12/2025)' : 'month first (12/31/2025)';
    // ISO dates (and workbook date cells, read as ISO) have no day and month order to choose
    out.push(
      result.dates.order === null
        ? `dates        ${column} not read day or month first: ${result.dates.how} (${JSON.stringify(result.dates.sample)}); no result depends on it here, and align.yml dateOrder settles it`
        : result.dates.how === NO_DAY_MONTH
          ? `dates        ${column} written year first (2025-12-31): no day and month order to choose`
          : `dates        ${column} read ${order}: ${result.dates.how}`,
    );
  }
  if (result.decimalComma) {
    const shown = result.decimalComma.slice(0, 4).map((h) => JSON.stringify(cut(h, 40)));
    out.push(
      `numbers      decimal comma ("4,0" is 4) in ${result.decimalComma.length} Likert column${result.decimalComma.length === 1 ? '' : 's'}: ${shown.join(', ')}${result.decimalComma.length > 4 ? ', …' : ''}`,
    );
  }
  if (result.decisions) {
    const shown = result.decisions.slice(0, 6).map((d) => JSON.stringify(cut(d.decision, 40)));
    out.push(
      `ownership    ${result.decisions.length} decision${result.decisions.length === 1 ? '' : 's'}: ${shown.join(', ')}${result.decisions.length > 6 ? ', …' : ''}`,
    );
  }
  if (result.recall !== undefined) out.push(`recall       ${JSON.stringify(cut(result.recall, 80))} (strategy recall: free text naming the priorities)`);
  out.push('');
  out.push('columns');
  const shownHeader = (h: string) => displaySafe(h).normalize('NFC');
  const headerWidth = Math.min(44, Math.max(6, ...result.columns.map((c) => shownHeader(c.header).length)));
  // the row is 2 + 4 (#) + headerWidth + 2 + 13 (role) + 7 (conf.) wide before the reason: it fits the terminal
  const reasonWidth = Math.max(30, width - headerWidth - 28);
  out.push(`  ${pad('#', 4)}${pad('header', headerWidth + 2)}${pad('role', 13)}${pad('conf.', 7)}reason`);
  for (const c of result.columns) {
    const role = c.role === 'ranking' && c.priority ? 'ranking' : c.role;
    out.push(
      `  ${pad(String(c.index + 1), 4)}${pad(cutMiddle(shownHeader(c.header) || '(no header)', headerWidth), headerWidth + 2)}${pad(role, 13)}${pad(c.confidence.toFixed(2), 7)}${cut(c.reason, reasonWidth)}`,
    );
  }
  if (result.unplaced.length > 0) {
    out.push('');
    out.push(
      `could not place ${result.unplaced.length} column${result.unplaced.length === 1 ? '' : 's'}: ${result.unplaced.map((h) => JSON.stringify(cut(h, 60))).join(', ')}`,
    );
    out.push('  give them a role in align.yml under columns (align inspect --write-config writes a starter file)');
  }
  if (result.excluded.length > 0) {
    out.push('');
    out.push('excluded rows');
    // Runs of consecutive lines excluded for one reason print as one line.
    const sorted = [...result.excluded].sort((a, b) => a.line - b.line);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.reason === sorted[i]!.reason && sorted[j + 1]!.line === sorted[j]!.line + 1) j++;
      const where = j === i ? `line ${sorted[i]!.line}` : `lines ${sorted[i]!.line}-${sorted[j]!.line} (${j - i + 1} rows)`;
      out.push(`  ${where}: ${sorted[i]!.reason}`);
      i = j + 1;
    }
  }
  if (result.notes.length > 0) {
    out.push('');
    out.push('notes');
    for (const n of result.notes) out.push(`  line ${n.line}: ${n.note}`);
  }
  if (result.configWritten) {
    out.push('');
    out.push(`wrote ${result.configWritten}: align audit ${result.file} --config ${result.configWritten} reads the file as above`);
  }
  return `${out.map(displaySafe).join('\n')}\n`;
}

// ---------------------------------------------------------------------------

/** Tool codes of the columns (Qualtrics export tags, LimeSurvey codes), for align.yml keys. */
function codesOf(table: Table, format: ToolFormat): Map<number, string> {
  const codes = new Map<number, string>();
  const first = table.records[0] ?? [];
  if (format === 'qualtrics' && !((first[0] ?? '').trim() === 'V1')) {
    first.forEach((tag, i) => {
      if (tag.trim() !== '') codes.set(i, tag.trim());
    });
  }
  return codes;
}

export async function inspect(options: InspectOptions, io: Io): Promise<InspectResult> {
  const { config } = await loadConfigFor(options.config ? { config: options.config } : {}, io);
  // The same reading as stack and audit (one composition), but with --skip-invalid, so that inspect
  // lists every bad row instead of stopping at the first, and with every format's reason.
  const flags = { ...options, ...(options.delimiter ? { delimiter: parseDelimiterFlag(options.delimiter) } : {}), skipInvalid: true };
  const input = await readInput(options.file, readingOptions(flags, config), true);
  if (flags.sheet !== undefined && input.table.sheet === undefined) throw sheetOnCsv(input.table.path);
  const { table } = input;
  const { result, normalised } = inspectTable(input, config);

  let configWritten: string | null = null;
  if (options.writeConfig) {
    const target = typeof options.writeConfig === 'string' ? options.writeConfig : 'align.yml';
    const path = isAbsolute(target) ? target : join(io.cwd, target);
    const text = starterConfig(result, normalised, config, codesOf(table, result.format));
    await writeAtomic(path, text, {
      force: Boolean(options.force),
      inputs: [options.file],
      display: target,
      instead: 'name another file: --write-config other.yml',
    });
    configWritten = target;
  }
  const full: InspectResult = { ...result, configWritten };
  await writeStdout(io.stdout, formatInspect(full, io.stdout.isTTY ? (io.stdout.columns ?? 100) : Infinity));
  return full;
}
