/**
 * The report's charts (REPORT.md, "Charts that earn their place"): each a
 * Vega-Lite spec compiled to Vega and rendered headless to SVG by Vega's own
 * renderer, with its title stated as a finding, a text equivalent (`alt`) and
 * its data as a table of cells formatted by format.ts.
 *
 * Heavy (vega and vega-lite load in about 0.3 s): callers import this module
 * lazily, `await import('./charts.js')`, never from a module the CLI loads
 * eagerly.
 *
 * Rules kept here, written down once:
 * - Nothing is computed: every number shown is one the audit put in the
 *   AuditResult, printed through format.ts (the chart's text marks show those
 *   same strings, so a chart and its table cannot disagree on a rounding).
 *   Sorting, picking the largest value and counting are presentation.
 * - Strings from the input are data: names reach Vega only as data values
 *   (field names and expressions are constants here), so the SVG renderer
 *   escapes them as text. No label is ever written into an expression.
 * - Anonymity: a suppressed group shows its name and fmtSuppressed's words,
 *   nothing else; its data rows carry no number at all.
 * - Deterministic: no gradients or clip paths (their SVG ids come from a
 *   counter global to the process), no canvas (text is measured by one
 *   estimate, the same on every machine, whether or not node-canvas is
 *   installed), no dates.
 * - Self-contained: no fonts, images, links or scripts; the font is a system
 *   stack. The SVG has a viewBox, so `width: 100%; height: auto` scales it;
 *   at its natural width (about 460 px) labels are 12 px, so they stay at 10 px
 *   or more on a 390 px screen.
 * - Colour-blind-safe palettes: Vega's `blues` (ranks), `blueorange`
 *   (correlations, centred on 0), Okabe–Ito (categories); text on a coloured
 *   cell is black or white, whichever contrasts more (WCAG relative luminance).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ORPHANED_ABOVE, READ_BY } from '../audit/bands.js';
import { largestGapFirst } from '../audit/survey-findings.js';
import type { AuditResult, GapEntry, GroupStats, MaybeSuppressed } from '../audit/types.js';
import { fmtGap, fmtInteger, fmtNA, fmtNumber, fmtPercent, fmtRho, fmtStat, fmtSuppressed } from '../format.js';
import { beside, currentLanguage, int, joined, list, msg, NAMES_LISTED, NAMES_NAMED, num, pct, raw, separator, t, word } from '../i18n/index.js';
import { type ReportModel, reportModel, type TableModel } from './report-model.js';
import { dimensionName } from './survey-model.js';
import type { LeaderView, StackView } from './view-model.js';

export interface Chart {
  /** Stable: stack-comparison, agreement-heatmap, divergence, department-stacks, favourable-by-department, perception-gap, ownership. */
  id: string;
  /** The finding in plain words where the data supports one, else a neutral title. Not drawn in the SVG: the page shows it. */
  title: string;
  /** One to three sentences with the key numbers: the chart's text equivalent. */
  alt: string;
  /** `<svg …viewBox…>`: self-contained, deterministic. */
  svg: string;
  /** The chart's data, cells formatted by format.ts, for a `<details>` under it. */
  table: TableModel;
  /** The same chart laid out to fit a printed page, when the screen's layout is taller than one (print only). */
  printSvg?: string;
}

/** Every chart the result has data for, in report order; [] when none. Deterministic: same input, same bytes. */
export async function chartsFor(result: AuditResult): Promise<Chart[]> {
  const model = reportModel(result);
  const drafts = [
    stackComparison(model),
    agreementHeatmap(model),
    divergence(model),
    departmentStacks(model),
    favourableByDepartment(result, model),
    perceptionGap(result, model),
    ownership(result, model),
  ].filter((d): d is Draft => d !== null);
  const charts: Chart[] = [];
  for (const d of drafts) {
    const printSvg = d.printSpec ? await renderSvg(d.printSpec) : null;
    charts.push({ id: d.id, title: d.title, alt: d.alt, svg: await renderSvg(d.spec), table: d.table, ...(printSvg !== null ? { printSvg } : {}) });
  }
  return charts;
}

// ---------------------------------------------------------------- rendering

interface Draft {
  id: string;
  title: string;
  alt: string;
  spec: TopLevelSpec;
  /** A layout for the printed page (a phone wants one panel a row; a page two), when the two differ. */
  printSpec?: TopLevelSpec;
  table: TableModel;
}

const FONT = 'system-ui, sans-serif';
const FONT_SIZE = 12;
const INK = '#1a1a1a';
const MUTED = '#595959';
/** Okabe and Ito (2008), "Color Universal Design": distinguishable with any common colour-vision deficiency. */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const BLUE = '#0072B2';
const VERMILLION = '#D55E00';
const EMPTY = '#f0f0f0';
const UNSURE = '#BBBBBB';
/** Owners pooled as other answers: a darker grey than nobody-or-not-sure, so the two read apart. */
const OTHER = '#777777';

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  // The chart's alt and table carry its content for assistive technology; per-mark descriptions would repeat it.
  aria: false,
  view: { stroke: null },
  axis: {
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    titleFontWeight: 'normal',
    labelColor: INK,
    titleColor: INK,
    domainColor: '#767676',
    tickColor: '#767676',
    gridColor: '#e3e3e3',
  },
  header: { labelFontSize: FONT_SIZE, labelColor: INK, titleFontSize: FONT_SIZE },
  legend: { labelFontSize: FONT_SIZE, labelColor: INK, titleFontSize: FONT_SIZE, titleFontWeight: 'normal' },
  text: { fontSize: FONT_SIZE },
  title: { fontSize: FONT_SIZE, fontWeight: 'normal', anchor: 'start', color: MUTED, subtitleFontSize: FONT_SIZE, subtitleColor: MUTED },
} as const;

/**
 * Text width as the layout assumes it: per-character widths of a typical
 * system sans-serif, plus 10%. One estimate on every machine (Vega would use
 * node-canvas when installed, and then the SVG would differ by machine).
 */
