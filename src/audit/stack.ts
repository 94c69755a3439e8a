/**
 * The priority-stack analysis: leaders' concordance, consensus by three
 * methods, each leader's divergence from the others, pairwise agreement,
 * departments' own stacks and the cascade. Rules: ARCHITECTURE.md
 * ("Definitions" > "Stacks", "Groups", "Anonymity").
 */

import { InputError } from '../errors.js';
import { inEnglish, int, ledgerText, msg, quotedList, withWording } from '../i18n/index.js';
import type { Dataset, Note, Priority, Respondent, Subject } from '../ingest/types.js';
import { pushTo } from '../records.js';
import { borda, bordaOrder, firstPlacesOf } from '../stats/borda.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { copeland } from '../stats/copeland.js';
import { columnMeans, sampleVariance } from '../stats/describe.js';
import { KEMENY_MAX_ITEMS, kemeny } from '../stats/kemeny.js';
import { kendallTauB } from '../stats/kendall-tau-b.js';
import { kendallW, kendallWOfTally, kendallWPermutation } from '../stats/kendall-w.js';
import { isConstant } from '../stats/pearson.js';
import { addPlainStack, addRanked, emptyRankTally, type RankTally } from '../stats/rank-tally.js';
import { type CompletedStack, completeStack } from '../stats/ranks.js';
import { rankBiasedOverlap } from '../stats/rbo.js';
import { type Stat, statFields as stat } from '../stats/result.js';
import { spearman } from '../stats/spearman.js';
import { W_BAND_SOURCE, wBand } from './bands.js';
import { NON_LEADER_RANKED_NOTHING } from './ledger.js';
import { hiddenGroups } from './suppression.js';
import type { CascadeEntry, Concordance, ConsensusEntry, DepartmentStack, Gap, Pair, Rater, StackResult } from './types.js';

/** A leadership team; beyond this many leaders the pairwise list (n² entries) is left out with a reason. */
export const MAX_PAIRWISE_LEADERS = 60;

/**
 * W's permutation p is drawn for a team's stacks, up to this many raters: its relabellings cost
 * raters x priorities x permutations (a stacks file of 80,000 people with no role column, all of them
 * leaders, took a minute), while with this many raters the chi-square p (m(N-1)W on N-1 degrees of
 * freedom, which the permutation test checks for small teams) is accurate. Past it, null with the reason.
 */
export const MAX_PERMUTATION_RATERS = 1_000;
const TOO_MANY_TO_PERMUTE = `drawn for at most ${MAX_PERMUTATION_RATERS} leaders; with more, the chi-square p is accurate`;

export interface StackOptions {
  /** Respondent -> is a leader (see leaders.ts). */
  isLeader: (r: Respondent) => boolean;
  minGroup: number;
  rboP: number;
  permutations: number;
  seed: number;
}

/** A respondent's stack over all N priorities. */
interface Ranked {
  respondent: Respondent;
  /** explicit[i]: the rank written for priority i, or null when unranked. */
  explicit: Array<number | null>;
  stack: CompletedStack;
}

function sampleSd(values: readonly number[]): number | null {
  const v = sampleVariance(values);
  return v === null ? null : Math.sqrt(v);
}

function baseName(r: Respondent): string {
  return r.name ?? r.email ?? r.toolId ?? `${r.file}:${r.line}`;
}

/**
 * Leaders are shown by name, and every view and JSON entry is keyed by it, so
 * two leaders with one name (two people, or one person in two files with no
 * email to merge them) get the line they came from: "Ann Lee (line 14)", or
 * "Ann Lee (typeform.csv line 14)" when they come from different files.
 */
/** A file's base name, or its whole path when two of the files share that base name. */
function fileLabel(file: string, files: ReadonlySet<string>): string {
  const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
  return [...files].filter((f) => base(f) === base(file)).length > 1 ? file : base(file);
}

