/**
 * STAND-IN for the HTML report, replaced when the real one (templates and
 * Vega charts, src/render/charts.ts) is merged. Only the exported signature is
 * the contract: `--format pdf` (src/render/pdf.ts) and the browser test need
 * nothing from this file but an HTML string.
 *
 * It wraps the Markdown report in a small page: what comes before the first
 * `## ` heading (title, scope, confidentiality) in a <header>, then one
 * <section> per `## ` heading, the Markdown shown as written. Every character
 * from the report is escaped; the page loads nothing and runs no script.
 */
import type { AuditResult } from '../audit/types.js';
import { renderMarkdown } from './markdown.js';

/** Stand-in: the real html.ts defines what the cover shows (organisation, engagement, window, facilitator). */
export type ReportMeta = Readonly<Record<string, string>>;

export interface HtmlOptions {
  /** A folder whose templates override the shipped ones, file by file. */
  templateDir?: string;
  meta?: ReportMeta;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

function block(lines: string[]): string {
  const text = lines.join('\n').trim();
  return text === '' ? '' : `<pre>${escapeHtml(text)}</pre>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.45 ui-monospace, monospace; }
h1, h2 { overflow-wrap: anywhere; }
`;

export async function renderHtml(result: AuditResult, options: HtmlOptions): Promise<string> {
  const markdown = renderMarkdown(result, options.templateDir !== undefined ? { templateDir: options.templateDir } : {});
  const lines = markdown.split('\n');
  const titleLine = lines.find((l) => l.startsWith('# '));
  const title = titleLine !== undefined ? titleLine.slice(2) : 'Leadership alignment audit';
  const head: string[] = [];
  const sections: Array<{ heading: string; body: string[] }> = [];
  for (const line of lines) {
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3), body: [] });
    else if (sections.length > 0) sections[sections.length - 1]?.body.push(line);
    else if (line !== titleLine) head.push(line);
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1>${block(head)}</header>`,
    '<main>',
    ...sections.map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${block(s.body)}</section>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
