/**
 * Who is in which group, and which groups are shown: the one place the
 * survey side of the audit (the Likert statistics, decision ownership,
 * strategy recall) splits its respondents into departments and levels and
 * decides, with complementary suppression, which groups may be shown
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
  /** overall n - leaders - the groups shown (0 or at least the threshold unless every group is hidden). */
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

/**
 * Complementary suppression across the two splits: a group shown in one split
 * whose members include whole groups shown in the other can be differenced
 * (the Manager level minus two departments made only of managers leaves a
 * third, small, department). While such a difference leaves between 1 and
 * threshold - 1 people, the larger group is hidden; then each split's own
 * remainder is checked again, until nothing changes.
 */
function protectAcrossSplits(
  splits: readonly Split[],
  everyone: readonly Respondent[],
  outside: ReadonlyArray<ReadonlySet<Respondent>>,
  minGroup: number,
): void {
  const overall = everyone.length;
  const fixed = outside.map((o) => o.size);
  const shown = (split: Split) => [...split.groups].filter(([k]) => !split.hidden.has(k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of [
      [splits[0]!, splits[1]!],
      [splits[1]!, splits[0]!],
    ] as const) {
      for (const [name, members] of shown(a)) {
        const inA = new Set(members);
        const covered = shown(b)
          .filter(([, group]) => group.every((r) => inA.has(r)))
          .reduce((n, [, group]) => n + group.length, 0);
        const left = members.length - covered;
        if (covered > 0 && left > 0 && left < minGroup) {
          a.hidden.add(name);
          changed = true;
        }
      }
      // The people outside a's groups shown (its remainder, which everyone minus those groups gives)
      // less b's groups shown that lie wholly inside it: while that leaves 1 to minGroup - 1 people,
      // hide the smallest such group of b (five Executives and seven Managers shown leave the team
      // members; two departments made only of team members, shown, would leave a third, small one).
      const i = splits.indexOf(a);
      const inShownA = new Set(shown(a).flatMap(([, g]) => g));
      const rest = new Set(everyone.filter((r) => !inShownA.has(r) && !outside[i]!.has(r)));
      const inside = shown(b)
        .filter(([, group]) => group.every((r) => rest.has(r)))
        .sort((x, y) => x[1].length - y[1].length || compareCodePoints(x[0], y[0]));
      const left = rest.size - inside.reduce((n, [, g]) => n + g.length, 0);
      if (inside.length > 0 && left > 0 && left < minGroup) {
        b.hidden.add(inside[0]![0]);
        changed = true;
      }
    }
    // each split's own remainder, with the groups hidden so far
    splits.forEach((split, i) => {
      const visible = shown(split).sort((x, y) => x[1].length - y[1].length || compareCodePoints(x[0], y[0]));
      let remainder = overall - fixed[i]! - visible.reduce((n, [, g]) => n + g.length, 0);
      for (const [name, group] of visible) {
        if (remainder === 0 || remainder >= minGroup) break;
        split.hidden.add(name);
        remainder += group.length;
        changed = true;
      }
      split.remainder = remainder;
    });
  }
}

export function byGroup<T>(split: Split, figures: (people: readonly Respondent[]) => T): Record<string, MaybeSuppressed<T>> {
  const out = record<MaybeSuppressed<T>>();
  for (const [name, people] of split.groups) out[name] = split.hidden.has(name) ? { suppressed: true } : figures(people);
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
}

/**
 * Departments: each department's non-leaders. Levels: each role value, the leaders' own included.
 * Without a role column there is nobody to set apart as a leader, and no department to compare.
 * The leaders' number is public, but their answers are not when they are fewer than the threshold:
 * then they stay inside the departments' remainder, so that everyone minus the departments shown
 * cannot give their figures. In the levels split they are a group like any other.
 */
export function populationOf(people: readonly Respondent[], isLeader: (r: Respondent) => boolean, hasRoles: boolean, minGroup: number): Population {
  const leaders = people.filter(isLeader);
  const others = people.filter((r) => !isLeader(r));
  const fixed = leaders.length >= minGroup ? leaders.length : 0;
  const departments = splitBy(hasRoles ? others : [], (r) => r.department, people.length, fixed, minGroup);
  const levels = splitBy(people, (r) => r.role, people.length, 0, minGroup);
  // the leaders are outside the departments' remainder when their number is public and they are a group of their own
  protectAcrossSplits([departments, levels], people, [new Set(fixed > 0 ? leaders : []), new Set()], minGroup);
  return { people: [...people], leaders, others, departments, levels, overallShown: people.length >= minGroup };
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
