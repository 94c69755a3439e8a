/**
 * File to Table: read the bytes, decode them, find the delimiter, parse, and
 * check the shape. Every format module starts from a Table.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { decode } from './decode.js';
import { parseDelimited } from './parse.js';
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
    let parsed;
    try {
      parsed = parseDelimited(text, { delimiter, preview: 20, path });
    } catch {
      continue;
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

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(path, null, null, why, 'check the path');
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
  const parsed = parseDelimited(text, { delimiter, path });
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
