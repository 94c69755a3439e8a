/**
 * The rules the audit rates evidence and decisions by, as the report states
 * them (the scorecard's cut words and the method section). One object, so the
 * report can never state a cut the audit does not use once the audit exports
 * them: the merge replaces the placeholder below with the audit's own values.
 *
 * Shape: for each statistic with a cut, `goodFrom` (good at or above) and
 * `poorBelow` (poor below); values between the two read "in between". The
 * ownership rule: `contestedShare` (two or more owners each named by at least
 * this share) and `orphanedOver` (more than this share answer nobody / don't
 * know / not sure); orphaned is tested first. A level is misaligned when more
 * than `misalignedOver` of its rated evidence is poor.
 */
import { W_GOOD_FROM, W_POOR_BELOW } from '../audit/bands.js';

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

/** Placeholder values, as ARCHITECTURE.md's `levels[]` and `ownership[]` rows give them; W already comes from bands.ts. */
const PLACEHOLDER_RULES: LevelRules = {
  W: { goodFrom: W_GOOD_FROM, poorBelow: W_POOR_BELOW },
  favourable: { goodFrom: 0.6, poorBelow: 0.4 },
  rwg: { goodFrom: 0.7, poorBelow: 0.5 },
  spearman: { goodFrom: 0.6, poorBelow: 0.4 },
  recall: { goodFrom: 0.6, poorBelow: 0.4 },
  contestedShare: 0.25,
  orphanedOver: 0.5,
  misalignedOver: 0.5,
};

export const LEVEL_RULES: LevelRules = PLACEHOLDER_RULES; // TODO(levels): read from audit/bands.ts
