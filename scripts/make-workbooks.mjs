#!/usr/bin/env node
// Writes test/fixtures/xlsx/: each synthetic Northwind export of
// test/fixtures/exports/ (copies of ../shared/fixtures/exports/) saved as an
// .xlsx workbook the way the survey tools save theirs, and the bad workbooks
// align must refuse with one line. Needs `npm run build` first: the CSV is
// read with align's own reader (dist/ingest/table.js), so the workbook holds
// exactly the records the CSV parse gives, one row each.
//
//   - cells that a tool writes as numbers (ids, numeric answers, ranks: a
//     plain number that prints back as written) are number cells, the rest text;
//   - surveymonkey.xlsx has SurveyMonkey's two header rows, each question
//     merged across the columns of its options, as its Excel export does;
//   - microsoft-forms.xlsx has its Start, Completion and Last modified times
//     as real date cells (m/d/yy h:mm:ss), as "Open in Excel" gives them;
//   - qualtrics.xlsx has its Finished column as boolean cells;
//   - sheets.xlsx holds an "About" sheet first and the Microsoft Forms
//     responses second, for --sheet by name and by number.
//
// Bad workbooks (bad/): a password-protected one (an OLE compound file holding
// EncryptionInfo and EncryptedPackage streams, as Office writes it), an Excel
// 97-2003 .xls (an OLE file with a BIFF8 Workbook stream), a truncated .xlsx,
// an OpenDocument .ods, and a workbook whose first sheet is empty.
//
// `node scripts/make-workbooks.mjs --bench <file.xlsx>` writes instead a
// 10,000-row survey workbook (seeded) for measuring readers.
//
// Deterministic in content (fixed dates, a seeded generator); the zip's own
// timestamps are the writer's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { tableFromBytes } from '../dist/ingest/table.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXPORTS = join(ROOT, 'test/fixtures/exports');
const OUT = join(ROOT, 'test/fixtures/xlsx');
const FIXED = new Date(Date.UTC(2025, 2, 1));

/** The files of ../shared/fixtures/exports/ (copied into test/fixtures/exports/). */
const FILES = [
  'google-forms.csv',
  'google-forms-semicolon.csv',
  'limesurvey.csv',
  'limesurvey-fulltext.csv',
  'microsoft-forms.csv',
  'microsoft-forms-utf16le.txt',
  'microsoft-forms-windows1252.csv',
  'northwind-canonical.csv',
  'northwind-channels-long.csv',
  'northwind-rankings-long.csv',
  'northwind-respondents.csv',
  'qualtrics.csv',
  'qualtrics-numeric.csv',
  'surveymonkey.csv',
  'typeform.csv',
];

/** A seeded generator (a 32-bit LCG): the same numbers every run. */
function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A plain number a tool writes as a number cell: it prints back exactly as written. */
function asNumber(cell) {
  if (!/^-?(0|[1-9]\d{0,14})(\.\d*[1-9])?$/.test(cell)) return null;
  const n = Number(cell);
  return String(n) === cell ? n : null;
}

/** Microsoft Forms' `3/3/25 9:27:10` as the date it names (the wall clock, as a UTC Date: exceljs writes it as such). */
function formsDate(cell) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(cell);
  if (!m) return null;
  return new Date(Date.UTC(2000 + Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])));
}

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'align test fixtures';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

/** One export as a workbook: its records as rows, cells typed as the tool's Excel export types them. */
async function exportWorkbook(file) {
  const table = tableFromBytes(readFileSync(join(EXPORTS, file)), file);
  const wb = workbook();
  const ws = wb.addWorksheet('Sheet1');
  fillSheet(ws, file, table.records);
  return wb;
}

