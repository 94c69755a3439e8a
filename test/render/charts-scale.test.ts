// The report's charts at company scale (src/render/charts.ts, MAX_GROUPS_DRAWN): thousands of
// departments, most of them hidden, and dozens of owners named for a decision. A chart stays
// small and readable (hidden departments counted once, names capped, the extremes drawn when
// many are shown) while its table still lists every department.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditResult, GroupStats, MaybeSuppressed } from '../../src/audit/types.js';
import { fmtInteger, fmtPercent, fmtSuppressed } from '../../src/format.js';
import type { Chart } from '../../src/render/charts.js';
import { ROOT } from '../helpers/run.js';

const charts = async (result: AuditResult): Promise<Chart[]> => (await import('../../src/render/charts.js')).chartsFor(result);
const byId = (list: Chart[], id: string): Chart => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no chart ${id}`);
  return c;
};
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    (m[1] as string)
      .replace(/<\/tspan><tspan[^>]*>/g, ' ')
      .replace(/<\/?tspan[^>]*>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .trim(),
  );
const isShown = (g: MaybeSuppressed<GroupStats> | undefined): g is GroupStats => g !== undefined && !('suppressed' in g);

const HIDDEN = 3000;
const hiddenName = (i: number) => `Hidden ${String(i).padStart(4, '0')}`;
const shownName = (i: number) => `Shown ${String(i).padStart(2, '0')}`;

/**
 * The survey example's result with `hidden` more hidden departments and `shown` more shown ones
 * (copies of Clinical with their own favourable share and rho to the leaders), added after its
 * own departments in every item, dimension and the departments' stacks. A render test: the audit's
 * rule that hidden groups cannot be worked out is not what is tested here.
 */
function company(hidden: number, shown: number): AuditResult {
  const result = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;
  const survey = result.survey!;
  for (const [k, g] of [...survey.items, ...survey.dimensions].entries()) {
    const clinical = g.byDepartment.Clinical as GroupStats;
    for (let i = 0; i < hidden; i++) g.byDepartment[hiddenName(i)] = { suppressed: true };
    // shares spread over 0..1, a different order on each item
    for (let i = 0; i < shown; i++) g.byDepartment[shownName(i)] = { ...clinical, favourable: ((i * 7 + k * 3) % shown) / shown };
  }
  const stack = result.stack!;
  const clinical = stack.departments.find((d) => d.department === 'Clinical')!;
  for (let i = 0; i < hidden; i++) stack.departments.push({ department: hiddenName(i), suppressed: true });
  for (let i = 0; i < shown; i++)
    stack.departments.push({ ...clinical, department: shownName(i), spearmanToLeadership: -0.95 + (1.9 * ((i * 11) % shown)) / shown });
  return result;
}

describe(`charts of a company with ${fmtInteger(HIDDEN)} hidden departments and 40 more shown`, () => {
  let result: AuditResult;
  let list: Chart[];
  let hiddenText: string;
  let hidden: string[];
  beforeAll(async () => {
    result = company(HIDDEN, 40);
    list = await charts(result);
    hiddenText = fmtSuppressed(result.survey!.minGroup);
    hidden = Object.entries(result.survey!.items[0]!.byDepartment)
      .filter(([, g]) => !isShown(g))
      .map(([d]) => d);
  });

  it('keeps every chart small (before: megabytes for the department charts)', () => {
    for (const c of list) {
      expect(c.svg.length, c.id).toBeLessThan(150_000);
      expect((c.printSvg ?? '').length, c.id).toBeLessThan(150_000);
      expect(c.alt.length, c.id).toBeLessThan(1_500);
    }
  });

  it('counts the hidden departments once, naming the first ten in the audit order, and draws none of them', () => {
    expect(hidden.slice(0, 3)).toEqual(['Finance', 'People', hiddenName(0)]);
    const sentence = `${fmtInteger(hidden.length)} departments (${hidden.slice(0, 10).join(', ')} and ${fmtInteger(hidden.length - 10)} more): ${hiddenText}.`;
    for (const id of ['favourable-by-department', 'department-stacks']) {
      const c = byId(list, id);
      expect(c.alt, id).toContain(sentence);
      // the note above the plot says it too (wrapped into lines)
      expect(texts(c.svg).join(' '), id).toContain(sentence);
      // no row or column of its own, and no name after the tenth anywhere in the picture
      expect(texts(c.svg), id).not.toContain(hiddenText);
      expect(c.svg, id).not.toContain(hidden[10]);
    }
  });

  it('draws each item’s six least and six most favourable departments, and says the table lists them all', () => {
    const c = byId(list, 'favourable-by-department');
    const rows = result.survey!.dimensions.filter((d) => d.items.length >= 2).length + result.survey!.items.length;
    const labels = texts(c.svg).filter((s) => /^\d+% \(r_wg /.test(s));
    expect(labels).toHaveLength(rows * 12);
    expect(c.alt).toContain('Each panel: the 6 least and the 6 most favourable of the 44 departments shown; the table lists them all.');
    // the first item's least and most favourable departments are among those drawn
    const scored = Object.entries(result.survey!.items[0]!.byDepartment)
      .filter((e): e is [string, GroupStats] => isShown(e[1]) && e[1].favourable !== null)
      .sort((a, b) => (a[1].favourable as number) - (b[1].favourable as number));
    const drawn = texts(c.svg);
    for (const [d] of [...scored.slice(0, 6), ...scored.slice(-6)]) expect(drawn).toContain(d);
    expect(drawn.filter((s) => s.startsWith('Shown ')).length).toBeLessThanOrEqual(rows * 12);
  });

  it('draws the six departments furthest from the leaders and the six closest', () => {
    const c = byId(list, 'department-stacks');
    const shown = result.stack!.departments.filter((d) => !('suppressed' in d)) as Array<{ department: string; spearmanToLeadership: number }>;
    const sorted = [...shown].sort((a, b) => a.spearmanToLeadership - b.spearmanToLeadership);
    const drawn = texts(c.svg);
    for (const d of [...sorted.slice(0, 6), ...sorted.slice(-6)]) expect(drawn).toContain(d.department);
    for (const d of sorted.slice(6, -6)) expect(drawn).not.toContain(d.department);
    expect(c.alt).toContain(`(${shown.length} departments in all)`);
    expect(c.alt).toContain(`Drawn: the 6 departments furthest from the leaders' order and the 6 closest, of ${shown.length} shown; the table lists them all.`);
  });

  it('still lists every department in the tables under the charts, a hidden one as hidden', () => {
    const fav = byId(list, 'favourable-by-department');
    const all = Object.keys(result.survey!.items[0]!.byDepartment);
    expect(fav.table.header.slice(1)).toEqual(all);
    for (const row of fav.table.rows) expect(row.filter((cell) => cell === hiddenText)).toHaveLength(hidden.length);
    const ds = byId(list, 'department-stacks');
    for (const d of result.stack!.departments) expect(ds.table.header).toContain(d.department);
  });

  it('is deterministic and compiles without a warning from Vega-Lite or Vega', async () => {
    const said = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
    try {
      expect(await charts(structuredClone(result))).toEqual(list);
      for (const spy of said) expect(spy.mock.calls).toEqual([]);
    } finally {
      for (const spy of said) spy.mockRestore();
    }
  });
});

