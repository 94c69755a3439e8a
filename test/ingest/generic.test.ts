/**
 * generic.ts: the layouts a hand-made stacks file comes in, read through
 * readDataset (files written to a temporary folder).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { InputError } from '../../src/errors.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { generic } from '../../src/ingest/formats/generic.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import type { FormatModule } from '../../src/ingest/formats/types.js';
import { tableFromBytes } from '../../src/ingest/table.js';
import { parseIsoTimestamp as parseIsoTime } from '../../src/ingest/timestamps.js';
import type { Dataset } from '../../src/ingest/types.js';
import { inputError, type ReadTextOptions, readText } from '../helpers/read.js';
import { tempFolder } from './temp-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = tempFolder();
afterAll(() => tmp.remove());

const read = (name: string, text: string, options: ReadTextOptions = {}): Promise<Dataset> => readText(tmp, name, text, options);
const failure = (name: string, text: string, options: ReadTextOptions = {}): Promise<InputError> => inputError(() => read(name, text, options));

const stacks = (d: Dataset) => d.respondents.map((r) => [r.name, r.stack.map((s) => `${s.rank}:${s.priority}`).join(' ')]);

describe('wide by position', () => {
  test('1st/2nd/3rd choice columns hold the names; blanks are unranked', async () => {
    const d = await read(
      'position.csv',
      'Name,Role,1st choice,2nd choice,3rd choice\nHelena,Executive,Grow revenue,Cut costs,Hire\nMarcus,Executive,Hire,,Grow revenue\n',
    );
    expect(stacks(d)).toEqual([
      ['Helena', '1:grow revenue 2:cut costs 3:hire'],
      ['Marcus', '1:hire 3:grow revenue'],
    ]);
    expect(d.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut costs', 'Hire']);
    expect(d.hasRoleColumn).toBe(true);
  });

  test.each([['Rank 1,Rank 2'], ['Choice 1,Choice 2'], ['First choice,Second choice'], ['[1],[2]'], ['1,2'], ['Rank these [Rank 1],Rank these [Rank 2]']])(
    'headers %s',
    async (headers) => {
      const d = await read('position-headers.csv', `name,${headers}\nA,X,Y\nB,Y,\n`);
      expect(stacks(d)).toEqual([
        ['A', '1:x 2:y'],
        ['B', '1:y'],
      ]);
    },
  );
});

describe('wide by priority', () => {
  test('rank labels and whole numbers written as decimals', async () => {
    const d = await read('labels.csv', 'name,Grow revenue,Cut costs,Hire\nA,1st,3rd,2nd\nB,2.0,1.0,\n');
    expect(stacks(d)).toEqual([
      ['A', '1:grow revenue 2:hire 3:cut costs'],
      ['B', '1:cut costs 2:grow revenue'],
    ]);
  });

  test('a priority column nobody ranked still counts in N', async () => {
    const d = await read('unranked-column.csv', 'name,Grow revenue,Cut costs,Hire\nA,1,2,\nB,2,1,\n');
    expect(d.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut costs', 'Hire']);
    // A rank past N in one row of five is a typo reported where it is (the other rows say the columns are ranks).
    const e = await failure('unranked-column-4.csv', 'name,Grow revenue,Cut costs,Hire\nA,1,4,\nB,2,1,\nC,1,2,\nD,2,1,\nE,1,2,\n');
    expect(e.problem).toBe('rank 4 is outside 1..3');
  });

  test('columns sharing a question: the priority is the part in brackets', async () => {
    const d = await read('grid.csv', 'Your name,Rank these priorities [Grow revenue],Rank these priorities [Cut costs]\nA,1,2\nB,2,1\n');
    expect(d.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut costs']);
    expect(stacks(d)).toEqual([
      ['A', '1:grow revenue 2:cut costs'],
      ['B', '1:cut costs 2:grow revenue'],
    ]);
  });

  test('a lone "X - Y" header is a priority name, not a question', async () => {
    const d = await read('dash.csv', 'name,Growth - EMEA,Cut costs\nA,1,2\n');
    expect(d.priorities.map((p) => p.name)).toEqual(['Growth - EMEA', 'Cut costs']);
  });

  test('attribute and metadata columns are not priorities', async () => {
    const d = await read(
      'attributes.csv',
      'Timestamp,Email,Full name,What is your role?,Which department do you work in?,Job title,Age,Grow revenue,Cut costs\n' +
        '2024-05-01 09:30,a@x.example,Ann,Executive,Sales,VP Sales,44,1,2\n',
    );
    expect(d.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut costs']);
    expect(d.respondents[0]).toMatchObject({
      name: 'Ann',
      email: 'a@x.example',
      role: 'Executive',
      department: 'Sales',
      submitted: Date.UTC(2024, 4, 1, 9, 30),
    });
  });
});

describe('one list cell', () => {
  test('comma lists without known names split at every comma', async () => {
    const d = await read('comma.csv', 'name,ranking\nA,"X, Y, Z"\n');
    expect(stacks(d)).toEqual([['A', '1:x 2:y 3:z']]);
  });

  test('align.yml aliases are known names, so a name holding a comma survives', async () => {
    const config: AlignConfig = { priorities: { aliases: { Chat: 'Chat (Slack, Teams)' } } };
    const d = await read('comma-known.csv', 'name,ranking\nA,"Email, Chat (Slack, Teams), chat"\n', { config, skipInvalid: true });
    // "chat" is an alias of "Chat (Slack, Teams)": ranked twice, left out
    expect(d.respondents).toHaveLength(0);
    expect(d.excluded[0]!.reason).toMatch(/ranked twice/);
    const ok = await read('comma-known-ok.csv', 'name,ranking\nA,"Email, Chat (Slack, Teams), Phone"\n', { config });
    expect(stacks(ok)).toEqual([['A', '1:email 2:chat slack teams 3:phone']]);
  });
});

describe('long format', () => {
  test('rows grouped by name when there is no id; the respondent line is the first row', async () => {
    const d = await read('long-by-name.csv', 'name,priority,rank\nB,X,2\nA,X,1\nB,Y,1\nA,Y,2\n');
    expect(stacks(d)).toEqual([
      ['B', '1:y 2:x'],
      ['A', '1:x 2:y'],
    ]);
    expect(d.respondents.map((r) => r.line)).toEqual([2, 3]);
  });

  test('a blank rank lists the priority unranked: it counts in N', async () => {
    const d = await read('long-blank-rank.csv', 'respondent,priority,rank\n1,X,1\n1,Y,\n2,X,1\n');
    expect(d.priorities.map((p) => p.name)).toEqual(['X', 'Y']);
    expect(stacks(d)).toEqual([
      [null, '1:x'],
      [null, '1:x'],
    ]);
  });

  test('a respondent whose rows rank nothing: excluded, every row, "nothing ranked"', async () => {
    const d = await read('long-nothing.csv', 'respondent,priority,rank\n1,X,1\n2,X,\n2,Y,\n');
    expect(d.respondents).toHaveLength(1);
    expect(d.excluded.map((x) => [x.line, x.reason])).toEqual([
      [3, 'nothing ranked'],
      [4, 'nothing ranked'],
    ]);
  });

  test('no column says whose a row is', async () => {
    const e = await failure('long-anonymous.csv', 'priority,rank\nX,1\n');
    expect([e.line, e.column]).toEqual([1, null]);
    expect(e.problem).toMatch(/no column saying whose row it is/);
  });

  test('a row with an empty respondent cell', async () => {
    const e = await failure('long-no-one.csv', 'respondent,priority,rank\n1,X,1\n,Y,2\n');
    expect([e.line, e.column]).toEqual([3, 'respondent']);
  });
});

describe('rows and questions', () => {
  test('rows of empty cells (Excel leaves them) are excluded as empty rows', async () => {
    const d = await read('excel-tail.csv', 'name,stack\nA,X>Y\n,\n,\n');
    expect(d.respondents).toHaveLength(1);
    expect(d.excluded).toMatchObject([
      { file: d.files[0]!.path, line: 3, reason: 'empty row: every cell is blank' },
      { file: d.files[0]!.path, line: 4, reason: 'empty row: every cell is blank' },
    ]);
  });

  const twoQuestions = 'name,stack,Rank [Grow revenue],Rank [Cut costs]\nA,Cut costs>Grow revenue,1,2\n';

  test('two candidate ranking questions: exit 2 asking for --ranking-question', async () => {
    const e = await failure('two-questions.csv', twoQuestions);
    expect(e.line).toBe(1);
    expect(e.problem).toMatch(
      /^2 questions look like rankings: "stack" \(one ordered list per respondent\) and "Rank" \(one column per priority, 2 columns\)$/,
    );
    expect(e.fix).toMatch(/^pass --ranking-question/);
  });

  test('--ranking-question picks one', async () => {
    const list = await read('two-questions-a.csv', twoQuestions, { rankingQuestion: 'stack' });
    expect(stacks(list)).toEqual([['A', '1:cut costs 2:grow revenue']]);
    const grid = await read('two-questions-b.csv', twoQuestions, { rankingQuestion: 'Rank' });
    expect(stacks(grid)).toEqual([['A', '1:grow revenue 2:cut costs']]);
  });

  test('--ranking-question naming nothing in the file', async () => {
    const e = await failure('two-questions-c.csv', twoQuestions, { rankingQuestion: 'Which channels' });
    expect(e.problem).toBe('no question here is headed "Which channels"');
    expect(e.fix).toBe('pass --ranking-question with one of "stack", "Rank"');
  });

  test('a table with no ranking: every row read with an empty stack, a note with the fix (stack and audit stop later)', async () => {
    const d = await read('roster.csv', 'name,department\nA,Sales\n');
    expect(d.respondents).toEqual([]);
    expect(d.priorities).toEqual([]);
    expect(d.excluded.map((x) => [x.line, x.reason])).toEqual([[2, 'no answer align reads: the file has no Likert items and no ranking question']]);
    expect(d.notes.map((n) => [n.line, n.note])).toEqual([[1, expect.stringMatching(/^no ranking found; give stacks as long format .*align\.yml/)]]);
  });

  test('align.yml columns override what the header says', async () => {
    const config: AlignConfig = {
      columns: { Who: 'name', Notes: 'ignore', Q7: { role: 'ranking', priority: 'Grow revenue' }, Q8: { role: 'ranking', priority: 'Cut costs' } },
    };
    const d = await read('override.csv', 'Who,Notes,Q7,Q8\nAnn,3,2,1\n', { config });
    expect(stacks(d)).toEqual([['Ann', '1:cut costs 2:grow revenue']]);
  });
});

describe('detection', () => {
  const table = tableFromBytes(Buffer.from('respondent,priority,rank\n1,X,1\n'), 'long.csv');

  test('generic scores 0.1 and says what it sees', () => {
    expect(generic.detect(table)).toEqual({
      score: 0.1,
      reason: 'no survey tool\'s fingerprint; read as a plain table: long format (priority in "priority", rank in "rank")',
    });
  });

  test('detectFormat: the highest score wins; generic is the fallback', () => {
    const sure: FormatModule = {
      format: 'typeform',
      detect: () => ({ score: 0.9, reason: 'sure' }),
      normalise: () => {
        throw new Error('not called');
      },
    };
    const never: FormatModule = {
      format: 'qualtrics',
      detect: () => ({ score: 0, reason: 'no' }),
      normalise: () => {
        throw new Error('not called');
      },
    };
    expect(detectFormat(table, [sure, generic]).module).toBe(sure);
    const fallback = detectFormat(table, [never, generic]);
    expect(fallback.module).toBe(generic);
    expect(fallback.all.map((v) => [v.format, v.score])).toEqual([
      ['generic', 0.1],
      ['qualtrics', 0],
    ]);
  });
});

describe('detectFormat(table, formats, {winnerOnly})', () => {
  const sure: FormatModule = {
    format: 'typeform',
    detect: () => ({ score: 0.9, reason: 'sure' }),
    normalise: () => {
      throw new Error('not called');
    },
  };
  const weak: FormatModule = {
    format: 'google-forms',
    detect: () => ({ score: 0.05, reason: 'weak' }),
    normalise: () => {
      throw new Error('not called');
    },
  };
  const table = tableFromBytes(Buffer.from('respondent,priority,rank\n1,X,1\n'), 'long.csv');

  test("reading a tool's export does not pay for generic's pass over every cell", () => {
    // Before: readDataset's detectFormat ran generic.detect (a cellStats pass over the whole file) even when a tool module won.
    const detect = vi.spyOn(generic, 'detect');
    try {
      expect(detectFormat(table, [sure, generic], { winnerOnly: true }).module).toBe(sure);
      expect(detect).not.toHaveBeenCalled();
      expect(detectFormat(table, [weak, generic], { winnerOnly: true }).module).toBe(generic); // nobody above 0.1: generic asked
      expect(detect).toHaveBeenCalledTimes(1);
      expect(detectFormat(table, [sure, generic]).all.map((v) => v.format)).toEqual(['typeform', 'generic']); // inspect: every reason
    } finally {
      detect.mockRestore();
    }
  });

  test('readDataset reads a Qualtrics export without asking generic', async () => {
    const detect = vi.spyOn(generic, 'detect');
    try {
      const d = await readDataset([join(ROOT, 'test/fixtures/exports/qualtrics.csv')], { config: {}, skipInvalid: false });
      expect(d.files[0]!.format).toBe('qualtrics');
      expect(detect).not.toHaveBeenCalled();
    } finally {
      detect.mockRestore();
    }
  });
});

describe('parseIsoTime(text)', () => {
  test.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01 09:30', Date.UTC(2024, 4, 1, 9, 30)],
    ['2024-05-01T09:30:15Z', Date.UTC(2024, 4, 1, 9, 30, 15)],
    ['2024-05-01T09:30:15.250Z', Date.UTC(2024, 4, 1, 9, 30, 15, 250)],
    ['2024-05-01T11:30:00+02:00', Date.UTC(2024, 4, 1, 9, 30)],
    ['2024-05-01T04:30:00-0500', Date.UTC(2024, 4, 1, 9, 30)],
    ['5/1/2024 9:30', null], // not ISO: a plain table's slashed dates are read by the order decideDateOrder settles
    ['', null],
    [null, null],
  ])('parseIsoTime(%j) === %j', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });
});
