// The report's charts (src/render/charts.ts): which charts each example gets,
// that every SVG is well-formed, self-contained, sized by a viewBox and the same
// bytes on every run, that names from the input are escaped text, that a hidden
// group shows its name and "hidden" and nothing else, and that titles and alt
// texts carry the numbers the AuditResult holds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditResult, GroupStats, MaybeSuppressed } from '../../src/audit/types.js';
import { fmtNumber, fmtPercent, fmtRho, fmtSuppressed } from '../../src/format.js';
import { type Chart, rhoFill } from '../../src/render/charts.js';
import { correlationColour } from '../../src/render/text.js';
import { ROOT, runAlign } from '../helpers/run.js';

const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];
const STACKS = ['examples/fernhill-stacks.csv'];

async function audit(args: string[]): Promise<AuditResult> {
  const run = await runAlign(['audit', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AuditResult;
}

// lazily, as callers must
const charts = async (result: AuditResult): Promise<Chart[]> => (await import('../../src/render/charts.js')).chartsFor(result);
const byId = (list: Chart[], id: string): Chart => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no chart ${id}; have ${list.map((x) => x.id).join(', ')}`);
  return c;
};

/** Text content of every <text> (tspans joined by a space), entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decode(
      (m[1] as string)
        .replace(/<\/tspan><tspan[^>]*>/g, ' ')
        .replace(/<\/?tspan[^>]*>/g, '')
        .trim(),
    ),
  );
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|amp|#39|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", apos: "'" })[e] as string);
}

/**
 * A minimal XML well-formedness check: every '<' opens a tag or closes one,
 * attributes are quoted and hold no raw '<' or '"', tags nest, '&' starts an
 * entity. Returns the problem or null.
 */
function xmlProblem(svg: string): string | null {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    if (/&(?!(lt|gt|quot|amp|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) return `bare & in text at ${i}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) return `not a tag at ${lt}: ${svg.slice(lt, lt + 60)}`;
    const [, close, name, attrs, self] = m as unknown as [string, string, string, string, string];
    if (/&(?!(lt|gt|quot|amp|apos|#\d+|#x[0-9a-f]+);)/i.test(attrs)) return `bare & in attribute at ${lt}`;
    if (close) {
      if (stack.pop() !== name) return `</${name}> closes nothing open at ${lt}`;
    } else if (!self) stack.push(name);
    i = tag.lastIndex;
  }
  return stack.length === 0 ? null : `unclosed <${stack.join('>, <')}>`;
}

const isShown = (g: MaybeSuppressed<GroupStats> | undefined): g is GroupStats => g !== undefined && !('suppressed' in g);

describe('chartsFor on the survey example (examples/fernhill-survey.csv with examples/align.yml)', () => {
  let result: AuditResult;
  let list: Chart[];
  beforeAll(async () => {
    result = await audit(SURVEY);
    list = await charts(result);
  });

  it('gives every chart the survey has data for, in report order', () => {
    expect(list.map((c) => c.id)).toEqual([
      'stack-comparison',
      'agreement-heatmap',
      'divergence',
      'department-stacks',
      'favourable-by-department',
      'perception-gap',
      'ownership',
    ]);
  });

  it('draws each as well-formed, self-contained SVG with a viewBox', () => {
    for (const c of list) {
      expect(c.svg.startsWith('<svg '), c.id).toBe(true);
      expect(c.svg, c.id).toMatch(/^<svg [^>]*viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
      expect(xmlProblem(c.svg), c.id).toBeNull();
      // no scripts, styles, images, links, embedded HTML or ids that could clash with the page's
      expect(/<script|<style|<image|<foreignObject|<a\b|href=|url\(|@import|\bid="/i.exec(c.svg)?.[0] ?? null, c.id).toBeNull();
      const fonts = new Set([...c.svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
      expect([...fonts], c.id).toEqual(['system-ui, sans-serif']);
    }
  });

  it('keeps every label at 10 px or more when the chart is 390 px wide', () => {
    for (const c of list) {
      const width = Number(/viewBox="0 0 ([\d.]+)/.exec(c.svg)?.[1]);
      const sizes = [...c.svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
      const smallest = Math.min(...sizes) * Math.min(1, 390 / width);
      expect(smallest, `${c.id}: ${width} px wide`).toBeGreaterThanOrEqual(10);
    }
  });

  it('is deterministic: the same result gives the same bytes', async () => {
    const again = await charts(structuredClone(result));
    expect(again).toEqual(list);
  });

  it('compiles and renders without a warning from Vega-Lite or Vega (a warning means a spec mistake)', async () => {
    const said = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
    try {
      await charts(result);
      for (const spy of said) expect(spy.mock.calls).toEqual([]);
    } finally {
      for (const spy of said) spy.mockRestore();
    }
  });

  it('titles and alt texts carry the numbers of the AuditResult', () => {
    // divergence: the most divergent leader, by the audit's own figure
    const raters = [...(result.stack?.raters ?? [])].sort((a, b) => (b.divergence ?? -1) - (a.divergence ?? -1));
    const top = raters[0]!;
    const div = byId(list, 'divergence');
    expect(div.title).toBe(`${top.name} diverges most from the other leaders`);
    expect(div.alt).toContain(`${top.name} ${fmtNumber(top.divergence)}`);
    expect(div.table.rows[0]).toEqual([top.name, fmtNumber(top.divergence), fmtRho(top.spearmanToOthers)]);

    // heatmap: the least and most alike pairs
    const pairs = [...(result.stack?.pairs ?? [])].filter((p) => p.spearman !== null).sort((a, b) => a.spearman! - b.spearman!);
    const heat = byId(list, 'agreement-heatmap');
    expect(heat.alt).toContain(`Least alike: ${pairs[0]!.a} and ${pairs[0]!.b} (${fmtRho(pairs[0]!.spearman)})`);
    expect(heat.alt).toContain(`most alike: ${pairs.at(-1)!.a} and ${pairs.at(-1)!.b} (${fmtRho(pairs.at(-1)!.spearman)})`);
    expect(texts(heat.svg)).toContain(fmtRho(pairs[0]!.spearman));

    // perception gap: the largest gap, in points, as the chart writes it beside its dumbbell
    const gaps = (result.survey?.gaps ?? []).filter((g) => 'item' in g && !('suppressed' in g)) as Array<{
      gapPoints: number;
      leaders: number;
      others: number;
    }>;
    // the gap the chart prints is the difference of the two shares it prints (none sits near the flag here)
    const printed = (g: { leaders: number; others: number }) => Number.parseInt(fmtPercent(g.leaders), 10) - Number.parseInt(fmtPercent(g.others), 10);
    const largest = [...gaps].sort((a, b) => printed(b) - printed(a) || b.gapPoints - a.gapPoints)[0]!;
    const gap = byId(list, 'perception-gap');
    expect(gap.alt).toContain(`${fmtPercent(largest.leaders)} of leaders against ${fmtPercent(largest.others)} (${printed(largest)} points)`);
    expect(texts(gap.svg)).toContain(`${printed(largest)} points`);
    expect(gap.title).toBe('Leaders are at least 20 points more favourable than everyone else on all eight items');

    // ownership: two of three decisions without a clear owner (contested, orphaned), with their shares
    const own = byId(list, 'ownership');
    expect(own.title).toBe('Two of the three decisions asked about have no clear owner');
    const first = result.ownership[0]!;
    expect(own.alt).toContain(`${first.decision}: ${first.verdict} (${first.owners[0]!.name} ${fmtPercent(first.owners[0]!.share)}`);

    // the stack: W in the alt text
    expect(byId(list, 'stack-comparison').alt).toContain(`Kendall's W = ${fmtNumber(result.stack!.concordance.W)}`);
  });

  it('writes in each cell of the stack comparison the rank its table holds', () => {
    const c = byId(list, 'stack-comparison');
    expect(c.table.header).toEqual(['Priority', 'Consensus', ...result.stack!.raters.map((r) => r.name)]);
    const shown = texts(c.svg);
    for (const row of c.table.rows) for (const cell of row.slice(1)) expect(shown).toContain(cell);
  });

  it('shows a hidden department by its name and "hidden" only (anonymity)', () => {
    const hiddenText = fmtSuppressed(result.survey!.minGroup);
    const hidden = Object.entries(result.survey!.items[0]!.byDepartment)
      .filter(([, g]) => !isShown(g))
      .map(([d]) => d);
    expect(hidden).toEqual(['Finance', 'People']);

    const fav = byId(list, 'favourable-by-department');
    const items = result.survey!.items;
    const shownCells = items.flatMap((i) => Object.values(i.byDepartment).filter((g) => isShown(g) && g.favourable !== null));
    const t = texts(fav.svg);
    // one label per shown group and item, each a share and r_wg; one "hidden" label per hidden group and item
    expect(t.filter((s) => /^\d+% \(r_wg /.test(s))).toHaveLength(shownCells.length);
    expect(t.filter((s) => s === hiddenText)).toHaveLength(items.length * hidden.length);
    for (const d of hidden) {
      const col = fav.table.header.indexOf(d);
      expect(col).toBeGreaterThan(0);
      for (const row of fav.table.rows) expect(row[col]).toBe(hiddenText);
    }

    // department stacks: no column for a hidden group in the chart; its table column says hidden in every cell
    const ds = byId(list, 'department-stacks');
    const dsTexts = texts(ds.svg);
    for (const d of hidden) {
      expect(dsTexts).not.toContain(d);
      const col = ds.table.header.indexOf(d);
      for (const row of ds.table.rows) expect(row[col]).toBe(hiddenText);
    }
    expect(ds.alt).toContain(`Finance and People: ${hiddenText}.`);

    // nothing else names them: no chart but these two holds their names
    for (const c of list.filter((x) => !['favourable-by-department', 'department-stacks'].includes(x.id))) {
      for (const d of hidden) expect(`${c.svg}${JSON.stringify(c.table)}${c.alt}`, c.id).not.toContain(d);
    }
  });
});

describe('chartsFor on the stacks example (examples/fernhill-stacks.csv)', () => {
  it('gives the stack charts and no survey chart', async () => {
    const list = await charts(await audit(STACKS));
    expect(list.map((c) => c.id)).toEqual(['stack-comparison', 'agreement-heatmap', 'divergence', 'department-stacks']);
    for (const c of list) expect(xmlProblem(c.svg), c.id).toBeNull();
  });
});

describe('chartsFor with hostile names', () => {
  const RENAMES: Array<[string, string]> = [
    ['Win NHS contracts', '<script>alert(1)</script>'], // a priority
    ['Clinical', '</style>'], // a department
    ['Amara Nwosu', '{{x}}'], // a leader
    ['Technology', 'javascript:x'], // a department
    ['CFO', '=HYPERLINK("x")'], // a decision's owner
    ['I believe our strategy is the right one', '<img src=x onerror=alert(1)>'], // an item
    ['Commercial', '__proto__'], // a department named like a prototype key
  ];
  let list: Chart[];
  beforeAll(async () => {
    let json = readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8');
    for (const [from, to] of RENAMES) json = json.split(JSON.stringify(from)).join(JSON.stringify(to));
    list = await charts(JSON.parse(json) as AuditResult);
  });

  it('still draws every chart', () => {
    expect(list).toHaveLength(7);
  });

  it('keeps every name as escaped text: no markup of its own in any SVG', () => {
    for (const c of list) {
      expect(xmlProblem(c.svg), c.id).toBeNull();
      // markup only Vega wrote: no element or event attribute of the input's making
      expect(/<script|<\/style|<img|\son[a-z]+="|href=/i.exec(c.svg)?.[0] ?? null, c.id).toBeNull();
    }
    const all = list.flatMap((c) => texts(c.svg));
    // each appears as text (whole or, when long, cut with an ellipsis: the table holds it whole)
    for (const [, to] of RENAMES.filter(([from]) => from !== 'I believe our strategy is the right one')) {
      expect(
        all.some((t) => t.includes(to) || (t.endsWith('…') && to.startsWith(t.slice(0, -1).split(' ')[0] as string))),
        to,
      ).toBe(true);
    }
    expect(list.map((c) => c.svg).join('')).toContain('&lt;script&gt;');
    const tables = JSON.stringify(list.map((c) => c.table));
    for (const [, to] of RENAMES) expect(tables).toContain(JSON.stringify(to).slice(1, -1));
  });
});

describe('charts.ts is loaded lazily', () => {
  it('no module imports vega, vega-lite or charts.js statically except charts.ts itself', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    for (const f of files(join(ROOT, 'src'))) {
      if (f.endsWith('/render/charts.ts')) continue;
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/^import[^;]*from '(vega|vega-lite)'/m);
      expect(src, f).not.toMatch(/^import (?!type )[^;]*from '[^']*charts\.js'/m); // a type-only import is erased
    }
  });
});

it('the department favourable chart has a layout for paper: its panels two a row, so it fits a printed page', async () => {
  const result = await audit(['examples/fernhill-survey.csv', '--config', 'examples/align.yml']);
  const chart = (await charts(result)).find((c) => c.id === 'favourable-by-department')!;
  const box = (svg: string) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
  const [w, h] = box(chart.svg);
  const [pw, ph] = box(chart.printSvg!);
  expect(pw).toBeGreaterThan(w * 1.5); // two panels a row
  expect(ph).toBeLessThan(h * 0.6); // half as many rows
  expect(xmlProblem(chart.printSvg!)).toBeNull();
  // the other charts fit a page as they are
  expect((await charts(result)).filter((c) => c.printSvg !== undefined).map((c) => c.id)).toEqual(['favourable-by-department']);
});

describe('one colour code for agreement in the report and on the terminal', () => {
  const rgb = (colour: string): number[] => {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    if (hex) return hex.slice(1).map((h) => Number.parseInt(h, 16));
    return (/rgb\(([^)]*)\)/.exec(colour)?.[1] ?? '').split(',').map(Number);
  };
  const blue = (c: string) => rgb(c)[2]! > rgb(c)[0]!;
  it('rho 1 (the same order) is blue and rho -1 (opposite orders) orange in the pairs chart and the terminal grid alike', () => {
    expect(blue(rhoFill(1))).toBe(true);
    expect(blue(correlationColour(1))).toBe(true);
    expect(blue(rhoFill(-1))).toBe(false);
    expect(blue(correlationColour(-1))).toBe(false);
  });
});
