/**
 * Who is in which group, and which groups are shown: the one place the
 * survey side of the audit (the Likert statistics, decision ownership,
 * strategy recall) splits its respondents into departments and levels and
 * decides, with complementary suppression, which groups may be shown and
 * whether the leaders' figures may be (the survey's leader-versus-team gap)
 * (ARCHITECTURE.md, "Groups" and "Anonymity"). Every analysis of one
 * population reads the same splits, so a group hidden in one is hidden in all.
 */
import { hasAnswers } from '../ingest/answers.js';
import type { Respondent } from '../ingest/types.js';
import { pushTo, record } from '../records.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { suppressGroups } from './suppression.js';
import type { MaybeSuppressed } from './types.js';

/** A split (departments or levels): who is in which group, and which groups are shown. */
export interface Split {
  groups: Map<string, Respondent[]>;
  hidden: Set<string>;
  /** overall n - the groups shown - the leaders when the gap shows them (departments only): 0 or at least the threshold unless every group is hidden. */
  remainder: number;
}

/** A split as decided: each group's size, which groups are hidden, and the remainder (as in Split). */
export interface SplitDecision {
  sizes: Map<string, number>;
  hidden: Set<string>;
  remainder: number;
}

/** What may be shown of a population (or of a part of it: an item's answerers, as head-counts per cell). */
export interface Decision {
  departments: SplitDecision;
  levels: SplitDecision;
  /** Everyone together is shown (at least the threshold). */
  overallShown: boolean;
  /** The leaders' figures may be shown beside everyone else's (see Population). */
  leadersShown: boolean;
}

/**
 * The most steps protectAcrossSplits takes per round looking for a small set a reader can work
 * out (a bound on time: a real org chart needs a few hundred). When it is reached, the round
 * counts as a leak of an unknown set: the gap is suppressed, else the smallest group shown is
 * hidden, and the search starts again over fewer groups.
 */
const MAX_SEARCH_STEPS = 1 << 16;

/**
 * The most work protectAcrossSplits does for one decision (search steps, and cycle signs added,
 * summed or built), so that no org chart keeps it searching: a free-text job-title column of 5,000
 * titles made each round exhaust its search, hide one title and search again, for minutes. Past
 * it, once a search is again inconclusive, the split with more groups shown is hidden whole and
 * the gap with it, and the other split is decided alone: what remains shown is one partition of
 * everyone (its groups, their remainder and everyone), each part empty or at least the threshold,
 * from which no smaller set follows. Counting work rather than time keeps the decision the same
 * on every machine. The most any test's org chart needs is 240 units, the 100k bench file's 125;
 * 6,000 rows with 1,469 free-text titles over 30 departments need 2.2 million (0.7 s), so the
 * budget leaves such files as they were read before it.
 */
const MAX_PROTECTION_WORK = 1 << 25;

/**
 * The most work all the decisions about one population do together (the population's own, then
 * each item's answerers and each other question's): past it, each further decision that needs a
 * long search takes the one-partition fallback at once. 400 departments by 400 titles on 80,000
 * rows otherwise made a dozen decisions of a full budget each.
 */
const MAX_POPULATION_WORK = 1 << 26;

/** What protectAcrossSplits may still spend. */
interface Budget {
  left: number;
}

/** People alike in every respect a set shown can tell apart: leader or not, department group, level group. */
export interface Cell {
  leader: boolean;
  department: string | null;
  level: string | null;
  weight: number;
}

/** What a reader is shown: the groups of each split shown, and whether the gap shows the leaders and the others. */
interface Shown {
  departments: ReadonlySet<string>;
  levels: ReadonlySet<string>;
  gap: boolean;
}

/**
 * The span of the sets shown, as a bipartite graph. Every set shown is a part of one of two
 * partitions of everyone: the departments shown, the leaders when the gap shows them and the
 * rest (everyone, the departments' remainder and the others follow from these); the levels shown
 * and the rest. A cell joins its part of the one to its part of the other: an edge (cells with
 * the same two parts cannot be told apart and make one edge). The figures a reader can work out
 * are exactly the vectors over edges of the form f(edge) = a(its first part) + b(its second part);
 * a set S of edges is one of them exactly when it is orthogonal to every cycle (signs alternating)
 * of the graph, that is, when the signatures below of its edges (each edge's sign on each
 * fundamental cycle of a spanning forest, a basis of the cycles) add up to zero. Integers only: exact.
 */
