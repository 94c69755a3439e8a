/**
 * dataset.ts: merging files, the ledger, duplicates, notes and priorities.
 * Most cases go through assembleDataset with hand-made module output (what a
 * tool module would hand over), a few through readDataset on real files.
 */

import { afterAll, describe, expect, it, test } from 'vitest';
import { InputError, InternalError, UsageError } from '../../src/errors.js';
import { msg } from '../../src/i18n/index.js';
import { likertRecord } from '../../src/ingest/answers.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { assembleDataset, readDataset } from '../../src/ingest/dataset.js';
import type { Normalised, RawRow } from '../../src/ingest/formats/types.js';
import type { Table, ToolFormat } from '../../src/ingest/types.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

type Stack = Array<[string, number]>;

/** A data row as a module would hand it over; `at` = line. */
function row(file: string, line: number, fields: Partial<Omit<RawRow, 'stack'>> & { stack?: Stack } = {}): RawRow {
  const { stack = [['Grow revenue', 1]], ...rest } = fields;
  return {
    file,
    line,
    toolId: null,
    name: null,
    email: null,
    role: null,
    department: null,
    submitted: null,
    likert: {},
    exclude: null,
    ...rest,
    stack: stack.map(([priority, rank]) => ({ priority, rank })),
  };
}

/** One file's module output; the table holds header + one record per data line. */
function file(path: string, rows: RawRow[], extra: Partial<Normalised> & { dataRows?: number } = {}): { table: Table; normalised: Normalised } {
  const { dataRows, ...normalisedExtra } = extra;
  const headerRows = normalisedExtra.headerRows ?? 1;
  const count = dataRows ?? rows.reduce((n, r) => n + (r.lines?.length ?? 1), 0) + (normalisedExtra.excluded?.length ?? 0);
  const records = Array.from({ length: headerRows + count }, () => ['x']);
  const table: Table = { path, encoding: 'utf-8', bom: false, delimiter: ',', records, lines: records.map((_, i) => i + 1) };
  const normalised: Normalised = {
    format: 'generic' as ToolFormat,
    headerRows,
    columns: [],
    items: [],
    rows,
    excluded: [],
    notes: [],
    hasRoleColumn: false,
    priorities: [],
    newestFirst: false,
    ...normalisedExtra,
  };
  return { table, normalised };
}

const options = (config: AlignConfig = {}, skipInvalid = false) => ({ config, skipInvalid });

