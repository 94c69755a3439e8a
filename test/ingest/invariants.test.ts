/**
 * What must not change (STYLE.md habit 3): shuffling the rows of a long file,
 * reordering the columns of a wide file, or saving the same file in another
 * encoding, delimiter or line ending.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { assembleDataset, readDataset, readInput } from '../../src/ingest/dataset.js';
import type { Dataset, EncodingLabel } from '../../src/ingest/types.js';
import { seeded, shuffled, tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const read = (path: string) => readDataset([path], { config: {}, skipInvalid: false });

/** Everything about a respondent except where in the file it was. */
function people(d: Dataset): Record<string, unknown> {
  return Object.fromEntries(d.respondents.map((r) => [r.toolId ?? r.name, { name: r.name, role: r.role, department: r.department, stack: r.stack }]));
}

const keys = (d: Dataset) => d.priorities.map((p) => p.key).sort();
const names = (d: Dataset) => Object.fromEntries(d.priorities.map((p) => [p.key, p.name]));

describe('shuffling the rows of a long file changes no stack', () => {
  test.each([1, 2, 3])('aw-leaders-managers.csv, shuffle seed %d', async (seed) => {
    const original = await read('test/fixtures/rankings/aw-leaders-managers.csv');
    const [header, ...rows] = readFileSync('test/fixtures/rankings/aw-leaders-managers.csv', 'utf8').trimEnd().split('\n');
    const path = tmp.write(`managers-shuffled-${seed}.csv`, [header, ...shuffled(rows, seeded(seed))].join('\n') + '\n');
    const shuffledData = await read(path);
    expect(people(shuffledData)).toEqual(people(original));
    expect(keys(shuffledData)).toEqual(keys(original));
    expect(names(shuffledData)).toEqual(names(original));
    expect(shuffledData.excluded).toEqual([]);
  });

  test('aw-names-messy.csv reversed: the same stacks and priorities', async () => {
    const original = await read('test/fixtures/rankings/aw-names-messy.csv');
    const [header, ...rows] = readFileSync('test/fixtures/rankings/aw-names-messy.csv', 'utf8').trimEnd().split('\n');
    const path = tmp.write('messy-reversed.csv', [header, ...rows.reverse()].join('\n') + '\n');
    const reversed = await read(path);
    expect(people(reversed)).toEqual(people(original));
    expect(keys(reversed)).toEqual(keys(original));
    // A shown name is the most used spelling; equally used spellings go to the one
    // seen first (ARCHITECTURE.md), so only a clear favourite survives reversal.
    expect(names(reversed)['grow revenue']).toBe('Grow revenue');
  });
});

describe('reordering the columns of a wide file changes nothing', () => {
  const source = readFileSync('test/fixtures/rankings/aw-wide-ties.csv', 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));

  test.each([1, 2, 3])('aw-wide-ties.csv, column order seed %d', async (seed) => {
    const original = await read('test/fixtures/rankings/aw-wide-ties.csv');
    const order = shuffled(
      source[0]!.map((_, i) => i),
      seeded(seed),
    );
    const path = tmp.write(`wide-${seed}.csv`, source.map((cells) => order.map((i) => cells[i]).join(',')).join('\n') + '\n');
    const reordered = await read(path);
    expect(reordered.respondents.map(({ file: _f, likert, ...r }) => ({ ...r, likert: likertRecord(likert) }))).toEqual(
      original.respondents.map(({ file: _f, likert, ...r }) => ({ ...r, likert: likertRecord(likert) })),
    );
    expect(keys(reordered)).toEqual(keys(original));
    expect(names(reordered)).toEqual(names(original));
    // the tie is still noted (its names in the new column order)
    expect(reordered.notes).toHaveLength(1);
    expect(reordered.notes[0]!.line).toBe(7);
  });
});

describe('the same file in other bytes reads the same', () => {
  const text = readFileSync('test/fixtures/rankings/aw-list-arrow.csv', 'utf8');
  test.each([
    [
      'UTF-16LE with BOM, tab-delimited, CRLF',
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t.replaceAll(',', '\t').replaceAll('\n', '\r\n'), 'utf-16le')]),
    ],
    ['Windows-1252, semicolon-delimited', (t: string) => iconv.encode(t.replaceAll(',', ';'), 'windows-1252')],
    // one accented capital is too little to tell Mac Roman from Windows-1252, so the user says it
    ['Mac Roman (--encoding macintosh), CR line ends', (t: string) => iconv.encode(t.replaceAll('\n', '\r'), 'macintosh'), 'macintosh'],
    [
      'UTF-8 with BOM, every field quoted',
      (t: string) =>
        Buffer.from(
          '\ufeff' +
            t
              .trimEnd()
              .split('\n')
              .map((l) =>
                l
                  .split(',')
                  .map((c) => `"${c}"`)
                  .join(','),
              )
              .join('\r\n') +
            '\r\n\r\n',
        ),
    ],
  ] as Array<[string, (t: string) => Buffer, EncodingLabel?]>)('%s', async (label, bytes, encoding) => {
    const original = await read('test/fixtures/rankings/aw-list-arrow.csv');
    const path = tmp.write(`arrow-${label.replace(/\W+/g, '-')}.csv`, bytes(text));
    const other = await readDataset([path], { config: {}, skipInvalid: false, ...(encoding ? { encoding } : {}) });
    expect(people(other)).toEqual(people(original));
    expect(other.respondents.map((r) => r.line)).toEqual(original.respondents.map((r) => r.line));
    expect(other.priorities).toEqual(original.priorities);
  });
});

describe('the row ledger', () => {
  // assembleDataset checks that every data row is used or excluded exactly once: a format module that
  // lost or double-counted a row is a bug (InternalError, exit 1), never a quietly wrong count
  const csv = 'respondent_id,name,role,department,Q1,Q2,Q3\nR1,Ann,Manager,Sales,4,5,3\nR2,Bo,Manager,Sales,2,3,4\nR3,Cy,Executive,Office,5,5,5\n';
  test('a row counted twice, or lost, stops the run', async () => {
    const path = tmp.write('ledger.csv', csv);
    const options = { config: {}, skipInvalid: false };
    const whole = await readInput(path, options);
    expect(assembleDataset([whole], options).respondents).toHaveLength(3);
    const twice = await readInput(path, options);
    twice.normalised.rows.push(twice.normalised.rows[0]!);
    expect(() => assembleDataset([twice], options)).toThrow(/the row ledger does not add up: 3 data rows, but 4 used or excluded \(3 distinct lines\)/);
    const lost = await readInput(path, options);
    lost.normalised.rows.pop();
    expect(() => assembleDataset([lost], options)).toThrow(/3 data rows, but 2 used or excluded \(2 distinct lines\)/);
  });
});
