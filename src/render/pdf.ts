/**
 * `--format pdf`: the HTML report printed by a local Chromium (chromium.ts).
 *
 * It needs nothing from the HTML report but its text. The page is loaded with
 * JavaScript off and no network (every request aborted), so the PDF shows only
 * what the self-contained HTML holds. Printing adds what paper needs and a
 * screen does not: the paper size, margins, a footer with the report title and
 * "page N of M" on every page, and each top-level <section> starting a new
 * page. No header: Chromium's default one carries the date, and the PDF is
 * byte-identical from run to run apart from its /CreationDate and /ModDate.
 */
import type { Browser } from 'playwright-core';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displaySafe } from '../text.js';
import { CHROMIUM_TIMEOUT_MS, isolatedContext, launchChromium } from './chromium.js';

export const PAPER_SIZES = { a4: 'A4', letter: 'Letter' } as const;
export type Paper = keyof typeof PAPER_SIZES;

export interface PdfOptions {
  /** The Chromium executable (findChromium). */
  executablePath: string;
  /** The report title, shown in every page's footer. */
  title: string;
  paper?: Paper;
  /** Start, load and print within this time (default 60 s). */
  timeoutMs?: number;
}

/** The page margins; the bottom one holds the footer. */
export const PDF_MARGINS = { top: '16mm', right: '15mm', bottom: '20mm', left: '15mm' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute: '<script>' -> '&lt;script&gt;'. Control characters shown as in messages (displaySafe). */
export function escapeHtmlText(text: string): string {
  return displaySafe(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/**
 * Chromium's footer template: the title (escaped, so a title holding
 * `<script>`, `</style>` or `class="pageNumber"` is only text) on the left,
 * "page N of M" on the right, in the report's language. Chromium fills the spans of class pageNumber and
 * totalPages; the template's font size must be set or the text is invisibly small.
 */
export function footerTemplate(title: string): string {
  return (
    // the page number never gives way: the title takes what is left and ends in an ellipsis
    '<div style="font: 8px system-ui, sans-serif; color: #555; width: 100%; box-sizing: border-box; padding: 0 15mm; display: flex; justify-content: space-between; gap: 8mm;">' +
    `<span style="flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;">${escapeHtmlText(title)}</span>` +
    `<span style="flex: none; white-space: nowrap;">${pageOf()}</span>` +
    '</div>'
  );
}

/**
 * "page N of M" in the report's language, with the spans Chromium fills for N and M: the words are
 * escaped, the spans put in after (two private-use characters hold their places, which no message has).
 */
function pageOf(): string {
  const [page, pages] = ['\uE000', '\uE001'];
  return escapeHtmlText(t('pdf.pageOf', { page, pages })).replace(page, '<span class="pageNumber"></span>').replace(pages, '<span class="totalPages"></span>');
}

/** Print rules added to the report: each top-level section on a new page. */
export const PRINT_CSS = '@media print { section:not(section section) { break-before: page; } }';

/**
 * The HTML with PRINT_CSS added: before the first `</head>` (the report's own
 * text is escaped, so this is the real one), else at the start of the document
 * after its doctype. Page scripts are off, so the rule goes into the text
 * rather than through the page (Playwright's addStyleTag needs scripts).
 */
export function withPrintCss(html: string): string {
  const style = `<style>${PRINT_CSS}</style>`;
  const head = html.search(/<\/head\s*>/i);
  if (head >= 0) return html.slice(0, head) + style + html.slice(head);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + style + html.slice(at);
}

/** Prints `html` to a PDF with a local Chromium; throws UsageError (one line) when Chromium fails or takes too long. */
export async function renderPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? CHROMIUM_TIMEOUT_MS;
  let browser: Browser | undefined;
  let finished = false;
  const print = async (): Promise<Buffer> => {
    const launched = await launchChromium(options.executablePath, timeoutMs);
    browser = launched;
    // the deadline passed while Chromium started: close it, nothing waits for it any more
    if (finished) {
      await launched.close().catch(() => undefined);
      throw new Error('timed out');
    }
    const context = await isolatedContext(launched);
    const page = await context.newPage();
    await page.setContent(withPrintCss(html), { waitUntil: 'load', timeout: timeoutMs });
    return await page.pdf({
      format: PAPER_SIZES[options.paper ?? 'a4'],
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.title),
      margin: PDF_MARGINS,
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolveDeadline) => {
    timer = setTimeout(() => resolveDeadline('timeout'), timeoutMs);
  });
  const printing = print();
  try {
    const outcome = await Promise.race([printing, deadline]);
    if (outcome === 'timeout') {
      printing.catch(() => undefined);
      throw new UsageError(
        `Chromium did not print the PDF within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; try again, or check that ${options.executablePath} --headless --version runs`,
      );
    }
    return outcome;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new UsageError(`Chromium could not print the PDF: ${first}`);
  } finally {
    finished = true;
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
  }
}
