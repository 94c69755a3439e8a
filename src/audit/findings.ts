/**
 * Findings and the questions for the room, generated from the stack result,
 * never hand-written per client (REPORT.md, "Tone"). Each finding hedges as
 * far as its statistics say (p above .05, a suppressed group) and no further.
 * Questions follow the facilitation order of DOMAIN.md: facts, then
 * interpretation, then decision.
 */
import { fmtCountWord, fmtList, fmtOrdinal, fmtPClause, fmtPercent, fmtRho } from '../format.js';
import { priorityKey } from '../ingest/priority-key.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { MIRROR_FROM, rate, W_GOOD_FROM, W_POOR_BELOW } from './bands.js';
import type { CascadeEntry, Finding, StackResult } from './types.js';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

// Findings carry numbers in their words, so they use the renderers' one formatter.
const two = (x: number) => fmtRho(x);
const ordinal = (n: number) => fmtOrdinal(n);
const listOf = (items: readonly string[]) => fmtList(items);

/** The permutation p leads when there is one (the chi-square approximation is poor for small teams). */
function pText(permutation: number | null, chiSquare: number | null): string {
  const p = permutation ?? chiSquare;
  if (p === null) return '';
  const clause = `${permutation !== null ? 'permutation ' : 'chi-square '}${fmtPClause(p)}`;
  return p > 0.05 ? `; ${clause}, so this could be chance-level agreement` : `; ${clause}`;
}

