/**
 * The generic format: a stacks file someone made by hand or with `align
 * collect`, and any CSV no survey tool claims (its detection score is low so
 * that every tool module wins over it).
 *
 * One header row. Respondent attributes are recognised by header (columns.ts;
 * align.yml `columns` overrides). The stacks come in one of four encodings:
 *   long          respondent, [name, role, department,] priority, rank: one row per
 *                 (respondent, priority); rows grouped by respondent id, else email,
 *                 else name, in any order; the respondent's line is their first row
 *   by priority   one column per priority, the cell its rank (`3`, `3rd`); every
 *                 column whose cells are ranks (and whose header names nothing else,
 *                 such as `Team size` or `duration_s`) is a priority, so N counts a
 *                 column nobody ranked; but a column whose values run past N, or
 *                 repeat another column's rank in most rows, is not (notRanks)
 *   by position   one column per position (`1st`, `Rank 1`, `Choice 1`, `[1]`), the
 *                 cell naming the priority placed there
 *   list          one cell per respondent: `A;B;C;`, `A > B > C`, `A | B`, `A, B`
 * Columns of a by-priority or by-position layout may share a question
 * (`Rank these [Grow revenue]`). A table with no ranking, or with two candidate
 * ranking questions, is still read (every stack empty, a note saying so) so
 * that align inspect can show its columns; the stop comes later: readDataset
 * asks for --ranking-question (`rankingUnresolved`), and the commands that
 * need stacks stop when there are none.
 *
 * Survey questions (Likert) in a generic file are likert.ts's business: this
 * module reads stacks and attributes only. See LIKERT SEAM below.
 */
import { InputError } from '../../errors.js';
import type { ColumnRoleName, ColumnOverride } from '../config-types.js';
import { cellStats, normaliseHeader, personKey, positionFromHeader, recogniseColumnFromStats, splitQuestionHeader, type CellStats } from '../columns.js';
import { priorityKey } from '../priority-key.js';
import {
  aliasKeyOf,
  readRank,
  stackFromListCell,
  stackFromLongRows,
  stackFromPositionCells,
  stackFromPriorityCells,
  type RankedName,
} from '../rankings.js';
import type { Excluded, Table } from '../types.js';
import type { ColumnInfo, Detection, FormatModule, NormaliseContext, Normalised, RawRow } from './types.js';

type Attribute = 'id' | 'name' | 'email' | 'role' | 'department' | 'submitted';
const ATTRIBUTES: readonly Attribute[] = ['id', 'name', 'email', 'role', 'department', 'submitted'];

/** One way the file could hold the ranking question. */
export type Candidate =
  | { kind: 'long'; question: string; priority: number; rank: number }
  | { kind: 'list'; question: string; column: number }
  | { kind: 'by-position'; question: string | null; columns: Array<{ index: number; position: number }> }
  | { kind: 'by-priority'; question: string | null; columns: Array<{ index: number; priority: string }>; weak: boolean };

export interface Layout {
  columns: ColumnInfo[];
  attributes: Partial<Record<Attribute, number>>;
  candidates: Candidate[];
}

/** Each column's cell counts, computed once per table (detect and normalise both ask). */
const statsCache = new WeakMap<Table, CellStats[]>();

function columnStats(table: Table): CellStats[] {
  let stats = statsCache.get(table);
  if (!stats) {
    const width = table.records[0]!.length;
    const cells: string[] = new Array<string>(Math.max(0, table.records.length - 1));
    stats = [];
    for (let index = 0; index < width; index++) {
      for (let r = 1; r < table.records.length; r++) cells[r - 1] = table.records[r]![index] ?? '';
      stats.push(cellStats(cells));
    }
    statsCache.set(table, stats);
  }
  return stats;
}

function overrideFor(header: string, context: Pick<NormaliseContext, 'config'>): ColumnOverride | null {
  const columns = context.config.columns;
  if (!columns) return null;
  const exact = columns[header] ?? columns[header.trim()];
  const found =
    exact ?? Object.entries(columns).find(([h]) => normaliseHeader(h) === normaliseHeader(header) && normaliseHeader(h) !== '')?.[1];
  if (found === undefined) return null;
  return typeof found === 'string' ? { role: found } : found;
}

