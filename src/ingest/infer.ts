/**
 * Column roles inferred from headers and cells, each with a confidence (0-1)
 * and a reason `align inspect` prints. Shared by the survey-tool modules; the
 * tool modules say what they know for certain (metadata columns, ids, submit
 * times) and leave the questions to this file:
 *
 * - respondent details (id, name, email, role, department) by header
 *   (src/ingest/columns.ts), checked against the cells where a header can
 *   mislead ("Email from leadership" is a checkbox option, not an email column);
 * - ownership questions: "Who owns / is accountable for …";
 * - the ranking question, in whichever encoding the tool uses: one column per
 *   priority holding ranks, one column per position holding names, or one cell
 *   holding the ordered list (findRankingQuestions);
 * - Likert items by their values: labels of a known scale, or integers on a
 *   fixed range (inferAnswer);
 * - multi-select questions (one cell listing choices, or one column per choice),
 *   free-text comments, and what is left: unknown.
 */

import { foldAccents } from '../text.js';
import { longRankHeader, measureHeader, normaliseHeader, positionFromHeader, recogniseAttribute } from './columns.js';
import type { ColumnRoleName } from './config-types.js';
import { bestScale, integerAnswer, isMissingAnswer, likertValue, numericRange, type Scale, type ScaleFit, scalesFor } from './likert.js';
import { outlyingAnswers } from './outlying.js';
import { priorityKey } from './priority-key.js';
import { listSeparator, parseRankCell, readRank, splitListCell } from './rankings.js';

/** A column as inference sees it: its names and its data cells (code books applied). */
export interface ColumnView {
  index: number;
  /** The header as the user sees it. */
  header: string;
  /** The tool's code for the column (Qualtrics `Q4_1`, LimeSurvey `agree[SQ001]`), when it has one. */
  code: string | null;
  /** The question the column belongs to (the header itself for a one-column question). */
  question: string;
  /** The statement, row, option or position within the question; null for a one-column question. */
  sub: string | null;
  /** Data cells, one per data row (code books applied). */
  cells: readonly string[];
  /** Data cells as written (ranks are read from these, never through a code book). */
  raw: readonly string[];
  /** The tool marks it as one answer per respondent (SurveyMonkey's `Response`): a comma in a cell is part of the answer. */
  single?: boolean;
}

export type LikertKind = { kind: 'labels'; fit: ScaleFit } | { kind: 'numeric'; low: number; high: number; points: number };

export interface Inference {
  role: ColumnRoleName | 'unknown';
  confidence: number;
  reason: string;
  likert?: LikertKind;
  /** Multi-select: the options found (one-cell lists), or the option this column stands for. */
  options?: string[];
}

const quote = (s: string) => JSON.stringify(s.trim());

function filled(cells: readonly string[]): string[] {
  return cells.map((c) => c.trim()).filter((c) => c !== '');
}

function answered(cells: readonly string[]): string[] {
  return filled(cells).filter((c) => !isMissingAnswer(c));
}

function sample(values: readonly string[], max = 4): string {
  const distinct = [...new Set(values)];
  const shown = distinct.slice(0, max).map((v) => quote(v.length > 40 ? `${v.slice(0, 37)}...` : v));
  return shown.join(', ') + (distinct.length > max ? `, … (${distinct.length} distinct)` : '');
}

// ---------------------------------------------------------------------------
// Respondent details and question kinds told by the header

const OWNERSHIP =
  /^who\b.*\b(own|owns|owner|accountable|responsible|decides?|makes? the (final )?(call|decision)|has the final say)\b|\b(owner of|accountable for|responsible for the decision)\b/i;
const COMMENT_WORDS = /\b(comments?|anything else|feedback|suggestions?|remarks?|notes?|please (explain|describe|tell)|other thoughts|what else|why)\b/i;
const MULTI_WORDS = /\b(select all|all that apply|check all|tick all|choose all|mark all|select (up to|any)|multiple answers)\b/i;

/*
 * The cues of a question's kind in French, German, Spanish, Portuguese, Italian and Dutch, matched
 * against the header normalised (normaliseHeader) without its accents (foldAccents, src/text.ts).
 */
const COMMENT_TRANSLATED =
  /\b(commentaires?|autre chose|remarques?|suggestions?|pourquoi|precisez|kommentare?|anmerkungen|sonst noch|noch etwas|warum|vorschlage|comentarios?|algo mas|sugerencias|por que|observaciones|algo mais|alguma outra coisa|sugestoes|observacoes|commenti|qualcos altro|qualcosa d altro|suggerimenti|perche|osservazioni|opmerkingen|nog iets|suggesties|waarom|toelichting)\b/;
