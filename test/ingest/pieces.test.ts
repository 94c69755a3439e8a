// A file larger than one piece (src/ingest/table.ts, PIECE_BYTES) is read a piece at a
// time: the first piece decides the encoding, the delimiter and the column plan, and
// the later pieces are read by that plan. Reading the committed exports in small pieces
// must give the very Dataset that reading them whole gives, or stop with a one-line
// InputError (a later piece the plan cannot read): never a different reading in silence.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ROWS, maxRowsFor, ROW_BYTES_AT_PEAK } from '../../src/defaults.js';
import { InputError } from '../../src/errors.js';
import { loadConfig } from '../../src/ingest/config.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { readTable } from '../../src/ingest/table.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const files = [
  ...readdirSync(join(FIXTURES, 'exports'))
    .filter((f) => /\.(csv|tsv|txt)$/.test(f))
    .map((f) => join(FIXTURES, 'exports', f)),
  ...readdirSync(join(FIXTURES, 'issue10'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(FIXTURES, 'issue10', f)),
  join(FIXTURES, 'plain-wide-1k.csv'),
];

async function configFor(file: string) {
  const yml = file.replace(/\.(csv|tsv|txt)$/, '.align.yml');
  return existsSync(yml) ? await loadConfig(yml) : {};
}

async function outcome(file: string, pieceBytes?: number) {
  try {
    return {
      dataset: await readDataset([file], { config: await configFor(file), skipInvalid: false, ...(pieceBytes ? { pieceBytes, headRecords: 12 } : {}) }),
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e.message };
  }
}

describe('reading a file in pieces', () => {
  for (const file of files) {
    const name = file.slice(FIXTURES.length + 1);
    it(`${name}: pieces of a third of the file, the first holding 12 records, give the whole file's Dataset`, async () => {
      const whole = await outcome(file);
      const size = statSync(file).size;
      const pieces = await outcome(file, Math.max(64, Math.floor(size / 3)));
      expect(pieces).toEqual(whole);
    });
  }

  it('keeps a quoted cell with line breaks and quotes whole when a piece ends inside it, and counts lines across pieces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-pieces-'));
    const file = join(dir, 'quoted.csv');
    const rows = ['id,department,comment'];
    for (let i = 0; i < 300; i++) rows.push(`${i},Sales,"line one of ${i}\r\nline ""two""\nline three, with a comma"`);
    writeFileSync(file, `${rows.join('\r\n')}\r\n`);
    const whole = await readTable(file);
    for (const pieceBytes of [64, 97, 1000]) {
      const read = await readTable(file, { pieceBytes, headRecords: 2 });
      expect(read.records).toEqual(whole.records);
      expect(read.lines).toEqual(whole.lines);
    }
    expect(whole.lines[300]).toBe(2 + 299 * 3);
  });

  it('joins a UTF-8 character cut in two by the end of a piece, and a UTF-16 file read in pieces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-pieces-'));
    const text = `name,department\n${Array.from({ length: 200 }, (_, i) => `Zoë Ångström ${i},Ventes — Europe`).join('\n')}\n`;
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, text);
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const whole = await readTable(utf8);
    for (const pieceBytes of [101, 333]) {
      expect((await readTable(utf8, { pieceBytes, headRecords: 2 })).records).toEqual(whole.records);
      expect((await readTable(utf16, { pieceBytes, headRecords: 2 })).records).toEqual(whole.records);
    }
  });

  it("stops at a later piece that is not in the first piece's encoding, naming its line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-pieces-'));
    const file = join(dir, 'mixed.csv');
    const ascii = Array.from({ length: 100 }, (_, i) => `Person ${i},Sales`).join('\n');
    writeFileSync(file, Buffer.concat([Buffer.from(`name,department\n${ascii}\n`), Buffer.from('Jos\xe9,Ventas\n', 'latin1')]));
    await expect(readTable(file, { pieceBytes: 256, headRecords: 2 })).rejects.toThrow(
      /:102: byte 0xE9 \(offset \d+\) is not UTF-8, though the start of the file is; .*--encoding windows-1252/,
    );
    expect(readFileSync(file).length).toBeGreaterThan(256);
  });
});

describe('the most rows one run reads', () => {
  it('stops with one line naming the file and the line where the limit is passed, in a later piece or across files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-rows-'));
    const file = join(dir, 'many.csv');
    writeFileSync(file, `name,role,department,Q1,Q2,Q3\n${Array.from({ length: 400 }, (_, i) => `P${i},Manager,Sales,1,2,3`).join('\n')}\n`);
    const options = { config: {}, skipInvalid: false, pieceBytes: 512, headRecords: 20 };
    await expect(readDataset([file], { ...options, maxRows: 399 })).rejects.toThrow(
      /many\.csv:\d+: the input files hold more than 399 data rows, more than align holds in this process.s memory; audit the survey in parts/,
    );
    expect((await readDataset([file], { ...options, maxRows: 400 })).respondents).toHaveLength(400);
    // two files of 400 rows each against a limit of 700: the second file passes it
    await expect(readDataset([file, file], { ...options, maxRows: 700 })).rejects.toThrow(/more than 700 data rows/);
  });
});

describe('maxRowsFor', () => {
  it('gives as many rows as the heap limit holds at ROW_BYTES_AT_PEAK each, never more than MAX_ROWS', () => {
    // 2 GB of heap (V8's default on an 8 GB machine) at 6 KB a row: 333,333 rows
    expect(maxRowsFor(2_000_000_000)).toBe(Math.floor(2_000_000_000 / ROW_BYTES_AT_PEAK));
    expect(maxRowsFor(2_000_000_000)).toBe(333_333);
    expect(maxRowsFor(1e13)).toBe(MAX_ROWS);
    expect(maxRowsFor(0)).toBe(1);
  });
});
