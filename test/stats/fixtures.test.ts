// Every statistic against the synthetic fixtures' expected files, to 1e-9 (README rule 11).
// Reference: the expected numbers come from an independent numpy/scipy implementation
// (scipy.stats.spearmanr, scipy.stats.kendalltau variant 'b', scipy.stats.chi2.sf),
// following ../shared/fixtures/rankings/README.md rules 3, 4, 6, 7, 8, 9, 10.
import { describe, expect, it } from 'vitest';
import { borda } from '../../src/stats/borda.js';
import { kendallTauB } from '../../src/stats/kendall-tau-b.js';
import { kendallW } from '../../src/stats/kendall-w.js';
import { completeStack } from '../../src/stats/ranks.js';
import { rankBiasedOverlap } from '../../src/stats/rbo.js';
import { spearman } from '../../src/stats/spearman.js';
import { othersMeanRanks, spearmanToOthers } from '../reference/leave-one-out.js';
import { type Fixture, type FixtureRespondent, loadFixtures, matchingKey } from './fixtures.js';
import { close, closeAll, closeStat } from './helpers.js';

const fixtures = loadFixtures();

function completed(r: FixtureRespondent): number[] {
  return completeStack(r.explicit).completed;
}

function leaders(f: Fixture): FixtureRespondent[] {
  return f.respondents.filter((r) => r.leader);
}

/** The explicit ordered list of priority names (rank ascending); null when ranks are tied. */
function explicitList(f: Fixture, r: FixtureRespondent): string[] | null {
  if (completeStack(r.explicit).tied) return null;
  return r.explicit
    .map((rank, i) => ({ rank, name: f.priorities[i] as string }))
    .filter((e): e is { rank: number; name: string } => e.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.name);
}

function byName(f: Fixture, name: string): FixtureRespondent {
  const r = leaders(f).find((x) => x.name === name);
  if (!r) throw new Error(`${f.file}: no leader named ${name}`);
  return r;
}

function means(rows: number[][]): number[] {
  return (rows[0] as number[]).map((_, i) => rows.reduce((s, row) => s + (row[i] as number), 0) / rows.length);
}

/** Non-leaders grouped by department, in order of first appearance. */
function departmentGroups(f: Fixture): Map<string, number[][]> {
  const groups = new Map<string, number[][]>();
  for (const r of f.respondents) {
    if (r.leader || r.department === null) continue;
    const g = groups.get(r.department) ?? [];
    g.push(completed(r));
    groups.set(r.department, g);
  }
  return groups;
}