function estimateWidth(text: string, fontSize: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.28;
    else if ('iljIt.,;:!|\'"()[]f'.includes(ch)) em += 0.3;
    else if ('mwMW@%'.includes(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[a-z0-9]/.test(ch)) em += 0.56;
    else if (ch.charCodeAt(0) < 0x2e80) em += 0.62;
    else em += 1; // CJK and other full-width characters
  }
  return em * fontSize * (bold ? 1.18 : 1.1);
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

let metricsFixed = false;
function fixTextMetrics(): void {
  if (metricsFixed) return;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const t = String(text ?? item.text ?? '').trim();
    const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
    const w = estimateWidth(t, item.fontSize ?? 11, bold);
    // A limited text is cut to its limit (Vega's truncate asks for untruncated widths, and gets at most the limit).
    const limit = Number(item.limit);
    return limit > 0 ? Math.min(w, limit) : w;
  };
  metricsFixed = true;
}

/** The spec compiled by Vega-Lite and drawn by Vega's SVG renderer, headless. */
async function renderSvg(spec: TopLevelSpec): Promise<string> {
  fixTextMetrics();
  const full = { ...spec, config: CONFIG, autosize: { type: 'pad' } } as TopLevelSpec;
  const compiled = compile(full).spec;
  // axis numbers in the reader's digits ('0,5', '20 %'); English keeps Vega's own (the golden files' bytes)
  const locale = numberLocale();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', ...(locale ? { locale: { number: locale } as unknown as vega.LocaleFormatters } : {}) });
  try {
    const svg = await view.toSVG();
    // Vega labels titles and headers for screen readers in English ("Title text '…'"); in another
    // language the figure's own aria-label (the chart's alt, from the catalogue) describes it instead
    return currentLanguage() === 'en' ? svg : svg.replace(/ aria-roledescription="title" aria-label="Title text [^"]*"/g, '');
  } finally {
    view.finalize();
  }
}

/** The d3-format locale of the report's language, from Intl: null for English (Vega's default). */
function numberLocale(): Record<string, unknown> | null {
  const lang = currentLanguage();
  if (lang === 'en' || lang === 'qps') return null;
  const tag = lang === 'fr' ? 'fr-FR' : 'de-DE';
  const parts = new Intl.NumberFormat(tag).formatToParts(12345.5);
  const percent = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    grouping: [3],
    currency: ['', ''],
    percent: percent
      .slice(percent.findIndex((p) => p.type === 'integer') + 1)
      .map((p) => p.value)
      .join(''),
    minus: '-',
  };
}

// ---------------------------------------------------------------- helpers

/** A colour's relative luminance (WCAG 2.x), from '#rrggbb' or 'rgb(r, g, b)'. */
function luminance(color: string): number {
  let rgb: number[];
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = Number.parseInt(hex[1] as string, 16);
    rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  } else {
    rgb = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  }
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever contrasts more with the fill. */
function inkOn(fill: string): string {
  const l = luminance(fill);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return onBlack >= onWhite ? INK : '#ffffff';
}

/** A Vega scheme's colour at t in 0..1, as Vega itself would paint it. */
function schemeColor(name: string, t: number): string {
  const interpolate = vega.scheme(name) as (t: number) => string;
  return interpolate(Math.min(1, Math.max(0, t)));
}

/** Rank 1 (most important) darkest, rank n lightest, on `blues` without its near-white end. */
function rankFill(rank: number | undefined, n: number): string {
  if (rank === undefined || !Number.isFinite(rank)) return EMPTY;
  const t = n <= 1 ? 1 : 1 - (rank - 1) / (n - 1);
  return schemeColor('blues', 0.15 + 0.8 * t);
}

/**
 * Spearman rho on `blueorange`, 0 at its centre: blue for alike, orange for opposite orders, as the
 * terminal's pairs grid and divergence bars colour them (text.ts correlationColour), so a room that
 * sees both reads one code.
 */
export function rhoFill(rho: number | null): string {
  return rho === null ? EMPTY : schemeColor('blueorange', (1 - rho) / 2);
}

/**
 * A Vega expression that breaks an axis or header label into lines of about
 * `chars` characters at spaces (a longer word is cut by the label limit).
 * Constant code: the label itself stays data.
 */
function wrapExpr(chars: number): string {
  return `split(trim(replace(datum.label, regexp('(.{1,${chars}})([ \\\\t\\\\n]+|$)', 'g'), '$1\\n')), '\\n')`;
}

/** How many lines wrapExpr makes of a label (to give its row room). */
function wrappedLines(text: string, chars: number): number {
  return text
    .replace(new RegExp(`(.{1,${chars}})([ \\t\\n]+|$)`, 'g'), '$1\n')
    .trim()
    .split('\n').length;
}

/** A row step that fits the longest label wrapped at `chars`. */
function stepFor(labels: readonly string[], chars: number, min: number): number {
  const lines = Math.min(4, Math.max(1, ...labels.map((l) => wrappedLines(l, chars))));
  return Math.max(min, lines * (FONT_SIZE + 2) + 8);
}

/** Labels as axes show them: a repeated one gets ' (2)', ' (3)' so two rows never merge. */
function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(labels);
  return labels.map((l) => {
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    if (k === 1) return l;
    let n = k;
    let candidate = `${l} (${n})`;
    while (taken.has(candidate)) candidate = `${l} (${++n})`;
    taken.add(candidate);
    return candidate;
  });
}

/** The first of `candidates` no name from the data uses (a column the chart adds must not merge with a leader's). */
function freeLabel(candidates: readonly string[], taken: Iterable<string>): string {
  const used = new Set(taken);
  for (const c of candidates) if (!used.has(c)) return c;
  let i = 2;
  while (used.has(`${candidates[0]} (${i})`)) i++;
  return `${candidates[0]} (${i})`;
}

