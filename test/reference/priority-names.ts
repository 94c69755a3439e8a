/**
 * A reference implementation of the naming rule dataset.ts applies
 * (nameByMostUsed): each priority is shown by the spelling most respondents
 * used, ties going to the one seen first. The audit builders use it to name
 * priorities the way readDataset would.
 */
import { displayName, priorityKey } from '../../src/ingest/priority-key.js';

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