function fillSheet(ws, file, records) {
  const header = records[0];
  const dateColumns = file.startsWith('microsoft-forms')
    ? new Set(header.map((h, i) => (/^(start time|completion time|last modified time)$/i.test(h.trim()) ? i : -1)).filter((i) => i >= 0))
    : new Set();
  const booleanColumns = file === 'qualtrics.csv' ? new Set(header.map((h, i) => (h === 'Finished' ? i : -1)).filter((i) => i >= 0)) : new Set();
  records.forEach((record, r) => {
    const row = ws.getRow(r + 1);
    record.forEach((cell, c) => {
      if (cell === '') return;
      const target = row.getCell(c + 1);
      const date = r > 0 && dateColumns.has(c) ? formsDate(cell) : null;
      if (date) {
        target.value = date;
        target.numFmt = 'm/d/yy h:mm:ss';
      } else if (r > 0 && booleanColumns.has(c) && /^(true|false)$/i.test(cell)) {
        target.value = /^true$/i.test(cell);
      } else {
        const n = asNumber(cell);
        target.value = n ?? cell;
      }
    });
    row.commit();
  });
  if (file === 'surveymonkey.csv') {
    // SurveyMonkey's first header row: each question merged across its options' columns (row 2 names them)
    const width = Math.max(...records.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      if ((header[c] ?? '') === '') continue;
      let end = c;
      while (end + 1 < width && (header[end + 1] ?? '') === '') end++;
      if (end > c) ws.mergeCells(1, c + 1, 1, end + 1);
      c = end;
    }
  }
}

// ---------------------------------------------------------------- OLE compound files

/**
 * A minimal OLE compound file (MS-CFB, version 3, 512-byte sectors) holding
 * the given streams, each at least 4,096 bytes so it lives in regular sectors:
 * what Office wraps a password-protected workbook in, and what an .xls is.
 */
