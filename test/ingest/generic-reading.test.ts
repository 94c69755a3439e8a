/**
 * generic.ts on the tables QA found misread: what it says about a long file's
 * blank rank, align.yml columns the file does not have, tables with no
 * ranking or two, and numeric columns that are not priorities. Through
 * readDataset (what stack and audit run) and inspectTable's pieces
 * (normalise + assembleDataset, what inspect runs), on temporary files.
 */
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
