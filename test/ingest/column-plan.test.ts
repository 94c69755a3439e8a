/**
 * One reading of columns for every file (the column-reading issue): the plain
 * wide table people-analytics teams export, a ranking written as one comma
 * list per cell, and the same align.yml keys on the Northwind survey in every
 * tool's layout.
 */

import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PRIORITIES, plainWide } from '../../scripts/lib/plain-wide.mjs';
import { likertRecord } from '../../src/ingest/answers.js';
import { loadConfig } from '../../src/ingest/config.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { priorityKey } from '../../src/ingest/priority-key.js';
import type { Dataset } from '../../src/ingest/types.js';
import { runAlign } from '../helpers/run.js';
import { EXPORTS } from './northwind.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe('the plain wide table (respondent_id, name, role, department, Q1…Q40, Rank: <priority>…)', () => {
  const { csv, people } = plainWide({ rows: 1000, seed: 11 });
  const path = tmp.write('plain-wide.csv', csv);

  test('is read without a config as 40 Likert items and one ranking of the ten priorities, named without the prefix', async () => {
    const d = await readDataset([path], { config: {}, skipInvalid: false });
    expect(d.files[0]!.format).toBe('generic');
    expect(d.items.map((i) => [i.id, i.points])).toEqual(Array.from({ length: 40 }, (_, i) => [`Q${i + 1}`, 5]));
    expect(d.priorities.map((p) => p.name)).toEqual(PRIORITIES);
    expect(d.respondents).toHaveLength(1000);
    expect(d.excluded).toEqual([]);
  });

  test("every Likert value and every rank equals the generator's", async () => {
    const d = await readDataset([path], { config: {}, skipInvalid: false });
    d.respondents.forEach((r, i) => {
      const person = people[i]!;
      expect(r.toolId).toBe(person.id);
      expect([r.name, r.role, r.department]).toEqual([person.name, person.role, person.department]);
      const likert: Record<string, number> = {};
      person.likert.forEach((v: number | null, j: number) => {
        if (v !== null) likert[`Q${j + 1}`] = v;
      });
      expect(likertRecord(r.likert)).toEqual(likert);
      expect(Object.fromEntries(r.stack.map((e) => [e.priority, e.rank]))).toEqual(
        Object.fromEntries(Object.entries(person.ranks as Record<string, number>).map(([p, rank]) => [priorityKey(p), rank])),
      );
    });
  });

  test('align inspect says so', async () => {
    const run = await runAlign(['inspect', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ranking {6}"Rank" \(by priority, 10 priorities\)$/m);
    expect(run.stdout).toMatch(/^likert items 40$/m);
    expect(run.stdout).toMatch(/^ {2}5 {3}Q1 +likert +0\.75 +whole numbers within 1\.\.5: read as a 5-point scale, 1 = lowest$/m);
    expect(run.stdout).toMatch(/^ {2}45 {2}Rank: Grow recurring revenue +ranking +0\.95 +10 columns under "Rank", one per priority/m);
  });
});

/** Four leaders' and four managers' stacks of five priorities, as [name, role, department, stack best first]. */
const STACKS: Array<[string, string, string, string[]]> = [
  ['Ama Boateng', 'Executive', 'Office', ['Cut costs', 'Grow revenue', 'Hire a CTO', 'Enter Spain', 'Fix onboarding']],
  ['Ben Okafor', 'Executive', 'Sales', ['Grow revenue', 'Enter Spain', 'Cut costs', 'Fix onboarding', 'Hire a CTO']],
  ['Cara Lind', 'Executive', 'Product', ['Hire a CTO', 'Fix onboarding', 'Grow revenue', 'Cut costs', 'Enter Spain']],
  ['Dev Rao', 'Executive', 'People', ['Fix onboarding', 'Hire a CTO', 'Cut costs', 'Grow revenue', 'Enter Spain']],
  ['Eli Stone', 'Manager', 'Sales', ['Grow revenue', 'Enter Spain', 'Fix onboarding', 'Cut costs', 'Hire a CTO']],
  ['Fay Moss', 'Manager', 'Sales', ['Enter Spain', 'Grow revenue', 'Cut costs', 'Hire a CTO', 'Fix onboarding']],
  ['Gus Hale', 'Manager', 'Product', ['Hire a CTO', 'Grow revenue', 'Fix onboarding', 'Enter Spain', 'Cut costs']],
  ['Hana Ito', 'Manager', 'Product', ['Fix onboarding', 'Hire a CTO', 'Grow revenue', 'Cut costs', 'Enter Spain']],
];