function uniqueNames(people: readonly Respondent[]): Map<Respondent, string> {
  const byName = new Map<string, Respondent[]>();
  for (const r of people) {
    const key = baseName(r).normalize('NFC').trim().toLowerCase();
    pushTo(byName, key, r);
  }
  const names = new Map<Respondent, string>();
  for (const group of byName.values()) {
    const files = new Set(group.map((r) => r.file));
    for (const r of group) {
      if (group.length === 1) names.set(r, baseName(r));
      else names.set(r, `${baseName(r)} (${files.size > 1 ? `${fileLabel(r.file, files)} ` : ''}line ${r.line})`);
    }
  }
  return names;
}

/** The explicit stack as an ordered list of keys, or null when it has tied ranks. */
function orderedList(r: Ranked, keys: readonly string[]): string[] | null {
  if (r.stack.tied) return null;
  return r.explicit
    .map((rank, i) => ({ rank, key: keys[i]! }))
    .filter((e): e is { rank: number; key: string } => e.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.key);
}

/**
 * The most priorities align compares. Beyond it the question is free text (every
 * respondent writing their own) or the leaders are not marked; the rank
 * statistics would only hold respondents x priorities numbers for nothing.
 */
export const MAX_PRIORITIES = 500;

const subjectOf = (r: Respondent): Subject => ({ role: r.role, department: r.department });

/**
 * The N priorities (ARCHITECTURE.md, "Stacks"): the question's options where a
 * file lists them (`listed`), else what some leader ranked or listed with a
 * blank rank (a long file's unranked rows; without a role column everyone is a leader). A name outside them is a write-in. More than
 * MAX_PRIORITIES is an InputError saying how many and what to do.
 */
export function priorityPool(dataset: Dataset, isLeader: (r: Respondent) => boolean): Priority[] {
  const listed = dataset.priorities.filter((p) => p.listed);
  let pool = listed;
  if (listed.length === 0) {
    const byLeader = new Set<string>();
    for (const r of dataset.respondents) {
      if (!isLeader(r)) continue;
      for (const e of r.stack) byLeader.add(e.priority);
      // a long file's blank-rank rows list the rest of the leader's list: a priority no leader picked in a top-k sheet still counts
      for (const key of r.unranked ?? []) byLeader.add(key);
    }
    pool = dataset.priorities.filter((p) => byLeader.has(p.key));
  }
  if (pool.length > MAX_PRIORITIES) {
    const whose =
      listed.length > 0
        ? 'the ranking question lists'
        : dataset.hasRoleColumn
          ? 'the leaders ranked'
          : 'the respondents ranked (no role column, so everyone counts as a leader)';
    throw new InputError(
      dataset.files[0]?.path ?? '',
      null,
      null,
      `${whose} ${pool.length.toLocaleString('en')} distinct priorities; align compares at most ${MAX_PRIORITIES}`,
      listed.length > 0
        ? 'pick the ranking question with --ranking-question <header>, or mark the other columns ignore under columns in align.yml'
        : dataset.hasRoleColumn
          ? "check that the priority column holds the priorities (not free text), or name the leaders' role with --leaders <role>"
          : "add a role column so that only the leaders' priorities count (others' become write-ins), or give the options as one column per priority",
    );
  }
  return pool;
}