describe('duplicates', () => {
  test('same email (case-insensitive) across files: the later file wins, the loser names the line that replaced it', () => {
    const d = assembleDataset(
      [
        file('a.csv', [row('a.csv', 2, { email: 'Ann@X.example', name: 'Ann' }), row('a.csv', 3, { name: 'Bo' })]),
        file('b.csv', [row('b.csv', 2, { email: 'ann@x.example ', name: 'Ann', stack: [['Cut costs', 1]] })]),
      ],
      options(),
    );
    expect(d.respondents.map((r) => `${r.file}:${r.line}`)).toEqual(['a.csv:3', 'b.csv:2']);
    expect(d.excluded).toMatchObject([{ file: 'a.csv', line: 2, reason: 'duplicate (same email): replaced by the later submission on b.csv line 2' }]);
  });

  test('the later submit time wins over file order', () => {
    const d = assembleDataset(
      [
        file('a.csv', [row('a.csv', 2, { email: 'a@x', submitted: Date.UTC(2024, 0, 2) })]),
        file('b.csv', [row('b.csv', 2, { email: 'a@x', submitted: Date.UTC(2024, 0, 1) })]),
      ],
      options(),
    );
    expect(d.respondents.map((r) => r.file)).toEqual(['a.csv']);
    expect(d.excluded[0]).toMatchObject({ file: 'b.csv', line: 2, reason: 'duplicate (same email): replaced by the later submission on a.csv line 2' });
  });

  test('within one file the later line wins; in a newest-first file (SurveyMonkey) the earlier line', () => {
    const rows = () => [row('f.csv', 3, { toolId: '7' }), row('f.csv', 4, { name: 'other' }), row('f.csv', 5, { toolId: '7' })];
    const oldestFirst = assembleDataset([file('f.csv', rows())], options());
    expect(oldestFirst.respondents.map((r) => r.line)).toEqual([4, 5]);
    expect(oldestFirst.excluded).toMatchObject([
      { file: 'f.csv', line: 3, reason: 'duplicate (same respondent id): replaced by the later submission on line 5' },
    ]);
    const newestFirst = assembleDataset([file('f.csv', rows(), { newestFirst: true, format: 'surveymonkey', headerRows: 2 })], options());
    expect(newestFirst.respondents.map((r) => r.line)).toEqual([3, 4]);
    expect(newestFirst.excluded[0]!.line).toBe(5);
  });

  test('three submissions: both losers name the one that won', () => {
    const d = assembleDataset(
      [file('f.csv', [row('f.csv', 2, { toolId: '1' }), row('f.csv', 3, { toolId: '1' }), row('f.csv', 4, { toolId: '1' })])],
      options(),
    );
    expect(d.excluded.map((x) => x.reason)).toEqual([
      'duplicate (same respondent id): replaced by the later submission on line 4',
      'duplicate (same respondent id): replaced by the later submission on line 4',
    ]);
  });

  test("tool ids are compared within one tool's files only", () => {
    const d = assembleDataset(
      [file('a.csv', [row('a.csv', 2, { toolId: '1' })]), file('b.csv', [row('b.csv', 2, { toolId: '1' })], { format: 'typeform' })],
      options(),
    );
    expect(d.respondents).toHaveLength(2);
  });

  test('a long-format loser puts every one of its rows in the ledger', () => {
    const d = assembleDataset(
      [file('a.csv', [row('a.csv', 2, { toolId: 'AW1', lines: [2, 3, 4] }), row('a.csv', 5, { toolId: 'AW1', lines: [5, 6] })])],
      options(),
    );
    expect(d.excluded.map((x) => x.line)).toEqual([2, 3, 4]);
  });

  test('two rows with one name and no email: both counted, flagged', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2, { name: 'José Díaz' }), row('f.csv', 3, { name: 'jose  diaz' })])], options());
    expect(d.respondents).toHaveLength(2);
    expect(d.notes).toMatchObject([
      {
        file: 'f.csv',
        line: 3,
        note: 'same name as the respondent on line 2 ("jose  diaz") and no distinct emails or person ids to tell them apart: counted as two people; if they are one person, remove one of the two responses',
      },
    ]);
  });

  test('one name, two different emails: two people, no note', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2, { name: 'Ann', email: 'a@x' }), row('f.csv', 3, { name: 'Ann', email: 'b@x' })])], options());
    expect(d.notes).toEqual([]);
  });

  // ARCHITECTURE.md, "Duplicates": distinct emails or distinct person-level ids (a plain table's id column) tell two people apart.
  describe('same name: what tells two people apart', () => {
    const sameName = (rows: RawRow[], format: ToolFormat = 'generic') => assembleDataset([file('f.csv', rows, { format })], options()).notes;

    test('distinct person ids in a plain table: no note', () => {
      expect(sameName([row('f.csv', 2, { name: 'Ann', toolId: 'E1' }), row('f.csv', 3, { name: 'Ann', toolId: 'E2' })])).toEqual([]);
    });

    test("a survey tool's distinct response ids tell nobody apart: noted", () => {
      const notes = sameName([row('f.csv', 2, { name: 'Ann', toolId: '101' }), row('f.csv', 3, { name: 'Ann', toolId: '102' })], 'typeform');
      expect(notes).toMatchObject([{ line: 3, kind: 'same-name' }]);
    });

    test('an email on one side and a person id on the other: nothing tells them apart, noted', () => {
      const notes = sameName([row('f.csv', 2, { name: 'Ann', email: 'a@x' }), row('f.csv', 3, { name: 'Ann', toolId: 'E2' })]);
      expect(notes).toMatchObject([{ line: 3, kind: 'same-name', note: expect.stringMatching(/^same name as the respondent on line 2 /) }]);
    });

    test('one side with neither email nor id: noted', () => {
      expect(sameName([row('f.csv', 2, { name: 'Ann', email: 'a@x', toolId: 'E1' }), row('f.csv', 3, { name: 'Ann' })])).toMatchObject([{ line: 3 }]);
    });

    test('the same person id under two emails: the emails tell them apart', () => {
      expect(sameName([row('f.csv', 2, { name: 'Ann', email: 'a@x', toolId: 'E1' }), row('f.csv', 3, { name: 'Ann', email: 'b@x', toolId: 'E1' })])).toEqual(
        [],
      );
    });

    test('every earlier namesake is compared, not only the first: the note names the one it cannot be told from', () => {
      // line 2 is told apart from line 4 by person id, line 3 is not (an email against an id)
      const notes = sameName([
        row('f.csv', 2, { name: 'Ann', email: 'a@x', toolId: 'E1' }),
        row('f.csv', 3, { name: 'Ann', email: 'b@x' }),
        row('f.csv', 4, { name: 'Ann', toolId: 'E3' }),
      ]);
      expect(notes).toMatchObject([{ line: 4, note: expect.stringMatching(/^same name as the respondent on line 3 /) }]);
    });

    test('the order of the rows does not change who is noted for a pair that nothing tells apart', () => {
      const a = row('f.csv', 2, { name: 'Ann', email: 'a@x' });
      const b = row('f.csv', 3, { name: 'Ann', toolId: 'E2' });
      expect(sameName([a, b])).toHaveLength(1);
      expect(
        sameName([
          { ...b, line: 2 },
          { ...a, line: 3 },
        ]),
      ).toHaveLength(1);
    });
  });
});

