/**
 * ReadOptions.likert: an unknown Likert label stops the run by default
 * (ARCHITECTURE.md, "invalid values are errors"); 'lenient', for commands
 * that never use Likert answers (align stack), notes it and reads on.
 */

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { plainWide } from '../../scripts/lib/plain-wide.mjs';
import { InputError } from '../../src/errors.js';
import { likertRecord } from '../../src/ingest/answers.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

// The Google Forms fixture with one agreement answer on line 7 (Yuki Tanaka) changed to a label no scale has.
const original = readFileSync('test/fixtures/exports/google-forms.csv', 'utf8');
const kinda = original.replace('Yuki Tanaka,Manager,Operations,Disagree,Disagree,', 'Yuki Tanaka,Manager,Operations,Disagree,Kinda agree,');
const COLUMN = 'How much do you agree with each statement? [I know who owns each critical decision in my area]';

describe('an unknown Likert label', () => {
  const path = tmp.write('gf-kinda.csv', kinda);

  test('strict (the default): stops at the cell', async () => {
    const e = await readDataset([path], { config: {}, skipInvalid: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect([(e as InputError).line, (e as InputError).column]).toEqual([7, COLUMN]);
    expect((e as InputError).problem).toMatch(/^"Kinda agree" is not a label of the agreement scale/);
  });

  test("lenient: a note for the column; the respondent's stack and other answers are read", async () => {
    // Before: align stack stopped on the label although it never uses Likert answers.
    const d = await readDataset([path], { config: {}, skipInvalid: false, likert: 'lenient' });
    const yuki = d.respondents.find((r) => r.name === 'Yuki Tanaka')!;
    expect(yuki.stack).toHaveLength(8);
    expect(Object.keys(likertRecord(yuki.likert))).toHaveLength(5);
    expect(likertRecord(yuki.likert)).not.toHaveProperty('I know who owns each critical decision in my area');
    // one note for the column, on its first such row, quoting nobody's answer (notes reach the view)
    const note = d.notes.find((n) => n.line === 7)!;
    expect(note.note).toBe(
      'an answer in column "How much do you agree with each statement? [I know who owns each critical decision in my area]" is not a label of a scale align knows: left out here (Likert answers are not used); align audit stops on it until it is mapped in align.yml under scales',
    );
    expect(d.notes.some((n) => n.note.includes('Kinda agree'))).toBe(false);
    const strictRead = await readDataset([tmp.write('gf.csv', original)], { config: {}, skipInvalid: false });
    expect(d.respondents.map((r) => r.name)).toEqual(strictRead.respondents.map((r) => r.name));
  });

  test('lenient: a column align.yml calls Likert on no known scale is left out with a note, not a stop', async () => {
    const config = { columns: { 'Anything else the leadership team should know?': 'likert' as const } };
    await expect(readDataset([path], { config, skipInvalid: false })).rejects.toThrow(/are not a Likert scale align knows/);
    const d = await readDataset([path], { config, skipInvalid: false, likert: 'lenient' });
    expect(d.notes.map((n) => n.note)).toContainEqual(
      expect.stringMatching(/are not a Likert scale align knows \(column "Anything else the leadership team should know\?"\): the column is left out/),
    );
    expect(d.items.map((i) => i.text)).not.toContain('Anything else the leadership team should know?');
  });
});

// QA: align stack on a 1..5 file with a stray 9 said the answer "is not a label of a scale align
// knows"; it is a number off the scale read from the answers.
describe('a stray number on a numeric scale, read leniently', () => {
  test('the note says it is off the scale, not that it is no label', async () => {
    const lines = (plainWide({ rows: 2000 }).csv as string).split('\n');
    const q7 = lines[0]!.split(',').indexOf('Q7');
    const cells = lines[200]!.split(',');
    cells[q7] = '9';
    lines[200] = cells.join(',');
    const d = await readDataset([tmp.write('stray-nine.csv', lines.join('\n'))], { config: {}, skipInvalid: false, likert: 'lenient' });
    expect(d.notes.find((n) => n.line === 201)?.note).toBe(
      'an answer in column "Q7" is off the 1..5 scale read from the answers: left out here (Likert answers are not used); align audit stops on it until it is corrected, or the scale is settled in align.yml under scales',
    );
    expect(d.notes.some((n) => n.note.includes('label'))).toBe(false);
  });
});
