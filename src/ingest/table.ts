/**
 * File to Table: read the bytes, decode them, find the delimiter, parse, and
 * check the shape. Every format module starts from a Table.
 */
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_INPUT_BYTES, MAX_QUOTED_CHARS, MAX_RECORD_CHARS } from '../defaults.js';
import { InputError, nameSheet } from '../errors.js';
import { timed } from '../phases.js';
import { binaryKind } from './binary.js';
import { decode, EncodingContradiction, headCut, pieceDecoder, singleByteScores } from './decode.js';
import { parseDelimited } from './parse.js';
import { readInputBytes, readInputPiece, readPieces, tooLarge } from './read-bounded.js';
import type { EncodingLabel, Table } from './types.js';

export interface ReadTableOptions {
  encoding?: EncodingLabel;
  delimiter?: string;
  /** The size of a piece (PIECE_BYTES unless a test reads small files in pieces). */
  pieceBytes?: number;
  /** The fewest records the first piece holds (HEAD_RECORDS unless a test says fewer). */
  headRecords?: number;
  /** The fewest bytes the first piece holds (a piece's; more when a later piece contradicted a smaller first one). */
  headBytes?: number;
  /** --sheet: the sheet of a workbook to read (a name, or a number from 1); the first when absent. A text file ignores it. */
  sheet?: string;
  /** A workbook: the most records its sheet may hold, and the error past them (the run's row limit, see readInput). */
  maxRecords?: number;
  tooMany?: (line: number) => Error;
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
function parseRecords(text: string, delimiter: string, path: string, partial: boolean): ReturnType<typeof parseDelimited> & { literal: boolean } {
  if (delimiter !== '\t' || !text.includes('"')) return { ...parseDelimited(text, { delimiter, path, partial }), literal: false };
  let quoted: ReturnType<typeof parseDelimited> | null = null;
  let failure: unknown = null;
  try {
    quoted = parseDelimited(text, { delimiter, path, partial });
  } catch (e) {
    failure = e;
  }
  if (quoted && rectangular(quoted.records)) return { ...quoted, literal: false };
  const literal = parseDelimited(text, { delimiter, path, literal: true, partial });
  if (rectangular(literal.records)) return { ...literal, literal: true };
  if (quoted) return { ...quoted, literal: false };
  throw failure;
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

/** The records that are not blank lines, with their lines. */
function nonBlank(parsed: { records: string[][]; lines: number[] }): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  parsed.records.forEach((record, i) => {
    if (isBlank(record)) return;
    records.push(record);
    lines.push(parsed.lines[i]!);
  });
  return { records, lines };
}

/**
 * A file is read a piece of this many bytes at a time. A file of one piece
 * (nearly every export: 1 MiB holds some 7,000 responses of 40 items) is read
 * whole; a larger one is read in pieces, and the first piece decides the
 * encoding, the delimiter and, in the format modules, the column plan, which
 * the later pieces must keep to (a value the plan cannot read stops the run,
 * naming its line).
 */
export const PIECE_BYTES = 1024 * 1024;

/**
 * The first piece holds at least this many records (it grows, a piece at a
 * time, until it does or holds the whole file): every header row of every
 * tool, and enough answers that the column plan is read from a thousand
 * respondents, not from a few long-winded ones.
 */
export const HEAD_RECORDS = 1000;

/**
 * When a later piece contradicts the plan of the first (a column the first
 * piece left empty is answered, an answer lies off the scale it showed), the
 * file is read again with a first piece this many times larger, up to
 * LARGEST_HEAD_BYTES; past that the contradiction is the error, naming its line
 * and the align.yml setting that settles it.
 */
export const HEAD_GROWTH = 16;
export const LARGEST_HEAD_BYTES = 16 * 1024 * 1024;

/**
 * Where a reading of the rest starts and stops, for a large file read by two
 * threads (src/ingest/parallel.ts): one reads up to a line end near the
 * middle and stops there when that is where a record ends; the other reads
 * from it to the end, its lines counted from 1 there.
 */
export interface RestBounds {
  /** Stop at this byte offset when a record ends there (nothing of one is carried past it); else SplitContradiction. */
  stopAt?: number;
  /** Start at this byte offset, where a record starts, instead of after the first piece; lines are counted from 1 there. */
  from?: number;
}

/** How a reading of the rest ended: at the end of the file, or stopped at `stopAt`, on the physical line that starts there. */
export type RestEnd = { stopped: false } | { stopped: true; line: number };

/**
 * A reading asked to stop at `stopAt` (RestBounds) that cannot be shown to be the reading of one
 * thread: the piece that ends there failed (a reading by one thread reads the piece that holds
 * `stopAt` whole, and may fail elsewhere in it first), or no record ends there. The file is read
 * again by one thread (readInput), which meets the `failure` (if any) where that reading meets it.
 */
export class SplitContradiction extends Error {
  constructor(readonly failure: unknown) {
    super('the reading cannot stop at the split');
  }
}

/** A table read in pieces: the first piece's records, and a reader of the rest. */
export interface TableReader {
  /** The header records and the records of the first piece (every record, for a file of one piece). */
  table: Table;
  /**
   * Reads the records after the first piece, a piece at a time, in file
   * order, each checked as readTable checks its records; null when the first
   * piece is the whole file. Call it once.
   */
  rest: ((each: (records: string[][], lines: number[], bytesRead: number) => void, bounds?: RestBounds) => Promise<RestEnd>) | null;
  /** The file's size in bytes, and the bytes read so far (for a progress bar). */
  size: number;
}

/** Reads the whole file into one Table. */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  for (let tried = options; ; ) {
    const reader = await openTable(path, tried);
    try {
      if (reader.rest) {
        await reader.rest((records, lines) => {
          for (const r of records) reader.table.records.push(r);
          for (const l of lines) reader.table.lines.push(l);
        });
      }
      return reader.table;
    } catch (e) {
      if (!(e instanceof EncodingContradiction)) throw e;
      tried = { ...tried, encoding: await wholeFileEncoding(path, e) };
    }
  }
}