describe('the ledger', () => {
  test('rows the tool marks are excluded with its reason, before duplicates are settled', () => {
    const d = assembleDataset(
      [
        file('f.csv', [
          row('f.csv', 2, { email: 'a@x' }),
          row('f.csv', 3, { email: 'a@x', exclude: msg('audit:preview response (Qualtrics Status: Survey Preview)') }),
        ]),
      ],
      options(),
    );
    expect(d.respondents.map((r) => r.line)).toEqual([2]);
    expect(d.excluded).toMatchObject([{ file: 'f.csv', line: 3, reason: 'preview response (Qualtrics Status: Survey Preview)' }]);
  });

  test('nothing ranked (stacks file) / nothing answered (survey) / nothing align reads', () => {
    const ranking = { columns: [{ index: 0, header: 'Rank', role: 'ranking' as const, confidence: 1, reason: 'test' }] };
    const stacksFile = assembleDataset([file('s.csv', [row('s.csv', 2, { stack: [] }), row('s.csv', 3)], ranking)], options());
    expect(stacksFile.excluded).toMatchObject([{ file: 's.csv', line: 2, reason: 'nothing ranked' }]);
    const survey = assembleDataset(
      [
        file('q.csv', [row('q.csv', 2, { stack: [] }), row('q.csv', 3, { stack: [], likert: { q1: 4 } })], {
          items: [{ id: 'q1', text: 'Q1', dimension: null, points: 5, low: 1, reverse: false }],
        }),
      ],
      options(),
    );
    expect(survey.excluded).toMatchObject([{ file: 'q.csv', line: 2, reason: 'nothing answered (no Likert item)' }]);
    const neither = assembleDataset([file('n.csv', [row('n.csv', 2, { stack: [] }), row('n.csv', 3)])], options());
    expect(neither.excluded).toMatchObject([{ file: 'n.csv', line: 2, reason: 'no answer align reads: the file has no Likert items and no ranking question' }]);
    expect(likertRecord(survey.respondents[0]!.likert)).toEqual({ q1: 4 });
    expect(survey.items.map((i) => i.id)).toEqual(['q1']);
  });

  test("a module's own exclusions are kept", () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2)], { excluded: [{ file: 'f.csv', line: 3, reason: 'unfinished' }] })], options());
    expect(d.excluded).toMatchObject([{ file: 'f.csv', line: 3, reason: 'unfinished' }]);
  });

  test("a module's 200,000 exclusions are all kept (no call-stack overflow)", () => {
    // Before: excluded.push(...normalised.excluded) threw RangeError (exit 1) above ~120k entries.
    const many = Array.from({ length: 200_000 }, (_, i) => ({ file: 'f.csv', line: i + 3, reason: 'unfinished' }));
    const d = assembleDataset([file('f.csv', [row('f.csv', 2)], { excluded: many })], options());
    expect(d.excluded).toHaveLength(200_000);
    expect(d.excluded[199_999]).toMatchObject({ file: 'f.csv', line: 200_002, reason: 'unfinished' });
  });

  test('a module that loses a row is a bug, not bad input', () => {
    expect(() => assembleDataset([file('f.csv', [row('f.csv', 2)], { dataRows: 2 })], options())).toThrow(InternalError);
  });

  test('file info: data rows exclude header rows', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 3), row('f.csv', 4)], { headerRows: 2, format: 'surveymonkey' })], options());
    expect(d.files).toEqual([{ path: 'f.csv', format: 'surveymonkey', encoding: 'utf-8', bom: false, delimiter: ',', rows: 2, headerRows: 2 }]);
  });
});

