/**
 * generic.ts on the tables QA found misread: what it says about a long file's
 * blank rank, align.yml columns the file does not have, tables with no
 * ranking or two, and numeric columns that are not priorities. Through
 * readDataset (what stack and audit run) and inspectTable's pieces
 * (normalise + assembleDataset, what inspect runs), on temporary files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { InputError } from '../../src/errors.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { assembleDataset } from '../../src/ingest/dataset.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import type { Normalised } from '../../src/ingest/formats/types.js';
import { readTable } from '../../src/ingest/table.js';
import type { Dataset } from '../../src/ingest/types.js';
import { inputError, readText } from '../helpers/read.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

interface Options {
  config?: AlignConfig;
  rankingQuestion?: string;
}

const read = (name: string, text: string, options: Options = {}): Promise<Dataset> => readText(tmp, name, text, options);
const failure = (name: string, text: string, options: Options = {}): Promise<InputError> => inputError(() => read(name, text, options));

/** What align inspect runs: the winning module's normalise with skipInvalid, then assembleDataset (no readDataset stop). */
async function inspected(name: string, text: string, options: Options = {}): Promise<{ normalised: Normalised; dataset: Dataset }> {
  const path = tmp.write(name, text);
  const table = await readTable(path);
  const config = options.config ?? {};
  const normalised = detectFormat(table).module.normalise(table, {
    config,
    skipInvalid: true,
    ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}),
  });
  return { normalised, dataset: assembleDataset([{ table, normalised }], { config, skipInvalid: true }) };
}

const notes = (d: Dataset) => d.notes.map((n) => [n.line, n.note]);

describe('long format: a blank rank', () => {
  test('is a note naming the line and the priority', async () => {
    // Before: silently unranked, so a rank lost in the spreadsheet went unnoticed.
    const d = await read('long-blank.csv', 'respondent,name,priority,rank\n1,Ann,Grow revenue,1\n1,Ann,Cut costs,\n1,Ann,Hire,2\n2,Bo,Grow revenue,1\n');
    expect(d.respondents.map((r) => r.stack.length)).toEqual([2, 1]);
    expect(notes(d)).toEqual([[3, 'blank rank for "Cut costs": counted as unranked']]);
    expect(d.notes[0]!.file).toBe(d.files[0]!.path);
  });
});

describe('align.yml columns naming no header of the file', () => {
  const config: AlignConfig = { columns: { Q9: 'name', departmnet: 'department', Department: 'department', ' STACK ': 'ranking' } };
  const text = 'Name,Department,Stack\nAnn,Sales,X;Y\nBo,Finance,Y;X\n';

  test('each is a note on the header line, as the tool formats say it', async () => {
    // Before: silently ignored, so a misspelt key looked like a setting that did nothing.
    const d = await read('unmatched.csv', text, { config });
    expect(notes(d)).toEqual([
      [1, 'align.yml names column "Q9", which this file does not have'],
      [1, 'align.yml names column "departmnet", which this file does not have'],
    ]);
    expect(d.respondents.map((r) => r.department)).toEqual(['Sales', 'Finance']);
  });

  test('inspect gets the notes too', async () => {
    const { dataset } = await inspected('unmatched-inspect.csv', text, { config });
    expect(dataset.notes.map((n) => n.note)).toContain('align.yml names column "Q9", which this file does not have');
  });
});

