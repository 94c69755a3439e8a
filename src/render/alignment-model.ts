/**
 * The report's view of the three levels of alignment (the scorecard), of who
 * owns each decision, and of strategy recall, arranged for reading. Every
 * number is one the audit put in AuditResult; here it is only formatted
 * (format.ts), labelled and counted. The cut words ("poor: below 0.40") and
 * the method's rules come from one object, LEVEL_RULES (level-rules.ts).
 *
 * Sentences built here hold names from the data: the templates escape them
 * whole with the `md` helper, so nothing here writes Markdown.
 */

import { ORPHANED_ABOVE, READ_BY } from '../audit/bands.js';
import type {
  AlignmentLevel,
  AuditResult,
  LevelEntry,
  LevelEvidence,
  MaybeSuppressed,
  OwnershipEntry,
  OwnershipGroup,
  RecallGroup,
  RecallResult,
} from '../audit/types.js';
import { ALIGNMENT_LEVELS } from '../audit/types.js';
import { fmtAllOf, fmtBeside, fmtInteger, fmtList, fmtNA, fmtNumber, fmtPercent, fmtPercentBeside, fmtSuppressed } from '../format.js';
import { auditText, inSentence, int, list, msg, pct, raw, t, word } from '../i18n/index.js';
import { type Cut, LEVEL_RULES, type LevelRules } from './level-rules.js';

const STATUSES: readonly string[] = ['aligned', 'mixed', 'misaligned'];

import type { TableModel } from './report-model.js';

/** Each level's name and its plain meaning (DOMAIN.md, "Alignment is not agreement"). */
export const LEVEL_MEANING: Record<AlignmentLevel, { name: string; meaning: string }> = {
  strategic: { name: 'level.strategic.name', meaning: 'level.strategic.meaning' },
  communication: { name: 'level.communication.name', meaning: 'level.communication.meaning' },
  decision: { name: 'level.decision.name', meaning: 'level.decision.meaning' },
};

/** 'strategic' -> 'Strategic'; a level the table does not know is shown as written; none (a result written before findings had levels) is ''. */
export function levelName(level: string | undefined): string {
  if (typeof level !== 'string') return '';
  const known = (LEVEL_MEANING as Record<string, { name: string } | undefined>)[level];
  return known ? t(known.name) : level;
}

// ---------------------------------------------------------------- cuts

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Shares print as percentages, the other statistics with two decimals. */
function fmtCutValue(x: number, share: boolean): string {
  return share ? fmtPercent(x) : fmtNumber(x);
}

interface CutKind {
  cut: Cut;
  share: boolean;
}

/** Which cut of the table a piece of evidence reads against, by its statistic (then its kind). */
function cutFor(e: LevelEvidence, rules: LevelRules): CutKind | null {
  switch (e.statistic) {
    case 'W':
      return { cut: rules.W, share: false };
    case 'favourable':
      return { cut: rules.favourable, share: true };
    case 'rwg':
      return { cut: rules.rwg, share: false };
    case 'spearman':
      return { cut: rules.spearman, share: false };
    case 'share':
      return e.kind === 'recall' ? { cut: rules.recall, share: true } : null;
    default:
      return null;
  }
}

/** 'poor (below 0.40)', 'good (60% or more)', 'in between (0.40 to below 0.60)', 'listed, not rated'. */
function ratingText(e: LevelEvidence, rules: LevelRules): string {
  if (e.rating === null || e.rating === undefined) return t('rating.unrated');
  if (e.statistic === 'verdict' || e.kind === 'ownership') {
    if (e.rating === 'good') return t('rating.clearOwner');
    if (e.rating === 'poor') return t('rating.contestedOrOrphaned');
    return t('rating.between');
  }
  const c = cutFor(e, rules);
  const word = e.rating === 'between' ? t('rating.between') : e.rating === 'good' || e.rating === 'poor' ? t(`rating.${e.rating}`) : e.rating;
  if (!c) return word;
  const good = fmtCutValue(c.cut.goodFrom, c.share);
  const poor = fmtCutValue(c.cut.poorBelow, c.share);
  if (e.rating === 'good') return t('rating.goodFrom', { good });
  if (e.rating === 'poor') return t('rating.poorBelow', { poor });
  return t('rating.betweenCuts', { poor, good });
}

