/**
 * The part of reading a survey-tool export that every tool shares. A tool
 * module knows its own layout (how many header rows, how to name each column,
 * which columns are its metadata, how it writes submit times, which rows are
 * previews or unfinished) and hands it here as an ExportLayout; this file
 * applies align.yml (column roles, code books, scales), infers the rest
 * (src/ingest/infer.ts), finds the ranking question, and reads every data row
 * into a RawRow.
 *
 * Order of authority for a column's role: align.yml `columns`, then what the
 * tool's layout says for certain, then the header, then the cells.
 */
import { InputError } from '../../errors.js';
import type { AlignConfig, ColumnOverride, ColumnRoleName } from '../config-types.js';
import {
  type ColumnView,
  findRankingQuestions,
  inferAnswer,
  inferFromHeader,
  inferLikert,
  type Inference,
  type LikertKind,
  asksForOrder,
  deriveOptions,
  notRanks,
  rankingAsTold,
  type RankingCandidate,
  splitChoices,
} from '../infer.js';
import { bestScale, findScale, integerAnswer, isMissingAnswer, likertValue, numericRange, type Scale, scalesFor } from '../likert.js';
import { positionFromHeader } from '../columns.js';
import { aliasKeyOf, readRank, stackFromListCell, stackFromPositionCells, stackFromPriorityCells, SKIP_INVALID_FIX } from '../rankings.js';
import { guessDateOrder, parseTimestamp } from '../timestamps.js';
import type { Excluded, Item, Note, Table, ToolFormat } from '../types.js';
import type { ColumnInfo, NormaliseContext, Normalised, RawRow } from './types.js';

/** One column as the tool's layout names it. */
export interface ExportColumn {
  index: number;
  /** The header as the user sees it (SurveyMonkey: `Question [Row]`; Qualtrics: the row-2 label). */
  header: string;
  /** The tool's code (Qualtrics export tag `Q4_1`, LimeSurvey `agree[SQ001]`), or null. */
  code: string | null;
  /** The question the column belongs to; the header for a one-column question. */
  question: string;
  /** Statement, row, option or position within the question; null for a one-column question. */
  sub: string | null;
  /** What the tool's layout says for certain (its own metadata columns). */
  known?: { role: ColumnRoleName; reason: string };
}

export interface ExportLayout {
  format: ToolFormat;
  headerRows: number;
  newestFirst: boolean;
  columns: ExportColumn[];
  /** The record's submit time (ms UTC) by the tool's own rule; absent: read from the `submitted` column. */
  submitted?: (record: readonly string[]) => number | null;
  /** Why the tool's own columns say the record is not a real response, or null. */
  exclude?: (record: readonly string[]) => string | null;
  /** Columns holding first and last name, used when no name column is found or its cell is blank. */
  firstName?: number;
  lastName?: number;
}

/** A RawRow with the answers align reads besides Likert and ranks. */
export interface SurveyRow extends RawRow {
  /** Multi-select answers: question -> the options chosen. */
  choices: Record<string, string[]>;
  /** Free-text comments: question -> text. */
  comments: Record<string, string>;
  /** Ownership questions: question -> who the respondent named. */
  ownership: Record<string, string>;
}

export interface SurveyNormalised extends Normalised {
  rows: SurveyRow[];
  /** Multi-select questions and their options, in file order. */
  multiselect: Array<{ question: string; options: string[] }>;
  /** The ranking question read, or null. */
  ranking: { question: string; encoding: RankingCandidate['encoding']; columns: number[] } | null;
  /** Labelled Likert columns: column index -> the name of the scale their labels were read on. */
  scales: Record<number, string>;
}

// ---------------------------------------------------------------------------
// Header text

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };

/**
 * Header text as the user reads it: HTML tags removed (`<br>` becomes a space),
 * entities decoded (`&apos;`, `&#39;`, `&#x27;`), white space collapsed.
 */
export function cleanHeaderText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

/** Splits `Question [Row]` at the last ` [` (Google Forms grids, LimeSurvey full headings). */
export function splitBracketHeader(header: string): { question: string; sub: string } | null {
  const h = header.trim();
  if (!h.endsWith(']')) return null;
  const at = h.lastIndexOf(' [');
  if (at <= 0) return null;
  const sub = h.slice(at + 2, -1).trim();
  return sub === '' ? null : { question: h.slice(0, at).trim(), sub };
}

/** Splits `Question - Statement` at the last ` - ` (Qualtrics row-2 labels). */
export function splitDashHeader(header: string): { question: string; sub: string } | null {
  const h = header.trim();
  const at = h.lastIndexOf(' - ');
  if (at <= 0) return null;
  const sub = h.slice(at + 3).trim();
  return sub === '' ? null : { question: h.slice(0, at).trim(), sub };
}

/** A code's question and sub-code: `Q5_3` -> Q5, 3; `agree[SQ001]` -> agree, SQ001. */
export function splitCode(code: string): { question: string; sub: string } | null {
  const bracket = /^(.+)\[([^\]]+)\]$/.exec(code.trim());
  if (bracket) return { question: bracket[1]!, sub: bracket[2]! };
  const underscore = /^(.+)_([^_]+)$/.exec(code.trim());
  if (underscore) return { question: underscore[1]!, sub: underscore[2]! };
  return null;
}

