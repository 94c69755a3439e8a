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
}

/**
 * Physical line counter over `text`, counting every line end as a text editor
 * does: CRLF, a lone LF, or a lone CR (classic-Mac Excel ends records with CR
 * and writes LF for a line break inside a cell, so one file can hold both).
 */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
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

export function parseDelimited(text: string, options: ParseOptions): ParsedRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  const lineAt = lineCounter(text);
  let start = 0;
  let failure: InputError | null = null;
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    quoteChar: '"',
    escapeChar: '"',
    // papaparse's fast mode splits at every delimiter and line end, quotes included.
    fastMode: options.literal === true,
    preview: options.preview ?? 0,
    skipEmptyLines: false,
    step: (result, parser) => {
      const line = lineAt(start);
      const error = result.errors[0];
      if (error && !failure) {
        const at = lineAt(start + Math.max(0, (error.index ?? 0) - start));
        // The cell that broke is the last one papaparse handed over: named by its header once the header record is read.
        const column = result.data.length;
        const header = records.length > 0 ? (records[0]![column - 1] ?? '').trim() : '';
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
        parser.abort();
        return;
      }
      records.push(result.data);
      lines.push(line);
      start = result.meta.cursor;
    },
  });
  if (failure) throw failure;
  return { records, lines };
}