it('loads seven fixtures, each with at least two leaders', () => {
  expect(fixtures.map((f) => f.file)).toEqual([
    'aw-leaders-managers.expected.json',
    'aw-list-arrow.expected.json',
    'aw-list-semicolon.expected.json',
    'aw-long-partial.expected.json',
    'aw-names-messy.expected.json',
    'aw-wide-ties.expected.json',
    'northwind.expected.json',
  ]);
  for (const f of fixtures) expect(leaders(f).length).toBeGreaterThanOrEqual(2);
});

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, f) => {
  const stack = f.expected.stack;
  const leaderRows = leaders(f).map(completed);

  it('completeStack(explicit) gives respondents[].completed, ranked and tiedExplicitRanks', () => {
    for (const r of f.respondents) {
      const c = completeStack(r.explicit);
      if (r.completed) closeAll(c.completed, r.completed, 1e-9, r.name);
      if (r.ranked !== null) expect(c.ranked, r.name).toBe(r.ranked);
      if (r.tiedExplicitRanks !== null) expect(c.tied, r.name).toBe(r.tiedExplicitRanks);
    }
  });

  it('matchingKey(priority) gives priorityKeys (test helper check, README rule 2)', () => {
    if (!f.expected.priorityKeys) return;
    for (const p of f.priorities) expect(matchingKey(p)).toBe(f.expected.priorityKeys[p]);
  });

  it('kendallW(leaders) gives concordance W, WUncorrected, chiSquare, df and p', () => {
    const w = kendallW(leaderRows);
    expect(w.reason).toBeUndefined();
    const c = stack.concordance;
    close(w.value?.W, c.W, 1e-9, 'W');
    close(w.value?.WUncorrected, c.WUncorrected, 1e-9, 'WUncorrected');
    close(w.value?.chiSquare, c.chiSquare, 1e-9, 'chiSquare');
    expect(w.value?.df).toBe(c.df);
    close(w.value?.p, c.p, 1e-9, 'p');
    expect(leaderRows.length).toBe(c.raters);
  });

  it('spearman, kendallTauB and rankBiasedOverlap(p = 0.9) for every pair of leaders', () => {
    expect(stack.pairs.length).toBe((leaderRows.length * (leaderRows.length - 1)) / 2);
    for (const pair of stack.pairs) {
      const a = byName(f, pair.a);
      const b = byName(f, pair.b);
      const label = `${pair.a} / ${pair.b}`;
      closeStat(spearman(completed(a), completed(b)), pair.spearman, 1e-9, `${label} spearman`);
      closeStat(kendallTauB(completed(a), completed(b)), pair.kendallTauB, 1e-9, `${label} tau-b`);
      const la = explicitList(f, a);
      const lb = explicitList(f, b);
      if (pair.rbo === null) {
        // README rule 8: rbo is null exactly when a stack has tied explicit ranks
        expect(la === null || lb === null, label).toBe(true);
      } else {
        expect(la && lb, label).toBeTruthy();
        closeStat(rankBiasedOverlap(la as string[], lb as string[], 0.9), pair.rbo, 1e-9, `${label} rbo`);
        closeStat(rankBiasedOverlap(lb as string[], la as string[], 0.9), pair.rbo, 1e-9, `${label} rbo swapped`);
      }
    }
  });

  it('spearmanToOthers(leaders, i) gives raters[].spearmanToOthers and divergence (1 - rho)/2', () => {
    const raters = stack.raters;
    expect(raters.length).toBe(leaderRows.length);
    raters.forEach((rater: { name: string; spearmanToOthers: number; divergence: number }, i: number) => {
      expect(leaders(f)[i]?.name).toBe(rater.name);
      const rho = spearmanToOthers(leaderRows, i);
      closeStat(rho, rater.spearmanToOthers, 1e-9, rater.name);
      close((1 - (rho.value as number)) / 2, rater.divergence, 1e-9, `${rater.name} divergence`);
      // the same through spearman() and the others' mean vector directly
      closeStat(spearman(leaderRows[i] as number[], othersMeanRanks(leaderRows, i)), rater.spearmanToOthers);
    });
  });

  it('borda(leaders, keys) gives consensusOrder, meanRank, rankSum and firstPlaces', () => {
    const result = borda(leaderRows, f.keys);
    expect(result.order.map((i) => f.priorities[i])).toEqual(stack.consensusOrder);
    for (const entry of stack.consensus) {
      const i = f.priorities.indexOf(entry.priority);
      close(result.meanRanks[i], entry.meanRank, 1e-9, `${entry.priority} meanRank`);
      close(result.rankSums[i], entry.rankSum, 1e-9, `${entry.priority} rankSum`);
      expect(result.firstPlaces[i], `${entry.priority} firstPlaces`).toBe(entry.firstPlaces);
    }
  });

  it('kendallW, spearman and borda per department group of non-leaders (stack.departments)', () => {
    const groups = departmentGroups(f);
    const leaderMeans = means(leaderRows);
    const expectedDepartments = stack.departments ?? [];
    for (const d of expectedDepartments) {
      const rows = groups.get(d.department);
      expect(rows, d.department).toBeDefined();
      expect(rows?.length).toBe(d.n);
      const w = kendallW(rows as number[][]);
      if (d.W === null) {
        expect(w.value).toBeNull();
        expect(w.reason).toBe(d.WReason);
      } else {
        close(w.value?.W, d.W, 1e-9, `${d.department} W`);
      }
      closeStat(spearman(means(rows as number[][]), leaderMeans), d.spearmanToLeadership, 1e-9, d.department);
      const order = borda(rows as number[][], f.keys).order.map((i) => f.priorities[i]);
      expect(order, `${d.department} consensusOrder`).toEqual(d.consensusOrder);
    }
  });

  it('spearman(leader, own department group means) gives cascade[].spearman', () => {
    const groups = departmentGroups(f);
    for (const c of f.expected.cascade ?? []) {
      const rows = groups.get(c.department);
      expect(rows?.length ?? 0, c.leader).toBe(c.n);
      if (c.spearman === null) continue;
      closeStat(spearman(completed(byName(f, c.leader)), means(rows as number[][])), c.spearman, 1e-9, c.leader);
    }
  });
});

it('kendallW(leaders) is the same for the three encodings of the same stacks (arrow, semicolon, messy names)', () => {
  const same = fixtures.filter((f) => /aw-(list-arrow|list-semicolon|names-messy)/.test(f.file));
  expect(same.length).toBe(3);
  const ws = same.map((f) => kendallW(leaders(f).map(completed)).value?.W);
  close(ws[1], ws[0] as number, 0);
  close(ws[2], ws[0] as number, 0);
});