/** align.yml `columns` keys that name no header of the file (a typo, or the config of another export), as overrideFor matches them. */
function unmatchedColumns(header: readonly string[], context: Pick<NormaliseContext, 'config'>): string[] {
  const exact = new Set(header.flatMap((h) => [h, h.trim()]));
  const loose = new Set(header.map(normaliseHeader).filter((h) => h !== ''));
  return Object.keys(context.config.columns ?? {}).filter((key) => !exact.has(key) && !loose.has(normaliseHeader(key)));
}

/** What each column is: columns.ts by header and cells, then align.yml `columns` on top. */
function classify(table: Table, context: Pick<NormaliseContext, 'config'>): ColumnInfo[] {
  const header = table.records[0]!;
  const stats = columnStats(table);
  return header.map((h, index) => {
    const seen = recogniseColumnFromStats(index, h, stats[index]!);
    const override = overrideFor(h, context);
    if (!override) return seen;
    const reason = `align.yml columns: ${JSON.stringify(h.trim())} is ${override.role}`;
    if (override.role !== 'ranking') return { index, header: h, role: override.role, confidence: 1, reason };
    if (override.priority) return { index, header: h, role: 'ranking', confidence: 1, reason, ranking: 'by-priority', priority: override.priority };
    if (seen.role === 'ranking') return { ...seen, confidence: 1, reason };
    const position = positionFromHeader(h);
    if (position !== null) return { index, header: h, role: 'ranking', confidence: 1, reason, ranking: 'by-position', position };
    const s = stats[index]!;
    if (s.lists > 0 || (s.filled > 0 && s.rankShaped / s.filled < 0.5)) return { index, header: h, role: 'ranking', confidence: 1, reason, ranking: 'list' };
    return { index, header: h, role: 'ranking', confidence: 1, reason, ranking: 'by-priority', priority: h.trim() };
  });
}

/**
 * Groups columns by the question their headers share (`Q [a]`, `Q [b]`); a
 * prefix counts as a question only when at least two columns share it.
 */
function byQuestion<T extends { index: number }>(
  columns: ColumnInfo[],
  items: T[],
): Array<{ question: string | null; members: Array<T & { item: string }> }> {
  const split = items.map((it) => ({ it, q: splitQuestionHeader(columns[it.index]!.header) }));
  const counts = new Map<string, number>();
  for (const { q } of split) if (q) counts.set(priorityKey(q.question), (counts.get(priorityKey(q.question)) ?? 0) + 1);
  const groups = new Map<string, { question: string | null; members: Array<T & { item: string }> }>();
  for (const { it, q } of split) {
    const shared = q && (counts.get(priorityKey(q.question)) ?? 0) >= 2;
    const key = shared ? `q:${priorityKey(q.question)}` : '-';
    let g = groups.get(key);
    if (!g) {
      g = { question: shared ? q.question : null, members: [] };
      groups.set(key, g);
    }
    g.members.push({ ...it, item: shared ? q.item : columns[it.index]!.header.trim() });
  }
  return [...groups.values()];
}

