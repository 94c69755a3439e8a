import { describe, expect, it, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  aliasKeyOf,
  checkRank,
  listSeparator,
  parseRankCell,
  splitListCell,
  stackFromListCell,
  stackFromLongRows,
  stackFromPositionCells,
  stackFromPriorityCells,
  tieNotes,
} from '../../src/ingest/rankings.js';

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseRankCell(cell)', () => {
  test.each([
    ['', null],
    ['   ', null],
    ['\t', null],
    ['1', 1],
    [' 2 ', 2],
    ['09', 9],
    ['12', 12],
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['4th', 4],
    ['11th', 11],
    ['1ST', 1],
    ['1st choice', 1],
    ['1.', 1],
    ['1.0', 1], // pandas writes whole numbers of a column with blanks as 1.0
    ['#1', 1],
    ['# 2', 2],
    ['Rank 1', 1],
    ['rank3', 3],
    ['first', 1],
    ['First', 1],
    ['second', 2],
    ['third', 3],
    ['tenth', 10],
    ['Third place', 3],
    ['1 (most important)', 1],
    ['9 - least important', 9],
    ['\uff13', 3], // full-width digit, NFKC
  ])('parseRankCell(%j) === %j', (cell, expected) => {
    expect(parseRankCell(cell)).toBe(expected);
  });

  test.each([
    ['0', 'rank 0 is below 1, the most important', 0],
    ['-1', 'rank -1 is below 1, the most important', -1],
    ['0th', 'rank 0 is below 1, the most important', 0],
    ['2.5', '"2.5" is not a whole number', undefined],
    ['2,5', '"2,5" is not a whole number', undefined],
    ['abc', '"abc" is not a rank', undefined],
    [' high ', '"high" is not a rank', undefined],
    ['1-2', '"1-2" is not a rank', undefined],
    ['1st and 2nd', '"1st and 2nd" is not a rank', undefined],
    ['Grow revenue', '"Grow revenue" is not a rank', undefined],
  ])('parseRankCell(%j) is invalid: %s', (cell, invalid, rank) => {
    const r = parseRankCell(cell);
    expect(r).toEqual(rank === undefined ? { invalid } : { invalid, rank });
  });
});

describe('checkRank(rank, n)', () => {
  test.each([
    [1, 9, null],
    [9, 9, null],
    [10, 9, 'rank 10 is outside 1..9'],
    [11, 9, 'rank 11 is outside 1..9'],
    [0, 9, 'rank 0 is outside 1..9'],
    [-1, 9, 'rank -1 is outside 1..9'],
    [2.5, 9, 'rank 2.5 is outside 1..9'],
  ])('checkRank(%d, %d) === %j', (rank, n, expected) => {
    expect(checkRank(rank, n)).toBe(expected);
  });
});

describe('splitListCell(cell, known?)', () => {
  test.each([
    ['A;B;C;', ['A', 'B', 'C']],
    ['A; B ;C', ['A', 'B', 'C']],
    ['A > B > C', ['A', 'B', 'C']],
    ['A>B>C', ['A', 'B', 'C']],
    ['A -> B -> C', ['A', 'B', 'C']],
    ['A \u2192 B', ['A', 'B']],
    ['A | B | C', ['A', 'B', 'C']],
    ['A, B, C', ['A', 'B', 'C']],
    ['A;;B;', ['A', 'B']],
    ['  A  ', ['A']],
    ['', []],
    [';', []],
    // '>' wins over ',', so names with commas survive in an arrow list
    ['Chat (Slack, Teams) > Email', ['Chat (Slack, Teams)', 'Email']],
    // ';' wins over ','
    ['Chat (Slack, Teams);Email;', ['Chat (Slack, Teams)', 'Email']],
    ['Launch the e-bike line > Grow revenue', ['Launch the e-bike line', 'Grow revenue']],
  ])('splitListCell(%j) -> %j', (cell, expected) => {
    expect(splitListCell(cell)).toEqual(expected);
  });

  const known = ['Email from leadership', 'Chat (Slack, Teams)', 'My manager', 'All-hands meeting'];
  test.each([
    ['Email from leadership, Chat (Slack, Teams), My manager', ['Email from leadership', 'Chat (Slack, Teams)', 'My manager']],
    ['Chat (Slack, Teams),My manager,All-hands meeting', ['Chat (Slack, Teams)', 'My manager', 'All-hands meeting']],
    ['chat (slack teams), my manager', ['chat (slack teams)', 'my manager']], // compared by priorityKey
    ['Chat (Slack, Teams);My manager;', ['Chat (Slack, Teams)', 'My manager']],
    ['My manager, Something new, Chat (Slack, Teams)', ['My manager', 'Something new', 'Chat (Slack, Teams)']],
    ['My manager', ['My manager']],
  ])('splitListCell(%j, known) -> %j', (cell, expected) => {
    expect(splitListCell(cell, known)).toEqual(expected);
  });

  test('the longest known name wins', () => {
    expect(splitListCell('Email, phone, Chat', ['Email', 'Email, phone', 'Chat'])).toEqual(['Email, phone', 'Chat']);
  });

  test.each([
    ['A;B', ';'],
    ['A > B, C', '>'],
    ['A | B, C', '|'],
    ['A, B', ','],
    ['A', null],
  ])('listSeparator(%j) === %j', (cell, sep) => {
    expect(listSeparator(cell)).toBe(sep);
  });
});