describe('roles', () => {
  test('a blank role in a role column: role null and a note', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2, { role: 'Executive' }), row('f.csv', 3)], { hasRoleColumn: true })], options());
    expect(d.hasRoleColumn).toBe(true);
    expect(d.respondents[1]!.role).toBeNull();
    expect(d.notes).toMatchObject([{ file: 'f.csv', line: 3, note: 'blank role: not counted as a leader' }]);
  });

  test('no role column anywhere: no notes, hasRoleColumn false', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2)])], options());
    expect(d.hasRoleColumn).toBe(false);
    expect(d.notes).toEqual([]);
  });
});

describe('priorities and stacks', () => {
  test('keys, sorted by rank then key; shown by the spelling most used', () => {
    const d = assembleDataset(
      [
        file('f.csv', [
          row('f.csv', 2, {
            stack: [
              ['grow revenue', 1],
              ['Cut costs', 2],
            ],
          }),
          row('f.csv', 3, {
            stack: [
              ['Grow revenue', 1],
              ['Cut Costs', 1],
            ],
          }),
          row('f.csv', 4, {
            stack: [
              ['Grow revenue.', 2],
              ['Cut costs', 1],
            ],
          }),
          row('f.csv', 5, { stack: [['Grow revenue', 1]] }),
        ]),
      ],
      options(),
    );
    expect(d.respondents[1]!.stack).toEqual([
      { priority: 'cut costs', rank: 1 },
      { priority: 'grow revenue', rank: 1 },
    ]);
    expect(d.priorities).toEqual([
      { key: 'grow revenue', name: 'Grow revenue' },
      { key: 'cut costs', name: 'Cut costs' },
    ]);
  });

  test('a priority a file lists but nobody ranked counts in N', () => {
    const d = assembleDataset([file('f.csv', [row('f.csv', 2)], { priorities: ['Grow revenue', 'Cut carbon emissions'] })], options());
    expect(d.priorities.map((p) => p.name)).toEqual(['Grow revenue', 'Cut carbon emissions']);
  });

  test('align.yml aliases: one priority, named by its target', () => {
    const config: AlignConfig = { priorities: { aliases: { Revenue: 'Grow revenue' } } };
    const d = assembleDataset(
      [file('f.csv', [row('f.csv', 2, { stack: [['revenue', 1]] }), row('f.csv', 3, { stack: [['Grow revenue', 2]] })])],
      options(config),
    );
    expect(d.priorities).toEqual([{ key: 'grow revenue', name: 'Grow revenue' }]);
    expect(d.respondents.map((r) => r.stack[0]!.priority)).toEqual(['grow revenue', 'grow revenue']);
  });

  test('an alias that makes one stack rank a priority twice: invalid', () => {
    const config: AlignConfig = { priorities: { aliases: { Revenue: 'Grow revenue' } } };
    const input = () => [
      file('f.csv', [
        row('f.csv', 2, {
          stack: [
            ['Revenue', 1],
            ['Grow revenue', 2],
          ],
        }),
        row('f.csv', 3),
      ]),
    ];
    expect(() => assembleDataset(input(), options(config))).toThrow(InputError);
    const d = assembleDataset(input(), options(config, true));
    expect(d.respondents.map((r) => r.line)).toEqual([3]);
    expect(d.excluded[0]!.reason).toBe(
      'invalid, respondent left out (--skip-invalid): "Revenue" and "Grow revenue" are the same priority (after priorities.aliases in align.yml) and both are ranked',
    );
  });

  test('ties are noted once, even when a module noted them too', () => {
    const tie = row('f.csv', 2, {
      name: 'Kofi',
      stack: [
        ['A', 1],
        ['B', 1],
      ],
    });
    const note = { file: 'f.csv', line: 2, note: 'This respondent gave rank 1 to both "A" and "B"; they share the average rank' };
    const d = assembleDataset([file('f.csv', [tie], { notes: [note] })], options());
    expect(d.notes).toMatchObject([note]);
  });

  test('a tie note never names the respondent: team answers are confidential', () => {
    const d = assembleDataset(
      [
        file('f.csv', [
          row('f.csv', 2, {
            name: 'Mia Secret',
            stack: [
              ['A', 2],
              ['B', 2],
            ],
          }),
        ]),
      ],
      options(),
    );
    expect(d.notes.map((n) => n.note)).toEqual(['This respondent gave rank 2 to both "A" and "B"; they share the average rank']);
  });

  test('no tie note for a respondent who is not used', () => {
    const d = assembleDataset(
      [
        file('f.csv', [
          row('f.csv', 2, {
            toolId: '1',
            stack: [
              ['A', 1],
              ['B', 1],
            ],
          }),
          row('f.csv', 3, { toolId: '1' }),
        ]),
      ],
      options(),
    );
    expect(d.notes).toEqual([]);
  });
});