/** Reads the header and cells into attribute columns and candidate ranking questions (never throws). */
export function analyse(table: Table, context: Pick<NormaliseContext, 'config'>): Layout {
  const columns = classify(table, context);
  const attributes: Partial<Record<Attribute, number>> = {};
  for (const role of ATTRIBUTES) {
    let best: ColumnInfo | null = null;
    for (const c of columns) if (c.role === role && (!best || c.confidence > best.confidence)) best = c;
    if (best) attributes[role] = best.index;
  }
  const ranking = (kind: NonNullable<ColumnInfo['ranking']>) => columns.filter((c) => c.role === 'ranking' && c.ranking === kind);
  const candidates: Candidate[] = [];

  const priorityCol = ranking('long-priority')[0];
  const rankCol = ranking('long-rank')[0];
  if (priorityCol && rankCol) {
    candidates.push({ kind: 'long', question: rankCol.header.trim(), priority: priorityCol.index, rank: rankCol.index });
  }
  for (const c of ranking('list')) candidates.push({ kind: 'list', question: c.header.trim(), column: c.index });

  const positions = ranking('by-position').map((c) => ({ index: c.index, position: c.position! }));
  for (const g of byQuestion(columns, positions)) {
    candidates.push({ kind: 'by-position', question: g.question, columns: g.members.map(({ index, position }) => ({ index, position })) });
  }

  const priorities = ranking('by-priority').map((c) => ({ index: c.index, priority: c.priority ?? c.header.trim() }));
  for (const g of byQuestion(columns, priorities)) {
    const fromConfig = g.members.some((m) => columns[m.index]!.confidence === 1);
    if (g.question === null && !fromConfig) {
      // Columns taken for priorities by their cells alone: keep the set that reads as one ranking.
      const dropped = notRanks(table, g.members.map((m) => m.index));
      for (const [index, why] of dropped) {
        const c = columns[index]!;
        columns[index] = { ...c, role: 'unknown', confidence: 0, reason: `${JSON.stringify(c.header.trim())} holds numbers, but not ranks: ${why}` };
      }
      g.members = g.members.filter((m) => !dropped.has(m.index));
      if (g.members.length === 0) continue;
    }
    candidates.push({
      kind: 'by-priority',
      question: g.question,
      // an unshared header keeps its align.yml priority name, else the header is the name
      columns: g.members.map((m) => ({ index: m.index, priority: g.question === null ? m.priority : m.item })),
      weak: g.question === null && !fromConfig,
    });
  }
  return { columns, attributes, candidates };
}

/** A column's cells as numbers (ranks, and whole numbers below 1); null for a blank cell or text. */
function numbersOf(table: Table, index: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let r = 1; r < table.records.length; r++) {
    const v = readRank(table.records[r]![index] ?? '');
    out.push(typeof v === 'number' ? v : v !== null && v.kind === 'below' ? v.rank : null);
  }
  return out;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Which of the columns taken for priorities by their cells alone are no
 * priority, and why: a wide-by-priority layout holds ranks within 1..N (N =
 * its number of priority columns), and a respondent rarely gives two
 * priorities one rank. Dropped, until the rest fit, one reason at a time:
 *   - a column whose values mostly run past N (a duration, an id, a year),
 *     seen at least twice;
 *   - the column whose value repeats another column's rank in most rows,
 *     when the other columns rarely repeat (a team size of 4 beside ranks 1..9);
 *   - a column left alone: one column is no ranking.
 * A rank past N in a real priority column (one typo) keeps its column, so
 * that the range check names the cell.
 */
function notRanks(table: Table, indices: readonly number[]): Map<number, string> {
  let cached = notRanksCache.get(table);
  if (!cached) notRanksCache.set(table, (cached = new Map()));
  const key = indices.join(',');
  let dropped = cached.get(key);
  if (!dropped) cached.set(key, (dropped = findNotRanks(table, indices)));
  return dropped;
}

/** notRanks per table and set of columns: detect and normalise both ask. */
const notRanksCache = new WeakMap<Table, Map<string, Map<number, string>>>();

