// Reading .xlsx workbooks (src/ingest/workbook.ts): cells as a CSV export of the sheet writes them,
// the sheet's row numbers as lines, messages naming the sheet, bounds; and each synthetic export's
// workbook (test/fixtures/xlsx/, scripts/make-workbooks.mjs) reads into the same Dataset as its CSV.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { formatInputError, InputError } from '../../src/errors.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { readTable } from '../../src/ingest/table.js';
import { dateShape, excelDate, generalNumber, readWorkbook } from '../../src/ingest/workbook.js';
import { EXPORTS, inputError } from '../helpers/read.js';
import { ROOT } from '../helpers/run.js';

const XLSX = join(ROOT, 'test/fixtures/xlsx');
const dir = mkdtempSync(join(tmpdir(), 'align-workbook-'));

/** A workbook by hand: the parts of a minimal .xlsx, with `sheet` as sheet1's XML and optional extras. */
function handmade(
  sheetData: string,
  options: { sharedStrings?: string[]; styles?: string; date1904?: boolean; prefix?: string; extra?: string; sheets?: string; workbookPart?: string } = {},
): Uint8Array {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="${options.workbookPart ?? 'xl/workbook.xml'}"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><${p}workbook ${ns}="${main}" xmlns:r="${rel}">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${options.sheets ?? `<${p}sheet name="Answers" sheetId="1" r:id="rId1"/>`}</${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><${p}worksheet ${ns}="${main}"><${p}sheetData>${sheetData}</${p}sheetData>${options.extra ?? ''}</${p}worksheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst xmlns="${main}">${(options.sharedStrings ?? []).join('')}</sst>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet xmlns="${main}">${options.styles ?? ''}</styleSheet>`),
  };
  return zipSync(files);
}

const rows = (bytes: Uint8Array, sheet?: string) => readWorkbook(bytes, 'w.xlsx', sheet === undefined ? {} : { sheet });

describe('readWorkbook: cells as a CSV export writes them', () => {
  it('shared, inline and formula strings; rich text runs joined, phonetic guides left out; booleans; errors', () => {
    const read = rows(
      handmade(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> Inline &amp; spaced </t></is></c><c r="D1" t="str"><f>A1</f><v>Formula</v></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="s"><v>2</v></c></row>',
        {
          sharedStrings: [
            '<si><t>Name</t></si>',
            '<si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>',
            '<si><t>Line one\nline two</t></si>',
          ],
        },
      ),
    );
    expect(read.sheet).toBe('Answers');
    expect(read.records).toEqual([
      ['Name', 'Rich text', ' Inline & spaced ', 'Formula'],
      ['TRUE', 'FALSE', '#N/A', 'Line one\nline two'],
    ]);
    // a shared-string cell with no index is blank, not the first string
    const blank = handmade('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v>0</v></c></row>', {
      sharedStrings: ['<si><t>x</t></si>'],
    });
    expect(rows(blank).records).toEqual([['x', '', 'x']]);
  });

  it('numbers in General format: at most 15 significant digits, so no float artefacts', () => {
    const read = rows(
      handmade(
        '<row r="1"><c r="A1"><v>3.0000000000000004</v></c><c r="B1"><v>0.30000000000000004</v></c><c r="C1"><v>2.9999999999999996</v></c><c r="D1"><v>11452402209</v></c><c r="E1"><v>-0</v></c><c r="F1"><v>1.5E-3</v></c><c r="G1"><v>4</v></c></row>',
      ),
    );
    expect(read.records).toEqual([['3', '0.3', '3', '11452402209', '0', '0.0015', '4']]);
    expect(generalNumber(1 / 3)).toBe('0.333333333333333');
    expect(generalNumber(123456789012345680)).toBe('123456789012346000');
  });

  it('dates and times as ISO strings in the workbook time, by the style of the cell (built-in and custom formats)', () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="m/d/yy h:mm:ss"/><numFmt numFmtId="165" formatCode="&quot;Day &quot;0.00"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="21"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="165"/></cellXfs>';
    // 45719 = 2025-03-03 (Excel: =DATE(2025,3,3)); 0.39386574074074 = 09:27:10 (=TIME(9,27,10))
    const read = rows(
      handmade(
        '<row r="1"><c r="A1" s="1"><v>45719</v></c><c r="B1" s="2"><v>0.39386574074074</v></c><c r="C1" s="3"><v>45719.39386574074</v></c><c r="D1" s="4"><v>45719</v></c><c r="E1" s="5"><v>45719</v></c><c r="F1" s="0"><v>45719</v></c><c r="G1" s="3"><v>45719.393865740740</v></c></row>',
        { styles },
      ),
    );
    expect(read.records).toEqual([['2025-03-03', '09:27:10', '2025-03-03T09:27:10', '2025-03-03T00:00:00', '45719', '45719', '2025-03-03T09:27:10']]);
  });

  it('the 1904 date system, and 1900 serials before March 1900 (Excel counts a 29 February 1900)', () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    // 44257 in the 1904 system = 2025-03-03 (45719 - 1462)
    expect(rows(handmade('<row r="1"><c r="A1" s="1"><v>44257</v></c></row>', { styles, date1904: true })).records).toEqual([['2025-03-03']]);
    expect(excelDate(1, { date: true, time: false }, false)).toBe('1900-01-01');
    expect(excelDate(59, { date: true, time: false }, false)).toBe('1900-02-28');
    expect(excelDate(61, { date: true, time: false }, false)).toBe('1900-03-01');
    expect(excelDate(0, { date: true, time: false }, true)).toBe('1904-01-01');
  });

  it('dateShape reads a format code: quoted text, escapes, colours and elapsed hours aside', () => {
    expect(dateShape('yyyy-mm-dd')).toEqual({ date: true, time: false });
    expect(dateShape('h:mm AM/PM')).toEqual({ date: false, time: true });
    expect(dateShape('[h]:mm:ss')).toEqual({ date: false, time: true });
    expect(dateShape('dd/mm/yyyy hh:mm')).toEqual({ date: true, time: true });
    expect(dateShape('mmm')).toEqual({ date: true, time: false });
    expect(dateShape('"Day "0.00')).toBeNull();
    expect(dateShape('[Red]#,##0.00')).toBeNull();
    expect(dateShape('0\\h')).toBeNull();
    expect(dateShape('General')).toBeNull();
    expect(dateShape('0%')).toBeNull();
  });

  it("gaps: missing cells are blank, blank rows are no records, and lines are the sheet's row numbers", () => {
    const read = rows(
      handmade(
        '<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c></row><row r="3"><c r="A3"/></row><row r="5"><c r="C5"><v>1</v></c></row><row><c><v>7</v></c></row>',
      ),
    );
    expect(read.records).toEqual([
      ['', 'b', ''],
      ['', '', '1'],
      ['7', '', ''],
    ]);
    expect(read.lines).toEqual([2, 5, 6]);
  });

  it('a merged range is its top-left cell, the rest blank (what the CSV holds)', () => {
    const read = rows(
      handmade(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Q1</t></is></c><c r="B1"/><c r="C1"/><c r="D1" t="inlineStr"><is><t>Q2</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"><is><t>y</t></is></c><c r="C2" t="inlineStr"><is><t>z</t></is></c><c r="D2" t="inlineStr"><is><t>Response</t></is></c></row>',
        { extra: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' },
      ),
    );
    expect(read.records[0]).toEqual(['Q1', '', '', 'Q2']);
  });

  it('elements under a namespace prefix (x:c) read the same', () => {
    const read = rows(
      handmade('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Hi</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>', { prefix: 'x' }),
    );
    expect(read.records).toEqual([['Hi', '2']]);
  });
});

describe('readWorkbook: sheets and refusals', () => {
  it('--sheet by name, by any case of the name, and by number; a missing one lists the sheets', async () => {
    const bytes = readFileSync(join(XLSX, 'sheets.xlsx'));
    expect(rows(bytes).sheet).toBe('About');
    expect(rows(bytes, 'Responses').sheet).toBe('Responses');
    expect(rows(bytes, 'RESPONSES').sheet).toBe('Responses');
    expect(rows(bytes, '2').sheet).toBe('Responses');
    expect(() => rows(bytes, 'Answers')).toThrow(
      'w.xlsx: has no sheet "Answers"; give --sheet one of its sheets\' names or numbers; its sheets are 1 "About", 2 "Responses"',
    );
    expect(() => rows(bytes, '0')).toThrow('has no sheet number 0');
  });

  it('the first sheet is the first one not hidden; --sheet counts every sheet, and the list marks the hidden ones', () => {
    const bytes = handmade('<row r="1"><c r="A1"><v>1</v></c></row>', {
      sheets: '<sheet name="Lookup" sheetId="2" state="veryHidden" r:id="rId9"/><sheet name="Answers" sheetId="1" r:id="rId1"/>',
    });
    expect(rows(bytes).sheet).toBe('Answers');
    expect(rows(bytes, '2').sheet).toBe('Answers');
    expect(() => rows(bytes, '1')).toThrow(
      'w.xlsx: sheet "Lookup" holds no cells (a chart or a damaged sheet); name the sheet that holds the responses with --sheet <name|number>; its sheets are 1 "Lookup" (hidden), 2 "Answers"',
    );
  });

  it('a workbook without sheets, an .xlsb, and a Word file (a zip of the same family) are named for what they are', () => {
    expect(() => rows(handmade('', { sheets: '' }))).toThrow('w.xlsx: is a workbook with no sheets');
    const officeRel = (target: string) =>
      strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`,
      );
    const xlsb = zipSync({ '_rels/.rels': officeRel('xl/workbook.bin'), 'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]) });
    expect(() => rows(xlsb)).toThrow('w.xlsx: is an Excel binary workbook (.xlsb), which align does not read; open it in Excel and save it');
    const docx = zipSync({
      '_rels/.rels': officeRel('word/document.xml'),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
    });
    expect(() => rows(docx)).toThrow('w.xlsx: is an Office file but not an Excel workbook (a Word or PowerPoint file?)');
  });

  it('a zip that is no workbook, damage inside the archive, and XML that is not well-formed: one line each', () => {
    expect(() => rows(zipSync({ 'readme.txt': strToU8('hello') }))).toThrow('w.xlsx: is a zip archive but not an Excel workbook');
    const good = handmade(`<row r="1"><c r="A1"><v>1</v></c></row>${'<row/>'.repeat(200)}`);
    const cut = Uint8Array.from(good);
    // the sheet's deflated data overwritten just after its local header: the part cannot be unpacked
    const at = Buffer.from(cut).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    cut.fill(0xff, at, at + 20);
    expect(() => rows(cut)).toThrow(/w\.xlsx: is a damaged workbook: its part .* (cannot be unpacked|is cut short|is not where)/);
    expect(() => rows(handmade('<row r="1"><c r="A1"><v>1</v></row>'))).toThrow(
      'w.xlsx: is a damaged workbook: its part xl/worksheets/sheet1.xml is not well-formed XML',
    );
  });

  it('a zip bomb stops once the cap is unpacked, whatever sizes the archive declares', () => {
    const bomb = handmade(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(4_000_000)}`);
    expect(() => readWorkbook(bomb, 'w.xlsx', { maxXmlBytes: 1_000_000 })).toThrow('w.xlsx: unpacks to more than 1000000 bytes');
    // the central directory claims each part is 10 bytes: the bytes themselves are counted
    const lying = Uint8Array.from(bomb);
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    expect(() => readWorkbook(lying, 'w.xlsx', { maxXmlBytes: 1_000_000 })).toThrow('w.xlsx: unpacks to more than 1000000 bytes');
    // under the cap, a run of text longer than any cell is refused before the XML parser holds it
    expect(() => readWorkbook(lying, 'w.xlsx')).toThrow(
      /w\.xlsx: is a damaged workbook: its part xl\/worksheets\/sheet1\.xml holds a text or a tag of more than \d+ characters/,
    );
  });

  it("a row numbered past Excel's last is a damaged sheet", () => {
    expect(() => rows(handmade('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))).toThrow(
      "w.xlsx: is a damaged workbook: its sheet has a row numbered past Excel's last (1048576)",
    );
  });

  it('a cell longer than a cell can be, and the run row limit, stop the parse at once', () => {
    const long = handmade(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(100_001)}</t></is></c></row>`);
    expect(() => rows(long)).toThrow(/w\.xlsx:1:"A": a cell holds more than/);
    const many = handmade(Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''));
    expect(() => readWorkbook(many, 'w.xlsx', { maxRecords: 10, tooMany: (line) => new Error(`too many at ${line}`) })).toThrow('too many at 11');
  });
});

