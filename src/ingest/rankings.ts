/**
 * The ranking encodings (../../shared/fixtures/exports/FORMATS.md, "The three
 * ranking encodings", plus long format), shared by every format module.
 *
 * Cells in, stacks out. Everything here is pure: no I/O, no state. A stack is
 * returned as `Array<{priority, rank}>` with the priority names as written
 * (trimmed) and the ranks as given (1 = most important; equal ranks are a tie,
 * kept as they are), ordered by rank, ties in the order written. Keys, aliases
 * and midranks are applied later (dataset.ts, src/stats).
 *
 * Invalid input throws InputError(file, line, column header, problem, fix):
 *   "abc" is not a rank; ranks are whole numbers from 1 (most important) to 9; ...
 *   rank 11 is outside 1..9; there are 9 priorities, so ...
 *   "Grow revenue" is ranked twice in this stack (ranks 1 and 4); ...
 * Callers that honour --skip-invalid catch it and exclude the respondent.
 */
import { InputError } from '../errors.js';
import { inEnglish, list, msg, quoted, type Tagged } from '../i18n/index.js';
import { foldAccents } from '../text.js';
import { priorityKey } from './priority-key.js';

/** One entry of an explicit stack as written. */
export interface RankedName {
  priority: string;
  rank: number;
}

/** What parseRankCell makes of a cell: a rank, unranked (null), or why it is not a rank. */
export type RankCell = number | null | RankInvalid;

export interface RankInvalid {
  invalid: string;
  /** Set when the cell is a whole number outside the ranks (0, -1): the caller words it with checkRank. */
  rank?: number;
}

/**
 * Ordinal words, 1 to 12, accents removed (readRank folds them): English, French, German,
 * Spanish, Portuguese, Italian, Dutch, with their feminine and inflected forms.
 */
const ORDINAL_WORD_LISTS: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  [['first'], ['second'], ['third'], ['fourth'], ['fifth'], ['sixth'], ['seventh'], ['eighth'], ['ninth'], ['tenth'], ['eleventh'], ['twelfth']],
  [
    ['premier', 'premiere'],
    ['deuxieme', 'seconde'],
    ['troisieme'],
    ['quatrieme'],
    ['cinquieme'],
    ['sixieme'],
    ['septieme'],
    ['huitieme'],
    ['neuvieme'],
    ['dixieme'],
    ['onzieme'],
    ['douzieme'],
  ],
  [
    ['erste', 'erster', 'erstes'],
    ['zweite', 'zweiter', 'zweites'],
    ['dritte', 'dritter', 'drittes'],
    ['vierte', 'vierter', 'viertes'],
    ['funfte', 'funfter', 'funftes'],
    ['sechste', 'sechster', 'sechstes'],
    ['siebte', 'siebter', 'siebtes'],
    ['achte', 'achter', 'achtes'],
    ['neunte', 'neunter', 'neuntes'],
    ['zehnte', 'zehnter', 'zehntes'],
    ['elfte', 'elfter', 'elftes'],
    ['zwolfte', 'zwolfter', 'zwolftes'],
  ],
  [
    ['primero', 'primera', 'primer'],
    ['segundo', 'segunda'],
    ['tercero', 'tercera', 'tercer'],
    ['cuarto', 'cuarta'],
    ['quinto', 'quinta'],
    ['sexto', 'sexta'],
    ['septimo', 'septima'],
    ['octavo', 'octava'],
    ['noveno', 'novena'],
    ['decimo', 'decima'],
    ['undecimo', 'undecima'],
    ['duodecimo', 'duodecima'],
  ],
  [['primeiro', 'primeira'], [], ['terceiro', 'terceira'], ['quarto', 'quarta'], [], [], ['setimo', 'setima'], ['oitavo', 'oitava'], ['nono', 'nona']],
  [
    ['primo', 'prima'],
    ['secondo', 'seconda'],
    ['terzo', 'terza'],
    [],
    [],
    ['sesto', 'sesta'],
    ['settimo', 'settima'],
    ['ottavo', 'ottava'],
    [],
    [],
    ['undicesimo', 'undicesima'],
    ['dodicesimo', 'dodicesima'],
  ],
  [['eerste'], ['tweede'], ['derde'], ['vierde'], ['vijfde'], ['zesde'], ['zevende'], ['achtste'], ['negende'], ['tiende'], ['elfde'], ['twaalfde']],
];
const ORDINAL_WORDS = new Map<string, number>(ORDINAL_WORD_LISTS.flatMap((list) => list.flatMap((words, i) => words.map((w) => [w, i + 1] as const))));
/** The ordinal words as a regular-expression alternation (columns.ts reads headers such as `Premier choix` with it). */
export const ORDINAL_WORD_PATTERN = [...ORDINAL_WORDS.keys()].join('|');