interface Span {
  /** The edge of each cell. */
  edgeOf: Int32Array;
  edges: Array<{ weight: number; cells: number[]; signature: Map<number, number> }>;
  /** The edges (of weight under the threshold) with a nonzero sign on each fundamental cycle. */
  onCycle: Map<number, number[]>;
}

function spanOf(cells: readonly Cell[], shown: Shown, minGroup: number): Span {
  const edgeIndex = new Map<string, number>();
  const ends: Array<[string, string]> = [];
  const edgeOf = new Int32Array(cells.length);
  const byKey: Array<{ key: string; ends: [string, string]; cells: number[]; weight: number }> = [];
  cells.forEach((cell, c) => {
    const a = cell.leader && shown.gap ? 'lead' : cell.department !== null && shown.departments.has(cell.department) ? `d:${cell.department}` : 'rest';
    const b = cell.level !== null && shown.levels.has(cell.level) ? `l:${cell.level}` : 'rest';
    const key = JSON.stringify([a, b]);
    let e = edgeIndex.get(key);
    if (e === undefined) {
      e = byKey.length;
      edgeIndex.set(key, e);
      byKey.push({ key, ends: [`A${a}`, `B${b}`], cells: [], weight: 0 });
    }
    byKey[e]!.cells.push(c);
    byKey[e]!.weight += cell.weight;
  });
  // edges in name order: the first small set found does not depend on the order of the rows
  const order = byKey.map((_, e) => e).sort((x, y) => compareCodePoints(byKey[x]!.key, byKey[y]!.key));
  const rank = new Int32Array(byKey.length);
  order.forEach((e, i) => {
    rank[e] = i;
  });
  const edges = order.map((e) => ({ weight: byKey[e]!.weight, cells: byKey[e]!.cells, signature: new Map<number, number>() }));
  for (const e of order) ends.push(byKey[e]!.ends);
  byKey.forEach((edge, e) => {
    for (const c of edge.cells) edgeOf[c] = rank[e]!;
  });
  // a spanning forest, breadth first from the nodes in name order
  const adjacent = new Map<string, number[]>();
  ends.forEach(([a, b], e) => {
    for (const n of [a, b]) {
      const list = adjacent.get(n);
      if (list) list.push(e);
      else adjacent.set(n, [e]);
    }
  });
  const parentEdge = new Map<string, number>();
  const depth = new Map<string, number>();
  const inTree = new Uint8Array(ends.length);
  for (const root of [...adjacent.keys()].sort(compareCodePoints)) {
    if (depth.has(root)) continue;
    depth.set(root, 0);
    const queue = [root];
    for (let q = 0; q < queue.length; q++) {
      const n = queue[q]!;
      for (const e of adjacent.get(n)!) {
        const [a, b] = ends[e]!;
        const m = a === n ? b : a;
        if (depth.has(m)) continue;
        depth.set(m, depth.get(n)! + 1);
        parentEdge.set(m, e);
        inTree[e] = 1;
        queue.push(m);
      }
    }
  }
  const up = (n: string) => {
    const e = parentEdge.get(n)!;
    const [a, b] = ends[e]!;
    return { e, next: a === n ? b : a };
  };
  // each edge outside the forest closes one cycle: the edge (+1), then the tree path back, signs alternating
  let cycle = 0;
  ends.forEach(([a, b], f) => {
    if (inTree[f]) return;
    const k = cycle++;
    const fromB: number[] = [];
    const fromA: number[] = [];
    let x = b;
    let y = a;
    while (x !== y) {
      if (depth.get(x)! >= depth.get(y)!) {
        const s = up(x);
        fromB.push(s.e);
        x = s.next;
      } else {
        const s = up(y);
        fromA.push(s.e);
        y = s.next;
      }
    }
    const path = [f, ...fromB, ...fromA.reverse()];
    path.forEach((e, position) => {
      edges[e]!.signature.set(k, position % 2 === 0 ? 1 : -1);
    });
  });
  const onCycle = new Map<number, number[]>();
  edges.forEach((edge, e) => {
    if (edge.weight >= minGroup) return;
    for (const k of edge.signature.keys()) {
      const list = onCycle.get(k);
      if (list) list.push(e);
      else onCycle.set(k, [e]);
    }
  });
  return { edgeOf, edges, onCycle };
}