/** Case, width and spacing do not matter when align.yml names a column, code or question. */
export function looseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u00a0]+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------
// align.yml: code books and column overrides

type Book = ReadonlyMap<string, string>;

function books(config: AlignConfig): Map<string, Book> {
  const out = new Map<string, Book>();
  for (const [key, codes] of Object.entries(config.codebooks ?? {})) {
    const map = new Map<string, string>();
    for (const [code, label] of Object.entries(codes)) map.set(code.trim().toLowerCase(), label);
    out.set(looseKey(key), map);
  }
  return out;
}

function namesOf(column: ExportColumn): { own: string[]; group: string[] } {
  const own = [column.header, column.code].filter((s): s is string => !!s);
  const group: string[] = [];
  const split = column.code ? splitCode(column.code) : null;
  if (split) group.push(split.question);
  if (column.sub !== null) group.push(column.question);
  return { own, group };
}

/** The code book for a column's cells: by header or code, else by its question or question code. */
function bookFor(column: ExportColumn, all: Map<string, Book>): Book | null {
  const { own, group } = namesOf(column);
  for (const name of [...own, ...group]) {
    const book = all.get(looseKey(name));
    if (book) return book;
  }
  return null;
}

/** A cell through a code book: the label for a code; a list of codes ("1,3") becomes a list of labels. */
function decodeCell(cell: string, book: Book | null): string {
  if (!book) return cell;
  const t = cell.trim();
  if (t === '') return cell;
  const whole = book.get(t.toLowerCase());
  if (whole !== undefined) return whole;
  const parts = t.split(/\s*[,;|]\s*/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => book.has(p.toLowerCase()))) return parts.map((p) => book.get(p.toLowerCase())!).join('; ');
  return cell;
}

interface Override {
  key: string;
  spec: ColumnOverride;
}

function overrides(config: AlignConfig): Map<string, Override> {
  const out = new Map<string, Override>();
  for (const [key, value] of Object.entries(config.columns ?? {})) {
    const spec: ColumnOverride = typeof value === 'string' ? { role: value } : value;
    out.set(looseKey(key), { key, spec });
  }
  return out;
}

function overrideFor(column: ExportColumn, all: Map<string, Override>): Override | null {
  const { own, group } = namesOf(column);
  for (const name of own) {
    const o = all.get(looseKey(name));
    if (o) return o;
  }
  for (const name of group) {
    const o = all.get(looseKey(name));
    if (o) return o;
  }
  return null;
}

// ---------------------------------------------------------------------------

interface Resolved {
  column: ExportColumn;
  view: ColumnView;
  book: Book | null;
  override: Override | null;
  role: ColumnRoleName | 'unknown';
  confidence: number;
  reason: string;
  likert?: { scale: Scale | null; numeric: { low: number; high: number; points: number } | null };
  item?: string;
  options?: string[];
  /** Set for the columns of one group of rating questions (numericGroups): they share one range. */
  group?: string;
}

function quoted(s: string): string {
  return JSON.stringify(s);
}

