import { positionFromHeader } from '../columns.js';
import { groupRange, integerAnswer, isMissingAnswer } from '../likert.js';
import { withoutOutlying } from '../outlying.js';
import { readRank } from '../rankings.js';
import type { Resolved } from './types.js';

export function quoted(s: string): string {
  return JSON.stringify(s);
}

/** Questions: consecutive columns sharing a question (each with a sub), or one column alone. */
export function groupsOf(resolved: readonly Resolved[]): Resolved[][] {
  const groups: Resolved[][] = [];
  for (const r of resolved) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (
      last &&
      prev &&
      r.column.sub !== null &&
      prev.column.sub !== null &&
      r.column.question === prev.column.question &&
      r.column.index === prev.column.index + 1
    ) {
      last.push(r);
    } else {
      groups.push([r]);
    }
  }
  return groups;
}

/**
 * Separate one-column questions headed by positions ("First choice", "Second
 * choice", …: Google Forms' dropdown workaround for a ranking) read as one
 * wide-by-position question, named by its first header.
 */
export function mergePositionRuns(groups: Resolved[][]): Resolved[][] {
  const out: Resolved[][] = [];
  let run: Resolved[] = [];
  const flush = () => {
    const positions = run.map((r) => positionFromHeader(r.column.header));
    if (run.length >= 2 && new Set(positions).size === run.length) {
      const question = run[0]!.column.header;
      out.push(run.map((r) => ({ ...r, column: { ...r.column, question, sub: r.column.header }, view: { ...r.view, question, sub: r.column.header } })));
    } else {
      for (const r of run) out.push([r]);
    }
    run = [];
  };
  for (const g of groups) {
    const single = g.length === 1 && g[0]!.column.sub === null ? g[0]! : null;
    const adjacent = single && run.length > 0 && run[run.length - 1]!.column.index === single.column.index - 1;
    if (single && positionFromHeader(single.column.header) !== null && (run.length === 0 || adjacent)) {
      run.push(single);
      continue;
    }
    flush();
    if (single && positionFromHeader(single.column.header) !== null) run.push(single);
    else out.push(g);
  }
  flush();
  return out;
}

/** A cell a rating or a rank column may hold: blank, "no answer", a whole number or a rank label (`1st`). */
export function numberish(cell: string): boolean {
  if (cell.trim() === '' || isMissingAnswer(cell)) return true;
  if (integerAnswer(cell) !== null) return true;
  return typeof readRank(cell) === 'number';
}

/**
 * A column that holds numbers: its answered cells whole numbers or rank
 * labels, at least two of them and at least three for every word (stray
 * words are typos that reading then reports with their line and column; the
 * ranking and rating rules judge the group with their own, stricter, counts).
 */
function holdsNumbers(cells: readonly string[]): boolean {
  // a column is asked each time the questions are grouped (a plan groups them three or four times)
  let known = heldNumbers.get(cells);
  if (known === undefined) {
    known = countsNumbers(cells);
    heldNumbers.set(cells, known);
  }
  return known;
}

/** holdsNumbers's answer for each column's cells, while they are held. */
const heldNumbers = new WeakMap<readonly string[], boolean>();

function countsNumbers(cells: readonly string[]): boolean {
  // each distinct cell judged once (a column of a thousand answers holds a handful of values)
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
  let numbers = 0;
  let others = 0;
  let flags = true;
  let zeros = 0;
  for (const [c, count] of counts) {
    if (c.trim() === '' || isMissingAnswer(c)) continue;
    if (numberish(c)) numbers += count;
    else others += count;
    const t = c.trim();
    if (t === '0') zeros += count;
    else if (t !== '1') flags = false;
  }
  // A column of 0 and 1 is a yes/no flag, not a rating or a rank (a rank is never 0): it stays out of every group (and unknown).
  if (flags && zeros > 0) return false;
  return others === 0 || (numbers >= 2 && numbers >= 3 * others);
}

/** A one-column question of numbers that align.yml calls Likert (`columns: {Q1: {role: likert, scale: rating}}`). */
function namedRating(g: readonly Resolved[]): boolean {
  const r = g[0]!;
  return g.length === 1 && r.column.sub === null && !r.column.known && r.override?.spec.role === 'likert' && holdsNumbers(r.view.cells);
}

/** `Q12` and `Q7` share the family "q#", `item_3` "item_#"; any other header is "text". */
export function headerFamily(header: string): string {
  const m = /^([A-Za-z]+[ _.-]?)\d+(?:[_.-]\d+)*$/.exec(header.trim());
  return m ? `${m[1]!.toLowerCase()}#` : 'text';
}

/**
 * Side-by-side one-column questions holding numbers only (blank cells
 * allowed) read as one group: a plain table's ranking (one column per
 * priority, headed by the priority) or its rating questions (Q1…Q40). A run
 * splits where the header family changes (`Q1…Q40` beside `Grow revenue…`),
 * unless the other family has a single column (a stray `Q7` beside nine
 * priorities is judged with them, so the rank rule can say why it is none).
 * Each group is named by its first header.
 */