describe('stackFromPriorityCells(cells, {file, line, n})', () => {
  const where = { file: 'stacks.csv', line: 14, n: 3 };
  const cells = (a: string, b: string, c: string) => [
    { priority: 'Grow revenue', column: 'Grow revenue', cell: a },
    { priority: 'Launch the e-bike line', column: 'Launch the e-bike line', cell: b },
    { priority: 'Cut carbon emissions', column: 'Cut carbon emissions', cell: c },
  ];

  test('ranks in rank order; blank = unranked; labels read', () => {
    expect(stackFromPriorityCells(cells('2nd', '', '1'), where)).toEqual([
      { priority: 'Cut carbon emissions', rank: 1 },
      { priority: 'Grow revenue', rank: 2 },
    ]);
  });

  test('equal ranks are a tie, kept in the order written', () => {
    expect(stackFromPriorityCells(cells('2', '1', '2'), where)).toEqual([
      { priority: 'Launch the e-bike line', rank: 1 },
      { priority: 'Grow revenue', rank: 2 },
      { priority: 'Cut carbon emissions', rank: 2 },
    ]);
  });

  test('a cell that is not a rank names file, line and column', () => {
    const e = thrown(() => stackFromPriorityCells(cells('abc', '1', ''), { ...where, n: 9 }));
    expect(e.message).toBe(
      'stacks.csv:14:"Grow revenue": "abc" is not a rank; ranks are whole numbers from 1 (most important) to 9; correct the cell or pass --skip-invalid to leave this respondent out',
    );
    expect([e.file, e.line, e.column]).toEqual(['stacks.csv', 14, 'Grow revenue']);
  });

  test.each([
    ['4', 'rank 4 is outside 1..3'],
    ['0', 'rank 0 is outside 1..3'],
    ['-2', 'rank -2 is outside 1..3'],
    ['2.5', '"2.5" is not a whole number'],
  ])('rank %j: %s', (cell, problem) => {
    const e = thrown(() => stackFromPriorityCells(cells('1', cell, ''), where));
    expect(e.problem).toBe(problem);
    expect(e.column).toBe('Launch the e-bike line');
    expect(e.fix).toMatch(/--skip-invalid/);
  });

  test('two columns that are one priority, both ranked', () => {
    const e = thrown(() =>
      stackFromPriorityCells(
        [
          { priority: 'Grow revenue', column: 'Grow revenue', cell: '1' },
          { priority: 'grow revenue.', column: 'grow revenue.', cell: '2' },
        ],
        where,
      ),
    );
    expect(e.column).toBe('grow revenue.');
    expect(e.problem).toMatch(/ranked twice/);
  });
});

describe('stackFromPriorityCells: a column headed with punctuation only', () => {
  test('ranks no priority: an input error naming the column, not a crash', () => {
    // Before: the empty key reached dataset.ts, which threw InternalError (exit 1, "a bug in align").
    const e = thrown(() =>
      stackFromPriorityCells(
        [
          { priority: 'Growth', column: 'Growth', cell: '1' },
          { priority: '?', column: '?', cell: '2' },
        ],
        { file: 'stacks.csv', line: 2, n: 2 },
      ),
    );
    expect(e.message).toBe(
      'stacks.csv:2:"?": this column ranks "?", which is not a priority name; give the column a priority\'s name in its header, or mark it ignore under columns in align.yml',
    );
  });
});

