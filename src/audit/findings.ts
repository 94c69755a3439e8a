/**
 * Findings and the questions for the room, generated from the stack result,
 * never hand-written per client (REPORT.md, "Tone"). Each finding hedges as
 * far as its statistics say (p above .05, a suppressed group) and no further.
 * Questions follow the facilitation order of DOMAIN.md: facts, then
 * interpretation, then decision.
 */
import {
  beside,
  englishFields,
  fewJoined,
  fewOf,
  joined,
  list,
  type Message,
  msg,
  num,
  ordinal,
  type Param,
  type Params,
  pclause,
  pct,
  withWording,
  word,
} from '../i18n/index.js';
import { priorityKey } from '../ingest/priority-key.js';
import { pushTo } from '../records.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { MIRROR_FROM, READ_BY, rate, W_GOOD_FROM, W_POOR_BELOW } from './bands.js';
import type { CascadeEntry, Finding, StackResult } from './types.js';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** The permutation p leads when there is one (the chi-square approximation is poor for small teams). */
function pText(permutation: number | null, chiSquare: number | null): Param {
  const p = permutation ?? chiSquare;
  if (p === null) return '';
  const clause = msg(permutation !== null ? 'f.pPerm' : 'f.pChi', { p: pclause(p) });
  return msg(p > 0.05 ? 'f.pClauseChance' : 'f.pClause', { clause });
}

/** A finding's title, evidence and question from the catalogue: English in the JSON, the messages kept for a report in another language. */
export function wordedFinding(
  base: Pick<Finding, 'severity' | 'kind' | 'level'>,
  title: Message,
  evidence: Message,
  question: Message,
  layer: Finding['layer'],
): Finding {
  const words = englishFields({ title, evidence, question });
  // the JSON contract's order: severity, kind, level, title, evidence, question, layer
  return withWording({ ...base, title: words.title, evidence: words.evidence, question: words.question, layer }, { title, evidence, question });
}

export const m = (key: string, params?: Params): Message => (params ? { key, params } : { key });

