/**
 * The table.ts behaviour the stacks readers rely on: physical line numbers
 * (quoted line breaks, CR-only files, blank lines), the BOM, the delimiter
 * sniff, and trailing empty fields.
 */
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { sniffDelimiter, tableFromBytes } from '../../src/ingest/table.js';

const table = (text: string | Buffer, options = {}) => tableFromBytes(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), 't.csv', options);

describe('tableFromBytes: line numbers are physical lines where a record starts', () => {
  test('LF', () => {
    expect(table('a,b\n1,2\n3,4\n').lines).toEqual([1, 2, 3]);
  });

  test('CRLF', () => {
    expect(table('a,b\r\n1,2\r\n3,4\r\n').lines).toEqual([1, 2, 3]);
  });

  test('CR only (classic Mac Excel)', () => {
    const t = table('a,b\r1,2\r3,4\r');
    expect(t.records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(t.lines).toEqual([1, 2, 3]);
  });

  test('a quoted cell spanning lines: the next record starts lines later', () => {
    const t = table('name,comment\nAnn,"one\ntwo\nthree"\nBo,x\n');
    expect(t.records[1]).toEqual(['Ann', 'one\ntwo\nthree']);
    expect(t.lines).toEqual([1, 2, 5]);
  });

  test('a quoted cell spanning CRLF lines', () => {
    expect(table('name,comment\r\nAnn,"one\r\ntwo"\r\nBo,x\r\n').lines).toEqual([1, 2, 4]);
  });

  test('blank lines are skipped but still counted', () => {
    const t = table('a,b\n\n1,2\n\n\n3,4\n\n');
    expect(t.records).toHaveLength(3);
    expect(t.lines).toEqual([1, 3, 6]);
  });
});

describe('tableFromBytes: bytes and delimiters', () => {
  test('a UTF-8 BOM is dropped from the first header and reported', () => {
    const t = table(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ID,Name\n1,Ann\n')]));
    expect(t.bom).toBe(true);
    expect(t.encoding).toBe('utf-8');
    expect(t.records[0]).toEqual(['ID', 'Name']);
  });

  test('semicolons (Excel in EU locales), with commas inside cells', () => {
    const t = table('name;stack;comment\nAnn;"A;B";"x, y"\n');
    expect(t.delimiter).toBe(';');
    expect(t.records[1]).toEqual(['Ann', 'A;B', 'x, y']);
  });

  test('the sniffer is not fooled by delimiters inside quotes', () => {
    expect(sniffDelimiter('name,stack\nAnn,"A;B;C;"\nBo,"C;B;A;"\n', 't.csv')).toBe(',');
    expect(sniffDelimiter('name;stack\nAnn;"A, B, C"\nBo;"C, B"\n', 't.csv')).toBe(';');
  });

  test('UTF-16LE with BOM, tab-delimited (Excel "Unicode Text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('name\tstack\r\nJosé\tA;B;\r\n', 'utf-16le')]);
    const t = table(bytes);
    expect([t.encoding, t.bom, t.delimiter]).toEqual(['utf-16le', true, '\t']);
    expect(t.records[1]).toEqual(['José', 'A;B;']);
  });

  test('--delimiter overrides the sniff', () => {
    expect(table('a;b,c\n1;2,3\n', { delimiter: ',' }).records[1]).toEqual(['1;2', '3']);
  });

  test('trailing empty fields beyond the header are dropped; short rows under blank headers are padded', () => {
    const t = table('a,b,\n1,2,,,\n3,4\n');
    expect(t.records.slice(1)).toEqual([
      ['1', '2', ''],
      ['3', '4', ''],
    ]);
  });

  test('a row with a field too many is an InputError on its line', () => {
    expect(() => table('a,b\n1,2\n1,2,3\n')).toThrow(InputError);
    try {
      table('a,b\n1,2\n1,2,3\n');
    } catch (e) {
      expect((e as InputError).line).toBe(3);
    }
  });
});

/** The InputError reading `text` stops with. */
const failure = (text: string): InputError => {
  try {
    table(text);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('tableFromBytes: a quote that never closes names its column by header', () => {
  test('in a data row: the header text of the cell that opened the quote', () => {
    // Before: `column 3`, which the user has to count out in a spreadsheet.
    const e = failure('name,department,stack\nA,Sales,X;Y\nB,Finance,"X;Y\nC,Sales,Y;X\n');
    expect([e.line, e.column]).toEqual([3, 'stack']);
    expect(e.message).toMatch(/^t\.csv:3:"stack": a quoted cell opens here and never closes/);
  });

  test('in the header record itself: by number, since there is no header to name it yet', () => {
    const e = failure('name,"department,stack\nA,Sales,X\n');
    expect([e.line, e.column]).toEqual([1, 'column 2']);
  });

  test('under a blank header cell: by number', () => {
    const e = failure('name,,stack\nA,"x,Y\n');
    expect(e.column).toBe('column 2');
  });
});

describe('sniffDelimiter: pipes', () => {
  test('a pipe-delimited file splits on |', () => {
    // Before: '|' was no candidate, so each record was one cell and a long file read as one list per row.
    const text = 'respondent|name|priority|rank\nAW01|Helena|Grow revenue|1\nAW01|Helena|Cut costs|2\n';
    expect(sniffDelimiter(text, 't.csv')).toBe('|');
    expect(table(text).records[1]).toEqual(['AW01', 'Helena', 'Grow revenue', '1']);
  });

  test('a comma file whose list cells are joined with " | " still splits on commas', () => {
    const text = 'name,department,stack\nHelena,Sales,Grow revenue | Cut costs | Hire\nMarcus,Finance,Hire | Grow revenue | Cut costs\n';
    expect(sniffDelimiter(text, 't.csv')).toBe(',');
    expect(table(text).records[1]).toEqual(['Helena', 'Sales', 'Grow revenue | Cut costs | Hire']);
  });

  test('a semicolon file with pipes in its list cells splits on semicolons', () => {
    const text = 'name;stack\nHelena;A | B | C\nMarcus;C | B | A\n';
    expect(sniffDelimiter(text, 't.csv')).toBe(';');
  });
});

describe('tableFromBytes: a forced --encoding that does not fit the bytes', () => {
  const stacks = 'name,department,stack\nHelena,Sales,Grow revenue;Cut costs\nMarcus,Finance,Cut costs;Grow revenue\n';
  const failure = (bytes: Buffer, encoding: string): InputError => {
    try {
      table(bytes, { encoding });
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  };

  test('--encoding utf-16le on a UTF-8 file stops, naming the fix', () => {
    // Before: the text decoded to one line of CJK characters and the run ended in "no leader ranked any priority".
    const e = failure(Buffer.from(stacks, 'utf8'), 'utf-16le');
    expect(e.message).toBe('t.csv: does not read as utf-16le; drop --encoding to let align detect it');
  });

  test('--encoding utf-16be on a UTF-16LE file (the other byte order) stops', () => {
    expect(failure(iconv.encode(stacks, 'utf-16le'), 'utf-16be').problem).toBe('does not read as utf-16be');
  });

  test('--encoding utf-16le on UTF-16LE text in Japanese reads it', () => {
    const text = '名前,部署,スタック\n佐藤花子,営業,売上を伸ばす;コスト削減\n鈴木一郎,財務,コスト削減;売上を伸ばす\n';
    expect(table(iconv.encode(text, 'utf-16le'), { encoding: 'utf-16le' }).records[1]).toEqual(['佐藤花子', '営業', '売上を伸ばす;コスト削減']);
  });

  test('--encoding utf-8 names the exact byte and line that is not UTF-8', () => {
    // 'name,stack\n' is bytes 0-10, 'José,A;B\n' bytes 11-20 (é is two bytes); 'x' is 21, then 0xE9 (Latin-1 é) at 22, on line 3.
    const bytes = Buffer.concat([Buffer.from('name,stack\nJosé,A;B\nx', 'utf8'), Buffer.from([0xe9]), Buffer.from(',C\n', 'utf8')]);
    expect(failure(bytes, 'utf-8').message).toBe('t.csv:3: does not read as utf-8 (byte 22 is not UTF-8); drop --encoding to let align detect it');
    // a lead byte (11) followed by a byte that cannot continue it: the sequence starts at the lead byte
    const cut = Buffer.concat([Buffer.from('name,stack\n', 'utf8'), Buffer.from([0xc3, 0x41]), Buffer.from(',B\n', 'utf8')]);
    expect(failure(cut, 'utf-8').message).toBe('t.csv:2: does not read as utf-8 (byte 11 is not UTF-8); drop --encoding to let align detect it');
    // after a newline: the line is the one the byte is on, not the one before
    const early = Buffer.concat([Buffer.from('name,stack\n', 'utf8'), Buffer.from([0xff]), Buffer.from(',B\n', 'utf8')]);
    expect(failure(early, 'utf-8').message).toBe('t.csv:2: does not read as utf-8 (byte 11 is not UTF-8); drop --encoding to let align detect it');
  });

  test('--encoding windows-1252 on a UTF-8 file is taken as told (mojibake is still text)', () => {
    expect(table(Buffer.from('name,stack\nJosé,A;B\n', 'utf8'), { encoding: 'windows-1252' }).records[1]![0]).toBe('JosÃ©');
  });
});

describe('line numbers with CR record ends and LF inside a cell (classic-Mac Excel)', () => {
  test('the LF inside the cell is a line of its own, as an editor shows it', async () => {
    const { parseDelimited } = await import('../../src/ingest/parse.js');
    // records end in CR; the second record's quoted cell holds an LF
    const parsed = parseDelimited('a,b\r1,"x\ny"\r2,z\r3,w', { delimiter: ',', path: 'mac.csv' });
    expect(parsed.records.map((r) => r[0])).toEqual(['a', '1', '2', '3']);
    // physical lines: a,b | 1,"x | y" | 2,z | 3,w
    expect(parsed.lines).toEqual([1, 2, 4, 5]);
  });

  test('CRLF counts once', async () => {
    const { parseDelimited } = await import('../../src/ingest/parse.js');
    expect(parseDelimited('a,b\r\n1,"x\r\ny"\r\n2,z\r\n', { delimiter: ',', path: 'w.csv' }).lines).toEqual([1, 2, 4, 5]);
  });
});

// Black-box QA: a ragged row named no column, though every input error names file, line and column.
describe('tableFromBytes: a row with more or fewer cells than the header names the cell where it goes wrong', () => {
  test('a cell past the last column: named "column N", N one past the header', () => {
    const e = failure('name,department,stack\nAna,Sales,Grow,Cut\n');
    expect(e.line).toBe(2);
    expect(e.column).toBe('column 4');
    expect(e.problem).toMatch(/^this row has 4 fields but the header has 3; a cell past the last column/);
  });

  test('a row that ends early: named by the first column it lacks', () => {
    const e = failure('name,department,stack\nAna,Sales,Grow\nBen\n');
    expect(e.line).toBe(3);
    expect(e.column).toBe('department');
    expect(e.problem).toMatch(/^this row has 1 field but the header has 3; the row ends before this column/);
  });
});
