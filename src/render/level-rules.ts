/**
 * The rules the audit rates evidence and decisions by, as the report states
 * them (the scorecard's cut words and the method section). One object, so the
 * report can never state a cut the audit does not use: they are the audit's
 * own (audit/bands.ts).
 *
 * Shape: for each statistic with a cut, `goodFrom` (good at or above) and
 * `poorBelow` (poor below); values between the two read "in between". The
 * ownership rule: `contestedShare` (two or more owners each named by at least
 * this share) and `orphanedOver` (more than this share answer nobody / don't
 * know / not sure); orphaned is tested first. A level is misaligned when more
 * than `misalignedOver` of its rated evidence is poor.
 */
import { CUTS, DEFAULT_CONTESTED_SHARE, MISALIGNED_ABOVE, ORPHANED_ABOVE } from '../audit/bands.js';

export interface Cut {
  goodFrom: number;
  poorBelow: number;
}

export interface LevelRules {
  /** Kendall's W among the leaders. */
  W: Cut;
  /** A favourable share (0..1). */
  favourable: Cut;
  /** r_wg (an item) or r_wg(j) (a dimension). */
  rwg: Cut;
  /** Spearman rho: a department's stack against the leaders', a cascade. */
  spearman: Cut;
  /** A strategy recall share (0..1). */
  recall: Cut;
  /** Contested: two or more owners each named by at least this share of a decision's answers. */
  contestedShare: number;
  /** Orphaned: more than this share answer nobody, don't know or not sure. */
  orphanedOver: number;
  /** A level is misaligned when more than this share of its rated evidence is poor (aligned when none is). */
  misalignedOver: number;
}

const cut = (c: { good: number; poor: number }): Cut => ({ goodFrom: c.good, poorBelow: c.poor });

/** The audit's own cuts and rules (audit/bands.ts); the contested share is the default, a result states the one it used. */
export const LEVEL_RULES: LevelRules = {
  W: cut(CUTS.W),
  favourable: cut(CUTS.share),
  rwg: cut(CUTS.rwg),
  spearman: cut(CUTS.rho),
  recall: cut(CUTS.share),
  contestedShare: DEFAULT_CONTESTED_SHARE,
  orphanedOver: ORPHANED_ABOVE,
  misalignedOver: MISALIGNED_ABOVE,
};
