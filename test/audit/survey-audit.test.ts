/**
 * The survey audit end to end: reverse-keyed items, a survey-only export
 * (no ranking question), and a file with neither Likert items nor a ranking.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXPORTS, REAL } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const TEXT =
  'name,role,department,Clear goals,Too many priorities,Heard in time\n' +
  [
    ['Ann', 'Executive', 'Office', 5, 1, 4],
    ['Bo', 'Manager', 'Sales', 4, 2, 4],
    ['Cy', 'Manager', 'Sales', 2, 5, 3],
    ['Di', 'Manager', 'Sales', 3, 4, 2],
    ['Ed', 'Manager', 'Sales', 4, 3, 5],
    ['Fay', 'Manager', 'Sales', 5, 1, 4],
  ]
    .map((r) => r.join(','))
    .join('\n') +
  '\n';

describe('reverse-keyed items (align.yml reverse)', () => {
  test('answers are turned round before scoring: 1 on a 1..5 scale counts as 5', async () => {
    const file = tmp.write('reverse.csv', TEXT);
    const config = tmp.write('reverse.yml', 'reverse: ["Too many priorities"]\n');
    const plain = JSON.parse((await runAlign(['audit', file, '--format', 'json'])).stdout).survey;
    const turned = JSON.parse((await runAlign(['audit', file, '--format', 'json', '--config', config])).stdout).survey;
    type Item = { id: string; reverse: boolean; overall: { mean: number; favourable: number } };
    const item = (s: { items: Item[] }, id: string) => s.items.find((i) => i.id === id)!;
    // answers 1,2,5,4,3,1: mean 16/6; reversed 5,4,1,2,3,5: mean 20/6; favourable (4 or 5) 2/6 before, 3/6 after
    expect(item(plain, 'Too many priorities').reverse).toBe(false);
    expect(item(plain, 'Too many priorities').overall.mean).toBeCloseTo(16 / 6, 12);
    expect(item(plain, 'Too many priorities').overall.favourable).toBeCloseTo(2 / 6, 12);
    expect(item(turned, 'Too many priorities').reverse).toBe(true);
    expect(item(turned, 'Too many priorities').overall.mean).toBeCloseTo(20 / 6, 12);
    expect(item(turned, 'Too many priorities').overall.favourable).toBeCloseTo(3 / 6, 12);
    // the other items are untouched
    expect(item(turned, 'Clear goals')).toEqual(item(plain, 'Clear goals'));
  });
});

describe('reverse-keyed items on a scale centred on zero', () => {
  // Found by review: low + high is 0 on -2..2, and a fast path took 0 to mean "not reversed".
  test('an answer v on -2..2 is scored -v', async () => {
    const labels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
    const answers = [-2, -1, 0, 1, 2, 2, 1, -2, 0, 1];
    const file = tmp.write(
      'bipolar.csv',
      `name,role,department,Clear,Changes too often\n${answers.map((v, i) => `P${i},${i === 0 ? 'Executive' : 'Manager'},Sales,Agree,${labels[v + 2]}`).join('\n')}\n`,
    );
    const config = tmp.write(
      'bipolar.yml',
      [
        'scales:',
        '  bipolar:',
        `    labels: {${labels.map((l, i) => `"${l}": ${i - 2}`).join(', ')}}`,
        'columns:',
        '  "Clear": {role: likert, scale: bipolar}',
        '  "Changes too often": {role: likert, scale: bipolar}',
        'reverse: ["Changes too often"]',
        '',
      ].join('\n'),
    );
    const run = await runAlign(['audit', file, '--format', 'json', '--config', config]);
    expect(run.code, run.stderr).toBe(0);
    const item = JSON.parse(run.stdout).survey.items.find((i: { id: string }) => i.id === 'Changes too often');
    const scored = answers.map((v) => -v);
    expect(item.reverse).toBe(true);
    expect(item.overall.mean).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 12);
    // favourable: the top two points of five, 1 and 2 once turned round
    expect(item.overall.favourable).toBeCloseTo(scored.filter((v) => v >= 1).length / scored.length, 12);
  });
});

describe('what a survey without a ranking gives', () => {
  test('a survey-only file: the survey report, exit 0', async () => {
    const run = await runAlign(['audit', tmp.write('survey-only.csv', TEXT), '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('## The survey');
    expect(run.stdout).toContain('6 respondents answered 3 items');
  });

  test('a file with neither Likert items nor a ranking: exit 2 and one line', async () => {
    const run = await runAlign(['audit', tmp.write('neither.csv', 'name,department,comment\nAnn,Sales,we need focus\nBo,Ops,more hiring please\n')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no Likert items and no ranking question/);
  });

  // ../shared/fixtures/exports/real (FiveThirtyEight's "Food World Cup" survey, SurveyMonkey export; see SOURCE.md there)
  // 41 items: the 40 cuisine ratings (1-5, a group of rating questions) and "How much, if at all, are you interested in
  // cuisines from different parts of the world?" (A lot / Some / Not much / Not at all, the built-in amount scale)
  test.skipIf(!existsSync(REAL))('the real food-world-cup sample: exit 0 with 41 survey items', async () => {
    const run = await runAlign(['audit', join(REAL, 'surveymonkey-538-food-world-cup-excerpt.csv'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.stack).toBeNull();
    expect(a.survey.items).toHaveLength(41);
  });
});

describe('the question bank groups recognised items into dimensions and levels without a config', () => {
  test("the Northwind survey's six statements are wordings the bank lists, in every tool's layout", async () => {
    for (const file of ['google-forms.csv', 'surveymonkey.csv', 'qualtrics.csv', 'microsoft-forms.csv', 'typeform.csv', 'limesurvey-fulltext.csv']) {
      const run = await runAlign(['audit', join(EXPORTS, file), '--format', 'json']);
      const s = JSON.parse(run.stdout).survey;
      expect(
        s.items.map((i: { bankId: string }) => i.bankId),
        file,
      ).toEqual(['clarity-top-priorities', 'decision-ownership', 'change-communication', 'one-voice', 'belief-in-strategy', 'decisions-stick']);
      expect(s.dimensions.map((d: { level: string }) => d.level)).toEqual(['strategic', 'decision', 'communication', 'communication', 'strategic', 'decision']);
    }
  });

  test('a survey written in the bank wording (case, punctuation and variants aside) is grouped; an unknown item stands alone', async () => {
    const header =
      'name,role,department,"do you clearly understand the top three organisational priorities this quarter",I have the information I need to make good decisions,Data to decide is fine?,Our canteen is good';
    const rows = ['Ann,Executive,Office,5,4,3,2', 'Bo,Manager,Sales,4,4,2,3', 'Cy,Manager,Sales,2,3,4,4', 'Di,Manager,Sales,3,2,5,5'];
    const s = JSON.parse((await runAlign(['audit', tmp.write('bank.csv', `${[header, ...rows].join('\n')}\n`), '--format', 'json'])).stdout).survey;
    expect(s.items.map((i: { dimension: string | null; level: string | null }) => [i.dimension, i.level])).toEqual([
      ['Clarity of priorities', 'strategic'],
      ['Data to decide', 'decision'],
      [null, null],
      [null, null],
    ]);
  });

  test("align.yml dimensions decide when given: the bank's grouping is not used", async () => {
    const config = tmp.write(
      'dims.yml',
      'dimensions:\n  Mine: ["I can name the company\'s top three priorities for this quarter", "Leadership speaks with one voice about strategy"]\n',
    );
    const s = JSON.parse((await runAlign(['audit', join(EXPORTS, 'google-forms.csv'), '--format', 'json', '--config', config])).stdout).survey;
    expect(s.dimensions.map((d: { name: string; items: string[] }) => [d.name, d.items.length])).toEqual([['Mine', 2]]);
    expect(s.dimensions[0].level).toBeNull(); // two levels among its items
  });
});

describe('the survey in the Markdown report', () => {
  test('at a glance counts items, not items and their one-item dimensions; a one-item dimension is not a table row of its own', async () => {
    const run = await runAlign(['audit', join(EXPORTS, 'google-forms.csv'), '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    // northwind.expected.json: four items with a gap of 20 points or more (58, 42, 38, 21)
    expect(run.stdout).toContain('Leaders and everyone else see it differently on 4 items');
    expect(run.stdout).not.toContain('(dimension)');
    // the rounded ends of the cascade agree: one value, not "from 1.00 to 1.00"
    expect(run.stdout).toContain('cascade rho = 1.00 in Product, Operations and Sales');
  });
});
