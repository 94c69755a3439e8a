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
import { fmtAllOf, fmtCount, fmtCountWord, fmtInteger, fmtList, fmtNA, fmtNumber, fmtPercent, fmtPercentBeside, fmtSuppressed } from '../format.js';
import { type Cut, LEVEL_RULES, type LevelRules } from './level-rules.js';
import type { TableModel } from './report-model.js';

/** Each level's name and its plain meaning (DOMAIN.md, "Alignment is not agreement"). */
export const LEVEL_MEANING: Record<AlignmentLevel, { name: string; meaning: string }> = {
  strategic: {
    name: 'Strategic',
    meaning: 'Do the leaders share what the company is trying to achieve, the trade-offs made, and what success looks like this year?',
  },
  communication: {
    name: 'Communication',
    meaning: 'When each leader speaks to their own people, are the messages consistent enough that teams are not reconciling conflicting signals?',
  },
  decision: {
    name: 'Decision',
    meaning: 'Can each leader represent a decision credibly, even one they argued against, and does everyone know who owns it?',
  },
};

/** 'strategic' -> 'Strategic'; a level the table does not know is shown as written; none (a result written before findings had levels) is ''. */
export function levelName(level: string | undefined): string {
  if (typeof level !== 'string') return '';
  return (LEVEL_MEANING as Record<string, { name: string } | undefined>)[level]?.name ?? level;
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
  if (e.rating === null || e.rating === undefined) return 'listed, not rated';
  if (e.statistic === 'verdict' || e.kind === 'ownership') {
    if (e.rating === 'good') return 'good (a clear owner)';
    if (e.rating === 'poor') return 'poor (contested or orphaned)';
    return 'in between';
  }
  const c = cutFor(e, rules);
  const word = e.rating === 'between' ? 'in between' : e.rating;
  if (!c) return word;
  const good = fmtCutValue(c.cut.goodFrom, c.share);
  const poor = fmtCutValue(c.cut.poorBelow, c.share);
  if (e.rating === 'good') return `good (${good} or more)`;
  if (e.rating === 'poor') return `poor (below ${poor})`;
  return `in between (${poor} to below ${good})`;
}