function findNotRanks(table: Table, indices: readonly number[]): Map<number, string> {
  const dropped = new Map<number, string>();
  const values = new Map(indices.map((i) => [i, numbersOf(table, i)]));
  let set = [...indices];
  const rows = table.records.length - 1;
  for (;;) {
    const n = set.length;
    if (n < 2) break;
    let changed = false;
    for (const i of set) {
      const filled = values.get(i)!.filter((v): v is number => v !== null);
      const over = filled.filter((v) => v > n);
      if (over.length >= 2 && over.length * 2 > filled.length) {
        const shown = [...new Set(over)].slice(0, 3).join(', ');
        dropped.set(i, `${over.length} of its ${filled.length} values (${shown}${new Set(over).size > 3 ? ', …' : ''}) run past ${n}, and ${n} priority columns hold ranks 1..${n} only`);
        changed = true;
      }
    }
    if (changed) {
      set = set.filter((i) => !dropped.has(i));
      continue;
    }
    const collide = new Map(set.map((i) => [i, 0]));
    const filled = new Map(set.map((i) => [i, 0]));
    for (let r = 0; r < rows; r++) {
      const counts = new Map<number, number>();
      for (const i of set) {
        const v = values.get(i)![r];
        if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      for (const i of set) {
        const v = values.get(i)![r];
        if (v === null || v === undefined) continue;
        filled.set(i, filled.get(i)! + 1);
        if (counts.get(v)! > 1) collide.set(i, collide.get(i)! + 1);
      }
    }
    const rate = (i: number) => (filled.get(i)! === 0 ? 0 : collide.get(i)! / filled.get(i)!);
    const worst = set.reduce((a, b) => (rate(b) > rate(a) ? b : a), set[0]!);
    if (set.length > 2 && filled.get(worst)! >= 3 && rate(worst) > 0.5 && median(set.filter((i) => i !== worst).map(rate)) <= rate(worst) / 2) {
      const others = Math.round(median(set.filter((i) => i !== worst).map(rate)) * 100);
      dropped.set(worst, `in ${collide.get(worst)} of the ${filled.get(worst)} rows that fill it, its value repeats a rank the same row gives another column (a priority column does so in ${others}% of rows, the median, as ties)`);
      set = set.filter((i) => i !== worst);
      continue;
    }
    break;
  }
  if (set.length === 1) {
    dropped.set(set[0]!, 'a single column is no ranking (a layout by priority has a column for each priority)');
  }
  return dropped;
}

function describe(c: Candidate, columns: ColumnInfo[]): string {
  const name = (i: number) => JSON.stringify(columns[i]!.header.trim());
  switch (c.kind) {
    case 'long':
      return `long format (priority in ${name(c.priority)}, rank in ${name(c.rank)})`;
    case 'list':
      return `one ordered list per respondent in ${name(c.column)}`;
    case 'by-position':
      return `one column per position${c.question ? ` under ${JSON.stringify(c.question)}` : ''} (${c.columns.length} columns from ${name(c.columns[0]!.index)})`;
    case 'by-priority':
      return `one column per priority${c.question ? ` under ${JSON.stringify(c.question)}` : ''} (${c.columns.length} columns: ${c.columns
        .slice(0, 3)
        .map((m) => name(m.index))
        .join(', ')}${c.columns.length > 3 ? ', ...' : ''})`;
  }
}

function questionOf(c: Candidate): string | null {
  return c.question;
}

/** Several candidate ranking questions and nothing saying which: what stops stack and audit (Normalised.rankingUnresolved). */
type Unresolved = NonNullable<Normalised['rankingUnresolved']>;

/**
 * The candidate to read: the one --ranking-question names, else the only
 * strong one, else the weak by-priority group; null when there is none, or
 * the `unresolved` stop when several strong ones compete.
 */
function choose(table: Table, layout: Layout, rankingQuestion: string | undefined): Candidate | null | Unresolved {
  const { candidates, columns } = layout;
  const headerLine = table.lines[0]!;
  if (rankingQuestion !== undefined && rankingQuestion.trim() !== '') {
    const wanted = priorityKey(rankingQuestion);
    const matches = (c: Candidate): boolean => {
      const q = questionOf(c);
      if (q !== null && priorityKey(q) === wanted) return true;
      return c.kind === 'long' && priorityKey(columns[c.priority]!.header) === wanted;
    };
    let found = candidates.filter(matches);
    if (found.length === 0) {
      found = candidates.filter((c) => {
        const q = questionOf(c);
        return q !== null && priorityKey(q).startsWith(wanted);
      });
    }
    if (found.length === 1) return found[0]!;
    const named = candidates.map(questionOf).filter((q): q is string => q !== null);
    throw new InputError(
      table.path,
      headerLine,
      null,
      found.length === 0
        ? `no ranking question is headed ${JSON.stringify(rankingQuestion)}`
        : `${found.length} ranking questions match --ranking-question ${JSON.stringify(rankingQuestion)}`,
      named.length > 0
        ? `give one of these exactly: ${named.map((q) => JSON.stringify(q)).join(', ')}`
        : 'check the header text, or run align inspect on the file',
    );
  }
  const strong = candidates.filter((c) => !(c.kind === 'by-priority' && c.weak));
  if (strong.length === 1) return strong[0]!;
  if (strong.length > 1) {
    return {
      line: headerLine,
      problem: `this file holds ${strong.length} candidate ranking questions: ${strong.map((c) => describe(c, columns)).join('; ')}`,
      fix: `pass --ranking-question with the one to use (its header text${strong.some((c) => questionOf(c)) ? `, e.g. ${JSON.stringify(strong.map(questionOf).find((q) => q) ?? '')}` : ''}), or mark the others ignore under columns in align.yml`,
    };
  }
  return candidates.find((c) => c.kind === 'by-priority') ?? null;
}

function cell(table: Table, r: number, index: number | undefined): string | null {
  if (index === undefined) return null;
  const v = (table.records[r]![index] ?? '').trim();
  return v === '' ? null : v;
}

/**
 * ISO 8601 submit times (`2024-05-01 09:30`, `2024-05-01T09:30:00Z`, with an
 * offset or without one, read as UTC). Other date styles are ambiguous
 * (5/6/2024) and read as null: file order decides instead.
 */
export function parseIsoTime(text: string | null): number | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(t) ? t : null;
}