describe('no ranking, or two: inspect sees the table, stack and audit stop', () => {
  const EXPORTS = 'test/fixtures/exports';

  test('a long file of channels (no rank column): rows read with empty stacks, the unplaced column said', async () => {
    // Before: normalise threw "holds no ranking align recognises", so align inspect exited 2 without showing the columns.
    const text = readFileSync(`${EXPORTS}/northwind-channels-long.csv`, 'utf8');
    const { normalised, dataset } = await inspected('channels.csv', text);
    expect(normalised.format).toBe('generic');
    expect(normalised.columns.map((c) => [c.header, c.role])).toEqual([
      ['respondent_id', 'id'],
      ['name', 'name'],
      ['role', 'role'],
      ['department', 'department'],
      ['channel', 'unknown'],
    ]);
    expect(dataset.respondents).toEqual([]);
    expect(dataset.excluded).toHaveLength(text.trim().split('\n').length - 1);
    expect(dataset.notes.map((n) => n.note)).toEqual([expect.stringMatching(/^no ranking found; /)]);
    const d = await read('channels-stack.csv', text);
    expect(d.priorities).toEqual([]);
  });

  test('align.yml marking the rank column ignore: the priority column is left unplaced, with why', async () => {
    const text = readFileSync(`${EXPORTS}/northwind-rankings-long.csv`, 'utf8');
    const { normalised } = await inspected('rank-ignored.csv', text, { config: { columns: { rank: 'ignore' } } });
    const priority = normalised.columns.find((c) => c.header === 'priority')!;
    expect(priority.role).toBe('unknown');
    expect(priority.reason).toMatch(/priority column of a long-format file; but no ranking goes with it, so not read$/);
    expect(normalised.columns.find((c) => c.header === 'rank')!.role).toBe('ignore');
  });

  const twoQuestions = 'name,stack,Rank [Grow revenue],Rank [Cut costs]\nA,Cut costs>Grow revenue,1,2\nB,Grow revenue>Cut costs,2,1\n';

  test('a plain table with two candidate ranking questions: inspect gets both in a note, with the hint', async () => {
    const { normalised, dataset } = await inspected('two.csv', twoQuestions);
    expect(normalised.rankingUnresolved?.problem).toMatch(
      /^2 questions look like rankings: "stack" \(one ordered list per respondent\) and "Rank" \(one column per priority, 2 columns\)$/,
    );
    expect(dataset.notes.map((n) => [n.line, n.note])).toEqual([
      [
        1,
        expect.stringMatching(
          /^2 questions look like rankings: "stack" \(one ordered list per respondent\) and "Rank" \(one column per priority, 2 columns\); pass --ranking-question/,
        ),
      ],
    ]);
    expect(normalised.columns.map((c) => c.role)).toEqual(['name', 'unknown', 'unknown', 'unknown']);
    // what stack and audit run still stops, asking for --ranking-question
    const e = await failure('two-stack.csv', twoQuestions);
    expect([e.line, e.fix]).toEqual([1, expect.stringMatching(/^pass --ranking-question/)]);
  });

  test('a Google Forms export with two ranking questions: inspect shows the table, stack and audit stop', async () => {
    const text = readFileSync('test/fixtures/ugly/two-ranking-questions.csv', 'utf8');
    const { normalised, dataset } = await inspected('gf-two.csv', text);
    expect(normalised.format).toBe('google-forms');
    expect(normalised.items).toHaveLength(6);
    expect(dataset.respondents.length).toBeGreaterThan(0); // they answered the Likert items
    expect(dataset.notes.map((n) => n.note)).toContainEqual(
      expect.stringMatching(
        /^2 questions look like rankings: "Rank these priorities for the next 12 months \(1st = most important\)" \(one column per priority, 8 columns\) and "Rank these priorities for last year \(1st = most important\)" \(one column per priority, 8 columns\); pass --ranking-question/,
      ),
    );
    const e = await failure('gf-two-stack.csv', text);
    expect(e.problem).toMatch(/^2 questions look like rankings/);
    const chosen = await read('gf-two-chosen.csv', text, { rankingQuestion: 'Rank these priorities for last year' });
    expect(chosen.priorities).toHaveLength(8);
  });
});

