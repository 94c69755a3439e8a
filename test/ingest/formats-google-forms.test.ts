import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { likertRecord } from '../../src/ingest/answers.js';
import { detect, normalise } from '../../src/ingest/formats/google-forms.js';
import { expectCanonical, expectChannels, expectSubmitted, readExport, tableOf } from './northwind.js';

describe.each(['google-forms.csv', 'google-forms-semicolon.csv'])('%s', (file) => {
  it('is detected as Google Forms', async () => {
    const { module, table } = await readExport(file);
    expect(module.format).toBe('google-forms');
    expect(detect(table).reason).toMatch(/^Google Forms: the first column is "Timestamp"/);
  });

  it('gives the canonical 30 respondents, 179 Likert values and 240 ranks', async () => {
    const { normalised } = await readExport(file);
    expect(normalised.headerRows).toBe(1);
    expect(normalised.newestFirst).toBe(false);
    expectCanonical(normalised);
  });

  it('reads the grid ranking ("1st"…"8th" under "Rank… [Item]") by priority', async () => {
    const { normalised } = await readExport(file);
    expect(normalised.ranking).toMatchObject({ question: 'Rank these priorities for the next 12 months (1st = most important)', encoding: 'by-priority' });
    expect(normalised.priorities).toEqual([
      'Grow new-customer revenue',
      'Improve retention',
      'Launch the platform',
      'Cut operating cost',
      'Expand to EU',
      'Hire and retain talent',
      'Improve product quality',
      'Modernise internal systems',
    ]);
  });

  it('splits "Question [Row]" at the last " [" and keeps the comma in a statement', async () => {
    const { normalised } = await readExport(file);
    expect(normalised.items.map((i) => i.text)).toContain('When priorities change, I hear about it clearly and in time');
    expect(normalised.items.every((i) => i.points === 5)).toBe(true);
  });

  it('splits the checkbox answers against the options, so "Chat (Slack, Teams)" stays whole', async () => {
    const { normalised } = await readExport(file);
    expectChannels(normalised);
  });

  it('reads the timestamps in the sheet locale (M/D/YYYY, or DD.MM.YYYY after a German re-save)', async () => {
    const { normalised } = await readExport(file);
    expectSubmitted(normalised);
  });
});

describe('Google Forms details', () => {
  it('day-first timestamps are read day-first when a day is above 12', () => {
    const table = tableOf('f.csv', 'Timestamp,Your name,Q\n13/03/2025 10:00:00,A,Agree\n03/04/2025 10:00:00,B,Agree\n');
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(n.rows.map((r) => r.submitted)).toEqual([Date.UTC(2025, 2, 13, 10), Date.UTC(2025, 3, 3, 10)]);
  });

  it('a bracket inside the question text is kept: the split is at the last " ["', () => {
    const table = tableOf(
      'f.csv',
      'Timestamp,Your name,Rate [this year] [Pay],Rate [this year] [Hours]\n3/3/2025 9:00:00,A,Agree,Disagree\n3/3/2025 9:01:00,B,Strongly agree,Agree\n',
    );
    const n = normalise(table, { config: {}, skipInvalid: false });
    expect(n.items.map((i) => i.text)).toEqual(['Pay', 'Hours']);
    expect(likertRecord(n.rows[0]!.likert)).toEqual({ Pay: 4, Hours: 2 });
  });

  it('a "Timestamp" column without Sheets-style times is left to the generic reader', () => {
    const table = tableOf('f.csv', 'Timestamp,name,Grow,Cut\n2024-05-01 09:30,A,1,2\n');
    expect(detect(table).score).toBeLessThan(0.1);
  });

  it('an unknown Likert label is one error naming the labels found and the fix', () => {
    const table = tableOf(
      'f.csv',
      'Timestamp,Your name,How much? [Pay],How much? [Hours]\n3/3/2025 9:00:00,A,Agree,Disagree\n3/3/2025 9:01:00,B,Strongly agree,Agree\n3/3/2025 9:02:00,C,Agree-ish,Agree\n3/3/2025 9:03:00,D,Disagree,Strongly disagree\n',
    );
    let error: unknown;
    try {
      normalise(table, { config: {}, skipInvalid: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'f.csv:4:"How much? [Pay]": "Agree-ish" is not a label of the agreement scale (labels found in this column: "Agree", "Strongly agree", "Agree-ish", "Disagree"); map it in align.yml under scales, e.g. scales: {agreement: {labels: {"Agree-ish": 4}}}, or pass --skip-invalid to leave this respondent out',
    );
    // align.yml adds the label to the agreement scale
    const n = normalise(table, { config: { scales: { agreement: { labels: { 'Agree-ish': 4 } } } }, skipInvalid: false });
    expect(likertRecord(n.rows[2]!.likert)).toEqual({ Pay: 4, Hours: 4 });
    // --skip-invalid leaves the respondent out, with the reason
    const skipped = normalise(table, { config: {}, skipInvalid: true });
    expect(skipped.rows.map((r) => r.name)).toEqual(['A', 'B', 'D']);
    expect(skipped.excluded).toEqual([{ file: 'f.csv', line: 4, reason: expect.stringContaining('"Agree-ish" is not a label of the agreement scale') }]);
  });
});
