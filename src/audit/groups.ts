/**
 * Who is in which group, and which groups are shown: the one place the
 * survey side of the audit (the Likert statistics, decision ownership,
 * strategy recall) splits its respondents into departments and levels and
 * decides, with complementary suppression, which groups may be shown and
 * whether the leaders' figures may be (the survey's leader-versus-team gap)
 * (ARCHITECTURE.md, "Groups" and "Anonymity"). Every analysis of one
 * population reads the same splits, so a group hidden in one is hidden in all.
 */
import type { Respondent } from '../ingest/types.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { suppressGroups } from './suppression.js';
import type { MaybeSuppressed } from './types.js';

/** A record keyed by text from the input: no prototype, so `__proto__` is a key like any other. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A split (departments or levels): who is in which group, and which groups are shown. */
export interface Split {
  groups: Map<string, Respondent[]>;
  hidden: Set<string>;
  /** overall n - the groups shown - the leaders when the gap shows them (departments only): 0 or at least the threshold unless every group is hidden. */
  remainder: number;
}

/** `members` are grouped by `key`; `overall` and `leaders` are the survey's counts, public, that the remainder is taken from. */
function splitBy(members: readonly Respondent[], key: (r: Respondent) => string | null, overall: number, leaders: number, minGroup: number): Split {
  const groups = new Map<string, Respondent[]>();
  for (const r of members) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const sizes = new Map([...groups].map(([k, v]) => [k, v.length]));
  const { hidden, remainder } = suppressGroups(sizes, leaders, overall, minGroup);
  return { groups: new Map([...groups].sort((a, b) => compareCodePoints(a[0], b[0]))), hidden, remainder };
}

/** The most sets protectAcrossSplits derives per round before it stops looking further (a bound on time, never reached by a real org chart). */
const MAX_DERIVED_SETS = 4096;

/** One set of people whose figures the output gives or lets a reader work out, and what it is made of. */
interface Derivable {
  /** Bit c: the people of cell c (cells: people alike in leader or not, department group and level group). */
  mask: bigint;
  size: number;
  /** What the set is worked out from: `d:` or `l:` and a group shown, `rd` / `rl` a split's remainder, `lead` / `others` the gap's two sides, `all` everyone. */
  from: ReadonlySet<string>;
}

/**
 * Complementary suppression across everything shown. The sets whose figures
 * can be read or derived are: everyone; each split's groups shown; each
 * split's remainder (everyone minus its groups shown: for the departments,
 * the leaders and any hidden department); the leaders and everyone else when
 * the leader-versus-team gap shows them. Any such set that lies wholly inside
 * another gives the difference too, and so on (everyone − Executive − Manager
 * − Y − Z is a department's hidden team). While some difference holds 1 to
 * threshold − 1 people: if the leaders (or the others) are part of it, the gap
 * is suppressed; else the smallest group shown that it is made of (for a
 * remainder, any group shown of that split) is hidden. When the leaders are
 * not shown by the gap, the departments' remainder must not be exactly the
 * leaders either (that would show them): the smallest department shown is
 * hidden too. Each split's own remainder is kept at 0 or at least the
 * threshold, as suppressGroups does. Repeated until nothing changes; ties by
 * code-point name order, so the row order changes nothing.
 */
