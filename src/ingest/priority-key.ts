import { visibleText } from '../text.js';

/**
 * Priority name matching (ARCHITECTURE.md, "Stacks"): two names are the same
 * priority when their keys are equal. The key is Unicode NFKC, case-folded,
 * invisible characters out (visibleText: a zero-width space is a space, the
 * other default-ignorable code points are dropped), punctuation (Unicode
 * category P*) removed, every run of white space (the non-breaking space too)
 * collapsed to one space, trimmed.
 *   priorityKey(' Grow  Revenue. ') === 'grow revenue'
 *   priorityKey('Launch the e-bike line') === 'launch the ebike line'
 *   priorityKey('Cut\u200Bcosts') === 'cut costs'
 */
export function priorityKey(name: string): string {
  return visibleText(name.normalize('NFKC').toLowerCase())
    .replace(/\p{P}+/gu, '')
    .replace(/[\s\u00a0\u2007\u202f]+/gu, ' ')
    .trim();
}

/** The name shown for a spelling: invisible characters out (visibleText), trimmed, white space collapsed (never affects a number). */
export function displayName(spelling: string): string {
  return visibleText(spelling.normalize('NFC'))
    .replace(/[\s\u00a0\u2007\u202f]+/gu, ' ')
    .trim();
}