/** Whether a reader can work out the figures of `set` (cells) from what is shown. */
function inSpan(span: Span, set: readonly number[]): boolean {
  const touched = new Map<number, number>();
  for (const c of set) {
    const e = span.edgeOf[c]!;
    touched.set(e, (touched.get(e) ?? 0) + 1);
  }
  const sum = new Map<number, number>();
  for (const [e, n] of touched) {
    const edge = span.edges[e]!;
    // part of an edge: cells a reader cannot tell apart
    if (n !== edge.cells.length) return false;
    for (const [k, s] of edge.signature) sum.set(k, (sum.get(k) ?? 0) + s);
  }
  for (const s of sum.values()) if (s !== 0) return false;
  return true;
}

/**
 * A set of 1..minGroup-1 people (as cells) a reader can work out, the first in edge order; null
 * when there is none; 'unknown' when the search took more than MAX_SEARCH_STEPS.
 * Complete: a set whose signatures add up to zero, of smallest edge e1, is found from e1 by adding,
 * while the sum is not zero, an edge with a nonzero sign on the sum's first nonzero cycle (the
 * rest of the set must hold one); every edge in it weighs under the threshold.
 */
function smallDerivable(span: Span, minGroup: number, budget: Budget): number[] | null | 'unknown' {
  let steps = 0;
  const chosen: number[] = [];
  const sum = new Map<number, number>();
  const add = (e: number, by: number) => {
    budget.left -= span.edges[e]!.signature.size;
    for (const [k, s] of span.edges[e]!.signature) {
      const v = (sum.get(k) ?? 0) + by * s;
      if (v === 0) sum.delete(k);
      else sum.set(k, v);
    }
  };
  const search = (first: number, weight: number): boolean | 'unknown' => {
    if (++steps > MAX_SEARCH_STEPS || --budget.left < 0) return 'unknown';
    if (sum.size === 0) return true;
    let k = Number.POSITIVE_INFINITY;
    for (const key of sum.keys()) if (key < k) k = key;
    for (const e of span.onCycle.get(k) ?? []) {
      if (e <= first || chosen.includes(e)) continue;
      const w = weight + span.edges[e]!.weight;
      if (w >= minGroup) continue;
      chosen.push(e);
      add(e, 1);
      const found = search(first, w);
      if (found !== false) return found;
      add(e, -1);
      chosen.pop();
    }
    return false;
  };
  for (let e1 = 0; e1 < span.edges.length; e1++) {
    const w = span.edges[e1]!.weight;
    if (w >= minGroup) continue;
    chosen.length = 0;
    sum.clear();
    chosen.push(e1);
    add(e1, 1);
    const found = search(e1, w);
    if (found === 'unknown') return 'unknown';
    if (found) return chosen.flatMap((e) => span.edges[e]!.cells);
    if (budget.left < 0) return 'unknown';
  }
  return null;
}

/**
 * Complementary suppression across everything shown. A reader has the counts
 * and sums of: everyone; each split's groups shown (each split's remainder is
 * everyone minus them); the leaders and everyone else when the leader-versus-
 * team gap shows them; and so of anything in the span of these sets (any sum
 * and difference of them, with any coefficients). While some set of 1 to
 * threshold − 1 people (a union of cells) is in that span (spanOf,
 * smallDerivable): if the gap is needed for it, the gap is suppressed; else
 * the smallest group shown whose hiding takes it out of the span is hidden
 * (failing that, the smallest shown group holding some of it, failing that the
 * smallest shown group). When the leaders are not shown by the gap, the
 * departments' remainder must not be exactly the leaders either (that would
 * show them): the smallest department shown is hidden too. Each split's own
 * remainder is kept at 0 or at least the threshold, as suppressGroups does.
 * Repeated until nothing changes; ties by code-point name order, and cells in
 * name order, so the row order changes nothing. Only head-counts per cell are
 * read: who the people are does not matter.
 */
