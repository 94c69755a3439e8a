/**
 * The workshop view of `align stack`: what a facilitator puts on a projector.
 * Order: title; how much the leaders agree (W, band, p); the consensus stack
 * and whether the consensus methods agree; who diverges (bars); who agrees with
 * whom (heatmap); contested priorities; departments and cascade when present.
 *
 * Colour: with `color: false` the output holds no ANSI escape at all (a chalk
 * instance at level 0, cli-table3 without its own styles). With `color: true`
 * the level is `colorLevel` (chalk's 1 = 16 colours, 2 = 256, 3 = truecolor;
 * default 3; chalk maps hex colours down to what the level allows). The CLI
 * decides `color` (io.ts useColor: NO_COLOR, FORCE_COLOR, TTY) and may pass
 * chalk's detected `supportsColor.level` as `colorLevel`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { READ_BY } from '../audit/bands.js';
import type { AuditResult } from '../audit/types.js';
import { fmtBeside, fmtInteger, fmtNA, fmtNumber, fmtP, fmtPercent, fmtRank, fmtRho, fmtStat } from '../format.js';
import { auditText, int, num, pct, raw, t, worded } from '../i18n/index.js';
import { displaySafe } from '../text.js';
import { bar, correlationColour, divergenceColour, textOn, textWidth, truncate, wrap } from './text.js';
import { cascadeView, clientLedger, lineRefs, type StackView, stackView } from './view-model.js';

export interface TerminalOptions {
  /** false: no ANSI escapes at all. */
  color: boolean;
  /** Columns to fit in (the terminal's width; 80 when unknown). */
  width: number;
  /** chalk colour level when `color` is true: 1, 2 or 3 (default 3). */
  colorLevel?: 1 | 2 | 3;
}

const MIN_WIDTH = 40;
/** Beyond this many leaders the view summarises: the extremes, not every leader and pair. */
const MANY_LEADERS = 15;
const SHOW_MOST = 8;
const SHOW_LEAST = 3;
/** The most of a name (leader, priority, department) the view shows; longer ones end in '…'. */
export const NAME_MAX = 80;

/**
 * A name from the data as the terminal shows it: displaySafe (no control
 * character, no bidirectional control), at most NAME_MAX characters. Every
 * name this view prints goes through here; sentences go through wrap, which
 * makes its text safe too.
 */
export function terminalName(name: string): string {
  return truncate(displaySafe(name), NAME_MAX);
}

interface Ctx {
  c: ChalkInstance;
  color: boolean;
  width: number;
}

function tableStyle(): { head: string[]; border: string[]; compact: boolean } {
  // cli-table3 colours heads red and borders grey by default, through its own
  // colour library and regardless of our level: always off; we colour with chalk.
  return { head: [], border: [], compact: true };
}

function heading(ctx: Ctx, text: string): string {
  return wrap(text, ctx.width, '', '  ')
    .map((l) => ctx.c.bold(l))
    .join('\n');
}

function para(ctx: Ctx, text: string, first = '  ', rest = first): string[] {
  return wrap(text, ctx.width, first, rest);
}

// ---------------------------------------------------------------- sections

function titleSection(ctx: Ctx, v: StackView): string[] {
  return [`${ctx.c.bold(t('term.title'))} · ${t('term.leaders', { n: v.leaderCount })} · ${t('term.priorities', { n: v.n })}`];
}

