/**
 * File to Table: read the bytes, decode them, find the delimiter, parse, and
 * check the shape. Every format module starts from a Table.
 */
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_INPUT_BYTES, MAX_QUOTED_CHARS } from '../defaults.js';
import { InputError } from '../errors.js';
import { decode } from './decode.js';
import { parseDelimited } from './parse.js';
import { readInputBytes } from './read-bounded.js';
import type { EncodingLabel, Table } from './types.js';

export interface ReadTableOptions {
  encoding?: EncodingLabel;
  delimiter?: string;
}

// '|' last: on a tie the earlier candidate wins, and a comma file whose list cells read `A | B | C`
// never ties, since its header holds no pipe (a record of one field is no split).
const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * The delimiter that splits the first records into the most, equally many
 * fields. Parsing with each candidate (rather than counting characters) keeps
 * delimiters inside quoted cells from voting.
 */
export function sniffDelimiter(text: string, path: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CANDIDATES) {
    let parsed: ReturnType<typeof parseDelimited>;
    try {
      parsed = parseDelimited(text, { delimiter, preview: 20, path });
    } catch {
      // A tab file may be a Google Sheets TSV, which never quotes: read literally, it votes like any other.
      if (delimiter !== '\t') continue;
      parsed = parseDelimited(text, { delimiter, preview: 20, path, literal: true });
    }
    const widths = parsed.records.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => r.length);
    if (widths.length === 0) continue;
    const first = widths[0]!;
    if (first < 2) continue;
    const consistent = widths.filter((w) => w === first).length / widths.length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** True when every non-blank record has as many fields as the first (the header). */
function rectangular(records: readonly string[][]): boolean {
  const rows = records.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  const width = rows[0]?.length ?? 0;
  return rows.every((r) => r.length === width);
}

/**
 * The records of the file. A comma or semicolon file is read with CSV quoting.
 * A tab file may be either a CSV-quoted TSV (Excel, Qualtrics, Microsoft Forms)
 * or a Google Sheets TSV, which never quotes and so holds cells that merely
 * start with `"` or hold one mid-cell. The tab file is read with CSV quoting
 * when that quoting is consistent (it parses, and into records as wide as the
 * header, or reading literally is no better); otherwise literally. When neither
 * reading holds, the CSV reading's error stands: it names the line and column.
 */
function parseRecords(text: string, delimiter: string, path: string): ReturnType<typeof parseDelimited> {
  if (delimiter !== '\t' || !text.includes('"')) return parseDelimited(text, { delimiter, path });
  let quoted: ReturnType<typeof parseDelimited> | null = null;
  let failure: unknown = null;
  try {
    quoted = parseDelimited(text, { delimiter, path });
  } catch (e) {
    failure = e;
  }
  if (quoted && rectangular(quoted.records)) return quoted;
  const literal = parseDelimited(text, { delimiter, path, literal: true });
  if (rectangular(literal.records)) return literal;
  if (quoted) return quoted;
  throw failure;
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  const bytes = await readInputBytes(path, MAX_INPUT_BYTES);
  if (bytes === null) {
    throw new InputError(
      path,
      null,
      null,
      `is larger than ${MAX_INPUT_BYTES} bytes, more than any survey export align reads`,
      'check you picked the right file',
    );
  }
  return tableFromBytes(bytes, path, options);
}

export function tableFromBytes(bytes: Buffer, path: string, options: ReadTableOptions = {}): Table {
  const { text, encoding, bom } = decode(bytes, path, options.encoding);
  if (text.trim() === '') {
    throw new InputError(path, null, null, 'the file is empty', 'export the responses again, or check you picked the right file');
  }
  checkControlCharacters(text, path);
  const delimiter = options.delimiter ?? sniffDelimiter(text, path);
  const parsed = parseRecords(text, delimiter, path);
  const records: string[][] = [];
  const lines: number[] = [];
  parsed.records.forEach((record, i) => {
    if (isBlank(record)) return;
    records.push(record);
    lines.push(parsed.lines[i]!);
  });
  if (records.length === 0) {
    throw new InputError(path, null, null, 'the file is empty', 'export the responses again');
  }
  checkBounds(records, lines, path);
  checkRectangular(records, lines, path);
  return { path, encoding, bom, delimiter, records, lines };
}

/**
 * Text with many control characters is a binary file that happened to decode.
 * ESC and BEL are not counted: they are the controls of terminal text (colour
 * codes pasted into a cell), a text file may hold many of them, and align
 * shows them as `\x1b`, `\x07` (src/text.ts displaySafe) rather than obey them.
 */
function checkControlCharacters(text: string, path: string): void {
  const sample = text.slice(0, 8192);
  let control = 0;
  let first = -1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1b && c !== 0x07) || c === 0xfffd) {
      control++;
      if (first < 0) first = i;
    }
  }
  if (control > 0 && control / sample.length > 0.01) {
    const line = 1 + (sample.slice(0, first).match(/\n/g)?.length ?? 0);
    throw new InputError(
      path,
      line,
      null,
      'is not a text file (binary control characters); it may be an .xlsx, .zip or PDF',
      'export the responses as CSV (or save the workbook as "CSV UTF-8")',
    );
  }
}

/**
 * No export has tens of thousands of columns or a cell of a book's length; a
 * file that does is damaged or hostile, and the column analysis after this
 * point is not linear in the width (a 30 MB header line of 3 million columns
 * took 78 s and 3.7 GB before failing). Refused here with one line, before any
 * of that work.
 */
function checkBounds(records: string[][], lines: number[], path: string): void {
  const width = records[0]!.length;
  if (width > MAX_COLUMNS) {
    throw new InputError(
      path,
      lines[0]!,
      null,
      `the header has ${width} columns; align reads at most ${MAX_COLUMNS}`,
      'check this is a survey export or stacks file, and that its delimiter is right (force one with --delimiter)',
    );
  }
  const header = records[0]!;
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!;
    for (let c = 0; c < record.length; c++) {
      if (record[c]!.length <= MAX_CELL_CHARS) continue;
      const name = r > 0 ? (header[c] ?? '').trim() : '';
      const column = name === '' || name.length > MAX_QUOTED_CHARS ? `column ${c + 1}` : name;
      throw new InputError(
        path,
        lines[r]!,
        column,
        `this cell holds ${record[c]!.length} characters; align reads at most ${MAX_CELL_CHARS} in one cell`,
        'look for a quote that opens and never closes, or export the file again',
      );
    }
  }
}

/**
 * Every record must have as many fields as the header. Extra trailing empty
 * fields are tolerated and dropped (Excel and the legacy Qualtrics exporter
 * write them), and a record may stop short where the header's own last cells
 * are blank; anything else is a ragged row, reported where it starts.
 */
function checkRectangular(records: string[][], lines: number[], path: string): void {
  const header = records[0]!;
  const width = header.length;
  let named = width;
  while (named > 1 && header[named - 1]!.trim() === '') named--;
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (record.length > width && record.slice(width).every((c) => c.trim() === '')) {
      record.length = width;
    }
    if (record.length < width && record.length >= named) {
      while (record.length < width) record.push('');
    }
    if (record.length !== width) {
      throw new InputError(
        path,
        lines[i]!,
        null,
        `this row has ${record.length} fields but the header has ${width}; the file may be cut short or hand-edited`,
        'export the file again, or fix that row so it has one cell per column',
      );
    }
  }
}
