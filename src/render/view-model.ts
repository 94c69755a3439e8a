/**
 * View values shared by the renderers: AuditResult rearranged for reading
 * (sorted lists, short labels, lookups, the plain-language sentences of
 * "At a glance"). Nothing here computes a statistic; every number shown is one
 * the audit room put in AuditResult. Sorting, picking the largest value and
 * counting distinct names are presentation, not analysis.
 */
import { MIRROR_FROM, READ_BY } from '../audit/bands.js';
import { exclusionSummary } from '../audit/ledger.js';
import type { AuditResult, CascadeEntry, ConsensusEntry, DepartmentStack, Gap, Pair, Rater, StackResult } from '../audit/types.js';
import { DEFAULT_MIN_GROUP } from '../defaults.js';
import { fmtBeside, fmtNA, fmtRank, fmtRho, fmtStat, fmtSuppressed } from '../format.js';
import { auditText, beside, fewOf, int, list, num, ordinal, pclause, rank, raw, t, word, worded } from '../i18n/index.js';

/** The anonymity threshold shown when the audit carries none (no stack): ARCHITECTURE.md's default. */
export function minGroupOf(result: AuditResult): number {
  return result.input.minGroup ?? result.stack?.minGroup ?? DEFAULT_MIN_GROUP;
}

/**
 * A ledger note a client may read: `line` null for a count of hidden members
 * (no line given). Notes with the same text in one file are one entry: `count`
 * respondents or rows, `lines` their lines as runs ('3-6, 9'), with the total
 * when the audit kept only the first few ('3, 4, 5, 6, 7, … (12 in all)').
 */
export interface ClientNote {
  file: string;
  line: number | null;
  /** The lines as a reader sees them; null for hidden members (counted, never located). */
  lines: string | null;
  count: number;
  note: string;
}

/** Runs of lines as ranges, in order, each line once: [3, 4, 5, 9, 6] -> '3-6, 9'. */
export function lineRuns(lines: readonly number[]): string {
  return runsOf(lines).join(', ');
}

function runsOf(lines: readonly number[]): string[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return runs;
}

/** At most MAX_LINE_REFS lines or runs of lines, then '…': [14, 20, 33, 41, 57, 60] -> '14, 20, 33, 41, 57, …'; [2, 3, …, 552] -> '2-552'. */
export function lineRefs(lines: readonly number[]): string {
  const runs = runsOf(lines);
  return runs.length > MAX_LINE_REFS ? `${runs.slice(0, MAX_LINE_REFS).join(', ')}, …` : runs.join(', ');
}

/** How many line references a summary of excluded rows shows (issue 13: the report summarises the ledger). */
export const MAX_LINE_REFS = 5;

/** Excluded rows of one file summarised under one reason (exclusionSummary): every row counted. */
export interface ClientExclusions {
  file: string;
  /** The lines, or null for hidden members' rows (counted, never located). */
  lines: number[] | null;
  count: number;
  reason: string;
}

/**
 * The ledger as the reports a client reads show it (Markdown, HTML, PDF, the
 * terminal): entries the audit marked `suppressed` (members of a hidden group,
 * ARCHITECTURE.md "Anonymity") become one count per file and kind, with no line;
 * "2 respondents in groups too small to show gave two or more priorities the
 * same rank: ...". Excluded rows are one entry per file and reason, the reason
 * as exclusionSummary words it (duplicates are one reason, whichever line
 * replaced each), so 1,204 duplicates read as one line with their count.
 * Everything else as the JSON has it. The audit decided who is hidden and
 * wrote the kind's wording; this only counts.
 */