/** The ledger reason for a respondent --skip-invalid leaves out. */
export function invalidReason(e: InputError, ownLine: number): string {
  const where = [e.line !== null && e.line !== ownLine ? `line ${e.line}` : null, e.column !== null ? `column ${JSON.stringify(e.column)}` : null]
    .filter((x) => x !== null)
    .join(', ');
  return `invalid, respondent left out (--skip-invalid): ${e.problem}${where ? ` (${where})` : ''}`;
}

/** Excel leaves rows of empty cells (`,,,,`) below the data: not a respondent. */
function isEmptyRecord(record: readonly string[]): boolean {
  return record.every((c) => c.trim() === '');
}

const EMPTY_ROW = 'empty row: every cell is blank';

function rawRow(table: Table, r: number, attributes: Layout['attributes'], stack: RawRow['stack']): RawRow {
  return {
    file: table.path,
    line: table.lines[r]!,
    toolId: cell(table, r, attributes.id),
    name: cell(table, r, attributes.name),
    email: cell(table, r, attributes.email),
    role: cell(table, r, attributes.role),
    department: cell(table, r, attributes.department),
    submitted: parseIsoTime(cell(table, r, attributes.submitted)),
    likert: {},
    stack,
    exclude: null,
  };
}

/** Runs `build` for one respondent; with --skip-invalid an InputError becomes ledger entries for all their lines. */
function guarded(
  context: NormaliseContext,
  excluded: Excluded[],
  file: string,
  lines: number[],
  build: () => RankedName[],
): RankedName[] | null {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof InputError) || !context.skipInvalid) throw e;
    for (const line of lines) excluded.push({ file, line, reason: invalidReason(e, line) });
    return null;
  }
}

function readWide(table: Table, layout: Layout, chosen: Candidate, context: NormaliseContext, out: Normalised): void {
  const keyOf = aliasKeyOf(context.config.priorities?.aliases);
  const header = table.records[0]!;
  const known = knownNames(context);
  // N for the range check: every priority column counts (two columns naming one
  // priority are reported as ranked twice, not as a rank out of range)
  const n = chosen.kind === 'by-priority' ? chosen.columns.length : 0;
  for (let r = 1; r < table.records.length; r++) {
    const record = table.records[r]!;
    const line = table.lines[r]!;
    if (isEmptyRecord(record)) {
      out.excluded.push({ file: table.path, line, reason: EMPTY_ROW });
      continue;
    }
    const where = { file: table.path, line, keyOf };
    const stack = guarded(context, out.excluded, table.path, [line], () => {
      switch (chosen.kind) {
        case 'by-priority':
          return stackFromPriorityCells(
            chosen.columns.map((c) => ({ priority: c.priority, column: header[c.index]!, cell: record[c.index] ?? '' })),
            { ...where, n },
          );
        case 'by-position':
          return stackFromPositionCells(
            chosen.columns.map((c) => ({ position: c.position, column: header[c.index]!, cell: record[c.index] ?? '' })),
            where,
          );
        case 'list':
          return stackFromListCell(record[chosen.column] ?? '', { ...where, column: header[chosen.column]!, ...(known ? { known } : {}) });
        case 'long':
          throw new Error('unreachable');
      }
    });
    if (stack) out.rows.push(rawRow(table, r, layout.attributes, stack));
  }
}