function concordanceSection(ctx: Ctx, v: StackView): string[] {
  const k = v.stack.concordance;
  const out = [heading(ctx, t('term.agree.heading'))];
  const label = (l: string) => `  ${l.padEnd(13)} `;
  const indent = ' '.repeat(16);
  if (k.W === null) out.push(...wrap(fmtNA(k.WReason), ctx.width, label(t('term.agree.w')), indent));
  else out.push(`${label(t('term.agree.w'))}${ctx.c.bold(fmtBeside(k.W, READ_BY.W))}${k.band ? `  ${ctx.c.bold(auditText(k.band))}` : ''}`);
  out.push(...wrap(t('term.agree.band', { source: raw(auditText(k.bandSource)) }), ctx.width, indent, indent).map((l) => ctx.c.dim(l)));
  const chi =
    k.p === null ? t('term.agree.chiNA', { na: raw(fmtNA(k.pReason)) }) : t('term.agree.chi', { p: raw(fmtP(k.p)), chi: num(k.chiSquare), df: int(k.df) });
  const perm =
    k.pPermutation === null
      ? t('term.agree.permNA', { na: raw(fmtNA(k.pPermutationReason)) })
      : t('term.agree.perm', { p: raw(fmtP(k.pPermutation)), permutations: int(k.permutations), seed: String(k.seed) });
  out.push(...wrap(`${chi}${t('punct.semicolon')}${perm}`, ctx.width, label(t('term.agree.p')), indent));
  out.push(`${label(t('term.agree.raters'))}${fmtInteger(k.raters)}`);
  if (v.couldBeChance) {
    out.push(...wrap(t('term.agree.chance', { cut: num(0.05) }), ctx.width, indent, indent).map((l) => ctx.c.yellow(l)));
  }
  return out;
}

function consensusSection(ctx: Ctx, v: StackView): string[] {
  const out = [heading(ctx, t('term.consensus.heading'))];
  // the position column never shows n/a: as wide as its heading (N°, Nr.) or a two-digit position
  const fixed = [Math.max(5, textWidth(t('stack.col.position')) + 2), 0, headed('term.col.mean', 7), headed('term.col.sd', 6), headed('term.col.top3', 7), 12];
  const borders = fixed.length + 1;
  const room = ctx.width - borders - fixed.reduce((a, b) => a + b, 0);
  const longest = Math.max(...v.consensus.map((e) => textWidth(terminalName(e.priority))), 8) + 2;
  const priorityWidth = Math.max(12, Math.min(room, longest));
  const table = new Table({
    head: [t('stack.col.position'), t('term.col.priority'), t('term.col.mean'), t('term.col.sd'), t('term.col.top3'), ''].map((h) => ctx.c.bold(h)),
    colWidths: [fixed[0]!, priorityWidth, ...fixed.slice(2)],
    colAligns: ['right', 'left', 'right', 'right', 'right', 'left'],
    wordWrap: true,
    style: tableStyle(),
  });
  const notes: string[] = [];
  for (const e of v.consensus) {
    const mark = [e.contested ? ctx.c.hex('#e66101')(t('mark.contested')) : '', e.unanimous ? ctx.c.hex('#4393c3')(t('mark.unanimous')) : '']
      .filter((x) => x !== '')
      .join(' ');
    table.push([
      String(e.position),
      terminalName(e.priority),
      fmtNumber(e.meanRank),
      footnoted(fmtStat(e.sd, e.sdReason), `${terminalName(e.priority)}, ${t('term.col.sd')}`, notes),
      fmtPercent(e.top3Share),
      mark,
    ]);
  }
  out.push(table.toString());
  for (const n of notes) out.push(...para(ctx, n, '  ', '    '));
  out.push(...para(ctx, t('term.consensus.legend')));
  out.push(...para(ctx, v.methods.sentence));
  if (v.methods.kemenyNote) out.push(...para(ctx, v.methods.kemenyNote));
  return out;
}

