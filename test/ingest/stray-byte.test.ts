// Issue 7, point 8: a file that is UTF-8 but for one byte was read as
// Windows-1252 ("ZoÃ« Brandt") and the run went on with exit 0.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decode } from '../../src/ingest/decode.js';
import { ROOT, runAlign } from '../helpers/run.js';
import { tempFolder } from './temp-files.js';

const NAMES = ['Zoë Brandt', 'José Núñez', 'Øyvind Åsen', 'Chloé Dubois', 'Łukasz Żak', 'Ana Sá'];
/** A stacks file in UTF-8 with `stray` written in place of the ë of line 2's "Zoë". */
function stacks(stray: number[] | null): Buffer {
  const lines = ['name,role,department,Grow revenue,Cut costs,Hire engineers'];
  NAMES.forEach((n, i) => {
    lines.push(`${n},Executive,Café ${i % 2 ? 'Nord' : 'Süd'},${(i % 3) + 1},${((i + 1) % 3) + 1},${((i + 2) % 3) + 1}`);
  });
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  if (!stray) return bytes;
  const at = bytes.indexOf(Buffer.from('ë', 'utf8'));
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(stray), bytes.subarray(at + 2)]);
}

const failure = (bytes: Buffer): InputError => {
  try {
    decode(bytes, 'stacks.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
};

describe('decode: UTF-8 but for one byte', () => {
  it('the clean file reads as UTF-8', () => {
    expect(decode(stacks(null), 'stacks.csv').encoding).toBe('utf-8');
  });

  it.each([
    ['a Latin-1 ë (0xEB)', [0xeb]],
    ['a lone continuation byte (0x89)', [0x89]],
    ['a truncated sequence (0xC3 without its second byte)', [0xc3]],
  ])('%s stops the run with its line and column', (_, stray) => {
    const e = failure(stacks(stray));
    expect([e.file, e.line, e.column]).toEqual(['stacks.csv', 2, 'name']);
    expect(e.problem).toMatch(/^byte 0x[0-9A-F]{2} \(offset \d+\) is not UTF-8, though the rest of the file is$/);
    expect(e.fix).toMatch(/--encoding windows-1252/);
  });

  it('names the column by its header in a later field and record', () => {
    const bytes = Buffer.concat([stacks(null), Buffer.from('"Ann, Lee",Executive,Caf'), Buffer.from([0xe9]), Buffer.from(',1,2,3\n')]);
    const e = failure(bytes);
    expect([e.line, e.column]).toEqual([8, 'department']);
  });

  it('the whole file in Windows-1252 or Mac Roman still decodes as before', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/rankings/aw-names-messy.csv'), 'utf8').replace(/\r?\n/g, '\n') + NAMES.join(',') + '\n';
    const latin = Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
    expect(decode(latin, 'x.csv').encoding).toBe('windows-1252');
  });
});

describe('decode: every committed fixture reads as it did', () => {
  const dirs = [
    join(ROOT, 'test/fixtures/exports'),
    join(ROOT, 'test/fixtures/rankings'),
    join(ROOT, 'test/fixtures/ugly'),
    join(ROOT, '../shared/fixtures/exports'),
    join(ROOT, '../shared/fixtures/exports/real'),
  ];
  const files = dirs.flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((f) => /\.(csv|txt)$/.test(f))
        .map((f) => join(d, f))
        .filter((f) => statSync(f).isFile());
    } catch {
      return [];
    }
  });
  const expected: Record<string, string> = {
    'microsoft-forms-windows1252.csv': 'windows-1252',
    'microsoft-forms-utf16le.txt': 'utf-16le',
    'microsoft-forms-windows1252-punctuation.csv': 'windows-1252',
    'names-macroman.csv': 'macintosh',
  };

  it.each(files)('%s', (file) => {
    let encoding: string;
    try {
      encoding = decode(readFileSync(file), file).encoding;
    } catch (e) {
      // Only the ugly fixtures may fail, and never for a stray byte.
      expect(file).toMatch(/ugly/);
      expect((e as InputError).problem).not.toMatch(/is not UTF-8, though/);
      return;
    }
    const name = file.split('/').pop()!;
    if (expected[name]) expect(encoding).toBe(expected[name]);
    else if (/StarWars|food-world-cup/.test(name)) expect(encoding).not.toBe('utf-8');
    else expect(encoding).toBe('utf-8');
  });
});

describe('align stack on a UTF-8 file with one stray byte', () => {
  const tmp = tempFolder();
  afterAll(() => tmp.remove());
  // offset 61: the header line is 58 bytes and its newline, then 'Zo'.
  it('exits 2 with one line naming file, line and column', async () => {
    const file = tmp.write('stray.csv', stacks([0xeb]));
    const run = await runAlign(['stack', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `align: ${file}:2:"name": byte 0xEB (offset 61) is not UTF-8, though the rest of the file is; correct that cell and save the file as UTF-8 ("CSV UTF-8" in Excel), or pass --encoding windows-1252 (or macintosh) if the file really is in another encoding\n`,
    );
  });
});
