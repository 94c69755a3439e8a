/**
 * "Since the last audit" (issue 12): an AuditDiff (audit/diff.ts) as the
 * terminal (`align diff`) and the reports (`align audit --baseline`) show it.
 * One wording of a move, so the two cannot drift apart.
 */
import type { AuditDiff, Move, MoveKind } from '../audit/types.js';
import { fmtNA, fmtNumber, fmtP, fmtPercent } from '../format.js';
import { auditText, raw, t, worded } from '../i18n/index.js';

/** A level's status in the reader's words ('mixed'), or 'n/a'. */
function levelWord(x: number | string | null): string {
  if (x === null) return fmtNA();
  const s = String(x);
  return s === 'aligned' || s === 'mixed' || s === 'misaligned' ? t(`status.${s}`) : auditText(s);
}

/** A finding's severity in the reader's words ('high'). */
function severityWord(x: number | string | null): string {
  if (x === null) return fmtNA();
  const s = String(x);
  return s === 'high' || s === 'medium' || s === 'low' || s === 'info' ? t(`severity.${s}`) : auditText(s);
}

/** Each kind of move's heading (a catalogue key: `align diff` words it in English, a report in its language). */
export const MOVE_HEADINGS: Record<MoveKind, string> = {
  concordance: 'since.h.concordance',
  divergence: 'since.h.divergence',
  favourable: 'since.h.favourable',
  gap: 'since.h.gap',
  recall: 'since.h.recall',
  level: 'since.h.level',
  finding: 'since.h.finding',
};

function signed(x: number | null, fmt: (v: number) => string): string {
  if (x === null) return fmtNA();
  const s = fmt(Math.abs(x));
  return x > 0 ? `+${s}` : x < 0 ? `-${s}` : s;
}

function num(x: number | string | null): number | null {
  return typeof x === 'number' ? x : null;
}

function chance(m: Move): string {
  if (m.beyondChance === true) return `  ${t('since.beyond')}`;
  if (m.beyondChance === false) return `  ${t('since.within')}`;
  return '';
}

export function moveLine(m: Move, arrow = '->'): string {
  const b = num(m.before);
  const a = num(m.after);
  const subject = auditText(m.subject);
  switch (m.kind) {
    case 'concordance':
      return t('since.concordance', {
        subject,
        b: raw(fmtNumber(b)),
        bandBefore: raw(m.bandBefore ? auditText(m.bandBefore) : t('since.noBand')),
        arrow,
        a: raw(fmtNumber(a)),
        bandAfter: raw(m.bandAfter ? auditText(m.bandAfter) : t('since.noBand')),
        change: raw(signed(m.change, (v) => fmtNumber(v))),
        pb: raw(fmtP(m.pBefore)),
        pa: raw(fmtP(m.pAfter)),
      });
    case 'divergence':
      return t('since.divergence', { subject, b: raw(fmtNumber(b)), arrow, a: raw(fmtNumber(a)), change: raw(signed(m.change, (v) => fmtNumber(v))) });
    case 'favourable':
    case 'recall': {
      const params = {
        subject,
        group: m.group === null || m.group === undefined || m.group === 'overall' ? t('since.overall') : m.group,
        b: raw(fmtPercent(b)),
        arrow,
        a: raw(fmtPercent(a)),
        change: raw(signed(m.change === null ? null : m.change * 100, (v) => fmtNumber(v, 0))),
      };
      return `${m.kind === 'recall' ? t('since.recallShare', params) : t('since.share', params)}${chance(m)}`;
    }
    case 'gap':
      return t('since.gap', { subject, b: raw(fmtNumber(b, 0)), arrow, a: raw(fmtNumber(a, 0)), change: raw(signed(m.change, (v) => fmtNumber(v, 0))) });
    case 'level':
      return t('since.level', { subject, b: raw(levelWord(m.before)), arrow, a: raw(levelWord(m.after)) });
    case 'finding':
      if (m.status === 'new') return t('since.new', { after: raw(severityWord(m.after)), subject });
      if (m.status === 'resolved') return t('since.resolved', { before: raw(severityWord(m.before)), subject });
      return t('since.persist', { before: raw(severityWord(m.before)), arrow, after: raw(severityWord(m.after)), subject });
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

/**
 * What the report's "Since the last audit" section holds, in the report's
 * language: the comparison words its warnings, notes, levels and findings'
 * titles from the catalogue (audit/diff.ts), and each is worded again here.
 */
export function sinceModel(diff: AuditDiff, baseline: string): SinceModel {
  const groups: SinceModel['groups'] = [];
  for (const move of diff.moves) {
    const m = worded(move);
    const heading = t(MOVE_HEADINGS[m.kind]);
    let group = groups[groups.length - 1];
    if (!group || group.heading !== heading) {
      group = { heading, lines: [] };
      groups.push(group);
    }
    group.lines.push(m.note ? t('since.note', { line: raw(moveLine(m, '→')), note: m.note }) : moveLine(m, '→'));
  }
  return {
    baseline,
    warnings: diff.warnings.map((w) => worded(w).message),
    groups,
    nothingMoved: diff.moves.length === 0,
    chanceNote: diff.moves.some((m) => m.beyondChance !== null),
    persisting: diff.persisting.length,
  };
}