function divergenceSection(ctx: Ctx, v: StackView): string[] {
  const out = [heading(ctx, t('term.diverge.heading')), ...para(ctx, t('term.diverge.legend'), '  ', '  ').map((l) => ctx.c.dim(l))];
  const longest = Math.max(...v.leaders.map((l) => textWidth(terminalName(l.name))), 4);
  const nameCol = Math.min(longest, 24, Math.max(8, Math.floor(ctx.width / 3)));
  const barWidth = Math.max(10, Math.min(30, ctx.width - 2 - nameCol - 1 - 2 - 1 - 4));
  const many = v.byDivergence.length > MANY_LEADERS;
  const shown = many ? [...v.byDivergence.slice(0, SHOW_MOST), ...v.byDivergence.slice(-SHOW_LEAST)] : v.byDivergence;
  for (const [index, l] of shown.entries()) {
    if (many && index === SHOW_MOST) {
      out.push(ctx.c.dim(`  … ${t('term.diverge.more', { n: v.byDivergence.length - SHOW_MOST - SHOW_LEAST })} …`));
    }
    const frame = (s: string) => `│${s}│`;
    let barText: string;
    if (l.divergence === null) barText = frame(' '.repeat(barWidth)) + ' ' + fmtNA();
    else {
      const b = bar(l.divergence, barWidth);
      barText = frame(ctx.c.hex(divergenceColour(l.divergence))(b)) + ' ' + ctx.c.bold(fmtNumber(l.divergence));
    }
    const name = terminalName(l.name);
    if (textWidth(name) > nameCol) {
      out.push(...wrap(name, ctx.width, '  ', '  '));
      out.push(`  ${' '.repeat(nameCol)} ${barText}`);
    } else {
      out.push(`  ${name.padEnd(nameCol + (name.length - textWidth(name)))} ${barText}`);
    }
    const sub = ' '.repeat(4);
    const partial = l.partial ? `${t('punct.semicolon')}${t('term.diverge.partial', { ranked: l.ranked, n: v.n })}` : '';
    const rho =
      l.spearmanToOthers === null ? t('term.diverge.rhoNA', { rho: raw(l.spearmanToOthersText) }) : t('term.diverge.rho', { rho: raw(l.spearmanToOthersText) });
    out.push(...wrap(`${rho}${partial}`, ctx.width, sub, sub + '  ').map((s) => ctx.c.dim(s)));
    for (const g of l.gaps) out.push(...wrap(g, ctx.width, sub, sub + '  '));
  }
  return out;
}

function legend(ctx: Ctx, v: StackView): string[] {
  const entries = v.leaders.map((l) => `${l.label} ${terminalName(l.name)}`);
  return wrap(entries.join(' · '), ctx.width, '  ', '  ').map((l) => ctx.c.dim(l));
}

