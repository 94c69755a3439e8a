/**
 * "Since the last audit" (issue 12): an AuditDiff (audit/diff.ts) as the
 * terminal (`align diff`) and the reports (`align audit --baseline`) show it.
 * One wording of a move, so the two cannot drift apart.
 */
import { READ_BY } from '../audit/bands.js';
import type { AuditDiff, Move, MoveKind } from '../audit/types.js';
import { fmtGapMove, fmtMove, fmtNA, fmtP } from '../format.js';
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

function num(x: number | string | null): number | null {
  return typeof x === 'number' ? x : null;
}

/** The number a message's `{n, plural, …}` chooses its unit by ("+1 point"); n/a reads as the plural ("n/a points"). */
function plural(count: number | null): number {
  return count ?? Number.NaN;
}

function chance(m: Move): string {
  if (m.beyondChance === true) return `  ${t('since.beyond')}`;
  if (m.beyondChance === false) return `  ${t('since.within')}`;
  return '';
}

/**
 * One move as a line. Its change is the difference of the two figures as the line
 * prints them (fmtMove), so 'W 0.61 -> 0.63, +0.02' adds up; the AuditDiff keeps the
 * exact values, and whether a share moved beyond chance is decided on them.
 */
export function moveLine(m: Move, arrow = '->'): string {
  const subject = auditText(m.subject);
  switch (m.kind) {
    case 'concordance': {
      // each W beside its band: printed on the band's side of its boundaries (fmtBeside's rule)
      const w = fmtMove(num(m.before), num(m.after), 2, 'number', READ_BY.W);
      return t('since.concordance', {
        subject,
        b: raw(w.before),
        bandBefore: raw(m.bandBefore ? auditText(m.bandBefore) : t('since.noBand')),
        arrow,
        a: raw(w.after),
        bandAfter: raw(m.bandAfter ? auditText(m.bandAfter) : t('since.noBand')),
        change: raw(w.change),
        pb: raw(fmtP(m.pBefore)),
        pa: raw(fmtP(m.pAfter)),
      });
    }
    case 'divergence': {
      const d = fmtMove(num(m.before), num(m.after), 2);
      return t('since.divergence', { subject, b: raw(d.before), arrow, a: raw(d.after), change: raw(d.change) });
    }
    case 'favourable':
    case 'recall': {
      const share = fmtMove(num(m.before), num(m.after), 0, 'percent');
      const params = {
        subject,
        group: m.group === null || m.group === undefined || m.group === 'overall' ? t('since.overall') : m.group,
        b: raw(share.before),
        arrow,
        a: raw(share.after),
        change: raw(share.change),
        n: plural(share.count.change),
      };
      return `${m.kind === 'recall' ? t('since.recallShare', params) : t('since.share', params)}${chance(m)}`;
    }
    case 'gap': {
      // each gap as the survey's table prints it, the difference of its two shares as printed (fmtGap)
      const g =
        m.sharesBefore && m.sharesAfter && m.gapFlagPoints !== undefined
          ? fmtGapMove({ ...m.sharesBefore, gapPoints: num(m.before) }, { ...m.sharesAfter, gapPoints: num(m.after) }, m.gapFlagPoints)
          : fmtMove(num(m.before), num(m.after), 0);
      return t('since.gap', { subject, b: raw(g.before), arrow, a: raw(g.after), change: raw(g.change), n: plural(g.count.after) });
    }
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