export function clientLedger(input: AuditResult['input']): { notes: ClientNote[]; excluded: ClientExclusions[] } {
  const notes: ClientNote[] = [];
  // Shown notes with one text in one file fold into one entry (many respondents straight-lining read as one line with their count).
  const shownNotes = new Map<string, { entry: ClientNote; all: number[] }>();
  const hiddenNotes = new Map<string, { file: string; note: string; count: number }>();
  for (const n of input.notes) {
    if (!n.suppressed) {
      const key = `${n.file}\u0000${n.note}`;
      const lines = n.lines && n.lines.length > 0 ? n.lines : [n.line];
      const count = Math.max(n.count ?? 1, lines.length);
      const seen = shownNotes.get(key);
      if (seen) {
        seen.entry.count += count;
        seen.all.push(...lines);
      } else {
        const entry: ClientNote = { file: n.file, line: n.line, lines: null, count, note: ledgerWords(n, 'note') };
        shownNotes.set(key, { entry, all: [...lines] });
        notes.push(entry);
      }
      continue;
    }
    const key = `${n.file}\u0000${n.note}`;
    const h = hiddenNotes.get(key) ?? { file: n.file, note: n.note, count: 0 };
    h.count += n.count ?? 1;
    hiddenNotes.set(key, h);
  }
  for (const { entry, all } of shownNotes.values()) {
    const distinct = new Set(all).size;
    entry.lines =
      lineRuns(all) +
      (entry.count > distinct
        ? `, … (${t('ledger.inAll', { n: int(entry.count) })})`
        : entry.count > 1
          ? ` (${t('ledger.inAll', { n: int(entry.count) })})`
          : '');
  }
  for (const h of hiddenNotes.values()) {
    notes.push({
      file: h.file,
      line: null,
      lines: null,
      count: h.count,
      note: t('ledger.hiddenNote', { who: raw(hiddenWho(h.count)), note: raw(auditText(h.note)) }),
    });
  }
  const excluded = new Map<string, ClientExclusions>();
  for (const e of input.excluded) {
    // hidden members' rows stay a count of their own: never in a shown reason's total next to shown lines
    const reason = exclusionSummary(e);
    const key = `${e.suppressed ? 'h' : 's'}\u0000${e.file}\u0000${reason}`;
    // a row's own reason (not a summary by kind) may carry its message: worded in the report's language
    const shown = reason === e.reason ? ledgerWords(e, 'reason') : auditText(reason);
    const g = excluded.get(key) ?? {
      file: e.file,
      lines: e.suppressed ? null : [],
      count: 0,
      reason: e.suppressed ? `${shown} (${t('ledger.hiddenReason')})` : shown,
    };
    g.count++;
    g.lines?.push(e.line);
    excluded.set(key, g);
  }
  return { notes, excluded: [...excluded.values()] };
}

/**
 * A ledger note's or excluded row's text in the report's language: from the
 * message the audit wrote it from (ledgerText), else a fixed wording the
 * catalogue holds under `audit:<the English text>`, else as the JSON has it.
 */
function ledgerWords<F extends 'note' | 'reason'>(entry: Record<F, string>, field: F): string {
  const w = worded(entry)[field];
  return w === entry[field] ? auditText(entry[field]) : w;
}

/** 'One respondent in a group too small to show', '12 respondents in groups too small to show'. */
function hiddenWho(count: number): string {
  return t('ledger.hiddenWho', { n: count, word: word(count, true) });
}

/** 'Team answers are confidential; no group under 5 people is shown.' */
export function confidentialityLine(result: AuditResult): string {
  return t('report.confidentiality', { n: minGroupOf(result) });
}

// ---------------------------------------------------------------- labels

/**
 * Short labels for leaders (matrix headings): initials of up to three words
 * ('Helena Kowalski' -> 'HK'); a one-word name of up to four characters is kept
 * ('CFO'), a longer one is cut to three ('Margaret' -> 'Mar'); a parenthesised
 * part is ignored. Labels that collide get a number ('AO', 'AO2'), in input order.
 */
