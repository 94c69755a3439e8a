/**
 * Excel workbooks (.xlsx) to the records a CSV parse gives: one sheet's rows,
 * each cell as the survey tool wrote it, so every later step (format
 * detection, the column plan, the dataset) is the CSV path's own.
 *
 * Loaded only when a file starts with a zip signature (table.ts openTable), so
 * the CSV path and `align --help` never pay for it. Built on fflate (inflate)
 * and saxes (a streaming XML parser that reads no DTD, so no entity expansion):
 * see the commit that introduced it for the measurements against exceljs and
 * read-excel-file.
 *
 * Cells, as a CSV export of the sheet would write them:
 *   - text (shared, inline or a formula's result) as written, rich-text runs
 *     joined, phonetic guides left out;
 *   - numbers in General format: at most 15 significant digits, as Excel
 *     shows and saves them (3, not 3.0000000000000004);
 *   - dates and times (a number in a date or time format) as ISO strings in
 *     the workbook's own time, no zone: `2025-03-03`, `09:27:10`,
 *     `2025-03-03T09:27:10`; the 1900 and 1904 date systems both;
 *   - booleans as TRUE and FALSE, errors as their text (#N/A).
 * A merged range's value is its top-left cell's, the other cells blank: what
 * a tool's CSV writes (SurveyMonkey's question over its options' columns).
 * A row with no value in any cell is a blank line. `lines` are the sheet's
 * row numbers.
 *
 * Bounded: the archive is read whole only up to MAX_INPUT_BYTES, every part is
 * inflated a slice at a time with the bytes counted against
 * MAX_WORKBOOK_XML_BYTES (a zip bomb stops there, with one line), a cell
 * longer than MAX_CELL_CHARS or a sheet wider than MAX_COLUMNS stops the parse
 * at once, and so do more rows than the run may hold (ReadTableOptions.maxRows).
 */
import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_INPUT_BYTES } from '../defaults.js';
import { InputError } from '../errors.js';
import { ledgerText, msg, quoted } from '../i18n/index.js';
import { readInputBytes, tooLarge } from './read-bounded.js';

/**
 * The most bytes align inflates from one workbook, every part it reads taken
 * together: as many as it reads of a text file (MAX_INPUT_BYTES, 1 GB). A
 * sheet's XML is some five times the CSV of the same rows, so this admits
 * exports of a few hundred thousand responses (more than a run holds:
 * defaults.ts maxRowsFor), and stops a zip bomb once that much is unpacked.
 */
const MAX_WORKBOOK_XML_BYTES = MAX_INPUT_BYTES;

/** Where a workbook's damage is reported: one line, what to do. */
const AGAIN = 'download or export the workbook again, or save it from Excel as "CSV UTF-8" and read that';

interface SheetRecords {
  /** The sheet's name, as its tab shows it. */
  sheet: string;
  /** The non-blank rows, each padded to the sheet's width. */
  records: string[][];
  /** records[i]'s row number in the sheet (1-based). */
  lines: number[];
  /** What the reading of the sheet's cells is worth saying (a column of numbers formatted as dates). */
  notes?: Array<{ line: number; note: string }>;
}

/**
 * The largest date serial read as the number it holds when its cell is
 * formatted as a date: 60 is 29 February 1900, a day that never was; no
 * survey holds a date before it, while a Likert column formatted as dates
 * by mistake shows 1..10 as 1900-01-01..1900-01-10.
 */
const SMALLEST_DATE = 60;

interface WorkbookOptions {
  /** --sheet: a sheet's name, or its position from 1; the first sheet when absent. */
  sheet?: string;
  /** The most records the sheet may hold before reading stops (the run's row limit and the header rows). */
  maxRecords?: number;
  /** What to say when it holds more (the run's row limit, worded by the caller). */
  tooMany?: (line: number) => Error;
  /** The most bytes to inflate (MAX_WORKBOOK_XML_BYTES unless a test says fewer). */
  maxXmlBytes?: number;
}

/** Reads a workbook file the user named (whole, up to MAX_INPUT_BYTES), unless its bytes are already read (`whole`). */
export async function readWorkbookFile(path: string, whole: Buffer | null, options: WorkbookOptions = {}): Promise<SheetRecords & { size: number }> {
  const bytes = whole ?? (await readInputBytes(path, MAX_INPUT_BYTES));
  if (bytes === null) throw tooLarge(path, MAX_INPUT_BYTES);
  return { ...readWorkbook(bytes, path, options), size: bytes.length };
}

