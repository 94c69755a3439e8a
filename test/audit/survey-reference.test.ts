// Reference: test/reference/survey_reference.py (numpy/scipy, from ARCHITECTURE.md's definitions) wrote plain-wide-1k.expected.json.
//
// Acceptance ("survey audit, part 1"): the plain wide table (Q1..Q40, `Rank: <priority>`), 1,000 rows
// written by a seeded script (`node scripts/write-plain-wide.mjs`), gives per-item and per-group
// survey statistics equal, to 1e-9, to an independent implementation whose output is committed:
// `python3 test/reference/survey_reference.py` -> test/reference/plain-wide-1k.expected.json. This test
// does not run Python; it reads that JSON. No align.yml: the table is read as align reads it by default.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_WIDE_1K, plainWide } from '../../scripts/lib/plain-wide.mjs';
import { runAlign } from '../helpers/run.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/plain-wide-1k.csv', import.meta.url));
const EXPECTED = fileURLToPath(new URL('../reference/plain-wide-1k.expected.json', import.meta.url));
/** Our own statistics agree with numpy to 1e-9 (STYLE.md, habit 2); p-values (about 1e-40 here) relatively. */
const TOL = 1e-9;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const FIELDS = ['mean', 'sd', 'favourable', 'neutral', 'unfavourable', 'rwg', 'adi'] as const;

function close(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL);
}

function closeRelative(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL * Math.abs(expected));
}

function sameGroup(actual: Json, expected: Json, what: string): void {
  expect(actual, what).toBeDefined();
  expect(actual.suppressed, `${what} is not suppressed`).toBeUndefined();
  expect(actual.n, `${what}.n`).toBe(expected.n);
  for (const f of FIELDS) close(actual[f], expected[f], `${what}.${f}`);
  expect(actual.favourableCI, `${what}.favourableCI`).toHaveLength(2);
  close(actual.favourableCI[0], expected.favourableCI[0], `${what}.favourableCI[0]`);
  close(actual.favourableCI[1], expected.favourableCI[1], `${what}.favourableCI[1]`);
}

function sameGroups(actual: Record<string, Json>, expected: Record<string, Json>, what: string): void {
  expect(Object.keys(actual).sort(), `${what}: the groups`).toEqual(Object.keys(expected).sort());
  for (const [name, group] of Object.entries(expected)) sameGroup(actual[name], group, `${what}[${name}]`);
}

describe('align audit plain-wide-1k.csv --format json against the numpy reference', () => {
  const expected: Json = JSON.parse(readFileSync(EXPECTED, 'utf8'));
  let survey: Json;

  beforeAll(async () => {
    const run = await runAlign(['audit', FIXTURE, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    survey = JSON.parse(run.stdout).survey;
  });

  it('the committed table is the one the seeded script writes, and the one the reference read', () => {
    const bytes = readFileSync(FIXTURE);
    expect(bytes.toString('utf8')).toBe(plainWide(PLAIN_WIDE_1K).csv);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(expected.sourceSha256);
  });

  it('reads 1,000 respondents, 12 of them leaders (role Executive), and suppresses no group', () => {
    // sizes: survey_reference.py's groupSizes; every group has at least 71 members (threshold 5)
    expect(survey.respondents).toBe(expected.respondents);
    expect(survey.leaders).toBe(expected.leaders);
    expect(survey.departmentsRemainder).toBe(0);
    expect(survey.levelsRemainder).toBe(0);
  });

  it('survey.items[] holds Q1..Q40 and nothing else', () => {
    expect(survey.items.map((i: Json) => i.id)).toEqual(expected.items.map((i: Json) => i.id));
    expect(expected.items).toHaveLength(40);
  });

  for (let q = 1; q <= 40; q++) {
    const id = `Q${q}`;
    it(`${id}: overall, byDepartment, byLevel, ICC(1) and its ANOVA`, () => {
      const want = expected.items.find((i: Json) => i.id === id);
      const got = survey.items.find((i: Json) => i.id === id);
      expect(got, id).toBeDefined();
      sameGroup(got.overall, want.overall, `${id}.overall`);
      sameGroups(got.byDepartment, want.byDepartment, `${id}.byDepartment`);
      sameGroups(got.byLevel, want.byLevel, `${id}.byLevel`);
      close(got.icc1, want.icc1, `${id}.icc1`);
      close(got.anova.F, want.anova.F, `${id}.anova.F`);
      expect(got.anova.df1, `${id}.anova.df1`).toBe(want.anova.df1);
      expect(got.anova.df2, `${id}.anova.df2`).toBe(want.anova.df2);
      closeRelative(got.anova.p, want.anova.p, `${id}.anova.p`);
    });
  }

  it('survey.gaps[]: leaders minus everyone else, favourable share in percentage points, per item', () => {
    const itemGaps = survey.gaps.filter((g: Json) => 'item' in g);
    expect(itemGaps.map((g: Json) => g.item)).toEqual(expected.gaps.map((g: Json) => g.item));
    for (const want of expected.gaps) {
      const got = itemGaps.find((g: Json) => g.item === want.item);
      expect(got.suppressed, `${want.item} gap is not suppressed`).toBeUndefined();
      close(got.leaders, want.leaders, `${want.item}.leaders`);
      close(got.others, want.others, `${want.item}.others`);
      close(got.gapPoints, want.gapPoints, `${want.item}.gapPoints`);
    }
  });
});
