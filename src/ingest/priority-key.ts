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
  return visibleText(spelling.normalize('NFC')).replace(/[\s\u00a0\u2007\u202f]+/gu, ' ').trim();
}

/**
 * Collects the spellings used for each priority and names each by the
 * spelling most respondents used (ties: the one seen first).
 */
export class PriorityNames {
  private readonly spellings = new Map<string, Map<string, number>>();
  private readonly order: string[] = [];

  /** Records one use of `spelling` and returns its key. */
  add(spelling: string): string {
    const key = priorityKey(spelling);
    let counts = this.spellings.get(key);
    if (!counts) {
      counts = new Map();
      this.spellings.set(key, counts);
      this.order.push(key);
    }
    const shown = displayName(spelling);
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
    return key;
  }

  has(key: string): boolean {
    return this.spellings.has(key);
  }

  /** Priorities in first-seen order, each with its most used spelling. */
  list(): Array<{ key: string; name: string }> {
    return this.order.map((key) => {
      let best = '';
      let bestCount = -1;
      for (const [spelling, count] of this.spellings.get(key)!) {
        if (count > bestCount) {
          best = spelling;
          bestCount = count;
        }
      }
      return { key, name: best };
    });
  }
}
