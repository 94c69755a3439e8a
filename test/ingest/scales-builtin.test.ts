/**
 * The built-in scales of issue 10, point 4: importance, amount, and 9- and
 * 10-point agreement written with numbered labels; and a grid whose columns
 * share labels align does not know, which stops naming them.
 *
 * Fixtures (Google Forms layout: `Timestamp`, `Email Address`, one column per
 * grid row `Question [Row]`, the cell the column label):
 * - google-forms-importance.csv, -9point.csv, -10point.csv,
 *   -unknown-scale.csv: google-forms.csv (the Northwind answers, EXPECTED.md)
 *   with the agreement grid relabelled, point by point (canonical value v):
 *   importance v = Not at all / Slightly / Moderately important / Important /
 *   Very important; 9-point v -> 2v-1 ("1. Completely disagree", "3. Somewhat
 *   disagree", "5. Neither agree nor disagree", "7. Somewhat agree", "9.
 *   Completely agree"); 10-point v -> 1, 3, 5, 8, 10 ("1. Completely
 *   disagree", "3. Mostly disagree", "5. Slightly disagree", "8. Mostly agree",
 *   "10. Completely agree"); unknown-scale: Not true at all, Hardly true,
 *   Partly true, Mostly true, Completely true;
 * - google-forms-amount.csv: five people, hand-written, an amount grid
 *   (A lot / Some / Not much / Not at all) and a 3-point importance grid
 *   (Critical to me / Somewhat useful / Not relevant for me).
 */

import { describe, expect, it } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { bestScale, findScale, labelKey, labelNumber, likertValue, scalesFor } from '../../src/ingest/likert.js';
import { runAlign } from '../helpers/run.js';
import { canonical, EXPORTS, expectCanonical, readExport } from './northwind.js';

const scales = scalesFor(undefined);
const fitOf = (cells: string[]) => bestScale(cells, scales);

