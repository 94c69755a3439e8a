/**
 * Interpretation band for Kendall's W. Published bands disagree (DOMAIN.md), so
 * the band always travels with its source. Landis & Koch (1977) as R's
 * effectsize::interpret_kendalls_w applies it:
 * https://easystats.github.io/effectsize/reference/interpret_kendalls_w.html
 */
export const W_BAND_SOURCE = 'Landis and Koch (1977), as R effectsize::interpret_kendalls_w uses it';

export const W_BANDS: ReadonlyArray<{ below: number; band: string }> = [
  { below: 0.2, band: 'slight' },
  { below: 0.4, band: 'fair' },
  { below: 0.6, band: 'moderate' },
  { below: 0.8, band: 'substantial' },
  { below: Infinity, band: 'almost perfect' },
];

export function wBand(w: number): string {
  return W_BANDS.find((b) => w < b.below)!.band;
}

/** Where a band ends: bandTop('fair') === 0.4. */
function bandTop(band: string): number {
  return W_BANDS.find((b) => b.band === band)!.below;
}

/** The one cut table findings and the levels read W by: poor below the top of "fair", good from the top of "moderate". */
export const W_POOR_BELOW = bandTop('fair');
export const W_GOOD_FROM = bandTop('moderate');

/**
 * The one cut table (ARCHITECTURE.md, `levels[]`): how a piece of evidence
 * reads. Good at or above `good`, poor below `poor`, between otherwise.
 * - W: the top of Landis and Koch's "moderate" and "fair" bands (above).
 * - a share (favourable, strategy recall): .60 / .40, the contract's cut for a
 *   favourable share; recall is a share of people too, read the same way.
 * - r_wg: .70 is the conventional "the group agrees" (LeBreton and Senter
 *   2008); below .50 is weak agreement on their scale.
 * - Spearman rho (a department's stack against the leaders', a cascade):
 *   the same .60 / .40 as W, whose average pairwise rho it tracks
 *   (W = ((m-1) r + 1) / m).
 */
export const CUTS = {
  W: { good: W_GOOD_FROM, poor: W_POOR_BELOW },
  share: { good: 0.6, poor: 0.4 },
  rwg: { good: 0.7, poor: 0.5 },
  rho: { good: 0.6, poor: 0.4 },
} as const;

export type CutName = keyof typeof CUTS;

/** How a value reads against the cut table. */
export function rate(cut: CutName, value: number): 'good' | 'poor' | 'between' {
  const c = CUTS[cut];
  return value >= c.good ? 'good' : value < c.poor ? 'poor' : 'between';
}

/** A department ranks priorities much as its own leader does from this rho (the cascade finding's "mirrors"). */
export const MIRROR_FROM = 0.8;

/**
 * Every cut a statistic is read by, for printing it beside its band or a verdict (format.ts,
 * fmtBeside): where rounding would put a value on the other side of one of these than it is, it
 * prints with more decimals (W 0.598 beside "moderate" reads 0.598, not 0.60).
 * - W: the boundaries of Landis and Koch's bands (those of the cut table among them).
 * - rho (a department's stack, a cascade): the cut table's, and where a department "mirrors" its leader.
 * - r_wg, a share (favourable, strategy recall): the cut table's.
 */
export const READ_BY: Readonly<Record<'W' | 'rho' | 'rwg' | 'share', readonly number[]>> = {
  W: W_BANDS.filter((b) => Number.isFinite(b.below)).map((b) => b.below),
  rho: [CUTS.rho.poor, CUTS.rho.good, MIRROR_FROM],
  rwg: [CUTS.rwg.poor, CUTS.rwg.good],
  share: [CUTS.share.poor, CUTS.share.good],
};

/** Decision ownership: contested when two or more owners are each named by at least this share (configurable in align.yml). */
export const DEFAULT_CONTESTED_SHARE = 0.25;
/** Decision ownership: orphaned when more than this share answer nobody / don't know / not sure. */
export const ORPHANED_ABOVE = 0.5;

/** A level is misaligned when more than this share of its rated evidence is poor (aligned when none is, mixed between). */
export const MISALIGNED_ABOVE = 0.5;