/** Priority names align.yml knows (aliases and their targets): help split comma lists. */
function knownNames(context: NormaliseContext): string[] | undefined {
  const aliases = context.config.priorities?.aliases;
  if (!aliases) return undefined;
  const names = [...Object.keys(aliases), ...Object.values(aliases)];
  return names.length > 0 ? names : undefined;
}

function readLong(table: Table, layout: Layout, chosen: Extract<Candidate, { kind: 'long' }>, context: NormaliseContext, out: Normalised): void {
  const keyOf = aliasKeyOf(context.config.priorities?.aliases);
  const { attributes } = layout;
  const header = table.records[0]!;
  if (attributes.id === undefined && attributes.email === undefined && attributes.name === undefined) {
    throw new InputError(
      table.path,
      table.lines[0]!,
      null,
      'this long-format file (one row per respondent and priority) has no column saying whose row it is',
      'add a respondent column (an id or the name), or name it under columns in align.yml',
    );
  }
  const idColumn = header[attributes.id ?? attributes.email ?? attributes.name!]!;
  // group rows by respondent: id, else email, else name
  const groups = new Map<string, number[]>();
  const listed = new Map<string, string>();
  for (let r = 1; r < table.records.length; r++) {
    if (isEmptyRecord(table.records[r]!)) {
      out.excluded.push({ file: table.path, line: table.lines[r]!, reason: EMPTY_ROW });
      continue;
    }
    const name = (table.records[r]![chosen.priority] ?? '').trim();
    const key = keyOf(name);
    if (key !== '' && !listed.has(key)) listed.set(key, name);
    const id = cell(table, r, attributes.id);
    const email = cell(table, r, attributes.email);
    const person = cell(table, r, attributes.name);
    const group = id !== null ? `i:${id}` : email !== null ? `e:${email.toLowerCase()}` : person !== null ? `n:${personKey(person)}` : `row:${r}`;
    const members = groups.get(group);
    if (members) members.push(r);
    else groups.set(group, [r]);
  }
  out.priorities = [...listed.values()];
  const n = listed.size;
  for (const [group, members] of groups) {
    const lines = members.map((r) => table.lines[r]!);
    const first = members[0]!;
    const stack = guarded(context, out.excluded, table.path, lines, () => {
      if (group.startsWith('row:')) {
        throw new InputError(table.path, lines[0]!, idColumn, 'this row does not say whose it is: the respondent cells are empty', 'fill in the respondent, or delete the row');
      }
      return stackFromLongRows(
        members.map((r) => ({ line: table.lines[r]!, priority: table.records[r]![chosen.priority] ?? '', rank: table.records[r]![chosen.rank] ?? '' })),
        { file: table.path, n, priorityColumn: header[chosen.priority]!, rankColumn: header[chosen.rank]!, keyOf },
      );
    });
    if (!stack) continue;
    // A row that lists a priority and leaves its rank blank: unranked, as a wide file's blank cell, but said out loud.
    for (const r of members) {
      const name = (table.records[r]![chosen.priority] ?? '').trim();
      if ((table.records[r]![chosen.rank] ?? '').trim() === '' && keyOf(name) !== '') {
        out.notes.push({ file: table.path, line: table.lines[r]!, note: `blank rank for ${JSON.stringify(name)}: counted as unranked` });
      }
    }
    const row = rawRow(table, first, attributes, stack);
    // attributes: the first non-blank value among the respondent's rows
    for (const [field, attr] of [
      ['toolId', 'id'],
      ['name', 'name'],
      ['email', 'email'],
      ['role', 'role'],
      ['department', 'department'],
    ] as const) {
      if (row[field] !== null) continue;
      for (const r of members) {
        const v = cell(table, r, attributes[attr]);
        if (v !== null) {
          row[field] = v;
          break;
        }
      }
    }
    if (lines.length > 1) row.lines = lines;
    out.rows.push(row);
  }
}