/** The position an ordinal word (accents removed, lower case) names: ordinalWord('deuxieme') === 2; null for any other word. */
export function ordinalWord(word: string): number | null {
  return ORDINAL_WORDS.get(word) ?? null;
}

// A rank label may carry a word after it: "1st choice", "first place", "1er choix", "1º lugar", "1° posto", "1e keuze".
const TRAILER =
  '(?:\\s+(?:choice|place|priority|preference|pick|rank|choix|rang|position|priorite|platz|wahl|prioritat|lugar|opcion|posicion|prioridad|opcao|posicao|prioridade|posto|scelta|posizione|priorita|plaats|keuze|positie|prioriteit))?';
const PLAIN = /^(?:#\s*|no\.?\s*|rank\s*)?(-?\d+)(?:\.0+)?\.?$/;
/**
 * The ordinal suffixes a rank label carries, accents removed and `º`, `ª`, `°`
 * written `°` (ordinalMarks): English 1st 2nd 3rd 4th; French 1er 1re 1ère 2e
 * 2ème 2nd(e); Spanish, Portuguese and Italian 1º 1ª 1° (and 1.º), Latin
 * American Spanish 1ro 2do 3ro 4to 7mo 8vo 9no (1ra 2da: feminine); Dutch 1e 1ste 2de 8ste.
 * Shared with the headers that name a position (columns.ts positionFromHeader).
 */
export const ORDINAL_SUFFIX = '(?:st|nd|rd|th|er|re|ere|eme|e|nde|ste|de|ero|ro|do|to|mo|vo|no|era|ra|da|ta|ma|va|na|°)';
const ORDINAL = new RegExp(`^(\\d+)\\s*(?:st|nd|rd|th)${TRAILER}$|^(\\d+)${ORDINAL_SUFFIX}${TRAILER}$`);

/**
 * A label's ordinal marks as one: `º` (masculine), `ª` (feminine) and `°`
 * (degree, Italian and Spanish keyboards), with or without a dot before them
 * (`1.º`), become `°`; accents go (`2ème` -> `2eme`). NFKC alone would turn
 * `1º` into `1o`. ordinalMarks('1.ª') === '1°'
 */
export function ordinalMarks(text: string): string {
  return foldAccents(text.replace(/\.?\s*[\u00ba\u00aa\u00b0\u02da]/g, '°'));
}
const WORD = new RegExp(`^(${ORDINAL_WORD_PATTERN})${TRAILER}$`);
// Grid column labels such as "1 (most important)" or "9 - least important".
const ANNOTATED = /^(\d+)\s*(?:\([^)]*\)|[-\u2013\u2014:=]\s+\p{L}[\p{L}\s]*)$/u;
const DECIMAL = /^-?\d*[.,]\d+$/;
const ANNOTATED_START = /^\d+\s*[(\-\u2013\u2014:=]/u;

/**
 * Reads one cell that should hold a rank.
 *   parseRankCell(' 2 ') === 2; parseRankCell('3rd') === 3; parseRankCell('first') === 1
 *   parseRankCell('1.'), parseRankCell('#1'), parseRankCell('Rank 1'), parseRankCell('1.0') === 1
 *   parseRankCell('') === null (unranked)
 *   parseRankCell('2.5') -> { invalid: '"2.5" is not a whole number' }
 *   parseRankCell('0')   -> { invalid: 'rank 0 is below 1, the most important', rank: 0 }
 * Whether the rank is at most N is the caller's check (checkRank), since only it knows N.
 */
export function parseRankCell(cell: string): RankCell {
  const r = readRank(cell);
  if (r === null || typeof r === 'number') return r;
  if (r.kind === 'below') return { invalid: `rank ${r.rank} is below 1, the most important`, rank: r.rank };
  return { invalid: `${JSON.stringify(cell.trim())} is ${r.kind === 'decimal' ? 'not a whole number' : 'not a rank'}` };
}

/** What a non-rank cell is: a whole number below 1, a decimal, or text. */
export type RankMiss = { kind: 'below'; rank: number } | { kind: 'decimal' } | { kind: 'text' };

const TEXT: RankMiss = { kind: 'text' };
const DECIMAL_MISS: RankMiss = { kind: 'decimal' };
const NON_ASCII = /[^\x00-\x7f]/;
// How a rank label can start: a digit, '#', '-', '.', or a word (no., rank, an ordinal word); non-ASCII (full-width digits) goes the long way
const RANK_START = /^[\d#\-.A-Za-z\u0080-\uffff]/;
const LABEL_WORDS = new Set(['no', 'rank', ...ORDINAL_WORDS.keys()]);
// the first two lower-case letters of those words, as a number: "Manager", "Operations" stop at one look-up, with no string made
const LABEL_STARTS = new Set([...LABEL_WORDS].map((w) => (w.charCodeAt(0) << 8) | w.charCodeAt(1)));
/**
 * True when a cell starting with an ASCII letter may be a rank label: its first word is `no`, `rank`
 * or an ordinal word, or runs on into an accent (`deuxième`, folded later). Kept cheap: most text
 * cells of a large file pass through here when align looks for rank columns.
 */
function wordMayRank(trimmed: string): boolean {
  if (trimmed.charCodeAt(1) >= 0x80) return true; // "Sétimo": folded the long way
  if (!LABEL_STARTS.has(((trimmed.charCodeAt(0) | 0x20) << 8) | (trimmed.charCodeAt(1) | 0x20))) return false;
  let end = 0;
  for (; end < trimmed.length; end++) {
    const c = trimmed.charCodeAt(end) | 0x20;
    if (c < 97 || c > 122) break;
  }
  if (end < trimmed.length && trimmed.charCodeAt(end) >= 0x80) return true;
  return LABEL_WORDS.has(trimmed.slice(0, end).toLowerCase());
}
const LONGEST_LABEL = 40; // "twelfth preference", "10 (least important of all)": longer text is no rank

/**
 * parseRankCell without the wording: the classification every cell of a
 * large file goes through when align looks for rank columns, kept cheap
 * (plain integers first, then only short cells reach the patterns).
 */
export function readRank(cell: string): number | null | RankMiss {
  // fast path: a plain whole number, by far the commonest cell
  if (cell.length > 0 && cell.length <= 4) {
    let value = 0;
    let digits = true;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
      value = value * 10 + (c - 48);
    }
    if (digits) return value >= 1 ? value : { kind: 'below', rank: value };
  }
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  if (!RANK_START.test(trimmed)) return TEXT;
  if (trimmed.charCodeAt(0) >= 65 && trimmed.charCodeAt(0) < 0x80 && !wordMayRank(trimmed)) return TEXT; // "Manager", "Grow revenue": no label starts so
  if (trimmed.length > LONGEST_LABEL && !ANNOTATED_START.test(trimmed)) return TEXT;
  const s = (NON_ASCII.test(trimmed) ? ordinalMarks(trimmed).normalize('NFKC').trim() : trimmed).toLowerCase().replace(/\s+/g, ' ');
  let m = PLAIN.exec(s) ?? ANNOTATED.exec(s);
  if (m) {
    const rank = Number(m[1]);
    return rank < 1 ? { kind: 'below', rank } : rank;
  }
  m = ORDINAL.exec(s);
  if (m) {
    const rank = Number(m[1] ?? m[2]);
    return rank < 1 ? { kind: 'below', rank } : rank;
  }
  m = WORD.exec(s);
  if (m) return ORDINAL_WORDS.get(m[1]!)!;
  return DECIMAL.test(s) ? DECIMAL_MISS : TEXT;
}

/**
 * The range check parseRankCell leaves to the caller: null when `rank` is a
 * whole number from 1 to n, else the problem, e.g. checkRank(11, 9) ===
 * 'rank 11 is outside 1..9'.
 */
export function checkRank(rank: number, n: number): string | null {
  if (Number.isInteger(rank) && rank >= 1 && rank <= n) return null;
  return `rank ${rank} is outside 1..${n}`;
}

/** Excel leaves rows of empty cells (`,,,,`) below the data: not a respondent. */
export const EMPTY_ROW = 'empty row: every cell is blank';

/** The ledger reason for a respondent --skip-invalid leaves out: one wording for every format. */
export function invalidReason(e: InputError, ownLine: number): string {
  const where = [e.line !== null && e.line !== ownLine ? `line ${e.line}` : null, e.column !== null ? `column ${JSON.stringify(e.column)}` : null]
    .filter((x) => x !== null)
    .join(', ');
  return `invalid, respondent left out (--skip-invalid): ${e.problem}${where ? ` (${where})` : ''}`;
}

/** What to do about a bad value: shared so every module words it alike. */
export const SKIP_INVALID_FIX = 'or pass --skip-invalid to leave this respondent out';

/** The fix for a cell that is not a rank 1..n. */
export function rankFix(n: number): string {
  return `ranks are whole numbers from 1 (most important) to ${n}; correct the cell ${SKIP_INVALID_FIX}`;
}

/** The fix for a rank above n or below 1. */
function rangeFix(n: number): string {
  return `there ${n === 1 ? 'is 1 priority' : `are ${n} priorities`}, so ranks run from 1 (most important) to ${n}; correct the cell ${SKIP_INVALID_FIX}`;
}

const TWICE_FIX = `a priority may appear once in a stack; remove one of them ${SKIP_INVALID_FIX}`;

/** For a cell naming a priority with punctuation only ("-", "?"): its key is empty, so it names nothing. */
const UNNAMED_FIX = `write the priority's name there or leave it blank, ${SKIP_INVALID_FIX}`;

/**
 * The whole number in a rank cell, not yet checked against 1..n (0 and -1
 * come back as they are), or the InputError for a cell that is no whole
 * number. The builders check a priority named twice before the range: the
 * repeat is what pushes a stack's ranks past N.
 */
function wholeRankOrThrow(cell: string, n: number, file: string, line: number, column: string): number | null {
  const r = readRank(cell);
  if (r === null || typeof r === 'number') return r;
  if (r.kind === 'below') return r.rank;
  throw new InputError(file, line, column, (parseRankCell(cell) as RankInvalid).invalid, rankFix(n));
}

function rangeOrThrow(rank: number, n: number, file: string, line: number, column: string): void {
  const problem = checkRank(rank, n);
  if (problem) throw new InputError(file, line, column, problem, rangeFix(n));
}

/**
 * `keyOf` remembering its answers: priority names repeat on every row, and
 * priorityKey's Unicode passes are the hot spot of reading a large file.
 * The cache is cleared when it reaches `limit` names (a file of free text).
 */
export function memoKey(keyOf: (name: string) => string, limit = 100_000): (name: string) => string {
  const cache = new Map<string, string>();
  return (name: string) => {
    let key = cache.get(name);
    if (key === undefined) {
      key = keyOf(name);
      if (cache.size >= limit) cache.clear();
      cache.set(name, key);
    }
    return key;
  };
}

/** priorityKey, remembered: the default key function of everything here. */
export const cachedPriorityKey = memoKey(priorityKey);

// ---------------------------------------------------------------------------
// One ordered-list cell

const SEPARATORS = ['>', ';', '|', ','] as const;
const ARROWS = /\s*(?:->|=>|\u2192|\u27f6|\u00bb)\s*/gu;

/** The list separator a cell uses: the first of '>', ';', '|', ',' it contains; null when none. */
const ANY_SEPARATOR = /[>;|,\u2192\u27f6\u00bb]/;

export function listSeparator(cell: string): string | null {
  if (!ANY_SEPARATOR.test(cell)) return null;
  // '->', '=>' hold '>' already; the arrow characters count as '>'
  if (cell.includes('>') || cell.includes('\u2192') || cell.includes('\u27f6') || cell.includes('\u00bb')) return '>';
  for (const sep of SEPARATORS) if (cell.includes(sep)) return sep;
  return null;
}

/**
 * One cell holding an ordered list, to its names in order, trimmed, empty
 * entries dropped.
 *   splitListCell('A;B;C;') -> ['A', 'B', 'C']            (Microsoft Forms: trailing ';')
 *   splitListCell('A > B>C') -> ['A', 'B', 'C']           ('->' and '→' count as '>')
 *   splitListCell('A|B'), splitListCell('A, B')           ('|', then ',')
 * Without `known`, the separator is the first of '>', ';', '|', ',' present.
 * With `known` (the priorities' names), names that contain separators are
 * found by matching known names greedily from the left, the longest first,
 * compared by priorityKey:
 *   splitListCell('Email, Chat (Slack, Teams), My manager', ['Email', 'Chat (Slack, Teams)', 'My manager'])
 *     -> ['Email', 'Chat (Slack, Teams)', 'My manager']
 * A part matching no known name runs to the next separator and is returned as written.
 */
export function splitListCell(cell: string, known?: readonly string[], keyOf: (name: string) => string = cachedPriorityKey): string[] {
  const text = cell.replace(ARROWS, '>');
  const sep = listSeparator(text);
  const simple = (sep === null ? [text] : text.split(sep)).map((s) => s.trim()).filter((s) => s !== '');
  if (!known || known.length === 0) return simple;
  const keys = keySetOf(known, keyOf);
  if (simple.every((s) => keys.has(keyOf(s)))) return simple;
  return splitByKnownNames(text, keys, keyOf, sep ?? ',');
}

/** The keys of a list of known names, made once per list (a column's cells are all split against the same list). */
const keySets = new WeakMap<readonly string[], { keyOf: (name: string) => string; keys: ReadonlySet<string> }>();

function keySetOf(known: readonly string[], keyOf: (name: string) => string): ReadonlySet<string> {
  const cached = keySets.get(known);
  if (cached && cached.keyOf === keyOf) return cached.keys;
  const keys = new Set(known.map(keyOf));
  keySets.set(known, { keyOf, keys });
  return keys;
}

function isSeparator(ch: string): boolean {
  return (SEPARATORS as readonly string[]).includes(ch);
}

function splitByKnownNames(text: string, keys: ReadonlySet<string>, keyOf: (name: string) => string, sep: string): string[] {
  const cuts: number[] = [];
  for (let i = 0; i < text.length; i++) if (isSeparator(text[i]!)) cuts.push(i);
  cuts.push(text.length);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (isSeparator(text[i]!) || /\s/u.test(text[i]!))) i++;
    if (i >= text.length) break;
    let end = -1;
    for (const c of cuts) {
      if (c > i && keys.has(keyOf(text.slice(i, c)))) end = c; // the longest known name wins
    }
    if (end < 0) {
      end = text.indexOf(sep, i);
      if (end < 0) end = text.length;
    }
    const part = text.slice(i, end).trim();
    if (part !== '') out.push(part);
    i = end;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Building stacks

export interface StackWhere {
  /** The path as the user gave it. */
  file: string;
  /** Physical line where the respondent's record starts. */
  line: number;
  /** Priority name -> matching key; priorityKey (remembered) unless align.yml has aliases (see aliasKeyOf). */
  keyOf?: (name: string) => string;
}

/**
 * A maker of stack entries: one frozen { priority, rank } per priority and rank, shared by every
 * stack that holds it (a 100,000-row table has ten priorities and ten ranks, not a million
 * entries to keep), for a row's stack as written (plan.ts) and as keyed (dataset.ts).
 */
export function sharedEntries(): (priority: string, rank: number) => { readonly priority: string; readonly rank: number } {
  const made = new Map<string, Map<number, { readonly priority: string; readonly rank: number }>>();
  return (priority, rank) => {
    let byRank = made.get(priority);
    if (byRank === undefined) {
      byRank = new Map();
      made.set(priority, byRank);
    }
    let entry = byRank.get(rank);
    if (entry === undefined) {
      entry = Object.freeze({ priority, rank });
      byRank.set(rank, entry);
    }
    return entry;
  };
}

/** Puts entries (a list the caller made, sorted in place) in rank order; equal ranks keep the order written (sort is stable). */
function byRank<E extends RankedName>(entries: E[]): E[] {
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1]!.rank <= entries[i]!.rank;
  return sorted ? entries : entries.sort((a, b) => a.rank - b.rank);
}

