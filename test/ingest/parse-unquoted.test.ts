// src/ingest/parse.ts: text with no quote at all is read by papaparse's fast mode (split at line ends,
// then at delimiters), which must give what the quoting reading gives: the same records, and each
// record's physical line, whole or in pieces.

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/ingest/parse.js';

/** The quoting reading (papaparse told fastMode: false), with each record's line counted independently. */
function quotingReading(text: string, delimiter: string, told?: '\r'): { records: string[][]; lines: number[] } {
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    fastMode: false,
    skipEmptyLines: false,
    ...(told ? { newline: told } : {}),
  });
  const newline = parsed.meta.linebreak;
  const lines: number[] = [];
  let start = 0;
  for (const raw of text.split(newline)) {
    if (lines.length === parsed.data.length) break;
    // a line end is CRLF, a lone LF or a lone CR, as an editor counts them
    lines.push(1 + (text.slice(0, start).match(/\r\n|\n|\r/g)?.length ?? 0));
    start += raw.length + newline.length;
  }
  return { records: parsed.data, lines };
}

const cell = fc.stringMatching(/^[a-zé 1-5,;\t|]{0,6}$/);
const record = fc.array(cell, { minLength: 1, maxLength: 5 });
const ending = fc.constantFrom('\n', '\r\n', '\r');

describe('text with no quote', () => {
  it('reads as the quoting reading reads it, every record on its line', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        ending,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.boolean(),
        (rows, end, delimiter, last) => {
          const text = rows.map((r) => r.join(delimiter)).join(end) + (last ? end : '');
          const got = parseDelimited(text, { delimiter, path: 'x.csv' });
          expect(got).toEqual(quotingReading(text, delimiter));
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });

  it('a line break of the other kind inside a cell (classic-Mac Excel: CR ends records, LF breaks lines) stays in the cell and counts as a line', () => {
    const mixed = fc.array(fc.array(fc.stringMatching(/^[ab\n]{0,4}$/), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 10 });
    fc.assert(
      fc.property(mixed, (rows) => {
        const text = `${rows.map((r) => r.join(',')).join('\r')}\r`;
        expect(parseDelimited(text, { delimiter: ',', path: 'x.csv', newline: '\r' })).toEqual(quotingReading(text, ',', '\r'));
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it('a piece hands back its last record, from the offset and line where it starts', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 12 }), ending, (rows, end) => {
        const text = rows.map((r) => r.join(',')).join(end);
        const whole = quotingReading(text, ',');
        const got = parseDelimited(text, { delimiter: ',', path: 'x.csv', partial: true });
        expect(got.records).toEqual(whole.records.slice(0, -1));
        expect(got.lines).toEqual(whole.lines.slice(0, -1));
        expect(got.rest).toEqual({ offset: text.lastIndexOf(end) + end.length, line: whole.lines.at(-1) });
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});