/** What the statistic is, in words, with its value: "Kendall's W = 0.24", 'favourable 42%', 'owner: contested'. */
function measureText(e: LevelEvidence): string {
  const v = e.value;
  const num = (fmt: (x: number) => string): string => (isNum(v) ? fmt(v) : fmtNA('not computed'));
  const two = (x: number) => fmtNumber(x);
  switch (e.statistic) {
    case 'W':
      return `Kendall's W = ${num(two)}`;
    case 'favourable':
      return `favourable ${num(fmtPercent)}`;
    case 'rwg':
      return `agreement r_wg = ${num(two)}`;
    case 'share':
      return e.kind === 'recall' ? `strategy recall ${num(fmtPercent)} (named the official priorities)` : `share ${num(fmtPercent)}`;
    case 'spearman':
      if (e.kind === 'cascade') return `cascade rho (people against their own leader) = ${num(two)}`;
      if (e.kind === 'department-stack') return `rho to the leaders' consensus = ${num(two)}`;
      return `rho = ${num(two)}`;
    case 'icc1':
      return `ICC(1) = ${num(two)} (the share of the differences in answers lying between departments)`;
    case 'leadingOwnerShare':
      return `${e.verdict ?? 'no verdict'}: the owner named most is named by ${num(fmtPercent)}`;
    case 'unsure':
      return `${e.verdict ?? 'no verdict'}: ${num(fmtPercent)} answer nobody, don't know or not sure`;
    case 'otherShare':
      return `${e.verdict ?? 'no verdict'}: every owner named is named by too few people to show (${num(fmtPercent)} of answers)`;
    default:
      return `${e.statistic} = ${num(two)}`;
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
  const over = shareWords(rules.misalignedOver);
  if (status === 'aligned') return 'none of the rated evidence reads poor';
  if (status === 'misaligned') return `more than ${over} of the rated evidence reads poor`;
  if (status === 'mixed') return `some of the rated evidence reads poor, but not more than ${over}`;
  return status;
}

function countsText(evidence: readonly LevelEvidence[]): string {
  const rated = evidence.filter((e) => e.rating !== null && e.rating !== undefined);
  const poor = rated.filter((e) => e.rating === 'poor').length;
  const good = rated.filter((e) => e.rating === 'good').length;
  const between = rated.length - poor - good;
  const parts = [`${fmtInteger(poor)} poor`, `${fmtInteger(good)} good`];
  if (between > 0) parts.push(`${fmtInteger(between)} in between`);
  const unrated = evidence.length - rated.length;
  return `${fmtCount(rated.length, 'piece')} of evidence rated: ${parts.join(', ')}${unrated > 0 ? `; ${fmtInteger(unrated)} listed without a cut` : ''}`;
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
        name: known?.name ?? entry.level,
        meaning: known?.meaning ?? '',
        status: status ?? 'not rated',
        explanation:
          status === null
            ? `Not rated: ${entry.statusReason?.trim() || 'the input holds no evidence for this level'}.`
            : `${capitalise(statusMeaning(status, rules))} (${countsText(evidence)}).`,
        evidence: evidence.map((e) => ({ subject: e.subject, measure: measureText(e), rating: ratingText(e, rules) })),
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
  const owners = (g.owners ?? []).map((o) => `${o.name} ${fmtPercentBeside(o.share, rules.contestedShare)}`);
  if (isNum(g.other) && g.other > 0) owners.push(`other answers ${fmtPercentBeside(g.other, rules.contestedShare)}`);
  return owners.length === 0 ? 'no owner named' : owners.join(', ');
}

function verdictText(g: OwnershipGroup, rules: LevelRules): string {
  const owners = g.owners ?? [];
  const cut = fmtPercent(rules.contestedShare);
  switch (g.verdict) {
    case 'contested': {
      const rivals = owners.filter((o) => isNum(o.share) && o.share >= rules.contestedShare);
      const named = rivals.length >= 2 ? fmtList(rivals.map((o) => `${o.name} (${fmtPercent(o.share)})`)) : 'two or more owners';
      return `Contested: ${named} are each named by at least ${cut} of those who answered.`;
    }
    case 'orphaned':
      return `Orphaned: ${fmtPercent(g.unsure)} answer nobody, don't know or not sure.`;
    case 'clear': {
      const top = owners[0];
      if (!top) return 'Clear.';
      const base = `Clear: no more than half answer nobody, and no second owner is named by ${cut} or more; named most: ${top.name} (${fmtPercent(top.share)})`;
      // the rule says clear; the reader should still see when most people did not name that owner
      return top.share <= 0.5 ? `${base}, though not by most of those who answered.` : `${base}.`;
    }
    default:
      return `No verdict: ${g.verdictReason?.trim() || 'not available'}.`;
  }
}

function verdictWord(g: OwnershipGroup): string {
  return g.verdict ?? 'no verdict';
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
    summary = `The one decision asked about ${v === 'clear' ? 'has a clear owner' : v === null ? 'has no verdict' : `is ${v}`}.`;
  } else {
    const unrated = n - count('contested') - count('orphaned') - count('clear');
    const parts = [
      [count('contested'), 'contested'],
      [count('orphaned'), 'orphaned'],
      [count('clear'), 'with a clear owner'],
      [unrated, 'without a verdict'],
    ]
      .filter(([k]) => (k as number) > 0)
      .map(([k, what]) => `${fmtCountWord(k as number)} ${what as string}`);
    summary = `${fmtCountWord(n, true)} decisions were asked about: ${fmtList(parts)}.`;
  }

  const decisions = entries.map((e): DecisionView => {
    const depts = Object.entries(e.byDepartment ?? {});
    return {
      decision: e.decision,
      question: e.question && e.question.trim() !== '' && e.question.trim() !== e.decision.trim() ? e.question : null,
      verdict: verdictWord(e),
      n: e.n,
      owners: ownersText(e, rules),
      unsure: isNum(e.unsure) ? fmtPercentBeside(e.unsure, rules.orphanedOver) : fmtNA(e.unsureReason),
      verdictText: verdictText(e, rules),
      byDepartment:
        depts.length === 0
          ? null
          : {
              header: ['Department', 'Answers', 'Owners named', 'Unsure', 'Verdict'],
              align: ['l', 'r', 'l', 'r', 'l'],
              rows: depts.map(([name, g]) =>
                shownGroup(g)
                  ? [
                      name,
                      fmtInteger(g.n),
                      ownersText(g, rules),
                      isNum(g.unsure) ? fmtPercentBeside(g.unsure, rules.orphanedOver) : fmtNA(g.unsureReason),
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
  const of = `at least ${fmtInteger(r.needed)} of the ${fmtInteger(r.official.length)} official ${r.official.length === 1 ? 'priority' : 'priorities'}`;
  if (r.source === 'text') {
    return r.question && r.question.trim() !== '' ? `named ${of} in their answer to "${r.question}"` : `named ${of} in their answer to the recall question`;
  }
  return `had ${of} in their stack's top three`;
}

function recallRow(label: string, g: MaybeSuppressed<RecallGroup> | undefined, minGroup: number): string[] {
  if (g === undefined) return [label, fmtNA('not in the audit'), ''];
  if (!shownGroup(g)) return [label, fmtSuppressed(minGroup), ''];
  return [label, fmtInteger(g.n), g.share === null || !isNum(g.share) ? fmtNA(g.shareReason ?? 'not computed') : fmtPercent(g.share)];
}

/** Strategy recall arranged for reading; null without an official list. */
export function recallModel(recall: RecallResult | null | undefined, minGroup: number): RecallModel | null {
  if (!recall) return null;
  const rule = recallRule(recall);
  const rows: string[][] = [recallRow('Everyone', recall.overall, minGroup)];
  for (const [name, g] of Object.entries(recall.byDepartment ?? {})) rows.push(recallRow(`${name} (department)`, g, minGroup));
  for (const [name, g] of Object.entries(recall.byLevel ?? {})) rows.push(recallRow(`${name} (level)`, g, minGroup));
  const o = recall.overall;
  const overall = o && shownGroup(o) && isNum(o.share) ? `Of the ${fmtCount(o.n, 'person', 'people')} scored, ${fmtPercent(o.share)} did.` : null;
  return {
    rule,
    official: recall.official,
    table: { header: ['Group', 'People scored', 'Named them'], align: ['l', 'r', 'r'], rows },
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
  return x === 0.5 ? 'half' : fmtPercent(x);
}

/** The rules the method section states, all from LEVEL_RULES. */
export function rulesModel(rules: LevelRules = LEVEL_RULES): RulesModel {
  const row = (what: string, c: Cut, share: boolean) => [what, `${fmtCutValue(c.goodFrom, share)} or more`, `below ${fmtCutValue(c.poorBelow, share)}`];
  return {
    cuts: {
      header: ['Evidence', 'Good', 'Poor'],
      align: ['l', 'l', 'l'],
      rows: [
        row("Kendall's W among the leaders", rules.W, false),
        row('A favourable share (an item, a dimension, a group)', rules.favourable, true),
        row('Agreement within a group, r_wg', rules.rwg, false),
        row("Spearman rho (a department's stack against the leaders', a cascade)", rules.spearman, false),
        row('Strategy recall share', rules.recall, true),
        ["A decision's owner", 'clear', 'contested or orphaned'],
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
    const what = recall.needed === recall.official.length ? fmtAllOf(recall.needed) : `at least ${fmtCountWord(recall.needed)}`;
    out.push(
      recall.source === 'text'
        ? `${fmtPercent(recall.overall.share)} of those who answered named ${what} of the official priorities (${fmtList(recall.official)}); Sull, Sull and Yoder (2018) found 28% could name three.`
        : `${fmtPercent(recall.overall.share)} of those who ranked have ${what} of the official priorities (${fmtList(recall.official)}) in their top three; Sull, Sull and Yoder (2018) found 28% could name three.`,
    );
  }
  const contested = (result.ownership ?? []).filter((o) => o.verdict === 'contested');
  const orphaned = (result.ownership ?? []).filter((o) => o.verdict === 'orphaned');
  const parts = [
    ...contested.map((o) => `${o.decision} is contested (${fmtList(o.owners.slice(0, 2).map((w) => `${w.name} ${fmtPercent(w.share)}`))})`),
    ...orphaned.map((o) => `nobody is seen to own ${lowerFirst(o.decision)} (${fmtPercent(o.unsure)} say nobody or not sure)`),
  ];
  if (parts.length > 0) {
    const n = parts.length;
    out.push(`${n === 1 ? 'One decision has' : `${fmtCountWord(n, true)} decisions have`} no clear owner: ${capitalise(fmtList(parts, 'and'))}.`);
  }
  return out;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