describe('stackFromPositionCells(cells, {file, line})', () => {
  const where = { file: 'ballot.csv', line: 3 };
  test('the column position is the rank; blanks skipped', () => {
    expect(
      stackFromPositionCells(
        [
          { position: 1, column: '1st', cell: ' Grow revenue ' },
          { position: 2, column: '2nd', cell: '' },
          { position: 3, column: '3rd', cell: 'Cut carbon emissions' },
        ],
        where,
      ),
    ).toEqual([
      { priority: 'Grow revenue', rank: 1 },
      { priority: 'Cut carbon emissions', rank: 3 },
    ]);
  });
  test('one priority in two positions', () => {
    const e = thrown(() =>
      stackFromPositionCells(
        [
          { position: 1, column: 'Choice 1', cell: 'Grow revenue' },
          { position: 2, column: 'Choice 2', cell: 'GROW REVENUE' },
        ],
        where,
      ),
    );
    expect(e.message).toBe(
      'ballot.csv:3:"Choice 2": "GROW REVENUE" is ranked twice in this stack (positions 1 and 2); a priority may appear once in a stack; remove one of them or pass --skip-invalid to leave this respondent out',
    );
  });
  test('a cell of punctuation only ("-") names no priority: an input error, not a crash', () => {
    // Before: the empty key reached dataset.ts, which threw InternalError (exit 1, "a bug in align").
    const e = thrown(() =>
      stackFromPositionCells(
        [
          { position: 1, column: '1st', cell: 'Grow revenue' },
          { position: 2, column: '2nd', cell: ' - ' },
        ],
        where,
      ),
    );
    expect(e.message).toBe(
      'ballot.csv:3:"2nd": "-" is not a priority name; write the priority\'s name there or leave it blank, or pass --skip-invalid to leave this respondent out',
    );
  });
});

describe('stackFromListCell(cell, {file, line, column})', () => {
  const where = { file: 'forms.csv', line: 2, column: 'Rank these' };
  test('position in the list is the rank', () => {
    expect(stackFromListCell('B;A;C;', where)).toEqual([
      { priority: 'B', rank: 1 },
      { priority: 'A', rank: 2 },
      { priority: 'C', rank: 3 },
    ]);
  });
  test('a name twice, by key', () => {
    const e = thrown(() => stackFromListCell('Grow revenue > Cut costs > grow  revenue!', where));
    expect(e.problem).toBe('"grow  revenue!" is ranked twice in this stack (positions 1 and 3 of the list)');
    expect([e.line, e.column]).toEqual([2, 'Rank these']);
  });
  test('an entry of punctuation only ("?") names no priority: an input error, not a crash', () => {
    const e = thrown(() => stackFromListCell('Grow revenue; ?; Cut costs', where));
    expect(e.problem).toBe('"?" (position 2 of the list) is not a priority name');
    expect([e.line, e.column]).toEqual([2, 'Rank these']);
  });
});

describe('stackFromLongRows(rows, {file, n, priorityColumn, rankColumn})', () => {
  const where = { file: 'long.csv', n: 9, priorityColumn: 'priority', rankColumn: 'rank' };
  test('rows in any order; a blank rank lists the priority unranked', () => {
    expect(
      stackFromLongRows(
        [
          { line: 4, priority: 'B', rank: '2' },
          { line: 2, priority: 'A', rank: '1' },
          { line: 3, priority: 'C', rank: '' },
        ],
        where,
      ),
    ).toEqual([
      { priority: 'A', rank: 1 },
      { priority: 'B', rank: 2 },
    ]);
  });
  test('the same priority twice: at the second row', () => {
    const e = thrown(() =>
      stackFromLongRows(
        [
          { line: 12, priority: 'Grow revenue', rank: '1' },
          { line: 13, priority: 'Cut costs', rank: '2' },
          { line: 15, priority: 'Grow Revenue', rank: '4' },
        ],
        where,
      ),
    );
    expect(e.message).toBe(
      'long.csv:15:"priority": "Grow Revenue" is ranked twice in this stack (lines 12 and 15); a priority may appear once in a stack; remove one of them or pass --skip-invalid to leave this respondent out',
    );
  });
  test('a rank with an empty priority name', () => {
    const e = thrown(() => stackFromLongRows([{ line: 9, priority: '  ', rank: '3' }], where));
    expect(e.message).toBe(
      `long.csv:9:"priority": rank 3 is given to no priority: the "priority" cell is empty; write the priority's name in the cell or delete the row, or pass --skip-invalid to leave this respondent out`,
    );
  });
  test('a bad rank names the rank column', () => {
    const e = thrown(() => stackFromLongRows([{ line: 7, priority: 'A', rank: '10' }], where));
    expect([e.line, e.column, e.problem]).toEqual([7, 'rank', 'rank 10 is outside 1..9']);
  });
  test('a row with neither priority nor rank says nothing', () => {
    expect(stackFromLongRows([{ line: 7, priority: '', rank: '' }], where)).toEqual([]);
  });
});

