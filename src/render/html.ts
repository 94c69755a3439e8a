/**
 * The HTML report of an audit: one self-contained file (inline CSS and SVG, a
 * logo as a data: URI; no scripts, no external fonts, images or links),
 * rendered from the same ReportModel as the Markdown report, so the two cannot
 * drift apart. `--format pdf` prints this HTML.
 *
 * Templates: `html/report.html.hbs` and `html/partials/*.html.hbs`, looked up
 * like the Markdown ones (template-files.ts): a file in the `--template <dir>`
 * folder replaces the shipped file of the same path.
 *
 * Escaping: Handlebars escapes every value (`{{x}}`); no template writes text
 * from the data unescaped. Before that, every string of the model goes through
 * displaySafe (src/text.ts), as Markdown's `md` helper does: line breaks become
 * spaces, control characters are shown as `\xHH`, bidirectional controls go.
 * The charts' SVG is the one value written as markup (charts.ts makes it from
 * numbers and escaped labels; the chart partial says so), and it alone is left
 * as it is.
 *
 * Deterministic: the same AuditResult and options give the same bytes (no
 * dates unless given, no random ids; element ids are fixed section and chart names).
 */

import Handlebars from 'handlebars';
import type { AuditResult } from '../audit/types.js';
import type { Markup } from '../i18n/index.js';
import { displaySafe } from '../text.js';
import type { Chart } from './charts.js';
import { registerFormatHelpers, registerTranslateHelpers } from './helpers.js';
import { type ReportMeta, reportModel } from './report-model.js';
import type { SinceModel } from './since-model.js';
import { HTML_TEMPLATES, renderTemplates } from './template-files.js';

export interface HtmlOptions {
  /** A folder whose templates override the shipped ones, file by file. */
  templateDir?: string;
  /** Client, facilitator, date and logo for the cover. */
  meta?: ReportMeta;
  /** "Since the last audit", when a baseline was given (--baseline). */
  since?: SinceModel;
}

/**
 * Every string in `value` through displaySafe, as a copy (arrays and plain
 * objects rebuilt with their own keys, so a key such as `__proto__` stays data);
 * with `keysToo`, the keys as well (a department with a control character keys
 * byDepartment: what the charts draw).
 */
export function safeStrings<T>(value: T, keysToo = false): T {
  if (typeof value === 'string') return displaySafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => safeStrings(v, keysToo)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [keysToo ? displaySafe(k) : k, safeStrings(v, keysToo)])) as T;
}

/** The charts by id, their text made safe and their SVG left as charts.ts wrote it. */
function chartsById(charts: readonly Chart[]): Record<string, Chart> {
  return Object.fromEntries(
    charts.map((c) => [c.id, { ...safeStrings({ ...c, svg: '', printSvg: '' }), svg: c.svg, ...(c.printSvg ? { printSvg: c.printSvg } : {}) }]),
  );
}

/** Catalogue messages in HTML: their words with &, < and > escaped, inserted text escaped as {{x}} does, <em> kept as <em>. */
const HTML_MARKUP: Markup = {
  param: (s) => Handlebars.escapeExpression(displaySafe(s)),
  literal: (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  tag: (name, inner) => `<${name}>${inner}</${name}>`,
};

/** The HTML report of an audit, ending in one newline. */
export async function renderHtml(result: AuditResult, options: HtmlOptions = {}): Promise<string> {
  // The charts only now: neither `align --help` nor the Markdown report loads them.
  const { chartsFor } = await import('./charts.js');
  // every label a chart draws is the input's text made safe, as the report's own text is
  const charts = chartsById(await chartsFor(safeStrings(result, true)));
  const model = { ...safeStrings(reportModel(result, options.meta, options.since)), charts };
  const hb = Handlebars.create();
  registerFormatHelpers(hb);
  registerTranslateHelpers(hb, HTML_MARKUP, (s) => new hb.SafeString(s));
  const html = renderTemplates(hb, HTML_TEMPLATES, options.templateDir, model, {});
  // Templates leave blank lines where a section or a condition is empty: drop them, and trailing spaces.
  return `${html
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()}\n`;
}
