/**
 * Issue 10, point 7: Windows-1252 against Mac Roman. A Microsoft Forms result
 * saved from Excel as CSV on Windows (0x92 for ’ in "Don’t know", 0x93/0x94
 * quotes, 0x96 dash, 0x85 ellipsis) was reported as macintosh ("Donít know");
 * a Mac Roman file's names (Núñez, Zoë, François) must still read right.
 * Both fixtures written from the text with Python's cp1252 and mac_roman codecs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decode } from '../../src/ingest/decode.js';
import { EXPORTS, UGLY } from '../helpers/read.js';

const read = (path: string) => decode(readFileSync(path), path);

describe('Windows-1252 punctuation against Mac Roman letters', () => {
  test('a Windows file: apostrophes, quotes, a dash and an ellipsis where punctuation sits', () => {
    const d = read(`${UGLY}/microsoft-forms-windows1252-punctuation.csv`);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Don’t know');
    expect(d.text).toContain('“Focus” – please');
    expect(d.text).toContain('We’re busy…');
  });

  test('a Mac Roman file: accented names stay names', () => {
    const d = read(`${UGLY}/names-macroman.csv`);
    expect(d.encoding).toBe('macintosh');
    expect(d.text).toContain('José Núñez');
    expect(d.text).toContain('Zoë Fischer');
    expect(d.text).toContain('François Lemaire');
  });

  test('the Northwind Windows-1252 export still reads as before', () => {
    const d = read(`${EXPORTS}/microsoft-forms-windows1252.csv`);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('José Núñez');
  });

  test('bytes that read equally well either way stop with exit 2 suggesting --encoding', () => {
    // "don\x92t \x95 \x95": Windows-1252 scores the apostrophe 4 and each bullet 0; Mac Roman scores "í" between
    // lower-case letters 3 and each lone "ï" 0.5: 4 against 4, a tie nothing in the file settles
    const bytes = Buffer.from([0x64, 0x6f, 0x6e, 0x92, 0x74, 0x20, 0x95, 0x20, 0x95, 0x0a]);
    expect(() => decode(bytes, 'tie.csv')).toThrow(InputError);
    expect(() => decode(bytes, 'tie.csv')).toThrow(/reads equally well as Windows-1252 and as Mac Roman; pass --encoding windows-1252/);
  });
});
