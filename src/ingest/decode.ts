/**
 * Bytes to text. Survey exports arrive as UTF-8 (with or without BOM), UTF-16
 * with BOM (Excel's "Unicode Text"), Windows-1252 (Excel "CSV" on Windows) or
 * Mac Roman (Excel for Mac 2011; the FiveThirtyEight SurveyMonkey files).
 * Sniffing order, from ../shared/fixtures/exports/FORMATS.md section 8:
 * BOM, then UTF-16 by its NUL pattern, then strict UTF-8, then Windows-1252
 * or Mac Roman by which of the two reads the high bytes as plausible text.
 */
import iconv from 'iconv-lite';
import { InputError, UsageError } from '../errors.js';
import type { EncodingLabel } from './types.js';

export interface Decoded {
  text: string;
  encoding: EncodingLabel;
  bom: boolean;
}

const ENCODINGS: readonly EncodingLabel[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh'];

/** Accepts the labels people type (`latin1`, `cp1252`, `mac`, `utf16`) and returns ours. */
export function encodingFromOption(label: string): EncodingLabel {
  const l = label.trim().toLowerCase().replace(/[_\s]/g, '-');
  // A Map: the flag is user text, and `--encoding constructor` must find nothing.
  const aliases = new Map<string, EncodingLabel>(
    Object.entries({
      utf8: 'utf-8',
      'utf-8': 'utf-8',
      'utf-8-bom': 'utf-8',
      utf16: 'utf-16le',
      'utf-16': 'utf-16le',
      utf16le: 'utf-16le',
      'utf-16le': 'utf-16le',
      utf16be: 'utf-16be',
      'utf-16be': 'utf-16be',
      'windows-1252': 'windows-1252',
      cp1252: 'windows-1252',
      win1252: 'windows-1252',
      latin1: 'windows-1252',
      'latin-1': 'windows-1252',
      'iso-8859-1': 'windows-1252',
      macintosh: 'macintosh',
      mac: 'macintosh',
      macroman: 'macintosh',
      'mac-roman': 'macintosh',
      'x-mac-roman': 'macintosh',
    } satisfies Record<string, EncodingLabel>),
  );
  const found = aliases.get(l);
  if (!found) {
    throw new UsageError(`--encoding ${label} is not one align reads; use one of ${ENCODINGS.join(', ')}`);
  }
  return found;
}

export function stripBom(bytes: Buffer): { encoding: EncodingLabel; start: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  return null;
}

/** UTF-16 without a BOM shows as ASCII with every other byte NUL. */
function sniffUtf16(bytes: Buffer): EncodingLabel | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const ASCII_LOWER = /[a-z]/;
const ASCII_LETTER = /[A-Za-z]/;
// Typographic punctuation Excel and Word put into text (curly quotes, dashes, ellipsis, euro).
const TYPOGRAPHIC = /[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0]/u;

/**
 * How plausible a single-byte decoding is: high bytes that come out as letters
 * fitting their neighbours (a lower-case letter after a lower-case one, as in
 * "Jos|é"), or as typographic punctuation, score; symbols and case breaks do not.
 */
function plausibility(bytes: Buffer, encoding: 'windows-1252' | 'macintosh'): number {
  const text = iconv.decode(bytes, encoding);
  // single-byte encodings: text index i corresponds to byte i
  let score = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const ch = text[i]!;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = i + 1 < text.length ? text[i + 1]! : ' ';
    if (encoding === 'windows-1252' && b >= 0x85 && b <= 0x97) {
      // Windows punctuation where punctuation sits is strong evidence (in Mac Roman the same bytes are
      // the letters ë í ì î ï ñ ó Ö, and "Donít" reads as a lower-case letter between two others)
      score += punctuationScore(b, prev, next);
      continue;
    }
    if (LETTER.test(ch)) {
      if (LOWER.test(ch) && (ASCII_LOWER.test(prev) || ASCII_LOWER.test(next))) score += 3;
      else if (!LOWER.test(ch) && (prev === ' ' || !ASCII_LETTER.test(prev))) score += 2;
      else score += 0.5;
    } else if (TYPOGRAPHIC.test(ch)) {
      score += 1;
    } else if (/[\u0080-\u009f]/.test(ch)) {
      score -= 3; // an undefined byte in this code page
    } else {
      score -= 1;
    }
  }
  return score;
}

/**
 * How well a Windows-1252 punctuation byte (0x85, 0x91-0x97) sits as
 * punctuation: an apostrophe between letters (`n\x92t`), an opening quote
 * before a word, a closing one after it, a dash between spaces or digits, an
 * ellipsis after a word. Misplaced (a dash inside a word, as Mac Roman's
 * "Núñez" would read), it counts against.
 */
