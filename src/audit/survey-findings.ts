/**
 * Findings from the survey side of the audit: the department that understands
 * the priorities least, items few people agree with, low agreement within a
 * department, large leader-versus-team gaps, contested and orphaned decisions,
 * low strategy recall. Each carries its level of alignment, its evidence in
 * numbers and a question for the room (DOMAIN.md, "Facilitation": facts, then
 * interpretation, then decision). Only groups the audit shows are named; the
 * figures are the AuditResult's own, so a finding can say nothing a table
 * does not.
 */
import { fmtAllOf, fmtCountWord, fmtList, fmtNumber, fmtPercent, fmtRho } from '../format.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { CUTS, rate } from './bands.js';
import type { AlignmentLevel, Finding, GapEntry, GroupStats, ItemResult, OwnershipEntry, RecallResult, SurveyResult } from './types.js';

const CLARITY = 'clarity-top-priorities';

/** What to ask when few people agree with a bank item, by its id; the level's question otherwise. */
const LOW_ITEM_QUESTION: Record<string, string> = {
  'clarity-top-priorities':
    'If each of your people were asked tomorrow to name the top three priorities, what would they say, and where would they have heard it?',
  'belief-in-strategy': 'What would your people need to see or hear to believe the strategy is the right one?',
  'resources-to-deliver': 'Which priority is asked for without the people or budget to deliver it, and what will we stop to fund it?',
  'change-communication': 'When priorities last changed, who told whom, when and how, and who heard it last?',
  'one-voice': 'Which message about the strategy does each of us give our own teams, and where do they differ?',
  'decision-ownership': 'Which decisions in each area have no named owner, and who will own each from today?',
  'decisions-stick': 'Which decision made in this room in the last quarter has been reopened since, by whom, and what will we do next time?',
  'data-to-decide': 'Which decisions are made without the data they need, and who can put it in front of the people making them?',
};
const LEVEL_QUESTION: Record<AlignmentLevel, string> = {
  strategic: 'What would your people need to hear from this team to answer these differently?',
  communication: 'How does a change agreed in this room reach every team, and who checks that it did?',
  decision: 'Which decisions does this point to, who owns each, and how will we keep them made?',
};

const shown = (g: GroupStats | { suppressed: true }): g is GroupStats => !('suppressed' in g);
const quote = (text: string) => `“${text}”`;

/**
 * The clarity item and the departments shown on it, least clear first (lowest favourable share, then
 * lowest mean, then name): the one ranking the finding and "at a glance" both read. Null without
 * the item or with fewer than two departments to compare.
 */
export function clarityByDepartment(items: readonly ItemResult[]): { item: ItemResult; groups: Array<[string, GroupStats]> } | null {
  const item = items.find((i) => i.bankId === CLARITY);
  if (!item) return null;
  const groups = Object.entries(item.byDepartment)
    .filter((e): e is [string, GroupStats] => shown(e[1]) && e[1].favourable !== null && e[1].mean !== null)
    .sort((a, b) => a[1].favourable! - b[1].favourable! || a[1].mean! - b[1].mean! || compareCodePoints(a[0], b[0]));
  return groups.length < 2 ? null : { item, groups };
}

function leastClear(items: readonly ItemResult[]): Finding[] {
  const clarity = clarityByDepartment(items);
  if (!clarity) return [];
  const { item, groups } = clarity;
  const [name, low] = groups[0]!;
  if (rate('share', low.favourable!) === 'good') return [];
  const others = groups.slice(1).map(([, g]) => g.favourable!);
  const range = (xs: number[]) =>
    Math.min(...xs) === Math.max(...xs) ? fmtPercent(xs[0]) : `${fmtPercent(Math.min(...xs))} to ${fmtPercent(Math.max(...xs))}`;
  return [
    {
      severity: rate('share', low.favourable!) === 'poor' ? 'high' : 'medium',
      kind: 'least-clear',
      level: 'strategic',
      title: `${name} is the least clear about the priorities`,
      evidence: `${quote(item.text)}: ${name} ${fmtNumber(low.mean)} of ${item.low + item.points - 1} on average, ${fmtPercent(low.favourable)} favourable (n = ${low.n}); the other departments shown ${range(others)} favourable.`,
      question: `What would people in ${name} say the top three priorities are if asked tomorrow, and where would they have heard them?`,
      layer: 'facts',
    },
  ];
}