/** Questions: consecutive columns sharing a question (each with a sub), or one column alone. */
function groupsOf(resolved: readonly Resolved[]): Resolved[][] {
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
function mergePositionRuns(groups: Resolved[][]): Resolved[][] {
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
function numberish(cell: string): boolean {
  if (cell.trim() === '' || isMissingAnswer(cell)) return true;
  if (integerAnswer(cell) !== null) return true;
  return typeof readRank(cell) === 'number';
}

/** `Q12` and `Q7` share the family "q#", `item_3` "item_#"; any other header is "text". */
function headerFamily(header: string): string {
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
function mergeNumberRuns(groups: Resolved[][]): Resolved[][] {
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
    for (const seg of segments) {
      const last = merged[merged.length - 1];
      if (last && (seg.length === 1 || last.length === 1)) last.push(...seg);
      else merged.push([...seg]);
    }
    for (const g of merged) {
      if (g.length < 2) {
        out.push(g);
        continue;
      }
      const question = g[0]!.column.header;
      out.push(g.map((r) => ({ ...r, column: { ...r.column, question, sub: r.column.header }, view: { ...r.view, question, sub: r.column.header } })));
    }
    run = [];
  };
  for (const g of groups) {
    const single = g.length === 1 && g[0]!.column.sub === null && !g[0]!.override && !g[0]!.column.known ? g[0]! : null;
    const fits = single !== null && single.role === 'unknown' && single.reason === '' && single.view.cells.every(numberish);
    const adjacent = fits && run.length > 0 && run[run.length - 1]!.column.index === single.column.index - 1;
    if (fits && (run.length === 0 || adjacent)) {
      run.push(single);
      continue;
    }
    flush();
    if (fits) run.push(single);
    else out.push(g);
  }
  flush();
  return out;
}

/** The file's questions: a question's columns together, position questions and number runs merged. */
function questionGroups(resolved: readonly Resolved[]): Resolved[][] {
  return mergeNumberRuns(mergePositionRuns(groupsOf(resolved)));
}

/** True for a group mergeNumberRuns made (one-column questions read together), not a question the tool grouped. */
function isNumberRun(group: readonly Resolved[]): boolean {
  return group.length >= 2 && group[0]!.column.question === group[0]!.column.header && group.every((r) => r.column.sub === r.column.header);
}

/**
 * Groups of rating questions: three or more side-by-side one-column questions,
 * or the columns of one question (a grid), whose answers are all whole numbers
 * on one fixed range. Columns no one answered stay out (nothing says what
 * they are). The range is the group's: a lone column's range is never read
 * from the largest number it happens to hold.
 */
function numericGroups(groups: readonly Resolved[][]): Array<{ members: Resolved[]; range: { low: number; high: number; points: number } }> {
  const out: Array<{ members: Resolved[]; range: { low: number; high: number; points: number } }> = [];
  for (const g of groups) {
    const open = g.filter((r) => r.role === 'unknown' && r.reason === '' && !r.override && !r.column.known);
    const members = open.filter((r) => r.view.cells.some((c) => c.trim() !== '' && !isMissingAnswer(c)));
    const tool = g.length >= 2 && !isNumberRun(g);
    if (members.length < (tool ? 2 : 3)) continue;
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
    const range = numericRange(values);
    if (range) out.push({ members, range });
  }
  return out;
}

function matchesQuestion(wanted: string, candidate: { question: string; columns: readonly Resolved[] }): 'exact' | 'prefix' | null {
  const w = looseKey(wanted);
  const names = [candidate.question, ...candidate.columns.flatMap((c) => namesOf(c.column).own)];
  const codes = candidate.columns.map((c) => (c.column.code ? splitCode(c.column.code)?.question : undefined)).filter((s): s is string => !!s);
  if ([...names, ...codes].some((n) => looseKey(n) === w)) return 'exact';
  if (w.length >= 4 && looseKey(candidate.question).startsWith(w)) return 'prefix';
  return null;
}

/** Reads a tool's export with its layout. */
export function normaliseExport(table: Table, context: NormaliseContext, layout: ExportLayout): SurveyNormalised {
  const config = context.config ?? {};
  const file = table.path;
  const data = table.records.slice(layout.headerRows);
  const lines = table.lines.slice(layout.headerRows);
  const headerLine = table.lines[0] ?? 1;
  const scales = scalesFor(config);
  const allBooks = books(config);
  const allOverrides = overrides(config);
  const usedOverrides = new Set<string>();
  const notes: Note[] = [];

  // 1. Each column's names, code book and cells.
  const resolved: Resolved[] = layout.columns.map((column) => {
    let sub = column.sub;
    const book = bookFor(column, allBooks);
    // A column known only by its code (LimeSurvey `agree[SQ001]`): the code book of its question names it.
    if (column.code && sub !== null) {
      const split = splitCode(column.code);
      if (split && looseKey(split.sub) === looseKey(sub)) {
        const groupBook = allBooks.get(looseKey(split.question));
        const name = groupBook?.get(split.sub.toLowerCase());
        if (name !== undefined) sub = name;
      }
    }
    const named: ExportColumn = { ...column, sub };
    const raw = data.map((record) => record[column.index] ?? '');
    const cells = raw.map((c) => decodeCell(c, book));
    const override = overrideFor(named, allOverrides);
    if (override) usedOverrides.add(looseKey(override.key));
    return {
      column: named,
      view: { index: column.index, header: column.header, code: column.code, question: column.question, sub, cells, raw },
      book,
      override,
      role: 'unknown',
      confidence: 0,
      reason: '',
    };
  });

  // 2. Roles that do not depend on the ranking question.
  for (const r of resolved) {
    if (r.override) {
      const o = r.override;
      r.role = o.spec.role;
      r.confidence = 1;
      r.reason = `align.yml columns.${o.key}: ${o.spec.role}`;
      continue;
    }
    if (r.column.known) {
      r.role = r.column.known.role;
      r.confidence = 0.99;
      r.reason = r.column.known.reason;
      continue;
    }
    const byHeader = inferFromHeader(r.view);
    // A loose header match ("What is your level of agreement …" looks like a role question) yields to clear Likert answers.
    const likertAnswers = byHeader && byHeader.confidence < 0.9 ? inferLikert(r.view.cells, scales) : null;
    if (byHeader && !(likertAnswers && likertAnswers.confidence >= 0.9)) {
      r.role = byHeader.role;
      r.confidence = byHeader.confidence;
      r.reason = byHeader.reason;
    }
  }

  // 3. The ranking question; several and nothing saying which: none read, and readDataset stops (rankingUnresolved).
  const notPriorities = new Map<number, string>();
  const choice = chooseRanking(resolved, context, config, file, notPriorities);
  const ranking = choice && 'ambiguous' in choice ? null : choice;
  const ambiguous = choice && 'ambiguous' in choice ? choice : null;
  const rankingColumns = new Set(ranking?.columns.map((c) => c.index) ?? []);
  for (const r of resolved) {
    if (rankingColumns.has(r.column.index) && !r.override) {
      r.role = 'ranking';
      r.confidence = ranking!.confidence;
      r.reason = ranking!.reason;
    }
    // Numbers beside the ranking's columns that are no ranks (notRanks): said, and not read as anything else.
    const why = notPriorities.get(r.column.index);
    if (why !== undefined && ranking && !rankingColumns.has(r.column.index) && r.role === 'unknown' && r.reason === '') {
      r.reason = why;
    }
  }

  // Rating questions: a group of columns answered with whole numbers on one range.
  const byIndex = new Map(resolved.map((r) => [r.column.index, r]));
  for (const { members, range } of numericGroups(questionGroups(resolved))) {
    const id = `g${members[0]!.column.index}`;
    // the groups hold copies named by their run; the roles go on the columns themselves
    for (const r of members.map((m) => byIndex.get(m.column.index)!)) {
      r.role = 'likert';
      r.confidence = 0.75;
      r.reason = `whole numbers within ${range.low}..${range.high}: read as a ${range.points}-point scale, ${range.low} = lowest`;
      r.likert = { scale: null, numeric: range };
      r.group = id;
    }
  }

  // 4. Everything else, by its cells.
  for (const r of resolved) {
    if (r.role === 'multiselect') r.options = optionsOf(r);
    if (r.role !== 'unknown' || r.override || r.column.known) continue;
    const answer: Inference = inferAnswer(r.view, scales);
    r.role = answer.role;
    r.confidence = answer.confidence;
    r.reason = answer.reason;
    if (answer.options) r.options = answer.options;
    if (answer.likert) r.likert = likertOf(answer.likert);
  }

  // A rating question answered with one number only (every answer "3") reads as Likert when the file's
  // other rating questions are Likert on a range holding it.
  const numericLikert = resolved.filter((r) => r.role === 'likert' && r.likert?.numeric && !r.override);
  if (numericLikert.length >= 2) {
    for (const r of resolved) {
      if (r.role !== 'unknown' || r.override || r.column.known) continue;
      const answers = r.view.cells.map((c) => c.trim()).filter((c) => c !== '' && !isMissingAnswer(c));
      const values = answers.map(integerAnswer);
      if (answers.length === 0 || values.some((v) => v === null)) continue;
      const range = numericLikert.find((n) => values.every((v) => v! >= n.likert!.numeric!.low && v! <= n.likert!.numeric!.high))?.likert?.numeric;
      if (!range) continue;
      r.role = 'likert';
      r.confidence = 0.5;
      r.reason = `whole numbers within ${range.low}..${range.high}, like the file's other ${numericLikert.length} rating questions`;
      r.likert = { scale: null, numeric: range };
    }
  }

  // The columns of competing ranking questions are placed by none of them until --ranking-question says which.
  if (ambiguous) {
    for (const candidate of ambiguous.ambiguous) {
      for (const view of candidate.columns) {
        const r = resolved.find((x) => x.column.index === view.index)!;
        if (r.override) continue;
        r.role = 'unknown';
        r.confidence = 0;
        r.reason = `one of ${ambiguous.ambiguous.length} candidate ranking questions (${quoted(candidate.question)}: ${candidate.reason}); pass --ranking-question to read it`;
        delete r.likert;
        delete r.options;
      }
    }
    notes.push({ file, line: headerLine, note: `${ambiguous.problem}; ${ambiguous.fix}` });
  }

  // 5. Likert scales: a question's columns share one scale; align.yml may name it.
  const lenient = context.likert === 'lenient';
  resolveScales(resolved, scales, config, file, headerLine, lenient ? notes : null);

  // 6. Items.
  const items: Item[] = [];
  const itemIds = new Set<string>();
  for (const r of resolved) {
    if (r.role !== 'likert') continue;
    const text = (r.override?.spec.item ?? r.column.sub ?? r.column.header).trim();
    let id = text;
    for (let k = 2; itemIds.has(id); k++) id = `${text} (${k})`;
    itemIds.add(id);
    r.item = id;
    items.push({
      id,
      text,
      dimension: dimensionOf(config, [id, text, r.column.header, r.column.code]),
      points: r.likert?.scale?.points ?? r.likert?.numeric?.points ?? 5,
    });
  }

  // 7. Columns as inspect shows them.
  const columns: ColumnInfo[] = resolved.map((r) => {
    const info: ColumnInfo = { index: r.column.index, header: r.column.header, role: r.role, confidence: r.confidence, reason: r.reason };
    if (r.item !== undefined) info.item = r.item;
    if (r.role === 'ranking' && ranking) {
      const at = ranking.columns.findIndex((c) => c.index === r.column.index);
      if (ranking.encoding === 'by-priority') info.priority = priorityNameOf(r);
      if (ranking.encoding === 'by-position' && ranking.positions) info.position = ranking.positions[at]!;
      info.ranking = ranking.encoding;
    }
    return info;
  });

  for (const [key, o] of allOverrides) {
    if (!usedOverrides.has(key)) {
      notes.push({ file, line: headerLine, note: `align.yml names column ${quoted(o.key)}, which this file does not have` });
    }
  }

  // 8. Rows.
  const rows: SurveyRow[] = [];
  const excluded: Excluded[] = [];
  const byRole = (role: ColumnRoleName) => resolved.filter((r) => r.role === role);
  const ids = byRole('id');
  const names = byRole('name');
  const emails = byRole('email');
  const roles = byRole('role');
  const departments = byRole('department');
  const submittedColumns = byRole('submitted');
  // Two columns read as one attribute (a duplicated question title, a question edited after responses
  // arrived): the first answered one is used in each row; say which, so a wrong pick can be fixed in align.yml.
  for (const [role, cols] of [['name', names], ['email', emails], ['role', roles], ['department', departments]] as const) {
    if (cols.length < 2) continue;
    notes.push({
      file,
      line: headerLine,
      note: `${cols.length} columns read as the respondent's ${role} (${cols.map((c) => quoted(c.column.header)).join(', ')}): each row uses the first one answered; name the right one in align.yml under columns and set the other to ignore`,
    });
  }
  const likertColumns = resolved.filter((r) => r.role === 'likert');
  const multiColumns = resolved.filter((r) => r.role === 'multiselect');
  const commentColumns = byRole('comment');
  const ownershipColumns = byRole('ownership');
  const keyOf = aliasKeyOf(config.priorities?.aliases);
  const rankingResolved = ranking ? ranking.columns.map((c) => resolved.find((r) => r.column.index === c.index)!) : [];
  const listOptions = ranking?.encoding === 'list' ? deriveOptions(rankingResolved[0]!.view.cells) : [];
  const dateOrder = guessDateOrder(submittedColumns.flatMap((r) => r.view.raw));
  const multiselect = multiQuestions(multiColumns);

  const pick = (cols: readonly Resolved[], at: number): string | null => {
    for (const c of cols) {
      const v = c.view.cells[at]?.trim() ?? '';
      if (v !== '') return v;
    }
    return null;
  };

  const unreadable = new Map<string, { line: number; count: number }>();
  data.forEach((record, at) => {
    const line = lines[at]!;
    const exclude = layout.exclude?.(record) ?? null;
    let name = pick(names, at);
    if (name === null && (layout.firstName !== undefined || layout.lastName !== undefined)) {
      const first = layout.firstName !== undefined ? (record[layout.firstName] ?? '').trim() : '';
      const last = layout.lastName !== undefined ? (record[layout.lastName] ?? '').trim() : '';
      name = `${first} ${last}`.trim() || null;
    }
    let email = pick(emails, at);
    if (email !== null && !email.includes('@')) email = null; // Microsoft Forms writes "anonymous"
    let submitted: number | null = layout.submitted ? layout.submitted(record) : null;
    if (submitted === null) {
      for (const c of submittedColumns) {
        submitted = parseTimestamp(c.view.raw[at] ?? '', dateOrder);
        if (submitted !== null) break;
      }
    }
    const row: SurveyRow = {
      file,
      line,
      toolId: pick(ids, at),
      name,
      email,
      role: pick(roles, at),
      department: pick(departments, at),
      submitted,
      likert: {},
      stack: [],
      exclude,
      choices: {},
      comments: {},
      ownership: {},
    };
    try {
      for (const c of likertColumns) {
        let value: number | null;
        try {
          value = likertCell(c, at, file, line);
        } catch (e) {
          if (!(e instanceof InputError) || !lenient || exclude !== null) throw e;
          // One note per column, on its first such row, naming no answer of anyone's: notes reach the
          // workshop view, and a team member's answers are confidential.
          const n = unreadable.get(c.column.header) ?? { line, count: 0 };
          n.count++;
          unreadable.set(c.column.header, n);
          continue;
        }
        if (value !== null) row.likert[c.item!] = value;
      }
      if (ranking) row.stack = stackOf(ranking, rankingResolved, at, { file, line, keyOf, listOptions });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (exclude !== null) {
        // Not a real response anyway (a preview, an unfinished one): its bad cell does not stop the run.
        row.likert = {};
        row.stack = [];
      } else if (context.skipInvalid) {
        excluded.push({ file, line, reason: `invalid value (--skip-invalid): ${e.problem}${e.column ? ` in column ${quoted(e.column)}` : ''}` });
        return;
      } else {
        throw e;
      }
    }
    for (const q of multiselect) {
      const chosen: string[] = [];
      for (const c of q.columns) {
        const cell = c.view.cells[at] ?? '';
        if (cell.trim() === '' || /^(n|no|false|0)$/i.test(cell.trim())) continue;
        if (q.perOption) chosen.push(c.options![0]!);
        else chosen.push(...splitChoices(cell, q.options));
      }
      if (chosen.length > 0) row.choices[q.question] = chosen;
    }
    for (const c of commentColumns) {
      const v = c.view.raw[at]?.trim() ?? '';
      if (v !== '') row.comments[c.column.header] = v;
    }
    for (const c of ownershipColumns) {
      const v = c.view.cells[at]?.trim() ?? '';
      if (v !== '') row.ownership[c.column.header] = v;
    }
    rows.push(row);
  });

  for (const [header, { line, count }] of unreadable) {
    notes.push({
      file,
      line,
      note: `${count === 1 ? 'an answer' : `${count} answers`} in column ${quoted(header)} ${count === 1 ? 'is not a label' : 'are not labels'} of a scale align knows: left out here (Likert answers are not used); align audit stops on ${count === 1 ? 'it until it is' : 'them until they are'} mapped in align.yml under scales`,
    });
  }

  // 9. Codes where labels were expected.
  for (const r of [...roles, ...departments]) {
    const values = [...new Set(r.view.cells.map((c) => c.trim()).filter((c) => c !== ''))];
    if (values.length > 0 && values.every((v) => /^[A-Z0-9_]{1,6}$/.test(v) && !/^[A-Z][a-z]/.test(v)) && !r.book && values.some((v) => /\d/.test(v) || v.length <= 4)) {
      notes.push({
        file,
        line: headerLine,
        note: `column ${quoted(r.column.header)} holds codes (${values.slice(0, 6).join(', ')}), not labels; give their labels in align.yml under codebooks.${r.column.code ?? r.column.header}`,
      });
    }
  }

  return {
    format: layout.format,
    headerRows: layout.headerRows,
    columns,
    items,
    rows,
    excluded,
    notes,
    hasRoleColumn: roles.length > 0,
    priorities: prioritiesOf(ranking, rankingResolved),
    newestFirst: layout.newestFirst,
    multiselect: multiselect.map((q) => ({ question: q.question, options: q.options })),
    ranking: ranking ? { question: ranking.question, encoding: ranking.encoding, columns: ranking.columns.map((c) => c.index) } : null,
    ...(ambiguous ? { rankingUnresolved: { line: null, problem: ambiguous.problem, fix: ambiguous.fix } } : {}),
    scales: Object.fromEntries(likertColumns.filter((c) => c.likert?.scale).map((c) => [c.column.index, c.likert!.scale!.name])),
  };
}

// ---------------------------------------------------------------------------

/** Several ranking questions fit and nothing says which: the candidates and the words readDataset stops with. */
interface AmbiguousRanking {
  ambiguous: RankingCandidate[];
  problem: string;
  fix: string;
}

/**
 * The candidate ranking questions among the open columns. A number run whose
 * header does not ask for a ranking is first cleared of the columns that hold
 * numbers but no ranks (notRanks); their reasons go to `dropped`.
 */
function candidatesOf(open: readonly Resolved[], dropped: Map<number, string>): RankingCandidate[] {
  const views = questionGroups(open).map((g) => {
    if (!isNumberRun(g) || asksForOrder(g[0]!.column.question)) return g.map((r) => r.view);
    const out = notRanks(g.map((r) => r.view));
    for (const [index, why] of out) dropped.set(index, why);
    return g.filter((r) => !out.has(r.column.index)).map((r) => r.view);
  });
  return findRankingQuestions(views.filter((v) => v.length > 0));
}

function chooseRanking(resolved: Resolved[], context: NormaliseContext, config: AlignConfig, file: string, dropped: Map<number, string>): RankingCandidate | AmbiguousRanking | null {
  const wanted = context.rankingQuestion ?? config.rankingQuestion;
  const open = resolved.filter((r) => (r.role === 'unknown' && r.reason === '') || r.role === 'ranking');
  const groups = questionGroups(resolved);

  // align.yml says which columns are the ranking.
  const told = resolved.filter((r) => r.override?.spec.role === 'ranking');
  if (told.length > 0 && wanted === undefined) {
    const question = told[0]!.column.sub !== null ? told[0]!.column.question : told[0]!.column.header;
    const views = told.map((r) => r.view);
    const candidate = findRankingQuestions([views])[0];
    if (candidate) return { ...candidate, question, confidence: 1, reason: `align.yml columns name the ranking: ${candidate.reason}` };
    return rankingAsTold(question, views, 'align.yml columns name the ranking');
  }

  if (wanted !== undefined) {
    const named = groups.map((g) => ({ question: g[0]!.column.sub !== null ? g[0]!.column.question : g[0]!.column.header, columns: g }));
    let hits = named.filter((g) => matchesQuestion(wanted, g) === 'exact');
    if (hits.length === 0) hits = named.filter((g) => matchesQuestion(wanted, g) === 'prefix');
    if (hits.length !== 1) {
      const options = candidatesOf(open, new Map()).map((c) => quoted(c.question));
      throw new InputError(
        file,
        null,
        null,
        hits.length === 0
          ? `no question here is headed ${quoted(wanted)}`
          : `${hits.length} questions start with ${quoted(wanted)}`,
        options.length > 0
          ? `pass --ranking-question with one of ${options.join(', ')}`
          : 'pass --ranking-question with the question text as it heads its columns (the part before " [item]" or " - item")',
      );
    }
    const hit = hits[0]!;
    const views = hit.columns.map((r) => r.view);
    const candidate = findRankingQuestions([views])[0];
    const why = `--ranking-question ${quoted(wanted)} names this question`;
    return candidate ? { ...candidate, confidence: 1, reason: `${why}: ${candidate.reason}` } : rankingAsTold(hit.question, views, why);
  }

  const candidates = candidatesOf(open, dropped);
  if (candidates.length > 1) {
    return {
      ambiguous: candidates,
      problem: `${candidates.length} questions look like rankings: ${candidates.map((c) => quoted(c.question)).join(' and ')}`,
      fix: `pass --ranking-question with the one to use, e.g. --ranking-question ${quoted(candidates[0]!.question)} (or set rankingQuestion in align.yml)`,
    };
  }
  return candidates[0] ?? null;
}

function likertOf(kind: LikertKind): Resolved['likert'] {
  return kind.kind === 'labels' ? { scale: kind.fit.scale, numeric: null } : { scale: null, numeric: { low: kind.low, high: kind.high, points: kind.points } };
}

function optionsOf(r: Resolved): string[] {
  const option = r.column.sub ?? r.column.header;
  const values = r.view.cells.map((c) => c.trim()).filter((c) => c !== '');
  const perOption = values.every((v) => /^(y|yes|true|1|x|n|no|false|0)$/i.test(v) || looseKey(v) === looseKey(option));
  return perOption && r.column.sub !== null ? [option] : deriveOptions(values);
}

/** `lenient`: where to note a column align.yml calls Likert on no scale align knows, leaving it unread instead of stopping. */
function resolveScales(resolved: Resolved[], scales: Scale[], config: AlignConfig, file: string, headerLine: number, lenient: Note[] | null): void {
  const likert = resolved.filter((r) => r.role === 'likert');
  // Columns told to be Likert by align.yml: their scale by name, or by their answers; a column
  // answered with whole numbers only ("3") takes the range of the file's other numeric Likert
  // columns, as inference does (so inspect --write-config's file reads back the same).
  const neighbourRange = (r: Resolved) => {
    const values = r.view.cells.map((c) => c.trim()).filter((c) => c !== '' && !isMissingAnswer(c)).map(integerAnswer);
    if (values.length === 0 || values.some((v) => v === null)) return null;
    for (const o of likert) {
      if (o === r) continue;
      const n = o.likert?.numeric ?? (o.likert ? null : (() => {
        const f = inferLikert(o.view.cells, scales, true);
        return f && f.likert.kind !== 'labels' ? { low: f.likert.low, high: f.likert.high, points: f.likert.points } : null;
      })());
      if (n && values.every((v) => v! >= n.low && v! <= n.high)) return n;
    }
    return null;
  };
  for (const r of likert) {
    const name = r.override?.spec.scale;
    if (name) {
      const scale = findScale(name, config);
      r.likert = { scale, numeric: null };
      continue;
    }
    if (r.likert) continue;
    const found = inferLikert(r.view.cells, scales, true);
    if (found) {
      r.likert = likertOf(found.likert);
      continue;
    }
    const range = neighbourRange(r);
    if (range) {
      r.likert = { scale: null, numeric: range };
      continue;
    }
    const labels = [...new Set(r.view.cells.map((c) => c.trim()).filter((c) => c !== '' && !isMissingAnswer(c)))];
    const problem =
      labels.length === 0
        ? 'align.yml calls this column Likert but no one answered it'
        : `the answers (${labels.slice(0, 8).map(quoted).join(', ')}${labels.length > 8 ? ', …' : ''}) are not a Likert scale align knows`;
    if (lenient) {
      lenient.push({ file, line: headerLine, note: `${problem} (column ${quoted(r.column.header)}): the column is left out (Likert answers are not used here)` });
      r.role = 'ignore';
      r.reason = `${r.reason}; ${problem}, so left out`;
      continue;
    }
    throw new InputError(
      file,
      headerLine,
      r.column.header,
      problem,
      'map them to numbers in align.yml under scales (e.g. scales: {mine: {labels: {"Mostly": 4}}}) and name it in columns.<column>.scale',
    );
  }
  // A question's columns share one scale (a 7-point question whose first
  // statement happens to get only "Agree" answers is still 7-point).
  const groups = new Map<string, Resolved[]>();
  for (const r of likert) {
    if (r.override?.spec.scale) continue;
    const key = r.group ? `g:${r.group}` : r.column.sub !== null ? `q:${r.column.question}` : r.likert?.scale ? 'ungrouped-labels' : `col:${r.column.index}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const members of groups.values()) {
    const labelled = members.filter((m) => m.likert?.scale);
    if (labelled.length > 1) {
      const fit = bestScale(labelled.flatMap((m) => m.view.cells), scales);
      if (fit && fit.unknown.length === 0) for (const m of labelled) m.likert = { scale: fit.scale, numeric: null };
    }
    const numeric = members.filter((m) => m.likert?.numeric);
    if (numeric.length > 1) {
      const values = numeric.flatMap((m) => m.view.cells.map(integerAnswer).filter((v): v is number => v !== null));
      const range = numericRange(values);
      if (range) for (const m of numeric) m.likert = { scale: null, numeric: range };
    }
  }
}

function likertCell(c: Resolved, at: number, file: string, line: number): number | null {
  const cell = c.view.cells[at] ?? '';
  if (cell.trim() === '') return null;
  const scale = c.likert?.scale ?? null;
  if (scale) {
    const value = likertValue(cell, scale);
    if (value !== undefined) return value;
    // A coded cell with no code book entry, on a column of labels.
    const found = [...new Set(c.view.cells.map((v) => v.trim()).filter((v) => v !== ''))];
    throw new InputError(
      file,
      line,
      c.column.header,
      `${quoted(cell.trim())} is not a label of the ${scale.name} scale (labels found in this column: ${found.slice(0, 8).map(quoted).join(', ')}${found.length > 8 ? ', …' : ''})`,
      `map it in align.yml under scales, e.g. scales: {${scale.name}: {labels: {${quoted(cell.trim())}: 4}}}, ${SKIP_INVALID_FIX}`,
    );
  }
  const numeric = c.likert?.numeric;
  if (isMissingAnswer(cell)) return null;
  const value = integerAnswer(cell);
  if (numeric && value !== null && value >= numeric.low && value <= numeric.high) return value;
  throw new InputError(
    file,
    line,
    c.column.header,
    value === null
      ? `${quoted(cell.trim())} is not a number on this ${numeric ? `${numeric.low}..${numeric.high} ` : ''}scale`
      : `${value} is off the ${numeric!.low}..${numeric!.high} scale`,
    `correct the cell, or map the labels in align.yml under scales, ${SKIP_INVALID_FIX}`,
  );
}

/**
 * The priority a by-priority ranking column ranks: align.yml's `priority`, else
 * the code book of its question (`Q5: {3: Launch the platform}` for `Q5_3`),
 * else the column's statement or header.
 */
function priorityNameOf(r: Resolved): string {
  if (r.override?.spec.priority) return r.override.spec.priority.trim();
  const split = r.column.code ? splitCode(r.column.code) : null;
  const fromBook = split ? r.book?.get(split.sub.toLowerCase()) : undefined;
  return (fromBook ?? r.column.sub ?? r.column.header).trim();
}

function stackOf(
  ranking: RankingCandidate,
  columns: readonly Resolved[],
  at: number,
  where: { file: string; line: number; keyOf: (name: string) => string; listOptions: readonly string[] },
): Array<{ priority: string; rank: number }> {
  const blankIfMissing = (cell: string) => (isMissingAnswer(cell) ? '' : cell);
  if (ranking.encoding === 'by-priority') {
    return stackFromPriorityCells(
      columns.map((c) => ({ priority: priorityNameOf(c), column: c.column.header, cell: blankIfMissing(c.view.raw[at] ?? '') })),
      { file: where.file, line: where.line, keyOf: where.keyOf, n: columns.length },
    );
  }
  if (ranking.encoding === 'by-position') {
    return stackFromPositionCells(
      columns.map((c, i) => ({ position: ranking.positions?.[i] ?? i + 1, column: c.column.header, cell: blankIfMissing(c.view.cells[at] ?? '') })),
      { file: where.file, line: where.line, keyOf: where.keyOf },
    );
  }
  const column = columns[0]!;
  return stackFromListCell(blankIfMissing(column.view.cells[at] ?? ''), {
    file: where.file,
    line: where.line,
    keyOf: where.keyOf,
    column: column.column.header,
    known: where.listOptions,
  });
}

/**
 * The priorities the file lists: the by-priority columns, or the code book of
 * a coded by-position or list question (LimeSurvey `prio: {P1: …}`); [] when
 * only the cells name them.
 */
function prioritiesOf(ranking: RankingCandidate | null, columns: readonly Resolved[]): string[] {
  if (!ranking) return [];
  if (ranking.encoding === 'by-priority') return columns.map(priorityNameOf);
  for (const c of columns) {
    if (c.book && c.book.size > 0) return [...new Set(c.book.values())];
  }
  return [];
}

interface MultiQuestion {
  question: string;
  options: string[];
  columns: Resolved[];
  perOption: boolean;
}

function multiQuestions(columns: readonly Resolved[]): MultiQuestion[] {
  const out: MultiQuestion[] = [];
  for (const c of columns) {
    const perOption = (c.options?.length ?? 0) === 1 && looseKey(c.options![0]!) === looseKey(c.column.sub ?? c.column.header) && c.column.sub !== null;
    const perOptionLoose = (c.options?.length ?? 0) === 1 && looseKey(c.options![0]!) === looseKey(c.column.header) && c.column.sub === null;
    const last = out[out.length - 1];
    const prev = last?.columns[last.columns.length - 1];
    if (perOption || perOptionLoose) {
      const question = perOption ? c.column.question : 'Multi-select';
      if (last && last.perOption && prev && prev.column.index === c.column.index - 1 && (perOptionLoose || last.question === question)) {
        last.columns.push(c);
        last.options.push(c.options![0]!);
      } else {
        out.push({ question, options: [c.options![0]!], columns: [c], perOption: true });
      }
    } else {
      out.push({ question: c.column.sub !== null ? `${c.column.question} [${c.column.sub}]` : c.column.header, options: c.options ?? deriveOptions(c.view.cells), columns: [c], perOption: false });
    }
  }
  return out;
}

function dimensionOf(config: AlignConfig, names: ReadonlyArray<string | null>): string | null {
  const keys = new Set(names.filter((n): n is string => !!n).map(looseKey));
  for (const [dimension, members] of Object.entries(config.dimensions ?? {})) {
    if (members.some((m) => keys.has(looseKey(m)))) return dimension;
  }
  return null;
}