/**
 * The cuts a rated value is printed beside: its rating's (good from, poor below) and every other cut
 * its statistic is read by (bands.ts READ_BY), so W prints here as it does beside its band.
 */
function cutsBeside(e: LevelEvidence, rules: LevelRules): number[] {
  const c = cutFor(e, rules);
  if (!c) return [];
  const read = e.statistic === 'W' ? READ_BY.W : e.statistic === 'rwg' ? READ_BY.rwg : e.statistic === 'spearman' ? READ_BY.rho : READ_BY.share;
  return [...read, c.cut.poorBelow, c.cut.goodFrom];
}

/**
 * What the statistic is, in words, with its value: "Kendall's W = 0.24", 'favourable 42%', 'owner: contested'.
 * A rated value prints beside its rating as fmtBeside has it: never on the other side of a cut than it is.
 */
function measureText(e: LevelEvidence, rules: LevelRules): string {
  const v = e.value;
  const num = (fmt: (x: number) => string): string => (isNum(v) ? fmt(v) : fmtNA(t('reason.notComputed')));
  const cuts = cutsBeside(e, rules);
  const two = (x: number) => fmtBeside(x, cuts);
  const share = (x: number) => fmtPercentBeside(x, cuts);
  const verdict = raw(verdictName(e.verdict));
  switch (e.statistic) {
    case 'W':
      return t('measure.W', { v: num(two) });
    case 'favourable':
      return t('measure.favourable', { v: num(share) });
    case 'rwg':
      return t('measure.rwg', { v: num(two) });
    case 'share':
      return e.kind === 'recall' ? t('measure.recall', { v: num(share) }) : t('measure.share', { v: num(fmtPercent) });
    case 'spearman':
      if (e.kind === 'cascade') return t('measure.cascade', { v: num(two) });
      if (e.kind === 'department-stack') return t('measure.departmentStack', { v: num(two) });
      return t('measure.rho', { v: num(two) });
    case 'icc1':
      return t('measure.icc1', { v: num(two) });
    case 'leadingOwnerShare':
      return t('measure.leadingOwnerShare', { verdict, v: num((x) => fmtPercentBeside(x, rules.contestedShare)) });
    case 'unsure':
      return t('measure.unsure', { verdict, v: num((x) => fmtPercentBeside(x, rules.orphanedOver, true)) });
    case 'otherShare':
      return t('measure.otherShare', { verdict, v: num(fmtPercent) });
    default:
      return t('measure.other', { statistic: e.statistic, v: num(two) });
  }
}

// ---------------------------------------------------------------- scorecard

export interface EvidenceView {
  subject: string;
  measure: string;
  rating: string;
}

export interface ScorecardLevel {
  level: string;
  name: string;
  meaning: string;
  /** 'aligned', 'mixed', 'misaligned', or 'not rated'. */
  status: string;
  /** One sentence on what the status means here, with the counts behind it, or the reason there is none. */
  explanation: string;
  evidence: EvidenceView[];
  /** The numbers of the questions for the room on this level ('1, 4'), or null. */
  questions: string | null;
}

function statusMeaning(status: NonNullable<LevelEntry['status']>, rules: LevelRules): string {
  const over = raw(shareWords(rules.misalignedOver));
  if (status === 'aligned') return t('status.meaning.aligned');
  if (status === 'misaligned') return t('status.meaning.misaligned', { over });
  if (status === 'mixed') return t('status.meaning.mixed', { over });
  return capitalise(status);
}

function countsText(evidence: readonly LevelEvidence[]): string {
  const rated = evidence.filter((e) => e.rating !== null && e.rating !== undefined);
  const poor = rated.filter((e) => e.rating === 'poor').length;
  const good = rated.filter((e) => e.rating === 'good').length;
  const between = rated.length - poor - good;
  const unrated = evidence.length - rated.length;
  return t('status.counts', { rated: rated.length, poor, good, between, unrated });
}

/**
 * The scorecard: the three levels in order, each with its status in words, its
 * evidence and the questions for the room that speak to it. Empty when the
 * audit rated no levels (an AuditResult written before levels were added, or
 * an input the audit did not rate), so the report shows no scorecard at all.
 */