const MULTI_TRANSLATED =
  /\b(toutes les reponses (qui s appliquent|applicables)|plusieurs reponses possibles|cochez (tout|toutes)|selectionnez (tout|toutes)|mehrfachauswahl|mehrere antworten|alle zutreffenden|seleccione todas|todas las que (correspondan|apliquen)|varias respuestas|selecione todas|todas as que se aplicam|varias respostas|seleziona tutte|tutte le risposte pertinenti|piu risposte|selecteer alle|meerdere antwoorden|alles wat van toepassing)\b/;
const RANKING_TRANSLATED =
  /\b(classez|classer|classement|par ordre (d importance|de priorite|de preference)|priorisez|rangfolge|reihenfolge|nach (wichtigkeit|prioritat)|ordnen sie|rangieren sie|ordene|ordena|ordenar|clasifique|por orden de (importancia|prioridad|preferencia)|priorice|classifique|por ordem de (importancia|prioridade|preferencia)|priorize|ordina|ordinate|classifica|in ordine di (importanza|priorita|preferenza)|rangschik|rangorde|volgorde van (belangrijkheid|prioriteit|voorkeur)|prioriteer)\b/;

const hint = (english: RegExp, translated: RegExp) => ({
  test: (header: string) => english.test(header) || translated.test(foldAccents(normaliseHeader(header))),
});
const COMMENT_HINT = hint(COMMENT_WORDS, COMMENT_TRANSLATED);
const MULTI_HINT = hint(MULTI_WORDS, MULTI_TRANSLATED);
/** One-cell list headers that name a stack: `stack`, `priorities`, `my ranking` (columns.ts's LIST, as a cue). */
const LIST_HEADER =
  /^(stack|priority stack|my stack|priorities|ranking|rankings|ranked (priorities|list|order)|my ranking|your ranking|priority (order|ranking|list)|order of priorities|top priorities)$/;
/**
 * A header that asks the respondent to name the priorities from memory
 * (strategy recall): "Name the company's top three priorities", "What are the
 * company's top 3 priorities this year?", "List our top priorities as you
 * understand them", "In your own words, what are the top three priorities?".
 * Not a statement to agree with ("I can name the company's top three
 * priorities": its cells are scale labels) and not a ranking ("Rank the
 * priorities", "in order of importance").
 */
export function asksForRecall(header: string): boolean {
  const h = normaliseHeader(header);
  if (!/\bpriorit(y|ies)\b/.test(h) || RANKING_HINT.test(header)) return false;
  // a statement in the first person is a Likert item
  if (/^(i|i m|im|we|my|our team)\b/.test(h)) return false;
  // the priorities of the company, not any priorities ("List any priorities you think are missing")
  const which = /\b(top|main|key|three|3|five|5|current|strategic|company s|organisation s|organization s)\b/.test(h);
  const ownWords = /\b(as you understand (it|them)|in your own words|from memory|without looking)\b/.test(h);
  if (!which && !ownWords) return false;
  return (
    ownWords ||
    /^(please )?(name|list|write( down)?|state|give|tell us|type|recall)\b/.test(h) ||
    /^(what|which) (are|were|is|do you (think|believe|understand) (are|is))\b/.test(h)
  );
}

/** Every answered cell a number: a rating or a count, not words. */
function numbersOnly(cells: readonly string[]): boolean {
  const values = answered(cells);
  return values.length > 0 && values.every((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v));
}

/** A header that asks for an order: `rank`, `in order of importance`, `most important first`. */
export function asksForOrder(header: string): boolean {
  return RANKING_HINT.test(header) || LIST_HEADER.test(normaliseHeader(header));
}

const RANKING_WORDS = /\brank(ing|ed|s)?\b|\border of (importance|priority|preference)\b|\bin order\b|\bprioriti[sz]e\b|\bmost important\b/i;
/** A header that asks for a ranking, in English (`Rank…`, `in order of importance`) or the other languages (`Classez`, `Rangfolge`, `Ordene`). */
const RANKING_HINT = hint(RANKING_WORDS, RANKING_TRANSLATED);

/** Attributes a header can name that hold words: a column of Likert labels under such a header is a question. */
const ATTRIBUTES_OF_WORDS: ReadonlySet<string> = new Set(['role', 'department', 'name', 'metadata', 'comment']);

/**
 * Every answered cell a label, in words, of one built-in Likert scale, with two or more distinct
 * labels: what a rating question holds, never a role, a department or a name.
 */