describe('charts of a company with thousands of hidden departments and few shown', () => {
  it('draws every shown department, in the audit order, and counts the hidden ones', async () => {
    const result = company(HIDDEN, 0);
    const c = byId(await charts(result), 'favourable-by-department');
    expect(c.svg.length).toBeLessThan(150_000);
    const shown = Object.entries(result.survey!.items[0]!.byDepartment)
      .filter(([, g]) => isShown(g))
      .map(([d]) => d);
    const drawn = texts(c.svg).filter((s) => shown.includes(s));
    expect(drawn.slice(0, shown.length)).toEqual(shown);
    expect(texts(c.svg)).not.toContain(fmtSuppressed(result.survey!.minGroup));
    expect(c.alt).toContain(`${fmtInteger(HIDDEN + 2)} departments (Finance, People, ${[0, 1, 2, 3, 4, 5, 6, 7].map(hiddenName).join(', ')} and`);
    expect(c.alt).not.toContain('Each panel');
  });
});

describe('the ownership chart with dozens of owners named', () => {
  it('gives a colour to the eight owners named most (by their largest share), draws the rest with the other answers, and the table names them all', async () => {
    const result = company(0, 0);
    const names = Array.from({ length: 30 }, (_, i) => `Owner ${String(i).padStart(2, '0')}`);
    // Owner 00 to Owner 07 by 0.30 down to 0.23, the rest by 15% each
    result.ownership[0]!.owners = names.map((name, i) => ({ name, share: i < 8 ? 0.3 - i * 0.01 : 0.15 }));
    const c = byId(await charts(result), 'ownership');
    const drawn = texts(c.svg);
    // every owner by the largest share any decision gives them (the other decisions name their own)
    const largest = new Map<string, number>();
    for (const e of result.ownership) for (const o of e.owners) largest.set(o.name, Math.max(largest.get(o.name) ?? 0, o.share));
    const ranked = [...largest].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    expect(ranked.length).toBeGreaterThan(30);
    for (const n of ranked.slice(0, 8)) expect(drawn).toContain(n);
    for (const n of ranked.slice(8)) expect(drawn).not.toContain(n);
    expect(drawn.join(' ')).toContain(`The 8 owners named most have a colour; the other ${ranked.length - 8} owners named are drawn as other answers`);
    expect(drawn).toContain('Other answers');
    // a share is written only on a segment of one owner: never on one of the owners drawn as other answers
    expect(drawn).not.toContain(fmtPercent(0.15));
    for (const n of names) expect(JSON.stringify(c.table)).toContain(n);
  });
});
