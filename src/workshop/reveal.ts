/**
 * The reveal: what the room sees after the last participant, or with
 * `align stack <file> --reveal`. One page per leader's stack, shown on a key
 * press (named, or A, B, C with --anonymize), then the `align stack` view
 * itself (consensus, heatmap, contested priorities; src/render/terminal-stack.ts),
 * cut into pages the height of the terminal.
 *
 * revealPages is pure (a snapshot test holds it at 80 columns, colour off);
 * presentPages is the pager. Meaning is carried by words and numbers (#1,
 * « n° 1 », „Nr. 1“, "not ranked"), never by colour alone: with colour the titles are bold, nothing more,
 * so the view reads the same on a light or a dark terminal.
 */
import { createHash } from 'node:crypto';
import { Chalk } from 'chalk';
import type { AuditResult, Rater } from '../audit/types.js';
import { fmtRank } from '../format.js';
import { renderStackTerminal as renderView, terminalName } from '../render/terminal-stack.js';
import { textWidth, wrap } from '../render/text.js';
import { WORDS } from './words.js';

export interface RevealOptions {
  anonymize: boolean;
  /** Columns (at least 40; 80 when unknown). */
  width: number;
  /** Lines per page (at least 10; 24 when unknown). */
  height: number;
  color: boolean;
  colorLevel?: 1 | 2 | 3;
}