function likertLabelsOnly(cells: readonly string[]): boolean {
  const scales = scalesFor(undefined);
  // One cell that is a number, or that no scale reads as a label or as no answer, settles it: that
  // cell is unknown on every scale, so the best fit has it among its unknown labels. A column of
  // names stops at its first name instead of fitting twelve scales to every name of the file
  // (80,000 distinct names cost a second, most of the column plan of a --rankings join).
  const seen = new Set<string>();
  for (const cell of cells) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    if (integerAnswer(cell) !== null) return false;
    if (cell.trim() !== '' && scales.every((scale) => likertValue(cell, scale) === undefined)) return false;
  }
  const fit = bestScale(cells, scales);
  return fit !== null && fit.unknown.length === 0 && fit.known.length >= 2 && fit.matched === fit.answered;
}

/**
 * What a header alone says about the respondent: id, name, email, role,
 * department, submit time, comment, metadata; or an ownership question.
 * Null when the header says nothing (the cells decide).
 */
export function inferFromHeader(column: ColumnView): Inference | null {
  const header = column.sub === null ? column.header : column.question;
  if (OWNERSHIP.test(header.trim())) {
    if (column.sub === null) return { role: 'ownership', confidence: 0.85, reason: `${quote(header)} asks who owns a decision` };
    // A grid: one row per decision ("Who makes the final call on each decision? [Pricing]").
    if (column.sub.trim() !== '') {
      return { role: 'ownership', confidence: 0.85, reason: `${quote(header)} asks who owns each decision; this row is ${quote(column.sub)}` };
    }
  }
  if (column.sub === null && asksForRecall(header) && !numbersOnly(column.cells)) {
    const none = answered(column.cells).length === 0;
    return {
      role: 'recall',
      confidence: none ? 0.5 : 0.85,
      reason: `${quote(header)} asks the respondent to name the priorities (strategy recall)${none ? '; no one answered it' : ''}`,
    };
  }
  const names = column.sub === null ? [column.header, column.code] : [column.code];
  for (const name of names) {
    if (!name) continue;
    const found = recogniseAttribute(name);
    if (!found) continue;
    if (found.role === 'email') {
      const cells = answered(column.cells);
      const emails = cells.filter((c) => c.includes('@') || c.toLowerCase() === 'anonymous').length;
      if (cells.length > 0 && emails / cells.length < 0.8) continue;
    }
    if (found.role === 'comment' && column.sub !== null) continue;
    // "Position" over rank numbers is a long-format file's rank column, not the respondent's role
    if (found.role === 'role' && longRankHeader(name) && numbersOnly(column.cells)) continue;
    // "Service", "Direction" or "Position" over agreement labels is a rating question, whatever its header says
    if (ATTRIBUTES_OF_WORDS.has(found.role) && likertLabelsOnly(column.cells)) continue;
    if (found.role === 'submitted' || found.role === 'metadata') {
      // "Date" or "Age" as a question is still only metadata to align.
      return { role: found.role, confidence: found.confidence * 0.9, reason: found.reason };
    }
    return { role: found.role, confidence: found.confidence, reason: found.reason };
  }
  if (column.sub === null) {
    const measure = measureHeader(column.header);
    if (measure)
      return { role: 'metadata', confidence: 0.8, reason: `header ${quote(column.header)} names a detail about the respondent (${measure}), not a priority` };
  }
  return null;
}

// ---------------------------------------------------------------------------
// One-cell lists (multi-select answers and ordered rankings)

/**
 * Splits a cell on its list separator, then re-joins parts that split an
 * option inside brackets or quotes: "Chat (Slack, Teams)" stays whole.
 */
export function naiveParts(cell: string): string[] {
  const parts = splitListCell(cell);
  const out: string[] = [];
  let pending = '';
  let depth = 0;
  const sep = /;/.test(cell) ? ';' : /\|/.test(cell) ? '|' : ',';
  for (const part of parts) {
    // "$50,000 - $99,999": a thousands separator, not a list separator.
    if (
      sep === ',' &&
      pending === '' &&
      out.length > 0 &&
      /\d$/.test(out[out.length - 1]!) &&
      /^\d{3}(\D|$)/.test(part) &&
      cell.includes(`${out[out.length - 1]!.slice(-1)},${part.slice(0, 3)}`)
    ) {
      out[out.length - 1] = `${out[out.length - 1]},${part}`;
      continue;
    }
    pending = pending === '' ? part : `${pending}${sep} ${part}`;
    depth += (part.match(/[([{]/g)?.length ?? 0) - (part.match(/[)\]}]/g)?.length ?? 0);
    if (depth <= 0) {
      out.push(pending);
      pending = '';
      depth = 0;
    }
  }
  if (pending !== '') out.push(pending);
  return out;
}