describe('readDataset(paths, options)', () => {
  test('no paths is a usage error', async () => {
    await expect(readDataset([], options())).rejects.toThrow(UsageError);
  });

  test('files in command-line order; --delimiter and --encoding reach the reader', async () => {
    const a = tmp.write('a.csv', 'name;stack\nAnn;X>Y\n');
    const b = tmp.write('b.csv', Buffer.from('name,stack\nJos\xe9,Y>X\n', 'latin1'));
    const forced = await readDataset([a], { config: {}, skipInvalid: false, delimiter: ';' });
    expect(forced.files[0]!.delimiter).toBe(';');
    const ok = await readDataset([b, a], { config: {}, skipInvalid: false, encoding: 'windows-1252' });
    expect(ok.respondents.map((r) => r.name)).toEqual(['José', 'Ann']);
    expect(ok.files.map((f) => [f.delimiter, f.encoding])).toEqual([
      [',', 'windows-1252'],
      [';', 'windows-1252'],
    ]);
  });

  test('the same person in two stacks files: the later file wins, by respondent id', async () => {
    const a = tmp.write('first.csv', 'respondent,name,priority,rank\nAW1,Ann,X,1\nAW1,Ann,Y,2\nAW2,Bo,X,1\n');
    const b = tmp.write('second.csv', 'respondent,name,priority,rank\nAW1,Ann,Y,1\nAW1,Ann,X,2\n');
    const d = await readDataset([a, b], options());
    expect(d.respondents.map((r) => [r.file, r.line, r.stack[0]!.priority])).toEqual([
      [a, 4, 'x'],
      [b, 2, 'y'],
    ]);
    expect(d.excluded).toMatchObject([
      { file: a, line: 2, reason: `duplicate (same respondent id): replaced by the later submission on ${b} line 2` },
      { file: a, line: 3, reason: `duplicate (same respondent id): replaced by the later submission on ${b} line 2` },
    ]);
  });
});

describe('a tool id names one response, not one person', () => {
  test('the same id under another name is two people, with a note', () => {
    const d = assembleDataset(
      [file('a.csv', [row('a.csv', 2, { toolId: '15', name: 'Ana Lee' })]), file('b.csv', [row('b.csv', 2, { toolId: '15', name: 'Bo Chen' })])],
      options(),
    );
    expect(d.respondents.map((r) => r.name)).toEqual(['Ana Lee', 'Bo Chen']);
    expect(d.excluded).toEqual([]);
    expect(d.notes.map((n) => n.note)).toContain(
      'same respondent id "15" as a.csv line 2 but another name: counted as two responses (ids restart when a survey is copied or reactivated, and Excel can round long ids)',
    );
  });

  test('the same id submitted at another time is another response; at the same time, the same one exported twice', () => {
    const at = (t: string) => Date.parse(t);
    const copied = assembleDataset(
      [
        file('a.csv', [row('a.csv', 2, { toolId: '1', submitted: at('2025-03-03T09:30:57Z') })]),
        file('b.csv', [row('b.csv', 2, { toolId: '1', submitted: at('2025-03-05T16:18:18Z') })]),
      ],
      options(),
    );
    expect(copied.respondents).toHaveLength(2);
    const twice = assembleDataset(
      [
        file('a.csv', [row('a.csv', 2, { toolId: '1', submitted: at('2025-03-03T09:30:57Z') })]),
        file('b.csv', [row('b.csv', 2, { toolId: '1', submitted: at('2025-03-03T09:30:57Z') })]),
      ],
      options(),
    );
    expect(twice.respondents).toHaveLength(1);
    expect(twice.excluded[0]!.reason).toMatch(/^duplicate \(same respondent id\)/);
  });
});

