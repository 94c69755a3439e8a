/**
 * renderHtml(result, options): the HTML report's structure, its charts placed
 * by id, determinism, and text from the data inert. The charts module is mocked
 * with one chart per id (the real one comes from the charts branch); its labels
 * carry markup, which must come out escaped.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TableModel } from '../../src/render/report-model.js';
import { runAlign } from '../helpers/run.js';
import { awResult } from './fixtures.js';

const IDS = ['stack-comparison', 'agreement-heatmap', 'divergence', 'department-stacks', 'favourable-by-department', 'perception-gap', 'ownership'];
const table: TableModel = { header: ['Who', 'Value'], align: ['l', 'r'], rows: [['<script>alert(1)</script>', '0.5']] };

vi.mock('../../src/render/charts.js', () => ({
  chartsFor: async () =>
    IDS.map((id) => ({
      id,
      title: `Title of ${id} </style><script>`,
      alt: `Alt of ${id} "quoted" <b>`,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${id}" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`,
      table,
    })),
}));

const { renderHtml, safeStrings } = await import('../../src/render/html.js');

/** The markup of the section with this id (up to the next section or the end of main). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="report-section" id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('<section class="report-section"', start + 1);
  return html.slice(start, end < 0 ? html.indexOf('</main>') : end);
}

describe('renderHtml(result, {}): one self-contained document', () => {
  it('has lang, a viewport, one h1, its CSS inline and nothing loaded from elsewhere', async () => {
    const html = await renderHtml(awResult(), {});
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\(/i);
    // every src is a data: URI and every href a link within the page
    for (const m of html.matchAll(/\s(src|href)="([^"]*)"/g)) expect(m[2]).toMatch(m[1] === 'src' ? /^data:/ : /^#[a-z-]+$/);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('prints to pages: @page margins, a new page per section, nothing split that should not be', async () => {
    const html = await renderHtml(awResult(), {});
    expect(html).toMatch(/@page \{ margin: [^}]+\}/);
    expect(html).toMatch(/\.report-section \{ break-before: page; \}/);
    expect(html).toMatch(/figure, \.chart, [^{]*\btr\b[^{]*\{ break-inside: avoid; \}/);
    expect(html).toMatch(/\.table-wrap \{[^}]*overflow-x: auto/);
    // every table is in a scrolling wrapper, and every column header says it is one
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<div class="table-wrap">\n<table>/g)?.length);
    expect(html).not.toMatch(/<th>/);
    for (const id of ['at-a-glance', 'priority-stack', 'organisation', 'questions', 'method', 'data-quality']) expect(section(html, id), id).not.toBe('');
  });

  it('headings step down one level at a time', async () => {
    const html = await renderHtml(awResult(), {});
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    });
  });

  it('is the same bytes for the same input', async () => {
    const meta = { client: 'Adventure Works', date: '2026-03-01' };
    expect(await renderHtml(awResult(), { meta })).toBe(await renderHtml(awResult(), { meta }));
  });
});

describe('charts: a figure in its section, the SVG inline, its data under it', () => {
  const where: Record<string, string> = {
    'stack-comparison': 'at-a-glance',
    'agreement-heatmap': 'priority-stack',
    divergence: 'priority-stack',
    'department-stacks': 'organisation',
    'favourable-by-department': 'survey',
    'perception-gap': 'survey',
    ownership: 'decisions',
  };

  it('places each chart the result has a section for', async () => {
    const html = await renderHtml(awResult(), {});
    for (const [id, sectionId] of Object.entries(where)) {
      const s = section(html, sectionId);
      // the fixture has no survey and no ownership: those sections, and their charts, are left out
      if (s === '') {
        expect(html, id).not.toContain(`id="chart-${id}"`);
        continue;
      }
      expect(s, id).toContain(`<figure class="chart" id="chart-${id}">`);
      expect(s, id).toContain(`data-chart="${id}"`);
    }
    expect(html.match(/<figure /g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('places all seven in the survey example (align audit … --format html)', async () => {
    const run = await runAlign(['audit', 'examples/fernhill-survey.csv', '--config', 'examples/align.yml', '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    for (const [id, sectionId] of Object.entries(where)) expect(section(run.stdout, sectionId), id).toContain(`<figure class="chart" id="chart-${id}">`);
    expect(run.stdout.match(/<figure /g)).toHaveLength(IDS.length);
    // with the chart there, the pointer to the side-by-side table gives way to it
    expect(section(run.stdout, 'at-a-glance')).not.toContain('side by side, is in');
  });

  it('caption, label and data table escape what the chart names', async () => {
    const html = await renderHtml(awResult(), {});
    const figure = html.slice(html.indexOf('<figure class="chart" id="chart-divergence">'));
    const one = figure.slice(0, figure.indexOf('</figure>'));
    expect(one).toContain('<figcaption>Title of divergence &lt;/style&gt;&lt;script&gt;</figcaption>');
    expect(one).toContain('<div class="chart-image" role="img" aria-label="Alt of divergence &quot;quoted&quot; &lt;b&gt;">');
    expect(one).toMatch(/<details class="chart-data"><summary>Data<\/summary>\n<div class="table-wrap">/);
    expect(one).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th><td class="num">0.5</td>');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
  });
});

describe('the cover: client, facilitator, date and logo when given', () => {
  it('shows what is given and nothing else', async () => {
    const plain = await renderHtml(awResult(), {});
    expect(plain.slice(plain.indexOf('<body>'))).not.toMatch(/<time|cover-details|cover-logo/);
    const html = await renderHtml(awResult(), {
      meta: { client: 'Adventure <Works>', facilitator: 'Sam Lee', date: '2026-10-04', logo: { mediaType: 'image/svg+xml', base64: 'PHN2Zy8+' } },
    });
    expect(html).toContain('<div><dt>Client</dt><dd>Adventure &lt;Works&gt;</dd></div>');
    expect(html).toContain('<div><dt>Facilitator</dt><dd>Sam Lee</dd></div>');
    expect(html).toContain('<time datetime="2026-10-04">4 October 2026</time>');
    // an SVG logo is an image from a data: URI, never markup in the page
    expect(html).toContain('<img class="cover-logo" src="data:image/svg+xml;base64,PHN2Zy8+" alt="Adventure &lt;Works&gt; logo">');
    expect(html).not.toContain('<svg/>');
    expect(html).toMatch(/<title>[^<]* · Adventure &lt;Works&gt;<\/title>/);
  });
});

describe('safeStrings(value)', () => {
  it('makes every string display-safe and keeps keys as data', () => {
    const value = JSON.parse('{"__proto__": {"a": "x\\u001b[2J"}, "list": ["evil\\u202etxt", 3, null]}');
    const safe = safeStrings(value);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.keys(safe)).toEqual(['__proto__', 'list']);
    expect(safe.__proto__.a).toBe('x\\x1b[2J');
    expect(safe.list).toEqual(['eviltxt', 3, null]);
  });
});
