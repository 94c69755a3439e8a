/**
 * Decision ownership (ARCHITECTURE.md, `ownership[]`): for each decision a
 * "Who owns / is accountable for / makes the final call on …?" question asked
 * about, who the respondents name, and a verdict:
 * - orphaned: more than half of the non-blank answers name nobody (nobody,
 *   don't know, not sure, unclear, …); tested first;
 * - contested: two or more owners are each named by at least the contested
 *   share (default 25%, align.yml `ownership.contestedShare`);
 * - clear: otherwise.
 * Shares are over the non-blank answers, so "nobody" answers count in the
 * denominator and are not owners. Owners are told apart by the priority-name
 * key (case, punctuation and spacing aside) and shown in the spelling most
 * respondents used. Per department where the group is shown (groups.ts).
 */
import { clip, MIN_GROUP_FLOOR } from '../defaults.js';
import { displayName, priorityKey } from '../ingest/priority-key.js';
import type { Dataset, Respondent } from '../ingest/types.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { DEFAULT_CONTESTED_SHARE, ORPHANED_ABOVE } from './bands.js';
import { byGroup, type Population } from './groups.js';

import type { OwnershipEntry, OwnershipGroup } from './types.js';

/** Answers that name nobody, by their key: "Nobody / not sure", "Don't know", "No one", "Unclear", "N/A". */
const UNSURE =
  /^(?:nobody|no one|noone|none|nobody really|not sure|unsure|unclear|not clear|no idea|dont know|do not know|i dont know|i do not know|dk|na|n a|idk|nobody not sure|not sure nobody|no one not sure|nobody dont know|dont know nobody|nobody unclear|no clear owner|no owner|its not clear|it is not clear|tbd|tbc|to be decided|to be confirmed|unknown|not decided|undecided)$/;

export function namesNobody(answer: string): boolean {
  return UNSURE.test(priorityKey(answer));
}

/** The ask before the decision in a one-column ownership question. */
/** A decision's name is a heading: a very long question is clipped (its full text is `question`). */
const MAX_DECISION_CHARS = 120;

const ASK =
  /^\s*who\s+(?:(?:really|actually|ultimately)\s+)?(?:owns|is the owner of|is accountable for|is responsible for|makes the (?:final )?(?:call|decision) (?:on|about)|has the final say (?:on|over)|decides(?: on| about)?|signs off(?: on)?)\s+(.+?)\s*\??\s*$/i;

/**
 * The decision a one-column question asks about, for titles and tables:
 *   decisionName('Who makes the final call on pricing for NHS tenders?') === 'Pricing for NHS tenders'
 *   decisionName("Who owns the decision to change the app's release date?") === "The decision to change the app's release date"
 * A question of another shape is its own name.
 */
