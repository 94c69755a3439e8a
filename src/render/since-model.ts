/**
 * "Since the last audit" (issue 12): an AuditDiff (audit/diff.ts) as the
 * terminal (`align diff`) and the reports (`align audit --baseline`) show it.
 * One wording of a move, so the two cannot drift apart.
 */
import type { AuditDiff, Move, MoveKind } from '../audit/types.js';
import { fmtNumber, fmtP, fmtPercent } from '../format.js';

export const MOVE_HEADINGS: Record<MoveKind, string> = {
  concordance: "Leaders' agreement (Kendall's W)",
  divergence: "Each leader's divergence from the others",
  favourable: 'Favourable share',
  gap: 'Perception gaps (leaders minus others, points)',
  recall: 'Strategy recall',
  level: 'Levels of alignment',
  finding: 'Findings',
};

function signed(x: number | null, fmt: (v: number) => string): string {
  if (x === null) return 'n/a';
  const s = fmt(Math.abs(x));
  return x > 0 ? `+${s}` : x < 0 ? `-${s}` : s;
}

function num(x: number | string | null): number | null {
  return typeof x === 'number' ? x : null;
}

function chance(m: Move): string {
  if (m.beyondChance === true) return '  [beyond chance]';
  if (m.beyondChance === false) return '  [within chance]';
  return '';
}

export function moveLine(m: Move, arrow = '->'): string {
  const b = num(m.before);
  const a = num(m.after);
  switch (m.kind) {
    case 'concordance':
      return `${m.subject}: W ${fmtNumber(b)} (${m.bandBefore ?? 'no band'}) ${arrow} ${fmtNumber(a)} (${m.bandAfter ?? 'no band'}), ${signed(m.change, (v) => fmtNumber(v))}; permutation p ${fmtP(m.pBefore)} then ${fmtP(m.pAfter)}`;
    case 'divergence':
      return `${m.subject}: ${fmtNumber(b)} ${arrow} ${fmtNumber(a)}, ${signed(m.change, (v) => fmtNumber(v))}`;
    case 'favourable':
    case 'recall':
      return `${m.kind === 'recall' ? '' : `${m.subject}, `}${m.group ?? 'overall'}: ${fmtPercent(b)} ${arrow} ${fmtPercent(a)}, ${signed(
        m.change === null ? null : m.change * 100,
        (v) => fmtNumber(v, 0),
      )} points${chance(m)}`;
    case 'gap':
      return `${m.subject}: ${fmtNumber(b, 0)} ${arrow} ${fmtNumber(a, 0)} points, ${signed(m.change, (v) => fmtNumber(v, 0))}`;
    case 'level':
      return `${m.subject}: ${m.before ?? 'n/a'} ${arrow} ${m.after ?? 'n/a'}`;
    case 'finding':
      if (m.status === 'new') return `new (${m.after}): ${m.subject}`;
      if (m.status === 'resolved') return `resolved (was ${m.before}): ${m.subject}`;
      return `persisting, ${m.before} ${arrow} ${m.after}: ${m.subject}`;
  }
}

export interface SinceModel {
  /** The baseline file as given. */
  baseline: string;
  warnings: string[];
  groups: Array<{ heading: string; lines: string[] }>;
  nothingMoved: boolean;
  /** The chance rule is stated when some move was tested against it. */
  chanceNote: boolean;
  persisting: number;
}

/** What the report's "Since the last audit" section holds. */
export function sinceModel(diff: AuditDiff, baseline: string): SinceModel {
  const groups: SinceModel['groups'] = [];
  for (const m of diff.moves) {
    const heading = MOVE_HEADINGS[m.kind];
    let group = groups[groups.length - 1];
    if (!group || group.heading !== heading) {
      group = { heading, lines: [] };
      groups.push(group);
    }
    group.lines.push(m.note ? `${moveLine(m, '→')} (${m.note})` : moveLine(m, '→'));
  }
  return {
    baseline,
    warnings: diff.warnings.map((w) => w.message),
    groups,
    nothingMoved: diff.moves.length === 0,
    chanceNote: diff.moves.some((m) => m.beyondChance !== null),
    persisting: diff.persisting.length,
  };
}