export function scorecardModel(
  levels: readonly LevelEntry[] | undefined,
  questionNumbers: ReadonlyMap<string, number[]> = new Map(),
  rules: LevelRules = LEVEL_RULES,
): ScorecardLevel[] {
  const given = levels ?? [];
  if (given.length === 0) return [];
  const order = (l: string) => {
    const i = (ALIGNMENT_LEVELS as readonly string[]).indexOf(l);
    return i < 0 ? ALIGNMENT_LEVELS.length : i;
  };
  return [...given]
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => order(a.entry.level) - order(b.entry.level) || a.i - b.i)
    .map(({ entry }) => {
      const evidence = entry.evidence ?? [];
      const known = (LEVEL_MEANING as Record<string, { name: string; meaning: string } | undefined>)[entry.level];
      const status = entry.status ?? null;
      const numbers = questionNumbers.get(entry.level) ?? [];
      return {
        level: entry.level,
        name: known ? t(known.name) : entry.level,
        meaning: known ? t(known.meaning) : '',
        status: status === null ? t('status.notRated') : STATUSES.includes(status) ? t(`status.${status}`) : status,
        explanation:
          status === null
            ? t('status.notRatedBecause', { reason: auditText(entry.statusReason?.trim()) || t('reason.noEvidence') })
            : t('status.explanation', { meaning: raw(statusMeaning(status, rules)), counts: raw(countsText(evidence)) }),
        evidence: evidence.map((e) => ({ subject: auditText(e.subject), measure: measureText(e, rules), rating: ratingText(e, rules) })),
        questions: numbers.length > 0 ? numbers.join(', ') : null,
      };
    });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------- decisions

export interface DecisionView {
  decision: string;
  /** The question as asked, when it says more than the decision's name. */
  question: string | null;
  verdict: string;
  n: number;
  /** 'Finance 45%, Sales 30%', or 'no owner named'. */
  owners: string;
  unsure: string;
  /** The verdict in words, e.g. 'Contested: Finance (45%) and Sales (30%) are each named by at least 25% of those who answered.' */
  verdictText: string;
  /** Each department's answers; null when the audit gives none. */
  byDepartment: TableModel | null;
}

export interface DecisionsModel {
  /** 'Of 4 decisions asked about, 1 is contested and 1 orphaned; 2 have a clear owner.' */
  summary: string;
  decisions: DecisionView[];
}

const shownGroup = <T>(g: MaybeSuppressed<T>): g is T => !('suppressed' in (g as object));

function ownersText(g: OwnershipGroup, rules: LevelRules): string {
  const owners = (g.owners ?? []).map((o) => t('owners.owner', { name: o.name, share: pct(o.share, rules.contestedShare) }));
  if (isNum(g.other) && g.other > 0) owners.push(t('owners.other', { share: pct(g.other, rules.contestedShare) }));
  return owners.length === 0 ? t('owners.none') : owners.join(', ');
}

function verdictText(g: OwnershipGroup, rules: LevelRules): string {
  const owners = g.owners ?? [];
  const cut = pct(rules.contestedShare);
  switch (g.verdict) {
    case 'contested': {
      const rivals = owners.filter((o) => isNum(o.share) && o.share >= rules.contestedShare);
      const named =
        rivals.length >= 2
          ? list(rivals.map((o) => msg('verdict.text.named', { name: o.name, share: pct(o.share, rules.contestedShare) })))
          : msg('verdict.text.twoOrMore');
      return t('verdict.text.contested', { named, cut });
    }
    case 'orphaned':
      // beside "more than half": a share just over it never prints as 50%
      return t('verdict.text.orphaned', { share: pct(g.unsure, rules.orphanedOver, true) });
    case 'clear': {
      const top = owners[0];
      if (!top) return t('verdict.text.clearOnly');
      // the rule says clear; the reader should still see when most people did not name that owner
      // "not by most" when half or fewer named them: the share beside it on that side of half
      return t('verdict.text.clear', { cut, name: top.name, share: pct(top.share, 0.5, true), most: top.share <= 0.5 ? 'no' : 'yes' });
    }
    default:
      return t('verdict.text.none', { reason: auditText(g.verdictReason?.trim()) || t('reason.notAvailable') });
  }
}

function verdictWord(g: OwnershipGroup): string {
  return verdictName(g.verdict);
}

/** A verdict in the reader's words: 'contested', 'orphaned', 'clear', or 'no verdict'. */
function verdictName(v: string | null | undefined): string {
  if (v === null || v === undefined) return t('verdict.none');
  return v === 'contested' || v === 'orphaned' || v === 'clear' ? t(`verdict.${v}`) : v;
}