/** generic's detection score, whatever the file: low, so that every tool module that recognises the file wins. */
export const GENERIC_SCORE = 0.1;

export const generic: FormatModule = {
  format: 'generic',

  detect(table: Table): Detection {
    const layout = analyse(table, { config: {} });
    const found = layout.candidates.filter((c) => !(c.kind === 'by-priority' && c.weak));
    const shown = (found.length > 0 ? found : layout.candidates).map((c) => describe(c, layout.columns));
    return {
      score: GENERIC_SCORE,
      reason: `no survey tool's fingerprint; read as a plain table${shown.length > 0 ? `: ${shown.join('; ')}` : ' (no ranking found)'}`,
    };
  },

  normalise(table: Table, context: NormaliseContext): Normalised {
    const layout = analyse(table, context);
    const out: Normalised = {
      format: 'generic',
      headerRows: 1,
      columns: layout.columns,
      // LIKERT SEAM: Likert items in a generic file (agreement labels, 1..5 / 1..7
      // columns) will be claimed by likert.ts before the stacks are looked for, and
      // their columns taken out of `layout`. Until then, this module reads stacks only.
      items: [],
      rows: [],
      excluded: [],
      notes: [],
      hasRoleColumn: layout.attributes.role !== undefined,
      priorities: [],
      newestFirst: false,
    };
    for (const key of unmatchedColumns(table.records[0]!, context)) {
      out.notes.push({ file: table.path, line: table.lines[0]!, note: `align.yml names column ${JSON.stringify(key)}, which this file does not have` });
    }
    const chosen = choose(table, layout, context.rankingQuestion ?? context.config.rankingQuestion);
    if (chosen === null || !('kind' in chosen)) {
      // No ranking, or several: the rows are read with empty stacks so that align inspect can show the
      // table; the commands that need stacks stop (stack, audit; readDataset for `rankingUnresolved`).
      if (chosen) out.rankingUnresolved = chosen;
      out.notes.push({
        file: table.path,
        line: table.lines[0]!,
        note: chosen ? `${chosen.problem}; ${chosen.fix}` : `no ranking found; ${NO_RANKING_FIX}`,
      });
      readNoRanking(table, layout, out);
      markUnused(layout.columns, null, chosen ? 'one of several candidate ranking questions: pass --ranking-question to read it' : 'but no ranking goes with it, so not read');
      return out;
    }
    if (chosen.kind === 'long') readLong(table, layout, chosen, context, out);
    else readWide(table, layout, chosen, context, out);
    if (chosen.kind === 'by-priority') out.priorities = chosen.columns.map((c) => c.priority);
    markUnused(layout.columns, chosen, 'not part of the ranking question read, so ignored');
    return out;
  },
};

const NO_RANKING_FIX =
  'give stacks as long format (respondent, priority, rank), one column per priority holding its rank, one column per position, or one list cell (A;B;C); or name the columns under columns in align.yml (align inspect --write-config writes a starter)';

/** Every data row with an empty stack (each is then left out as answering nothing align reads). */
function readNoRanking(table: Table, layout: Layout, out: Normalised): void {
  for (let r = 1; r < table.records.length; r++) {
    if (isEmptyRecord(table.records[r]!)) out.excluded.push({ file: table.path, line: table.lines[r]!, reason: EMPTY_ROW });
    else out.rows.push(rawRow(table, r, layout.attributes, []));
  }
}

/**
 * Ranking columns not read say why, for align inspect: a question other than
 * the one read is ignored; with no question read (none found, or several to
 * choose from) the column could not be placed.
 */
function markUnused(columns: ColumnInfo[], chosen: Candidate | null, why: string): void {
  const used = new Set<number>();
  if (chosen?.kind === 'long') used.add(chosen.priority).add(chosen.rank);
  else if (chosen?.kind === 'list') used.add(chosen.column);
  else if (chosen) for (const c of chosen.columns) used.add(c.index);
  for (const c of columns) {
    if (c.role === 'ranking' && !used.has(c.index)) {
      c.role = chosen ? ('ignore' satisfies ColumnRoleName) : 'unknown';
      c.confidence = chosen ? c.confidence : 0;
      c.reason += `; ${why}`;
    }
  }
}
