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