function protectAcrossSplits(
  departments: SplitDecision,
  levels: SplitDecision,
  /** The cells with anyone in them, in name order. */
  cells: readonly Cell[],
  leaders: number,
  leadersShown: boolean,
  minGroup: number,
  shared: Budget,
): boolean {
  const splits = [departments, levels] as const;
  // each split's own hidden groups (suppressGroups'), for the one left shown by the fallback
  const ownHidden = splits.map((split) => new Set(split.hidden));
  const everyone = cells.reduce((n, c) => n + c.weight, 0);
  const shown = (split: SplitDecision) => [...split.sizes].filter(([k]) => !split.hidden.has(k));
  const bySize = (split: SplitDecision) => shown(split).sort((x, y) => x[1] - y[1] || compareCodePoints(x[0], y[0]));
  const shownNow = (gap: boolean, without?: [number, string]): Shown => {
    const names = splits.map(
      (split, i) =>
        new Set(
          shown(split)
            .map(([k]) => k)
            .filter((k) => without === undefined || without[0] !== i || without[1] !== k),
        ),
    );
    return { departments: names[0]!, levels: names[1]!, gap };
  };

  const budget: Budget = { left: Math.min(MAX_PROTECTION_WORK, shared.left) };
  const spent = budget.left;
  // the span of what is shown, its building charged to the budget (a sign per edge of each cycle)
  const span = (gap: boolean, without?: [number, string]): Span => {
    const built = spanOf(cells, shownNow(gap, without), minGroup);
    budget.left -= cells.length;
    for (const edge of built.edges) budget.left -= edge.signature.size;
    return built;
  };
  // the budget ran out and one split is hidden whole: one partition is left, which is safe once its remainder is
  let onePartition = false;

  for (let changed = true; changed; ) {
    changed = false;
    // each split's own remainder: the leaders are outside the departments' when the gap shows them
    splits.forEach((split, i) => {
      const fixed = i === 0 && leadersShown ? leaders : 0;
      const visible = bySize(split);
      let remainder = everyone - fixed - visible.reduce((n, [, size]) => n + size, 0);
      for (const [name, size] of visible) {
        if (remainder === 0 || remainder >= minGroup) break;
        split.hidden.add(name);
        remainder += size;
        changed = true;
      }
      split.remainder = remainder;
    });
    if (changed) continue;
    // the leaders not shown by the gap: everyone minus the departments shown must not be exactly them
    if (!leadersShown && leaders > 0 && departments.sizes.size > 0) {
      const inShown = new Set(shown(departments).map(([k]) => k));
      const outside = cells.filter((c) => c.department === null || !inShown.has(c.department));
      if (outside.reduce((n, c) => n + c.weight, 0) === leaders && outside.every((c) => c.leader)) {
        const smallest = bySize(departments)[0];
        if (smallest) {
          departments.hidden.add(smallest[0]);
          changed = true;
          continue;
        }
      }
    }
    if (onePartition) break;
    const leak = smallDerivable(span(leadersShown), minGroup, budget);
    if (leak === null) break;
    if (leak === 'unknown' && budget.left < 0) {
      const [d, l] = splits.map((split) => shown(split).length) as [number, number];
      const drop = l >= d ? 1 : 0;
      const whole = splits[drop]!;
      for (const [name] of shown(whole)) whole.hidden.add(name);
      // the other split alone: only what its own remainder rules hide (hidden again below as needed)
      const kept = splits[1 - drop]!;
      kept.hidden.clear();
      for (const name of ownHidden[1 - drop]!) kept.hidden.add(name);
      leadersShown = false;
      onePartition = true;
      changed = true;
      continue;
    }
    if (leadersShown && (leak === 'unknown' || !inSpan(span(false), leak))) {
      leadersShown = false;
      changed = true;
      continue;
    }
    const candidates: Array<[number, string, number]> = [];
    splits.forEach((split, i) => {
      for (const [name, size] of shown(split)) candidates.push([size, name, i]);
    });
    candidates.sort((x, y) => x[0] - y[0] || compareCodePoints(x[1], y[1]) || x[2] - y[2]);
    const holds = ([, name, i]: [number, string, number]) =>
      leak !== 'unknown' && leak.some((c) => (i === 0 ? cells[c]!.department : cells[c]!.level) === name);
    const pick =
      leak === 'unknown'
        ? candidates[0]
        : (candidates.find(([, name, i]) => budget.left >= 0 && !inSpan(span(leadersShown, [i, name]), leak)) ?? candidates.find(holds) ?? candidates[0]);
    if (pick === undefined) break;
    splits[pick[2]]!.hidden.add(pick[1]);
    changed = true;
  }
  shared.left -= spent - budget.left;
  return leadersShown;
}

