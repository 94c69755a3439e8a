// The HTML report and the PDF in a real browser: the local Chromium that
// --format pdf uses (found the same way, src/render/chromium.ts), never a
// downloaded one. For each example the HTML report is written by the real CLI,
// opened from disk with every request but the file itself aborted and counted,
// looked at on a phone-sized screen, and printed to PDF by the real CLI; the
// PDF's pages are read back with pdftotext (Debian's poppler-utils).
//
// Chromium or pdftotext missing is a failure naming the install, not a skip:
// CI (.ci/run) installs both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, isolatedContext, launchChromium } from '../../src/render/chromium.js';
import { renderPdf } from '../../src/render/pdf.js';
import { BIN, ROOT } from '../helpers/run.js';

// The functions given to page.evaluate run in the page, where `document` is the page's
// (tsconfig has no DOM library: src/ runs in Node only).
declare const document: any;

interface Example {
  name: string;
  args: string[];
}

const EXAMPLES: Example[] = [
  { name: 'fernhill-stacks', args: ['examples/fernhill-stacks.csv'] },
  { name: 'fernhill-survey', args: ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'] },
];

/** The charts of the survey example's HTML report (REPORT.md, "Charts that earn their place"), each a figure[data-chart=ID]. */
const SURVEY_CHARTS = ['stack-comparison', 'agreement-heatmap', 'divergence', 'department-stacks', 'favourable-by-department', 'perception-gap', 'ownership'];

const PDFTOTEXT_MISSING = "pdftotext not found: install Debian's poppler-utils (apt-get install poppler-utils); the browser test reads the PDF's pages with it";

const dir = mkdtempSync(join(tmpdir(), 'align-browser-'));
let chromium: string;
let browser: Browser;

function align(args: string[]): void {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 90_000 });
  if (run.status !== 0) throw new Error(`align ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}

const htmlOf = (ex: Example) => join(dir, `${ex.name}.html`);

/** The PDF's text page by page (pdftotext -layout; pages end with a form feed). */
function pdfPages(file: string): string[] {
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(run.error ? PDFTOTEXT_MISSING : `pdftotext ${file} failed: ${run.stderr}`);
  const pages = run.stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The PDF with its two timestamps (and the trailer's /ID, should Chromium write one) removed. */
function withoutDates(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, '')
    .replace(/\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/g, '');
}

/** How many Chromium processes this test process started and still has (from /proc: Linux, as CI). */
function chromiumChildren(): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // /proc/<pid>/stat: pid (comm) state ppid …; comm may hold spaces, so read after its closing parenthesis
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && /chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

interface Opened {
  page: Page;
  /** Requests other than the report file itself: all aborted, none expected. */
  requests: string[];
  failed: string[];
  errors: string[];
  close: () => Promise<void>;
}

/** Opens an HTML file from disk as a reader would (scripts on unless said), with every other request aborted and counted. */
async function open(file: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const context = await isolatedContext(browser, {
    javaScript: options.javaScript ?? true,
    allow: (u) => u === url,
    onBlocked: (u) => requests.push(u),
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, failed, errors, close: () => context.close() };
}

beforeAll(async () => {
  // throws the install hint (UsageError) when there is no Chromium: every test here then fails with it
  chromium = findChromium(undefined, process.env);
  if (spawnSync('pdftotext', ['-v']).error) throw new Error(PDFTOTEXT_MISSING);
  browser = await launchChromium(chromium);
  for (const ex of EXAMPLES) align(['audit', ...ex.args, '--format', 'html', '-o', htmlOf(ex)]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(EXAMPLES)('the $name HTML report in Chromium', (ex) => {
  it('opens from disk with no console error and no request but the file itself', async () => {
    const o = await open(htmlOf(ex));
    await o.page.evaluate(() => document.fonts.ready);
    await o.close();
    expect(o.errors).toEqual([]);
    expect(o.requests).toEqual([]);
    expect(o.failed).toEqual([]);
  });

  it.each([true, false])('every <svg> in a <figure> has a nonzero size (scripts on: %s; off is how the PDF prints)', async (javaScript) => {
    const o = await open(htmlOf(ex), { javaScript });
    const svgs = await o.page.evaluate(() =>
      [...document.querySelectorAll('figure .chart-image:not(.print-only) svg')].map((svg) => {
        const r = svg.getBoundingClientRect();
        return { chart: svg.closest('figure')?.getAttribute('data-chart') ?? null, width: r.width, height: r.height };
      }),
    );
    await o.close();
    for (const svg of svgs) {
      expect(svg.width, JSON.stringify(svg)).toBeGreaterThan(0);
      expect(svg.height, JSON.stringify(svg)).toBeGreaterThan(0);
    }
  });

  it('does not scroll sideways at 390 px wide (screenshot in the temp folder)', async () => {
    const o = await open(htmlOf(ex), { width: 390 });
    const scrollWidth = await o.page.evaluate(() => document.documentElement.scrollWidth);
    await o.page.screenshot({ path: join(tmpdir(), `align-${ex.name}-390px.png`), fullPage: true });
    await o.close();
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });

  it('prints to PDF (align audit --format pdf): two pages or more, each top-level section starting a page, the footer on every page', async () => {
    const o = await open(htmlOf(ex), { javaScript: false });
    const { title, headings } = await o.page.evaluate(() => ({
      title: document.title,
      headings: [...document.querySelectorAll('section')]
        .filter((s) => !s.parentElement?.closest('section'))
        .map((s) => s.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? ''),
    }));
    await o.close();
    expect(headings.length).toBeGreaterThan(0);

    const pdf = join(dir, `${ex.name}.pdf`);
    align(['audit', ...ex.args, '--format', 'pdf', '-o', pdf]);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => {
      expect(squash(text), `page ${i + 1}`).toContain(`page ${i + 1} of ${pages.length}`);
      expect(squash(text), `page ${i + 1}`).toContain(squash(title));
    });
    // each heading opens a page of its own, in order
    let last = -1;
    for (const heading of headings) {
      const at = pages.findIndex((text, i) => i > last && squash(text).startsWith(squash(heading)));
      expect(at, `"${heading}" starts a page after page ${last + 1}`).toBeGreaterThan(last);
      last = at;
    }
  });
});

it('a French or German PDF numbers its pages in its language (the footer Chromium prints)', () => {
  const ex = EXAMPLES[1] as Example;
  for (const [lang, of] of [
    ['fr', 'sur'],
    ['de', 'von'],
  ] as const) {
    const pdf = join(dir, `${ex.name}.${lang}.pdf`);
    align(['audit', ...ex.args, '--lang', lang, '--format', 'pdf', '-o', pdf]);
    const pages = pdfPages(pdf);
    pages.forEach((text, i) => {
      expect(squash(text), `${lang} page ${i + 1}`).toContain(`${lang === 'de' ? 'Seite' : 'page'} ${i + 1} ${of} ${pages.length}`);
      expect(squash(text)).not.toContain(`page ${i + 1} of`);
    });
  }
});

it('the fernhill-survey HTML report has its charts, each a figure#chart-ID', async () => {
  const o = await open(htmlOf(EXAMPLES[1] as Example));
  const present = await o.page.evaluate(() => [...document.querySelectorAll('figure.chart[id^="chart-"]')].map((f) => f.id.slice('chart-'.length)));
  await o.close();
  expect(present).toEqual(expect.arrayContaining(SURVEY_CHARTS));
});

describe('renderPdf', () => {
  // a title from align.yml, so from the client: the footer must show it as text
  const HOSTILE = '</style><script>document.title="owned"</script> <span class="pageNumber"></span> & "Q3"';

  it('renderPdf(html) twice: the same bytes apart from the dates; a hostile title is only text in the footer', async () => {
    const html = readFileSync(htmlOf(EXAMPLES[0] as Example), 'utf8');
    const first = await renderPdf(html, { executablePath: chromium, title: HOSTILE });
    const second = await renderPdf(html, { executablePath: chromium, title: HOSTILE });
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(withoutDates(first) === withoutDates(second)).toBe(true);

    const file = join(dir, 'hostile.pdf');
    writeFileSync(file, first);
    const pages = pdfPages(file);
    for (const [i, text] of pages.entries()) {
      expect(squash(text)).toContain(`${squash(HOSTILE)} page ${i + 1} of ${pages.length}`);
    }
  });

  it('renderPdf(html, { timeoutMs: 200 }) stops with one line when Chromium takes longer, and leaves no Chromium running', async () => {
    const before = chromiumChildren();
    await expect(renderPdf('<p>x</p>', { executablePath: chromium, title: 't', timeoutMs: 200 })).rejects.toThrow(
      /^Chromium did not print the PDF within 200 ms; try again, or check that .* --headless --version runs$/,
    );
    // a Chromium still starting when the deadline passed is closed once it has started
    for (let i = 0; i < 100 && chromiumChildren() > before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(chromiumChildren()).toBe(before);
  });

  it('renderPdf(html, { paper: "letter" }) prints on Letter (612 x 792 pt)', async () => {
    const pdf = await renderPdf('<!doctype html><title>t</title><p>one page</p>', { executablePath: chromium, title: 't', paper: 'letter' });
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 612 792\]/);
  });
});