/** A, B, … Z, then AA, AB, …: the letter of the leader in place `index` of letterOrder. */
export function leaderLetter(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * The order of the letters: by a hash of each stack (its ranks), never by
 * the input's order. The room watched who submitted first, so "Leader A is the
 * first to submit" would name them; a stack's hash is known only from the stack
 * itself, which the reveal shows anyway. Identical stacks (nothing to tell
 * apart) keep their relative order.
 */
export function letterOrder(raters: readonly Pick<Rater, 'ranks' | 'ranked'>[]): number[] {
  const digest = (r: Pick<Rater, 'ranks' | 'ranked'>) =>
    createHash('sha256')
      .update(JSON.stringify([r.ranked, Object.entries(r.ranks).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]))
      .digest('hex');
  const keyed = raters.map((r, i) => ({ i, key: digest(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.i);
}

/**
 * The result with every leader's name replaced by "Leader A", "Leader B", …
 * (letters in letterOrder, and the leaders, their pages and their pairs in
 * the letters' order), and what could name them left out: departments, the
 * cascade, the notes and ledger (which quote names and lines).
 */
export function anonymized(result: AuditResult): AuditResult {
  const copy = structuredClone(result);
  if (!copy.stack) return copy;
  const label = new Map<string, string>();
  const place = new Map<string, number>();
  const order = letterOrder(copy.stack.raters);
  order.forEach((i, n) => {
    const name = copy.stack!.raters[i]!.name;
    label.set(name, WORDS.leaderLabel(leaderLetter(n)));
    place.set(name, n);
  });
  const as = (name: string) => label.get(name) ?? name;
  const at = (name: string) => place.get(name) ?? Number.MAX_SAFE_INTEGER;
  copy.stack.raters = order.map((i) => copy.stack!.raters[i]!).map((r) => ({ ...r, name: as(r.name), department: null }));
  copy.stack.pairs = copy.stack.pairs
    .map((p) => (at(p.a) <= at(p.b) ? p : { ...p, a: p.b, b: p.a }))
    .sort((p, q) => at(p.a) - at(q.a) || at(p.b) - at(q.b))
    .map((p) => ({ ...p, a: as(p.a), b: as(p.b) }));
  copy.stack.leaders = [...copy.stack.leaders].sort((a, b) => at(a) - at(b)).map(as);
  copy.stack.departments = [];
  copy.cascade = [];
  copy.input = { ...copy.input, notes: [], excluded: [] };
  return copy;
}

/** One leader's stack as a page: their explicit picks #1, #2, … then what they left unranked. */
function leaderPage(rater: Rater, label: string, index: number, of: number, width: number, bold: (s: string) => string): string[] {
  const order = Object.entries(rater.ranks).sort((a, b) => a[1] - b[1]);
  const explicit = order.slice(0, rater.ranked);
  const rest = order.slice(rater.ranked).map(([p]) => terminalName(p));
  const lines = [bold(WORDS.revealTitle(terminalName(label), index, of)), ''];
  // each place marked in the reader's language ('#1', 'n° 1', 'Nr. 1'), the names lined up at least two spaces after the widest mark
  const marks = explicit.map(([, rank]) => WORDS.position(fmtRank(rank)));
  const markWidth = Math.max(5, ...marks.map((m) => textWidth(m) + 1));
  explicit.forEach(([priority], i) => {
    const mark = marks[i]!;
    lines.push(...wrap(terminalName(priority), width, `  ${mark}${' '.repeat(markWidth - textWidth(mark))} `, ' '.repeat(markWidth + 3)));
  });
  if (rest.length > 0) lines.push('', ...wrap(WORDS.notRanked(rest).trim(), width, '  ', '    '));
  return lines;
}

/** The pages of the reveal, each a block of at most `height - 1` lines (the last line is the pager's). */
export function revealPages(result: AuditResult, options: RevealOptions): string[] {
  const width = Math.max(40, Number.isFinite(options.width) && options.width > 0 ? Math.floor(options.width) : 80);
  const height = Math.max(10, Number.isFinite(options.height) && options.height > 0 ? Math.floor(options.height) : 24);
  const shown = options.anonymize ? anonymized(result) : result;
  const c = new Chalk({ level: options.color ? (options.colorLevel ?? 3) : 0 });
  const pages: string[][] = [];
  const raters = shown.stack?.raters ?? [];
  raters.forEach((r, i) => {
    const page = leaderPage(r, r.name, i + 1, raters.length, width, (s) => c.bold(s));
    if (options.anonymize && i === 0) page.push('', ...wrap(WORDS.anonymousNote, width));
    pages.push(...chunks(page, height - 1));
  });
  // the align stack view itself, cut into screens
  const view = renderView(shown, { color: options.color, width, colorLevel: options.colorLevel ?? 3 });
  const viewLines = view.replace(/\n+$/, '').split('\n');
  pages.push(...chunks(viewLines, height - 1));
  return pages.map((p) => p.join('\n'));
}

/** Lines cut into pages of at most `size`, preferring to cut at a blank line in the lower half of the page. */
function chunks(lines: string[], size: number): string[][] {
  const out: string[][] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(lines.length, start + size);
    if (end < lines.length) {
      for (let i = end - 1; i > start + Math.floor(size / 2); i--) {
        if (lines[i]!.trim() === '') {
          end = i + 1;
          break;
        }
      }
    }
    const page = lines.slice(start, end);
    while (page.length > 0 && page[page.length - 1]!.trim() === '') page.pop();
    if (page.length > 0) out.push(page);
    start = end;
    while (start < lines.length && lines[start]!.trim() === '') start++;
  }
  return out;
}

/** Clears the screen and the scroll-back, cursor home. */
export const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

export interface PagerIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
}

/**
 * Shows the pages one a screen: any key goes on, b goes back, q (or Ctrl-C,
 * or Escape) ends. Standard input must be a terminal (the caller checks).
 */
export async function presentPages(pages: readonly string[], io: PagerIo): Promise<void> {
  if (pages.length === 0) return;
  const { emitKeypressEvents } = await import('node:readline');
  emitKeypressEvents(io.stdin);
  const raw = io.stdin.isTTY ? io.stdin.isRaw : false;
  if (io.stdin.isTTY) io.stdin.setRawMode(true);
  io.stdin.resume();
  try {
    let i = 0;
    for (;;) {
      const last = i === pages.length - 1;
      io.stdout.write(`${CLEAR}${pages[i]}\n${last ? WORDS.lastFooter(i + 1, pages.length) : WORDS.pageFooter(i + 1, pages.length)}`);
      const key = await nextKey(io.stdin);
      if (key === 'quit') break;
      if (key === 'back') i = Math.max(0, i - 1);
      else if (last) break;
      else i++;
    }
    io.stdout.write('\n');
  } finally {
    if (io.stdin.isTTY) io.stdin.setRawMode(raw);
    io.stdin.pause();
  }
}

function nextKey(stdin: NodeJS.ReadStream): Promise<'next' | 'back' | 'quit'> {
  return new Promise((resolve) => {
    const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      stdin.off('keypress', onKey);
      if (key?.ctrl && (key.name === 'c' || key.name === 'd')) resolve('quit');
      else if (key?.name === 'q' || key?.name === 'escape') resolve('quit');
      else if (key?.name === 'b' || key?.name === 'left' || key?.name === 'pageup' || str === 'b') resolve('back');
      else resolve('next');
    };
    stdin.on('keypress', onKey);
  });
}
