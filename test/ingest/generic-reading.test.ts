/**
 * generic.ts on the tables QA found misread: what it says about a long file's
 * blank rank, align.yml columns the file does not have, tables with no
 * ranking or two, and numeric columns that are not priorities. Through
 * readDataset (what stack and audit run) and inspectTable's pieces
 * (normalise + assembleDataset, what inspect runs), on temporary files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { assembleDataset, readDataset } from '../../src/ingest/dataset.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import type { Normalised } from '../../src/ingest/formats/types.js';
import { readTable } from '../../src/ingest/table.js';
import type { Dataset } from '../../src/ingest/types.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

interface Options {
  config?: AlignConfig;
  rankingQuestion?: string;
}

async function read(name: string, text: string, options: Options = {}): Promise<Dataset> {
  const path = tmp.write(name, text);
  return readDataset([path], { config: options.config ?? {}, skipInvalid: false, ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}) });
}

async function failure(name: string, text: string, options: Options = {}): Promise<InputError> {
  try {
    await read(name, text, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** What align inspect runs: the winning module's normalise with skipInvalid, then assembleDataset (no readDataset stop). */
async function inspected(name: string, text: string, options: Options = {}): Promise<{ normalised: Normalised; dataset: Dataset }> {
  const path = tmp.write(name, text);
  const table = await readTable(path);
  const config = options.config ?? {};
  const normalised = detectFormat(table).module.normalise(table, { config, skipInvalid: true, ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}) });
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
    expect(normalised.rankingUnresolved?.problem).toMatch(/^this file holds 2 candidate ranking questions/);
    expect(dataset.notes.map((n) => [n.line, n.note])).toEqual([
      [1, expect.stringMatching(/^this file holds 2 candidate ranking questions: one ordered list per respondent in "stack"; one column per priority under "Rank" .*; pass --ranking-question/)],
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
      expect.stringMatching(/^2 questions look like rankings: "Rank these priorities for the next 12 months \(1st = most important\)" and "Rank these priorities for last year \(1st = most important\)"; pass --ranking-question/),
    );
    const e = await failure('gf-two-stack.csv', text);
    expect(e.problem).toMatch(/^2 questions look like rankings/);
    const chosen = await read('gf-two-chosen.csv', text, { rankingQuestion: 'Rank these priorities for last year' });
    expect(chosen.priorities).toHaveLength(8);
  });
});