/** Who owns each decision, in the audit's order; null when the survey asked about no decision (the section is left out). */
export function decisionsModel(ownership: readonly OwnershipEntry[] | undefined, minGroup: number, rules: LevelRules = LEVEL_RULES): DecisionsModel | null {
  const entries = ownership ?? [];
  if (entries.length === 0) return null;
  const count = (v: string | null) => entries.filter((e) => (e.verdict ?? null) === v).length;
  const n = entries.length;
  let summary: string;
  if (n === 1) {
    const v = entries[0]?.verdict ?? null;
    summary = t('dec.summaryOne', { verdict: v === null ? 'none' : v, word: verdictName(v) });
  } else {
    const unrated = n - count('contested') - count('orphaned') - count('clear');
    const parts = (
      [
        [count('contested'), 'dec.part.contested'],
        [count('orphaned'), 'dec.part.orphaned'],
        [count('clear'), 'dec.part.clear'],
        [unrated, 'dec.part.none'],
      ] as const
    )
      .filter(([k]) => k > 0)
      .map(([k, key]) => msg(key, { n: word(k) }));
    summary = t('dec.summary', { n: word(n, true), parts: list(parts) });
  }

  const decisions = entries.map((e): DecisionView => {
    const depts = Object.entries(e.byDepartment ?? {});
    return {
      decision: e.decision,
      question: e.question && e.question.trim() !== '' && e.question.trim() !== e.decision.trim() ? e.question : null,
      verdict: verdictWord(e),
      n: e.n,
      owners: ownersText(e, rules),
      unsure: isNum(e.unsure) ? fmtPercentBeside(e.unsure, rules.orphanedOver, true) : fmtNA(e.unsureReason),
      verdictText: verdictText(e, rules),
      byDepartment:
        depts.length === 0
          ? null
          : {
              header: [t('dec.col.department'), t('dec.col.answers'), t('dec.col.owners'), t('dec.col.unsure'), t('dec.col.verdict')],
              align: ['l', 'r', 'l', 'r', 'l'],
              rows: depts.map(([name, g]) =>
                shownGroup(g)
                  ? [
                      name,
                      fmtInteger(g.n),
                      ownersText(g, rules),
                      isNum(g.unsure) ? fmtPercentBeside(g.unsure, rules.orphanedOver, true) : fmtNA(g.unsureReason),
                      verdictWord(g),
                    ]
                  : [name, fmtSuppressed(minGroup), '', '', ''],
              ),
            },
    };
  });
  return { summary, decisions };
}

// ---------------------------------------------------------------- recall

export interface RecallModel {
  /** What counted as recalling the strategy, e.g. 'named at least 3 of the 3 official priorities in their answer to "…"'. */
  rule: string;
  official: string[];
  /** Everyone, then each department, then each level; suppressed groups without numbers. */
  table: TableModel;
  /** One sentence on everyone's share, or null when it is not shown. */
  overall: string | null;
}

function recallRule(r: RecallResult): string {
  const of = msg('recall.of', { needed: int(r.needed), official: r.official.length, officialText: int(r.official.length) });
  if (r.source === 'text') {
    return r.question && r.question.trim() !== '' ? t('recall.ruleQuestion', { of, question: r.question }) : t('recall.ruleText', { of });
  }
  return t('recall.ruleStack', { of });
}

function recallRow(label: string, g: MaybeSuppressed<RecallGroup> | undefined, minGroup: number): string[] {
  if (g === undefined) return [label, fmtNA(t('reason.notInAudit')), ''];
  if (!shownGroup(g)) return [label, fmtSuppressed(minGroup), ''];
  return [label, fmtInteger(g.n), g.share === null || !isNum(g.share) ? fmtNA(auditText(g.shareReason) ?? t('reason.notComputed')) : fmtPercent(g.share)];
}