function punctuationScore(b: number, prev: string, next: string): number {
  const letter = (c: string) => LETTER.test(c) || /\d/.test(c);
  const edge = (c: string) => !letter(c);
  switch (b) {
    case 0x92: // ’
      return letter(prev) && letter(next) ? 4 : letter(prev) && edge(next) ? 2 : edge(prev) && letter(next) ? 1 : -1;
    case 0x91: // ‘
    case 0x93: // “
      return edge(prev) && letter(next) ? 3 : -1;
    case 0x94: // ”
      return !/\s/.test(prev) && edge(next) ? 3 : -1;
    case 0x96: // –
    case 0x97: // —
      return (/\s/.test(prev) && /\s/.test(next)) || (/\d/.test(prev) && /\d/.test(next)) ? 3 : -2;
    case 0x85: // …
      return letter(prev) && edge(next) ? 2 : -1;
    default: // 0x86-0x90, 0x95 (†, ‡, ˆ, ‰, Š, ‹, Œ, ž, •): rare in survey text
      return 0;
  }
}

/** Decode a file's bytes, or with `forced` exactly as the user said. */
export function decode(bytes: Buffer, path: string, forced?: EncodingLabel): Decoded {
  const bom = stripBom(bytes);
  if (forced) {
    const start = bom && bom.encoding === forced ? bom.start : 0;
    if (forced === 'utf-8') {
      // UTF-8 is checkable byte by byte: one invalid byte means the file is something else.
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8', bom: start > 0 };
      } catch {
        const at = firstInvalidUtf8(bytes.subarray(start));
        const line = 1 + countByte(bytes.subarray(0, start + at), 0x0a);
        throw new InputError(path, line, null, `does not read as utf-8 (byte ${start + at} is not UTF-8)`, 'drop --encoding to let align detect it');
      }
    }
    const text = iconv.decode(bytes.subarray(start), forced);
    if (!readsAs(bytes.subarray(start), text, forced)) {
      throw new InputError(path, null, null, `does not read as ${forced}`, 'drop --encoding to let align detect it');
    }
    return { text, encoding: forced, bom: start > 0 };
  }
  if (bom) {
    const body = bytes.subarray(bom.start);
    if (bom.encoding === 'utf-8') return { text: strictUtf8(body, path, 3), encoding: 'utf-8', bom: true };
    return { text: iconv.decode(body, bom.encoding), encoding: bom.encoding, bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: iconv.decode(bytes, utf16), encoding: utf16, bom: false };
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw notText(path, bytes, nul);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Mostly UTF-8 with a stray byte: UTF-8 with a mistake, not a single-byte file (that would be mojibake: "ZoÃ« Brandt").
    if (utf8Share(bytes) >= MOSTLY_UTF8) throw strayByte(path, bytes, firstInvalidUtf8(bytes));
    const mac = plausibility(bytes, 'macintosh');
    const win = plausibility(bytes, 'windows-1252');
    if (mac === win) {
      throw new InputError(
        path,
        null,
        null,
        'is not UTF-8, and reads equally well as Windows-1252 and as Mac Roman',
        'pass --encoding windows-1252 (a file saved by Excel on Windows) or --encoding macintosh (an old Mac), or save it as "CSV UTF-8"',
      );
    }
    const encoding = mac > win ? 'macintosh' : 'windows-1252';
    return { text: iconv.decode(bytes, encoding), encoding, bom: false };
  }
}

/** Characters a wrong decoding makes: U+FFFD, private use, unassigned, and lone surrogates. */
const GARBLED = /[\ufffd\p{Co}\p{Cn}\p{Cs}]/u;
/** Where UTF-16 read from single-byte text lands: two ASCII bytes make one CJK or Hangul character. */
const CJK = /[\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/**
 * Whether a forced decoding gave text rather than noise, judged on the first
 * 8 KiB: at most a fifth of the characters garbled, and for UTF-16 at most a
 * fifth CJK when the bytes are printable ASCII (UTF-8 or Latin text read two
 * bytes at a time) or a fifth "swapped" (`n` read as U+6E00: the other byte order).
 */
function readsAs(bytes: Buffer, text: string, encoding: EncodingLabel): boolean {
  const sample = Array.from(text.slice(0, 8192)).filter((c) => !/\s/u.test(c));
  if (sample.length === 0) return true;
  let garbled = 0;
  let cjk = 0;
  let swapped = 0;
  for (const c of sample) {
    if (GARBLED.test(c)) garbled++;
    if (CJK.test(c)) cjk++;
    const code = c.codePointAt(0)!;
    if (code > 0xff && (code & 0xff) === 0 && code >> 8 >= 0x20 && code >> 8 < 0x7f) swapped++;
  }
  const limit = sample.length * 0.2;
  if (garbled > limit) return false;
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') return true;
  if (swapped > limit) return false;
  const head = bytes.subarray(0, 8192);
  let ascii = 0;
  for (const b of head) if (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f)) ascii++;
  return !(ascii >= head.length * 0.9 && cjk > limit);
}