/** Items of one level that few people agree with (favourable below the cut table's poor). */
function lowFavourable(items: readonly ItemResult[]): Finding[] {
  const out: Finding[] = [];
  for (const level of ['strategic', 'communication', 'decision'] as const) {
    const low = items
      .filter((i) => i.level === level && shown(i.overall) && i.overall.favourable !== null && rate('share', i.overall.favourable) === 'poor')
      .sort((a, b) => (a.overall as GroupStats).favourable! - (b.overall as GroupStats).favourable! || compareCodePoints(a.text, b.text));
    if (low.length === 0) continue;
    const first = low[0]!;
    out.push({
      severity: 'medium',
      kind: 'low-favourable',
      level,
      title:
        low.length === 1
          ? `Only ${fmtPercent((first.overall as GroupStats).favourable)} agree that ${lowerFirst(first.text)}`
          : `Few agree with ${fmtCountWord(low.length)} ${level} items, least of all ${quote(first.text)}`,
      evidence: `${low.map((i) => `${quote(i.text)}: ${fmtPercent((i.overall as GroupStats).favourable)} favourable (n = ${(i.overall as GroupStats).n})`).join('; ')}; under ${fmtPercent(CUTS.share.poor)} favourable reads poor.`,
      question: (first.bankId && LOW_ITEM_QUESTION[first.bankId]) || LEVEL_QUESTION[level],
      layer: 'facts',
    });
  }
  return out;
}

/** Departments whose people do not agree among themselves on an item (r_wg below the cut table's poor). */
function lowAgreement(items: readonly ItemResult[]): Finding[] {
  const out: Finding[] = [];
  for (const level of ['strategic', 'communication', 'decision'] as const) {
    const hits: Array<{ item: ItemResult; department: string; rwg: number; n: number }> = [];
    for (const item of items) {
      if (item.level !== level) continue;
      for (const [department, g] of Object.entries(item.byDepartment)) {
        if (shown(g) && g.rwg !== null && rate('rwg', g.rwg) === 'poor') hits.push({ item, department, rwg: g.rwg, n: g.n });
      }
    }
    if (hits.length === 0) continue;
    hits.sort((a, b) => a.rwg - b.rwg || compareCodePoints(a.department, b.department) || compareCodePoints(a.item.text, b.item.text));
    const first = hits[0]!;
    out.push({
      severity: 'low',
      kind: 'low-agreement',
      level,
      title:
        hits.length === 1
          ? `People in ${first.department} do not agree among themselves on ${quote(first.item.text)}`
          : `Within ${fmtList([...new Set(hits.map((h) => h.department))])}, people do not agree among themselves on ${hits.length === 1 ? 'one item' : `${fmtCountWord(hits.length)} ${level} items`}`,
      evidence: `${hits.map((h) => `${h.department}, ${quote(h.item.text)}: r_wg ${fmtRho(h.rwg)} (n = ${h.n})`).join('; ')}; the group agrees from ${fmtRho(CUTS.rwg.good)}, weakly below ${fmtRho(CUTS.rwg.poor)}.`,
      question: `In ${first.department}, some say yes and some say no to ${quote(first.item.text)}: what do the two sides see differently?`,
      layer: 'interpretation',
    });
  }
  return out;
}

/** Leaders against everyone else, per level: the flagged item gaps. */
function gaps(survey: SurveyResult): Finding[] {
  const out: Finding[] = [];
  const itemByText = new Map(survey.items.map((i) => [i.id, i]));
  for (const level of ['strategic', 'communication', 'decision'] as const) {
    const flagged = survey.gaps
      .filter((g): g is Extract<GapEntry, { flagged: boolean }> & { item: string } => 'item' in g && !('suppressed' in g) && g.flagged)
      .map((g) => ({ gap: g, item: itemByText.get(g.item)! }))
      .filter((x) => x.item && x.item.level === level)
      .sort((a, b) => b.gap.gapPoints! - a.gap.gapPoints! || compareCodePoints(a.item.text, b.item.text));
    if (flagged.length === 0) continue;
    const top = flagged[0]!;
    out.push({
      severity: top.gap.gapPoints! >= 2 * survey.gapFlagPoints ? 'high' : 'medium',
      kind: 'gap',
      level,
      title:
        flagged.length === 1
          ? `Leaders and their teams see ${quote(top.item.text)} differently`
          : `Leaders and their teams see ${fmtCountWord(flagged.length)} ${level} items differently, most of all ${quote(top.item.text)}`,
      evidence: `${flagged
        .map(
          (x) =>
            `${quote(x.item.text)}: leaders ${fmtPercent(x.gap.leaders)} favourable, everyone else ${fmtPercent(x.gap.others)} (${fmtNumber(x.gap.gapPoints, 0)} points)`,
        )
        .join('; ')}; a gap of ${survey.gapFlagPoints} points or more is flagged.`,
      question: `Leaders say ${fmtPercent(top.gap.leaders)}, their people ${fmtPercent(top.gap.others)} on ${quote(top.item.text)}: what do you see that they do not, or what do they see that you do not?`,
      layer: 'interpretation',
    });
  }
  return out;
}

