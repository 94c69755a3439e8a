/**
 * The three levels of alignment as a scorecard (ARCHITECTURE.md, `levels[]`;
 * DOMAIN.md): for each level, the evidence the audit holds and a status from
 * the one cut table in bands.ts.
 * - strategic: do the leaders share what matters? The leaders' W; the
 *   strategic items of the question bank (clarity of the top priorities,
 *   belief in the strategy, resources to deliver): favourable share and r_wg
 *   of everyone; strategy recall of everyone.
 * - communication: do their people hear one message? Each department's stack
 *   against the leaders' consensus; each leader's cascade; the one-voice and
 *   change-communication items (favourable, r_wg); the spread between
 *   departments on them (ICC(1): listed, the table has no cut for it).
 * - decision: do decisions have owners and stay made? Each decision's
 *   ownership verdict; the decision-rights, decisions-stick and data items.
 * A level is aligned when none of its rated evidence is poor, misaligned when
 * more than half is, mixed otherwise; with nothing rated its status is null
 * and `statusReason` says what the input lacks.
 */
import { MISALIGNED_ABOVE, rate } from './bands.js';
import {
  ALIGNMENT_LEVELS,
  type AlignmentLevel,
  type CascadeEntry,
  type LevelEntry,
  type LevelEvidence,
  type OwnershipEntry,
  type RecallResult,
  type StackResult,
  type SurveyResult,
} from './types.js';

export interface LevelInputs {
  stack: StackResult | null;
  cascade: readonly CascadeEntry[];
  survey: SurveyResult | null;
  ownership: readonly OwnershipEntry[];
  recall: RecallResult | null;
}

/** What each level would read, for the reason given when the input has none of it. */
const WANTS: Record<AlignmentLevel, string> = {
  strategic:
    "no leaders' stacks to compare, no strategy recall, and no item read as strategic (the question bank's clarity, belief and resources items, or one align.yml levels.strategic names)",
  communication:
    "no departments' stacks, no cascade, and no item read as communication (the question bank's one-voice and change-communication items, or one align.yml levels.communication names)",
  decision:
    "no ownership questions and no item read as decision (the question bank's decision-ownership, decisions-stick and data items, or one align.yml levels.decision names)",
};

function itemEvidence(survey: SurveyResult | null, level: AlignmentLevel): LevelEvidence[] {
  const out: LevelEvidence[] = [];
  for (const item of survey?.items ?? []) {
    if (item.level !== level || 'suppressed' in item.overall) continue;
    const o = item.overall;
    if (o.favourable !== null)
      out.push({ kind: 'favourable', subject: item.text, statistic: 'favourable', value: o.favourable, rating: rate('share', o.favourable) });
    if (o.rwg !== null) out.push({ kind: 'agreement', subject: item.text, statistic: 'rwg', value: o.rwg, rating: rate('rwg', o.rwg) });
    if (level === 'communication' && item.icc1 !== null) {
      out.push({ kind: 'spread', subject: item.text, statistic: 'icc1', value: item.icc1, rating: null });
    }
  }
  return out;
}

export function evidenceFor(level: AlignmentLevel, inputs: LevelInputs): LevelEvidence[] {
  const { stack, cascade, survey, ownership, recall } = inputs;
  const out: LevelEvidence[] = [];
  if (level === 'strategic') {
    const W = stack?.concordance.W ?? null;
    if (stack && W !== null) out.push({ kind: 'concordance', subject: "The leaders' stacks", statistic: 'W', value: W, rating: rate('W', W) });
    out.push(...itemEvidence(survey, level));
    if (recall && !('suppressed' in recall.overall) && recall.overall.share !== null) {
      out.push({ kind: 'recall', subject: 'Everyone', statistic: 'share', value: recall.overall.share, rating: rate('share', recall.overall.share) });
    }
  } else if (level === 'communication') {
    for (const d of stack?.departments ?? []) {
      if ('suppressed' in d || d.spearmanToLeadership === null) continue;
      out.push({
        kind: 'department-stack',
        subject: d.department,
        statistic: 'spearman',
        value: d.spearmanToLeadership,
        rating: rate('rho', d.spearmanToLeadership),
      });
    }
    for (const c of cascade) {
      if ('suppressed' in c || c.spearman === null) continue;
      out.push({
        kind: 'cascade',
        subject: `${c.leader} (${c.department ?? 'no department'})`,
        statistic: 'spearman',
        value: c.spearman,
        rating: rate('rho', c.spearman),
      });
    }
    out.push(...itemEvidence(survey, level));
  } else {
    for (const o of ownership) {
      if (o.verdict === null) continue;
      // the number behind the verdict: for an orphaned decision the share answering nobody, else the owner named most
      // (or, when every owner named is pooled as other answers, that share)
      const [statistic, value] =
        o.verdict === 'orphaned' ? ['unsure', o.unsure ?? 0] : o.owners[0] ? ['leadingOwnerShare', o.owners[0].share] : ['otherShare', o.other ?? 0];
      out.push({ kind: 'ownership', subject: o.decision, statistic, value, verdict: o.verdict, rating: o.verdict === 'clear' ? 'good' : 'poor' });
    }
    out.push(...itemEvidence(survey, level));
  }
  return out;
}

/** The status a level's evidence gives, by the rule above. */
export function levelStatus(evidence: readonly LevelEvidence[]): Pick<LevelEntry, 'status' | 'statusReason'> {
  const rated = evidence.filter((e) => e.rating !== null);
  if (rated.length === 0) return { status: null, statusReason: 'nothing the cut table rates' };
  const poor = rated.filter((e) => e.rating === 'poor').length;
  return { status: poor === 0 ? 'aligned' : poor > rated.length * MISALIGNED_ABOVE ? 'misaligned' : 'mixed' };
}

export function buildLevels(inputs: LevelInputs): LevelEntry[] {
  return ALIGNMENT_LEVELS.map((level) => {
    const evidence = evidenceFor(level, inputs);
    if (evidence.length === 0) return { level, status: null, statusReason: `the input has ${WANTS[level]}`, evidence };
    return { level, ...levelStatus(evidence), evidence };
  });
}
