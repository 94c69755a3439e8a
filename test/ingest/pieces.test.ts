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
import { likertRecord } from '../../src/ingest/answers.js';
import { loadConfig } from '../../src/ingest/config.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { readTable } from '../../src/ingest/table.js';
import type { Dataset } from '../../src/ingest/types.js';

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
// Real exports stay in ../shared (public samples, SOURCE.md there): read when ../shared is beside the checkout.
const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'exports', 'real');
const realFiles = existsSync(REAL)
  ? readdirSync(REAL)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(REAL, f))
  : [];

async function configFor(file: string) {
  const yml = file.replace(/\.(csv|tsv|txt)$/, '.align.yml');
  return existsSync(yml) ? await loadConfig(yml) : {};
}

/** A dataset with its respondents' Likert answers as records: packed answers (src/ingest/answers.ts) sit in each piece's own sheet. */
function answersAsRecords(dataset: Dataset): Dataset {
  return { ...dataset, respondents: dataset.respondents.map((r) => ({ ...r, likert: likertRecord(r.likert) })) };
}

async function outcome(file: string, pieceBytes?: number, threads: 1 | 2 = 1) {
  try {
    return {
      dataset: answersAsRecords(
        await readDataset([file], {
          config: await configFor(file),
          skipInvalid: false,
          ...(pieceBytes ? { pieceBytes, headRecords: 12 } : {}),
          // two threads: a helper reads from a line end past the middle (src/ingest/parallel.ts), whatever the size
          ...(threads === 2 ? { parallelBytes: 0 } : {}),
        }),
      ),
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e.message };
  }
}

describe('reading a file in pieces', () => {
  for (const file of files) {
    const name = file.slice(FIXTURES.length + 1);
    it(`${name}: pieces of a third of the file, the first holding 12 records, give the whole file's Dataset, by one thread and by two`, async () => {
      const whole = await outcome(file);
      const size = statSync(file).size;
      const pieces = await outcome(file, Math.max(64, Math.floor(size / 3)));
      expect(pieces).toEqual(whole);
      const twoThreads = await outcome(file, Math.max(64, Math.floor(size / 3)), 2);
      expect(twoThreads).toEqual(whole);
    });
  }

  // the food-world-cup sample answers "N/A" only, in its first rows, to one country that later rows rate: read, not dropped
  describe.skipIf(realFiles.length === 0)('real exports (../shared/fixtures/exports/real)', () => {
    for (const file of realFiles) {
      it(`${file.slice(REAL.length + 1)}: pieces of a third of the file, the first holding 12 records, give the whole file's Dataset, by one thread and by two`, async () => {
        const whole = await outcome(file);
        const pieces = await outcome(file, Math.max(64, Math.floor(statSync(file).size / 3)));
        expect(pieces).toEqual(whole);
        expect(await outcome(file, Math.max(64, Math.floor(statSync(file).size / 3)), 2)).toEqual(whole);
      });
    }
  });

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

  it("judges a later piece that is not in the first piece's encoding on the whole file, as reading it whole does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-pieces-'));
    const file = join(dir, 'mixed.csv');
    const ascii = Array.from({ length: 100 }, (_, i) => `Person ${i},Sales`).join('\n');
    writeFileSync(file, Buffer.concat([Buffer.from(`name,department\n${ascii}\n`), Buffer.from('Jos\xe9,Ventas\n', 'latin1')]));
    expect(readFileSync(file).length).toBeGreaterThan(256);
    const whole = await readTable(file);
    const pieces = await readTable(file, { pieceBytes: 256, headRecords: 2 });
    // one byte above 0x7F, and not UTF-8: the file is Windows-1252 (decode.ts), read whole or in pieces
    expect(whole.encoding).toBe('windows-1252');
    expect(pieces.encoding).toBe('windows-1252');
    expect(pieces.records).toEqual(whole.records);
    expect(pieces.records.at(-1)).toEqual(['José', 'Ventas']);
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
    // 2 GB of heap (V8's default on an 8 GB machine) at 3 KB a row: 666,666 rows
    expect(maxRowsFor(2_000_000_000)).toBe(Math.floor(2_000_000_000 / ROW_BYTES_AT_PEAK));
    expect(maxRowsFor(2_000_000_000)).toBe(666_666);
    expect(maxRowsFor(1e13)).toBe(MAX_ROWS);
    expect(maxRowsFor(0)).toBe(1);
  });
});

