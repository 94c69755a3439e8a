/**
 * The one CSV parsing seam. Everything that reads delimited text calls
 * parseDelimited; the parser behind it is papaparse (chosen by measurement:
 * see the commit that introduced it and `npm run bench`).
 *
 * RFC 4180 with the usual liberties: CRLF, LF or CR record ends; quoted cells
 * may hold delimiters, quotes ("" inside quotes) and line breaks. Records keep
 * their cells exactly as written. Malformed quoting is an InputError naming the
 * line and the column (by its header text once the header record is read, else
 * `column N`), never a silently shifted row. With `literal`, quotes are text
 * and the fields are split at every delimiter (a Google Sheets TSV).
 */
import Papa from 'papaparse';
import { InputError } from '../errors.js';

export interface ParsedRecords {
  /** Every record, including blank ones as [''] (callers decide what blank means). */
  records: string[][];
  /** lines[i] = 1-based physical line where records[i] starts. */
  lines: number[];
  /**
   * With `partial`: where the text not yet read as records starts (the last
   * record, which the next piece of the file may continue), and its line.
   */
  rest?: { offset: number; line: number };
  /** The record end papaparse found ("\r\n", "\n" or "\r"): a later piece of the file is read with the same. */
  newline?: string;
}

export interface ParseOptions {
  delimiter: string;
  /** Stop after this many records (for sniffing). */
  preview?: number;
  /** Name used in error messages. */
  path: string;
  /**
   * Read every character literally: no quoting at all, a `"` is text like any
   * other. Google Sheets writes TSV this way (it never quotes a TSV cell).
   */
  literal?: boolean;
  /** The physical line the text starts on (a later piece of a file read in pieces); default 1. */
  firstLine?: number;
  /** The record end, as the first piece found it (else papaparse guesses it from the text). */
  newline?: string;
  /** The file's header record, to name the column of an error in a later piece. */
  header?: readonly string[];
  /**
   * The text is a piece of a longer file: its last record may continue in the
   * next piece, so it is not returned but left as `rest` (with its line), to
   * be read again at the front of the next piece. An error in that last
   * record is left for the next piece too.
   */
  partial?: boolean;
}

/**
 * Physical line counter over `text`, counting every line end as a text editor
 * does: CRLF, a lone LF, or a lone CR (classic-Mac Excel ends records with CR
 * and writes LF for a line break inside a cell, so one file can hold both).
 */
function lineCounter(text: string, firstLine = 1): (offset: number) => number {
  let pos = 0;
  let line = firstLine;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  return (offset: number) => {
    // offsets are asked in increasing order
    while (pos < offset) {
      if (nextLf >= 0 && nextLf < pos) nextLf = text.indexOf('\n', pos);
      if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf('\r', pos);
      const next = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (next < 0 || next >= offset) {
        pos = offset;
        break;
      }
      line++;
      // CRLF is one line end
      pos = text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? next + 2 : next + 1;
    }
    return line;
  };
}

/** What stands in for a U+FEFF at the start of the text while papaparse reads it (a noncharacter). */
const STAND_IN_CODE = 0xfffe;
const STAND_IN = String.fromCharCode(STAND_IN_CODE);

export function parseDelimited(text: string, options: ParseOptions): ParsedRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  const offsets: number[] = [];
  const lineAt = lineCounter(text, options.firstLine);
  let start = 0;
  let failure: InputError | null = null;
  let failedAt = -1;
  let failedLine = 0;
  let settled = false;
  let newline: string | undefined;
  // papaparse drops a U+FEFF that starts its text, but here it is a cell's (decode took the file's
  // byte-order mark off; a later piece of a file starts inside it): it goes in as another character
  // of the same length, which no parsing rule treats apart, and is put back in the first cell below.
  const marked = text.charCodeAt(0) === 0xfeff;
  Papa.parse<string[]>(marked ? `${STAND_IN}${text.slice(1)}` : text, {
    delimiter: options.delimiter,
    quoteChar: '"',
    escapeChar: '"',
    // papaparse's fast mode splits at every delimiter and line end, quotes included: for a literal
    // reading, and (papaparse's own choice when not told) for text with no quote at all, where it is
    // the same reading.
    fastMode: options.literal === true ? true : undefined,
    preview: options.preview ?? 0,
    ...(options.newline ? { newline: options.newline as '\r\n' | '\n' | '\r' } : {}),
    skipEmptyLines: false,
    step: (result, parser) => {
      if (failure) {
        // In a piece, a record after the one that failed: that failure was no record cut short by the piece's end.
        settled = true;
        parser.abort();
        return;
      }
      const line = lineAt(start);
      const error = result.errors[0];
      if (error) {
        failedAt = start;
        failedLine = line;
        const at = lineAt(start + Math.max(0, (error.index ?? 0) - start));
        // The cell that broke is the last one papaparse handed over: named by its header once the header record is read.
        const column = result.data.length;
        const headerRecord = options.header ?? records[0];
        const header = headerRecord && (options.header || records.length > 0) ? (headerRecord[column - 1] ?? '').trim() : '';
        const what =
          error.code === 'MissingQuotes'
            ? 'a quoted cell opens here and never closes: the file may be truncated or have a stray quote'
            : 'a quoted cell has text after its closing quote (malformed quoting)';
        failure = new InputError(
          options.path,
          Math.max(line, at),
          header !== '' ? header : `column ${column}`,
          what,
          'export the file again from the survey tool',
        );
        // A piece's last record may fail only because the piece ends inside it: read on to see whether it is the last.
        if (!options.partial) parser.abort();
        return;
      }
      if (marked && records.length === 0 && result.data[0]?.charCodeAt(0) === STAND_IN_CODE) result.data[0] = `\ufeff${result.data[0].slice(1)}`;
      records.push(result.data);
      lines.push(line);
      offsets.push(start);
      newline ??= result.meta.linebreak;
      start = result.meta.cursor;
    },
  });
  if (options.partial) {
    // A record that failed at the end of the piece (a quoted cell still open, or cut after its closing
    // quote) may be whole in the next one: it is the rest. A failure before the last record stands.
    const found = newline ? { newline } : {};
    if (failure && settled) throw failure;
    if (failure) return { records, lines, rest: { offset: failedAt, line: failedLine }, ...found };
    // Else the last record read may continue in the next piece (its last cell cut short): hand it back.
    if (records.length === 0) return { records, lines, rest: { offset: 0, line: options.firstLine ?? 1 }, ...found };
    records.pop();
    const line = lines.pop()!;
    return { records, lines, rest: { offset: offsets.pop()!, line }, ...found };
  }
  if (failure) throw failure;
  return { records, lines };
}