function strictUtf8(body: Buffer, path: string, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // A UTF-8 BOM followed by bytes that are not UTF-8: name the first bad byte.
    const at = firstInvalidUtf8(body);
    const line = 1 + countByte(body.subarray(0, at), 0x0a);
    throw new InputError(
      path,
      line,
      null,
      `starts with a UTF-8 byte-order mark but byte ${at + offset} is not UTF-8`,
      'pass --encoding windows-1252 (or macintosh) if the file was re-saved by an old Excel',
    );
  }
}

/**
 * The offset of the first byte that is not well-formed UTF-8 (the Unicode
 * Standard's table 3-7): the first byte of an ill-formed sequence, i.e. a
 * byte that cannot start a character, or one that starts a character the next
 * bytes (or the end of the file) do not complete (a Latin-1 é before a comma). A scan, because a bisection on decodable
 * prefixes stops a few bytes short, sometimes on the line before.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

/**
 * From this share of the bytes above 0x7F forming well-formed UTF-8 sequences,
 * a file is UTF-8 and a byte that is not is a mistake to point at. Windows-1252
 * and Mac Roman text almost never forms UTF-8 sequences (an accented letter is
 * one high byte between ASCII ones): their share is about 0.
 */
const MOSTLY_UTF8 = 0.95;

/** The share of the bytes above 0x7F that belong to well-formed UTF-8 sequences (1 when there are none). */
function utf8Share(bytes: Buffer): number {
  let high = 0;
  let good = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      high += n;
      good += n;
      i += n;
    } else {
      high++;
      i++;
    }
  }
  return high === 0 ? 1 : good / high;
}

/** The length of the well-formed UTF-8 sequence starting at `i` (the Unicode Standard's table 3-7), or 0. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return 0;
  }
  return need + 1;
}

/**
 * Where a byte sits in a delimited file, before the delimiter is known: the
 * line its record starts on, and the header of its field (the delimiter taken
 * as the most frequent of , ; tab | in the first line; quotes respected).
 */
function positionOf(bytes: Buffer, at: number): { line: number; column: string | null } {
  const firstLine = bytes.subarray(0, Math.max(0, bytes.indexOf(0x0a)) || bytes.length);
  const delimiter = [0x2c, 0x3b, 0x09, 0x7c].map((d) => ({ d, n: countByte(firstLine, d) })).reduce((a, b) => (b.n > a.n ? b : a)).d;
  const header: number[][] = [[]];
  let line = 1;
  let recordLine = 1;
  let record = 0;
  let field = 0;
  let quoted = false;
  for (let i = 0; i < at; i++) {
    const b = bytes[i]!;
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) line++;
    if (quoted) {
      if (record === 0 && b !== 0x22) header[field]!.push(b);
      continue;
    }
    if (b === 0x0a) {
      record++;
      recordLine = line;
      field = 0;
    } else if (b === delimiter) {
      field++;
      if (record === 0) header.push([]);
    } else if (record === 0 && b !== 0x22 && b !== 0x0d) header[field]!.push(b);
  }
  if (record === 0) return { line: recordLine, column: null };
  const name = header[field]
    ? new TextDecoder('utf-8')
        .decode(Buffer.from(header[field]!))
        .replace(/^\uFEFF/, '')
        .trim()
    : '';
  return { line: recordLine, column: name === '' ? `column ${field + 1}` : name };
}

function strayByte(path: string, bytes: Buffer, at: number): InputError {
  const { line, column } = positionOf(bytes, at);
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return new InputError(
    path,
    line,
    column,
    `byte 0x${hex} (offset ${at}) is not UTF-8, though the rest of the file is`,
    'correct that cell and save the file as UTF-8 ("CSV UTF-8" in Excel), or pass --encoding windows-1252 (or macintosh) if the file really is in another encoding',
  );
}

function countByte(bytes: Buffer, b: number): number {
  let n = 0;
  for (let i = bytes.indexOf(b); i >= 0; i = bytes.indexOf(b, i + 1)) n++;
  return n;
}

function notText(path: string, bytes: Buffer, at: number, firstLine = 1, base = 0): InputError {
  const line = firstLine + countByte(bytes.subarray(0, at), 0x0a);
  return new InputError(
    path,
    line,
    null,
    `is not a text file (a NUL byte at offset ${base + at}); it may be a PDF, an image or another binary file`,
    'export the responses as CSV or as an Excel workbook (.xlsx)',
  );
}