function heatmapSection(ctx: Ctx, v: StackView): string[] {
  const out = [heading(ctx, t('term.pairs.heading'))];
  if (v.leaders.length < 2) {
    out.push(...para(ctx, fmtNA(t('reason.fewerThanTwoLeaders'))));
    return out;
  }
  if (v.stack.pairsReason) {
    out.push(...para(ctx, fmtNA(worded(v.stack).pairsReason)));
    return out;
  }
  const labelWidth = Math.max(...v.leaders.map((l) => textWidth(terminalName(l.label))), 2) + 2;
  const cell = 7;
  const tableWidth = labelWidth + v.leaders.length * cell + v.leaders.length + 2;
  const reasons: string[] = [];
  if (tableWidth <= ctx.width) {
    const table = new Table({
      head: ['', ...v.leaders.map((l) => ctx.c.bold(terminalName(l.label)))],
      colWidths: [labelWidth, ...v.leaders.map(() => cell)],
      colAligns: ['left', ...v.leaders.map(() => 'center' as const)],
      style: { ...tableStyle(), 'padding-left': 0, 'padding-right': 0 },
    });
    v.matrix.forEach((row, i) => {
      const me = v.leaders[i];
      table.push([
        ` ${ctx.c.bold(terminalName(me?.label ?? ''))}`,
        ...row.map((m) => {
          if (m.self) return ctx.c.dim('—');
          if (m.value === null) {
            const r = auditText(m.reason) ?? '';
            if (!reasons.includes(r)) reasons.push(r);
            return fmtNA();
          }
          const text = ` ${fmtRho(m.value).padStart(5)} `.padEnd(cell);
          if (!ctx.color) return text;
          const bg = correlationColour(m.value);
          return ctx.c.bgHex(bg).hex(textOn(bg))(text);
        }),
      ]);
    });
    out.push(table.toString());
  } else {
    // Too many leaders for the width: the pairs, most aligned first (the extremes only for a large team).
    const many = v.pairsByAgreement.length > 2 * SHOW_MOST;
    const pairs = many ? [...v.pairsByAgreement.slice(0, SHOW_MOST), ...v.pairsByAgreement.slice(-SHOW_MOST)] : v.pairsByAgreement;
    for (const [index, p] of pairs.entries()) {
      if (many && index === SHOW_MOST) out.push(ctx.c.dim(`  … ${t('term.pairs.more', { n: v.pairsByAgreement.length - 2 * SHOW_MOST })} …`));
      const value = fmtStat(p.spearman, p.spearmanReason, fmtRho);
      const coloured = p.spearman !== null && ctx.color ? ctx.c.hex(correlationColour(p.spearman))(value) : value;
      // a large team has no legend: name the leaders in full
      const who = v.leaders.length > MANY_LEADERS ? `${terminalName(p.a)} – ${terminalName(p.b)}` : `${terminalName(p.aLabel)}–${terminalName(p.bLabel)}`;
      const line = `  ${who.padEnd(labelWidth * 2)} `;
      if (textWidth(line) + textWidth(value) <= ctx.width) out.push(`${line}${coloured}`);
      else out.push(...wrap(who, ctx.width, '  ', '    '), `    ${coloured}`);
    }
  }
  for (const r of reasons) out.push(...para(ctx, t('term.pairs.naReason', { na: raw(fmtNA()), reason: r })));
  if (ctx.color) {
    const steps = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1].map((x) => ctx.c.bgHex(correlationColour(x))('  ')).join('');
    const scale = `  -1 ${steps} +1`;
    const key = t('term.pairs.scale');
    // the key beside the swatch when it fits the terminal (the swatch is 18 columns), else on its own line below
    if (textWidth(`  -1 ${' '.repeat(18)} +1   ${key}`) <= ctx.width) out.push(`${scale}   ${ctx.c.dim(key)}`);
    else out.push(scale, ...wrap(key, ctx.width, '  ', '  ').map((l) => ctx.c.dim(l)));
  }
  if (v.leaders.length <= MANY_LEADERS) out.push(...legend(ctx, v));
  return out;
}

function contestedSection(ctx: Ctx, v: StackView): string[] {
  const out = [heading(ctx, t('term.contested.heading'))];
  out.push(...para(ctx, t('term.contested.legend')).map((l) => ctx.c.dim(l)));
  if (v.contested.length === 0) out.push(`  ${t('term.contested.none')}`);
  for (const e of v.contested) {
    if (v.leaders.length > MANY_LEADERS) {
      out.push(...wrap(t('term.contested.share', { priority: terminalName(e.priority), share: pct(e.top3Share) }), ctx.width, '  ', '      '));
      continue;
    }
    const row = v.rows.find((r) => r.priority === e.priority);
    const ranks = v.leaders
      .map((l, i) => {
        const cellv = row?.cells[i];
        if (!cellv || cellv.rank === undefined) return `${terminalName(l.label)}\u00a0${fmtNA()}`;
        return `${terminalName(l.label)}\u00a0${cellv.unranked ? t('term.contested.unranked') : fmtRank(cellv.rank)}`;
      })
      .join(', ');
    out.push(...wrap(t('term.contested.ranks', { priority: terminalName(e.priority), share: pct(e.top3Share), ranks: raw(ranks) }), ctx.width, '  ', '      '));
  }
  if (v.unanimous.length > 0) {
    out.push(...para(ctx, t('term.contested.unanimous', { priorities: raw(v.unanimous.map((u) => terminalName(u.priority)).join(', ')) })));
  }
  return out;
}

/**
 * A table cell that may hold 'n/a (a long reason)': the cell shows 'n/a' and
 * the reason goes below the table ('Helena Kowalski: n/a (no non-leaders …)'),
 * so narrow number columns stay narrow.
 */