/**
 * Wide by priority: one cell per priority column, holding that priority's
 * rank (a number or a label such as `1st`); blank = unranked. `n` is the
 * number of priorities (every priority column counts, ranked or not).
 * Throws for a cell that is not a rank, two columns that are the same
 * priority (by key) both ranked, and a rank outside 1..n, in that order
 * (a repeat is what pushes ranks past N, so it is named first).
 */
export function stackFromPriorityCells(
  cells: ReadonlyArray<{ priority: string; column: string; cell: string }>,
  where: StackWhere & { n: number },
): RankedName[] {
  const keyOf = where.keyOf ?? cachedPriorityKey;
  const seen = new Map<string, { column: string; rank: number }>();
  const out: RankedName[] = [];
  const columns: string[] = [];
  for (const { priority, column, cell } of cells) {
    const rank = wholeRankOrThrow(cell, where.n, where.file, where.line, column);
    if (rank === null) continue;
    const key = keyOf(priority);
    if (key === '') {
      throw new InputError(
        where.file,
        where.line,
        column,
        `this column ranks ${JSON.stringify(priority.trim())}, which is not a priority name`,
        "give the column a priority's name in its header, or mark it ignore under columns in align.yml",
      );
    }
    const before = seen.get(key);
    if (before) {
      throw new InputError(
        where.file,
        where.line,
        column,
        `${JSON.stringify(priority.trim())} is ranked twice in this stack (column ${JSON.stringify(before.column)} gives rank ${before.rank}, this column rank ${rank})`,
        TWICE_FIX,
      );
    }
    seen.set(key, { column, rank });
    out.push({ priority: priority.trim(), rank });
    columns.push(column);
  }
  out.forEach((e, i) => {
    rangeOrThrow(e.rank, where.n, where.file, where.line, columns[i]!);
  });
  return byRank(out);
}