/**
 * The encoding of a file whose first piece decided one that a later piece
 * contradicts (EncodingContradiction): decided from every byte, as for a file
 * read whole (decode), whose own error (a stray byte, two encodings equally
 * plausible) is the error then. Holds the file's bytes for the while.
 */
export async function wholeFileEncoding(path: string, contradiction: EncodingContradiction): Promise<EncodingLabel> {
  const bytes = await readInputBytes(path, MAX_INPUT_BYTES);
  if (bytes === null) throw contradiction.error;
  return decode(bytes, path).encoding;
}

/** Opens a file to be read in pieces (see PIECE_BYTES); a file of one piece is read at once. */
export async function openTable(path: string, options: ReadTableOptions = {}): Promise<TableReader> {
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  const headRecords = options.headRecords ?? HEAD_RECORDS;
  let first: Awaited<ReturnType<typeof readInputPiece>>;
  let cut: number;
  let decoded: ReturnType<typeof decode>;
  let head: ReturnType<typeof tableFromText> | null;
  // a first piece too short for HEAD_RECORDS is read again twice as long (not a piece longer each time: a file of long rows would be read over and over)
  for (let headBytes = Math.max(pieceBytes, options.headBytes ?? 0); ; headBytes *= 2) {
    first = await readInputPiece(path, headBytes);
    if (first.size > MAX_INPUT_BYTES) throw tooLarge(path, MAX_INPUT_BYTES);
    const binary = binaryKind(first.bytes);
    // the bytes already read, when they are the whole file (a pipe or /dev/stdin cannot be read again)
    if (binary) return openWorkbook(path, binary, options, first.whole ? first.bytes : null);
    if (first.whole) {
      if (first.bytes.length > MAX_INPUT_BYTES) throw tooLarge(path, MAX_INPUT_BYTES);
      return { table: tableFromBytes(first.bytes, path, options), rest: null, size: first.bytes.length };
    }
    cut = headCut(first.bytes);
    decoded = timed('decode', () => decode(first.bytes.subarray(0, cut), path, options.encoding));
    const whole = decoded;
    head = wholeRecords(whole.text) ? timed('parse', () => tableFromText(whole.text, path, { ...whole, delimiter: options.delimiter, partial: true })) : null;
    if (!head) {
      // Not one whole record in the first piece (a header line of a million columns): read as one piece, whose checks name it.
      const bytes = await readInputBytes(path, MAX_INPUT_BYTES);
      if (bytes === null) throw tooLarge(path, MAX_INPUT_BYTES);
      return { table: tableFromBytes(bytes, path, options), rest: null, size: bytes.length };
    }
    if (head.table.records.length >= headRecords) break;
  }
  const { text, encoding } = decoded;
  const { table, literal, newline } = head;
  const header = table.records[0]!;
  let carry = text.slice(head.rest.offset);
  let carryLine = head.rest.line;
  let lineCount = 1 + countLines(text);
  let offset = cut;
  // an encoding the first piece guessed (not one --encoding or a byte-order mark named) is checked against the rest
  // (the two single-byte encodings' scores only when the guess was one of them: they are what a later piece adds to)
  let decoder: ReturnType<typeof pieceDecoder> | null = null;
  const rest = async (each: (records: string[][], lines: number[], bytesRead: number) => void, bounds: RestBounds = {}): Promise<RestEnd> => {
    if (bounds.from !== undefined) {
      offset = bounds.from;
      carry = '';
      carryLine = 1;
      lineCount = 1;
    }
    if (!decoder) {
      const guessed =
        options.encoding || decoded.bom
          ? null
          : encoding === 'macintosh' || encoding === 'windows-1252'
            ? singleByteScores(first.bytes.subarray(0, cut))
            : { mac: 0, win: 0 };
      decoder = pieceDecoder(encoding, path, guessed);
    }
    const pieces = decoder;
    const readOne = (piece: string, final: boolean) => {
      const parsed = timed('parse', () =>
        parseDelimited(piece, {
          delimiter: table.delimiter!, // a text file's: tableFromText always sets it
          path,
          literal,
          firstLine: carryLine,
          header,
          partial: !final,
          ...(newline ? { newline } : {}),
        }),
      );
      const { records, lines } = timed('parse', () => {
        const kept = nonBlank(parsed);
        checkBounds(kept.records, kept.lines, path, header, 0);
        checkRectangular(kept.records, kept.lines, path, header, 0);
        return kept;
      });
      if (parsed.rest) {
        carry = piece.slice(parsed.rest.offset);
        carryLine = parsed.rest.line;
        if (carry.length > MAX_CELL_CHARS) checkOpenRecord(carry, carryLine, path, header, table.delimiter!, literal);
      }
      each(records, lines, offset);
    };
    const stopAt = bounds.stopAt ?? Number.POSITIVE_INFINITY;
    for await (const bytes of readPieces(path, offset, pieceBytes, MAX_INPUT_BYTES, offset < stopAt ? stopAt : Number.POSITIVE_INFINITY)) {
      const cut = offset + bytes.length === stopAt;
      try {
        const decoded = timed('decode', () => pieces.write(bytes, lineCount, offset));
        offset += bytes.length;
        lineCount += countLines(decoded);
        readOne(carry + decoded, false);
      } catch (e) {
        throw cut ? new SplitContradiction(e) : e;
      }
    }
    // at stopAt, a record ends when nothing is carried over (a line end inside a quoted cell leaves the cell's start)
    if (offset === stopAt) {
      if (carry !== '') throw new SplitContradiction(null);
      return { stopped: true, line: carryLine };
    }
    readOne(carry + timed('decode', () => pieces.end()), true);
    return { stopped: false };
  };
  return { table, rest, size: first.size };
}