export function decisionName(question: string): string {
  const m = ASK.exec(question);
  if (!m) return question.trim();
  // a heading: "Pricing for NHS tenders" (a name that starts in capitals, "NHS pricing", stays as written)
  const name = m[1]!;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The decisions asked about, in column order: the dataset's list when ingest gives one, else first seen in the answers. */
export function decisionsOf(dataset: Dataset): Array<{ decision: string; question: string }> {
  const listed = dataset.decisions;
  if (listed && listed.length > 0) return listed;
  const seen = new Map<string, { decision: string; question: string }>();
  for (const r of dataset.respondents) for (const d of Object.keys(r.ownership ?? {})) if (!seen.has(d)) seen.set(d, { decision: d, question: d });
  return [...seen.values()];
}

/** One respondent's answer to one decision: the owners named (keys and spellings), or nobody. */
interface Answer {
  nobody: boolean;
  owners: Array<{ key: string; spelling: string }>;
}

/**
 * Each respondent's answer to one decision. An answer that lists several
 * owners ("CFO, CEO": a tick-box question) names each, but only when every
 * part is an owner someone else named on their own; otherwise it is one name
 * as written ("Me, the only lawyer"). A blank answer, or one of punctuation
 * only ("?", "-"), is no answer.
 */
export function readAnswers(raw: readonly string[], alone: ReadonlySet<string> = namedAlone(raw)): Answer[] {
  const out: Answer[] = [];
  for (const a of raw) {
    const key = priorityKey(a);
    if (key === '') continue;
    if (namesNobody(a)) {
      out.push({ nobody: true, owners: [] });
      continue;
    }
    const parts = a
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter((p) => priorityKey(p) !== '');
    const several = parts.length >= 2 && parts.every((p) => alone.has(priorityKey(p)) && !namesNobody(p));
    const named = several ? parts : [a];
    const owners = [...new Map(named.map((p) => [priorityKey(p), { key: priorityKey(p), spelling: displayName(p) }])).values()];
    out.push({ nobody: false, owners });
  }
  return out;
}

/** The owners named on their own (an answer without a comma or semicolon), by key. */
export function namedAlone(raw: readonly string[]): Set<string> {
  return new Set(raw.filter((a) => !/[,;]/.test(a)).map(priorityKey));
}

/**
 * One group's answers to one decision. Shares are over the group's answers;
 * the verdict reads every owner named. `quotable` is the owners that may be
 * shown by name (named by at least the threshold of people in all); the
 * others are pooled into `other`, so a write-in is never quoted.
 */
export function ownershipGroup(answers: readonly Answer[], contestedShare: number, quotable: ReadonlySet<string> | null = null): OwnershipGroup {
  const n = answers.length;
  if (n === 0) {
    const why = 'no one in this group answered the question';
    return { n: 0, owners: [], unsure: null, unsureReason: why, other: null, otherReason: why, verdict: null, verdictReason: why };
  }
  let unsure = 0;
  let other = 0;
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const a of answers) {
    if (a.nobody) {
      unsure++;
      continue;
    }
    if (quotable !== null && a.owners.some((o) => !quotable.has(o.key))) other++;
    for (const o of a.owners) {
      const entry = byKey.get(o.key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count++;
      entry.spellings.set(o.spelling, (entry.spellings.get(o.spelling) ?? 0) + 1);
      byKey.set(o.key, entry);
    }
  }
  const all = [...byKey]
    .map(([key, e]) => {
      // the spelling most used; a tie goes to the first seen (Map keeps insertion order)
      let name = '';
      let best = 0;
      for (const [spelling, count] of e.spellings) if (count > best) [name, best] = [spelling, count];
      return { key, name, share: e.count / n };
    })
    .sort((a, b) => b.share - a.share || compareCodePoints(a.key, b.key));
  const unsureShare = unsure / n;
  const strong = all.filter((o) => o.share >= contestedShare);
  const verdict = unsureShare > ORPHANED_ABOVE ? 'orphaned' : strong.length >= 2 ? 'contested' : 'clear';
  const owners = all.filter((o) => quotable === null || quotable.has(o.key)).map(({ name, share }) => ({ name, share }));
  return { n, owners, unsure: unsureShare, other: other / n, verdict };
}

export interface OwnershipOptions {
  /** The survey's respondents split into groups (a decision's own answerers are split again, by populationFor). */
  population: Population;
  /** Splits a decision's answerers into groups, as groups.ts populationOf does for the survey. */
  populationFor: (people: readonly Respondent[]) => Population;
  minGroup: number;
  contestedShare?: number;
}

function rawAnswers(people: readonly Respondent[], decision: string): string[] {
  const out: string[] = [];
  for (const r of people) {
    const a = r.ownership?.[decision];
    if (a !== undefined && priorityKey(a) !== '') out.push(a.trim());
  }
  return out;
}

export function buildOwnership(dataset: Dataset, options: OwnershipOptions): OwnershipEntry[] {
  const share = options.contestedShare ?? DEFAULT_CONTESTED_SHARE;
  // Fewer respondents in all than the threshold: no group is shown, not even everyone together.
  if (!options.population.overallShown) return [];
  return decisionsOf(dataset).map(({ decision: key, question }) => {
    // answers are keyed by the decision as ingest names it; a one-column question is named by what it asks about
    const decision = clip(key === question ? decisionName(question) : key, MAX_DECISION_CHARS);
    // The groups are the decision's own answerers, split like the survey's: counted by who answered, so
    // that no hidden group's answers can be worked out from everyone's minus the groups shown.
    const answerers = options.population.people.filter((r) => r.ownership?.[key] !== undefined && priorityKey(r.ownership[key]!) !== '');
    const population = options.populationFor(answerers);
    const raw = rawAnswers(population.people, key);
    const everyone = readAnswers(raw);
    // An owner named by at least MIN_GROUP_FLOOR people in all may be named (three people writing one
    // name quote no one, and a department's rival owner at 25% stays visible); the rest are pooled as `other`.
    const counts = new Map<string, number>();
    for (const a of everyone) for (const o of a.owners) counts.set(o.key, (counts.get(o.key) ?? 0) + 1);
    const quotable = new Set([...counts].filter(([, c]) => c >= Math.min(options.minGroup, MIN_GROUP_FLOOR)).map(([k]) => k));
    const alone = namedAlone(raw);
    const group = (people: readonly Respondent[]) => ownershipGroup(readAnswers(rawAnswers(people, key), alone), share, quotable);
    const overall = population.overallShown
      ? ownershipGroup(everyone, share, quotable)
      : { ...ownershipGroup([], share), n: answerers.length, verdictReason: `fewer than ${options.minGroup} people answered it` };
    return {
      decision,
      question,
      contestedShare: share,
      ...overall,
      byDepartment: byGroup(population.departments, group),
    };
  });
}