export function analyseStacks(
  dataset: Dataset,
  options: StackOptions,
): { stack: StackResult; cascade: CascadeEntry[]; notes: Note[] } | { reason: string; notes: Note[] } {
  if (dataset.priorities.length === 0) return { reason: 'the input has no ranking question', notes: [] };
  const priorities = priorityPool(dataset, options.isLeader);
  const n = priorities.length;
  const keys = priorities.map((p) => p.key);
  const names = priorities.map((p) => p.name);
  const index = new Map(keys.map((k, i) => [k, i]));
  const allNames = new Map(dataset.priorities.map((p) => [p.key, p.name]));

  const leaders: Ranked[] = [];
  const othersByDepartment = new Map<string, RankTally>();
  let othersRanked = 0;
  const notes: Note[] = [];
  const unranked: Respondent[] = [];
  // a non-leader's ranks 1..k each once (the common stack) go straight into the department's tally (addPlainStack)
  const rankAt = new Int32Array(n);
  for (const respondent of dataset.respondents) {
    if (plainOther(respondent)) continue;
    const explicit = new Array<number | null>(n).fill(null);
    let inPool = 0;
    const writeIns: string[] = [];
    for (const entry of respondent.stack) {
      const i = index.get(entry.priority);
      if (i === undefined) {
        writeIns.push(allNames.get(entry.priority) ?? entry.priority);
        continue;
      }
      explicit[i] = entry.rank;
      inPool++;
    }
    const leader = options.isLeader(respondent);
    if (writeIns.length > 0) {
      const shown = quotedList(writeIns, 3);
      notes.push(
        ledgerText(
          { file: respondent.file, line: respondent.line, kind: 'write-in' as const, about: [subjectOf(respondent)] },
          'note',
          msg(leader ? 'ledger.note.writeInLeader' : 'ledger.note.writeIn', {
            name: leader ? baseName(respondent) : undefined,
            writeIns: shown,
            k: writeIns.length,
            n: String(n),
          }),
        ),
      );
    }
    if (inPool === 0) {
      // Used for the survey but not in any stack: say so, so nobody drops out of the numbers unseen.
      if (leader) {
        notes.push(
          ledgerText(
            { file: respondent.file, line: respondent.line, kind: 'ranked-nothing' as const, about: [subjectOf(respondent)] },
            'note',
            msg('ledger.note.leaderRankedNothing', { name: baseName(respondent) }),
          ),
        );
      } else {
        unranked.push(respondent);
      }
      continue;
    }
    const stack = completeStack(explicit);
    if (leader) {
      leaders.push({ respondent, explicit, stack });
      continue;
    }
    // Everyone else counts in their department's stack only: as sums that merge, not a row each kept.
    othersRanked++;
    const d = respondent.department;
    if (d === null) continue;
    let tally = othersByDepartment.get(d);
    if (tally === undefined) {
      tally = emptyRankTally(n);
      othersByDepartment.set(d, tally);
    }
    addRanked(tally, stack.completed, stack.tieGroupSizes);
  }
  /**
   * Counts a non-leader whose every ranked priority is in the pool, ranked 1..k each once, as the
   * loop below would (othersRanked, the department's tally), without its arrays; false for any other
   * respondent, whom the loop reads.
   */
  function plainOther(respondent: Respondent): boolean {
    const k = respondent.stack.length;
    if (k === 0 || k > n) return false;
    rankAt.fill(0);
    for (const entry of respondent.stack) {
      const i = index.get(entry.priority);
      const r = entry.rank;
      if (i === undefined || rankAt[i] !== 0 || !Number.isInteger(r) || r < 1 || r > k) return false;
      rankAt[i] = r;
    }
    // ranks within 1..k on k distinct priorities: 1..k each once when no rank repeats
    let seen = 0;
    for (let i = 0; i < n; i++) if (rankAt[i] !== 0) seen |= 1 << (rankAt[i]! - 1);
    // (a stack of 31 ranks or more, past the bitmask, goes the general way)
    if (k >= 31 || seen !== 2 ** k - 1) return false;
    if (options.isLeader(respondent)) return false;
    othersRanked++;
    const d = respondent.department;
    if (d === null) return true;
    let tally = othersByDepartment.get(d);
    if (tally === undefined) {
      tally = emptyRankTally(n);
      othersByDepartment.set(d, tally);
    }
    addPlainStack(tally, rankAt, k);
    return true;
  }
  // Others who ranked nothing (common when only leaders were asked to rank): one note each, which
  // the audit folds into one line per file (unranked() in audit.ts) once it knows who may be named.
  for (const r of unranked) {
    notes.push({
      file: r.file,
      line: r.line,
      kind: 'ranked-nothing',
      about: [subjectOf(r)],
      note: NON_LEADER_RANKED_NOTHING,
    });
  }
  const shown = uniqueNames(leaders.map((l) => l.respondent));
  const nameOf = (r: Respondent) => shown.get(r) ?? baseName(r);
  if (leaders.length === 0) return { reason: 'no leader ranked any priority', notes };

  const matrix = leaders.map((l) => l.stack.completed);
  const leaderMeans = columnMeans(matrix, n);

  const concordance = concordanceOf(matrix, keys, options);
  const b = borda(matrix, keys);
  const consensus: ConsensusEntry[] = b.order.map((i, pos) => {
    const explicitRanks = leaders.map((l) => (l.explicit[i] === null ? null : l.stack.completed[i]!));
    const top3 = explicitRanks.filter((r) => r !== null && r <= 3).length;
    const lastBlock = n - Math.ceil(n / 3);
    // Contested needs two leaders: one with it in their top three, *another* with it in the last third or unranked
    // (for N <= 4 a rank of 3 is both, and must not make a leader contest their own stack).
    const isLow = explicitRanks.map((r) => r === null || r > lastBlock);
    const contested = explicitRanks.some((r, a) => r !== null && r <= 3 && isLow.some((l, o) => l && o !== a));
    const sd = sampleSd(matrix.map((row) => row[i]!));
    return {
      priority: names[i]!,
      position: pos + 1,
      meanRank: b.meanRanks[i]!,
      ...(sd === null ? { sd: null, sdReason: 'only one leader ranked' } : { sd }),
      top3Share: top3 / leaders.length,
      // in every leader's top three, and not contested: for N <= 4 a 3rd place is also the last third, so
      // "1st for one, 3rd of 4 for another" is contested, and a row is never marked both
      unanimous: top3 === leaders.length && !contested,
      contested,
      firstPlaces: b.firstPlaces[i]!,
    };
  });
  const cope = copeland(matrix, b.order);
  const kem = kemeny(matrix, b.order, keys);
  const top3 = (order: readonly number[]) => new Set(order.slice(0, 3));
  const sameSet = (a: Set<number>, c: Set<number>) => a.size === c.size && [...a].every((x) => c.has(x));
  const bordaTop = top3(b.order);
  const methodsAgreeTop3 = sameSet(bordaTop, top3(cope.order)) && (kem === null || sameSet(bordaTop, top3(kem.order)));

  const totals = totalsOf(matrix, n);
  const raters: Rater[] = leaders.map((l) => raterOf(l, leaders.length, totals, names, keys, nameOf));
  const pairs: Pair[] = [];
  const pairsMessage =
    leaders.length > MAX_PAIRWISE_LEADERS
      ? msg('reading.pairs.tooMany', {
          leaders: int(leaders.length),
          pairs: int((leaders.length * (leaders.length - 1)) / 2),
          max: String(MAX_PAIRWISE_LEADERS),
        })
      : undefined;
  const pairsReason = pairsMessage && inEnglish(pairsMessage);
  for (let i = 0; i < leaders.length && !pairsReason; i++) {
    for (let j = i + 1; j < leaders.length; j++) {
      pairs.push(pairOf(leaders[i]!, leaders[j]!, keys, options.rboP, nameOf));
    }
  }

  const { departments, cascade } = dataset.hasRoleColumn
    ? groupsOf(leaders, { byDepartment: othersByDepartment, ranked: othersRanked }, leaderMeans, names, keys, options.minGroup, nameOf)
    : { departments: [], cascade: [] };

  // the reasons with numbers in them are worded from messages: English here, the reader's language in a report (worded)
  const kemenyMessage = kem === null ? msg('reading.kemeny.tooMany', { max: String(KEMENY_MAX_ITEMS), n: String(n) }) : undefined;
  const stack: StackResult = {
    priorities: names,
    leaders: leaders.map((l) => nameOf(l.respondent)),
    concordance,
    consensus,
    copeland: cope.order.map((i, pos) => ({ priority: names[i]!, position: pos + 1, score: cope.scores[i]! })),
    kemeny: kem === null ? null : { order: kem.order.map((i) => names[i]!), optimalOrders: kem.optimalOrders, cost: kem.cost },
    ...(kemenyMessage ? { kemenyReason: inEnglish(kemenyMessage) } : {}),
    methodsAgreeTop3,
    raters,
    pairs,
    ...(pairsReason ? { pairsReason } : {}),
    departments,
    rboP: options.rboP,
    minGroup: options.minGroup,
  };
  if (kemenyMessage || pairsMessage)
    withWording(stack, { ...(kemenyMessage ? { kemenyReason: kemenyMessage } : {}), ...(pairsMessage ? { pairsReason: pairsMessage } : {}) });
  return { stack, cascade, notes };
}

