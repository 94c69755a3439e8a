// Acceptance: `align stack <file> --json` against values computed independently
// with numpy/scipy (scipy.stats.spearmanr, kendalltau variant b, chi2.sf; rules in
// test/fixtures/rankings/README.md), matched by name, to 1e-9.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priorityKey } from '../../src/ingest/priority-key.js';
import { EXPORTS, RANKINGS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const TOL = 1e-9;

function close(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL);
}

const nameKey = (s: string) => s.normalize('NFC').trim().toLowerCase();
const pairKey = (a: string, b: string) => [nameKey(a), nameKey(b)].sort().join(' | ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function stackJson(file: string, extra: string[] = []): Promise<Json> {
  const run = await runAlign(['stack', file, '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function checkStack(actual: Json, expected: Json): void {
  const c = expected.stack.concordance;
  close(actual.stack.concordance.W, c.W, 'W');
  close(actual.stack.concordance.chiSquare, c.chiSquare, 'chiSquare');
  close(actual.stack.concordance.p, c.p, 'p');
  expect(actual.stack.concordance.df).toBe(c.df);
  expect(actual.stack.concordance.raters).toBe(c.raters);
  expect(actual.stack.concordance.band).toBe(c.band);
  expect(actual.stack.concordance.pPermutation).toBeGreaterThan(0);
  expect(actual.stack.concordance.pPermutation).toBeLessThanOrEqual(1);

  // consensus order, compared through the matching key (display names may differ)
  expect(actual.stack.consensus.map((e: Json) => priorityKey(e.priority))).toEqual(expected.stack.consensusOrder.map(priorityKey));
  for (const e of expected.stack.consensus) {
    const a = actual.stack.consensus.find((x: Json) => priorityKey(x.priority) === priorityKey(e.priority));
    close(a.meanRank, e.meanRank, `meanRank ${e.priority}`);
    close(a.sd, e.sd, `sd ${e.priority}`);
  }

  expect(actual.stack.raters).toHaveLength(expected.stack.raters.length);
  for (const r of expected.stack.raters) {
    const a = actual.stack.raters.find((x: Json) => nameKey(x.name) === nameKey(r.name));
    expect(a, r.name).toBeDefined();
    close(a.spearmanToOthers, r.spearmanToOthers, `spearmanToOthers ${r.name}`);
    close(a.divergence, r.divergence, `divergence ${r.name}`);
    expect(a.department).toBe(r.department);
  }

  expect(actual.stack.pairs).toHaveLength(expected.stack.pairs.length);
  const pairs = new Map(actual.stack.pairs.map((p: Json) => [pairKey(p.a, p.b), p]));
  for (const p of expected.stack.pairs) {
    const a: Json = pairs.get(pairKey(p.a, p.b));
    expect(a, `${p.a} / ${p.b}`).toBeDefined();
    close(a.spearman, p.spearman, `spearman ${p.a}/${p.b}`);
    close(a.kendallTauB, p.kendallTauB, `tau-b ${p.a}/${p.b}`);
    if (p.rbo === null) {
      expect(a.rbo).toBeNull();
      expect(a.rboReason).toMatch(/same rank/);
    } else close(a.rbo, p.rbo, `rbo ${p.a}/${p.b}`);
  }
}

const fixtures = existsSync(RANKINGS) ? readdirSync(RANKINGS).filter((f) => f.endsWith('.expected.json')) : [];

describe('align stack --json on the ranking fixtures', () => {
  it('has the fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(6));

  for (const name of fixtures) {
    it(`matches ${name}`, async () => {
      const expected = JSON.parse(readFileSync(join(RANKINGS, name), 'utf8'));
      const actual = await stackJson(join(RANKINGS, expected.file));
      checkStack(actual, expected);
      expect(actual.schemaVersion).toBe(1);
      expect(Object.keys(actual).sort()).toEqual(['cascade', 'input', 'schemaVersion', 'stack']);
    });
  }

  it('shows departments and cascade at the default threshold only when big enough (aw-leaders-managers)', async () => {
    const expected = JSON.parse(readFileSync(join(RANKINGS, 'aw-leaders-managers.expected.json'), 'utf8'));
    const actual = await stackJson(join(RANKINGS, 'aw-leaders-managers.csv'));
    for (const e of expected.stack.departments) {
      const a = actual.stack.departments.find((d: Json) => d.department === e.department);
      if (e.suppressedAtDefaultThreshold) {
        expect(a).toEqual({ department: e.department, suppressed: true });
      } else {
        expect(a.n).toBe(e.n);
        close(a.W, e.W, `W ${e.department}`);
        close(a.spearmanToLeadership, e.spearmanToLeadership, `rho ${e.department}`);
        for (const [p, v] of Object.entries(e.meanRank)) close(a.meanRanks[p], v as number, `mean rank ${p}`);
      }
    }
    for (const e of expected.cascade) {
      const a = actual.cascade.find((x: Json) => nameKey(x.leader) === nameKey(e.leader));
      if (e.suppressedAtDefaultThreshold) expect(a).toEqual({ leader: e.leader, department: e.department, suppressed: true });
      else if (e.spearman === null) {
        expect(a).toMatchObject({ leader: e.leader, department: e.department, n: 0, spearman: null });
        expect(a.spearmanReason).toBe(e.spearmanReason);
      } else {
        expect(a.n).toBe(e.n);
        close(a.spearman, e.spearman, `cascade ${e.leader}`);
      }
    }
  });

  it('shows the small groups with --min-group 3, but never Marketing (2 people), nor Finance (3), which would give Marketing away', async () => {
    // 27 respondents - 7 leaders - Sales 6 - Engineering 5 - Operations 4 - Finance 3 = 2: Marketing's size by subtraction.
    // Complementary suppression (ARCHITECTURE.md, "Anonymity") hides the next-smallest, Finance: the remainder is 5.
    const hidden = (e: Json) => e.n < 3 || e.department === 'Finance';
    const expected = JSON.parse(readFileSync(join(RANKINGS, 'aw-leaders-managers.expected.json'), 'utf8'));
    const actual = await stackJson(join(RANKINGS, 'aw-leaders-managers.csv'), ['--min-group', '3']);
    for (const e of expected.stack.departments) {
      const a = actual.stack.departments.find((d: Json) => d.department === e.department);
      if (hidden(e)) expect(a).toEqual({ department: e.department, suppressed: true });
      else close(a.spearmanToLeadership, e.spearmanToLeadership, `rho ${e.department}`);
    }
    expect(
      actual.stack.departments
        .filter((d: Json) => d.suppressed)
        .map((d: Json) => d.department)
        .sort(),
    ).toEqual(['Finance', 'Marketing']);
    for (const e of expected.cascade.filter((x: Json) => x.spearman !== null)) {
      const a = actual.cascade.find((x: Json) => nameKey(x.leader) === nameKey(e.leader));
      if (hidden(e)) expect(a.suppressed).toBe(true);
      else close(a.spearman, e.spearman, `cascade ${e.leader}`);
    }
  });

  it('refuses --min-group below 3 with exit 2', async () => {
    const run = await runAlign(['stack', join(RANKINGS, 'aw-leaders-managers.csv'), '--min-group', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: --min-group 2 is too small/);
  });

  it('refuses --permutations below 10,000 with exit 2 (ARCHITECTURE.md: at least 10,000 relabellings)', async () => {
    const run = await runAlign(['stack', join(RANKINGS, 'aw-leaders-managers.csv'), '--json', '--permutations', '5000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('align: --permutations takes a whole number from 10000 to 10000000, written in digits (got "5000")\n');
  });

  it('gives identical numbers for the same stacks in three encodings', async () => {
    const [a, b, c] = await Promise.all(['aw-list-semicolon.csv', 'aw-list-arrow.csv', 'aw-names-messy.csv'].map((f) => stackJson(join(RANKINGS, f))));
    const strip = (j: Json) =>
      JSON.stringify({ ...j.stack, priorities: j.stack.priorities.map(priorityKey) }, (k, v) => (k === 'priority' || k === 'order' ? undefined : v));
    expect(strip(a)).toEqual(strip(b));
    expect(strip(a).replace(/"ranks":\{[^}]*\}/g, '')).toEqual(strip(c).replace(/"ranks":\{[^}]*\}/g, ''));
  });
});

describe('align stack --json on northwind-rankings-long.csv', () => {
  it('matches northwind.expected.json (stack and cascade)', async () => {
    const expected = JSON.parse(readFileSync(join(EXPORTS, 'northwind.expected.json'), 'utf8'));
    const actual = await stackJson(join(EXPORTS, 'northwind-rankings-long.csv'));
    checkStack(actual, expected);
    for (const d of ['Finance', 'People']) {
      expect(actual.stack.departments.find((x: Json) => x.department === d)).toEqual({ department: d, suppressed: true });
      const leader = actual.cascade.find((x: Json) => x.department === d);
      expect(leader.suppressed).toBe(true);
      expect(Object.keys(leader).sort()).toEqual(['department', 'leader', 'suppressed']);
    }
    for (const e of expected.cascade.filter((x: Json) => x.spearman !== null && !x.suppressedAtDefaultThreshold)) {
      const a = actual.cascade.find((x: Json) => nameKey(x.leader) === nameKey(e.leader));
      close(a.spearman, e.spearman, `cascade ${e.leader}`);
    }
  });
});