/** Words broken into lines of at most `chars` characters (a chart's note). */
function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  // breakable spaces only: a no-break space (French before : ; or %) keeps its words together
  for (const word of text.split(/[ \t\n\r]+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const NOTE_CHARS = 70;

/** A note above the plot (not the chart's title, which the page shows). */
function note(text: string): { title: { text: string[] } } | Record<string, never> {
  return text === '' ? {} : { title: { text: wrapWords(text, NOTE_CHARS) } };
}

const isShown = <T extends object>(g: MaybeSuppressed<T> | undefined): g is T => g !== undefined && !('suppressed' in g);

/**
 * Many groups (a company of thousands of departments, most of them hidden): a chart draws at most
 * this many departments one by one. Past it, hidden departments are counted once in the chart's
 * note and alt instead of drawn, and when more than this many are shown the chart draws the
 * extremes (extremes below); the table under the chart still lists every department.
 */
const MAX_GROUPS_DRAWN = 12;

/**
 * The entries with a value, lowest first (ties in their given order); more than MAX_GROUPS_DRAWN:
 * the lowest and the highest half of that each, the ones a reader looks for first.
 */
function extremes<T>(entries: readonly T[], value: (e: T) => number): T[] {
  const sorted = entries
    .map((e, i) => ({ e, i, v: value(e) }))
    .sort((a, b) => a.v - b.v || a.i - b.i)
    .map((x) => x.e);
  if (sorted.length <= MAX_GROUPS_DRAWN) return sorted;
  const half = MAX_GROUPS_DRAWN / 2;
  return [...sorted.slice(0, half), ...sorted.slice(-half)];
}

/**
 * Hidden departments in one sentence, in their given order: every name for a few; for more, how
 * many, the first few by name and "and N more" (NAMES_LISTED, as fewOf caps every list in a
 * sentence). Names and the count only: the table lists the same departments, each hidden.
 */
function hiddenSentence(hidden: readonly string[], minGroup: number): string {
  if (hidden.length === 0) return '';
  const text = raw(fmtSuppressed(minGroup));
  if (hidden.length <= NAMES_LISTED) return t('chart.depts.hidden', { departments: list(hidden), text });
  return t('chart.depts.hiddenMany', {
    n: int(hidden.length),
    names: joined(hidden.slice(0, NAMES_NAMED), ', '),
    more: int(hidden.length - NAMES_NAMED),
    text,
  });
}

/** Sentences to follow another: each after a space, the empty ones left out. */
const after = (...xs: string[]): string =>
  xs
    .filter((x) => x !== '')
    .map((x) => ` ${x}`)
    .join('');
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The one entry with the largest value (after rounding as shown), or null on a tie or when there is none. */
function uniqueMax<T>(entries: readonly T[], value: (e: T) => number | null, shown: (x: number) => string): T | null {
  const scored = entries.filter((e) => isNum(value(e)));
  if (scored.length === 0) return null;
  const sorted = [...scored].sort((a, b) => (value(b) as number) - (value(a) as number));
  const top = sorted[0] as T;
  const second = sorted[1];
  if (second !== undefined && shown(value(second) as number) === shown(value(top) as number)) return null;
  return top;
}

/** Cells of a rank grid: rows × columns, colour by rank, the value written in each. */
interface GridCell {
  row: string;
  rowOrder: number;
  col: string;
  colOrder: number;
  text: string;
  fill: string;
  ink: string;
}

const ROW_LABEL_PX = 150;
const ROW_LABEL_CHARS = 22;

function gridSpec(cells: GridCell[], rowLabels: string[], cols: number, titles: { x: string; y: string }, top: string): TopLevelSpec {
  const colStep = Math.max(32, Math.min(56, Math.floor(260 / Math.max(1, cols))));
  const rowStep = stepFor(rowLabels, ROW_LABEL_CHARS, 26);
  return {
    ...note(top),
    data: { values: cells },
    width: { step: colStep },
    height: { step: rowStep },
    encoding: {
      x: {
        field: 'col',
        type: 'nominal',
        sort: { field: 'colOrder', op: 'min' },
        // Many columns: names slant up to the left, over the row labels' margin, so the chart grows no wider.
        axis: {
          orient: 'top',
          title: titles.x,
          labelAngle: cols > 3 ? 45 : 0,
          labelAlign: cols > 3 ? 'right' : 'center',
          labelLimit: 130,
          domain: false,
          ticks: false,
        },
      },
      y: {
        field: 'row',
        type: 'nominal',
        sort: { field: 'rowOrder', op: 'min' },
        axis: { title: titles.y, labelLimit: ROW_LABEL_PX, labelExpr: wrapExpr(ROW_LABEL_CHARS), domain: false, ticks: false, labelPadding: 6 },
      },
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 }, encoding: { color: { field: 'fill', type: 'nominal', scale: null } } },
      { mark: { type: 'text', fontSize: FONT_SIZE }, encoding: { text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  } as TopLevelSpec;
}

// ---------------------------------------------------------------- stack comparison

function stackComparison(model: ReportModel): Draft | null {
  const s = model.stack;
  if (!s?.sideBySide || s.view.leaders.length === 0) return null;
  const v = s.view;
  const n = v.n;
  const consensus = freeLabel(
    [t('chart.consensus'), t('chart.leadersConsensus'), t('chart.consensusOrder')],
    v.leaders.map((l) => l.name),
  );
  const cells: GridCell[] = [];
  v.rows.forEach((r, i) => {
    const fill = rankFill(r.position, n);
    cells.push({ row: r.priority, rowOrder: i, col: consensus, colOrder: 0, text: String(r.position), fill, ink: inkOn(fill) });
    r.cells.forEach((c, j) => {
      const f = rankFill(c.rank, n);
      cells.push({
        row: r.priority,
        rowOrder: i,
        col: v.leaders[j]?.name ?? '',
        colOrder: j + 1,
        text: c.unranked ? `(${c.text})` : c.text,
        fill: f,
        ink: inkOn(f),
      });
    });
  });
  const m = v.leaderCount;
  let title: string;
  if (m < 2) title = t('chart.stack.titleOne', { name: v.leaders[0]?.name ?? t('chart.theLeader') });
  else if (v.distinctFirst.length === 1) title = t('chart.stack.titleAll', { n: word(m), priority: String(v.distinctFirst[0]) });
  else title = t('chart.stack.title', { d: word(v.distinctFirst.length, true), m: word(m) });
  const top3 = v.rows.slice(0, 3).map((r) => r.priority);
  const W = v.stack.concordance.W;
  // W as the report prints it beside its band everywhere else (fmtBeside)
  const alt = t('chart.stack.alt', { title: raw(title), n: word(n), top: list(top3), hasW: W === null ? 'no' : 'yes', w: beside(W, READ_BY.W) });
  const legend = t('chart.stack.legend', { unranked: v.anyUnranked ? 'yes' : 'no' });
  return {
    id: 'stack-comparison',
    title,
    alt,
    spec: gridSpec(
      cells,
      v.rows.map((r) => r.priority),
      m + 1,
      { x: t('chart.axis.leader'), y: t('chart.axis.priorityConsensus') },
      legend,
    ),
    table: s.sideBySide,
  };
}

// ---------------------------------------------------------------- agreement heatmap

function agreementHeatmap(model: ReportModel): Draft | null {
  const s = model.stack;
  if (!s || s.pairsReason !== null || s.view.leaders.length < 2) return null;
  const v = s.view;
  if (!v.pairs.some((p) => p.spearman !== null)) return null;
  const names = v.leaders.map((l) => l.name);
  const cells: GridCell[] = [];
  v.matrix.forEach((row, i) => {
    row.forEach((m, j) => {
      const fill = m.self ? EMPTY : rhoFill(m.value);
      cells.push({
        row: names[i] ?? '',
        rowOrder: i,
        col: names[j] ?? '',
        colOrder: j,
        text: m.self ? '' : m.value === null ? fmtNA() : fmtRho(m.value),
        fill,
        ink: inkOn(fill),
      });
    });
  });
  const measured = v.pairsByAgreement.filter((p) => p.spearman !== null);
  const hi = uniqueMax(measured, (p) => p.spearman, fmtRho);
  const lo = uniqueMax(measured, (p) => (p.spearman === null ? null : -p.spearman), fmtRho);
  let title = t('chart.pairs.title');
  if (measured.length >= 2 && lo && hi) title = t('chart.pairs.titleBoth', { loA: lo.a, loB: lo.b, hiA: hi.a, hiB: hi.b });
  else if (lo && measured.length >= 2) title = t('chart.pairs.titleLeast', { a: lo.a, b: lo.b });
  else if (measured.length === 1 && measured[0]) title = t('chart.pairs.titleOne', { a: measured[0].a, b: measured[0].b, rho: num(measured[0].spearman) });
  const ends =
    measured.length >= 2
      ? t('chart.pairs.ends', {
          loA: lastOf(measured).a,
          loB: lastOf(measured).b,
          loRho: num(lastOf(measured).spearman),
          hiA: String(measured[0]?.a),
          hiB: String(measured[0]?.b),
          hiRho: num(measured[0]?.spearman),
        })
      : '';
  const alt = t('chart.pairs.alt', { n: word(names.length), ends: raw(ends) });
  return {
    id: 'agreement-heatmap',
    title,
    alt,
    spec: gridSpec(cells, names, names.length, { x: t('chart.axis.leader'), y: t('chart.axis.leader') }, t('chart.pairs.legend')),
    table: {
      header: [t('chart.axis.leader'), ...names],
      align: ['l', ...names.map(() => 'r' as const)],
      rows: v.matrix.map((row, i) => [names[i] ?? '', ...row.map((m) => (m.self ? '—' : fmtStat(m.value, m.reason, fmtRho)))]),
    },
  };
}

function lastOf<T>(xs: readonly T[]): T {
  return xs[xs.length - 1] as T;
}

// ---------------------------------------------------------------- divergence

const MOST_DIVERGENT_SHOWN = 10;

function divergence(model: ReportModel): Draft | null {
  const s = model.stack;
  if (!s) return null;
  const v: StackView = s.view;
  const listed: LeaderView[] = s.pairsReason !== null ? v.byDivergence.slice(0, MOST_DIVERGENT_SHOWN) : v.byDivergence;
  const measured = listed.filter((l) => l.divergence !== null);
  if (measured.length === 0) return null;
  const bars = listed.map((l, i) => ({
    label: l.name,
    order: i,
    ...(l.divergence === null ? {} : { divergence: l.divergence }),
    text: l.divergenceText,
    at: l.divergence ?? 0,
  }));
  const top =
    measured.length >= 2
      ? uniqueMax(
          measured,
          (l) => l.divergence,
          (x) => fmtNumber(x),
        )
      : null;
  const title = top ? t('chart.diverge.title', { name: top.name }) : t('chart.diverge.titleNone');
  const some = measured.length <= 8 ? measured : [...measured.slice(0, 3), ...measured.slice(-2)];
  const alt = t('chart.diverge.alt', {
    title: raw(title),
    list: joined(
      some.map((l) => msg('chart.diverge.item', { name: l.name, value: raw(l.divergenceText) })),
      ', ',
    ),
    hasAll: some.length < measured.length ? 'yes' : 'no',
    all: int(measured.length),
  });
  const labels = listed.map((l) => l.name);
  const omitted = v.byDivergence.length - listed.length;
  return {
    id: 'divergence',
    title,
    alt,
    spec: {
      ...note(omitted > 0 ? t('chart.diverge.note', { n: int(listed.length), all: int(v.byDivergence.length) }) : ''),
      data: { values: bars },
      width: 240,
      height: { step: stepFor(labels, ROW_LABEL_CHARS, 24) },
      encoding: {
        y: {
          field: 'label',
          type: 'nominal',
          sort: { field: 'order', op: 'min' },
          axis: { title: t('chart.axis.leader'), labelLimit: ROW_LABEL_PX, labelExpr: wrapExpr(ROW_LABEL_CHARS), ticks: false, labelPadding: 6 },
        },
      },
      layer: [
        {
          mark: { type: 'bar', color: BLUE, height: { band: 0.7 } },
          encoding: {
            x: {
              field: 'divergence',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              axis: { title: [t('chart.diverge.axis1'), t('chart.diverge.axis2')], format: '.1f', tickCount: 5 },
            },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, color: INK },
          encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
    } as TopLevelSpec,
    table: {
      header: [t('chart.axis.leader'), t('chart.diverge.col.divergence'), t('chart.diverge.col.rho')],
      align: ['l', 'r', 'r'],
      rows: listed.map((l) => [l.name, l.divergenceText, l.spearmanToOthersText]),
    },
  };
}

// ---------------------------------------------------------------- department stacks

function departmentStacks(model: ReportModel): Draft | null {
  const s = model.stack;
  if (!s?.departmentStacks) return null;
  const v = s.view;
  const shown = v.shownDepartments;
  if (shown.length === 0) return null;
  const n = v.n;
  const withRho = shown.filter((d) => d.spearmanToLeadership !== null);
  // Many departments shown: the columns are those furthest from the leaders' order and those closest.
  const many = shown.length > MAX_GROUPS_DRAWN;
  const drawn = many ? extremes(withRho, (d) => d.spearmanToLeadership as number) : shown;
  const leaders = freeLabel(
    [t('chart.leaders'), t('chart.leadersConsensus'), t('chart.leadershipTeam')],
    drawn.map((d) => d.department),
  );
  const cells: GridCell[] = [];
  v.rows.forEach((r, i) => {
    const f = rankFill(r.position, n);
    cells.push({ row: r.priority, rowOrder: i, col: leaders, colOrder: 0, text: String(r.position), fill: f, ink: inkOn(f) });
    drawn.forEach((d, j) => {
      const at = d.consensusOrder?.indexOf(r.priority) ?? -1;
      const place = at >= 0 ? at + 1 : undefined;
      const fill = rankFill(place, n);
      cells.push({
        row: r.priority,
        rowOrder: i,
        col: d.department,
        colOrder: j + 1,
        text: place === undefined ? fmtNA() : String(place),
        fill,
        ink: inkOn(fill),
      });
    });
  });
  const hidden = s.suppressedDepartments;
  const minGroup = model.minGroup;
  const furthest = withRho.length >= 2 ? uniqueMax(withRho, (d) => (d.spearmanToLeadership === null ? null : -d.spearmanToLeadership), fmtRho) : null;
  const title = furthest
    ? t('chart.depts.titleFurthest', { department: furthest.department })
    : withRho.length === 1 && withRho[0]
      ? t('chart.depts.titleOne', { department: withRho[0].department })
      : t('chart.depts.title');
  const rhos = [...withRho].sort((a, b) => (a.spearmanToLeadership as number) - (b.spearmanToLeadership as number));
  // the alt names a few, as the divergence chart's does: the furthest three and the closest two
  const some = rhos.length <= NAMES_LISTED ? rhos : [...rhos.slice(0, 3), ...rhos.slice(-2)];
  const hiddenText = hiddenSentence(hidden, minGroup);
  const drawnText = many ? t('chart.depts.extremes', { k: int(MAX_GROUPS_DRAWN / 2), n: int(shown.length) }) : '';
  const alt = t('chart.depts.alt', {
    title: raw(title),
    n: word(n),
    hasRho: rhos.length > 0 ? 'yes' : 'no',
    rhos: joined(
      some.map((d) => msg('chart.diverge.item', { name: d.department, value: raw(d.rhoText) })),
      ', ',
    ),
    hasAll: some.length < rhos.length ? 'yes' : 'no',
    all: int(shown.length),
    hidden: raw(after(drawnText, hiddenText)),
  });
  const base = s.departmentStacks;
  return {
    id: 'department-stacks',
    title,
    alt,
    spec: gridSpec(
      cells,
      v.rows.map((r) => r.priority),
      drawn.length + 1,
      { x: t('chart.axis.group'), y: t('chart.axis.priorityLeaders') },
      t('chart.depts.legend', { hidden: raw(after(drawnText, hiddenText)) }),
    ),
    // the table lists every department, the hidden ones each in a column of its own
    table: {
      header: [...base.header, ...hidden],
      align: [...base.align, ...hidden.map(() => 'l' as const)],
      rows: base.rows.map((r) => [...r, ...hidden.map(() => fmtSuppressed(minGroup))]),
    },
  };
}

// ---------------------------------------------------------------- survey: favourable by department

interface SurveyRow {
  label: string;
  byDepartment: Record<string, MaybeSuppressed<GroupStats>>;
  isItem: boolean;
}

/** Dimensions of two items or more (one item's dimension repeats it), then items, labelled as the survey tables label them. */
function surveyRows(result: AuditResult): SurveyRow[] {
  const survey = result.survey;
  if (!survey) return [];
  const dims = survey.dimensions.filter((d) => d.items.length >= 2);
  const rows = [
    ...dims.map((d) => ({ label: t('survey.dimensionLabel', { name: dimensionName(d.name) }), byDepartment: d.byDepartment, isItem: false })),
    ...survey.items.map((i) => ({ label: `${i.text}${i.reverse ? ' (reverse-keyed)' : ''}`, byDepartment: i.byDepartment, isItem: true })),
  ];
  const labels = uniqueLabels(rows.map((r) => r.label));
  return rows.map((r, i) => ({ ...r, label: labels[i] as string }));
}

const HEADER_CHARS = 50;
const HEADER_PX = 360;

/** A facet's label above its plot, left-aligned and wrapped: for long labels (items, decisions) on a narrow screen. */
function headerAbove(bold: boolean) {
  return {
    title: null,
    labelAngle: 0,
    labelOrient: 'top',
    labelAlign: 'left',
    labelAnchor: 'start',
    labelFontWeight: bold ? 'bold' : 'normal',
    labelLimit: HEADER_PX,
    labelExpr: wrapExpr(HEADER_CHARS),
  } as const;
}

/** A shown group's bar label: its favourable share and r_wg, as the survey table writes them. */
function favourableText(g: GroupStats): string {
  return t('survey.cell.favourable', { share: pct(g.favourable), rwg: raw(g.rwg === null ? fmtNA() : fmtNumber(g.rwg)) });
}

function favourableByDepartment(result: AuditResult, model: ReportModel): Draft | null {
  const table = model.survey?.byDepartment;
  const survey = result.survey;
  if (!survey || !table) return null;
  const rows = surveyRows(result);
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.byDepartment)) seen.add(k);
  const departments = [...seen];
  if (departments.length === 0) return null;
  const minGroup = survey.minGroup;
  const hidden = departments.filter((d) => rows.some((r) => r.byDepartment[d] !== undefined && !isShown(r.byDepartment[d])));
  // Few departments: each has its row in every panel, a hidden one saying so. More than a panel
  // has room for: the hidden ones are counted in the note instead; more shown than that: each
  // panel draws its item's least and most favourable departments (extremes).
  const few = departments.length <= MAX_GROUPS_DRAWN;
  const shownDepartments = departments.filter((d) => rows.some((r) => isShown(r.byDepartment[d])));
  const many = !few && shownDepartments.length > MAX_GROUPS_DRAWN;
  const values: Array<Record<string, string | number | boolean>> = [];
  rows.forEach((r, i) => {
    if (many) {
      const scored = departments
        .map((d) => ({ d, g: r.byDepartment[d] }))
        .filter((e): e is { d: string; g: GroupStats } => isShown(e.g) && isNum(e.g.favourable));
      extremes(scored, (e) => e.g.favourable as number).forEach((e, k) => {
        const favourable = e.g.favourable as number;
        values.push({ item: r.label, itemOrder: i, dept: e.d, deptOrder: k, hidden: false, favourable, at: favourable, text: favourableText(e.g) });
      });
      return;
    }
    departments.forEach((d, j) => {
      const g = r.byDepartment[d];
      if (g === undefined) return;
      const base = { item: r.label, itemOrder: i, dept: d, deptOrder: j };
      if (!isShown(g)) {
        if (few) values.push({ ...base, hidden: true, text: fmtSuppressed(minGroup) });
        return;
      }
      if (g.favourable === null) {
        values.push({ ...base, hidden: false, text: fmtNA(g.favourableReason), at: 0 });
        return;
      }
      values.push({ ...base, hidden: false, favourable: g.favourable, at: g.favourable, text: favourableText(g) });
    });
  });

  // The finding: a department least favourable on most items.
  const items = rows.filter((r) => r.isItem);
  const lowestCount = new Map<string, number>();
  let lowest: { dept: string; item: string; favourable: number } | null = null;
  for (const r of items) {
    const groups = departments
      .map((d) => [d, r.byDepartment[d]] as const)
      .filter((e): e is readonly [string, GroupStats] => isShown(e[1]) && isNum(e[1].favourable));
    if (groups.length < 2) continue;
    const low = uniqueMax(
      groups,
      (e) => -(e[1].favourable as number),
      (x) => fmtPercent(-x),
    );
    if (low) lowestCount.set(low[0], (lowestCount.get(low[0]) ?? 0) + 1);
    for (const [d, g] of groups)
      if (lowest === null || (g.favourable as number) < lowest.favourable) lowest = { dept: d, item: r.label, favourable: g.favourable as number };
  }
  const ranked = [...lowestCount.entries()].sort((a, b) => b[1] - a[1]);
  const leader = ranked[0];
  const title =
    leader && leader[1] * 2 > items.length && (ranked[1]?.[1] ?? 0) < leader[1]
      ? t('chart.fav.title', { department: leader[0], k: word(leader[1]), n: word(items.length) })
      : t('chart.fav.titleNone');
  const drawnText = many ? t('chart.fav.extremes', { k: int(MAX_GROUPS_DRAWN / 2), n: int(shownDepartments.length) }) : '';
  const hiddenText = hiddenSentence(hidden, minGroup);
  const alt = t('chart.fav.alt', {
    title: raw(title),
    hasLowest: lowest ? 'yes' : 'no',
    department: lowest?.dept ?? '',
    item: lowest?.item ?? '',
    share: pct(lowest?.favourable ?? null),
    hidden: raw(after(drawnText, hiddenText)),
  });

  const deptStep = 22;
  const yDepartment = {
    field: 'dept',
    type: 'nominal',
    sort: { field: 'deptOrder', op: 'min' },
    axis: { title: t('chart.axis.department'), labelLimit: 110, ticks: false, labelPadding: 6 },
  };
  const bars = {
    mark: { type: 'bar', color: BLUE, height: { band: 0.7 } },
    encoding: {
      x: {
        field: 'favourable',
        type: 'quantitative',
        scale: { domain: [0, 1] },
        axis: { title: t('chart.axis.favourable'), format: '.0%', tickCount: 5 },
      },
    },
  };
  const labels = {
    transform: [{ filter: '!datum.hidden' }],
    mark: { type: 'text', align: 'left', dx: 4, color: INK },
    encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
  };
  // the hidden departments counted in the note rather than drawn, when there are too many to draw
  const top = note(`${t('chart.fav.note')}${few ? '' : after(drawnText, hiddenText)}`);
  let spec: TopLevelSpec;
  let printSpec: TopLevelSpec;
  if (many) {
    // Each panel its own departments (its item's extremes): panels one under another, each with its
    // own data and scale (a facet with independent scales over layers makes Vega-Lite warn).
    const panels = rows
      .map((r, i) => ({ r, data: values.filter((v) => v.itemOrder === i) }))
      .filter((p) => p.data.length > 0)
      .map((p) => ({
        title: { text: wrapWords(p.r.label, HEADER_CHARS), fontWeight: 'bold', color: INK, limit: HEADER_PX },
        data: { values: p.data },
        width: 220,
        height: { step: deptStep },
        encoding: { y: yDepartment },
        layer: [bars, labels],
      }));
    spec = { ...top, vconcat: panels, spacing: 14 } as TopLevelSpec;
    // on paper two a row, as the facet's print layout
    printSpec = { ...top, concat: panels, columns: 2, spacing: 14 } as TopLevelSpec;
  } else {
    spec = {
      ...top,
      data: { values },
      facet: {
        row: {
          field: 'item',
          type: 'nominal',
          sort: { field: 'itemOrder', op: 'min' },
          header: headerAbove(true),
        },
      },
      spacing: 14,
      spec: {
        width: 220,
        height: { step: deptStep },
        encoding: { y: yDepartment },
        layer: [
          bars,
          labels,
          {
            transform: [{ filter: 'datum.hidden' }],
            mark: { type: 'text', align: 'left', x: 2, color: MUTED, fontStyle: 'italic' },
            encoding: { text: { field: 'text' } },
          },
        ],
      },
    } as TopLevelSpec;
    // On paper, the panels two a row: one a row would run over several pages (or shrink past reading).
    const { facet, ...rest } = spec as TopLevelSpec & { facet: { row: Record<string, unknown> } };
    printSpec = { ...rest, facet: facet.row, columns: 2 } as TopLevelSpec;
  }
  return { id: 'favourable-by-department', title, alt, spec, printSpec, table };
}

// ---------------------------------------------------------------- survey: perception gap

type ShownGap = Extract<GapEntry, { flagged: boolean }>;

/** One legend for colour and shape (the same field and domain merge into one). */
const GROUP_LEGEND = { orient: 'top', title: null, direction: 'horizontal' } as const;

function perceptionGap(result: AuditResult, model: ReportModel): Draft | null {
  const survey = result.survey;
  const table = model.survey?.gaps;
  if (!survey || !table) return null;
  const pooled = new Set(survey.dimensions.filter((d) => d.items.length >= 2).map((d) => d.name));
  const itemText = new Map(survey.items.map((i) => [i.id, i.reverse ? t('survey.reverse', { item: i.text }) : i.text]));
  const shown = survey.gaps
    .filter((g): g is ShownGap => !('suppressed' in g) && ('item' in g || pooled.has(g.dimension)))
    .filter((g) => isNum(g.leaders) && isNum(g.others) && isNum(g.gapPoints))
    .sort(largestGapFirst(survey.gapFlagPoints));
  if (shown.length === 0) return null;
  const labels = uniqueLabels(
    shown.map((g) => ('item' in g ? (itemText.get(g.item) ?? g.item) : t('survey.dimensionLabel', { name: dimensionName(g.dimension) }))),
  );
  const LEADERS = t('chart.gap.leaders');
  const OTHERS = t('chart.gap.others');
  // the gap as the table beside the chart prints it: the difference of the two shares shown (fmtGap)
  const printed = (g: ShownGap) => fmtGap({ leaders: g.leaders as number, others: g.others as number, gapPoints: g.gapPoints as number }, survey.gapFlagPoints);
  const dots: Array<Record<string, string | number>> = [];
  const lines: Array<Record<string, string | number>> = [];
  shown.forEach((g, i) => {
    const item = labels[i] as string;
    dots.push({ item, order: i, group: LEADERS, share: g.leaders as number });
    dots.push({ item, order: i, group: OTHERS, share: g.others as number });
    lines.push({
      item,
      order: i,
      from: Math.min(g.leaders as number, g.others as number),
      to: Math.max(g.leaders as number, g.others as number),
      text: t('chart.gap.points', { points: raw(printed(g).points), n: printed(g).count }),
    });
  });
  const items = shown.filter((g) => 'item' in g);
  const flagged = items.filter((g) => g.flagged).length;
  const flag = survey.gapFlagPoints;
  let title = t('chart.gap.title');
  if (items.length > 0 && flagged === items.length) title = t('chart.gap.titleAll', { flag, one: items.length === 1 ? 'yes' : 'no', n: word(items.length) });
  else if (flagged > 0) title = t('chart.gap.titleSome', { flag, k: word(flagged), n: word(items.length) });
  else if (items.length > 0 && items.every((g) => Math.abs(g.gapPoints as number) < flag)) title = t('chart.gap.titleWithin', { flag });
  const first = shown[0] as ShownGap;
  const last = lastOf(shown);
  const alt = t('chart.gap.alt', {
    title: raw(title),
    item: String(labels[0]),
    leaders: raw(printed(first).leaders),
    others: raw(printed(first).others),
    points: raw(printed(first).points),
    n: printed(first).count,
    hasLast: shown.length > 1 ? 'yes' : 'no',
    last: String(lastOf(labels)),
    lastPoints: raw(printed(last).points),
    lastN: printed(last).count,
  });
  const itemSort = { field: 'order', op: 'min' } as const;
  return {
    id: 'perception-gap',
    title,
    alt,
    spec: {
      ...note(t('chart.gap.note', { flag })),
      facet: {
        row: {
          field: 'item',
          type: 'nominal',
          sort: itemSort,
          header: headerAbove(false),
        },
      },
      data: { values: [...lines.map((l) => ({ ...l, kind: 'line' })), ...dots.map((d) => ({ ...d, kind: 'dot' }))] },
      spacing: 10,
      spec: {
        width: 300,
        height: 20,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'line'" }],
            mark: { type: 'rule', color: '#8c8c8c', strokeWidth: 2 },
            encoding: {
              x: { field: 'from', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: t('chart.axis.favourable'), format: '.0%', tickCount: 5 } },
              x2: { field: 'to' },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'dot'" }],
            mark: { type: 'point', filled: true, size: 90, opacity: 1 },
            encoding: {
              x: { field: 'share', type: 'quantitative' },
              color: {
                field: 'group',
                type: 'nominal',
                scale: { domain: [LEADERS, OTHERS], range: [VERMILLION, BLUE] },
                legend: GROUP_LEGEND,
              },
              shape: { field: 'group', type: 'nominal', scale: { domain: [LEADERS, OTHERS], range: ['circle', 'square'] }, legend: GROUP_LEGEND },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'line'" }],
            mark: { type: 'text', align: 'left', dx: 9, color: INK },
            encoding: { x: { field: 'to', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
    } as TopLevelSpec,
    table,
  };
}

// ---------------------------------------------------------------- ownership

/** A decision's verdict in the reader's words. */
function verdictWord(v: string | null | undefined): string {
  if (v === null || v === undefined) return t('verdict.none');
  return v === 'contested' || v === 'orphaned' || v === 'clear' ? t(`verdict.${v}`) : v;
}

/** The `max` owners with the largest share of any one decision (ties: the first named), in the order first named. */
function mostNamed(entries: AuditResult['ownership'], names: readonly string[], max: number): string[] {
  const largest = new Map<string, number>();
  for (const e of entries) for (const o of e.owners ?? []) if (isNum(o.share)) largest.set(o.name, Math.max(largest.get(o.name) ?? 0, o.share));
  const kept = new Set(
    names
      .map((n, i) => ({ n, i, v: largest.get(n) ?? 0 }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, max)
      .map((x) => x.n),
  );
  return names.filter((n) => kept.has(n));
}

function ownership(result: AuditResult, model: ReportModel): Draft | null {
  const entries = result.ownership ?? [];
  const decisions = model.decisions;
  if (entries.length === 0 || !decisions) return null;
  const all: string[] = [];
  for (const e of entries) for (const o of e.owners ?? []) if (!all.includes(o.name)) all.push(o.name);
  // One colour an owner: a company's free answers can name hundreds, more than any palette (or legend)
  // tells apart. The owners named most (by their largest share of any decision) keep a colour; the
  // rest are drawn with the other answers, unlabelled, and the table names them all.
  const owners = all.length <= OKABE_ITO.length ? all : mostNamed(entries, all, OKABE_ITO.length);
  const unsure = freeLabel([t('chart.own.unsure'), t('chart.own.unsure2')], all);
  // owners named by too few people to show are pooled (audit/ownership.ts): one segment, so the bar adds up
  const other = freeLabel([t('chart.own.other'), t('chart.own.other2')], [...all, unsure]);
  const hasOther = entries.some((e) => isNum(e.other) && e.other > 0) || owners.length < all.length;
  const colours = owners.map((_, i) => OKABE_ITO[i % OKABE_ITO.length] as string);
  const labels = uniqueLabels(entries.map((e) => e.decision));
  const segments: Array<Record<string, string | number>> = [];
  entries.forEach((e, i) => {
    const decision = labels[i] as string;
    const named = (e.owners ?? []).filter((o) => owners.includes(o.name));
    const unnamed = (e.owners ?? []).filter((o) => !owners.includes(o.name));
    const parts = [
      ...named.map((o) => ({ name: o.name, share: o.share, label: true })),
      ...unnamed.map((o) => ({ name: other, share: o.share, label: false })),
      { name: other, share: e.other ?? null, label: true },
      { name: unsure, share: e.unsure, label: true },
    ];
    parts.forEach((p, k) => {
      if (!isNum(p.share) || p.share <= 0) return;
      const colourAt = p.name === unsure || p.name === other ? -1 : owners.indexOf(p.name);
      const fill = p.name === other ? OTHER : colourAt < 0 ? UNSURE : (colours[colourAt] as string);
      segments.push({
        decision,
        order: i,
        owner: p.name,
        ownerOrder: p.name === other ? owners.length : colourAt < 0 ? owners.length + 1 : colourAt,
        part: k,
        share: p.share,
        // a share too narrow for its label is in the table
        text: p.label && p.share >= 0.08 ? fmtPercent(p.share) : '',
        ink: inkOn(fill),
      });
    });
  });
  const unclear = entries.filter((e) => e.verdict === 'contested' || e.verdict === 'orphaned');
  const n = entries.length;
  let title: string;
  if (entries.every((e) => e.verdict === 'clear')) title = n === 1 ? t('chart.own.allClearOne') : t('chart.own.allClear');
  else if (unclear.length > 0)
    title =
      n === 1
        ? t('chart.own.oneUnclear', { decision: String(entries[0]?.decision), verdict: verdictWord(entries[0]?.verdict) })
        : t('chart.own.someUnclear', { k: word(unclear.length, true), n: word(n), k2: unclear.length });
  else title = t('chart.own.title');
  const each = entries
    .map((e, i) => {
      // the shares beside the verdict, on the side of its cut (the decisions table's rule)
      const named = (e.owners ?? []).slice(0, 2).map((o) => msg('owners.owner', { name: o.name, share: pct(o.share, e.contestedShare) }));
      return t('chart.own.each', {
        decision: String(labels[i]),
        verdict: verdictWord(e.verdict),
        parts: joined([...named, msg('chart.own.unsureShare', { share: pct(e.unsure, ORPHANED_ABOVE, true) })], ', '),
      });
    })
    .join(separator('; '));
  const alt = t('chart.own.alt', { title: raw(title), each: raw(each) });
  return {
    id: 'ownership',
    title,
    alt,
    spec: {
      ...note(owners.length < all.length ? t('chart.own.note', { k: int(owners.length), n: int(all.length - owners.length) }) : ''),
      data: { values: segments },
      transform: [
        { stack: 'share', groupby: ['decision'], sort: [{ field: 'part', order: 'ascending' }], as: ['x0', 'x1'] },
        { calculate: '(datum.x0 + datum.x1) / 2', as: 'mid' },
      ],
      facet: { row: { field: 'decision', type: 'nominal', sort: { field: 'order', op: 'min' }, header: headerAbove(false) } },
      spacing: 8,
      spec: {
        width: 380,
        height: 24,
        layer: [
          {
            mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
            encoding: {
              x: { field: 'x0', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: t('chart.own.axis'), format: '.0%', tickCount: 5 } },
              x2: { field: 'x1' },
              color: {
                field: 'owner',
                type: 'nominal',
                sort: { field: 'ownerOrder', op: 'min' },
                scale: {
                  domain: [...owners, ...(hasOther ? [other] : []), unsure],
                  range: [...colours, ...(hasOther ? [OTHER] : []), UNSURE],
                },
                legend: { orient: 'top', title: null, columns: 2, labelLimit: 170, symbolType: 'square' },
              },
            },
          },
          {
            mark: { type: 'text' },
            encoding: { x: { field: 'mid', type: 'quantitative' }, text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } },
          },
        ],
      },
    } as TopLevelSpec,
    table: {
      header: ['decision', 'answers', 'owners', 'unsure', 'verdict'].map((k) => t(`chart.own.col.${k}`)),
      align: ['l', 'r', 'l', 'r', 'l'],
      rows: decisions.decisions.map((d) => [d.decision, fmtInteger(d.n), d.owners, d.unsure, d.verdict]),
    },
  };
}