/**
 * stackFromPriorityCells for its commonest row, read without building anything on the way: every
 * cell blank or a plain whole number from 1 to n (digits only, as readRank reads at once), the
 * columns' priorities distinct keys (`distinct`, decided once for the columns). Null for any other
 * row, which stackFromPriorityCells then reads, and names the cell it refuses; where both read a
 * row they give the same stack (test/ingest/rankings-plain.test.ts).
 */
export function stackFromPlainRanks<E extends RankedName>(
  cells: (i: number) => string,
  priorities: readonly string[],
  distinct: boolean,
  entry: (priority: string, rank: number) => E,
): E[] | null {
  if (!distinct) return null;
  const n = priorities.length;
  if (plainRanks.length < n) plainRanks = new Int32Array(n);
  if (plainStarts.length < n + 2) plainStarts = new Int32Array(n + 2);
  const ranks = plainRanks;
  const starts = plainStarts.fill(0, 0, n + 2);
  let ranked = 0;
  for (let i = 0; i < n; i++) {
    const cell = cells(i);
    ranks[i] = 0;
    if (cell.length === 0) continue;
    if (cell.length > 4) return null;
    let rank = 0;
    for (let j = 0; j < cell.length; j++) {
      const c = cell.charCodeAt(j);
      if (c < 48 || c > 57) return null;
      rank = rank * 10 + (c - 48);
    }
    if (rank < 1 || rank > n) return null;
    ranks[i] = rank;
    starts[rank + 1]!++;
    ranked++;
  }
  // in rank order, equal ranks as written (a counting sort: the ranks are 1..n)
  for (let r = 2; r <= n + 1; r++) starts[r]! += starts[r - 1]!;
  const out = new Array<E>(ranked);
  for (let i = 0; i < n; i++) {
    const rank = ranks[i]!;
    if (rank > 0) out[starts[rank]!++] = entry(priorities[i]!, rank);
  }
  return out;
}