/**
 * The matrix in an order that does not depend on the input's: priorities by key, raters by their
 * rows. The seeded relabellings then draw the same permutation p for the same stacks whatever the
 * tool, file or row order (W and the chi-square p do not depend on order at all).
 */
function canonical(matrix: readonly number[][], keys: readonly string[]): number[][] {
  const columns = keys.map((_, i) => i).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
  const rows = matrix.map((row) => columns.map((i) => row[i]!));
  return rows.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
}

function concordanceOf(matrix: number[][], keys: readonly string[], options: StackOptions): Concordance {
  const w = kendallW(matrix);
  const base = { permutations: options.permutations, seed: options.seed, raters: matrix.length, bandSource: W_BAND_SOURCE };
  if (w.value === null) {
    return {
      W: null,
      WReason: w.reason,
      chiSquare: null,
      df: null,
      p: null,
      pReason: w.reason,
      pPermutation: null,
      pPermutationReason: w.reason,
      band: null,
      ...base,
    };
  }
  const tooMany = matrix.length > MAX_PERMUTATION_RATERS;
  const perm = tooMany ? null : kendallWPermutation(canonical(matrix, keys), { permutations: options.permutations, seed: options.seed });
  return {
    W: w.value.W,
    chiSquare: w.value.chiSquare,
    df: w.value.df,
    p: w.value.p,
    pPermutation: perm === null ? null : perm.p,
    ...(perm === null ? { pPermutationReason: tooMany ? TOO_MANY_TO_PERMUTE : 'W is undefined for these stacks' } : {}),
    band: wBand(w.value.W),
    ...base,
  };
}

