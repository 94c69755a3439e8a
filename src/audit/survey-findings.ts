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
import { fmtGap } from '../format.js';
import { allOf, beside, fewJoined, fewOf, gap, inSentence, joined, list, msg, num, pct, word } from '../i18n/index.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { CUTS, ORPHANED_ABOVE, READ_BY, rate } from './bands.js';
import { m, wordedFinding } from './findings.js';
import type { Finding, GapEntry, GroupStats, ItemResult, OwnershipEntry, RecallResult, SurveyResult } from './types.js';

const CLARITY = 'clarity-top-priorities';

/** The bank items with a question of their own when few people agree with them (the catalogue's f.q.<id>); the level's question otherwise. */
const LOW_ITEM_QUESTION = new Set([
  'clarity-top-priorities',
  'belief-in-strategy',
  'resources-to-deliver',
  'change-communication',
  'one-voice',
  'decision-ownership',
  'decisions-stick',
  'data-to-decide',
]);

const shown = (g: GroupStats | { suppressed: true }): g is GroupStats => !('suppressed' in g);
const quote = (text: string) => msg('f.quote', { text });

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
  const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? pct(xs[0]) : msg('f.range', { a: pct(Math.min(...xs)), b: pct(Math.max(...xs)) }));
  return [
    wordedFinding(
      { severity: rate('share', low.favourable!) === 'poor' ? 'high' : 'medium', kind: 'least-clear', level: 'strategic' },
      m('f.leastClear.title', { name }),
      m('f.leastClear.evidence', {
        item: quote(item.text),
        name,
        mean: num(low.mean),
        top: item.low + item.points - 1,
        share: pct(low.favourable),
        n: String(low.n),
        range: range(others),
      }),
      m('f.leastClear.question', { name }),
      'facts',
    ),
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
    out.push(
      wordedFinding(
        { severity: 'medium', kind: 'low-favourable', level },
        low.length === 1
          ? m('f.lowFav.titleOne', {
              share: pct((first.overall as GroupStats).favourable, READ_BY.share),
              statement: inSentence(first.text.replace(/[.?!]+\s*$/, '')),
            })
          : m('f.lowFav.title', { items: msg(`f.items.${level}`, { n: word(low.length) }), item: quote(first.text) }),
        m('f.lowFav.evidence', {
          items: joined(
            low.map((i) =>
              msg('f.lowFav.item', {
                item: quote(i.text),
                share: pct((i.overall as GroupStats).favourable, READ_BY.share),
                n: String((i.overall as GroupStats).n),
              }),
            ),
            '; ',
          ),
          cut: pct(CUTS.share.poor),
        }),
        m(first.bankId && LOW_ITEM_QUESTION.has(first.bankId) ? `f.q.${first.bankId}` : `f.q.level.${level}`),
        'facts',
      ),
    );
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
    out.push(
      wordedFinding(
        { severity: 'low', kind: 'low-agreement', level },
        hits.length === 1
          ? m('f.lowAgree.titleOne', { department: first.department, item: quote(first.item.text) })
          : m('f.lowAgree.title', {
              departments: fewOf([...new Set(hits.map((h) => h.department))]),
              items: msg(`f.items.${level}`, { n: word(hits.length) }),
            }),
        m('f.lowAgree.evidence', {
          // the lowest r_wg first; a company's hundreds of hits: the first few, then how many more
          items: fewJoined(
            hits.map((h) => msg('f.lowAgree.item', { department: h.department, item: quote(h.item.text), rwg: beside(h.rwg, READ_BY.rwg), n: String(h.n) })),
            '; ',
          ),
          good: num(CUTS.rwg.good),
          poor: num(CUTS.rwg.poor),
        }),
        m('f.lowAgree.question', { department: first.department, item: quote(first.item.text) }),
        'interpretation',
      ),
    );
  }
  return out;
}

/** A gap with both shares: one fmtGap can print. */
type ComputedGap = Extract<GapEntry, { flagged: boolean }> & { leaders: number; others: number; gapPoints: number };

const computed = (g: GapEntry): g is ComputedGap =>
  !('suppressed' in g) && typeof g.leaders === 'number' && typeof g.others === 'number' && typeof g.gapPoints === 'number';

/**
 * Perception gaps in the order "largest gap first" reads: by the gap as printed (fmtGap, the difference
 * of the printed shares), then by the exact gap, so a list never shows 58 points above 59; a gap that
 * cannot be computed last. The one order the findings, the survey table, its chart and "at a glance" use.
 */
export function largestGapFirst(flag: number): (a: GapEntry, b: GapEntry) => number {
  const shown = (g: GapEntry) => (computed(g) ? fmtGap(g, flag).shown : -Infinity);
  const exact = (g: GapEntry) => (computed(g) ? g.gapPoints : -Infinity);
  return (a, b) => shown(b) - shown(a) || exact(b) - exact(a);
}

