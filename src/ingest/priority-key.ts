/**
 * Priority name matching (ARCHITECTURE.md, "Stacks"): two names are the same
 * priority when their keys are equal. The key is Unicode NFKC, case-folded,
 * punctuation (Unicode category P*) removed, every run of white space (the
 * non-breaking space too) collapsed to one space, trimmed.
 *   priorityKey(' Grow  Revenue. ') === 'grow revenue'
 *   priorityKey('Launch the e-bike line') === 'launch the ebike line'
 */
export function priorityKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{P}+/gu, '')
    .replace(/[\s\u00a0\u2007\u202f]+/gu, ' ')
    .trim();
}

/** The name shown for a spelling: trimmed, white space collapsed (never affects a number). */
export function displayName(spelling: string): string {
  return spelling.normalize('NFC').replace(/[\s\u00a0\u2007\u202f]+/gu, ' ').trim();
}