/** Strategy recall arranged for reading; null without an official list. */
export function recallModel(recall: RecallResult | null | undefined, minGroup: number): RecallModel | null {
  if (!recall) return null;
  const rule = recallRule(recall);
  const rows: string[][] = [recallRow(t('recall.everyone'), recall.overall, minGroup)];
  for (const [name, g] of Object.entries(recall.byDepartment ?? {})) rows.push(recallRow(t('recall.department', { name }), g, minGroup));
  for (const [name, g] of Object.entries(recall.byLevel ?? {})) rows.push(recallRow(t('recall.level', { name }), g, minGroup));
  const o = recall.overall;
  const overall = o && shownGroup(o) && isNum(o.share) ? t('recall.overall', { n: o.n, people: int(o.n), share: pct(o.share) }) : null;
  return {
    rule,
    official: recall.official,
    table: { header: [t('recall.col.group'), t('recall.col.people'), t('recall.col.named')], align: ['l', 'r', 'r'], rows },
    overall,
  };
}

// ---------------------------------------------------------------- method

export interface RulesModel {
  /** The cut table: statistic, good, poor. */
  cuts: TableModel;
  misalignedOver: string;
  contestedShare: string;
  orphanedOver: string;
}

/** A share as a reader says it after "more than": 'half' for 0.5, else a percentage. */
function shareWords(x: number): string {
  return x === 0.5 ? t('share.half') : fmtPercent(x);
}

/** The rules the method section states, all from LEVEL_RULES. */
export function rulesModel(rules: LevelRules = LEVEL_RULES): RulesModel {
  const row = (what: string, c: Cut, share: boolean) => [
    t(what),
    t('cuts.orMore', { v: fmtCutValue(c.goodFrom, share) }),
    t('cuts.below', { v: fmtCutValue(c.poorBelow, share) }),
  ];
  return {
    cuts: {
      header: [t('cuts.col.evidence'), t('cuts.col.good'), t('cuts.col.poor')],
      align: ['l', 'l', 'l'],
      rows: [
        row('cuts.W', rules.W, false),
        row('cuts.favourable', rules.favourable, true),
        row('cuts.rwg', rules.rwg, false),
        row('cuts.spearman', rules.spearman, false),
        row('cuts.recall', rules.recall, true),
        [t('cuts.owner'), t('cuts.ownerGood'), t('cuts.ownerPoor')],
      ],
    },
    misalignedOver: shareWords(rules.misalignedOver),
    contestedShare: fmtPercent(rules.contestedShare),
    orphanedOver: shareWords(rules.orphanedOver),
  };
}

/** The numbers of the questions for the room, by the level each finding speaks to. */
export function questionNumbersByLevel(groups: ReadonlyArray<{ findings: ReadonlyArray<{ level: string; number: number }> }>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const g of groups) {
    for (const f of g.findings) {
      const list = out.get(f.level) ?? [];
      list.push(f.number);
      out.set(f.level, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** Whether the audit rated any level (the scorecard and its rules are shown). */
export function hasLevels(result: AuditResult): boolean {
  return (result.levels ?? []).length > 0;
}

// ---------------------------------------------------------------- at a glance

/**
 * What "At a glance" says of recall and decisions, from the AuditResult's own
 * figures: the share that named the official priorities; the decisions
 * without a clear owner.
 */
export function roomGlance(result: AuditResult): string[] {
  const out: string[] = [];
  const recall = result.recall;
  if (recall && shownGroup(recall.overall) && recall.overall.share !== null) {
    const what = recall.needed === recall.official.length ? raw(fmtAllOf(recall.needed)) : msg('glance.atLeast', { n: word(recall.needed) });
    const params = { share: pct(recall.overall.share), what, official: list(recall.official) };
    out.push(recall.source === 'text' ? t('glance.recallText', params) : t('glance.recallStack', params));
  }
  const contested = (result.ownership ?? []).filter((o) => o.verdict === 'contested');
  const orphaned = (result.ownership ?? []).filter((o) => o.verdict === 'orphaned');
  const parts = [
    ...contested.map((o) =>
      t('glance.contestedDecision', {
        decision: o.decision,
        // each owner's share beside "contested" (named by at least the contested share each), as the decisions table prints it
        owners: list(o.owners.slice(0, 2).map((w) => msg('owners.owner', { name: w.name, share: pct(w.share, o.contestedShare) }))),
      }),
    ),
    ...orphaned.map((o) => t('glance.orphanedDecision', { decision: inSentence(o.decision), share: pct(o.unsure, ORPHANED_ABOVE, true) })),
  ];
  if (parts.length > 0) {
    const n = parts.length;
    out.push(t('glance.noClearOwner', { n, word: word(n, true), parts: raw(capitalise(fmtList(parts, 'and'))) }));
  }
  return out;
}