describe('a ranking as one comma-separated list per cell', () => {
  const listCsv =
    'Name,Role,Department,"Priorities, in order of importance"\n' + STACKS.map(([n, r, d, s]) => `${n},${r},${d},"${s.join(', ')}"`).join('\n') + '\n';
  const longCsv = 'name,role,department,priority,rank\n' + STACKS.flatMap(([n, r, d, s]) => s.map((p, i) => `${n},${r},${d},${p},${i + 1}`)).join('\n') + '\n';

  test('is read without a config, and its stacks equal the same stacks written in long format', async () => {
    const list = await runAlign(['stack', tmp.write('list.csv', listCsv), '--json']);
    const long = await runAlign(['stack', tmp.write('long.csv', longCsv), '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(long.code, long.stderr).toBe(0);
    const a = JSON.parse(list.stdout);
    const b = JSON.parse(long.stdout);
    expect(a.stack.priorities).toEqual(b.stack.priorities);
    expect(a.stack.raters.map((r: { name: string; ranks: unknown }) => [r.name, r.ranks])).toEqual(
      b.stack.raters.map((r: { name: string; ranks: unknown }) => [r.name, r.ranks]),
    );
    expect(a.stack.concordance.W).toBe(b.stack.concordance.W);
    expect(a.stack.departments).toEqual(b.stack.departments);
  });

  test('without a header that asks for an order, a single-choice answer holding commas is one answer, not a ranking', async () => {
    const answers = ['No, not at all', 'Yes, somewhat', 'Yes, very much', 'No, not really', 'Yes, somewhat', 'No, not at all'];
    const text = 'Name,Role,Was the offsite useful?\n' + answers.map((a, i) => `P${i},Executive,"${a}"`).join('\n') + '\n';
    const run = await runAlign(['stack', tmp.write('single-choice.csv', text)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no priority stacks to compare/);
  });
});

/**
 * The same align.yml keys, written as the question's text (without its "?"),
 * on every tool's layout of the Northwind survey. LimeSurvey's question-code
 * export (limesurvey.csv) is left out: its headers hold codes only, so no key
 * by question text can name its columns (its codes do, as its own align.yml shows).
 */
describe('every align.yml key works for every format', () => {
  const FILES: Array<[string, string | null]> = [
    ['google-forms.csv', null],
    ['google-forms-semicolon.csv', null],
    ['surveymonkey.csv', null],
    ['qualtrics.csv', null],
    ['qualtrics-numeric.csv', 'northwind.align.yml'],
    ['microsoft-forms.csv', null],
    ['microsoft-forms-windows1252.csv', null],
    ['microsoft-forms-utf16le.txt', null],
    ['typeform.csv', null],
    ['limesurvey-fulltext.csv', null],
  ];
  const OVERRIDES: AlignConfig = {
    columns: {
      'Which department do you work in': 'ignore',
      'leadership speaks with one voice about strategy': 'ignore',
    },
    dimensions: { Clarity: ["I can name the company's top three priorities for this quarter", 'I know who owns each critical decision in my area'] },
    priorities: { aliases: { 'Expand to EU': 'Expand into the EU' } },
  };

  /** Per person: department, each Likert answer by item text with its dimension, each rank by priority name. */
  function perPerson(d: Dataset): Record<string, unknown> {
    const items = new Map(d.items.map((i) => [i.id, i]));
    const names = new Map(d.priorities.map((p) => [p.key, p.name]));
    return Object.fromEntries(
      d.respondents.map((r) => [
        r.name,
        {
          role: r.role,
          department: r.department,
          likert: Object.fromEntries(
            Object.entries(likertRecord(r.likert)).map(([id, v]) => [`${items.get(id)!.text} (${items.get(id)!.dimension ?? '-'})`, v]),
          ).valueOf(),
          stack: Object.fromEntries(r.stack.map((e) => [names.get(e.priority), e.rank])),
        },
      ]),
    );
  }

  test.each(FILES)('%s gives the same answers and stacks per person as google-forms.csv', async (file, codebook) => {
    const base = codebook ? await loadConfig(join(EXPORTS, codebook)) : {};
    const config: AlignConfig = { ...base, ...OVERRIDES, columns: { ...base.columns, ...OVERRIDES.columns } };
    const d = await readDataset([join(EXPORTS, file)], { config, skipInvalid: false });
    const reference = await readDataset([join(EXPORTS, 'google-forms.csv')], { config: OVERRIDES, skipInvalid: false });
    expect(d.notes.filter((n) => /align\.yml names column/.test(n.note))).toEqual([]);
    const got = perPerson(d);
    expect(Object.keys(got)).toHaveLength(30);
    expect(got).toEqual(perPerson(reference));
    // and the keys took effect: no department, five items, the alias as the priority's name
    const any = Object.values(got)[0] as { department: string | null; likert: Record<string, number>; stack: Record<string, number> };
    expect(any.department).toBeNull();
    expect(d.items.map((i) => i.text)).not.toContain('Leadership speaks with one voice about strategy');
    expect(d.items).toHaveLength(5);
    expect(d.items.filter((i) => i.dimension === 'Clarity')).toHaveLength(2);
    expect(d.priorities.map((p) => p.name)).toContain('Expand into the EU');
  });
});

describe('what the survey audit needs besides Likert answers and ranks is carried, not parsed and dropped', () => {
  test("the Northwind Google Forms file's channels (multi-select) and comments reach the Dataset", async () => {
    const d = await readDataset([join(EXPORTS, 'google-forms.csv')], { config: {}, skipInvalid: false });
    const ticks = d.respondents.flatMap((r) =>
      Object.values(r.choices ?? {})
        .flat()
        .map((c) => `${r.name}|${c}`),
    );
    expect(ticks).toHaveLength(62); // northwind-channels-long.csv
    expect(d.respondents.some((r) => Object.keys(r.comments ?? {}).length > 0)).toBe(true);
  });

  test('items named like Object.prototype keys keep their answers', async () => {
    const text = 'name,role,__proto__,constructor,toString\nAnn,Executive,1,2,3\nBo,Manager,4,5,2\nCy,Manager,3,3,4\n';
    const d = await readDataset([tmp.write('proto.csv', text)], { config: {}, skipInvalid: false });
    expect(d.items.map((i) => i.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.entries(likertRecord(d.respondents[0]!.likert))).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['toString', 3],
    ]);
  });
});

describe("a plain table's id column names a person (ARCHITECTURE.md, duplicates)", () => {
  test('two rows with one name and distinct respondent ids are two people, without a note', async () => {
    const text = 'respondent_id,name,role,stack\nE1,Ann Lee,Executive,A;B;C\nE2,Ann Lee,Executive,B;A;C\nE3,Bo Chen,Executive,C;B;A\n';
    const d = await readDataset([tmp.write('ids.csv', text)], { config: {}, skipInvalid: false });
    expect(d.respondents).toHaveLength(3);
    expect(d.notes.filter((n) => /same name/.test(n.note))).toEqual([]);
  });

  test('without an id (or with the same id) they are still flagged, not merged', async () => {
    const text = 'name,role,stack\nAnn Lee,Executive,A;B;C\nAnn Lee,Executive,B;A;C\nBo Chen,Executive,C;B;A\n';
    const d = await readDataset([tmp.write('no-ids.csv', text)], { config: {}, skipInvalid: false });
    expect(d.respondents).toHaveLength(3);
    expect(d.notes.map((n) => n.note)).toContainEqual(expect.stringMatching(/^same name as the respondent on line 2/));
  });
});

describe('numbers that are not ratings, and ratings on other scales (found by a QA pass as a new user)', () => {
  const people = (n: number, row: (i: number) => Array<string | number>) => Array.from({ length: n }, (_, i) => row(i).join(',')).join('\n');

  test('code columns and 0/1 flags beside rating questions stay out of them, with a reason', async () => {
    const text = `name,role,site_code,team_no,Remote,Has reports,Q1,Q2,Q3\n${people(8, (i) => [`P${i}`, i < 2 ? 'Executive' : 'Manager', (i % 3) + 1, (i % 4) + 1, i % 2, (i + 1) % 2, (i % 5) + 1, ((i + 2) % 5) + 1, ((i + 3) % 5) + 1])}\n`;
    const d = await readDataset([tmp.write('codes.csv', text)], { config: {}, skipInvalid: false });
    expect(d.items.map((i) => [i.id, i.points])).toEqual([
      ['Q1', 5],
      ['Q2', 5],
      ['Q3', 5],
    ]);
    const run = await runAlign(['inspect', tmp.write('codes-inspect.csv', text)]);
    expect(run.stdout).toMatch(/site_code +metadata .*\(a code\)/);
    expect(run.stdout).toMatch(/Remote +unknown .*holds only 0 and 1/);
  });

  test.each([
    ['1..7', 7, (i: number) => [(i % 7) + 1, ((i + 3) % 7) + 1, ((i + 5) % 7) + 1]],
    ['1..10', 10, (i: number) => [(i % 10) + 1, ((i + 3) % 10) + 1, ((i + 5) % 10) + 1]],
    ['1..4', 4, (i: number) => [(i % 4) + 1, ((i + 1) % 4) + 1, ((i + 2) % 4) + 1]],
  ])('three questions answered %s: a %i-point scale, read from the answers', async (_, points, answers) => {
    const text = `name,role,Q1,Q2,Q3\n${people(12, (i) => [`P${i}`, 'Manager', ...answers(i)])}\n`;
    const d = await readDataset([tmp.write(`scale-${points}.csv`, text)], { config: {}, skipInvalid: false });
    expect(d.items.map((i) => [i.points, i.low])).toEqual([
      [points, 1],
      [points, 1],
      [points, 1],
    ]);
    // a top that is no common scale's (4) is said, with the align.yml that settles it
    const said = d.notes.filter((n) => /hold whole numbers 1\.\.4 only/.test(n.note));
    expect(said).toHaveLength(points === 4 ? 1 : 0);
  });

  test('one blank answer or N/A in a rating group keeps the group', async () => {
    const text = `name,role,Q1,Q2,Q3\n${people(6, (i) => [`P${i}`, 'Manager', i === 2 ? '' : (i % 5) + 1, i === 3 ? 'N/A' : ((i + 2) % 5) + 1, ((i + 4) % 5) + 1])}\n`;
    const d = await readDataset([tmp.write('blank-in-group.csv', text)], { config: {}, skipInvalid: false });
    expect(d.items).toHaveLength(3);
  });
});

describe('answers with commas under a header that mentions ranking or order are answers, not rankings', () => {
  test.each([
    [
      'How would you rank our communication of priorities?',
      ['No, not at all', 'Poor, and slow', 'Good, but slow', 'No, not at all', 'Good, but slow', 'Poor, and slow'],
    ],
    [
      'Are priorities, in order of importance, clear?',
      ['Not at all, no', 'Yes, very much', 'No, not at all', 'Yes, very much', 'No, not at all', 'Very much, yes'],
    ],
  ])('%s', async (header, answers) => {
    const text = `name,role,"${header}",Q1,Q2,Q3\n${answers.map((a, i) => `P${i},${i < 3 ? 'Executive' : 'Manager'},"${a}",${(i % 5) + 1},${((i + 1) % 5) + 1},${((i + 2) % 5) + 1}`).join('\n')}\n`;
    const d = await readDataset([tmp.write('answers-with-commas.csv', text)], { config: {}, skipInvalid: false });
    expect(d.priorities).toEqual([]);
    expect(d.items).toHaveLength(3);
  });

  test('three or more names whose order varies across rows are a ranking, and so are identical full lists', async () => {
    const varied = 'name,role,"Priorities, in order of importance"\nA,Executive,"X, Y, Z"\nB,Executive,"Y, X, Z"\nC,Executive,"Z, Y, X"\n';
    const same = 'name,role,"Priorities, in order of importance"\nA,Executive,"X, Y, Z"\nB,Executive,"X, Y, Z"\nC,Executive,"X, Y, Z"\n';
    for (const [name, text] of [
      ['varied.csv', varied],
      ['same.csv', same],
    ] as const) {
      const d = await readDataset([tmp.write(name, text)], { config: {}, skipInvalid: false });
      expect(d.priorities.map((p) => p.name)).toEqual(['X', 'Y', 'Z']);
    }
  });
});