function footnoted(text: string, who: string, notes: string[]): string {
  if (!text.startsWith(`${fmtNA()} (`)) return text;
  notes.push(t('term.footnote', { who: raw(who), text: raw(text) }));
  return fmtNA();
}

/** The width left for one last column after `others` and the borders, within [min, max]. */
function slack(ctx: Ctx, others: number[], min: number, max: number): number {
  const used = others.reduce((a, b) => a + b, 0) + others.length + 2;
  return Math.max(min, Math.min(max, ctx.width - used));
}

function nameWidths(ctx: Ctx, longest: number[], fixed: number): number[] {
  // Share the room left after the fixed columns between the name columns.
  const borders = longest.length + 1 + 3; // name columns + numeric columns' borders (approx.)
  const room = Math.max(12 * longest.length, ctx.width - fixed - borders);
  const want = longest.map((l) => l + 2);
  const total = want.reduce((a, b) => a + b, 0);
  if (total <= room) return want;
  const widths = want.map((w) => Math.max(10, Math.floor((w / total) * room)));
  // a short name raised to the 10-column floor takes its room from the widest, so the table keeps to the width
  for (let over = widths.reduce((a, b) => a + b, 0) - room; over > 0; over--) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 10) break;
    widths[widest]!--;
  }
  return widths;
}

/** A number column's width: `min`, or its header or "n/a" in the reader's language with the cell's padding, whichever is widest. */
function headed(key: string, min: number): number {
  return Math.max(min, textWidth(t(key)) + 2, textWidth(fmtNA()) + 2);
}

function departmentsSection(ctx: Ctx, v: StackView): string[] {
  if (v.departments.length === 0) return [];
  const out = [heading(ctx, t('term.departments.heading'))];
  const peopleW = headed('term.col.people', 8);
  const wW = headed('term.col.w', 8);
  const fixed = peopleW + wW + 12;
  const [nameW = 20] = nameWidths(
    ctx,
    [Math.max(10, textWidth(t('term.col.department')), ...v.departments.map((d) => textWidth(terminalName(d.department))))],
    fixed,
  );
  const rhoW = slack(ctx, [nameW, peopleW, wW], 12, 18);
  const table = new Table({
    head: [t('term.col.department'), t('term.col.people'), t('term.col.w'), t('term.col.rho')].map((h) => ctx.c.bold(h)),
    colWidths: [nameW, peopleW, wW, rhoW],
    colAligns: ['left', 'right', 'right', 'right'],
    wordWrap: true,
    style: tableStyle(),
  });
  const notes: string[] = [];
  for (const d of v.departments) {
    const name = terminalName(d.department);
    if (d.suppressed) table.push([name, { content: ctx.c.dim(d.text), colSpan: 3, hAlign: 'left' }]);
    else
      table.push([
        name,
        fmtInteger(d.n),
        footnoted(d.WText, `${name}, ${t('term.col.w')}`, notes),
        footnoted(displaySafe(d.rhoText), `${name}, ${t('term.col.rho')}`, notes),
      ]);
  }
  out.push(table.toString());
  for (const n of notes) out.push(...para(ctx, n, '  ', '    '));
  out.push(...para(ctx, t('term.departments.legend')).map((l) => ctx.c.dim(l)));
  return out;
}