export function stackFindings(stack: StackResult, cascade: readonly CascadeEntry[]): Finding[] {
  const findings: Finding[] = [];
  const c = stack.concordance;
  const n = stack.raters.length;

  if (c.W !== null && c.band !== null) {
    const weak = c.W < W_POOR_BELOW;
    findings.push(
      wordedFinding(
        { severity: c.W < W_POOR_BELOW ? 'high' : c.W < W_GOOD_FROM ? 'medium' : 'info', kind: 'concordance', level: 'strategic' },
        m(weak ? 'f.concordance.weak' : c.W < W_GOOD_FROM ? 'f.concordance.moderate' : 'f.concordance.strong', { n: word(n) }),
        m('f.concordance.evidence', {
          w: beside(c.W, READ_BY.W),
          band: msg(`audit:${c.band}`),
          source: msg(`audit:${c.bandSource}`),
          p: pText(c.pPermutation, c.p),
        }),
        m('f.concordance.question'),
        'facts',
      ),
    );
  }

  // Distinct first priorities across the leaders' stacks.
  const firsts = new Map<string, string[]>();
  for (const r of stack.raters) {
    const best = Math.min(...Object.values(r.ranks));
    for (const [priority, rank] of Object.entries(r.ranks)) {
      if (rank === best) pushTo(firsts, priority, r.name);
    }
  }
  if (n >= 2 && firsts.size > 1) {
    findings.push(
      wordedFinding(
        { severity: firsts.size >= Math.ceil(n / 2) ? 'high' : 'medium', kind: 'first-priorities', level: 'strategic' },
        m('f.firsts.title', { d: word(firsts.size, true), m: word(n) }),
        m('f.firsts.evidence', {
          items: joined(
            [...firsts].map(([p, who]) => msg('f.firsts.item', { priority: p, who: list(who) })),
            '; ',
          ),
        }),
        m('f.firsts.question', { priority: stack.consensus[0]?.priority ?? msg('f.onePriority') }),
        'interpretation',
      ),
    );
  }

  const rated = stack.raters.filter((r) => r.spearmanToOthers !== null);
  if (rated.length >= 3) {
    const sorted = [...rated].sort((a, b) => a.spearmanToOthers! - b.spearmanToOthers!);
    const far = sorted[0]!;
    const close = sorted[sorted.length - 1]!;
    const gap = far.largestGaps[0];
    const rhos = { far: far.name, farRho: num(far.spearmanToOthers!), close: close.name, closeRho: num(close.spearmanToOthers!) };
    findings.push(
      wordedFinding(
        {
          severity: far.spearmanToOthers! < 0 ? 'high' : rate('rho', far.spearmanToOthers!) === 'poor' ? 'medium' : 'low',
          kind: 'divergence',
          level: 'strategic',
        },
        m('f.divergence.title', { far: far.name, close: close.name }),
        gap
          ? m('f.divergence.evidenceGap', { ...rhos, priority: gap.priority, rank: ordinal(gap.rank), others: ordinal(gap.othersPosition) })
          : m('f.divergence.evidence', rhos),
        gap
          ? m('f.divergence.questionGap', { far: far.name, priority: gap.priority, rank: ordinal(gap.rank), others: ordinal(gap.othersPosition) })
          : m('f.divergence.question', { far: far.name }),
        'interpretation',
      ),
    );
  }

  const contested = stack.consensus.filter((e) => e.contested);
  if (contested.length > 0) {
    findings.push(
      wordedFinding(
        { severity: 'medium', kind: 'contested', level: 'strategic' },
        m('f.contested.title', { n: contested.length, word: word(contested.length, true) }),
        m('f.contested.evidence', {
          items: joined(
            contested.map((e) => msg('f.contested.item', { priority: e.priority, share: pct(e.top3Share) })),
            '; ',
          ),
        }),
        m('f.contested.question', { priorities: list(contested.map((e) => e.priority)) }),
        'decision',
      ),
    );
  }

  const unanimous = stack.consensus.filter((e) => e.unanimous);
  // "every leader" needs at least two leaders to mean anything
  if (unanimous.length > 0 && n >= 2) {
    const priorities = list(unanimous.map((e) => e.priority));
    findings.push(
      wordedFinding(
        { severity: 'info', kind: 'unanimous', level: 'strategic' },
        m('f.unanimous.title', { priorities }),
        m('f.unanimous.evidence'),
        m('f.unanimous.question', { priorities }),
        'facts',
      ),
    );
  }

  if (!stack.methodsAgreeTop3) {
    const names = (xs: readonly string[]) => joined(xs, ', ');
    findings.push(
      wordedFinding(
        { severity: 'low', kind: 'methods-disagree', level: 'strategic' },
        m('f.methods.title'),
        m('f.methods.evidence', {
          borda: names(stack.consensus.slice(0, 3).map((e) => e.priority)),
          copeland: names(stack.copeland.slice(0, 3).map((e) => e.priority)),
          hasKemeny: stack.kemeny ? 'yes' : 'no',
          kemeny: names(stack.kemeny ? stack.kemeny.order.slice(0, 3) : []),
        }),
        m('f.methods.question'),
        'interpretation',
      ),
    );
  }

  const apart = stack.departments.filter(
    (d): d is Extract<typeof d, { n: number }> => !('suppressed' in d) && d.spearmanToLeadership !== null && rate('rho', d.spearmanToLeadership) === 'poor',
  );
  if (apart.length > 0) {
    // a company's hundreds of departments: the first few named, then how many more (fewOf)
    const departments = fewOf(apart.map((d) => d.department));
    findings.push(
      wordedFinding(
        { severity: 'high', kind: 'departments', level: 'communication' },
        m('f.departments.title', { departments, n: apart.length }),
        m('f.departments.evidence', {
          items: fewJoined(
            apart.map((d) => msg('f.departments.item', { department: d.department, rho: beside(d.spearmanToLeadership!, READ_BY.rho), n: String(d.n) })),
            '; ',
          ),
        }),
        m('f.departments.question', { departments }),
        'facts',
      ),
    );
  }

  const shownCascade = cascade.filter((e): e is Extract<CascadeEntry, { n: number }> => !('suppressed' in e) && e.spearman !== null);
  const mirrored = shownCascade.filter((e) => e.spearman! >= MIRROR_FROM);
  const unheard = shownCascade.filter((e) => rate('rho', e.spearman!) === 'poor');
  const weakTop = findings.some((f) => f.kind === 'concordance' && f.severity !== 'info');
  // two leaders of one department give two cascade entries but one department
  const mirroredDepartments = [...new Set(mirrored.map((e) => e.department ?? e.leader))];
  if (mirrored.length > 0 && unheard.length === 0 && weakTop) {
    findings.push(
      wordedFinding(
        { severity: 'high', kind: 'cascade', level: 'communication' },
        mirroredDepartments.length === new Set(shownCascade.map((e) => e.department ?? e.leader)).size && mirroredDepartments.length > 1
          ? m('f.cascade.titleAll')
          : m('f.cascade.title', { departments: fewOf(mirroredDepartments), n: mirroredDepartments.length }),
        m('f.cascade.evidence', {
          items: fewJoined(
            mirrored.map((e) =>
              msg('f.cascade.item', { department: String(e.department), rho: beside(e.spearman!, READ_BY.rho), leader: e.leader, n: String(e.n) }),
            ),
            '; ',
          ),
        }),
        m('f.cascade.question'),
        'interpretation',
      ),
    );
  }
  // each leader's rater and each department's stack looked up by name, the first of each as find() would
  // (a file of thousands of leaders, everyone a leader, has as many cascade entries: a search each was quadratic)
  const raterNamed = new Map<string, (typeof stack.raters)[number]>();
  for (const r of stack.raters) if (!raterNamed.has(r.name)) raterNamed.set(r.name, r);
  type ShownDepartment = Extract<(typeof stack.departments)[number], { n: number }>;
  const departmentNamed = new Map<string, ShownDepartment>();
  for (const d of stack.departments) if (!('suppressed' in d) && !departmentNamed.has(d.department)) departmentNamed.set(d.department, d as ShownDepartment);
  for (const e of unheard) {
    const rater = raterNamed.get(e.leader);
    const group = e.department === null ? undefined : departmentNamed.get(e.department);
    // the leader's first priority; a tie at the top is broken by the matching key, as every name tie-break is
    const leaderTop = rater
      ? Object.entries(rater.ranks).sort((a, b) => a[1] - b[1] || compareCodePoints(priorityKey(a[0]), priorityKey(b[0])))[0]?.[0]
      : undefined;
    const teamTop = group?.consensusOrder[0];
    const differ = leaderTop !== undefined && teamTop !== undefined && leaderTop !== teamTop;
    const base = { leader: e.leader, rho: beside(e.spearman!, READ_BY.rho), n: String(e.n) };
    findings.push(
      wordedFinding(
        { severity: 'high', kind: 'cascade-gap', level: 'communication' },
        m('f.gap.title', { department: String(e.department), leader: e.leader }),
        differ ? m('f.gap.evidenceDiffer', { ...base, leaderTop: leaderTop as string, teamTop: teamTop as string }) : m('f.gap.evidence', base),
        differ
          ? m('f.gap.questionDiffer', { leader: e.leader, teamTop: teamTop as string, leaderTop: leaderTop as string })
          : m('f.gap.question', { leader: e.leader }),
        'facts',
      ),
    );
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