/** stackFromPlainRanks's scratch: each priority's rank in the row, and where each rank's entries start. */
let plainRanks = new Int32Array(16);
let plainStarts = new Int32Array(18);

/**
 * Wide by position: one column per position (1st, 2nd, ... choice), the cell
 * naming the priority placed there; blank = nothing at that position.
 * Throws when one priority fills two positions.
 */
export function stackFromPositionCells(cells: ReadonlyArray<{ position: number; column: string; cell: string }>, where: StackWhere): RankedName[] {
  const keyOf = where.keyOf ?? cachedPriorityKey;
  const seen = new Map<string, number>();
  const out: RankedName[] = [];
  for (const { position, column, cell } of cells) {
    const name = cell.trim();
    if (name === '') continue;
    const key = keyOf(name);
    if (key === '') throw new InputError(where.file, where.line, column, `${JSON.stringify(name)} is not a priority name`, UNNAMED_FIX);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new InputError(
        where.file,
        where.line,
        column,
        `${JSON.stringify(name)} is ranked twice in this stack (positions ${before} and ${position})`,
        TWICE_FIX,
      );
    }
    seen.set(key, position);
    out.push({ priority: name, rank: position });
  }
  return byRank(out);
}

/**
 * One ordered-list cell (see splitListCell): the i-th name gets rank i.
 * Throws when a name appears twice.
 */