describe('two columns read as one attribute', () => {
  test('a duplicated role question is noted with both headers', async () => {
    const { readDataset } = await import('../../src/ingest/dataset.js');
    const d = await readDataset([new URL('../fixtures/ugly/google-forms-two-role-columns.csv', import.meta.url).pathname], { config: {}, skipInvalid: false });
    expect(d.notes.map((n) => n.note)).toContain(
      '2 columns read as the respondent\'s role ("What is your role?", "What is your role?"): each row uses the first one answered; name the right one in align.yml under columns and set the other to ignore',
    );
  });
});

describe("ledger subjects (who a note or exclusion concerns, for the audit's anonymity rule)", () => {
  it("a format module's --skip-invalid exclusion and blank-rank note get the row's role and department cells and a kind", async () => {
    const dir = tempFolder();
    try {
      const path = dir.write(
        'long.csv',
        [
          'respondent,name,role,department,priority,rank',
          'L1,Ana,Executive,Sales,Growth,1',
          'L1,Ana,Executive,Sales,Cost,2',
          'M1,Bo,Manager,Ops,Growth,first-ish',
          'M2,Cy,Manager,Ops,Growth,1',
          'M2,Cy,Manager,Ops,Cost,',
        ].join('\n') + '\n',
      );
      const d = await readDataset([path], { config: {}, skipInvalid: true });
      expect(d.excluded).toEqual([expect.objectContaining({ line: 4, kind: 'invalid', about: { role: 'Manager', department: 'Ops' } })]);
      expect(d.notes).toContainEqual(expect.objectContaining({ line: 6, kind: 'blank-rank', about: [{ role: 'Manager', department: 'Ops' }] }));
    } finally {
      dir.remove();
    }
  });
});

describe('same-name notes at scale (issue 13)', () => {
  test('the plain wide table of 100,000 rows (256 names, a distinct respondent_id each) has no same-name note', async () => {
    const { plainWide } = await import('../../scripts/lib/plain-wide.mjs');
    const { people } = plainWide({ rows: 100000 });
    expect(new Set(people.map((p: { name: string }) => p.name)).size).toBeLessThanOrEqual(256); // names repeat about 390 times each
    const rows = people.map((p: { id: string; name: string }, i: number) => row('wide.csv', i + 2, { name: p.name, toolId: p.id }));
    const d = assembleDataset([file('wide.csv', rows)], options());
    expect(d.respondents).toHaveLength(100000);
    expect(d.notes.filter((n) => n.kind === 'same-name')).toEqual([]);
  });

  test('read from the file, the committed 1,000-row table gives none either', async () => {
    const d = await readDataset([new URL('../fixtures/plain-wide-1k.csv', import.meta.url).pathname], { config: {}, skipInvalid: false });
    expect(d.respondents).toHaveLength(1000);
    expect(d.notes.filter((n) => n.kind === 'same-name')).toEqual([]);
  });

  test('the same names without ids are noted, once for each repeat of a name', async () => {
    const { plainWide } = await import('../../scripts/lib/plain-wide.mjs');
    const { people } = plainWide({ rows: 20000 });
    const rows = people.map((p: { name: string }, i: number) => row('wide.csv', i + 2, { name: p.name }));
    const d = assembleDataset([file('wide.csv', rows)], options());
    const names = new Set(people.map((p: { name: string }) => p.name)).size;
    expect(d.notes.filter((n) => n.kind === 'same-name')).toHaveLength(20000 - names);
  });
});

describe('ReadOptions.progress(bytesDone, bytesTotal)', () => {
  test('is told the bytes read so far after each file, out of the bytes of all the files', async () => {
    const a = tmp.write('progress-a.csv', 'name,role,stack\nAnn,Executive,A;B;C\n');
    const b = tmp.write('progress-b.csv', 'name,role,stack\nBo,Executive,C;B;A\nCy,Executive,B;A;C\n');
    const calls: Array<[number, number]> = [];
    await readDataset([a, b], { config: {}, skipInvalid: false, progress: (done, total) => calls.push([done, total]) });
    const total = 36 + 54; // the two files' lengths in bytes (ASCII)
    expect(calls).toEqual([
      [36, total],
      [total, total],
    ]);
  });
});