/**
 * A workbook's sheet as a Table of one piece: the same records a CSV export
 * of the sheet parses to, checked as a text file's are, for every later step
 * to read as it reads a CSV. workbook.ts (and its zip and XML libraries) is
 * loaded only here.
 */
async function openWorkbook(path: string, kind: 'zip' | 'ole', options: ReadTableOptions, whole: Buffer | null): Promise<TableReader> {
  nameSheet(path, null);
  const workbook = await import('./workbook.js');
  if (kind === 'ole') throw await workbook.oleError(path, whole);
  const read = await workbook.readWorkbookFile(path, whole, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.maxRecords !== undefined ? { maxRecords: options.maxRecords } : {}),
    ...(options.tooMany ? { tooMany: options.tooMany } : {}),
  });
  nameSheet(path, read.sheet);
  const { records, lines } = read;
  checkBounds(records, lines, path, records[0]!, 1);
  checkRectangular(records, lines, path, records[0]!, 1);
  return {
    table: { path, encoding: null, bom: false, delimiter: null, sheet: read.sheet, records, lines, ...(read.notes ? { notes: read.notes } : {}) },
    rest: null,
    size: read.size,
  };
}

/** Whether a first piece holds a line end outside quotes, so at least one whole record (a cheap look: quotes counted up to the first line end that is outside them). */
function wholeRecords(text: string): boolean {
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quotes++;
    else if ((c === 10 || c === 13) && quotes % 2 === 0 && i < text.length - 1) return true;
  }
  return false;
}