/**
 * Which groups of a population may be shown, from its head-counts per cell (cells of weight 0
 * are nobody): each split's groups under the threshold and those whose remainder would give one
 * away are hidden (suppressGroups), then protectAcrossSplits hides more, and settles the gap,
 * across the two splits. The one decision every population is put through.
 */
function decide(cells: readonly Cell[], minGroup: number, shared: Budget): Decision {
  const live = cells.filter((c) => c.weight > 0);
  let everyone = 0;
  let leaders = 0;
  const departmentSizes = new Map<string, number>();
  const levelSizes = new Map<string, number>();
  for (const c of live) {
    everyone += c.weight;
    if (c.leader) leaders += c.weight;
    if (c.department !== null) departmentSizes.set(c.department, (departmentSizes.get(c.department) ?? 0) + c.weight);
    if (c.level !== null) levelSizes.set(c.level, (levelSizes.get(c.level) ?? 0) + c.weight);
  }
  const gapPossible = leaders >= minGroup && everyone - leaders >= minGroup;
  const departments = { sizes: departmentSizes, ...suppressGroups(departmentSizes, gapPossible ? leaders : 0, everyone, minGroup) };
  const levels = { sizes: levelSizes, ...suppressGroups(levelSizes, 0, everyone, minGroup) };
  const leadersShown = protectAcrossSplits(departments, levels, live, leaders, gapPossible, minGroup, shared);
  return { departments, levels, overallShown: everyone >= minGroup, leadersShown };
}

/** Each group's figures, or `suppressed` for a group hidden (the split's, or a figure's own stricter `hidden`: survey.ts, by answers). */
export function byGroup<T>(
  split: Split,
  figures: (people: readonly Respondent[], name: string) => T,
  hidden: ReadonlySet<string> = split.hidden,
): Record<string, MaybeSuppressed<T>> {
  const out = record<MaybeSuppressed<T>>();
  for (const [name, people] of split.groups) out[name] = hidden.has(name) ? { suppressed: true } : figures(people, name);
  return out;
}

/** One population split for reporting: its leaders and others, its departments and its levels. */
export interface Population {
  people: Respondent[];
  leaders: Respondent[];
  others: Respondent[];
  /** Each department's non-leaders (none without a role column). */
  departments: Split;
  /** Each role value, the leaders' own included. */
  levels: Split;
  /** Everyone together is shown (at least the threshold). */
  overallShown: boolean;
  /**
   * The leaders' figures may be shown beside everyone else's (the survey's leader-versus-team gap):
   * both sides are at least the threshold and neither side, taken from a set shown, leaves a small group.
   */
  leadersShown: boolean;
  /** People alike in every respect a group shown can tell apart, in name order (each with its head-count). */
  cells: readonly Cell[];
  /** cellIndex[p]: the cell of people[p]. */
  cellIndex: Int32Array;
  /** The same decision for a part of these people given as head-counts per cell (an item's answerers). */
  decideFor(weights: ArrayLike<number>): Decision;
}

