// What the survey-tool modules infer from headers and cells (src/ingest/infer.ts
// through the column plan, src/ingest/plan/), on small Google Forms sheets:
// the simplest layout, one header row.

import { describe, expect, it } from 'vitest';
import { readingOptions } from '../../src/cli/load.js';
import { InputError } from '../../src/errors.js';
import { likertRecord } from '../../src/ingest/answers.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { normalise } from '../../src/ingest/formats/google-forms.js';
import { type ColumnView, deriveOptions, findRankingQuestions, splitChoices } from '../../src/ingest/infer.js';
import { tableOf } from './northwind.js';

const T = (i: number) => `3/${3 + i}/2025 9:00:00`;

function sheet(header: string[], rows: string[][]): string {
  const q = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [['Timestamp', ...header], ...rows.map((r, i) => [T(i), ...r])].map((r) => r.map(q).join(',')).join('\n') + '\n';
}

function read(header: string[], rows: string[][], config: AlignConfig = {}, rankingQuestion?: string) {
  return normalise(tableOf('f.csv', sheet(header, rows)), { config, skipInvalid: false, ...(rankingQuestion ? { rankingQuestion } : {}) });
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

const roleOf = (n: ReturnType<typeof read>, header: string) => n.columns.find((c) => c.header === header)?.role;

describe('the ranking question', () => {
  const rank = (item: string) => `Rank these [${item}]`;
  const priorities = ['Grow', 'Cut', 'Hire'];

  it('two questions that both look like rankings: none read, the stop that asks for --ranking-question, a note for inspect', () => {
    const header = [...priorities.map(rank), ...priorities.map((p) => `Rank for next year [${p}]`)];
    const rows = [
      ['1', '2', '3', '3', '2', '1'],
      ['2', '1', '3', '1', '3', '2'],
    ];
    // Before: normalise threw, so align inspect could not show the table. readDataset (stack, audit) throws this instead.
    const both = read(header, rows);
    const stop = both.rankingUnresolved!;
    expect(new InputError('f.csv', stop.line, null, stop.problem, stop.fix).message).toBe(
      'f.csv:1: 2 questions look like rankings: "Rank these" (one column per priority, 3 columns) and "Rank for next year" (one column per priority, 3 columns); pass --ranking-question with the one to use, e.g. --ranking-question "Rank these" (or set rankingQuestion in align.yml)',
    );
    expect(both.notes.map((n) => [n.line, n.note])).toEqual([[1, `${stop.problem}; ${stop.fix}`]]);
    expect(both.ranking).toBeNull();
    expect(both.rows.map((r) => r.stack)).toEqual([[], []]);
    expect(both.items).toEqual([]);
    expect(roleOf(both, rank('Grow'))).toBe('unknown');
    expect(both.columns.find((c) => c.header === 'Rank for next year [Hire]')!.reason).toMatch(
      /^one of 2 candidate ranking questions \("Rank for next year": .*\); pass --ranking-question to read it$/,
    );
    const chosen = read(header, rows, {}, 'Rank for next year');
    expect(chosen.rows[0]!.stack).toEqual([
      { priority: 'Hire', rank: 1 },
      { priority: 'Cut', rank: 2 },
      { priority: 'Grow', rank: 3 },
    ]);
    expect(roleOf(chosen, rank('Grow'))).not.toBe('ranking');
    // align.yml's rankingQuestion does the same, resolved once by the CLI's loader (a flag wins over it)
    const config = { rankingQuestion: 'rank for next year' };
    expect(read(header, rows, config, readingOptions({}, config).rankingQuestion).ranking?.question).toBe('Rank for next year');
    expect(readingOptions({ rankingQuestion: 'Rank these' }, config).rankingQuestion).toBe('Rank these');
    expect(errorOf(() => read(header, rows, {}, 'Rank for the CEO'))).toMatch(
      /^f\.csv: no question here is headed "Rank for the CEO"; pass --ranking-question with one of "Rank these", "Rank for next year"$/,
    );
  });

  it('a transposed grid (rows = 1st choice…, cells = items) reads by position', () => {
    const n = read(
      ['Rank [1st choice]', 'Rank [2nd choice]', 'Rank [3rd choice]'],
      [
        ['Cut', 'Grow', 'Hire'],
        ['Hire', 'Cut', 'Grow'],
      ],
    );
    expect(n.ranking?.encoding).toBe('by-position');
    expect(n.rows[1]!.stack.map((e) => e.priority)).toEqual(['Hire', 'Cut', 'Grow']);
  });

  it('separate "First choice", "Second choice" questions read as one ranking by position', () => {
    const n = read(
      ['Your name', 'First choice', 'Second choice', 'Third choice'],
      [
        ['A', 'Cut', 'Grow', 'Hire'],
        ['B', 'Hire', 'Cut', 'Grow'],
      ],
    );
    expect(n.ranking).toMatchObject({ question: 'First choice', encoding: 'by-position' });
    expect(n.rows[0]!.stack).toEqual([
      { priority: 'Cut', rank: 1 },
      { priority: 'Grow', rank: 2 },
      { priority: 'Hire', rank: 3 },
    ]);
  });

  it('a numeric Likert grid is not a ranking: respondents repeat values', () => {
    const n = read(
      ['How much [A]', 'How much [B]', 'How much [C]'],
      [
        ['1', '1', '3'],
        ['2', '4', '4'],
        ['5', '3', '5'],
      ],
    );
    expect(n.ranking).toBeNull();
    expect(n.items.map((i) => i.text)).toEqual(['A', 'B', 'C']);
  });

  it('align.yml columns can name the ranking columns and their priorities', () => {
    const n = read(
      ['Q1', 'Q2'],
      [
        ['2', '1'],
        ['1', '2'],
      ],
      { columns: { Q1: { role: 'ranking', priority: 'Grow' }, Q2: { role: 'ranking', priority: 'Cut' } } },
    );
    expect(n.rows[0]!.stack).toEqual([
      { priority: 'Cut', rank: 1 },
      { priority: 'Grow', rank: 2 },
    ]);
    expect(n.columns.find((c) => c.header === 'Q1')).toMatchObject({ role: 'ranking', confidence: 1, priority: 'Grow' });
  });
});

describe('other question kinds', () => {
  it('"Who owns / is accountable for …" is an ownership question', () => {
    const n = read(
      ['Who owns the pricing decision?', 'Who is accountable for hiring?'],
      [
        ['CFO', 'CHRO'],
        ['CEO', 'CHRO'],
      ],
    );
    expect(n.columns.slice(1).map((c) => c.role)).toEqual(['ownership', 'ownership']);
    expect(n.rows[0]!.ownership).toEqual({ 'Who owns the pricing decision?': 'CFO', 'Who is accountable for hiring?': 'CHRO' });
  });

  it('free text is a comment; categorical answers are left unplaced, with what they hold', () => {
    const n = read(
      ['What would you change?', 'Favourite colour'],
      [
        ['Fewer meetings and clearer goals please', 'Red'],
        ['More time for deep work on the roadmap', 'Blue'],
        ['I would publish one roadmap for everyone', 'Red'],
      ],
    );
    expect(roleOf(n, 'What would you change?')).toBe('comment');
    expect(n.columns.find((c) => c.header === 'Favourite colour')).toMatchObject({
      role: 'unknown',
      reason: expect.stringContaining('2 different answers ("Red", "Blue")'),
    });
  });

  it('frequency and 7-point agreement scales; a question shares one scale', () => {
    const n = read(
      ['How often [A]', 'Agree? [X]', 'Agree? [Y]'],
      [
        ['Never', 'Agree', 'Somewhat agree'],
        ['Always', 'Strongly agree', 'Agree'],
        ['Sometimes', 'Agree', 'Disagree'],
      ],
    );
    expect(n.items.map((i) => i.points)).toEqual([5, 7, 7]);
    expect(likertRecord(n.rows[0]!.likert)).toEqual({ A: 1, X: 6, Y: 5 });
    expect(n.scales).toEqual({ 1: 'frequency', 2: 'agreement-7', 3: 'agreement-7' });
  });

  it('a header that only loosely reads as a role question yields to clear Likert answers', () => {
    const n = read(['What is your level of agreement with the plan?'], [['Agree'], ['Strongly agree'], ['Disagree']]);
    expect(n.columns[1]).toMatchObject({ role: 'likert' });
    expect(n.hasRoleColumn).toBe(false);
  });

  it('N/A and Don’t know are no answer', () => {
    const n = read(['Agree? [X]'], [['Agree'], ['N/A'], ["Don't know"], ['Disagree']]);
    expect(n.rows.map((r) => likertRecord(r.likert))).toEqual([{ X: 4 }, {}, {}, { X: 2 }]);
  });

  it('align.yml: item text, dimension and a scale of its own', () => {
    const n = read(
      ['Q1', 'Q2'],
      [
        ['Mostly', 'Agree'],
        ['Hardly', 'Disagree'],
      ],
      {
        scales: { mine: { labels: { Hardly: 1, Sometimes: 2, Mostly: 3 } } },
        columns: { Q1: { role: 'likert', item: 'Clarity of goals', scale: 'mine' } },
        dimensions: { clarity: ['Clarity of goals'], belief: ['Q2'] },
      },
    );
    expect(n.items).toEqual([
      { id: 'Clarity of goals', text: 'Clarity of goals', dimension: 'clarity', points: 3, low: 1, reverse: false },
      { id: 'Q2', text: 'Q2', dimension: 'belief', points: 5, low: 1, reverse: false },
    ]);
    expect(likertRecord(n.rows[0]!.likert)).toEqual({ 'Clarity of goals': 3, Q2: 4 });
  });

  it('a column align.yml calls Likert whose answers are no known scale: the labels found and the fix', () => {
    expect(errorOf(() => read(['Mood'], [['Sunny'], ['Cloudy']], { columns: { Mood: 'likert' } }))).toBe(
      'f.csv:1:"Mood": the answers ("Sunny", "Cloudy") are not a Likert scale align knows; map them to numbers in align.yml under scales (e.g. scales: {mine: {labels: {"Mostly": 4}}}) and name it in columns.<column>.scale',
    );
  });

  it('a stray non-number in a column of scale numbers is an error with line and column', () => {
    const header = ['Rate [A]', 'Rate [B]'];
    expect(
      read(header, [
        ['1', '5'],
        ['3', '4'],
      ]).items[0]!.points,
    ).toBe(5);
    expect(
      errorOf(() =>
        read(header, [
          ['1', '5'],
          ['3', 'x'],
          ['2', '2'],
          ['4', '5'],
        ]),
      ),
    ).toMatch(/^f\.csv:3:"Rate \[B\]": "x" is not a number on this 1\.\.5 scale/);
  });

  it('align.yml names a column the file does not have: a note', () => {
    const n = read(['Your name'], [['A']], { columns: { 'Your nmae': 'name' } });
    expect(n.notes[0]).toEqual({ file: 'f.csv', line: 1, note: 'align.yml names column "Your nmae", which this file does not have' });
    expect(n.notes.slice(1).map((x) => x.note)).toEqual([expect.stringMatching(/^no ranking found; /)]); // and nothing else to read
  });
});

describe('single-choice answers with commas', () => {
  it('"$50,000 - $99,999" is one answer: a thousands separator is no list separator', () => {
    const n = read(['Household Income'], [['$0 - $24,999'], ['$50,000 - $99,999'], ['$150,000+'], ['$50,000 - $99,999']]);
    expect(n.columns[1]).toMatchObject({ role: 'unknown' });
    expect(deriveOptions(['$0 - $24,999', '$50,000 - $99,999, $150,000+'])).toEqual(['$0 - $24,999', '$50,000 - $99,999', '$150,000+']);
  });

  it('a rating question everyone answered alike ("3") is Likert like its neighbours', () => {
    const n = read(
      ['Rate A', 'Rate B', 'Rate C'],
      [
        ['1', '3', '5'],
        ['4', '3', '2'],
        ['5', 'N/A', '1'],
      ],
    );
    expect(n.columns.slice(1).map((c) => c.role)).toEqual(['likert', 'likert', 'likert']);
    expect(likertRecord(n.rows[0]!.likert)).toEqual({ 'Rate A': 1, 'Rate B': 3, 'Rate C': 5 });
  });
});

describe('multi-select options', () => {
  it('deriveOptions keeps a bracketed comma inside its option', () => {
    const cells = ['All-hands, Chat (Slack, Teams)', 'Email', 'Chat (Slack, Teams), Email, All-hands'];
    const options = deriveOptions(cells);
    expect(options).toEqual(['All-hands', 'Chat (Slack, Teams)', 'Email']);
    expect(splitChoices(cells[2]!, options)).toEqual(['Chat (Slack, Teams)', 'Email', 'All-hands']);
    expect(splitChoices('All-hands;Chat (Slack, Teams);', options)).toEqual(['All-hands', 'Chat (Slack, Teams)']);
  });
});

describe('large files', () => {
  it('findRankingQuestions on a by-priority grid of 200,000 cells (a ~67k-row export) finds it without overflowing the call stack', () => {
    // Before: Math.max(...ranks) over every cell threw RangeError (exit 1) above ~120k cells.
    const rows = 66_667;
    const column = (i: number, item: string): ColumnView => {
      const cells = Array.from({ length: rows }, (_, r) => String(((r + i) % 3) + 1));
      return { index: i, header: `Rank these [${item}]`, code: null, question: 'Rank these', sub: item, cells, raw: cells };
    };
    const found = findRankingQuestions([[column(0, 'Grow'), column(1, 'Cut'), column(2, 'Hire')]]);
    expect(found.map((c) => [c.question, c.encoding])).toEqual([['Rank these', 'by-priority']]);
  });
});
