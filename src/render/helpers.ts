/**
 * The Handlebars helpers both reports share (Markdown and HTML): numbers through
 * format.ts, the one number formatter, and a little logic for layout. They
 * return plain text; the HTML report's Handlebars escapes it like any value.
 */
import type Handlebars from 'handlebars';
import {
  fmtCount,
  fmtDecimal,
  fmtInteger,
  fmtNA,
  fmtNumber,
  fmtOrdinal,
  fmtP,
  fmtPClause,
  fmtPercent,
  fmtRank,
  fmtRho,
  fmtStat,
  fmtSuppressed,
  type Maybe,
} from '../format.js';

type HelperArgs = unknown[];

/** Handlebars passes its options object last; drop it so optional arguments read as undefined. */
function args(raw: HelperArgs): unknown[] {
  const last = raw[raw.length - 1];
  const isOptions = typeof last === 'object' && last !== null && 'hash' in last && 'data' in last;
  return isOptions ? raw.slice(0, -1) : raw;
}

function num(x: unknown): Maybe {
  return typeof x === 'number' ? x : null;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function registerFormatHelpers(hb: typeof Handlebars): void {
  const h = (name: string, fn: (...a: unknown[]) => unknown) => hb.registerHelper(name, (...raw: HelperArgs) => fn(...args(raw)));
  // Numbers: all through format.ts. `reason` is the sibling …Reason string.
  h('num', (x, decimals) => fmtNumber(num(x), typeof decimals === 'number' ? decimals : 2));
  h('int', (x) => fmtInteger(num(x)));
  h('decimal', (x) => fmtDecimal(num(x)));
  h('count', (x, singular, plural) => {
    const n = num(x);
    const one = str(singular) ?? '';
    return n === null || n === undefined ? fmtNA() : fmtCount(n, one, str(plural) ?? `${one}s`);
  });
  h('rho', (x, reason) => fmtStat(num(x), str(reason), fmtRho));
  h('p', (x, reason) => (num(x) === null ? fmtNA(str(reason)) : fmtP(num(x))));
  h('pClause', (x, reason) => fmtPClause(num(x), str(reason)));
  h('pct', (x) => fmtPercent(num(x)));
  h('stat', (x, reason) => fmtStat(num(x), str(reason)));
  h('na', (reason) => fmtNA(str(reason)));
  h('rank', (x) => fmtRank(num(x)));
  h('ordinal', (x) => fmtOrdinal(num(x)));
  h('suppressed', (minGroup) => fmtSuppressed(num(minGroup)));
  // Small logic for layout only.
  h('inc', (x) => (typeof x === 'number' ? x + 1 : x));
  h('eq', (a, b) => a === b);
  h('gt', (a, b) => typeof a === 'number' && typeof b === 'number' && a > b);
  h('isNumber', (x) => typeof x === 'number' && Number.isFinite(x));
}