export function stackFromListCell(cell: string, where: StackWhere & { column: string; known?: readonly string[] }): RankedName[] {
  const keyOf = where.keyOf ?? cachedPriorityKey;
  const names = splitListCell(cell, where.known, keyOf);
  const seen = new Map<string, number>();
  const out: RankedName[] = [];
  names.forEach((name, i) => {
    const key = keyOf(name);
    if (key === '') {
      throw new InputError(where.file, where.line, where.column, `${JSON.stringify(name)} (position ${i + 1} of the list) is not a priority name`, UNNAMED_FIX);
    }
    const before = seen.get(key);
    if (before !== undefined) {
      throw new InputError(
        where.file,
        where.line,
        where.column,
        `${JSON.stringify(name)} is ranked twice in this stack (positions ${before} and ${i + 1} of the list)`,
        TWICE_FIX,
      );
    }
    seen.set(key, i + 1);
    out.push({ priority: name, rank: i + 1 });
  });
  return out;
}

/**
 * Long format: one respondent's rows, each naming a priority and its rank.
 * A blank rank leaves the priority unranked; a rank with a blank priority
 * name, a rank that is no whole number, a priority named twice and a rank
 * outside 1..n throw (in that order over all the rows, since a repeat or an
 * unnamed row is what pushes ranks past N), at the line of the offending
 * row. `n` is the number of priorities in the file.
 */