/**
 * Where to end the first piece of a file read in pieces: just after its last
 * line end, so that the piece decides the encoding (decode) without a
 * character cut in two at its end. In UTF-16 a line end is two bytes, on an
 * even offset. The whole piece when it holds no line end.
 */
export function headCut(bytes: Buffer): number {
  const bom = stripBom(bytes);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : sniffUtf16(bytes);
  if (utf16) {
    const pair = utf16 === 'utf-16le' ? [0x0a, 0x00] : [0x00, 0x0a];
    for (let i = bytes.length - 2 - (bytes.length % 2); i >= 0; i -= 2) {
      if (bytes[i] === pair[0] && bytes[i + 1] === pair[1]) return i + 2;
    }
    return bytes.length - (bytes.length % 2);
  }
  const lf = bytes.lastIndexOf(0x0a);
  return lf < 0 ? bytes.length : lf + 1;
}

/**
 * A later piece of a file read in pieces is not in the encoding the first
 * piece decided (a UTF-8 start, then a Windows-1252 byte; or Mac Roman read
 * better past the first piece than Windows-1252): readInput lets the whole
 * file decide, as decode does for a file read whole, and reads it again.
 */
export class EncodingContradiction extends Error {
  constructor(readonly error: InputError) {
    super(error.message);
  }
}

/** How plausibly the first piece of a file reads in each single-byte encoding, for pieceDecoder to add the later pieces to. */
export function singleByteScores(bytes: Buffer): { mac: number; win: number } {
  return { mac: plausibility(bytes, 'macintosh'), win: plausibility(bytes, 'windows-1252') };
}

/** Decodes the bytes after a file's first piece, in the encoding that piece decided. */
export interface PieceDecoder {
  /** The text of the next bytes; `line` is the physical line they start on and `offset` their place in the file (for an error's message). */
  write(bytes: Buffer, line: number, offset: number): string;
  end(): string;
}

/**
 * The decoder for the rest of a file whose first piece decided `encoding`:
 * a character split between two pieces is joined. The rest is held to what
 * the first piece promised: in a UTF-8 file a byte that is not UTF-8 stops
 * the run (naming its line, and the fix), and so does a NUL byte in a file
 * that is not UTF-16, as decode does for a file read whole.
 */
export function pieceDecoder(encoding: EncodingLabel, path: string, guessed: { mac: number; win: number } | null): PieceDecoder {
  if (encoding === 'utf-8') {
    // a later piece starts inside the file: a U+FEFF there is a character of a cell (the file's byte-order mark was the first piece's)
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return {
      write(bytes, line, offset) {
        const nul = bytes.indexOf(0);
        if (nul >= 0) throw notText(path, bytes, nul, line, offset);
        try {
          return decoder.decode(bytes, { stream: true });
        } catch {
          const at = firstInvalidUtf8(bytes);
          const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
          const error = new InputError(
            path,
            line + countByte(bytes.subarray(0, at), 0x0a),
            null,
            `byte 0x${hex} (offset ${offset + at}) is not UTF-8, though the start of the file is`,
            'correct that cell and save the file as UTF-8 ("CSV UTF-8" in Excel), or pass --encoding windows-1252 (or macintosh) if the file really is in another encoding',
          );
          // told UTF-8 by --encoding: the byte is the error; else the whole file decides (readInput)
          throw guessed ? new EncodingContradiction(error) : error;
        }
      },
      end() {
        try {
          return decoder.decode();
        } catch {
          throw new InputError(path, null, null, 'ends in the middle of a UTF-8 character: the file may be cut short', 'export the file again');
        }
      },
    };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const singleByte = guessed !== null && (encoding === 'macintosh' || encoding === 'windows-1252');
  const scores = { mac: guessed?.mac ?? 0, win: guessed?.win ?? 0 };
  return {
    write(bytes, line, offset) {
      const nul = utf16 ? -1 : bytes.indexOf(0);
      if (nul >= 0) throw notText(path, bytes, nul, line, offset);
      if (singleByte) {
        scores.mac += plausibility(bytes, 'macintosh');
        scores.win += plausibility(bytes, 'windows-1252');
      }
      return decoder.write(bytes);
    },
    end() {
      // The first piece chose between the two single-byte encodings by how plausible each reads; the whole file may choose otherwise.
      if (singleByte && (scores.mac > scores.win ? 'macintosh' : scores.win > scores.mac ? 'windows-1252' : null) !== encoding) {
        throw new EncodingContradiction(
          new InputError(path, null, null, `reads better as another encoding than ${encoding} past its first piece`, 'pass --encoding'),
        );
      }
      return decoder.end() ?? '';
    },
  };
}