function protectAcrossSplits(
  departments: Split,
  levels: Split,
  everyone: readonly Respondent[],
  leaders: ReadonlySet<Respondent>,
  leadersShown: boolean,
  minGroup: number,
): boolean {
  const splits = [departments, levels] as const;
  const prefix = ['d:', 'l:'] as const;
  const shown = (split: Split) => [...split.groups].filter(([k]) => !split.hidden.has(k));
  // cells: people alike in every respect that a set below can tell apart
  const groupOf = splits.map((split) => {
    const m = new Map<Respondent, string>();
    for (const [name, group] of split.groups) for (const r of group) m.set(r, name);
    return m;
  });
  const cellIndex = new Map<string, number>();
  const cellOf = new Map<Respondent, number>();
  const weights: number[] = [];
  for (const r of everyone) {
    const key = JSON.stringify([leaders.has(r), groupOf[0]!.get(r) ?? null, groupOf[1]!.get(r) ?? null]);
    let c = cellIndex.get(key);
    if (c === undefined) {
      c = weights.length;
      cellIndex.set(key, c);
      weights.push(0);
    }
    weights[c]!++;
    cellOf.set(r, c);
  }
  const maskOf = (people: Iterable<Respondent>): bigint => {
    let m = 0n;
    for (const r of people) m |= 1n << BigInt(cellOf.get(r)!);
    return m;
  };
  const sizeOf = (mask: bigint): number => {
    let n = 0;
    for (let c = 0; c < weights.length; c++) if ((mask >> BigInt(c)) & 1n) n += weights[c]!;
    return n;
  };
  const all = maskOf(everyone);
  const leaderMask = maskOf(leaders);
  const bySize = (split: Split) => shown(split).sort((x, y) => x[1].length - y[1].length || compareCodePoints(x[0], y[0]));

  for (let changed = true; changed; ) {
    changed = false;
    // each split's own remainder: the leaders are outside the departments' when the gap shows them
    splits.forEach((split, i) => {
      const fixed = i === 0 && leadersShown ? leaders.size : 0;
      const visible = bySize(split);
      let remainder = everyone.length - fixed - visible.reduce((n, [, g]) => n + g.length, 0);
      for (const [name, group] of visible) {
        if (remainder === 0 || remainder >= minGroup) break;
        split.hidden.add(name);
        remainder += group.length;
        changed = true;
      }
      split.remainder = remainder;
    });
    if (changed) continue;
    // the leaders not shown by the gap: everyone minus the departments shown must not be exactly them
    if (!leadersShown && leaders.size > 0 && departments.groups.size > 0) {
      const inShown = new Set(shown(departments).flatMap(([, g]) => g));
      const outside = everyone.filter((r) => !inShown.has(r));
      if (outside.length === leaders.size && outside.every((r) => leaders.has(r))) {
        const smallest = bySize(departments)[0];
        if (smallest) {
          departments.hidden.add(smallest[0]);
          changed = true;
          continue;
        }
      }
    }
    const leak = derivedLeak();
    if (leak === null) break;
    if (leadersShown && (leak.has('lead') || leak.has('others'))) {
      leadersShown = false;
      changed = true;
      continue;
    }
    const candidates: Array<[number, string, number]> = [];
    splits.forEach((split, i) => {
      const remainderUsed = leak.has(i === 0 ? 'rd' : 'rl');
      for (const [name, group] of shown(split)) {
        if (remainderUsed || leak.has(prefix[i] + name)) candidates.push([group.length, name, i]);
      }
    });
    candidates.sort((x, y) => x[0] - y[0] || compareCodePoints(x[1], y[1]) || x[2] - y[2]);
    const pick = candidates[0];
    if (pick === undefined) break;
    splits[pick[2]]!.hidden.add(pick[1]);
    changed = true;
  }
  return leadersShown;

  /** What a derivation of 1..minGroup-1 people is made of, or null when no set shown or derived is that small. */
  function derivedLeak(): ReadonlySet<string> | null {
    const base: Derivable[] = [];
    // one set reached two ways (the departments' remainder that is exactly the leaders) is made of both
    const add = (mask: bigint, from: string[]) => {
      if (mask === 0n) return;
      const same = base.find((d) => d.mask === mask);
      if (same) for (const f of from) (same.from as Set<string>).add(f);
      else base.push({ mask, size: sizeOf(mask), from: new Set(from) });
    };
    add(all, ['all']);
    // the parts of each partition of everyone: a split's groups shown and its remainder; leaders and others
    const partitions: bigint[][] = [];
    splits.forEach((split, i) => {
      const parts: bigint[] = [];
      let covered = 0n;
      for (const [name, group] of shown(split)) {
        const m = maskOf(group);
        covered |= m;
        parts.push(m);
        add(m, [prefix[i] + name]);
      }
      const rest = all & ~covered;
      parts.push(rest);
      add(rest, [i === 0 ? 'rd' : 'rl']);
      partitions.push(parts.filter((m) => m !== 0n));
    });
    if (leadersShown) {
      add(leaderMask, ['lead']);
      add(all & ~leaderMask, ['others']);
      partitions.push([leaderMask, all & ~leaderMask].filter((m) => m !== 0n));
    }
    // A union of whole parts of one partition is never small (every part is 0 or at least the threshold),
    // and whatever it gives when a set is taken from it comes as well from taking the parts one by one.
    const wholeParts = (mask: bigint) => partitions.some((parts) => parts.every((p) => (p & mask) === 0n || (p & mask) === p));
    const family: Derivable[] = [];
    const seen = new Set<bigint>();
    const queue: Derivable[] = [...base];
    for (const d of base) seen.add(d.mask);
    for (let q = 0; q < queue.length; q++) {
      const x = queue[q]!;
      for (const y of family) {
        const [outer, inner] = (x.mask & y.mask) === y.mask ? [x, y] : (x.mask & y.mask) === x.mask ? [y, x] : [null, null];
        if (outer === null || inner === null || outer.mask === inner.mask) continue;
        const mask = outer.mask & ~inner.mask;
        const size = outer.size - inner.size;
        const from = new Set([...outer.from, ...inner.from]);
        if (size > 0 && size < minGroup) return from;
        if (seen.has(mask) || wholeParts(mask) || queue.length >= MAX_DERIVED_SETS) continue;
        seen.add(mask);
        queue.push({ mask, size, from });
      }
      family.push(x);
    }
    return null;
  }
}