/** Reads one sheet of a workbook held in memory. */
export function readWorkbook(bytes: Uint8Array, path: string, options: WorkbookOptions = {}): SheetRecords {
  const zip = new Zip(bytes, path, options.maxXmlBytes ?? MAX_WORKBOOK_XML_BYTES);
  if (zip.has('mimetype')) {
    const mimetype = zip.text('mimetype').trim();
    if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
      throw new InputError(
        path,
        null,
        null,
        'is an OpenDocument spreadsheet (.ods), which align does not read',
        'open it in LibreOffice or Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8',
      );
    }
  }
  const workbookPath = officeDocument(zip);
  if (workbookPath === null || !zip.has(workbookPath)) {
    throw new InputError(
      path,
      null,
      null,
      'is a zip archive but not an Excel workbook (no xl/workbook.xml)',
      'check you picked the right file; align reads .xlsx workbooks and CSV',
    );
  }
  if (workbookPath.endsWith('.bin')) {
    throw new InputError(
      path,
      null,
      null,
      'is an Excel binary workbook (.xlsb), which align does not read',
      'open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8',
    );
  }
  const book = workbookParts(zip, workbookPath);
  if (book.root !== 'workbook') {
    throw new InputError(
      path,
      null,
      null,
      'is an Office file but not an Excel workbook (a Word or PowerPoint file?)',
      'check you picked the right file; align reads .xlsx workbooks and CSV',
    );
  }
  const chosen = chooseSheet(book.sheets, options.sheet, path);
  if (chosen.target === null || !zip.has(chosen.target)) {
    throw new InputError(path, null, null, `sheet ${JSON.stringify(chosen.name)} holds no cells (a chart or a damaged sheet)`, sheetFix(book.sheets));
  }
  const shared = book.sharedStrings && zip.has(book.sharedStrings) ? sharedStrings(zip, book.sharedStrings) : [];
  const styles = book.styles && zip.has(book.styles) ? dateStyles(zip, book.styles) : [];
  const read = sheetRows(zip, chosen.target, path, { shared, styles, date1904: book.date1904, sheet: chosen.name, ...options });
  if (read.records.length === 0) {
    throw new InputError(
      path,
      null,
      null,
      `${book.sheets.length > 1 ? `its sheet ${JSON.stringify(chosen.name)}` : 'its only sheet'} is empty`,
      book.sheets.length > 1 ? `name the sheet that holds the responses with --sheet; ${sheetList(book.sheets)}` : 'export the responses again',
    );
  }
  const notes = [...read.numbers].map(([column, { row, count, example }]) =>
    ledgerText(
      { line: row },
      'note',
      msg('reading.workbook.dateNumbers', {
        column: quoted(read.records[0]?.[column]?.trim() || columnName(column)),
        n: count,
        count: String(count),
        example: String(example),
        date: excelDate(example, { date: true, time: false }, false),
      }),
    ),
  );
  return { sheet: chosen.name, records: read.records, lines: read.lines, ...(notes.length > 0 ? { notes } : {}) };
}

/**
 * An OLE compound file: an Excel 97-2003 workbook (BIFF), or an .xlsx saved
 * with a password, which Office wraps in one holding an `EncryptedPackage`
 * stream. Either way one line saying what to do; the stream's name is looked
 * for in the directory's UTF-16 names, anywhere in the file.
 */
export async function oleError(path: string, whole: Buffer | null): Promise<InputError> {
  const bytes = whole ?? (await readInputBytes(path, MAX_INPUT_BYTES)) ?? Buffer.alloc(0);
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  if (bytes.includes(name)) {
    return new InputError(
      path,
      null,
      null,
      'is a password-protected workbook, which align cannot open',
      'open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it, or save it as CSV UTF-8',
    );
  }
  return new InputError(
    path,
    null,
    null,
    'is an Excel 97-2003 workbook (.xls) or another Office binary file, which align does not read',
    'open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8',
  );
}

// ---------------------------------------------------------------- the archive

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * The archive's central directory, and each part inflated on request. Only
 * what an .xlsx uses: stored or deflated parts, no zip64, no encryption.
 */