export function leaderLabels(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const name of names) {
    if (out.has(name)) continue;
    const words = name
      .normalize('NFC')
      .replace(/\([^)]*\)/g, ' ')
      .split(/[\s\-_.]+/)
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((w) => w !== '');
    let label: string;
    if (words.length === 0) label = '?';
    else if (words.length === 1) {
      const chars = Array.from(words[0] as string);
      label = chars.length <= 4 ? chars.join('') : chars.slice(0, 3).join('');
    } else {
      label = words
        .slice(0, 3)
        .map((w) => (Array.from(w)[0] as string).toUpperCase())
        .join('');
    }
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    out.set(name, seen === 0 ? label : `${label}${seen + 1}`);
  }
  return out;
}

// ---------------------------------------------------------------- ranks

/** The leader's completed rank for a priority, or undefined when the result lacks it. */
export function rankOf(rater: Rater, priority: string): number | undefined {
  const r = rater.ranks[priority];
  return typeof r === 'number' && Number.isFinite(r) ? r : undefined;
}

/**
 * True when the leader did not rank the priority (a partial stack): a completed
 * rank above the number they ranked is the shared (k+1+N)/2 of the unranked block.
 */
export function isUnranked(rater: Rater, priority: string, n: number): boolean {
  const r = rankOf(rater, priority);
  return r !== undefined && rater.ranked < n && r > rater.ranked;
}

/** The priorities a leader put first (more than one when they tied at the top). */
export function firstPriorities(rater: Rater, priorities: readonly string[]): string[] {
  let best = Infinity;
  for (const p of priorities) best = Math.min(best, rankOf(rater, p) ?? Infinity);
  if (!Number.isFinite(best)) return [];
  return priorities.filter((p) => rankOf(rater, p) === best);
}

/**
 * How a renderer shows a name from the data inside a sentence built here: the
 * Markdown report keeps it whole (its `md` helper escapes it), the terminal
 * view cuts it (terminal-stack.ts terminalName).
 */
export type NameShown = (name: string) => string;

const asWritten: NameShown = (name) => name;

/** 'ranks Growth 1st; the others put it 6th', 'leaves Hiring unranked; the others put it 2nd'. */
export function gapPhrase(rater: Rater, gap: Gap, n: number, shown: NameShown = asWritten): string {
  const priority = shown(gap.priority);
  const others = ordinal(gap.othersPosition);
  if (rater.ranked < n && gap.rank > rater.ranked) return t('gap.unranked', { priority, others });
  if (!Number.isInteger(gap.rank)) return t('gap.tie', { priority, rank: rank(gap.rank), others });
  return t('gap.ranks', { priority, rank: ordinal(gap.rank), others });
}

// ---------------------------------------------------------------- stack view

export interface LeaderView {
  name: string;
  label: string;
  department: string | null;
  ranked: number;
  /** True when the leader ranked fewer than N priorities. */
  partial: boolean;
  spearmanToOthers: number | null;
  spearmanToOthersText: string;
  divergence: number | null;
  divergenceText: string;
  gaps: string[];
  first: string[];
}

export interface RankCell {
  rank: number | undefined;
  text: string;
  unranked: boolean;
}

export interface StackRow {
  priority: string;
  position: number;
  meanRank: number | undefined;
  cells: RankCell[];
}

export interface PairView extends Pair {
  aLabel: string;
  bLabel: string;
}

export type DepartmentView =
  | { department: string; suppressed: true; text: string }
  | {
      department: string;
      suppressed: false;
      n: number;
      WText: string;
      rhoText: string;
      spearmanToLeadership: number | null;
      meanRanks: Record<string, number>;
      consensusOrder: string[] | undefined;
    };

export type CascadeView =
  | { leader: string; department: string; suppressed: true; text: string }
  | { leader: string; department: string; suppressed: false; n: number; spearman: number | null; rhoText: string };

export interface MethodsView {
  agree: boolean;
  /** One sentence for the reader, e.g. 'Borda, Copeland and Kemeny agree on the top three.' */
  sentence: string;
  bordaTop3: string[];
  copelandTop3: string[];
  kemenyTop3: string[] | null;
  /** Said when Kemeny has several optimal orders, or why there is no Kemeny order. */
  kemenyNote: string | null;
}