describe('tieNotes(stack, who)', () => {
  test('two priorities share a rank', () => {
    expect(
      tieNotes(
        [
          { priority: 'Grow revenue', rank: 1 },
          { priority: 'Launch the e-bike line', rank: 2 },
          { priority: 'Expand into Asia-Pacific', rank: 2 },
          { priority: 'Cut carbon emissions', rank: 4 },
        ],
        'Kofi Boateng',
      ),
    ).toEqual(['Kofi Boateng gave rank 2 to both "Launch the e-bike line" and "Expand into Asia-Pacific"; they share the average rank']);
  });
  test('three, and no name', () => {
    expect(
      tieNotes(
        [
          { priority: 'A', rank: 1 },
          { priority: 'B', rank: 1 },
          { priority: 'C', rank: 1 },
        ],
        null,
      ),
    ).toEqual(['This respondent gave rank 1 to "A", "B" and "C"; they share the average rank']);
  });
  test('no ties, no notes', () => {
    expect(tieNotes([{ priority: 'A', rank: 1 }], 'X')).toEqual([]);
  });
});

describe('aliasKeyOf(aliases)', () => {
  test('maps a spelling to the key of the priority it means', () => {
    const keyOf = aliasKeyOf({ Revenue: 'Grow revenue', 'e-bikes': 'Launch the e-bike line' });
    expect(keyOf('revenue.')).toBe('grow revenue');
    expect(keyOf('E-Bikes')).toBe('launch the ebike line');
    expect(keyOf('Cut costs')).toBe('cut costs');
  });
  test('no aliases: the plain key', () => {
    expect(aliasKeyOf(undefined)(' Grow  Revenue. ')).toBe('grow revenue');
  });
});

describe('the cause is named before its symptom', () => {
  const where = { file: 'long.csv', n: 2, priorityColumn: 'priority', rankColumn: 'rank' };
  test('a repeat that pushes a rank past N is reported as the repeat, wherever the rows are', () => {
    const e = thrown(() =>
      stackFromLongRows(
        [
          { line: 2, priority: 'Cost', rank: '3' },
          { line: 3, priority: 'Growth', rank: '1' },
          { line: 4, priority: 'growth', rank: '2' },
        ],
        where,
      ),
    );
    expect([e.line, e.column, e.problem]).toEqual([4, 'priority', '"growth" is ranked twice in this stack (lines 3 and 4)']);
  });
  test('an unnamed row ranked past N is reported as unnamed', () => {
    const e = thrown(() =>
      stackFromLongRows(
        [
          { line: 2, priority: 'Growth', rank: '1' },
          { line: 3, priority: '', rank: '2' },
        ],
        { ...where, n: 1 },
      ),
    );
    expect([e.line, e.column]).toEqual([3, 'priority']);
  });
  test('wide: two columns of one priority, ranked past N', () => {
    const e = thrown(() =>
      stackFromPriorityCells(
        [
          { priority: 'Cost', column: 'Cost', cell: '3' },
          { priority: 'Growth', column: 'Growth', cell: '1' },
          { priority: 'growth', column: 'growth', cell: '2' },
        ],
        { file: 'wide.csv', line: 2, n: 2 },
      ),
    );
    expect(e.problem).toMatch(/ranked twice/);
  });
});

describe('tieNotes on one very long stack (a long file giving one respondent 200,000 priorities)', () => {
  it('finds no tie among 200,000 distinct ranks, and the one tie placed last', () => {
    const stack = Array.from({ length: 200_000 }, (_, i) => ({ priority: `P${i}`, rank: i + 1 }));
    expect(tieNotes(stack, null)).toEqual([]);
    stack.push({ priority: 'Last', rank: 200_000 });
    expect(tieNotes(stack, null)).toEqual(['This respondent gave rank 200000 to both "P199999" and "Last"; they share the average rank']);
  });
});