/**
 * The options a column of one-cell lists uses, in first-seen order, found by
 * splitting every cell and keeping bracketed separators inside their option.
 * Each cell is then split against this list (splitListCell with `known`), so
 * an option containing the separator is read whole wherever it appears.
 */
export function deriveOptions(cells: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const cell of filled(cells)) {
    for (const part of naiveParts(cell)) {
      const key = priorityKey(part);
      if (key !== '' && !seen.has(key)) seen.set(key, part.trim());
    }
  }
  return [...seen.values()];
}

/** A cell's choices, split against the known options. */
export function splitChoices(cell: string, options: readonly string[]): string[] {
  if (cell.trim() === '') return [];
  return splitListCell(cell, options)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

// ---------------------------------------------------------------------------
// The ranking question

export type RankingEncoding = 'by-priority' | 'by-position' | 'list';

export interface RankingCandidate {
  /** The question's text as it heads its columns. */
  question: string;
  columns: ColumnView[];
  encoding: RankingEncoding;
  confidence: number;
  reason: string;
  /** by-position: the position of each column, in column order. */
  positions?: number[];
  /** list: the names found in the cells. */
  options?: string[];
  /** Read as a ranking by the rows alone (rowsLookRanked: no header asks for one), which a large file's every row must bear out. */
  byRowRule?: true;
}

function rowsOf(columns: readonly ColumnView[], pick: (c: ColumnView) => readonly string[]): string[][] {
  const n = columns[0]?.cells.length ?? 0;
  const rows: string[][] = [];
  for (let r = 0; r < n; r++) rows.push(columns.map((c) => pick(c)[r] ?? ''));
  return rows;
}

function distinctShare(rows: readonly string[][], key: (s: string) => string): { share: number; rows: number } {
  let considered = 0;
  let distinct = 0;
  for (const row of rows) {
    const values = row.map((v) => v.trim()).filter((v) => v !== '' && !isMissingAnswer(v));
    if (values.length < 2) continue;
    considered++;
    if (new Set(values.map(key)).size === values.length) distinct++;
  }
  return { share: considered === 0 ? 0 : distinct / considered, rows: considered };
}

/**
 * The rank rule for integer columns whose header does not ask for a ranking:
 * every row's answered values are ranks 1..k (k = the number of columns) with
 * at most a third of them tied (`1,2,2,4` is a ranking with one tie; Likert
 * answers `4,4,5,3,4` repeat freely). One row may break it (a typo the reading
 * then reports with its line and column) once there are five rows to judge.
 */
export function rowsLookRanked(columns: readonly ColumnView[]): boolean {
  const k = columns.length;
  const n = columns[0]?.raw.length ?? 0;
  const tally = new RankRowTally(k);
  // Past this many rows that do not fit, no later row can make the rule hold (the rule below, with
  // `considered` at most n): a Likert grid is told from a ranking in its first few hundred rows.
  const hopeless = Math.max(1, 0.05 * n);
  for (let r = 0; r < n; r++) {
    if (tally.considered - tally.fit > hopeless) return false;
    tally.add((c) => columns[c]!.raw[r] ?? '');
  }
  return tally.holds();
}

/**
 * rowsLookRanked's rule, a row at a time: the rows judged and those that fit, and whether the rule
 * holds over them. A large file's ranking read by the rule from its first piece is judged by it over
 * every row read too (plan.ts, Normalised.wholeRanges).
 */
export class RankRowTally {
  considered = 0;
  fit = 0;
  // seenIn[v]: the last row that gave rank v (rows counted from 1), so a repeat is counted without a set per row
  private readonly seenIn: Uint32Array;
  private row = 0;

  constructor(readonly k: number) {
    this.seenIn = new Uint32Array(k + 1);
  }

  /** Judges one row, its k cells given by `cell(c)`. */
  add(cell: (c: number) => string): void {
    const stamp = ++this.row;
    let values = 0;
    let repeats = 0;
    let ranks = true;
    for (let c = 0; c < this.k; c++) {
      const text = cell(c);
      if (text.trim() === '' || isMissingAnswer(text)) continue;
      const v = parseRankCell(text);
      if (typeof v !== 'number' || v > this.k) {
        ranks = false;
        continue;
      }
      values++;
      if (this.seenIn[v] === stamp) repeats++;
      else this.seenIn[v] = stamp;
    }
    if (values < 2 && ranks) return;
    this.considered++;
    if (ranks && repeats * 3 <= values) this.fit++;
  }

  /** Every row fits, or all but one of five or more, or 95% of them; false with no row judged. */
  holds(): boolean {
    const { considered, fit } = this;
    if (considered === 0) return false;
    return fit === considered || (considered >= 5 && fit >= considered - 1) || fit >= 0.95 * considered;
  }
}

/** A group of columns holding the rank of one priority each (SurveyMonkey, Qualtrics, Google grid, a plain wide table). */
function byPriority(question: string, columns: ColumnView[], hinted: boolean): RankingCandidate | null {
  if (columns.length < 2 || columns.some((c) => c.sub === null)) return null;
  // without a header asking for a ranking, the rows must look ranked: the cheaper test, and most groups fail it
  if (!hinted && !rowsLookRanked(columns)) return null;
  // the answered cells (as answered() gives them), counted in one pass over the columns
  let answeredCells = 0;
  let numeric = 0;
  let outOfRange = 0;
  for (const c of columns) {
    for (const raw of c.raw) {
      const cell = raw.trim();
      if (cell === '' || isMissingAnswer(cell)) continue;
      answeredCells++;
      const r = parseRankCell(cell);
      if (typeof r !== 'number') continue;
      numeric++;
      if (r > columns.length) outOfRange++;
    }
  }
  if (answeredCells === 0) return null;
  // a stray word among the ranks (one cell in twenty, or one in a small file) is a bad cell to report, not a reason to doubt the question
  if (answeredCells - numeric > Math.max(1, 0.05 * answeredCells)) return null;
  if (hinted) {
    // A stray rank above N (a "9th" among 8 priorities) is a bad cell that reading reports with its
    // line and column, not a reason to miss the question and report "no ranking question".
    if (outOfRange > 0.05 * numeric) return null;
    const { share, rows } = distinctShare(
      rowsOf(columns, (c) => c.raw),
      (s) => String(parseRankCell(s)),
    );
    if (rows === 0 || share < 0.5) return null;
  }
  return {
    question,
    columns,
    encoding: 'by-priority',
    ...(hinted ? {} : { byRowRule: true }),
    confidence: hinted ? 0.95 : 0.7,
    reason: hinted
      ? `${columns.length} columns under ${quote(question)}, one per priority, hold ranks 1..${columns.length} and the question asks for a ranking`
      : `${columns.length} columns${question !== columns[0]!.sub ? ` under ${quote(question)}` : ''}, one per priority, hold ranks 1..${columns.length} in every row (at most a third of them tied)`,
  };
}

/**
 * Which columns of a group taken for priorities by their cells alone (no
 * header asks for a ranking) are no priority, and why: a wide-by-priority
 * layout holds ranks within 1..N (N = its number of columns), and a respondent
 * rarely gives two priorities one rank. Dropped, until the rest fit, one
 * reason at a time:
 *   - a column whose values mostly run past N (a duration, an id, a year), seen at least twice;
 *   - the column whose value repeats another column's rank in most rows, when
 *     the other columns rarely repeat (a team size of 4 beside ranks 1..9);
 *   - a column left alone: one column is no ranking.
 * A rank past N in a real priority column (one typo) keeps its column, so
 * that the range check names the cell.
 */
export function notRanks(columns: readonly ColumnView[]): Map<number, string> {
  const dropped = new Map<number, string>();
  const values = new Map(
    columns.map((c) => [
      c.index,
      c.raw.map((cell) => {
        const v = readRank(cell);
        return typeof v === 'number' ? v : v !== null && v.kind === 'below' ? v.rank : null;
      }),
    ]),
  );
  const header = new Map(columns.map((c) => [c.index, c.header.trim()]));
  const why = (i: number, text: string) => dropped.set(i, `${JSON.stringify(header.get(i))} holds numbers, but not ranks: ${text}`);
  let set = columns.map((c) => c.index);
  const rows = columns[0]?.raw.length ?? 0;
  const median = (xs: number[]) => {
    if (xs.length === 0) return 0;
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  for (;;) {
    const n = set.length;
    if (n < 2) break;
    let changed = false;
    for (const i of set) {
      const filled = values.get(i)!.filter((v): v is number => v !== null);
      const over = filled.filter((v) => v > n);
      if (over.length >= 2 && over.length * 2 > filled.length) {
        const shown = [...new Set(over)].slice(0, 3).join(', ');
        why(
          i,
          `${over.length} of its ${filled.length} values (${shown}${new Set(over).size > 3 ? ', …' : ''}) run past ${n}, and ${n} priority columns hold ranks 1..${n} only`,
        );
        changed = true;
      }
    }
    if (changed) {
      set = set.filter((i) => !dropped.has(i));
      continue;
    }
    // per column of the set (by its place in it): rows that fill it, and rows where its value repeats another column's
    const columnValues = set.map((i) => values.get(i)!);
    const collided = new Array<number>(set.length).fill(0);
    const filledRows = new Array<number>(set.length).fill(0);
    const counts = new Map<number, number>(); // one row's values, cleared for each row
    for (let r = 0; r < rows; r++) {
      counts.clear();
      for (const column of columnValues) {
        const v = column[r];
        if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      columnValues.forEach((column, k) => {
        const v = column[r];
        if (v === null || v === undefined) return;
        filledRows[k]!++;
        if (counts.get(v)! > 1) collided[k]!++;
      });
    }
    const collide = new Map(set.map((i, k) => [i, collided[k]!]));
    const filled = new Map(set.map((i, k) => [i, filledRows[k]!]));
    const rate = (i: number) => (filled.get(i)! === 0 ? 0 : collide.get(i)! / filled.get(i)!);
    const worst = set.reduce((a, b) => (rate(b) > rate(a) ? b : a), set[0]!);
    const others = median(set.filter((i) => i !== worst).map(rate));
    if (set.length > 2 && filled.get(worst)! >= 3 && rate(worst) > 0.5 && others <= rate(worst) / 2) {
      why(
        worst,
        `in ${collide.get(worst)} of the ${filled.get(worst)} rows that fill it, its value repeats a rank the same row gives another column (a priority column does so in ${Math.round(others * 100)}% of rows, the median, as ties)`,
      );
      set = set.filter((i) => i !== worst);
      continue;
    }
    break;
  }
  if (set.length === 1) why(set[0]!, 'a single column is no ranking (a layout by priority has a column for each priority)');
  return dropped;
}

/** A group of columns, one per rank position, holding the priority placed there (LimeSurvey, "1st choice" questions). */
function byPosition(question: string, columns: ColumnView[], hinted: boolean): RankingCandidate | null {
  if (columns.length < 2 || columns.some((c) => c.sub === null)) return null;
  const positions = columns.map((c) => positionFromHeader(c.sub!));
  if (positions.some((p) => p === null) || new Set(positions).size !== positions.length) return null;
  const cells = columns.flatMap((c) => answered(c.cells));
  if (cells.length === 0) return null;
  // Headers that name positions in words ("1st choice", "Rank 2", "First") ask for an order themselves; bare numbers do not.
  const cue = hinted || columns.every((c) => /\p{L}/u.test(c.sub!));
  const { share, rows } = distinctShare(
    rowsOf(columns, (c) => c.cells),
    priorityKey,
  );
  if (rows === 0 || share < (cue ? 0.5 : 0.9)) return null;
  const vocabulary = new Set(cells.map(priorityKey)).size;
  if (vocabulary > Math.max(4 * columns.length, 12)) return null;
  return {
    question,
    columns,
    encoding: 'by-position',
    positions: positions as number[],
    confidence: hinted ? 0.95 : 0.8,
    reason: `${columns.length} columns under ${quote(question)}, one per rank position, each naming a different priority in every row`,
  };
}

/** True when some two names come in both orders across the lists (bounded: the first 500 lists). */
function orderVaries(lists: ReadonlyArray<readonly string[]>): boolean {
  const seen = new Set<string>();
  for (const list of lists.slice(0, 500)) {
    const keys = list.map(priorityKey);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length && j < i + 20; j++) {
        if (seen.has(`${keys[j]}\u0000${keys[i]}`)) return true;
        seen.add(`${keys[i]}\u0000${keys[j]}`);
      }
    }
  }
  return false;
}

/** One column whose cells list the priorities in order (Microsoft Forms, Typeform). */
function listCell(column: ColumnView, hinted: boolean): RankingCandidate | null {
  if (column.sub !== null || column.single || MULTI_HINT.test(column.header)) return null;
  const cells = answered(column.cells);
  if (cells.length === 0) return null;
  // A comma is how a sentence reads ("No, not at all"): a comma list is a ranking only when the question asks for an order.
  const commas = cells.filter((c) => listSeparator(c) === ',').length;
  if (!hinted && commas * 2 >= cells.length) return null;
  const options = deriveOptions(cells);
  const lists = cells.map((c) => splitChoices(c, options));
  const multi = lists.filter((l) => l.length >= 2);
  if (multi.length / cells.length < 0.8) return null;
  const noRepeats = lists.filter((l) => new Set(l.map(priorityKey)).size === l.length).length / lists.length;
  // A name twice in one list is an error to report, not a reason to doubt a question that asks for a ranking.
  if (noRepeats < 0.9 && !hinted) return null;
  const lengths = new Map<number, number>();
  for (const l of lists) lengths.set(l.length, (lengths.get(l.length) ?? 0) + 1);
  const [modal, count] = [...lengths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  const regular = modal >= 3 && count / lists.length >= 0.8 && options.length <= Math.max(modal * 2, 12);
  if (!hinted && !regular) return null;
  // Without a cue, many different names are free answers; a question that asks for an order may collect write-ins.
  if (options.length > 40 && !hinted) return null;
  // The same names recur across rows (a ranking's options); free answers that happen to hold commas do not.
  const names = lists.reduce((n, l) => n + l.length, 0);
  if (lists.length >= 2 && names < 1.5 * options.length) return null;
  // And their order varies: a ranking puts the same names in different orders, while the parts of an answer
  // that holds a comma ("Good, but slow") always come in the same order. A team that agrees exactly
  // (every list the same names in the same order) is a ranking too when the lists hold three names or more.
  // Two comma-joined parts are how answers read ("Yes, very much", "Not at all, no"): a comma ranking lists three or more.
  if (commas * 2 >= cells.length && modal < 3) return null;
  if (commas > 0 && lists.length >= 3 && !orderVaries(lists) && !(regular && new Set(lists.map((l) => l.map(priorityKey).join('\u0000'))).size === 1))
    return null;
  return {
    question: column.header,
    columns: [column],
    encoding: 'list',
    options,
    confidence: hinted ? (regular ? 0.95 : 0.8) : 0.6,
    reason: `each cell of ${quote(column.header)} lists ${regular ? `the same ${modal} names` : 'several names'} in order (${options.length} names in all)${hinted ? ' and the question asks for a ranking' : ''}`,
  };
}

/**
 * Every question whose columns and cells fit one of the ranking encodings.
 * `groups` are the file's questions: consecutive columns sharing a question
 * (with a `sub` each), or a single column.
 */
export function findRankingQuestions(groups: readonly ColumnView[][]): RankingCandidate[] {
  const found: RankingCandidate[] = [];
  for (const columns of groups) {
    if (columns.length === 0) continue;
    const question = columns[0]!.question;
    const hinted = asksForOrder(question);
    const candidate =
      columns.length === 1 && columns[0]!.sub === null
        ? listCell(columns[0]!, hinted)
        : (byPosition(question, columns, hinted) ?? byPriority(question, columns, hinted));
    if (candidate) found.push(candidate);
  }
  return found;
}

/**
 * The ranking reading of a question the user named (--ranking-question or a
 * `ranking` role in align.yml), whatever its cells look like: by position when
 * the column headers name positions, one list cell for a single column, else
 * by priority.
 */
export function rankingAsTold(question: string, columns: ColumnView[], why: string): RankingCandidate {
  const positions = columns.map((c) => positionFromHeader(c.sub ?? c.header));
  if (columns.length === 1 && (columns[0]!.sub === null || positions[0] === null)) {
    return { question, columns, encoding: 'list', options: deriveOptions(columns[0]!.cells), confidence: 1, reason: why };
  }
  if (positions.every((p) => p !== null) && new Set(positions).size === positions.length) {
    return { question, columns, encoding: 'by-position', positions: positions as number[], confidence: 1, reason: why };
  }
  return { question, columns, encoding: 'by-priority', confidence: 1, reason: why };
}

// ---------------------------------------------------------------------------
// Answers: Likert, multi-select, comment

const YES = /^(y|yes|true|1|x|✓|checked|selected)$/i;
const NO = /^(n|no|false|0)$/i;

/**
 * Likert by values: every answer a label of one scale, or (with `numbers`) an
 * integer on a fixed range. A lone column of numbers is never a scale by its
 * values alone (a code, a count, a 0/1 answer): `numbers` is for the columns
 * of a group that reads as rating questions (numericGroups in the plan) and
 * for columns align.yml calls Likert.
 */
export function inferLikert(cells: readonly string[], scales: readonly Scale[], numbers = false): (Inference & { likert: LikertKind }) | null {
  const values = answered(cells);
  if (values.length === 0) return null;
  const integers = values.map(integerAnswer).filter((v): v is number => v !== null);
  if (integers.length === values.length || (integers.length >= 3 && integers.length / values.length >= 0.75)) {
    if (!numbers) return null;
    // the range as a group's (numericGroups): a few answers apart from the rest do not decide it
    const outlying = outlyingAnswers(integers);
    const range = numericRange(outlying.size > 0 ? integers.filter((v) => !outlying.has(v)) : integers);
    if (!range || new Set(integers).size < 2) return null;
    const stray = values.filter((v) => integerAnswer(v) === null);
    return {
      role: 'likert',
      confidence: stray.length > 0 ? 0.5 : range.high <= 7 ? 0.75 : 0.5,
      reason: `whole numbers within ${range.low}..${range.high}: read as a ${range.points}-point scale, ${range.low} = lowest${stray.length > 0 ? `; but ${sample(stray, 3)} ${stray.length === 1 ? 'is' : 'are'} not a number` : ''}${outlying.size > 0 ? `; ${sample([...outlying].sort((a, b) => a - b).map(String), 3)}, fewer than 1% of the answers and apart from the rest (or one above a common scale's top), ${outlying.size === 1 ? 'is' : 'are'} off the scale` : ''}`,
      likert: { kind: 'numeric', ...range },
    };
  }
  const fit = bestScale(values, scales);
  if (!fit) return null;
  if (fit.unknown.length === 0) {
    return {
      role: 'likert',
      confidence: fit.known.length >= 3 ? 0.95 : 0.7,
      reason: `answers are labels of the ${fit.scale.name} scale (${sample(fit.known, 3)})`,
      likert: { kind: 'labels', fit },
    };
  }
  if (fit.known.length >= 2 && fit.matched / fit.answered >= 0.75) {
    return {
      role: 'likert',
      confidence: 0.6,
      reason: `answers are mostly labels of the ${fit.scale.name} scale, but ${sample(fit.unknown, 3)} ${fit.unknown.length === 1 ? 'is' : 'are'} not`,
      likert: { kind: 'labels', fit },
    };
  }
  return null;
}

/**
 * A column that is neither a respondent detail nor part of the ranking
 * question: Likert item, multi-select, comment, or unknown (with what it holds).
 */
export function inferAnswer(column: ColumnView, scales: readonly Scale[]): Inference {
  const header = column.sub === null ? column.header : column.question;
  const values = filled(column.cells);
  if (values.length === 0) {
    if (COMMENT_HINT.test(header)) return { role: 'comment', confidence: 0.5, reason: `${quote(header)} reads as a comment question; no one answered it` };
    return { role: 'unknown', confidence: 0, reason: 'no one answered it, so align cannot tell what it holds' };
  }

  // One column per option of a multi-select question: a cell holds the option itself, or Y/Yes.
  const option = column.sub ?? column.header;
  const optionKey = priorityKey(option);
  const asOption = values.filter((v) => priorityKey(v) === optionKey || YES.test(v)).length;
  const asNo = values.filter((v) => NO.test(v)).length;
  if (asOption > 0 && asOption + asNo === values.length && (column.sub !== null || asNo === 0)) {
    return {
      role: 'multiselect',
      confidence: column.sub !== null ? 0.9 : 0.75,
      reason: `a tick-box column for ${quote(option)}: each cell is ${asOption === values.filter((v) => priorityKey(v) === optionKey).length ? 'the option' : 'a tick (Y, Yes, 1)'}${asNo > 0 ? ', No' : ''} or blank`,
      options: [option],
    };
  }

  const likert = inferLikert(column.cells, scales);
  if (likert) return likert;

  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  const words = values.reduce((n, v) => n + v.split(/\s+/).length, 0) / values.length;
  const multiHint = MULTI_HINT.test(header);
  if (!multiHint && COMMENT_HINT.test(header) && distinct / values.length >= 0.5) {
    return { role: 'comment', confidence: 0.85, reason: `free text (${values.length} answers, ${distinct} different) to a question asking for comments` };
  }

  // One cell listing the chosen options (not in a column the tool marks as one answer each).
  const several = values.filter((v) => naiveParts(v).length >= 2).length;
  const options = deriveOptions(values);
  if (!column.single && (multiHint || (several / values.length >= 0.3 && options.length <= 30 && options.length < values.length))) {
    return {
      role: 'multiselect',
      confidence: multiHint ? 0.9 : 0.6,
      reason: `cells list choices from ${options.length} options (${sample(options, 3)})${multiHint ? '; the question says select all that apply' : ''}`,
      options,
    };
  }
  if (distinct / values.length >= 0.8 && words >= 4 && values.length >= 2) {
    return { role: 'comment', confidence: 0.6, reason: `free text: ${distinct} different answers of ${Math.round(words)} words on average` };
  }
  const numbers = values.filter((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v)).length;
  if (numbers === values.length) {
    const binary = values.every((v) => v === '0' || v === '1');
    return {
      role: 'unknown',
      confidence: 0,
      reason: binary
        ? `holds only 0 and 1 (a yes/no answer or a flag, not a rating scale); if it is a Likert item, say so in align.yml under columns`
        : `numbers (${sample(values, 3)}) in a column of their own: a rating scale is read from three or more side-by-side questions on one range, so say in align.yml under columns what this one is`,
    };
  }
  return {
    role: 'unknown',
    confidence: 0,
    reason: `${distinct} different answers (${sample(values, 3)}): not a Likert scale align knows, a ranking or free text`,
  };
}

/** normaliseHeader, re-exported for the tool modules. */
export { normaliseHeader };
