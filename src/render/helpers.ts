/**
 * The Handlebars helpers both reports share (Markdown and HTML): numbers through
 * format.ts, the one number formatter, and a little logic for layout. They
 * return plain text; the HTML report's Handlebars escapes it like any value.
 */
import type Handlebars from 'handlebars';
import { READ_BY } from '../audit/bands.js';
import {
  fmtBeside,
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
import { auditText, currentLanguage, format, type Markup, type Params, PSEUDO, raw as rawText, separator } from '../i18n/index.js';

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
  // A reason the audit wrote in English reads in the report's language where the catalogue has it (auditText).
  h('rho', (x, reason) => fmtStat(num(x), str(reason), fmtRho));
  h('p', (x, reason) => (num(x) === null ? fmtNA(str(reason)) : fmtP(num(x))));
  h('pClause', (x, reason) => fmtPClause(num(x), auditText(str(reason))));
  h('pct', (x) => fmtPercent(num(x)));
  h('stat', (x, reason) => fmtStat(num(x), str(reason)));
  // `(beside concordance.W "W" concordance.WReason)`: a statistic beside its band or verdict, never printed on the
  // other side of a cut than it is (fmtBeside; the cuts by statistic: W, rho, rwg, share, bands.ts READ_BY)
  h('beside', (x, statistic, reason) => {
    const cuts = (READ_BY as Record<string, readonly number[] | undefined>)[str(statistic) ?? ''] ?? [];
    return fmtStat(num(x), str(reason), (v) => fmtBeside(v, cuts));
  });
  h('na', (reason) => fmtNA(str(reason)));
  h('audit', (x) => auditText(str(x)));
  h('str', (x) => (x === null || x === undefined ? '' : String(x)));
  h('yes', (x) => (x && !(Array.isArray(x) && x.length === 0) ? 'yes' : 'no'));
  h('rank', (x) => fmtRank(num(x)));
  h('ordinal', (x) => fmtOrdinal(num(x)));
  h('suppressed', (minGroup) => fmtSuppressed(num(minGroup)));
  // Small logic for layout only.
  h('inc', (x) => (typeof x === 'number' ? x + 1 : x));
  h('eq', (a, b) => a === b);
  // A table's cells, each with its alignment (data-table.html.hbs): reading t.align through `../`
  // inside the rows' loop makes Handlebars compare each cell with its row, joining the whole row
  // every time, which grows with the square of the columns (6,000 departments: 47 s).
  const cellsOf = (values: unknown, align: unknown): Array<{ value: unknown; num: boolean }> =>
    Array.isArray(values) ? values.map((value, i) => ({ value, num: Array.isArray(align) && align[i] === 'r' })) : [];
  h('headerCells', (t) => cellsOf((t as { header?: unknown } | null)?.header, (t as { align?: unknown } | null)?.align));
  h('rowCells', (t) => {
    const table = t as { rows?: unknown; align?: unknown } | null;
    return Array.isArray(table?.rows) ? table.rows.map((row) => cellsOf(row, table.align)) : [];
  });
  h('gt', (a, b) => typeof a === 'number' && typeof b === 'number' && a > b);
  h('isNumber', (x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * `{{t "term.leaders" n=count}}`: a sentence from the message catalogue
 * (src/i18n) in the report's language, never a literal in the template. Hash
 * values are the message's parameters: numbers select plurals and print in
 * the reader's digits; strings are text (from the data, or formatted by
 * another helper) and are escaped for the format by `markup`. The message's
 * own <em>, <strong> and <code> become the format's emphasis. Coaches' own
 * templates may keep their literals, or use {{t}} with the shipped keys.
 * `{{language}}`: the report's language code, for `<html lang>`.
 */
export function registerTranslateHelpers(hb: typeof Handlebars, markup: Markup, safe: (s: string) => unknown = (s) => s): void {
  hb.registerHelper('t', (...raw: HelperArgs) => {
    const options = raw[raw.length - 1] as { hash?: Record<string, unknown> };
    const [key] = args(raw);
    const params: Params = {};
    for (const [name, value] of Object.entries(options.hash ?? {})) {
      // another helper's marked-up output (strongList) goes in as it is
      if (value instanceof hb.SafeString) params[name] = rawText(value.toString());
      else if (typeof value === 'number' || typeof value === 'string') params[name] = value;
      else if (value !== null && value !== undefined) params[name] = String(value);
    }
    return safe(format(String(key), params, markup));
  });
  // `{{t "stack.unanimous" priorities=(strongList unanimous "priority")}}`: the items' names, each in bold, comma-separated.
  hb.registerHelper('strongList', (items: unknown, field: unknown) => {
    const names = (Array.isArray(items) ? items : []).map((x) => String(typeof field === 'string' ? (x as Record<string, unknown>)[field] : x));
    return new hb.SafeString(names.map((n) => markup.tag('strong', markup.param(n))).join(', '));
  });
  // `{{t "org.recall.intro" official=(joinList recall.official "; ")}}`: text items, each escaped, joined by `sep`.
  hb.registerHelper(
    'joinList',
    (items: unknown, sep: unknown) =>
      new hb.SafeString((Array.isArray(items) ? items : []).map((x) => markup.param(String(x))).join(separator(typeof sep === 'string' ? sep : ', '))),
  );
  // `{{sep "; "}}`: a separator of punctuation between items a template lists itself, spaced as the reader's language does.
  hb.registerHelper('sep', (sep: unknown) => new hb.SafeString(markup.literal(separator(typeof sep === 'string' ? sep : ', '))));
  hb.registerHelper('language', () => {
    const lang = currentLanguage();
    return lang === PSEUDO ? 'en' : lang;
  });
}