/**
 * Departments: each department's non-leaders. Levels: each role value, the leaders' own included.
 * Without a role column there is nobody to set apart as a leader, and no department to compare.
 * The leaders' number is public, but their answers are shown only when leadersShown: otherwise they
 * stay inside the departments' remainder, so that everyone minus the departments shown cannot give
 * their figures. In the levels split they are a group like any other. Which groups are shown, and
 * whether the leaders are, is decided here once (decide), for every analysis.
 */
export function populationOf(people: readonly Respondent[], isLeader: (r: Respondent) => boolean, hasRoles: boolean, minGroup: number): Population {
  const leaders: Respondent[] = [];
  const others: Respondent[] = [];
  const departmentGroups = new Map<string, Respondent[]>();
  const levelGroups = new Map<string, Respondent[]>();
  // cells by leader or not, then department group, then level group (no text built per person)
  const byKey = new Map<boolean, Map<string | null, Map<string | null, Cell>>>();
  const found: Cell[] = [];
  const cellOf = new Array<Cell>(people.length);
  people.forEach((r, p) => {
    const leader = isLeader(r);
    (leader ? leaders : others).push(r);
    const department = hasRoles && !leader ? r.department : null;
    const level = r.role;
    if (department !== null) pushTo(departmentGroups, department, r);
    if (level !== null) pushTo(levelGroups, level, r);
    let inLeader = byKey.get(leader);
    if (!inLeader) {
      inLeader = new Map();
      byKey.set(leader, inLeader);
    }
    let inDepartment = inLeader.get(department);
    if (!inDepartment) {
      inDepartment = new Map();
      inLeader.set(department, inDepartment);
    }
    let cell = inDepartment.get(level);
    if (!cell) {
      cell = { leader, department, level, weight: 0 };
      inDepartment.set(level, cell);
      found.push(cell);
    }
    cell.weight++;
    cellOf[p] = cell;
  });
  const cells = found
    .map((cell) => [JSON.stringify([cell.leader, cell.department, cell.level]), cell] as const)
    .sort((x, y) => compareCodePoints(x[0], y[0]))
    .map(([, cell]) => cell);
  const at = new Map(cells.map((cell, i) => [cell, i]));
  const cellIndex = Int32Array.from(cellOf, (cell) => at.get(cell)!);
  const work: Budget = { left: MAX_POPULATION_WORK };
  const decision = decide(cells, minGroup, work);
  const decided = new Map<string, Decision>();
  const sorted = (groups: Map<string, Respondent[]>) => new Map([...groups].sort((a, b) => compareCodePoints(a[0], b[0])));
  return {
    people: [...people],
    leaders,
    others,
    departments: { groups: sorted(departmentGroups), hidden: decision.departments.hidden, remainder: decision.departments.remainder },
    levels: { groups: sorted(levelGroups), hidden: decision.levels.hidden, remainder: decision.levels.remainder },
    overallShown: decision.overallShown,
    leadersShown: decision.leadersShown,
    cells,
    cellIndex,
    decideFor: (weights) => {
      // items answered by the same people per cell (most of a survey's) share one decision
      const key = Array.from(cells, (_, i) => weights[i] ?? 0).join(',');
      let made = decided.get(key);
      if (made === undefined) {
        made = decide(
          cells.map((cell, i) => ({ ...cell, weight: weights[i] ?? 0 })),
          minGroup,
          work,
        );
        decided.set(key, made);
      }
      return made;
    },
  };
}

/** The groups of a split that are shown, in name order. */
export function shownGroups(split: Split): Array<[string, Respondent[]]> {
  return [...split.groups].filter(([k]) => !split.hidden.has(k));
}

/** Answered some part of a survey: a rating item, an ownership question or the recall question. */
export function tookSurvey(r: Respondent): boolean {
  return hasAnswers(r.likert) || (r.ownership !== undefined && hasKeys(r.ownership)) || (r.recall !== undefined && r.recall.text.trim() !== '');
}

/** Whether a keyed record holds anything (without listing its keys: asked once per respondent). */
function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}
