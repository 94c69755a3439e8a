/**
 * Data quality (issue: survey audit part 2): straight-lining (five or more
 * rating items answered, all alike), fewer than half the items answered,
 * speeders (under a third of the median time); flagged in input.notes[],
 * excluded only when align.yml quality.exclude says so.
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { durationText, qualityFlags } from '../../src/audit/quality.js';
import type { Respondent } from '../../src/ingest/types.js';
import { median } from '../../src/stats/describe.js';
import { aDataset } from './builders.js';

const ITEMS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'];
const person = (likert: Record<string, number>, seconds?: number): Respondent => ({
  toolId: null,
  name: null,
  email: null,
  role: null,
  department: null,
  file: 'f.csv',
  line: 2,
  submitted: null,
  likert,
  stack: [],
  ...(seconds !== undefined ? { durationSeconds: seconds } : {}),
});
const answers = (...values: number[]) => Object.fromEntries(values.map((v, i) => [ITEMS[i]!, v]));

describe('the flags', () => {
  test('straight-lining: five answers all alike; four alike, or five with one different, are not', () => {
    expect(qualityFlags(person(answers(4, 4, 4, 4, 4)), 6, null)).toEqual(['straight-lining']);
    expect(qualityFlags(person(answers(4, 4, 4, 4)), 6, null)).toEqual([]);
    expect(qualityFlags(person(answers(4, 4, 4, 4, 3)), 6, null)).toEqual([]);
  });

  test('incomplete: fewer than half the items; exactly half is not fewer', () => {
    expect(qualityFlags(person(answers(1, 2)), 6, null)).toEqual(['incomplete']);
    expect(qualityFlags(person(answers(1, 2, 3)), 6, null)).toEqual([]);
  });

  test('speeders: under a third of the median; exactly a third is not under', () => {
    expect(qualityFlags(person(answers(1, 2, 3), 99), 6, 300)).toEqual(['speeders']);
    expect(qualityFlags(person(answers(1, 2, 3), 100), 6, 300)).toEqual([]);
    expect(qualityFlags(person(answers(1, 2, 3)), 6, 300)).toEqual([]); // not timed
  });

  test('median as numpy.median', () => {
    // numpy.median([3, 1, 2]) == 2.0; numpy.median([4, 1, 3, 2]) == 2.5
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  test('durations read as people say them', () => {
    expect([durationText(40), durationText(60), durationText(75), durationText(597.5)]).toEqual(['40 s', '1 min', '1 min 15 s', '9 min 58 s']);
  });
});

describe('in the audit', () => {
  /** Eight Sales managers timed 600 s with varied answers, plus the cases under test. */
  function dataset() {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
    for (const id of ITEMS) b.withItem(id);
    b.withAnswering(8, 'Sales', (i) => ({ likert: answers(1 + (i % 5), 2, 3, 4, 5, 3), seconds: 600 }), ['A', 'B']);
    b.withMember('Straight Liner', 'Sales', ['A', 'B']).answering({ likert: answers(3, 3, 3, 3, 3, 3), seconds: 500 });
    b.withMember('Fast Finisher', 'Sales', ['B', 'A']).answering({ likert: answers(1, 2, 3, 4, 5, 1), seconds: 120 });
    b.withMember('Half Done', 'Sales', ['A', 'B']).answering({ likert: answers(5, 4), seconds: 400 });
    return b.build();
  }

  test('flagged in notes, named by no one and quoting no answer; kept in every figure', () => {
    const r = buildAudit(dataset(), { version: 'test', permutations: 100 });
    const notes = r.input.notes.filter((n) => /straight|fewer than half|median/.test(n.note));
    // median of 8 x 600, 500, 120, 400 (11 timed) is 600; a third is 200
    expect(notes.map((n) => [n.line, n.note])).toEqual([
      [
        11,
        'gave the same answer to every rating item (5 or more answered): straight-lining: kept; align.yml quality: {exclude: [straight-lining]} leaves such respondents out',
      ],
      [12, 'finished in under a third of the median time (median 10 min): kept; align.yml quality: {exclude: [speeders]} leaves such respondents out'],
      [13, 'answered fewer than half of the 6 rating items: kept; align.yml quality: {exclude: [incomplete]} leaves such respondents out'],
    ]);
    expect(JSON.stringify(r.input)).not.toMatch(/Straight Liner|Fast Finisher|Half Done/);
    expect(r.survey!.respondents).toBe(11);
    expect(r.input.excluded).toEqual([]);
  });

  test('excluded when align.yml says so: out of every figure, each row accounted for', () => {
    const r = buildAudit(dataset(), { version: 'test', permutations: 100, excludeQuality: ['straight-lining', 'speeders'] });
    expect(r.survey!.respondents).toBe(9);
    expect(r.input.respondents).toBe(10); // the leader, eight managers, Half Done
    expect(r.input.excluded.map((e) => [e.line, e.reason])).toEqual([
      [11, 'gave the same answer to every rating item (5 or more answered): straight-lining: left out (align.yml quality.exclude)'],
      [12, 'finished in under a third of the median time (median 10 min): left out (align.yml quality.exclude)'],
    ]);
    expect(r.input.notes.filter((n) => /fewer than half/.test(n.note)).map((n) => n.line)).toEqual([13]);
  });

  test('speeders need at least five timed responses to set a median', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']).withItem('Q1');
    b.withAnswering(4, 'Sales', (i) => ({ likert: { Q1: 1 + i }, seconds: i === 0 ? 10 : 600 }));
    const r = buildAudit(b.build(), { version: 'test', permutations: 100 });
    expect(r.input.notes.filter((n) => /median/.test(n.note))).toEqual([]);
  });

  test('a member of a hidden group is flagged by kind only, without a line in what a client reads', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
    for (const id of ITEMS) b.withItem(id);
    b.withAnswering(6, 'Sales', (i) => ({ likert: answers(1 + (i % 5), 2, 3, 4, 5, 3) }), ['A', 'B']);
    b.withAnswering(6, 'Ops', (i) => ({ likert: answers(1 + (i % 5), 2, 3, 4, 5, 3) }), ['A', 'B']);
    b.withMember('Lone Legal', 'Legal', ['A', 'B']).answering({ likert: answers(2, 2, 2, 2, 2, 2) });
    const r = buildAudit(b.build(), { version: 'test', permutations: 100 });
    const note = r.input.notes.find((n) => /straight-lining/.test(n.note))!;
    expect(note).toMatchObject({ suppressed: true, note: 'gave the same answer to every rating item (straight-lining)' });
  });
});

test('the same flag on several rows is one note with its count and lines', () => {
  const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
  for (const id of ITEMS) b.withItem(id);
  b.withAnswering(6, 'Sales', (i) => ({ likert: i % 2 === 0 ? answers(4, 4, 4, 4, 4, 4) : answers(1, 2, 3, 4, 5, 3) }), ['A', 'B']);
  const r = buildAudit(b.build(), { version: 'test', permutations: 100 });
  const notes = r.input.notes.filter((n) => /straight-lining/.test(n.note));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ line: 3, count: 3, lines: [3, 5, 7] });
});

test('speeders asked for where no response is timed: a note says no one was checked', () => {
  const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']).withItem('Q1');
  b.withAnswering(6, 'Sales', (i) => ({ likert: { Q1: 1 + (i % 5) } }), ['A', 'B']);
  const r = buildAudit(b.build(), { version: 'test', permutations: 100, excludeQuality: ['speeders'] });
  expect(r.input.notes.map((n) => n.note)).toContain(
    'align.yml quality.exclude lists speeders, but the input records no response times: no one is checked for speed',
  );
});