function ownershipFindings(ownership: readonly OwnershipEntry[]): Finding[] {
  const out: Finding[] = [];
  for (const o of ownership) {
    if (o.verdict === 'contested') {
      out.push({
        severity: 'high',
        kind: 'decision-contested',
        level: 'decision',
        title: `Two or more people are seen as owning ${quote(o.decision)}`,
        evidence: `${o.owners
          .slice(0, 4)
          .map((w) => `${w.name} ${fmtPercent(w.share)}`)
          .join(', ')}${o.unsure !== null && o.unsure > 0 ? `; nobody or not sure ${fmtPercent(o.unsure)}` : ''} (n = ${o.n}).`,
        question: `For ${quote(o.decision)}: who makes the final call from today, who must be consulted, and where is that written down?`,
        layer: 'decision',
      });
    } else if (o.verdict === 'orphaned') {
      const lead = o.owners[0];
      out.push({
        severity: 'high',
        kind: 'decision-orphaned',
        level: 'decision',
        title: `Nobody is seen as owning ${quote(o.decision)}`,
        evidence: `${fmtPercent(o.unsure)} answer nobody, don't know or not sure${lead ? `; the most named, ${lead.name}, by ${fmtPercent(lead.share)}` : ''} (n = ${o.n}).`,
        question: `Who will own ${quote(o.decision)} from today, and who tells the teams?`,
        layer: 'decision',
      });
    }
  }
  return out;
}

function recallFinding(recall: RecallResult | null): Finding[] {
  if (!recall || 'suppressed' in recall.overall || recall.overall.share === null) return [];
  const share = recall.overall.share;
  if (rate('share', share) === 'good') return [];
  const departments = Object.entries(recall.byDepartment)
    .filter((e): e is [string, { n: number; share: number }] => !('suppressed' in e[1]) && e[1].share !== null)
    .sort((a, b) => a[1].share - b[1].share || compareCodePoints(a[0], b[0]));
  const how = recall.needed === recall.official.length ? fmtAllOf(recall.needed) : `at least ${fmtCountWord(recall.needed)}`;
  const what =
    recall.source === 'text' ? `named ${how} of the official priorities when asked` : `have ${how} of the official priorities in their stack's top three`;
  return [
    {
      severity: rate('share', share) === 'poor' ? 'high' : 'medium',
      kind: 'recall',
      level: 'strategic',
      title: `${fmtPercent(share)} of respondents ${what}`,
      evidence:
        `Official priorities: ${fmtList(recall.official)}; ${fmtPercent(share)} of ${recall.overall.n}` +
        (departments.length >= 2
          ? `, from ${departments[0]![0]} ${fmtPercent(departments[0]![1].share)} to ${departments.at(-1)![0]} ${fmtPercent(departments.at(-1)![1].share)}`
          : '') +
        ' (Sull, Sull and Yoder 2018 found 28% could name three).',
      question: `Which of ${fmtList(recall.official)} do people leave out, and what do they put in its place?`,
      layer: 'facts',
    },
  ];
}

function lowerFirst(text: string): string {
  const t = text.replace(/[.?!]+$/, '');
  return /^[A-Z][a-z]/.test(t) && !/^I\b/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

export function surveyFindings(survey: SurveyResult | null, ownership: readonly OwnershipEntry[], recall: RecallResult | null): Finding[] {
  const items = survey?.items ?? [];
  return [
    ...recallFinding(recall),
    ...leastClear(items),
    ...(survey ? gaps(survey) : []),
    ...lowFavourable(items),
    ...lowAgreement(items),
    ...ownershipFindings(ownership),
  ];
}