describe('wide by priority: numeric columns that are not priorities', () => {
  // aw-wide-ties.csv's leaders (test/fixtures/rankings) with one more numeric column, as QA wrote it (/tmp/qa/m/wide-age.csv).
  const ranks = [
    ['Helena Kowalski', 'Executive Office', '1,2,4,7,8,3,6,9,5'],
    ['Marcus Oyelaran', 'Finance', '2,6,5,1,9,4,7,8,3'],
    ['Sunita Venkataraman', 'Sales', '1,4,2,6,3,,,,5'],
    ['Diego Álvarez', 'Engineering', '4,1,7,5,9,3,2,8,6'],
    ['Ingrid Halvorsen', 'Operations', '3,6,5,2,9,4,8,7,1'],
    ['Kofi Boateng', 'Marketing', '1,2,4,9,2,6,8,5,7'],
    ['Aiko Matsuda', 'People', '2,4,6,8,9,5,1,3,7'],
  ];
  const PRIORITIES =
    'Grow revenue,Launch the e-bike line,Improve dealer experience,Reduce warranty costs,Expand into Asia-Pacific,Build the data platform,Hire and develop engineers,Cut carbon emissions,Improve on-time delivery';
  const withColumn = (header: string, values: readonly (string | number)[]) =>
    `name,department,${header},${PRIORITIES}\n` + ranks.map(([name, dept, r], i) => `${name},${dept},${values[i]},${r}`).join('\n') + '\n';
  const teamSize = [4, 6, 8, 5, 9, 3, 7];

  test('"Team size" (values 3..9 beside ranks 1..9) is metadata: N = 9, not 10', async () => {
    // Before: N = 10 with "Team size" in the consensus.
    const d = await read('team-size.csv', withColumn('Team size', teamSize));
    expect(d.priorities).toHaveLength(9);
    expect(d.priorities.map((p) => p.name)).not.toContain('Team size');
    const { normalised } = await inspected('team-size-inspect.csv', withColumn('Team size', teamSize));
    expect(normalised.columns[2]).toMatchObject({
      role: 'metadata',
      reason: 'header "Team size" names a detail about the respondent (a size), not a priority',
    });
  });

  test('"Years in role" (1..9) likewise', async () => {
    const d = await read('years.csv', withColumn('Years in role', [3, 1, 7, 2, 5, 4, 9]));
    expect(d.priorities).toHaveLength(9);
  });

  test('a header that says nothing: the column whose value repeats a rank in most rows is left out, with why', async () => {
    const { normalised, dataset } = await inspected('q7.csv', withColumn('Q7', teamSize));
    expect(dataset.priorities).toHaveLength(9);
    expect(normalised.columns[2]!.role).toBe('unknown');
    expect(normalised.columns[2]!.reason).toMatch(
      /^"Q7" holds numbers, but not ranks: in 5 of the 7 rows that fill it, its value repeats a rank the same row gives another column \(a priority column does so in 14% of rows, the median, as ties\)$/,
    );
    // Kofi Boateng's tie (rank 2 twice) is still a tie, not a reason to drop either column
    expect(dataset.notes.map((n) => n.note)).toContainEqual(expect.stringMatching(/rank 2 to both "Launch the e-bike line" and "Expand into Asia-Pacific"/));
  });

  test('a header that says nothing: a column whose values mostly run past N is left out, with why', async () => {
    const { normalised, dataset } = await inspected('q3.csv', withColumn('Q3', [12, 40, 7, 25, 31, 18, 3]));
    expect(dataset.priorities).toHaveLength(9);
    expect(normalised.columns[2]!.reason).toBe(
      '"Q3" holds numbers, but not ranks: 5 of its 7 values (12, 40, 25, …) run past 10, and 10 priority columns hold ranks 1..10 only',
    );
  });

  test('one rank past N in a real priority column is still the error it was (the column is kept)', async () => {
    const e = await failure('typo.csv', `name,${PRIORITIES}\n` + ranks.map(([n, , r], i) => `${n},${i === 3 ? r!.replace('9', '11') : r}`).join('\n') + '\n');
    expect([e.line, e.column, e.problem]).toEqual([5, 'Expand into Asia-Pacific', 'rank 11 is outside 1..9']);
  });
});

describe('tables that are not stacks', () => {
  const EXPORTS = 'test/fixtures/exports';

  test('long Likert answers (item, value): no ranking; "value" is no rank column, and alone no priority', async () => {
    // Before: "value" was read as the one priority column: "rank 5 is outside 1..1".
    const text = readFileSync(`${EXPORTS}/northwind-canonical.csv`, 'utf8');
    const d = await read('canonical.csv', text);
    expect(d.priorities).toEqual([]);
    expect(d.respondents).toEqual([]);
    const { normalised, dataset } = await inspected('canonical-inspect.csv', text);
    expect(normalised.columns.slice(4).map((c) => [c.header, c.role, c.reason])).toEqual([
      ['item', 'unknown', 'header "item" reads as the priority column of a long-format file; but no ranking goes with it, so not read'],
      [
        'value',
        'unknown',
        expect.stringMatching(
          /^numbers \("5", "4", "3", … \(5 distinct\)\) in a column of their own: a rating scale is read from three or more side-by-side questions/,
        ),
      ],
    ]);
    expect(dataset.notes.map((n) => n.note)).toEqual([expect.stringMatching(/^no ranking found; /)]);
  });

  test('a respondent roster: durations and tool ids are details, not priorities', async () => {
    // Before: duration_s, msforms_id, limesurvey_id and surveymonkey_respondent_id were four priorities ("rank 375 is outside 1..4").
    const text = readFileSync(`${EXPORTS}/northwind-respondents.csv`, 'utf8');
    const d = await read('respondents.csv', text);
    expect(d.priorities).toEqual([]);
    const { normalised } = await inspected('respondents-inspect.csv', text);
    const roleOf = (h: string) => normalised.columns.find((c) => c.header === h)!.role;
    expect(['duration_s', 'msforms_id', 'limesurvey_id', 'surveymonkey_respondent_id'].map(roleOf)).toEqual(['metadata', 'metadata', 'metadata', 'metadata']);
  });

  test('the same roster with the ids renamed so no header gives them away: their values run past N', async () => {
    const text = readFileSync(`${EXPORTS}/northwind-respondents.csv`, 'utf8').replace(/^(.*)$/m, (h) =>
      h.replace('duration_s', 'A').replace('msforms_id', 'B').replace('limesurvey_id', 'C').replace('surveymonkey_respondent_id', 'D'),
    );
    const { normalised, dataset } = await inspected('respondents-renamed.csv', text);
    expect(dataset.priorities).toEqual([]);
    for (const h of ['A', 'B', 'C', 'D']) {
      expect(normalised.columns.find((c) => c.header === h)!.reason).toMatch(/^numbers \(.*\) in a column of their own/);
    }
  });
});
