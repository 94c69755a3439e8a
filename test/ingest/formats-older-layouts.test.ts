/**
 * Older and variant layouts of the tools' exports (issue 10, point 5). Each
 * fixture is a Northwind file of test/fixtures/exports re-laid as the tool's
 * variant writes it, so the expected answers are the canonical ones
 * (EXPECTED.md; expectCanonical in northwind.ts):
 * - qualtrics-2016.csv: qualtrics.csv with the third header row written as
 *   2016-17 exports did, a Python dict with single quotes
 *   (`{'ImportId': 'QID4-1'}`, `{'ImportId': 'startDate', 'timeZone': 'Europe/London'}`);
 * - limesurvey-codetext.csv: limesurvey-fulltext.csv under LimeSurvey's
 *   "Question code & question text" headings (`id. Response ID`,
 *   `agree[SQ001]. How much … [I can name …]`), codes from limesurvey.csv;
 * - surveymonkey-contact.csv: surveymonkey.csv with a Contact Information
 *   question (row 1 `Contact information`, row 2 `Name`, `Company`, `Email
 *   Address`) in place of "Your name", and the web-link collector's blank
 *   Email Address, First Name and Last Name.
 */
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/index.js';
import { normalise as normaliseSurveyMonkey } from '../../src/ingest/formats/surveymonkey.js';
import { runAlign } from '../helpers/run.js';
import { canonical, EXPORTS, expectCanonical, expectChannels, expectSubmitted, expectToolIds, readExport, tableOf } from './northwind.js';

const emailOf = new Map(canonical.respondents.map((p) => [p.name!, p.email!]));

describe("qualtrics-2016.csv: the third header row as {'ImportId': …} with single quotes", () => {
  it('is Qualtrics with three header rows: the question-text row is not a respondent', async () => {
    const { module, normalised } = await readExport('qualtrics-2016.csv');
    expect(module.format).toBe('qualtrics');
    expect(normalised.headerRows).toBe(3);
    expectCanonical(normalised);
  });

  it('reads the recorded date in the row-3 time zone (Europe/London) and the response ids', async () => {
    const { normalised } = await readExport('qualtrics-2016.csv');
    expectSubmitted(normalised);
    expectToolIds(normalised, 'qualtrics_response_id');
    for (const row of normalised.rows) expect(row.email, row.name ?? '').toBe(emailOf.get(row.name!));
  });
});

