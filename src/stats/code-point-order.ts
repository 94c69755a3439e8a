/**
 * Code-point order of strings: the final, deterministic tie-break "by name".
 *
 * What it is for: Borda and Kemeny break their last ties by the priorities'
 * matching keys in Unicode code-point order, as Python's sorted() does, so the
 * result does not depend on the locale or on input order.
 * Reference: Unicode Standard §2.5 (code points vs UTF-16 code units),
 * https://www.unicode.org/versions/latest/ ; JavaScript's `<` compares UTF-16 code
 * units, which disagrees with code-point order when one string has a character
 * above U+FFFF where the other has one in U+E000..U+FFFF.
 * Ties: equal strings compare 0.
 * Undefined case: none.
 * Example: compareCodePoints('\u{1F600}', '\uFF01') -> 1 (U+1F600 > U+FF01), although '\u{1F600}' < '\uFF01' in JS.
 */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const da = (ca.value as string).codePointAt(0) as number;
    const db = (cb.value as string).codePointAt(0) as number;
    if (da !== db) return da < db ? -1 : 1;
  }
}