export interface StackView {
  stack: StackResult;
  n: number;
  leaderCount: number;
  /** The p-value the hedge uses: the permutation p when there is one, else the chi-square p. */
  hedgeP: number | null;
  /** True when hedgeP > 0.05: the agreement could be chance. */
  couldBeChance: boolean;
  consensus: ConsensusEntry[];
  leaders: LeaderView[];
  /** Leaders sorted most divergent first; leaders without a divergence last, in input order. */
  byDivergence: LeaderView[];
  /** Each leader's stack side by side: rows in consensus order, one cell per leader (input order). */
  rows: StackRow[];
  anyUnranked: boolean;
  pairs: PairView[];
  /** Pairs sorted most aligned first (Spearman descending), null last. */
  pairsByAgreement: PairView[];
  /** matrix[i][j]: the pair's Spearman, 1 on the diagonal, null with reason when undefined. */
  matrix: Array<Array<{ value: number | null; reason?: string; self: boolean }>>;
  contested: ConsensusEntry[];
  unanimous: ConsensusEntry[];
  distinctFirst: string[];
  methods: MethodsView;
  departments: DepartmentView[];
  shownDepartments: Array<Extract<DepartmentView, { suppressed: false }>>;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function top3(names: readonly string[]): string[] {
  return names.slice(0, 3);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function methodsView(stack: StackResult, shown: NameShown = asWritten): MethodsView {
  const borda = top3([...stack.consensus].sort((x, y) => x.position - y.position).map((c) => c.priority));
  const copeland = top3([...stack.copeland].sort((x, y) => x.position - y.position).map((c) => c.priority));
  const kemeny = stack.kemeny ? top3(stack.kemeny.order) : null;
  const agree = stack.methodsAgreeTop3;
  let kemenyNote: string | null = null;
  if (stack.kemeny && stack.kemeny.optimalOrders > 1) {
    kemenyNote = t('methods.kemenyTies', { n: stack.kemeny.optimalOrders });
  } else if (!stack.kemeny) {
    kemenyNote = t('methods.kemenyNA', { na: raw(fmtNA(worded(stack).kemenyReason)) });
  }
  const names = (xs: readonly string[]) => list(xs.map(shown));
  let sentence: string;
  if (agree) {
    sentence = kemeny ? t('methods.agree3') : t('methods.agree2');
  } else {
    sentence = kemeny
      ? t('methods.disagree3', { borda: names(borda), copeland: names(copeland), kemeny: names(kemeny) })
      : t('methods.disagree2', { borda: names(borda), copeland: names(copeland) });
  }
  // A disagreement in order only (same sets) is worth a word too, when the flag says they agree.
  if (agree && (!sameSet(borda, copeland) || (kemeny && !sameSet(borda, kemeny)))) {
    sentence += ` ${
      kemeny
        ? t('methods.orders3', { borda: names(borda), copeland: names(copeland), kemeny: names(kemeny) })
        : t('methods.orders2', { borda: names(borda), copeland: names(copeland) })
    }`;
  }
  return { agree, sentence, bordaTop3: borda, copelandTop3: copeland, kemenyTop3: kemeny, kemenyNote };
}

/** `shown`: how names appear inside the sentences built here (gaps, methods); the names themselves stay as written. */
export function stackView(stack: StackResult, shown: NameShown = asWritten): StackView {
  const n = stack.priorities.length;
  const labels = leaderLabels(stack.raters.map((r) => r.name));
  const consensus = [...stack.consensus].sort((a, b) => a.position - b.position);
  const order = consensus.map((c) => c.priority);
  // Priorities the consensus lacks (it should hold all N) still get a row, at the end.
  for (const p of stack.priorities) if (!order.includes(p)) order.push(p);

  const leaders: LeaderView[] = stack.raters.map((r) => ({
    name: r.name,
    label: labels.get(r.name) ?? r.name,
    department: r.department,
    ranked: r.ranked,
    partial: r.ranked < n,
    spearmanToOthers: r.spearmanToOthers,
    spearmanToOthersText: fmtStat(r.spearmanToOthers, r.spearmanToOthersReason, fmtRho),
    divergence: r.divergence,
    divergenceText: fmtStat(r.divergence, r.divergenceReason),
    gaps: r.largestGaps.map((g) => gapPhrase(r, g, n, shown)),
    first: firstPriorities(r, order),
  }));

  const byDivergence = leaders
    .map((l, i) => ({ l, i }))
    .sort((x, y) => {
      const dx = x.l.divergence;
      const dy = y.l.divergence;
      if (dx === null && dy === null) return x.i - y.i;
      if (dx === null) return 1;
      if (dy === null) return -1;
      return dy - dx || x.i - y.i;
    })
    .map((x) => x.l);

  let anyUnranked = false;
  const rows: StackRow[] = order.map((priority, i) => {
    const c = consensus.find((e) => e.priority === priority);
    return {
      priority,
      position: c?.position ?? i + 1,
      meanRank: c?.meanRank,
      cells: stack.raters.map((r) => {
        const rank = rankOf(r, priority);
        const unranked = isUnranked(r, priority, n);
        if (unranked) anyUnranked = true;
        return { rank, text: rank === undefined ? fmtNA() : fmtRank(rank), unranked };
      }),
    };
  });

  const pairs: PairView[] = stack.pairs.map((p) => ({
    // a reason the audit wrote from a message (a tied leader's RBO) in the reader's language
    ...worded(p),
    aLabel: labels.get(p.a) ?? p.a,
    bLabel: labels.get(p.b) ?? p.b,
  }));
  const pairsByAgreement = pairs
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const a = x.p.spearman;
      const b = y.p.spearman;
      if (a === null && b === null) return x.i - y.i;
      if (a === null) return 1;
      if (b === null) return -1;
      return b - a || x.i - y.i;
    })
    .map((x) => x.p);
  const byPair = new Map(stack.pairs.map((p) => [pairKey(p.a, p.b), p]));
  // n x n cells: only when the pairs are listed (pairsReason marks a team too large for them)
  const matrix = (stack.pairsReason ? [] : stack.raters).map((a) =>
    stack.raters.map((b) => {
      if (a.name === b.name) return { value: 1, self: true };
      const p = byPair.get(pairKey(a.name, b.name));
      if (!p) return { value: null, reason: 'pair not in the audit', self: false };
      return p.spearman === null ? { value: null, reason: p.spearmanReason ?? '', self: false } : { value: p.spearman, self: false };
    }),
  );