/** Leaders against everyone else, per level: the flagged item gaps. */
function gaps(survey: SurveyResult): Finding[] {
  const out: Finding[] = [];
  const itemByText = new Map(survey.items.map((i) => [i.id, i]));
  const flag = survey.gapFlagPoints;
  const order = largestGapFirst(flag);
  for (const level of ['strategic', 'communication', 'decision'] as const) {
    const flagged = survey.gaps
      .filter((g): g is ComputedGap & { item: string } => 'item' in g && computed(g) && g.flagged)
      .map((g) => ({ gap: g, item: itemByText.get(g.item)! }))
      .filter((x) => x.item && x.item.level === level)
      .sort((a, b) => order(a.gap, b.gap) || compareCodePoints(a.item.text, b.item.text));
    if (flagged.length === 0) continue;
    const top = flagged[0]!;
    // the figures as the report prints them (fmtGap): the gap is the difference of the two shares shown
    const part = (g: ComputedGap, p: 'leaders' | 'others' | 'points') => gap(g, flag, p);
    out.push(
      wordedFinding(
        // severity on the exact gaps, as the flag is
        { severity: Math.max(...flagged.map((x) => x.gap.gapPoints)) >= 2 * flag ? 'high' : 'medium', kind: 'gap', level },
        flagged.length === 1
          ? m('f.gaps.titleOne', { item: quote(top.item.text) })
          : m('f.gaps.title', { items: msg(`f.items.${level}`, { n: word(flagged.length) }), item: quote(top.item.text) }),
        m('f.gaps.evidence', {
          items: joined(
            flagged.map((x) =>
              msg('f.gaps.item', {
                item: quote(x.item.text),
                leaders: part(x.gap, 'leaders'),
                others: part(x.gap, 'others'),
                points: part(x.gap, 'points'),
              }),
            ),
            '; ',
          ),
          flag,
        }),
        m('f.gaps.question', { leaders: part(top.gap, 'leaders'), others: part(top.gap, 'others'), item: quote(top.item.text) }),
        'interpretation',
      ),
    );
  }
  return out;
}

function ownershipFindings(ownership: readonly OwnershipEntry[]): Finding[] {
  const out: Finding[] = [];
  for (const o of ownership) {
    if (o.verdict === 'contested') {
      out.push(
        wordedFinding(
          { severity: 'high', kind: 'decision-contested', level: 'decision' },
          m('f.contestedDecision.title', { decision: quote(o.decision) }),
          m('f.contestedDecision.evidence', {
            owners: joined(
              o.owners.slice(0, 4).map((w) => msg('owners.owner', { name: w.name, share: pct(w.share, o.contestedShare) })),
              ', ',
            ),
            hasUnsure: o.unsure !== null && o.unsure > 0 ? 'yes' : 'no',
            unsure: pct(o.unsure),
            n: String(o.n),
          }),
          m('f.contestedDecision.question', { decision: quote(o.decision) }),
          'decision',
        ),
      );
    } else if (o.verdict === 'orphaned') {
      const lead = o.owners[0];
      out.push(
        wordedFinding(
          { severity: 'high', kind: 'decision-orphaned', level: 'decision' },
          m('f.orphaned.title', { decision: quote(o.decision) }),
          m('f.orphaned.evidence', {
            // beside "more than half": a share just over it never prints as 50%
            unsure: pct(o.unsure, ORPHANED_ABOVE, true),
            hasLead: lead ? 'yes' : 'no',
            lead: lead?.name ?? '',
            leadShare: pct(lead?.share ?? null),
            n: String(o.n),
          }),
          m('f.orphaned.question', { decision: quote(o.decision) }),
          'decision',
        ),
      );
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
  const how = recall.needed === recall.official.length ? allOf(recall.needed) : msg('f.recall.atLeast', { n: word(recall.needed) });
  const what = msg(recall.source === 'text' ? 'f.recall.whatText' : 'f.recall.whatStack', { how });
  const range = departments.length >= 2;
  return [
    wordedFinding(
      { severity: rate('share', share) === 'poor' ? 'high' : 'medium', kind: 'recall', level: 'strategic' },
      m('f.recall.title', { share: pct(share), what }),
      m('f.recall.evidence', {
        official: list(recall.official),
        share: pct(share),
        n: String(recall.overall.n),
        hasRange: range ? 'yes' : 'no',
        low: range ? departments[0]![0] : '',
        lowShare: pct(range ? departments[0]![1].share : null),
        high: range ? departments.at(-1)![0] : '',
        highShare: pct(range ? departments.at(-1)![1].share : null),
      }),
      m('f.recall.question', { official: list(recall.official) }),
      'facts',
    ),
  ];
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