export function stackFindings(stack: StackResult, cascade: readonly CascadeEntry[]): Finding[] {
  const findings: Finding[] = [];
  const c = stack.concordance;
  const m = stack.raters.length;

  if (c.W !== null && c.band !== null) {
    const weak = c.W < W_POOR_BELOW;
    findings.push({
      severity: c.W < W_POOR_BELOW ? 'high' : c.W < W_GOOD_FROM ? 'medium' : 'info',
      kind: 'concordance',
      level: 'strategic',
      title: weak
        ? `The ${fmtCountWord(m)} leaders agree only weakly on what matters most`
        : c.W < W_GOOD_FROM
          ? `The ${fmtCountWord(m)} leaders agree moderately on what matters most`
          : `The ${fmtCountWord(m)} leaders largely agree on what matters most`,
      evidence: `Kendall's W = ${two(c.W)} ("${c.band}", ${c.bandSource})${pText(c.pPermutation, c.p)}.`,
      question: 'Before anyone speaks, each of you write it down: if only one priority could be funded this year, which would you protect?',
      layer: 'facts',
    });
  }

  // Distinct first priorities across the leaders' stacks.
  const firsts = new Map<string, string[]>();
  for (const r of stack.raters) {
    const best = Math.min(...Object.values(r.ranks));
    for (const [priority, rank] of Object.entries(r.ranks)) {
      if (rank === best) firsts.set(priority, [...(firsts.get(priority) ?? []), r.name]);
    }
  }
  if (m >= 2 && firsts.size > 1) {
    findings.push({
      severity: firsts.size >= Math.ceil(m / 2) ? 'high' : 'medium',
      kind: 'first-priorities',
      level: 'strategic',
      title: `${fmtCountWord(firsts.size, true)} different priorities sit at the top of ${fmtCountWord(m)} stacks`,
      evidence: [...firsts].map(([p, who]) => `${p}: ${listOf(who)}`).join('; ') + '.',
      question: `What would change in the next quarter if the whole team put ${stack.consensus[0]?.priority ?? 'one priority'} first?`,
      layer: 'interpretation',
    });
  }

  const rated = stack.raters.filter((r) => r.spearmanToOthers !== null);
  if (rated.length >= 3) {
    const sorted = [...rated].sort((a, b) => a.spearmanToOthers! - b.spearmanToOthers!);
    const far = sorted[0]!;
    const close = sorted[sorted.length - 1]!;
    const gap = far.largestGaps[0];
    findings.push({
      severity: far.spearmanToOthers! < 0 ? 'high' : rate('rho', far.spearmanToOthers!) === 'poor' ? 'medium' : 'low',
      kind: 'divergence',
      level: 'strategic',
      title: `${far.name} is furthest from the rest of the team; ${close.name} is closest`,
      evidence:
        `Spearman rho to the other leaders' consensus: ${far.name} ${two(far.spearmanToOthers!)}, ${close.name} ${two(close.spearmanToOthers!)}` +
        (gap ? `. ${far.name} ranks ${gap.priority} ${ordinal(gap.rank)}; the others put it ${ordinal(gap.othersPosition)}.` : '.'),
      question: gap
        ? `${far.name}, you rank ${gap.priority} ${ordinal(gap.rank)} where the others put it ${ordinal(gap.othersPosition)}: what do you see from your seat that the rest of the team does not?`
        : `${far.name}, what do you see from your seat that the rest of the team does not?`,
      layer: 'interpretation',
    });
  }

  const contested = stack.consensus.filter((e) => e.contested);
  if (contested.length > 0) {
    findings.push({
      severity: 'medium',
      kind: 'contested',
      level: 'strategic',
      title: `${contested.length === 1 ? 'One priority is' : `${fmtCountWord(contested.length, true)} priorities are`} contested: top three for some leaders, near the bottom for others`,
      evidence: contested.map((e) => `${e.priority} (top three for ${fmtPercent(e.top3Share)} of leaders)`).join('; ') + '.',
      question: `For ${listOf(contested.map((e) => e.priority))}: what would we stop doing if it moved up, who owns the call, and by when do we close it?`,
      layer: 'decision',
    });
  }

  const unanimous = stack.consensus.filter((e) => e.unanimous);
  // "every leader" needs at least two leaders to mean anything
  if (unanimous.length > 0 && m >= 2) {
    findings.push({
      severity: 'info',
      kind: 'unanimous',
      level: 'strategic',
      title: `Every leader puts ${listOf(unanimous.map((e) => e.priority))} in their top three`,
      evidence: 'Unanimous top-three placement.',
      question: `Does everyone below the leadership team know that ${listOf(unanimous.map((e) => e.priority))} comes first?`,
      layer: 'facts',
    });
  }

  if (!stack.methodsAgreeTop3) {
    const borda = stack.consensus.slice(0, 3).map((e) => e.priority);
    const cope = stack.copeland.slice(0, 3).map((e) => e.priority);
    findings.push({
      severity: 'low',
      kind: 'methods-disagree',
      level: 'strategic',
      title: 'The consensus top three depends on how the stacks are counted',
      evidence: `Borda: ${borda.join(', ')}; Copeland: ${cope.join(', ')}` + (stack.kemeny ? `; Kemeny: ${stack.kemeny.order.slice(0, 3).join(', ')}.` : '.'),
      question: 'Which of the priorities that change places near the top are we actually willing to fund fully?',
      layer: 'interpretation',
    });
  }

  const apart = stack.departments.filter(
    (d): d is Extract<typeof d, { n: number }> => !('suppressed' in d) && d.spearmanToLeadership !== null && rate('rho', d.spearmanToLeadership) === 'poor',
  );
  if (apart.length > 0) {
    findings.push({
      severity: 'high',
      kind: 'departments',
      level: 'communication',
      title: `${listOf(apart.map((d) => d.department))} ${apart.length === 1 ? 'ranks' : 'rank'} priorities differently from the leadership team`,
      evidence: apart.map((d) => `${d.department}: rho ${two(d.spearmanToLeadership!)} to the leaders' consensus (n = ${d.n})`).join('; ') + '.',
      question: `What have the people in ${listOf(apart.map((d) => d.department))} been told the priorities are, and by whom?`,
      layer: 'facts',
    });
  }

  const shownCascade = cascade.filter((e): e is Extract<CascadeEntry, { n: number }> => !('suppressed' in e) && e.spearman !== null);
  const mirrored = shownCascade.filter((e) => e.spearman! >= MIRROR_FROM);
  const unheard = shownCascade.filter((e) => rate('rho', e.spearman!) === 'poor');
  const weakTop = findings.some((f) => f.kind === 'concordance' && f.severity !== 'info');
  // two leaders of one department give two cascade entries but one department
  const mirroredDepartments = [...new Set(mirrored.map((e) => e.department ?? e.leader))];
  if (mirrored.length > 0 && unheard.length === 0 && weakTop) {
    findings.push({
      severity: 'high',
      kind: 'cascade',
      level: 'communication',
      title:
        mirroredDepartments.length === new Set(shownCascade.map((e) => e.department ?? e.leader)).size && mirroredDepartments.length > 1
          ? 'Each department shown ranks priorities much as its own leader does: the split at the top is carried into the organisation'
          : `${listOf(mirroredDepartments)} ${mirroredDepartments.length === 1 ? 'ranks' : 'rank'} priorities much as ${mirroredDepartments.length === 1 ? 'its' : 'their'} own leader does: the split at the top is carried into the organisation`,
      evidence: mirrored.map((e) => `${e.department}: rho ${two(e.spearman!)} between ${e.leader} and their team (n = ${e.n})`).join('; ') + '.',
      question: 'If your team were asked tomorrow what the company’s top priority is, which answer would they give, and is it the one we agreed?',
      layer: 'interpretation',
    });
  }
  for (const e of unheard) {
    const rater = stack.raters.find((r) => r.name === e.leader);
    const group = stack.departments.find((d): d is Extract<typeof d, { n: number }> => d.department === e.department && !('suppressed' in d));
    // the leader's first priority; a tie at the top is broken by the matching key, as every name tie-break is
    const leaderTop = rater
      ? Object.entries(rater.ranks).sort((a, b) => a[1] - b[1] || compareCodePoints(priorityKey(a[0]), priorityKey(b[0])))[0]?.[0]
      : undefined;
    const teamTop = group?.consensusOrder[0];
    const differ = leaderTop !== undefined && teamTop !== undefined && leaderTop !== teamTop;
    findings.push({
      severity: 'high',
      kind: 'cascade-gap',
      level: 'communication',
      title: `${e.department}'s people rank priorities differently from their own leader, ${e.leader}`,
      evidence:
        `Spearman rho ${two(e.spearman!)} between ${e.leader}'s stack and the department's consensus (n = ${e.n})` +
        (differ ? `; ${e.leader} puts ${leaderTop} first, the team puts ${teamTop} first.` : '.'),
      question: differ
        ? `${e.leader}, your team puts ${teamTop} first and you put ${leaderTop} first: what have they heard from you, and from whom else?`
        : `${e.leader}, what has your team heard about the priorities, and from whom?`,
      layer: 'facts',
    });
  }

  return sortFindings(findings);
}

/** The fixed order of kinds within a severity: the stack's, then the survey's (survey-findings.ts), then decisions. */
const KIND_ORDER = [
  'concordance',
  'first-priorities',
  'divergence',
  'contested',
  'unanimous',
  'methods-disagree',
  'departments',
  'cascade',
  'cascade-gap',
  'recall',
  'least-clear',
  'gap',
  'low-favourable',
  'low-agreement',
  'decision-contested',
  'decision-orphaned',
];
const LEVEL_ORDER: Record<Finding['level'], number> = { strategic: 0, communication: 1, decision: 2 };

/**
 * findings[] order (ARCHITECTURE.md): by severity, then the fixed order of
 * kinds, then level; within those, the order each kind lists its findings in
 * (stable), which the kind decides from its numbers, never from row order.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const kind = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || kind(a.kind) - kind(b.kind) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
}