  const distinctFirst: string[] = [];
  for (const l of leaders) for (const p of l.first) if (!distinctFirst.includes(p)) distinctFirst.push(p);

  const departments: DepartmentView[] = stack.departments.map((d: DepartmentStack) =>
    'suppressed' in d
      ? { department: d.department, suppressed: true, text: fmtSuppressed(stack.minGroup) }
      : {
          department: d.department,
          suppressed: false,
          n: d.n,
          WText: fmtStat(d.W, d.WReason),
          rhoText: fmtStat(d.spearmanToLeadership, d.spearmanToLeadershipReason, fmtRho),
          spearmanToLeadership: d.spearmanToLeadership,
          meanRanks: d.meanRanks,
          consensusOrder: d.consensusOrder,
        },
  );

  const { concordance } = stack;
  const hedgeP = concordance.pPermutation ?? concordance.p;

  return {
    stack,
    n,
    leaderCount: stack.raters.length,
    hedgeP,
    couldBeChance: hedgeP !== null && hedgeP > 0.05,
    consensus,
    leaders,
    byDivergence,
    rows,
    anyUnranked,
    pairs,
    pairsByAgreement,
    matrix,
    contested: consensus.filter((c) => c.contested),
    unanimous: consensus.filter((c) => c.unanimous),
    distinctFirst,
    methods: methodsView(stack, shown),
    departments,
    shownDepartments: departments.filter((d): d is Extract<DepartmentView, { suppressed: false }> => !d.suppressed),
  };
}