describe('qualtrics-2016.csv in another time zone', () => {
  it("reads 'timeZone': 'America/Denver' from the single-quoted dict: 09:30:57 MST is 16:30:57 UTC", async () => {
    const { readFileSync } = await import('node:fs');
    const { normalise } = await import('../../src/ingest/formats/qualtrics.js');
    const text = readFileSync(`${EXPORTS}/qualtrics-2016.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .replaceAll("'Europe/London'", "'America/Denver'");
    const n = normalise(tableOf('q.csv', text), { config: {}, skipInvalid: false });
    // Grace Mwangi's RecordedDate, 2025-03-03 09:30:57; Denver is UTC-7 in March before the 9th (MST)
    expect(n.rows[0]).toMatchObject({ name: 'Grace Mwangi', submitted: Date.UTC(2025, 2, 3, 16, 30, 57) });
  });
});

describe('limesurvey-codetext.csv: "Question code & question text" headings', () => {
  it('is LimeSurvey and gives the canonical dataset without a code book', async () => {
    const { module, normalised } = await readExport('limesurvey-codetext.csv');
    expect(module.format).toBe('limesurvey');
    expectCanonical(normalised);
    expectChannels(normalised);
    expectSubmitted(normalised);
    expectToolIds(normalised, 'limesurvey_id');
  });

  it('takes the code from before ". " and shows the text', async () => {
    const { normalised } = await readExport('limesurvey-codetext.csv');
    expect(normalised.columns.find((c) => c.index === 0)).toMatchObject({ header: 'Response ID', role: 'id' });
    expect(normalised.columns.find((c) => c.index === 1)).toMatchObject({ header: 'Date submitted', role: 'submitted' });
    expect(normalised.ranking).toMatchObject({ question: 'Rank these priorities for the next 12 months (1 = most important)', encoding: 'by-position' });
    expect(normalised.columns.find((c) => c.header === 'Rank these priorities for the next 12 months (1 = most important) [Rank 3]')).toMatchObject({
      role: 'ranking',
      position: 3,
    });
  });

  it('with "Answer codes" the code book is found by the code before ". " (limesurvey.align.yml)', async () => {
    const { readFileSync } = await import('node:fs');
    const { normalise } = await import('../../src/ingest/formats/limesurvey.js');
    const { loadConfig } = await import('../../src/ingest/config.js');
    // limesurvey.csv's answer codes under limesurvey-codetext.csv's headings
    const headings = readFileSync(`${EXPORTS}/limesurvey-codetext.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    const rows = readFileSync(`${EXPORTS}/limesurvey.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1);
    const config = await loadConfig(`${EXPORTS}/limesurvey.align.yml`);
    expectCanonical(normalise(tableOf('l.csv', [headings, ...rows].join('\r\n')), { config, skipInvalid: false }));
  });

  it('an empty "submitdate. Date submitted" is an unfinished response', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${EXPORTS}/limesurvey-codetext.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace('"1","2025-03-03 09:30:57"', '"1",""');
    const { normalise } = await import('../../src/ingest/formats/limesurvey.js');
    const n = normalise(tableOf('l.csv', text), { config: {}, skipInvalid: false });
    expect(inEnglish(n.rows[0]!.exclude!)).toBe('unfinished response (LimeSurvey: no submitdate)');
  });
});

describe('surveymonkey-contact.csv: the Contact Information block', () => {
  it('gives the canonical dataset, names and emails from the block', async () => {
    const { module, normalised } = await readExport('surveymonkey-contact.csv');
    expect(module.format).toBe('surveymonkey');
    expectCanonical(normalised);
    expectToolIds(normalised, 'surveymonkey_respondent_id');
    for (const row of normalised.rows) expect(row.email, row.name ?? '').toBe(emailOf.get(row.name!));
  });

  it('reads Name and Email Address as the name and email, Company as metadata', async () => {
    const { normalised } = await readExport('surveymonkey-contact.csv');
    const role = (header: string) => normalised.columns.find((c) => c.header === header)?.role;
    expect(role('Contact information [Name]')).toBe('name');
    expect(role('Contact information [Email Address]')).toBe('email');
    expect(role('Contact information [Company]')).toBe('metadata');
  });

  it('the older one-row heading "Contact information [Name]" is read the same way', () => {
    const text = [
      'Respondent ID,Collector ID,Start Date,End Date,Contact information [Name],Contact information [Email],What is your role?',
      '11452402209,431277810,03/07/2025 03:44:30 PM,03/07/2025 03:52:07 PM,Olivia Bennett,olivia.bennett@northwindoutfitters.example,Manager',
      '11452402043,431277810,03/07/2025 02:35:08 PM,03/07/2025 02:40:08 PM,Emily Zhang,emily.zhang@northwindoutfitters.example,Manager',
    ].join('\n');
    const n = normaliseSurveyMonkey(tableOf('s.csv', text), { config: {}, skipInvalid: false });
    expect(n.rows.map((r) => [r.name, r.email])).toEqual([
      ['Olivia Bennett', 'olivia.bennett@northwindoutfitters.example'],
      ['Emily Zhang', 'emily.zhang@northwindoutfitters.example'],
    ]);
  });
});

describe('the same reading from align inspect, audit and stack', () => {
  // Each variant carries the answers of the file it was derived from: the reports must be the same
  // but for the file named in them.
  const pairs = [
    ['qualtrics-2016.csv', 'qualtrics.csv'],
    ['limesurvey-codetext.csv', 'limesurvey-fulltext.csv'],
    ['surveymonkey-contact.csv', 'surveymonkey.csv'],
  ] as const;
  const report = (stdout: string) => {
    const { generator: _g, input, ...rest } = JSON.parse(stdout) as { generator: unknown; input: { respondents: number; notes: unknown[] } };
    return { respondents: input.respondents, notes: input.notes, ...rest };
  };
  for (const [variant, original] of pairs) {
    it(`${variant}: audit --format json and stack as for ${original}; inspect reads it`, async () => {
      const [a, b] = [variant, original].map((f) => `${EXPORTS}/${f}`) as [string, string];
      const inspect = await runAlign(['inspect', a]);
      expect(inspect.code, inspect.stderr).toBe(0);
      const [auditA, auditB] = [await runAlign(['audit', a, '--format', 'json']), await runAlign(['audit', b, '--format', 'json'])];
      expect(auditA.code, auditA.stderr).toBe(0);
      expect(report(auditA.stdout)).toEqual(report(auditB.stdout));
      expect(report(auditA.stdout)).toMatchObject({ respondents: 30, notes: [] });
      const [stackA, stackB] = [await runAlign(['stack', a]), await runAlign(['stack', b])];
      expect(stackA.code, stackA.stderr).toBe(0);
      const body = (out: string) => out.slice(0, out.indexOf(' respondents used from'));
      expect(body(stackA.stdout)).toEqual(body(stackB.stdout));
    });
  }
});