function compoundFile(streams) {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const sectorsOf = (n) => Math.ceil(n / SECTOR);
  // sector 0: the FAT; sector 1: the directory; then each stream's sectors
  let next = 2;
  const placed = streams.map((s) => {
    const start = next;
    next += sectorsOf(s.data.length);
    return { ...s, start };
  });
  const fat = new Uint32Array(SECTOR / 4).fill(FREE);
  fat[0] = FATSECT;
  fat[1] = END;
  for (const s of placed) {
    const n = sectorsOf(s.data.length);
    for (let i = 0; i < n; i++) fat[s.start + i] = i === n - 1 ? END : s.start + i + 1;
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const directory = Buffer.alloc(SECTOR);
  const entry = (index, name, type, child, right, start, size) => {
    const at = index * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1; // black
    directory.writeUInt32LE(FREE, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  // the root's child is the first stream; each stream's right sibling the next (names ordered by length, then case-blind)
  entry(0, 'Root Entry', 5, 1, FREE, END, 0);
  for (const [i, s] of placed.entries()) entry(i + 1, s.name, 2, FREE, i + 1 < placed.length ? i + 2 : FREE, s.start, s.data.length);
  for (let i = placed.length + 1; i < 4; i++) {
    directory.writeUInt32LE(FREE, i * 128 + 68);
    directory.writeUInt32LE(FREE, i * 128 + 72);
    directory.writeUInt32LE(FREE, i * 128 + 76);
  }
  const body = placed.map((s) => {
    const b = Buffer.alloc(sectorsOf(s.data.length) * SECTOR);
    s.data.copy(b);
    return b;
  });
  return Buffer.concat([header, Buffer.from(fat.buffer), directory, ...body]);
}

function randomBytes(n, random) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(random() * 256);
  return b;
}

/** A password-protected workbook: Office's agile encryption wrapper (the XML descriptor, then the encrypted package). */
function encryptedWorkbook(random) {
  const descriptor = Buffer.alloc(4096);
  descriptor.writeUInt16LE(4, 0); // version 4.4: agile encryption
  descriptor.writeUInt16LE(4, 2);
  descriptor.writeUInt32LE(0x40, 4);
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>',
  ).copy(descriptor, 8);
  const packageBytes = randomBytes(8192, random);
  packageBytes.writeUInt32LE(7000, 0); // the decrypted size
  packageBytes.writeUInt32LE(0, 4);
  return compoundFile([
    { name: 'EncryptionInfo', data: descriptor },
    { name: 'EncryptedPackage', data: packageBytes },
  ]);
}

/** An Excel 97-2003 workbook: a Workbook stream opening with a BIFF8 BOF record. */
function biffWorkbook() {
  const stream = Buffer.alloc(4096);
  stream.writeUInt16LE(0x0809, 0); // BOF
  stream.writeUInt16LE(16, 2);
  stream.writeUInt16LE(0x0600, 4); // BIFF8
  stream.writeUInt16LE(0x0005, 6); // workbook globals
  stream.writeUInt16LE(0x000a, 20); // EOF
  return compoundFile([{ name: 'Workbook', data: stream }]);
}

/** An OpenDocument spreadsheet: `mimetype` stored first, then its content. */
function odsFile() {
  const text = (s) => new TextEncoder().encode(s);
  return Buffer.from(
    zipSync(
      {
        mimetype: [text('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
        'content.xml': text(
          '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
        ),
        'META-INF/manifest.xml': text(
          '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        ),
      },
      { mtime: FIXED },
    ),
  );
}

// ---------------------------------------------------------------- the bench workbook

async function benchWorkbook(path) {
  const random = seeded(20251129);
  const labels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
  const wb = workbook();
  const ws = wb.addWorksheet('Sheet1');
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'What is your role?', 'Which department do you work in?'];
  for (let i = 1; i <= 25; i++) header.push(`Statement ${i} about the leadership team`);
  for (let i = 1; i <= 8; i++) header.push(`Rank these priorities [Priority ${i}]`);
  ws.addRow(header);
  for (let r = 0; r < 10_000; r++) {
    const start = new Date(Date.UTC(2025, 2, 3, 9, 0, 0) + r * 61_000);
    const row = [r + 1, start, new Date(start.getTime() + 300_000), `person${r}@example.com`, `Person ${r}`];
    row.push(random() < 0.05 ? 'Executive' : 'Manager', ['Sales', 'Product', 'Operations'][r % 3]);
    for (let i = 0; i < 25; i++) row.push(labels[Math.floor(random() * 5)]);
    const ranks = [1, 2, 3, 4, 5, 6, 7, 8];
    for (let i = ranks.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
    }
    row.push(...ranks);
    ws.addRow(row);
  }
  ws.getColumn(2).numFmt = 'm/d/yy h:mm:ss';
  ws.getColumn(3).numFmt = 'm/d/yy h:mm:ss';
  await wb.xlsx.writeFile(path);
}

// ---------------------------------------------------------------- main

const bench = process.argv.indexOf('--bench');
if (bench >= 0) {
  await benchWorkbook(process.argv[bench + 1] ?? 'bench-10k.xlsx');
} else {
  mkdirSync(join(OUT, 'bad'), { recursive: true });
  for (const file of FILES) {
    const wb = await exportWorkbook(file);
    await wb.xlsx.writeFile(join(OUT, file.replace(/\.(csv|txt)$/, '.xlsx')));
  }
  // --sheet: an "About" sheet first, the responses second
  const sheets = workbook();
  const about = sheets.addWorksheet('About');
  about.addRow(['Northwind Outfitters alignment survey']);
  about.addRow(['Exported from Microsoft Forms on 3/10/25']);
  fillSheet(sheets.addWorksheet('Responses'), 'microsoft-forms.csv', tableFromBytes(readFileSync(join(EXPORTS, 'microsoft-forms.csv')), 'x').records);
  await sheets.xlsx.writeFile(join(OUT, 'sheets.xlsx'));

  const random = seeded(14);
  writeFileSync(join(OUT, 'bad/encrypted.xlsx'), encryptedWorkbook(random));
  writeFileSync(join(OUT, 'bad/old-excel.xls'), biffWorkbook());
  const whole = readFileSync(join(OUT, 'microsoft-forms.xlsx'));
  writeFileSync(join(OUT, 'bad/truncated.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(join(OUT, 'bad/spreadsheet.ods'), odsFile());
  const empty = workbook();
  empty.addWorksheet('Sheet1');
  fillSheet(empty.addWorksheet('Sheet2'), 'microsoft-forms.csv', tableFromBytes(readFileSync(join(EXPORTS, 'microsoft-forms.csv')), 'x').records);
  await empty.xlsx.writeFile(join(OUT, 'bad/empty-first-sheet.xlsx'));
}