export function cascadeView(result: AuditResult): CascadeView[] {
  const minGroup = minGroupOf(result);
  return result.cascade.map((c: CascadeEntry) =>
    'suppressed' in c
      ? { leader: c.leader, department: c.department ?? fmtNA(t('reason.noDepartment')), suppressed: true, text: fmtSuppressed(minGroup) }
      : {
          leader: c.leader,
          department: c.department ?? fmtNA(t('reason.noDepartment')),
          suppressed: false,
          n: c.n,
          spearman: c.spearman,
          rhoText: fmtStat(c.spearman, c.spearmanReason, fmtRho),
        },
  );
}

// ---------------------------------------------------------------- at a glance

const BANDS: readonly string[] = ['slight', 'fair', 'moderate', 'substantial', 'almost perfect'];

function who(l: LeaderView): string {
  return l.department ? t('glance.who', { name: l.name, department: l.department }) : l.name;
}

/** The concordance sentence with its hedge, e.g. for REPORT.md's Northwind example. */
export function concordanceSentence(v: StackView): string {
  const c = v.stack.concordance;
  if (c.W === null) return t('glance.wNA', { na: raw(fmtNA(c.WReason)) });
  const phrase = c.band ? (BANDS.includes(c.band) ? t(`glance.band.${c.band}`) : t('glance.band.other', { band: c.band })) : t('glance.band.none');
  // The permutation p leads (the chi-square approximation is poor for a small team); say which p it is.
  const which = c.pPermutation !== null ? 'permutation' : 'chi';
  let hedge: string;
  if (v.hedgeP === null) hedge = t('glance.hedgeNA', { na: raw(fmtNA(c.pPermutationReason ?? c.pReason)) });
  else if (v.couldBeChance) hedge = t('glance.hedgeChance', { which, p: pclause(v.hedgeP) });
  else hedge = t('glance.hedgeNotChance', { which, p: pclause(v.hedgeP) });
  const small = v.leaderCount < 4 ? ` ${t('glance.small', { n: word(v.leaderCount) })}` : '';
  return (
    t('glance.w', {
      n: word(v.leaderCount),
      phrase: raw(phrase),
      w: beside(c.W, READ_BY.W),
      hasBand: c.band ? 'yes' : 'no',
      band: auditText(c.band ?? ''),
      hedge: raw(hedge),
    }) + small
  );
}

/**
 * "At a glance": five to seven sentences, each a finding with its number, most
 * important first (REPORT.md). Generated from the data, hedged where the
 * statistics say to. Plain text (the Markdown renderer escapes it).
 */