export function stackFromLongRows(
  rows: ReadonlyArray<{ line: number; priority: string; rank: string }>,
  where: { file: string; n: number; priorityColumn: string; rankColumn: string; keyOf?: (name: string) => string },
): RankedName[] {
  const keyOf = where.keyOf ?? cachedPriorityKey;
  const seen = new Map<string, number>();
  const out: RankedName[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const rank = wholeRankOrThrow(row.rank, where.n, where.file, row.line, where.rankColumn);
    const name = row.priority.trim();
    const key = keyOf(name);
    if (key === '') {
      if (rank === null) continue; // a row with neither: nothing said
      throw new InputError(
        where.file,
        row.line,
        where.priorityColumn,
        `rank ${rank} is given to no priority: the ${JSON.stringify(where.priorityColumn)} cell is ${name === '' ? 'empty' : `${JSON.stringify(name)}, not a name`}`,
        `write the priority's name in the cell or delete the row, ${SKIP_INVALID_FIX}`,
      );
    }
    if (rank === null) continue; // listed, unranked
    const before = seen.get(key);
    if (before !== undefined) {
      throw new InputError(
        where.file,
        row.line,
        where.priorityColumn,
        `${JSON.stringify(name)} is ranked twice in this stack (lines ${before} and ${row.line})`,
        TWICE_FIX,
      );
    }
    seen.set(key, row.line);
    out.push({ priority: name, rank });
    lines.push(row.line);
  }
  out.forEach((e, i) => {
    rangeOrThrow(e.rank, where.n, where.file, lines[i]!, where.rankColumn);
  });
  return byRank(out);
}

// ---------------------------------------------------------------------------
// Ties, aliases

/**
 * The notes for equal ranks in one stack (a tie, not an error; ARCHITECTURE.md):
 *   tieNotes([{priority: 'A', rank: 2}, {priority: 'B', rank: 2}], 'Kofi Boateng')
 *   -> ['Kofi Boateng gave rank 2 to both "A" and "B"; they share the average rank']
 * Names in the order of the stack given; `who` null reads "This respondent".
 */
export function tieNotes(stack: readonly RankedName[], who: string | null): string[] {
  return tieMessages(stack, who).map(inEnglish);
}

/** tieNotes as messages, for a note worded from the catalogue (ledgerText). */
export function tieMessages(stack: readonly RankedName[], who: string | null): Array<Extract<Tagged, { $: 'msg' }>> {
  if (!hasEqualRanks(stack)) return [];
  const byRankValue = new Map<number, string[]>();
  for (const e of stack) {
    const names = byRankValue.get(e.rank) ?? [];
    names.push(e.priority);
    byRankValue.set(e.rank, names);
  }
  const name = who && who.trim() !== '' ? who.trim() : undefined;
  const notes: Array<Extract<Tagged, { $: 'msg' }>> = [];
  for (const [rank, names] of [...byRankValue].sort((a, b) => a[0] - b[0])) {
    if (names.length < 2) continue;
    const named = names.map(quoted);
    const items = named.length === 2 ? msg('ledger.note.tieBoth', { a: named[0], b: named[1] }) : list(named);
    notes.push(msg('ledger.note.tie', { named: name === undefined ? 'no' : 'yes', name, rank: String(rank), items }));
  }
  return notes;
}

/** One pass with a set: a long file can give one respondent 200,000 entries, and pairs of them are 2 * 10^10. */
function hasEqualRanks(stack: readonly RankedName[]): boolean {
  // whole ranks below 31 (nearly every stack) by a bit each, without a set a row
  let bits = 0;
  let small = true;
  for (const e of stack) {
    const r = e.rank;
    if (!Number.isInteger(r) || r < 0 || r > 30) {
      small = false;
      break;
    }
    const bit = 1 << r;
    if ((bits & bit) !== 0) return true;
    bits |= bit;
  }
  if (small) return false;
  const seen = new Set<number>();
  for (const e of stack) {
    if (seen.has(e.rank)) return true;
    seen.add(e.rank);
  }
  return false;
}