describe('messages about a workbook name its sheet after the file', () => {
  it('an unknown Likert label: responses.xlsx:Sheet1:<row>:"<header>"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Name', 'Role', 'I know who owns each decision', 'Leadership speaks with one voice']);
    const labels = ['Agree', 'Disagree', 'Strongly agree', 'Neutral', 'Strongly disagree'];
    for (let i = 0; i < 12; i++) ws.addRow([`P${i}`, i < 3 ? 'Executive' : 'Manager', labels[i % 5], labels[(i + 2) % 5]]);
    ws.addRow(['P12', 'Manager', 'Agree-ish', 'Agree']);
    const path = join(dir, 'responses.xlsx');
    await wb.xlsx.writeFile(path);
    const e = await inputError(() => readDataset([path], { config: {}, skipInvalid: false }));
    expect(e.file).toBe(path);
    expect(e.line).toBe(14);
    expect(e.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:Sheet1:14:"I know who owns each decision": "Agree-ish"`));
    // one place words it: formatInputError, for every thrower
    expect(formatInputError(path, 3, 'Role', 'x')).toBe(`${path}:Sheet1:3:"Role": x`);
    expect(formatInputError(join(dir, 'other.csv'), 3, 'Role', 'x')).toBe(`${join(dir, 'other.csv')}:3:"Role": x`);
    expect(e).toBeInstanceOf(InputError);
  });
});

describe('each export as a workbook reads into the Dataset its CSV reads into', () => {
  const configs: Record<string, string> = { 'limesurvey.xlsx': 'limesurvey.align.yml', 'qualtrics-numeric.xlsx': 'northwind.align.yml' };
  const workbooks = readdirSync(XLSX).filter((f) => f.endsWith('.xlsx') && f !== 'sheets.xlsx');

  it('has a workbook for each of the fifteen synthetic exports', () => {
    expect(workbooks).toHaveLength(15);
  });

  for (const file of workbooks) {
    it(file, async () => {
      const text = readdirSync(EXPORTS).find((f) => f.replace(/\.(csv|txt)$/, '.xlsx') === file)!;
      const { parseConfig } = await import('../../src/ingest/config.js');
      const config = configs[file] ? parseConfig(readFileSync(join(EXPORTS, configs[file]!), 'utf8'), configs[file]!) : {};
      const csv = await readDataset([join(EXPORTS, text)], { config, skipInvalid: true });
      const xlsx = await readDataset([join(XLSX, file)], { config, skipInvalid: true });
      expect(xlsx.files[0]).toMatchObject({
        encoding: null,
        delimiter: null,
        bom: false,
        sheet: 'Sheet1',
        format: csv.files[0]!.format,
        rows: csv.files[0]!.rows,
      });
      // the records themselves: the CSV parse and the sheet give the same cells, one sheet row per record
      const a = await readTable(join(EXPORTS, text));
      const b = await readTable(join(XLSX, file));
      // but for the cells the tools' Excel exports type: Microsoft Forms' times are date cells, read
      // as ISO strings (3/3/25 9:27:10 is 2025-03-03T09:27:10), Qualtrics' Finished booleans (TRUE)
      const typed = (cell: string): string => {
        const d = /^(\d{1,2})\/(\d{1,2})\/(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(cell);
        if (d) return `20${d[3]}-${d[1]!.padStart(2, '0')}-${d[2]!.padStart(2, '0')}T${d[4]!.padStart(2, '0')}:${d[5]}:${d[6]}`;
        return /^(true|false)$/i.test(cell) ? cell.toUpperCase() : cell;
      };
      expect(b.records).toEqual(a.records.map((r, i) => (i === 0 ? r : r.map(typed))));
      expect(b.lines).toEqual(b.records.map((_, i) => i + 1));
      // the Dataset, with the CSV's physical lines (a quoted cell may span several) read as the sheet's rows
      const row = new Map(a.lines.map((line, i) => [line, b.lines[i]!]));
      const same = (d: typeof csv, path: string, lineOf: (n: number) => number) =>
        JSON.stringify({ ...d, files: null }, (key, value) => {
          if (key === 'line' && typeof value === 'number') return lineOf(value);
          if (key === 'lines' && Array.isArray(value)) return value.map(lineOf);
          if (key === 'key' && typeof value === 'string' && value.startsWith(`${path}:`)) return `FILE:${lineOf(Number(value.slice(path.length + 1)))}`;
          return value;
        })
          .split(path)
          .join('FILE');
      expect(same(xlsx, join(XLSX, file), (n) => n)).toBe(same(csv, join(EXPORTS, text), (n) => row.get(n) ?? -n));
    });
  }

  it('surveymonkey.xlsx merges each question across its options, and microsoft-forms.xlsx holds real date cells', () => {
    const parts = (file: string) => unzipSync(readFileSync(join(XLSX, file)));
    const monkey = new TextDecoder().decode(parts('surveymonkey.xlsx')['xl/worksheets/sheet1.xml']);
    expect(monkey).toMatch(/<mergeCell ref="M1:R1"\/>/);
    const forms = parts('microsoft-forms.xlsx');
    const sheet = new TextDecoder().decode(forms['xl/worksheets/sheet1.xml']);
    // B2 (Start time) is a number in a date style, not text
    const b2 = /<c r="B2"([^>]*)><v>([^<]*)<\/v>/.exec(sheet);
    expect(b2?.[1]).not.toMatch(/t="/);
    expect(Number(b2?.[2])).toBeCloseTo(45719.39386574074, 9);
    expect(new TextDecoder().decode(forms['xl/styles.xml'])).toContain('formatCode="m/d/yy h:mm:ss"');
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