export function atAGlance(result: AuditResult, options: { brief?: boolean } = {}): string[] {
  const brief = options.brief ?? false;
  const out: string[] = [];
  if (!result.stack) {
    out.push(t('glance.noStacks', { reason: auditText(result.stackReason) ?? t('reason.noLeaderRanked') }));
    return out;
  }
  const v = stackView(result.stack);
  out.push(concordanceSentence(v));

  // Distinct first priorities.
  const m = v.leaderCount;
  const d = v.distinctFirst.length;
  if (m < 2 || brief) {
    // One leader: nothing to compare; the stack is shown as it is. Brief (a survey follows): the stack section says it.
  } else if (d === 1) {
    out.push(t('glance.allFirst', { n: word(m), priority: v.distinctFirst[0] as string }));
  } else if (d > 1) {
    const each = d === m && v.leaders.every((l) => l.first.length === 1) ? 'yes' : 'no';
    out.push(t('glance.firsts', { d: word(d, true), m: word(m), each }));
  }

  // Furthest and closest.
  const measured = v.leaders.filter((l) => l.spearmanToOthers !== null);
  if (measured.length >= 2) {
    const sorted = [...measured].sort((a, b) => (a.spearmanToOthers as number) - (b.spearmanToOthers as number));
    const far = sorted[0] as LeaderView;
    const near = sorted[sorted.length - 1] as LeaderView;
    out.push(t('glance.furthest', { far: raw(who(far)), farRho: num(far.spearmanToOthers), near: raw(who(near)), nearRho: num(near.spearmanToOthers) }));
  }

  // Contested and unanimous; the methods. Brief: the stack section says both.
  const contested = v.contested.map((c) => c.priority);
  let s =
    contested.length === 0
      ? t('glance.contestedNone')
      : contested.length === 1
        ? t('glance.contestedOne', { priority: contested[0] as string })
        : t('glance.contestedMany', { n: word(contested.length, true), priorities: list(contested) });
  const unanimous = v.unanimous.map((c) => c.priority);
  if (unanimous.length > 0) {
    s += ` ${t('glance.unanimous', { priorities: list(unanimous), n: unanimous.length })}`;
  }
  if (!brief) out.push(s);

  // Methods agreement.
  const mv = v.methods;
  if (brief) {
    // said in the stack section
  } else if (mv.agree) {
    out.push(t('glance.methodsAgree', { three: mv.kemenyTop3 ? 'yes' : 'no', top: list(mv.bordaTop3) }));
  } else {
    out.push(t('glance.methodsDisagree', { sentence: raw(mv.sentence.replace(/\.$/, '')) }));
  }

  // Cascade.
  const cascade = cascadeView(result);
  const shown = cascade.filter((c): c is Extract<CascadeView, { suppressed: false }> => !c.suppressed && c.spearman !== null);
  const hidden = cascade.filter((c) => c.suppressed).length;
  const hiddenNote = hidden > 0 ? ` ${t('glance.hidden', { n: hidden, word: word(hidden, true), min: minGroupOf(result) })}` : '';
  if (shown.length > 0) {
    const sorted = [...shown].sort((a, b) => (b.spearman as number) - (a.spearman as number));
    const hi = sorted[0] as (typeof sorted)[number];
    const lo = sorted[sorted.length - 1] as (typeof sorted)[number];
    if (sorted.every((c) => (c.spearman as number) >= MIRROR_FROM)) {
      // one value when the rounded ends agree ("rho = 1.00", not "from 1.00 to 1.00")
      const one = sorted.length === 1 || fmtBeside(lo.spearman, READ_BY.rho) === fmtBeside(hi.spearman, READ_BY.rho);
      out.push(
        t('glance.mirror', {
          one: one ? 'yes' : 'no',
          hi: beside(hi.spearman, READ_BY.rho),
          lo: beside(lo.spearman, READ_BY.rho),
          departments: fewOf(sorted.map((c) => c.department)),
        }) + hiddenNote,
      );
    } else if (sorted.length === 1) {
      out.push(t('glance.cascadeOne', { department: hi.department, leader: hi.leader, rho: beside(hi.spearman, READ_BY.rho), n: String(hi.n) }) + hiddenNote);
    } else {
      out.push(
        t('glance.cascadeUneven', {
          hiDepartment: hi.department,
          hiLeader: hi.leader,
          hiRho: beside(hi.spearman, READ_BY.rho),
          loDepartment: lo.department,
          loLeader: lo.leader,
          loRho: beside(lo.spearman, READ_BY.rho),
          n: String(lo.n),
        }) + hiddenNote,
      );
    }
  } else if (hidden > 0) {
    out.push(t('glance.noneShown', { min: minGroupOf(result) }));
  }

  // Departments against the leaders' consensus.
  const depts = v.shownDepartments.filter((dd) => dd.spearmanToLeadership !== null);
  if (depts.length > 0 && out.length < 7 && !brief) {
    const sorted = [...depts].sort((a, b) => (a.spearmanToLeadership as number) - (b.spearmanToLeadership as number));
    const lo = sorted[0] as (typeof sorted)[number];
    out.push(
      depts.length === 1
        ? t('glance.deptOne', { department: lo.department, rho: num(lo.spearmanToLeadership), n: String(lo.n) })
        : t('glance.deptFurthest', { department: lo.department, rho: num(lo.spearmanToLeadership), n: String(lo.n) }),
    );
  }
  return out.slice(0, 7);
}
