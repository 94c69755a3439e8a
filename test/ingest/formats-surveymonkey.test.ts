import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import { detect, normalise } from '../../src/ingest/formats/surveymonkey.js';
import { cleanHeaderText } from '../../src/ingest/plan/header.js';
import { expectCanonical, expectChannels, expectSubmitted, expectToolIds, REAL, readExport, tableOf } from './northwind.js';

describe('surveymonkey.csv', () => {
  it('is detected as SurveyMonkey', async () => {
    const { module, table } = await readExport('surveymonkey.csv');
    expect(module.format).toBe('surveymonkey');
    expect(detect(table).score).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the canonical dataset; row 2 (the second header row) is no respondent', async () => {
    const { normalised } = await readExport('surveymonkey.csv');
    expect(normalised.headerRows).toBe(2);
    expect(normalised.rows[0]!.line).toBe(3);
    expectCanonical(normalised);
  });

  it('says the rows are newest first', async () => {
    const { normalised } = await readExport('surveymonkey.csv');
    expect(normalised.newestFirst).toBe(true);
    const times = normalised.rows.map((r) => r.submitted!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names columns by row 1 forward-filled plus row 2, HTML entities decoded', async () => {
    const { normalised } = await readExport('surveymonkey.csv');
    const headers = normalised.columns.map((c) => c.header);
    expect(headers).toContain("How much do you agree with each statement? [I can name the company's top three priorities for this quarter]");
    expect(headers).toContain('Rank these priorities for the next 12 months (1 = most important) [Expand to EU]');
    expect(headers).toContain('Your name'); // "Open-Ended Response" under a one-column question adds nothing
    expect(normalised.items[0]!.text).toBe("I can name the company's top three priorities for this quarter");
  });

  it('reads the one-column-per-option checkboxes, the End Date and the respondent ids', async () => {
    const { normalised } = await readExport('surveymonkey.csv');
    expectChannels(normalised);
    expectSubmitted(normalised);
    expectToolIds(normalised, 'surveymonkey_respondent_id');
  });
});

describe('SurveyMonkey details', () => {
  it('cleanHeaderText strips tags and decodes entities', () => {
    expect(cleanHeaderText('Consider: <br>In Lottery A, you have a 50% chance. <br><br>Assuming')).toBe(
      'Consider: In Lottery A, you have a 50% chance. Assuming',
    );
    expect(cleanHeaderText('yesterday&apos;s &amp; today&#39;s <strong>plan</strong>&#x2019;')).toBe("yesterday's & today's plan’");
  });

  it('First Name + Last Name give the name when no name question is answered', () => {
    const table = tableOf(
      'sm.csv',
      'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,How much?,\n' +
        ',,,,,,,,,A,B\n' +
        '2,9,03/07/2025 03:44:30 PM,03/07/2025 03:52:07 PM,x,,Zoë,Fischer,,Agree,Disagree\n' +
        '1,9,03/07/2025 01:44:30 PM,03/07/2025 01:52:07 PM,x,,Björn,Svensson,,Strongly agree,Agree\n',
    );
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(n.rows.map((r) => r.name)).toEqual(['Zoë Fischer', 'Björn Svensson']);
    expect(n.rows[0]!.submitted).toBe(Date.UTC(2025, 2, 7, 15, 52, 7));
    expect(n.rows[1]!.submitted).toBe(Date.UTC(2025, 2, 7, 13, 52, 7));
  });
});

describe('a plain table whose first data row starts with a blank cell is no SurveyMonkey export', () => {
  // Before: any record 2 with a blank first cell and text under the other columns passed for the second header row.
  const wide = 'name,department,Grow revenue,Launch the e-bike line,Cut costs\n' + ',Executive Office,1,2,3\n' + 'Marcus Oyelaran,Finance,2,3,1\n';
  const long =
    'respondent,name,role,department,priority,rank\n' +
    ',Helena Kowalski,Executive,Executive Office,Grow revenue,1\n' +
    'AW01,Helena Kowalski,Executive,Executive Office,Cut costs,2\n';
  const list = 'name,stack\n,A;B;C;D\nBob Roy,B;A;C;D\n';

  it.each([
    ['wide by priority (ranks under the priorities)', wide],
    ['long (a department under "department", a rank under "rank")', long],
    ['one list cell (no "Response" and no continuation column)', list],
  ])('%s', (_, text) => {
    expect(detect(tableOf('plain.csv', text)).score).toBe(0);
    expect(detectFormat(tableOf('plain.csv', text)).module.format).toBe('generic');
  });

  it('a second header row still counts with "Response" under one-column questions and labels under a grid', () => {
    const table = tableOf('sm.csv', 'Your name,Department,Rank these,,\n,Response,Grow revenue,Cut costs,Hire\nAnn,Sales,1,2,3\n');
    expect(detect(table).score).toBe(0.6);
  });

  it('text under a metadata column means record 2 is data', () => {
    const table = tableOf('sm.csv', 'Respondent ID,Collector ID,Your name,Rank these,\n,431277810,Response,A,B\n');
    expect(detect(table).reason).not.toMatch(/second header row/);
    expect(normalise(table, { config: {}, skipInvalid: false }).headerRows).toBe(1);
  });
});

describe.skipIf(!existsSync(REAL))('real SurveyMonkey exports (FiveThirtyEight)', () => {
  it('StarWars: Mac Roman bytes, 2 header rows, checkboxes, a favourability matrix and a 6-film ranking', async () => {
    const { module, table, normalised } = await readExport(join(REAL, 'surveymonkey-538-StarWars-excerpt.csv'));
    expect(module.format).toBe('surveymonkey');
    expect(['macintosh', 'windows-1252']).toContain(table.encoding);
    expect(normalised.headerRows).toBe(2);
    expect(normalised.ranking?.encoding).toBe('by-priority');
    expect(normalised.priorities).toHaveLength(6);
    expect(normalised.priorities[0]).toBe('Star Wars: Episode I The Phantom Menace');
    // 60 respondents; the first ranks Episode III first
    expect(normalised.rows).toHaveLength(60);
    expect(normalised.rows[0]!.stack[0]).toEqual({ priority: 'Star Wars: Episode III Revenge of the Sith', rank: 1 });
    expect(normalised.items).toHaveLength(14); // Han Solo … Yoda, on the favourability scale
    expect(likertRecord(normalised.rows[0]!.likert)['Han Solo']).toBe(5);
    expect(normalised.multiselect[0]!.options).toHaveLength(6);
  });

  it('steak survey: <br> in a header, one "Response" row, nothing to rank', async () => {
    const { module, normalised } = await readExport(join(REAL, 'surveymonkey-538-steak-risk-survey.csv'));
    expect(module.format).toBe('surveymonkey');
    expect(normalised.headerRows).toBe(2);
    expect(normalised.columns[1]!.header).toMatch(/^Consider the following hypothetical situations: In Lottery A/);
    expect(normalised.columns[1]!.header).not.toMatch(/<br>/);
    expect(normalised.rows).toHaveLength(550);
    expect(normalised.ranking).toBeNull();
  });

  it('food world cup: the second header row removed, 1-5 ratings with N/A as no answer', async () => {
    const { module, normalised } = await readExport(join(REAL, 'surveymonkey-538-food-world-cup-excerpt.csv'));
    expect(module.format).toBe('surveymonkey');
    expect(normalised.headerRows).toBe(1);
    expect(normalised.rows).toHaveLength(40);
    const algeria = normalised.items.find((i) => /Algeria/.test(i.text))!;
    expect(algeria.points).toBe(5);
    expect(normalised.columns[1]!.header).toContain('knowledge of cuisines'); // Mac Roman NBSP (0xCA) read as a space
  });
});
