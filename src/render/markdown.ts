/**
 * The Markdown report (and the JSON output) of an audit.
 *
 * Templates: `report.md.hbs` and the partials in `partials/*.md.hbs`, looked up
 * first in the `--template <dir>` folder (the same relative path wins: a
 * `<dir>/report.md.hbs` replaces the report, a `<dir>/partials/method.md.hbs`
 * replaces only the method section; extra partials there are available too),
 * else in the templates/ folder shipped with the package. Templates only show
 * what the report model holds (report-model.ts); numbers go through the helpers
 * below, which call format.ts, the one number formatter.
 *
 * Handlebars runs with `noEscape` (this is Markdown, not HTML): text from the
 * data goes through the `md` helper (inline text) or a table helper, which
 * escape Markdown's special characters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { AuditResult } from '../audit/types.js';
import { SHIPPED_TEMPLATES } from '../defaults.js';
import { UsageError } from '../errors.js';
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
import { displaySafe } from '../text.js';
import { reportModel, type TableModel } from './report-model.js';

export interface MarkdownOptions {
  /** A folder whose templates override the shipped ones, file by file. */
  templateDir?: string;
}

/**
 * The templates shipped with the package. From dist/render/markdown.js (and
 * from src/render/markdown.ts under the test runner) the package root is two
 * levels up.
 */
export { SHIPPED_TEMPLATES };

export const REPORT_TEMPLATE = 'report.md.hbs';
const PARTIAL_SUFFIX = '.md.hbs';

/**
 * Escape Markdown's specials in text taken from the data: 'a*b|c' -> 'a\*b\|c'.
 * First displaySafe (src/text.ts): line breaks become spaces, other control
 * characters `\xHH` (whose backslash is then escaped, so it reads as written),
 * bidirectional controls go; a lone CR can no longer start a heading or end a table row.
 */
export function mdEscape(text: unknown): string {
  if (text === null || text === undefined) return '';
  return (
    displaySafe(String(text))
      .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
      // '<' only where it could open an HTML tag or autolink ('p < 0.001' stays as written).
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // Line-start markers: a heading, a quote, a list item.
      .replace(/^(#|>|[-+](?=\s))/, '\\$1')
  );
}

/** A Markdown pipe table from a TableModel, every cell escaped. */
export function mdTable(t: TableModel): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => mdEscape(c).trim() || ' ').join(' | ')} |`;
  const sep = `|${t.align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`;
  return [row(t.header), sep, ...t.rows.map(row)].join('\n');
}

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

function registerHelpers(hb: typeof Handlebars): void {
  const h = (name: string, fn: (...a: unknown[]) => unknown) => hb.registerHelper(name, (...raw: HelperArgs) => fn(...args(raw)));
  // Text from the data.
  h('md', (x) => mdEscape(x));
  h('table', (t) => mdTable(t as TableModel));
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

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read template ${file}: ${(e as Error).message}`);
  }
}

function listPartials(dir: string): string[] {
  const p = join(dir, 'partials');
  if (!existsSync(p)) return [];
  return readdirSync(p)
    .filter((f) => f.endsWith(PARTIAL_SUFFIX))
    .sort();
}

/**
 * Resolve the templates: for each of report.md.hbs and partials/*.md.hbs, the
 * override folder's file when it has one, else the shipped one. Returns the
 * paths chosen, so a test (or `--verbose`) can say which file was used.
 */
export function resolveTemplates(templateDir?: string): { report: string; partials: Map<string, string> } {
  if (templateDir !== undefined) {
    if (!existsSync(templateDir) || !statSync(templateDir).isDirectory()) {
      throw new UsageError(
        `--template ${templateDir}: no such folder; give a folder holding ${REPORT_TEMPLATE} or partials/ (align templates eject <dir> writes one)`,
      );
    }
  }
  const dirs = templateDir !== undefined ? [templateDir, SHIPPED_TEMPLATES] : [SHIPPED_TEMPLATES];
  const pick = (rel: string): string | undefined => dirs.map((d) => join(d, rel)).find((f) => existsSync(f));
  const report = pick(REPORT_TEMPLATE);
  if (!report) throw new UsageError(`no ${REPORT_TEMPLATE} in ${dirs.join(' or ')}; reinstall align or give --template`);
  const partials = new Map<string, string>();
  for (const d of [...dirs].reverse()) {
    for (const f of listPartials(d)) partials.set(f.slice(0, -PARTIAL_SUFFIX.length), join(d, 'partials', f));
  }
  return { report, partials };
}

function isShipped(file: string): boolean {
  return file.startsWith(SHIPPED_TEMPLATES);
}

/** A broken user template is a usage error (exit 2); a broken shipped one is a bug and stays as thrown. */
function templateError(file: string, e: unknown): unknown {
  return isShipped(file) ? e : new UsageError(`template ${file}: ${(e as Error).message}`);
}

/** The Markdown report of an audit, ending in one newline. */
export function renderMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const { report, partials } = resolveTemplates(options.templateDir);
  for (const [name, file] of partials) hb.registerPartial(name, readTemplate(file));
  const template = hb.compile(readTemplate(report), { noEscape: true, strict: false });
  let text: string;
  try {
    // Handlebars compiles lazily: syntax errors in the report or a partial surface here.
    text = template(reportModel(result));
  } catch (e) {
    const user = options.templateDir !== undefined && [report, ...partials.values()].some((f) => !isShipped(f));
    throw user ? templateError(options.templateDir as string, e) : e;
  }
  // Templates may leave runs of blank lines where a section is empty: keep at most one.
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** The AuditResult as JSON: two-space indent, one trailing newline. */
export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
