/**
 * The Markdown report (and the JSON output) of an audit.
 *
 * Templates: `report.md.hbs` and the partials in `partials/*.md.hbs`, looked up
 * first in the `--template <dir>` folder (the same relative path wins: a
 * `<dir>/report.md.hbs` replaces the report, a `<dir>/partials/method.md.hbs`
 * replaces only the method section; extra partials there are available too),
 * else in the templates/ folder shipped with the package (template-files.ts).
 * Templates only show what the report model holds (report-model.ts); numbers go
 * through the helpers of helpers.ts, which call format.ts, the one number formatter.
 *
 * Handlebars runs with `noEscape` (this is Markdown, not HTML): text from the
 * data goes through the `md` helper (inline text) or a table helper, which
 * escape Markdown's special characters.
 */

import Handlebars from 'handlebars';
import type { AuditResult } from '../audit/types.js';
import { SHIPPED_TEMPLATES } from '../defaults.js';
import type { Markup } from '../i18n/index.js';
import { displaySafe } from '../text.js';
import { registerFormatHelpers, registerTranslateHelpers } from './helpers.js';
import { type ReportMeta, reportModel, type TableModel } from './report-model.js';
import type { SinceModel } from './since-model.js';
import { MARKDOWN_TEMPLATES, renderTemplates, resolveTemplates as resolveTemplateFiles } from './template-files.js';

export interface MarkdownOptions {
  /** A folder whose templates override the shipped ones, file by file. */
  templateDir?: string;
  /** Client, facilitator and date for the cover (the logo is for HTML only). */
  meta?: ReportMeta;
  /** "Since the last audit", when a baseline was given (--baseline). */
  since?: SinceModel;
}

/**
 * The templates shipped with the package. From dist/render/markdown.js (and
 * from src/render/markdown.ts under the test runner) the package root is two
 * levels up.
 */
export { SHIPPED_TEMPLATES };

export const REPORT_TEMPLATE = MARKDOWN_TEMPLATES.report;

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

function registerHelpers(hb: typeof Handlebars): void {
  // Text from the data.
  hb.registerHelper('md', (x: unknown) => mdEscape(x));
  hb.registerHelper('table', (t: unknown) => mdTable(t as TableModel));
  registerFormatHelpers(hb);
  registerTranslateHelpers(hb, MARKDOWN_MARKUP);
}

const MD_TAGS: Record<string, string> = { em: '*', strong: '**', code: '`', cite: '*' };

/** Catalogue messages in Markdown: their words as written, inserted text escaped, <em> as *…*. */
const MARKDOWN_MARKUP: Markup = {
  param: (s) => mdEscape(s),
  literal: (s) => s,
  tag: (name, inner) => `${MD_TAGS[name] ?? ''}${inner}${MD_TAGS[name] ?? ''}`,
};

/**
 * The Markdown templates chosen for a run (template-files.ts): the override
 * folder's file when it has one, else the shipped one.
 */
export function resolveTemplates(templateDir?: string): { report: string; partials: Map<string, string> } {
  return resolveTemplateFiles(templateDir, MARKDOWN_TEMPLATES);
}

/** The Markdown report of an audit, ending in one newline. */
export function renderMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const text = renderTemplates(hb, MARKDOWN_TEMPLATES, options.templateDir, reportModel(result, options.meta, options.since), { noEscape: true });
  // Templates may leave runs of blank lines where a section is empty: keep at most one.
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export { renderJson } from './json.js';