/** Rank sums and first places over all leaders, so each leader's "others" are totals minus their own row. */
interface Totals {
  rankSums: number[];
  firstPlaces: number[];
}

function totalsOf(matrix: ReadonlyArray<readonly number[]>, n: number): Totals {
  const rankSums = new Array<number>(n).fill(0);
  const firstPlaces = new Array<number>(n).fill(0);
  for (const row of matrix) {
    for (let i = 0; i < n; i++) rankSums[i]! += row[i]!;
    for (const i of firstPlacesOf(row)) firstPlaces[i]! += 1;
  }
  return { rankSums, firstPlaces };
}

/**
 * A record keyed by priority names (user text): without a prototype, so a
 * priority named `__proto__`, `constructor` or `toString` is an own key like
 * any other (JSON.stringify writes it; a plain {} would drop `__proto__`).
 */
function byName(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  names.forEach((name, i) => {
    out[name] = values[i]!;
  });
  return out;
}

/** Why a leader has no rho to the others when the others' consensus ties every priority. */
export const OTHERS_TIED = "the other leaders' stacks cancel out: together they rank every priority the same, so there is no order to compare with";

function raterOf(l: Ranked, m: number, totals: Totals, names: readonly string[], keys: readonly string[], nameOf: (r: Respondent) => string): Rater {
  const n = names.length;
  const own = l.stack.completed;
  const ranks = byName(names, own);
  const base = {
    name: nameOf(l.respondent),
    department: l.respondent.department,
    ranked: l.stack.ranked,
    ranks,
  };
  if (m < 2) {
    const reason = 'only one leader ranked, so there is nobody to compare with';
    return { ...base, spearmanToOthers: null, spearmanToOthersReason: reason, divergence: null, divergenceReason: reason, largestGaps: [] };
  }
  // The other leaders: totals less this leader's own row (ranks are multiples of 1/2, so the sums are exact).
  const restSums = totals.rankSums.map((s, i) => s - own[i]!);
  const restFirsts = totals.firstPlaces.slice();
  for (const i of firstPlacesOf(own)) restFirsts[i]! -= 1;
  const othersMean = restSums.map((s) => s / (m - 1));
  if (isConstant(othersMean)) {
    // the others' stacks cancel out (two leaders in exact reverse): no order to compare with, and no "the others put it 1st"
    return { ...base, spearmanToOthers: null, spearmanToOthersReason: OTHERS_TIED, divergence: null, divergenceReason: OTHERS_TIED, largestGaps: [] };
  }
  const rho = spearman(own, othersMean);
  const othersOrder = bordaOrder(restSums, restFirsts, keys);
  const othersPosition = new Array<number>(n);
  othersOrder.forEach((i, pos) => {
    othersPosition[i] = pos + 1;
  });
  const gaps: Gap[] = names
    .map((name, i) => ({ priority: name, rank: own[i]!, othersPosition: othersPosition[i]!, key: keys[i]! }))
    .filter((g) => g.rank !== g.othersPosition)
    .sort((a, c) => Math.abs(c.rank - c.othersPosition) - Math.abs(a.rank - a.othersPosition) || compareCodePoints(a.key, c.key))
    .slice(0, 3)
    .map(({ priority, rank, othersPosition: op }) => ({ priority, rank, othersPosition: op }));
  return {
    ...base,
    ...stat('spearmanToOthers', rho),
    ...(rho.value === null ? { divergence: null, divergenceReason: rho.reason } : { divergence: (1 - rho.value) / 2 }),
    largestGaps: gaps,
  };
}