/** Line ends in a piece of text, for the line an encoding error is on (LF, as decode counts them). */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function tableFromBytes(bytes: Buffer, path: string, options: ReadTableOptions = {}): Table {
  const { text, encoding, bom } = timed('decode', () => decode(bytes, path, options.encoding));
  return timed('parse', () => tableFromText(text, path, { encoding, bom, delimiter: options.delimiter, partial: false })).table;
}

/**
 * Decoded text to a Table: the checks, the delimiter, the records. With
 * `partial`, the text is a file's first piece: its last record is left as
 * `rest` for the next piece, and `literal` says how a tab file was read.
 */
function tableFromText(
  text: string,
  path: string,
  options: { encoding: EncodingLabel; bom: boolean; delimiter: string | undefined; partial: boolean },
): { table: Table; literal: boolean; rest: { offset: number; line: number }; newline?: string } {
  if (text.trim() === '') {
    throw new InputError(path, null, null, 'the file is empty', 'export the responses again, or check you picked the right file');
  }
  checkControlCharacters(text, path);
  const delimiter = options.delimiter ?? sniffDelimiter(text, path);
  const parsed = parseRecords(text, delimiter, path, options.partial);
  const { records, lines } = nonBlank(parsed);
  if (records.length === 0) {
    throw new InputError(path, null, null, 'the file is empty', 'export the responses again');
  }
  checkBounds(records, lines, path, records[0]!, 1);
  checkRectangular(records, lines, path, records[0]!, 1);
  return {
    table: { path, encoding: options.encoding, bom: options.bom, delimiter, records, lines },
    literal: parsed.literal,
    rest: parsed.rest ?? { offset: text.length, line: 0 },
    ...(parsed.newline ? { newline: parsed.newline } : {}),
  };
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
      'is not a text file (binary control characters); it may be a PDF, an image or another binary file',
      'export the responses as CSV or as an Excel workbook (.xlsx)',
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
function checkBounds(records: string[][], lines: number[], path: string, header: readonly string[], from: number): void {
  const width = header.length;
  if (from > 0 && width > MAX_COLUMNS) {
    throw new InputError(
      path,
      lines[0]!,
      null,
      `the header has ${width} columns; align reads at most ${MAX_COLUMNS}`,
      'check this is a survey export or stacks file, and that its delimiter is right (force one with --delimiter)',
    );
  }
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!;
    for (let c = 0; c < record.length; c++) {
      if (record[c]!.length <= MAX_CELL_CHARS) continue;
      throw new InputError(
        path,
        lines[r]!,
        r >= from ? columnLabel(header, c) : `column ${c + 1}`,
        `this cell holds ${record[c]!.length} characters; align reads at most ${MAX_CELL_CHARS} in one cell`,
        'look for a quote that opens and never closes, or export the file again',
      );
    }
  }
}