export function mergeNumberRuns(groups: Resolved[][]): Resolved[][] {
  const out: Resolved[][] = [];
  let run: Resolved[] = [];
  const flush = () => {
    // segments of one family; a segment of one column joins its neighbour
    const segments: Resolved[][] = [];
    for (const r of run) {
      const last = segments[segments.length - 1];
      if (last && headerFamily(last[0]!.column.header) === headerFamily(r.column.header)) last.push(r);
      else segments.push([r]);
    }
    const merged: Resolved[][] = [];
    const lone = (seg: Resolved[]) => seg.length === 1 && !seg[0]!.override;
    for (const seg of segments) {
      const last = merged[merged.length - 1];
      if (last && (lone(seg) || lone(last))) last.push(...seg);
      else merged.push([...seg]);
    }
    for (const g of merged) {
      // a run of one column, or of columns align.yml names only, is no group: each stays its own question
      if (g.length < 2 || g.every((r) => r.override)) {
        for (const r of g) out.push([r]);
        continue;
      }
      const question = g[0]!.column.header;
      out.push(g.map((r) => ({ ...r, column: { ...r.column, question, sub: r.column.header }, view: { ...r.view, question, sub: r.column.header } })));
    }
    run = [];
  };
  for (const g of groups) {
    const single = g.length === 1 && g[0]!.column.sub === null && !g[0]!.override && !g[0]!.column.known ? g[0]! : null;
    if (single !== null && single.role === 'unknown' && single.reason === '' && holdsNumbers(single.view.cells)) {
      run.push(single);
      continue;
    }
    // A column of numbers align.yml calls Likert stays in its run (read on its own scale, not the
    // group's): naming Q1 of Q1..Q3 must not leave Q2 and Q3 a run of two, read as nothing.
    if (namedRating(g)) {
      run.push(g[0]!);
      continue;
    }
    // Columns placed by their header (a name, a department, metadata) do not break a run: reordering
    // a plain table's columns must not change how it reads. Any other column does.
    if (!g.every((r) => r.role !== 'unknown' || r.reason !== '')) flush();
    out.push(g);
  }
  flush();
  return out;
}

/** The file's questions: a question's columns together, position questions and number runs merged. */
export function questionGroups(resolved: readonly Resolved[]): Resolved[][] {
  return mergeNumberRuns(mergePositionRuns(groupsOf(resolved)));
}

/** True for a group mergeNumberRuns made (one-column questions read together), not a question the tool grouped. */
export function isNumberRun(group: readonly Resolved[]): boolean {
  return group.length >= 2 && group[0]!.column.question === group[0]!.column.header && group.every((r) => r.column.sub === r.column.header);
}

/**
 * Groups of rating questions: three or more side-by-side one-column questions,
 * or the columns of one question (a grid), whose answers are all whole numbers
 * on one fixed range. Columns no one answered stay out (nothing says what
 * they are). The range is the group's: a lone column's range is never read
 * from the largest number it happens to hold, and a few answers apart from
 * the rest (outlyingAnswers: a lone 9 among 1..5, a lone 0 below them) are
 * left out of it, so the cells holding them are off the scale.
 */
export function numericGroups(
  groups: readonly Resolved[][],
): Array<{ members: Resolved[]; range: { low: number; high: number; points: number; unsure: boolean } }> {
  const out: Array<{ members: Resolved[]; range: { low: number; high: number; points: number; unsure: boolean } }> = [];
  for (const g of groups) {
    const open = g.filter((r) => r.role === 'unknown' && r.reason === '' && !r.override && !r.column.known);
    const members = open.filter((r) => r.view.cells.some((c) => c.trim() !== '' && !isMissingAnswer(c)));
    const tool = g.length >= 2 && !isNumberRun(g);
    // Columns align.yml calls Likert count towards the group's size but are read on their own scale:
    // the others are read as before, as the group without them.
    const named = g.filter((r) => r.override?.spec.role === 'likert').length;
    if (members.length === 0 || members.length + named < (tool ? 2 : 3)) continue;
    // A stray word among the numbers of a grid ("x") is a bad cell reading reports with its line and column.
    const values: number[] = [];
    let words = 0;
    for (const r of members) {
      for (const c of r.view.cells) {
        if (c.trim() === '' || isMissingAnswer(c)) continue;
        const v = integerAnswer(c);
        if (v === null) words++;
        else values.push(v);
      }
    }
    const ok = words === 0 || (values.length >= 3 && values.length >= 3 * words);
    if (!ok || new Set(values).size < 2) continue;
    // A few answers apart from the rest (a lone 9 among 1..5) do not decide the range: they are off
    // it, and reading stops at the first with its line and column (likertCell), never a stretched scale.
    const range = groupRange(withoutOutlying(values));
    if (range) out.push({ members, range });
  }
  return out;
}
