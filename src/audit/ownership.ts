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
import { displayName, priorityKey } from '../ingest/priority-key.js';
import type { Dataset, Respondent } from '../ingest/types.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { DEFAULT_CONTESTED_SHARE, ORPHANED_ABOVE } from './bands.js';
import { byGroup, type Population } from './groups.js';
import type { OwnershipEntry, OwnershipGroup } from './types.js';

/** Answers that name nobody, by their key: "Nobody / not sure", "Don't know", "No one", "Unclear", "N/A". */
const UNSURE =
  /^(?:nobody|no one|noone|none|nobody really|not sure|unsure|unclear|not clear|no idea|dont know|do not know|i dont know|i do not know|dk|na|n a|idk|nobody not sure|not sure nobody|no one not sure|nobody dont know|dont know nobody|nobody unclear|no clear owner|no owner|its not clear|it is not clear)$/;

export function namesNobody(answer: string): boolean {
  return UNSURE.test(priorityKey(answer));
}

/** The ask before the decision in a one-column ownership question. */
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

/** One group's answers to one decision. */
export function ownershipGroup(answers: readonly string[], contestedShare: number): OwnershipGroup {
  const n = answers.length;
  if (n === 0) return { n: 0, owners: [], unsure: 0, verdict: null, verdictReason: 'no one in this group answered the question' };
  let unsure = 0;
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const a of answers) {
    if (namesNobody(a)) {
      unsure++;
      continue;
    }
    const key = priorityKey(a);
    const entry = byKey.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count++;
    const shown = displayName(a);
    entry.spellings.set(shown, (entry.spellings.get(shown) ?? 0) + 1);
    byKey.set(key, entry);
  }
  const owners = [...byKey.values()]
    .map((e) => {
      // the spelling most used; a tie goes to the first seen (Map keeps insertion order)
      let name = '';
      let best = 0;
      for (const [spelling, count] of e.spellings) if (count > best) [name, best] = [spelling, count];
      return { name, share: e.count / n };
    })
    .sort((a, b) => b.share - a.share || compareCodePoints(priorityKey(a.name), priorityKey(b.name)));
  const unsureShare = unsure / n;
  const strong = owners.filter((o) => o.share >= contestedShare);
  const verdict = unsureShare > ORPHANED_ABOVE ? 'orphaned' : strong.length >= 2 ? 'contested' : 'clear';
  return { n, owners, unsure: unsureShare, verdict };
}

export interface OwnershipOptions {
  population: Population;
  contestedShare?: number;
}

function answersOf(people: readonly Respondent[], decision: string): string[] {
  const out: string[] = [];
  for (const r of people) {
    const a = r.ownership?.[decision];
    if (a !== undefined && a.trim() !== '') out.push(a.trim());
  }
  return out;
}

export function buildOwnership(dataset: Dataset, options: OwnershipOptions): OwnershipEntry[] {
  const share = options.contestedShare ?? DEFAULT_CONTESTED_SHARE;
  const { population } = options;
  // Fewer respondents in all than the threshold: no group is shown, not even everyone together.
  if (!population.overallShown) return [];
  return decisionsOf(dataset).map(({ decision: key, question }) => {
    // answers are keyed by the decision as ingest names it; a one-column question is named by what it asks about
    const decision = key === question ? decisionName(question) : key;
    const overall = ownershipGroup(answersOf(population.people, key), share);
    return {
      decision,
      question,
      contestedShare: share,
      ...overall,
      byDepartment: byGroup(population.departments, (people) => ownershipGroup(answersOf(people, key), share)),
    };
  });
}
