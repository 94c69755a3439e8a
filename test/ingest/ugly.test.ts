/**
 * The ugly inputs of test/fixtures/ugly (see its README.md): each stops the
 * run with an InputError naming the file, the line and the column where the
 * problem has them; with --skip-invalid a bad respondent is left out with its
 * reason and everyone else is read.
 */
import { describe, expect, test } from 'vitest';
import type { InputError } from '../../src/errors.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { inputError } from '../helpers/read.js';

const DIR = 'test/fixtures/ugly';

const failure = (name: string, skipInvalid = false): Promise<InputError> => inputError(() => readDataset([`${DIR}/${name}`], { config: {}, skipInvalid }));

const SKIP = 'or pass --skip-invalid to leave this respondent out';

describe('invalid values stop the run, naming file, line and column', () => {
  test('rank "abc" (exact message)', async () => {
    const e = await failure('rank-abc.csv');
    expect(e.message).toBe(
      `${DIR}/rank-abc.csv:14:"Grow revenue": "abc" is not a rank; ranks are whole numbers from 1 (most important) to 9; correct the cell ${SKIP}`,
    );
  });

  test('rank 11 of 9 (exact message)', async () => {
    const e = await failure('rank-above-n.csv');
    expect(e.message).toBe(
      `${DIR}/rank-above-n.csv:5:"Cut carbon emissions": rank 11 is outside 1..9; there are 9 priorities, so ranks run from 1 (most important) to 9; correct the cell ${SKIP}`,
    );
  });

  test('a priority ranked twice in a long file (exact message)', async () => {
    const e = await failure('ranked-twice-long.csv');
    expect(e.message).toBe(
      `${DIR}/ranked-twice-long.csv:15:"priority": "Improve dealer experience" is ranked twice in this stack (lines 12 and 15); a priority may appear once in a stack; remove one of them ${SKIP}`,
    );
  });

  test.each([
    ['rank-zero.csv', 3, 'Reduce warranty costs', /^rank 0 is outside 1\.\.9$/],
    ['empty-priority-long.csv', 9, 'priority', /^rank 3 is given to no priority: the "priority" cell is empty$/],
    ['wide-same-priority-twice.csv', 3, 'grow revenue.', /"grow revenue\." is ranked twice in this stack/],
    ['position-twice.csv', 3, '3rd choice', /^"GROW REVENUE" is ranked twice in this stack \(positions 2 and 3\)$/],
    ['list-twice.csv', 3, 'stack', /^"reduce warranty costs\." is ranked twice in this stack \(positions 1 and 3 of the list\)$/],
    // One ';' in one rank cell of a 48-row long file: before, the whole file was read as one-list-cell stacks,
    // 40 rows dropped as duplicates, exit 0. The encoding is decided by the bulk of the rows; the cell is the error.
    ['long-rank-typo-semicolon.csv', 21, 'rank', /^"2;3" is not a rank$/],
  ])('%s: line %d, column %j', async (name, line, column, problem) => {
    const e = await failure(name);
    expect(e.file).toBe(`${DIR}/${name}`);
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.problem).toMatch(problem);
    expect(e.fix).toContain('--skip-invalid');
    expect(e.message.startsWith(`${DIR}/${name}:${line}:${JSON.stringify(column)}: `)).toBe(true);
  });
});

describe('--skip-invalid: the bad respondent is left out with its reason, the others are read', () => {
  test.each([
    ['rank-abc.csv', 12, [14], '"abc" is not a rank (column "Grow revenue")'],
    ['rank-zero.csv', 6, [3], 'rank 0 is outside 1..9 (column "Reduce warranty costs")'],
    ['rank-above-n.csv', 6, [5], 'rank 11 is outside 1..9 (column "Cut carbon emissions")'],
    ['wide-same-priority-twice.csv', 2, [3], 'is ranked twice'],
    ['position-twice.csv', 2, [3], 'is ranked twice'],
    ['list-twice.csv', 2, [3], 'is ranked twice'],
    // long format: all of the respondent's rows, so no partial stack is left behind
    ['ranked-twice-long.csv', 3, [12, 13, 14, 15, 16], '"Improve dealer experience" is ranked twice in this stack (lines 12 and 15)'],
    ['empty-priority-long.csv', 3, [7, 8, 9, 10, 11], 'rank 3 is given to no priority'],
  ])('%s', async (name, used, lines, reason) => {
    const d = await readDataset([`${DIR}/${name}`], { config: {}, skipInvalid: true });
    expect(d.respondents).toHaveLength(used);
    expect(d.excluded.map((x) => x.line)).toEqual(lines);
    for (const x of d.excluded) {
      expect(x.file).toBe(`${DIR}/${name}`);
      expect(x.reason).toMatch(/^invalid, respondent left out \(--skip-invalid\): /);
      expect(x.reason).toContain(reason);
    }
    expect(d.respondents.every((r) => !lines.includes(r.line))).toBe(true);
  });

  test('a long respondent left out: the rows other than the bad one point at it', async () => {
    const d = await readDataset([`${DIR}/empty-priority-long.csv`], { config: {}, skipInvalid: true });
    expect(d.excluded[0]!.reason).toBe(
      'invalid, respondent left out (--skip-invalid): rank 3 is given to no priority: the "priority" cell is empty (line 9, column "priority")',
    );
    expect(d.excluded[2]!.reason).toBe(
      'invalid, respondent left out (--skip-invalid): rank 3 is given to no priority: the "priority" cell is empty (column "priority")',
    );
  });
});

describe('files that are not a table stop the run even with --skip-invalid', () => {
  test.each([false, true])('empty file (skipInvalid %s)', async (skip) => {
    const e = await failure('empty.csv', skip);
    expect(e.message).toBe(`${DIR}/empty.csv: the file is empty; export the responses again, or check you picked the right file`);
  });

  test('only blank lines', async () => {
    const e = await failure('blank-lines.csv');
    expect([e.file, e.line, e.problem]).toEqual([`${DIR}/blank-lines.csv`, null, 'the file is empty']);
  });

  test.each([false, true])('a PNG image (skipInvalid %s)', async (skip) => {
    const e = await failure('stacks.png', skip);
    expect(e.file).toBe(`${DIR}/stacks.png`);
    expect(e.line).toBe(3); // the first NUL byte follows the PNG signature's two line feeds
    expect(e.problem).toMatch(/^is not a text file/);
    expect(e.fix).toMatch(/CSV/);
  });

  test.each([false, true])('a ragged row (skipInvalid %s)', async (skip) => {
    const e = await failure('ragged.csv', skip);
    expect(e.message).toBe(
      `${DIR}/ragged.csv:4:"column 4": this row has 4 fields but the header has 3; a cell past the last column (a delimiter inside a cell that is not quoted, or a hand edit); export the file again, or fix that row so it has one cell per column`,
    );
  });

  test.each([false, true])('an unterminated quote (skipInvalid %s)', async (skip) => {
    const e = await failure('unterminated-quote.csv', skip);
    expect([e.line, e.column]).toEqual([3, 'stack']);
    expect(e.problem).toMatch(/never closes/);
  });

  test('a missing file', async () => {
    const e = await failure('no-such-file.csv');
    expect(e.message).toBe(`${DIR}/no-such-file.csv: no such file; check the path`);
  });
});