// A later piece the first piece's plan cannot read as the whole file's plan would (black-box QA,
// issue 13): the file is read again with a larger first piece, so it reads as it does whole; past
// the largest first piece, the contradiction is the error, naming its line and the fix.
describe('a later piece that contradicts the first piece', () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-contradict-'));
  const header = 'respondent_id,name,role,department,Q1,Q2,Q3,Q4';
  const row = (i: number, q4: string, q1 = String(1 + (i % 4))) =>
    `R${i},Person ${i},${i < 6 ? 'Executive' : 'Manager'},${['Sales', 'Ops', 'Legal'][i % 3]},${q1},${1 + ((i * 7) % 4)},${1 + ((i * 3) % 4)},${q4}`;
  const options = { config: {}, skipInvalid: false, pieceBytes: 256, headRecords: 20 };

  async function same(file: string) {
    const whole = await outcome(file);
    let pieces: Awaited<ReturnType<typeof outcome>>;
    try {
      pieces = { dataset: answersAsRecords(await readDataset([file], options)) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      pieces = { error: e.message };
    }
    expect(pieces).toEqual(whole);
    return whole;
  }

  it('a question nobody answers in the first piece, answered later, is read (not dropped)', async () => {
    const file = join(dir, 'late-question.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, i < 150 ? '' : String(1 + (i % 5)))).join('\n')}\n`);
    const whole = await same(file);
    expect(whole.dataset!.items.map((i) => i.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('answers above the range the first piece showed widen the scale as they do whole', async () => {
    // fifteen 5s late in the file: over 1% of the 1,200 answers, so a real point (a lone 5 over 1..4 is outlying)
    const file = join(dir, 'late-five.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, '2', i >= 240 && i % 4 === 0 ? '5' : undefined)).join('\n')}\n`);
    const whole = await same(file);
    expect(whole.dataset!.items.find((i) => i.id === 'Q1')!.points).toBe(5);
  });

  it('a lone answer one above the range (a 5 over 1..4, late in the file) stops at its cell as it does whole', async () => {
    const file = join(dir, 'late-lone-five.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, '2', i === 250 ? '5' : undefined)).join('\n')}\n`);
    const whole = await same(file);
    expect(whole.error).toMatch(/late-lone-five\.csv:252:"Q1": 5 is off the 1\.\.4 scale read from the answers/);
  });

  // A read-only review: a first piece holding more of a rare answer than the file does (three 5s among its first
  // rows: 1% of its answers, 0.25% of the file's) read the group on 1..5, and every later answer read on it, so
  // nothing made it plan again: exit 0 where the file read whole stops at the first 5, off its 1..4.
  it('a rare answer the first piece holds more of than the file: the range over every answer decides, as whole', async () => {
    const file = join(dir, 'rare-five.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, '2', i < 3 ? '5' : undefined)).join('\n')}\n`);
    const whole = await same(file);
    expect(whole.error).toMatch(/rare-five\.csv:2:"Q1": 5 is off the 1\.\.4 scale read from the answers/);
  });

  it('past the largest first piece, such a rare answer stops the run, saying the range the whole file reads', async () => {
    const file = join(dir, 'rare-five-big.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, '2', i < 3 ? '5' : undefined)).join('\n')}\n`);
    await expect(readDataset([file], { ...options, largestHead: 256 })).rejects.toThrow(
      /rare-five-big\.csv:"Q1": "Q1" … "Q4" \(4 columns\) read as 1\.\.5 from the first 256 bytes of the file, but over the whole file 5 \(0\.25% of the answers\) is too rare to be a point of the scale: the file reads 1\.\.4; settle the scale in align\.yml/,
    );
  });

  // The same review: a grid whose first rows happen to hold permutations of 1..3 read as a ranking from the
  // first piece, and the later rows (ratings that repeat) read as ranks with ties, so nothing made it plan again.
  const grid = (i: number) => {
    const perms = ['1,2,3', '2,3,1', '3,1,2', '1,3,2', '2,1,3', '3,2,1'];
    const cells = i < 40 ? perms[i % 6]! : [1 + (i % 3), 1 + ((i * 7) % 3), 1 + ((i * 5) % 2)].join(',');
    return `R${i},Person ${i},${i < 6 ? 'Executive' : 'Manager'},${['Sales', 'Ops', 'Legal'][i % 3]},${cells}`;
  };
  const gridHeader = 'respondent_id,name,role,department,P1,P2,P3';

  it('columns whose first rows look ranked and whose whole file does not: read as the whole file reads them', async () => {
    const file = join(dir, 'ranked-early.csv');
    writeFileSync(file, `${gridHeader}\n${Array.from({ length: 300 }, (_, i) => grid(i)).join('\n')}\n`);
    const whole = await same(file);
    // whole: three rating questions, no ranking
    expect(whole.dataset!.items.map((i) => i.id)).toEqual(['P1', 'P2', 'P3']);
    expect(whole.dataset!.priorities).toEqual([]);
  });

  it('past the largest first piece, such columns stop the run, saying how to settle what they are', async () => {
    const file = join(dir, 'ranked-early-big.csv');
    writeFileSync(file, `${gridHeader}\n${Array.from({ length: 300 }, (_, i) => grid(i)).join('\n')}\n`);
    await expect(readDataset([file], { ...options, largestHead: 256 })).rejects.toThrow(
      /ranked-early-big\.csv:"P1": "P1" … "P3" \(3 columns\) read as one ranking from the first 256 bytes of the file, whose rows hold ranks 1\.\.3 with few ties, but over the whole file [\d,]+ of [\d,]+ rows do not; say what they are in align\.yml/,
    );
  });

  it('past the largest first piece, stops with one line naming the row and the align.yml fix', async () => {
    const file = join(dir, 'late-question-big.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, i < 290 ? '' : '3')).join('\n')}\n`);
    await expect(readDataset([file], { ...options, largestHead: 256 })).rejects.toThrow(
      /late-question-big\.csv:292:"Q4": the column has no answer in the first \d+ rows, from which align decides what each column holds, but this row answers it; say what it holds in align\.yml under columns/,
    );
  });

  // Black-box QA: past the largest first piece (16 MiB), --skip-invalid stopped at a bad cell with a message telling
  // the user to pass --skip-invalid. Leaving the row out would be a guess there (a review: a scale point first used
  // past 16 MiB was left out in silence, 25,093 rows), so the run still stops, saying why and what settles it.
  it('past the largest first piece, --skip-invalid stops at a cell the plan cannot read, saying why and how to split the file', async () => {
    const file = join(dir, 'late-banana.csv');
    writeFileSync(file, `${header}\n${Array.from({ length: 300 }, (_, i) => row(i, '2', i === 280 ? 'banana' : undefined)).join('\n')}\n`);
    // read whole, the row is left out
    const whole = await readDataset([file], { config: {}, skipInvalid: true });
    expect(whole.excluded.filter((e) => e.kind === 'invalid').map((e) => e.line)).toEqual([282]);
    const late = readDataset([file], { ...options, skipInvalid: true, largestHead: 256 });
    await expect(late).rejects.toThrow(
      /late-banana\.csv:282:"Q1": "banana" is not a number .*; --skip-invalid cannot leave this row out: it lies past the first 256 bytes of the file/,
    );
    await expect(late).rejects.toThrow(/split the file into parts of at most 256 bytes and give align them all \(align audit part1\.csv part2\.csv …\)/);
    // without the flag, the cell's own error, as whole
    await expect(readDataset([file], { ...options, largestHead: 256 })).rejects.toThrow(
      /late-banana\.csv:282:"Q1": "banana" is not a number .*pass --skip-invalid/,
    );
  });

  it('a stray byte after a UTF-8 first piece, in a file that is otherwise UTF-8, stops as it does when read whole', async () => {
    const file = join(dir, 'late-stray.csv');
    // accented names throughout (UTF-8), then one Latin-1 byte: a mistake to point at, not another encoding
    const utf8 = Array.from({ length: 300 }, (_, i) => row(i, '2').replace(`Person ${i}`, `Zoë ${i}`)).join('\n');
    writeFileSync(file, Buffer.concat([Buffer.from(`${header}\n${utf8}\n`), Buffer.from('R999,Jos\xe9 Diaz,Manager,Sales,1,2,3,4\n', 'latin1')]));
    const whole = await same(file);
    expect(whole.error).toMatch(/:302:"name": byte 0xE9 .* is not UTF-8, though the rest of the file is/);
  });
});