/** Each group's figures, or `suppressed` for a group hidden (the split's, or a figure's own stricter `hidden`: survey.ts, by answers). */
export function byGroup<T>(
  split: Split,
  figures: (people: readonly Respondent[]) => T,
  hidden: ReadonlySet<string> = split.hidden,
): Record<string, MaybeSuppressed<T>> {
  const out = record<MaybeSuppressed<T>>();
  for (const [name, people] of split.groups) out[name] = hidden.has(name) ? { suppressed: true } : figures(people);
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
}

/**
 * Departments: each department's non-leaders. Levels: each role value, the leaders' own included.
 * Without a role column there is nobody to set apart as a leader, and no department to compare.
 * The leaders' number is public, but their answers are shown only when leadersShown: otherwise they
 * stay inside the departments' remainder, so that everyone minus the departments shown cannot give
 * their figures. In the levels split they are a group like any other. Which groups are shown, and
 * whether the leaders are, is decided here once (protectAcrossSplits), for every analysis.
 */
export function populationOf(people: readonly Respondent[], isLeader: (r: Respondent) => boolean, hasRoles: boolean, minGroup: number): Population {
  const leaders = people.filter(isLeader);
  const others = people.filter((r) => !isLeader(r));
  const gapPossible = leaders.length >= minGroup && others.length >= minGroup;
  const departments = splitBy(hasRoles ? others : [], (r) => r.department, people.length, gapPossible ? leaders.length : 0, minGroup);
  const levels = splitBy(people, (r) => r.role, people.length, 0, minGroup);
  const leadersShown = protectAcrossSplits(departments, levels, people, new Set(leaders), gapPossible, minGroup);
  return { people: [...people], leaders, others, departments, levels, overallShown: people.length >= minGroup, leadersShown };
}

/** The groups of a split that are shown, in name order. */
export function shownGroups(split: Split): Array<[string, Respondent[]]> {
  return [...split.groups].filter(([k]) => !split.hidden.has(k));
}

/** Answered some part of a survey: a rating item, an ownership question or the recall question. */
export function tookSurvey(r: Respondent): boolean {
  return hasKeys(r.likert) || (r.ownership !== undefined && hasKeys(r.ownership)) || (r.recall !== undefined && r.recall.text.trim() !== '');
}

/** Whether a keyed record holds anything (without listing its keys: asked once per respondent). */
function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}