function pairOf(a: Ranked, b: Ranked, keys: readonly string[], p: number, nameOf: (r: Respondent) => string): Pair {
  const listA = orderedList(a, keys);
  const listB = orderedList(b, keys);
  // a leader's name in the reason, as the pair names them: worded from the catalogue, English in the JSON, the reader's language in a report
  const tied = listA === null || listB === null ? msg('reading.rbo.tied', { name: listA === null ? nameOf(a.respondent) : nameOf(b.respondent) }) : null;
  const rbo: Stat = tied ? { value: null, reason: inEnglish(tied) } : rankBiasedOverlap(listA!, listB!, p);
  const pair: Pair = {
    a: nameOf(a.respondent),
    b: nameOf(b.respondent),
    ...stat('spearman', spearman(a.stack.completed, b.stack.completed)),
    ...stat('kendallTauB', kendallTauB(a.stack.completed, b.stack.completed)),
    ...stat('rbo', rbo),
  };
  return tied ? withWording(pair, { rboReason: tied }) : pair;
}

function groupsOf(
  leaders: readonly Ranked[],
  others: { byDepartment: ReadonlyMap<string, RankTally>; ranked: number },
  leaderMeans: readonly number[],
  names: readonly string[],
  keys: readonly string[],
  minGroup: number,
  nameOf: (r: Respondent) => string,
): { departments: DepartmentStack[]; cascade: CascadeEntry[] } {
  const byDept = others.byDepartment;
  const sizes = new Map([...byDept].map(([d, tally]) => [d, tally.m]));
  const hidden = hiddenGroups(sizes, leaders.length, leaders.length + others.ranked, minGroup);
  const departments: DepartmentStack[] = [];
  const groupMeans = new Map<string, number[]>();
  for (const [department, tally] of byDept) {
    if (hidden.has(department)) {
      departments.push({ department, suppressed: true });
      continue;
    }
    // a department's stack is read from its rank tally: sums that merge, not a matrix of every member's ranks
    const means = tally.rankSums.map((sum) => sum / tally.m);
    groupMeans.set(department, means);
    const meanRanks = byName(names, means);
    const w = kendallWOfTally(tally);
    const order = bordaOrder(tally.rankSums, tally.firstPlaces, keys).map((i) => names[i]!);
    departments.push({
      department,
      n: tally.m,
      ...(w.value === null ? { W: null, WReason: w.reason } : { W: w.value.W }),
      meanRanks,
      consensusOrder: order,
      ...stat('spearmanToLeadership', spearman(means, leaderMeans)),
    });
  }
  const cascade: CascadeEntry[] = leaders.map((l) => {
    const leader = nameOf(l.respondent);
    const department = l.respondent.department;
    const members = department === null ? 0 : (byDept.get(department)?.m ?? 0);
    if (members === 0) {
      return {
        leader,
        department,
        n: 0,
        spearman: null,
        spearmanReason: department === null ? 'no department given for this leader' : "no non-leaders in this leader's department",
      };
    }
    if (hidden.has(department!)) return { leader, department, suppressed: true };
    return { leader, department, n: members, ...stat('spearman', spearman(l.stack.completed, groupMeans.get(department!)!)) };
  });
  return { departments, cascade };
}