/**
 * The key function with align.yml's `priorities.aliases` (spelling -> the
 * priority it means) applied: aliasKeyOf({Revenue: 'Grow revenue'})('revenue.')
 * === 'grow revenue'. Without aliases it is priorityKey.
 */
export function aliasKeyOf(aliases: Readonly<Record<string, string>> | undefined): (name: string) => string {
  if (!aliases || Object.keys(aliases).length === 0) return cachedPriorityKey;
  const map = new Map<string, string>();
  for (const [spelling, target] of Object.entries(aliases)) map.set(priorityKey(spelling), priorityKey(target));
  return memoKey((name: string) => {
    const key = priorityKey(name);
    return map.get(key) ?? key;
  });
}

// ---------------------------------------------------------------------------
// Re-submissions in a long file

/** One earlier submission a later one replaces: its rows, and the first line of the submission that replaces it. */
interface Superseded<R> {
  rows: R[];
  byLine: number;
}

/**
 * The one rule for a respondent who submitted more than once in a long file
 * (`align collect` appends a new stack when a participant re-submits, and
 * keeps the earlier rows): the respondent's rows whose `submitted` cells
 * differ are separate submissions, and the latest by time supersedes the
 * others, which stay in the file and go to the ledger. Rows whose cells all
 * agree (or are all blank, or one time and blanks) are one submission, as
 * before. With two or more times, a blank or unreadable cell, or two
 * spellings of one instant, cannot be placed: InputError, never a guess.
 *   latestSubmission([{line: 2, submitted: '2026-03-01T09:00:00Z'}, {line: 5, submitted: '2026-03-01T09:30:00Z'}], …)
 *   -> { kept: [line 5], superseded: [{ rows: [line 2], byLine: 5 }] }
 * `read` parses a cell to epoch milliseconds (the plain table's parseIsoTimestamp).
 */
export function latestSubmission<R extends { line: number; submitted: string }>(
  rows: readonly R[],
  where: { file: string; column: string; read: (text: string) => number | null },
): { kept: R[]; superseded: Superseded<R>[] } {
  const byValue = new Map<string, R[]>();
  for (const row of rows) {
    const value = row.submitted.trim();
    if (value === '') continue;
    const same = byValue.get(value);
    if (same) same.push(row);
    else byValue.set(value, [row]);
  }
  if (byValue.size < 2) return { kept: [...rows], superseded: [] };
  const times = [...byValue.keys()].map((v) => `"${v}"`).join(', ');
  const blank = rows.find((r) => r.submitted.trim() === '');
  if (blank) {
    throw new InputError(
      where.file,
      blank.line,
      where.column,
      `this row has no submit time, while the respondent's other rows carry ${byValue.size} (${times}), so which submission it belongs to is unknown`,
      `fill in the ${JSON.stringify(where.column)} cell or delete the row, ${SKIP_INVALID_FIX}`,
    );
  }
  const submissions = [...byValue].map(([value, members]) => {
    const time = where.read(value);
    if (time === null || !Number.isFinite(time)) {
      throw new InputError(
        where.file,
        members[0]!.line,
        where.column,
        `${JSON.stringify(value)} is not a time align reads, so this respondent's ${byValue.size} submissions cannot be put in order`,
        `write the time as 2026-03-01T09:30:00Z (ISO 8601), ${SKIP_INVALID_FIX}`,
      );
    }
    return { value, time, members };
  });
  submissions.sort((a, b) => a.time - b.time);
  for (let i = 1; i < submissions.length; i++) {
    if (submissions[i]!.time === submissions[i - 1]!.time) {
      throw new InputError(
        where.file,
        submissions[i]!.members[0]!.line,
        where.column,
        `${JSON.stringify(submissions[i]!.value)} and ${JSON.stringify(submissions[i - 1]!.value)} are the same time written two ways, so neither submission is the later`,
        `write one submission's rows with one time, ${SKIP_INVALID_FIX}`,
      );
    }
  }
  const latest = submissions[submissions.length - 1]!;
  const byLine = Math.min(...latest.members.map((r) => r.line));
  return { kept: latest.members, superseded: submissions.slice(0, -1).map((s) => ({ rows: s.members, byLine })) };
}

/** The ledger reason for the rows of a submission a later one supersedes (kind 'duplicate'). */
export function supersededReason(byLine: number): string {
  return `duplicate (same respondent, submitted again): superseded by the later submission on line ${byLine}`;
}