/** A column as a message names it: its header, else (blank, or too long to quote) its number. */
function columnLabel(header: readonly string[], c: number): string {
  const name = (header[c] ?? '').trim();
  return name === '' || name.length > MAX_QUOTED_CHARS ? `column ${c + 1}` : name;
}

/**
 * The record a piece ends inside of (`open`, from its start) runs on into the
 * next piece: fine while each of its cells keeps within MAX_CELL_CHARS, as a
 * record read whole must, and the record within MAX_RECORD_CHARS. A cell that
 * has run past that bound is a quote that opens and never closes (or a cell
 * checkBounds would refuse anyway): named by its line and column now, rather
 * than when the rest of the file has piled up behind it. Called only once the
 * open record is longer than a cell may be, so a file of short records never
 * pays for the look.
 */
export function checkOpenRecord(open: string, line: number, path: string, header: readonly string[], delimiter: string, literal: boolean): void {
  const d = delimiter.charCodeAt(0);
  let field = 0;
  let cellStart = 0;
  let cellLine = line;
  let linesSeen = 0;
  let quoted = false;
  // the open cell's length as its value will be, as checkBounds counts it: quotes round it not counted, "" as one
  let chars = 0;
  for (let i = 0; i < open.length; i++) {
    const c = open.charCodeAt(i);
    if (c === 10) linesSeen++;
    if (quoted) {
      if (c !== 34) chars++;
      else if (open.charCodeAt(i + 1) === 34) {
        i++;
        chars++;
      } else quoted = false;
    } else if (c === 34 && i === cellStart && !literal) {
      quoted = true;
    } else if (c === d) {
      field++;
      cellStart = i + 1;
      cellLine = line + linesSeen;
      chars = 0;
    } else chars++;
  }
  if (chars > MAX_CELL_CHARS) {
    throw new InputError(
      path,
      cellLine,
      columnLabel(header, field),
      `this cell runs on for more than ${MAX_CELL_CHARS} characters; align reads at most ${MAX_CELL_CHARS} in one cell`,
      'look for a quote that opens and never closes, or export the file again',
    );
  }
  if (open.length > MAX_RECORD_CHARS) {
    throw new InputError(
      path,
      line,
      null,
      `the record from here runs on for more than ${MAX_RECORD_CHARS} characters; align reads at most ${MAX_RECORD_CHARS} in one record`,
      'look for quotes that open and never close, or export the file again',
    );
  }
}

/**
 * Every record must have as many fields as the header. Extra trailing empty
 * fields are tolerated and dropped (Excel and the legacy Qualtrics exporter
 * write them), and a record may stop short where the header's own last cells
 * are blank; anything else is a ragged row, reported where it starts.
 */
function checkRectangular(records: string[][], lines: number[], path: string, header: readonly string[], from: number): void {
  const width = header.length;
  let named = width;
  while (named > 1 && header[named - 1]!.trim() === '') named--;
  for (let i = from; i < records.length; i++) {
    const record = records[i]!;
    if (record.length > width && record.slice(width).every((c) => c.trim() === '')) {
      record.length = width;
    }
    if (record.length < width && record.length >= named) {
      while (record.length < width) record.push('');
    }
    if (record.length !== width) {
      // named by the first cell past the header (an unquoted delimiter inside a cell splits it), or the first column the row lacks
      const more = record.length > width;
      const column = more ? `column ${width + 1}` : header[record.length]!.trim() || `column ${record.length + 1}`;
      throw new InputError(
        path,
        lines[i]!,
        column,
        `this row has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${width}; ${
          more
            ? 'a cell past the last column (a delimiter inside a cell that is not quoted, or a hand edit)'
            : 'the row ends before this column (the file may be cut short, or hand-edited)'
        }`,
        'export the file again, or fix that row so it has one cell per column',
      );
    }
  }
}