describe('importance and amount scales', () => {
  it('importance: Not at all important 1 … Very important 5', () => {
    const s = findScale('importance')!;
    expect(['Not at all important', 'Slightly important', 'Moderately important', 'Important', 'Very important'].map((l) => likertValue(l, s))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(fitOf(['Very important', 'Important', 'Not at all important'])?.scale.name).toBe('importance');
  });

  it('with "Extremely important" on top, Very important is 4 (importance-extremely)', () => {
    const fit = fitOf(['Extremely important', 'Very important', 'Moderately important', 'Slightly important', 'Not at all important']);
    expect(fit).toMatchObject({ scale: { name: 'importance-extremely', points: 5 }, unknown: [] });
    expect(likertValue('Very important', fit!.scale)).toBe(4);
  });

  it("3-point importance in the respondent's words: Not relevant for me 1, Somewhat useful 2, Critical to me 3", () => {
    const fit = fitOf(['Critical to me', 'Somewhat useful', 'Not relevant for me']);
    expect(fit).toMatchObject({ scale: { name: 'importance-3', points: 3 }, unknown: [] });
    expect(['Not relevant for me', 'Somewhat useful', 'Critical to me'].map((l) => likertValue(l, fit!.scale))).toEqual([1, 2, 3]);
  });

  it('amount: Not at all 1, Not much 2, Some 3, A lot 4 (not the extent scale, which has "Not at all" too)', () => {
    const fit = fitOf(['A lot', 'Some', 'Not much', 'Not at all']);
    expect(fit).toMatchObject({ scale: { name: 'amount', points: 4 }, unknown: [] });
    expect(['Not at all', 'Not much', 'Some', 'A lot'].map((l) => likertValue(l, fit!.scale))).toEqual([1, 2, 3, 4]);
  });
});

describe('numbered agreement labels: the numbers count', () => {
  it('labelKey strips the number, labelNumber keeps it', () => {
    expect(labelKey('1. Completely disagree')).toBe('completely disagree');
    expect(labelKey('10. Completely agree')).toBe('completely agree');
    expect([labelNumber('9. Completely agree'), labelNumber('Agree (4)'), labelNumber('7'), labelNumber('Agree')]).toEqual([9, 4, 7, null]);
  });

  it('"9. Completely agree" is no label of the 5-point scale; 1/3/5/7/9 read as 9-point, not 5- or 7-point', () => {
    expect(likertValue('9. Completely agree', findScale('agreement')!)).toBeUndefined();
    const cells = ['1. Completely disagree', '3. Somewhat disagree', '5. Neither agree nor disagree', '7. Somewhat agree', '9. Completely agree'];
    const fit = fitOf(cells);
    expect(fit).toMatchObject({ scale: { name: 'agreement-9', points: 9 }, unknown: [] });
    expect(cells.map((c) => likertValue(c, fit!.scale))).toEqual([1, 3, 5, 7, 9]);
  });

  it('the lower half alone ("1.", "3. Somewhat disagree", "5. Neither") is 9-point too: 7-point would make 5 a 4', () => {
    const fit = fitOf(['1. Completely disagree', '3. Somewhat disagree', '5. Neither agree nor disagree']);
    expect(fit?.scale.name).toBe('agreement-9');
  });

  it('a number alone between numbered ends is its own point', () => {
    const fit = fitOf(['1. Completely disagree', '4', '6', '9. Completely agree']);
    expect(fit?.scale.name).toBe('agreement-9');
    expect(likertValue('6', fit!.scale)).toBe(6);
  });

  it('10-point: 1 … 5 disagree, 6 … 10 agree', () => {
    const cells = ['1. Completely disagree', '3. Mostly disagree', '5. Slightly disagree', '8. Mostly agree', '10. Completely agree'];
    const fit = fitOf(cells);
    expect(fit).toMatchObject({ scale: { name: 'agreement-10', points: 10 }, unknown: [] });
    expect(cells.map((c) => likertValue(c, fit!.scale))).toEqual([1, 3, 5, 8, 10]);
  });

  it('numbered 5- and 7-point labels stay 5- and 7-point', () => {
    expect(fitOf(['1. Strongly disagree', '2. Disagree', '3. Neither agree nor disagree', '4. Agree', '5. Strongly agree'])?.scale.name).toBe('agreement');
    expect(fitOf(['1. Strongly disagree', '4. Neither agree nor disagree', '6. Agree', '7. Strongly agree'])?.scale.name).toBe('agreement-7');
    // numbered the other way round (5 = Strongly disagree) is still the 5-point scale, read by its words
    const reversed = fitOf(['5 - Strongly disagree', '4 - Disagree', '1 - Strongly agree']);
    expect(reversed?.scale.name).toBe('agreement');
    expect(likertValue('1 - Strongly agree', reversed!.scale)).toBe(5);
  });

  it('bare numbers alone are never read on a numbered scale', () => {
    expect(fitOf(['1', '4', '9'])).toBeNull();
  });
});

describe('Google Forms grids on the new scales (Northwind answers relabelled)', () => {
  const relabelled = (file: string, valueFor: (v: number) => number) => async () => {
    const { module, normalised } = await readExport(file);
    expect(module.format).toBe('google-forms');
    const textOf = new Map(normalised.items.map((i) => [i.id, i.text]));
    const got = normalised.rows.flatMap((r) => Object.entries(likertRecord(r.likert)).map(([id, v]) => `${r.name}|${textOf.get(id)}|${v}`));
    const expected = canonical.likert.map((c) => `${c.name}|${c.item}|${valueFor(Number(c.value))}`);
    expect(got.sort()).toEqual(expected.sort());
    return normalised;
  };

  it('importance: the canonical dataset, every item on the importance scale', async () => {
    const { normalised } = await readExport('google-forms-importance.csv');
    expectCanonical(normalised);
    expect(new Set(Object.values(normalised.scales))).toEqual(new Set(['importance']));
  });

  it('9-point numbered: canonical v read as 2v-1', async () => {
    const n = await relabelled('google-forms-9point.csv', (v) => 2 * v - 1)();
    expect(new Set(Object.values(n.scales))).toEqual(new Set(['agreement-9']));
    expect(n.items.map((i) => [i.low, i.points])).toEqual(Array(6).fill([1, 9]));
  });

  it('10-point numbered: canonical 1..5 read as 1, 3, 5, 8, 10', async () => {
    const n = await relabelled('google-forms-10point.csv', (v) => [0, 1, 3, 5, 8, 10][v]!)();
    expect(new Set(Object.values(n.scales))).toEqual(new Set(['agreement-10']));
    expect(n.items.map((i) => [i.low, i.points])).toEqual(Array(6).fill([1, 10]));
  });

  it('amount and 3-point importance grids (google-forms-amount.csv)', async () => {
    const { normalised } = await readExport('google-forms-amount.csv');
    const byName = Object.fromEntries(normalised.rows.map((r) => [r.name, Object.values(likertRecord(r.likert))]));
    // the cells of each row, by the definitions above: A lot 4, Some 3, Not much 2, Not at all 1; Critical 3, Somewhat useful 2, Not relevant 1
    expect(byName).toEqual({
      'Grace Mwangi': [4, 3, 1, 3, 1, 2],
      'Emily Zhang': [3, 2, 2, 2, 2, 3],
      'Olivia Bennett': [2, 4, 3, 1, 3, 3],
      'José Núñez': [1, 3, 4, 3, 2, 1],
      'Margaret Lindqvist': [4, 4, 3, 2, 1, 2],
    });
    expect(Object.values(normalised.scales)).toEqual(['amount', 'amount', 'amount', 'importance-3', 'importance-3', 'importance-3']);
  });

  it('inspect, audit and stack read the 9-point file (exit 0)', async () => {
    const file = `${EXPORTS}/google-forms-9point.csv`;
    for (const args of [
      ['inspect', file],
      ['audit', file, '--format', 'json'],
      ['stack', file],
    ]) {
      const run = await runAlign(args);
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(0);
    }
    const inspect = await runAlign(['inspect', file]);
    expect(inspect.stdout).toContain('answers are labels of the agreement-9 scale');
  });
});

describe('a grid of labels align does not know stops, naming them (google-forms-unknown-scale.csv)', () => {
  const file = `${EXPORTS}/google-forms-unknown-scale.csv`;

  it('audit and inspect exit 2 with one line naming the labels and how to map them', async () => {
    for (const args of [
      ['audit', file, '--format', 'json'],
      ['inspect', file],
    ]) {
      const run = await runAlign(args);
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('the 6 columns of "How true is each statement for you?" share the answers');
      for (const label of ['Not true at all', 'Hardly true', 'Partly true', 'Mostly true', 'Completely true']) expect(run.stderr).toContain(`"${label}"`);
      expect(run.stderr).toContain('align.yml under scales');
    }
  });

  it('stack, which reads no Likert answers, goes on and says it left the grid out', async () => {
    const run = await runAlign(['stack', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('which are not a Likert scale align knows: left out');
  });

  it('with the labels mapped in align.yml (google-forms-unknown-scale.align.yml), the canonical dataset', async () => {
    const { normalised } = await readExport('google-forms-unknown-scale.csv', { config: 'google-forms-unknown-scale.align.yml' });
    expectCanonical(normalised);
    const run = await runAlign(['audit', file, '--format', 'json', '--config', `${EXPORTS}/google-forms-unknown-scale.align.yml`]);
    expect(run.code, run.stderr).toBe(0);
  });
});