class Zip {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** The file as the user named it, for messages. */
    readonly path: string,
    private readonly cap: number,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // the end of central directory record: 22 bytes, then a comment of up to 65,535
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw this.damaged('its end is missing: the file is cut short or is no zip archive');
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if (at === 0xffffffff || count === 0xffff) throw this.damaged('it is a zip64 archive, larger than any workbook a survey tool writes');
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw this.damaged('its table of contents is broken');
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      this.entries.set(name.replace(/^\//, ''), {
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private damaged(why: string): InputError {
    return new InputError(this.path, null, null, `is a damaged workbook: ${why}`, AGAIN);
  }

  /**
   * The part's bytes, handed over a slice at a time (what 16 KiB of the
   * compressed part inflates to), counted against the cap
   * (MAX_WORKBOOK_XML_BYTES) as they come.
   */
  read(name: string, each: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(name);
    if (!entry) throw this.damaged(`its part ${name} is missing`);
    if (entry.flags & 1) throw this.damaged(`its part ${name} is encrypted`);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const local = entry.offset;
    if (local + 30 > this.bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw this.damaged(`its part ${name} is not where the table of contents says`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + entry.compressedSize > this.bytes.length) throw this.damaged(`its part ${name} is cut short`);
    if (this.inflated + entry.size > this.cap) throw this.tooLarge();
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    const count = (chunk: Uint8Array) => {
      this.inflated += chunk.length;
      // the declared size may lie: the bytes themselves are counted
      if (this.inflated > this.cap) throw this.tooLarge();
      each(chunk);
    };
    const SLICE = 16 * 1024;
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += SLICE) count(data.subarray(i, i + SLICE));
      return;
    }
    if (entry.method !== 8) throw this.damaged(`its part ${name} is compressed in a way Excel never uses (method ${entry.method})`);
    let ended = false;
    // what the reader of the bytes throws is its own error; only the inflater's failures mean damage
    let downstream: { error: unknown } | null = null;
    const inflate = new Inflate((chunk, final) => {
      if (downstream) return;
      try {
        count(chunk);
      } catch (error) {
        downstream = { error };
      }
      if (final) ended = true;
    });
    for (let i = 0; i === 0 || i < data.length; i += SLICE) {
      try {
        inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
      } catch (e) {
        if (downstream) break;
        throw this.damaged(`its part ${name} cannot be unpacked (${(e as Error).message})`);
      }
      if (downstream) break;
    }
    if (downstream) throw (downstream as { error: unknown }).error;
    if (!ended) throw this.damaged(`its part ${name} is cut short`);
  }

  /** A small part as text (relationships, the workbook's list of sheets). */
  text(name: string): string {
    const decoder = new TextDecoder();
    let text = '';
    this.read(name, (chunk) => {
      text += decoder.decode(chunk, { stream: true });
    });
    return text + decoder.decode();
  }

  private tooLarge(): InputError {
    return new InputError(
      this.path,
      null,
      null,
      `unpacks to more than ${this.cap} bytes, more than any survey export align reads (a damaged or hostile file)`,
      'check you picked the right file',
    );
  }
}

// ---------------------------------------------------------------- XML

/** An element's name without its namespace prefix (`x:c` from some writers is `c`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute without a prefix (`r`, `t`, `s`, `name`: those of SpreadsheetML are in no namespace). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** An attribute in a namespace, by its local name (`r:id`, whatever the prefix). */
function prefixed(tag: SaxesTagPlain, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

/** The longest text or tag a part may hold: a cell's most characters, each escaped (`&quot;`), and room for its tag. */
const MAX_XML_RUN = 6 * MAX_CELL_CHARS + 4096;

/** Excel's last row: a row numbered past it is a damaged (or hostile) sheet. */
const EXCEL_ROWS = 1_048_576;

/** Streams a part through a SAX parser: `open`, `close` and `text` see local names. */
function parsePart(
  zip: Zip,
  name: string,
  handlers: { open?: (tag: SaxesTagPlain, name: string) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const path = zip.path;
  const parser = new SaxesParser({ position: false });
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(tag as SaxesTagPlain, local(tag.name)));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder();
  // characters since the last `<`: a text or a tag longer than any cell (escaped, as &quot; is six) is a damaged or hostile part, stopped before the parser holds it
  let run = 0;
  const feed = (text: string) => {
    let from = 0;
    for (let lt = text.indexOf('<'); ; lt = text.indexOf('<', lt + 1)) {
      run += (lt < 0 ? text.length : lt) - from;
      if (run > MAX_XML_RUN) {
        throw new InputError(path, null, null, `is a damaged workbook: its part ${name} holds a text or a tag of more than ${MAX_XML_RUN} characters`, AGAIN);
      }
      if (lt < 0) break;
      run = 0;
      from = lt;
    }
    parser.write(text);
  };
  const fail = () => {
    if (failure === null) return;
    if (failure instanceof InputError) throw failure;
    throw new InputError(path, null, null, `is a damaged workbook: its part ${name} is not well-formed XML`, AGAIN);
  };
  zip.read(name, (chunk) => {
    feed(decoder.decode(chunk, { stream: true }));
    fail();
  });
  feed(decoder.decode());
  parser.close();
  fail();
}

/** The relationships of a part: id -> {type, target resolved against the part's folder}. */
function relationships(zip: Zip, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const folder = slash < 0 ? '' : part.slice(0, slash + 1);
  const rels = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  if (!zip.has(rels)) return out;
  parsePart(zip, rels, {
    open: (tag, name) => {
      if (name !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id === undefined || target === undefined || attribute(tag, 'TargetMode') === 'External') return;
      out.set(id, { type: attribute(tag, 'Type') ?? '', target: resolvePart(folder, target) });
    },
  });
  return out;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to `folder`, with `..` resolved. */
function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The workbook part the package's relationships name (xl/workbook.xml as Excel writes it). */
function officeDocument(zip: Zip): string | null {
  if (!zip.has('_rels/.rels')) return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  for (const rel of relationships(zip, '').values()) if (rel.type.endsWith('/officeDocument')) return rel.target;
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

interface SheetEntry {
  name: string;
  /** The sheet's part, or null when its relationship is missing or no worksheet (a chart sheet). */
  target: string | null;
  /** Hidden from the tabs (Excel's "Hide"): not the first sheet a person sees. */
  hidden: boolean;
}

/** The workbook's sheets in tab order, its date system and the parts every sheet shares. */
function workbookParts(
  zip: Zip,
  part: string,
): { root: string | null; sheets: SheetEntry[]; date1904: boolean; sharedStrings: string | null; styles: string | null } {
  const rels = relationships(zip, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let root: string | null = null;
  parsePart(zip, part, {
    open: (tag, name) => {
      root ??= name;
      if (name === 'workbookPr') {
        const v = attribute(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(prefixed(tag, 'id') ?? '');
        const state = attribute(tag, 'state');
        sheets.push({
          name: attribute(tag, 'name') ?? `Sheet${sheets.length + 1}`,
          target: rel?.type.endsWith('/worksheet') ? rel.target : null,
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
  });
  let sharedStrings: string | null = null;
  let styles: string | null = null;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) sharedStrings = rel.target;
    if (rel.type.endsWith('/styles')) styles = rel.target;
  }
  return { root, sheets, date1904, sharedStrings, styles };
}

function sheetList(sheets: readonly SheetEntry[]): string {
  return `its sheets are ${sheets.map((s, i) => `${i + 1} ${JSON.stringify(s.name)}${s.hidden ? ' (hidden)' : ''}`).join(', ')}`;
}

function sheetFix(sheets: readonly SheetEntry[]): string {
  return `name the sheet that holds the responses with --sheet <name|number>; ${sheetList(sheets)}`;
}

/**
 * --sheet: a sheet's name as its tab shows it (exactly, else ignoring case),
 * else a number, the sheet's position from 1 (hidden sheets counted, as the
 * workbook lists them); without it, the first sheet that is not hidden.
 */
function chooseSheet(sheets: readonly SheetEntry[], wanted: string | undefined, path: string): SheetEntry {
  if (sheets.length === 0) throw new InputError(path, null, null, 'is a workbook with no sheets', AGAIN);
  // the first sheet is the first tab a person sees: a hidden sheet before it (a tool's lookup table) is passed over
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0]!;
  const exact = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (exact) return exact;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted.trim());
    if (n >= 1 && n <= sheets.length) return sheets[n - 1]!;
    throw new InputError(path, null, null, `has no sheet number ${n}`, `give --sheet a number from 1 to ${sheets.length} or a name; ${sheetList(sheets)}`);
  }
  throw new InputError(path, null, null, `has no sheet ${JSON.stringify(wanted)}`, `give --sheet one of its sheets' names or numbers; ${sheetList(sheets)}`);
}

/** Text of a string item (`<si>`, `<is>`): its `<t>` runs, phonetic guides (`<rPh>`) left out. */
function sharedStrings(zip: Zip, part: string): string[] {
  const path = zip.path;
  const out: string[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  parsePart(zip, part, {
    open: (_tag, name) => {
      if (name === 'si') text = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close: (name) => {
      if (name === 'si') out.push(text);
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text: (t) => {
      if (!inT || phonetic > 0) return;
      text += t;
      if (text.length > MAX_CELL_CHARS) throw longCell(path, null, null);
    },
  });
  return out;
}

function longCell(path: string, line: number | null, column: string | null): InputError {
  return new InputError(
    path,
    line,
    column,
    `a cell holds more than ${MAX_CELL_CHARS} characters; align reads at most ${MAX_CELL_CHARS} in one cell`,
    'check you picked the right sheet, or export the workbook again',
  );
}

/**
 * How a style shows a number: not as a date (null), or as a date, a time, or
 * both; `fraction` when it shows fractions of a second (`ss.000`).
 */
type DateShape = { date: boolean; time: boolean; fraction?: true } | null;

/**
 * Excel's built-in number formats that show a date or a time (ECMA-376 Part 1,
 * 18.8.30, and the East Asian ids 27-36 and 50-58, dates but for 32-35's times).
 */
const BUILT_IN_DATE_FORMATS = new Map<number, DateShape>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, { date: true, time: false }] as const),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47].map((id) => [id, { date: false, time: true }] as const),
  [22, { date: true, time: true }],
]);

/** A format code's date and time parts, quoted text, escapes and [colour]/[locale] sections aside. */
export function dateShape(code: string): DateShape {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return null;
  const time = /[hs]/i.test(bare) || /AM\/PM|A\/P/i.test(bare);
  const date = /[dy]/i.test(bare) || (/m/i.test(bare.replace(/AM\/PM|A\/P/gi, '')) && !time);
  if (!date && !time) return null;
  return /s\.0/i.test(bare) ? { date, time, fraction: true } : { date, time };
}

/** Each cell style (`<cellXfs>`'s `<xf>`, by index) as dateShape reads its number format. */
function dateStyles(zip: Zip, part: string): DateShape[] {
  const codes = new Map<number, string>();
  const styles: DateShape[] = [];
  let inCellXfs = false;
  parsePart(zip, part, {
    open: (tag, name) => {
      if (name === 'numFmt') codes.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        const code = codes.get(id);
        if (code !== undefined) styles.push(dateShape(code));
        else styles.push(BUILT_IN_DATE_FORMATS.get(id) ?? null);
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/**
 * A number as Excel's General format saves it to CSV: at most 15 significant
 * digits, so no float artefacts (0.30000000000000004 is 0.3); but a whole
 * number a double holds exactly (up to 2^53, a 16-digit id) keeps every
 * digit, so two ids never read as one.
 */
export function generalNumber(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const DAY_MS = 86_400_000;

/**
 * A date serial as an ISO string in the workbook's own time (no zone): days
 * since 1899-12-30 (the 1900 system, whose serials below 61 Excel counts
 * with a 29 February 1900 that never was) or since 1904-01-01. The time is
 * rounded as Excel shows it: to the nearest second (45719.3938657 is
 * 09:27:10, not 09:27:09.996), to the millisecond when the format shows
 * fractions of a second.
 */
export function excelDate(serial: number, shape: { date: boolean; time: boolean; fraction?: true }, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const epoch = days < 61 ? -25568 : -25569; // days from the serial's day 0 to 1970-01-01
  const exact = Math.round((days + epoch) * DAY_MS);
  const ms = shape.fraction ? exact : Math.round(exact / 1000) * 1000;
  const t = new Date(ms);
  if (Number.isNaN(t.getTime())) return generalNumber(serial);
  const iso = t.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ, read as the workbook's wall clock
  const day = iso.slice(0, 10);
  const clock = iso.endsWith('.000Z') ? iso.slice(11, 19) : iso.slice(11, 23);
  if (shape.time && !shape.date && serial >= 0 && serial < 1) return clock;
  if (!shape.time && ms % DAY_MS === 0) return day;
  return `${day}T${clock}`;
}

/** "BC" -> 54 (0-based), from a cell reference such as `BC12`; -1 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** Column letters from a 0-based index, to name a cell in a message. */
function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet's cells, row by row: see the file's comment for how each kind of cell reads. */
function sheetRows(
  zip: Zip,
  part: string,
  path: string,
  context: { shared: readonly string[]; styles: readonly DateShape[]; date1904: boolean; sheet: string } & WorkbookOptions,
): { records: string[][]; lines: number[]; numbers: Map<number, { row: number; count: number; example: number }> } {
  const records: string[][] = [];
  // columns whose date-formatted cells hold small whole numbers (SMALLEST_DATE), read as those numbers
  const numbers = new Map<number, { row: number; count: number; example: number }>();
  const lines: number[] = [];
  let width = 0;
  let row: string[] = [];
  let rowNumber = 0;
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;
  // a formula cell (`<f>`) with no saved value (`<v>`): written by a program that does not calculate
  let formula = false;
  let saved = false;
  const cellValue = (): string => {
    switch (type) {
      case 's': {
        if (value.trim() === '') return '';
        const s = context.shared[Number(value.trim())];
        if (s === undefined)
          throw new InputError(path, rowNumber, columnName(column), 'is a damaged workbook: this cell names a shared string that is not there', AGAIN);
        return s;
      }
      case 'inlineStr':
        return inline;
      case 'str':
      case 'e':
        return value;
      case 'b':
        return value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'TRUE' : value.trim() === '' ? '' : 'FALSE';
      case 'd':
        return value.trim().replace(/Z$/, '');
      default: {
        const v = value.trim();
        if (v === '') return '';
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        const shape = context.styles[style] ?? null;
        if (shape?.date && !context.date1904 && Number.isInteger(n) && n >= 0 && n < SMALLEST_DATE) {
          const seen = numbers.get(column);
          if (seen) seen.count++;
          else numbers.set(column, { row: rowNumber, count: 1, example: n });
          return generalNumber(n);
        }
        return shape ? excelDate(n, shape, context.date1904) : generalNumber(n);
      }
    }
  };
  parsePart(zip, part, {
    open: (tag, name) => {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          const r = Number(attribute(tag, 'r'));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          if (rowNumber > EXCEL_ROWS) {
            throw new InputError(path, null, null, `is a damaged workbook: its sheet has a row numbered past Excel's last (${EXCEL_ROWS})`, AGAIN);
          }
          row = [];
          column = -1;
          break;
        }
        case 'c': {
          if (!inSheetData) break;
          const at = columnOf(attribute(tag, 'r'));
          column = at >= 0 ? at : column + 1;
          if (column >= MAX_COLUMNS) {
            throw new InputError(
              path,
              rowNumber,
              null,
              `the sheet has a cell in column ${column + 1}; align reads at most ${MAX_COLUMNS} columns`,
              'check you picked the right sheet',
            );
          }
          type = attribute(tag, 't') ?? 'n';
          style = Number(attribute(tag, 's') ?? 0) || 0;
          value = '';
          inline = '';
          formula = false;
          saved = false;
          break;
        }
        case 'f':
          if (inSheetData) formula = true;
          break;
        case 'v':
          if (inSheetData) {
            capture = 'v';
            saved = true;
          }
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline) capture = 't';
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case 'sheetData':
          inSheetData = false;
          break;
        case 'v':
        case 't':
          capture = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!inSheetData) break;
          if (formula && !saved && type !== 'inlineStr') {
            // read as blank, the answers would drop out of the audit without a word
            throw new InputError(
              path,
              rowNumber,
              columnName(column),
              `the workbook's formulas were never calculated: cell ${columnName(column)}${rowNumber} of sheet ${JSON.stringify(context.sheet)} has a formula and no saved value`,
              'open and save it in Excel, or export CSV',
            );
          }
          const text = cellValue();
          if (text === '') break;
          while (row.length < column) row.push('');
          row[column] = text;
          break;
        }
        case 'row': {
          if (!inSheetData || !row.some((c) => c !== '')) break;
          records.push(row);
          lines.push(rowNumber);
          if (row.length > width) width = row.length;
          if (context.maxRecords !== undefined && records.length > context.maxRecords && context.tooMany) throw context.tooMany(rowNumber);
          break;
        }
      }
    },
    text: (t) => {
      if (capture === 'v') value += t;
      else if (capture === 't' && phonetic === 0) inline += t;
      else return;
      if (value.length > MAX_CELL_CHARS || inline.length > MAX_CELL_CHARS) throw longCell(path, rowNumber, columnName(column));
    },
  });
  for (const r of records) while (r.length < width) r.push('');
  return { records, lines, numbers };
}