function cascadeSection(ctx: Ctx, result: AuditResult): string[] {
  const cascade = cascadeView(result);
  if (cascade.length === 0) return [];
  const out = [heading(ctx, t('term.cascade.heading'))];
  const peopleW = headed('term.col.people', 8);
  const fixed = peopleW + 12;
  const [leaderW = 20, deptW = 16] = nameWidths(
    ctx,
    [
      Math.max(6, textWidth(t('term.col.leader')), ...cascade.map((c) => textWidth(terminalName(c.leader)))),
      Math.max(10, textWidth(t('term.col.department')), ...cascade.map((c) => textWidth(terminalName(c.department)))),
    ],
    fixed,
  );
  const rhoW = slack(ctx, [leaderW, deptW, peopleW], 12, 26);
  const table = new Table({
    head: [t('term.col.leader'), t('term.col.department'), t('term.col.rho'), t('term.col.people')].map((h) => ctx.c.bold(h)),
    colWidths: [leaderW, deptW, rhoW, peopleW],
    colAligns: ['left', 'left', 'right', 'right'],
    wordWrap: true,
    style: tableStyle(),
  });
  const notes: string[] = [];
  for (const c of cascade) {
    const leader = terminalName(c.leader);
    const department = terminalName(c.department);
    if (c.suppressed) table.push([leader, department, { content: ctx.c.dim(c.text), colSpan: 2, hAlign: 'left' }]);
    else table.push([leader, department, footnoted(displaySafe(c.rhoText), leader, notes), fmtInteger(c.n)]);
  }
  out.push(table.toString());
  for (const n of notes) out.push(...para(ctx, n, '  ', '    '));
  return out;
}

/**
 * The priority-stack workshop view as one string (ending in a newline).
 * Pure: reads nothing but its arguments.
 */
/** What was read and left out, so a facilitator knows who is (not) in the numbers. */
function dataSection(ctx: Ctx, result: AuditResult): string[] {
  const { input } = result;
  const out = [heading(ctx, t('term.data.heading'))];
  const files = input.files.map((f) =>
    f.sheet !== undefined
      ? t('term.data.fileSheet', { path: f.path, tool: raw(t(`tool.${f.format}`)), sheet: f.sheet, rows: f.rows })
      : t('term.data.file', { path: f.path, tool: raw(t(`tool.${f.format}`)), encoding: String(f.encoding), rows: f.rows }),
  );
  out.push(...para(ctx, t('term.data.used', { n: input.respondents, files: raw(files.join('; ')) })));
  // Members of hidden groups are counted, never located (clientLedger; ARCHITECTURE.md, "Anonymity").
  const ledger = clientLedger(input);
  for (const { lines, count, reason } of ledger.excluded) {
    const text =
      lines === null
        ? t('term.data.excluded', { n: count, reason: auditText(reason) })
        : t('term.data.excludedLines', { n: count, lines: lines.length, refs: raw(lineRefs(lines)), reason: auditText(reason) });
    out.push(...wrap(text, ctx.width, '  ', '    ').map((l) => ctx.c.yellow(l)));
  }
  const notes = ledger.notes.slice(0, MAX_NOTES);
  for (const n of notes)
    out.push(
      ...wrap(
        n.lines === null ? auditText(n.note) : t('term.data.note', { n: n.count, refs: raw(n.lines), note: auditText(n.note) }),
        ctx.width,
        '  ',
        '    ',
      ).map((l) => ctx.c.dim(l)),
    );
  if (ledger.notes.length > MAX_NOTES) out.push(ctx.c.dim(`  … ${t('term.data.moreNotes', { n: ledger.notes.length - MAX_NOTES })}`));
  return out;
}

const MAX_NOTES = 8;

export function renderStackTerminal(result: AuditResult, options: TerminalOptions): string {
  const width = Math.max(MIN_WIDTH, Number.isFinite(options.width) && options.width > 0 ? Math.floor(options.width) : 80);
  const c = new Chalk({ level: options.color ? (options.colorLevel ?? 3) : 0 });
  const ctx: Ctx = { c, color: options.color, width };
  if (!result.stack) {
    return (
      [c.bold(t('term.title')), ...para(ctx, t('term.noStacks', { reason: auditText(result.stackReason) ?? t('reason.noLeaderRanked') }))].join('\n') + '\n'
    );
  }
  const v = stackView(result.stack, terminalName);
  const sections = [
    titleSection(ctx, v),
    concordanceSection(ctx, v),
    consensusSection(ctx, v),
    divergenceSection(ctx, v),
    heatmapSection(ctx, v),
    contestedSection(ctx, v),
    departmentsSection(ctx, v),
    cascadeSection(ctx, result),
    dataSection(ctx, result),
  ].filter((s) => s.length > 0);
  return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}
