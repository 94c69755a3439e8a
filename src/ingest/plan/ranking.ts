/**
 * The ranking question: which one (align.yml, --ranking-question, or the only candidate), and each row's stack from it.
 */
import { InputError } from '../../errors.js';
import type { NormaliseContext } from '../formats/types.js';
import { asksForOrder, findRankingQuestions, notRanks, type RankingCandidate, rankingAsTold } from '../infer.js';
import { isMissingAnswer } from '../likert.js';
import { readRank, stackFromListCell, stackFromPlainRanks, stackFromPositionCells, stackFromPriorityCells } from '../rankings.js';
import { isNumberRun, questionGroups, quoted } from './groups.js';
import { looseKey, splitCode } from './header.js';
import { namesOf } from './overrides.js';
import type { Resolved } from './types.js';

export function matchesQuestion(wanted: string, candidate: { question: string; columns: readonly Resolved[] }): 'exact' | 'prefix' | null {
  const w = looseKey(wanted);
  const names = [candidate.question, ...candidate.columns.flatMap((c) => namesOf(c.column).own)];
  const codes = candidate.columns.map((c) => (c.column.code ? splitCode(c.column.code)?.question : undefined)).filter((s): s is string => !!s);
  if ([...names, ...codes].some((n) => looseKey(n) === w)) return 'exact';
  if (w.length >= 4 && looseKey(candidate.question).startsWith(w)) return 'prefix';
  return null;
}

/** Several ranking questions fit and nothing says which: the candidates and the words readDataset stops with. */
export interface AmbiguousRanking {
  ambiguous: RankingCandidate[];
  problem: string;
  fix: string;
}

/**
 * The candidate ranking questions among the open columns. A number run whose
 * header does not ask for a ranking is first cleared of the columns that hold
 * numbers but no ranks (notRanks); their reasons go to `dropped`.
 */
export function candidatesOf(open: readonly Resolved[], dropped: Map<number, string>): RankingCandidate[] {
  const found: RankingCandidate[] = [];
  for (const g of questionGroups(open)) {
    if (!isNumberRun(g) || asksForOrder(g[0]!.column.question)) {
      found.push(...findRankingQuestions([g.map((r) => r.view)]));
      continue;
    }
    const out = notRanks(g.map((r) => r.view));
    const kept = g.filter((r) => !out.has(r.column.index)).map((r) => r.view);
    const candidate = kept.length > 0 ? findRankingQuestions([kept])[0] : undefined;
    if (!candidate) continue;
    // the reasons only mean something beside the ranking they were dropped from
    for (const [index, why] of out) dropped.set(index, why);
    found.push(candidate);
  }
  return found;
}

/**
 * Two columns of 1s and 2s that no header asks to rank, in a file that names no respondent (no id,
 * name, email, role or department column): a pair of values ("x,y / 1,2") far more often than a
 * stacks file ranking two priorities, so not read as one; a header that asks for a ranking, a
 * respondent column beside them, --ranking-question or align.yml columns make them a ranking.
 */
function pairOfNumbers(c: RankingCandidate, resolved: readonly Resolved[]): boolean {
  if (c.encoding !== 'by-priority' || c.columns.length !== 2 || asksForOrder(c.question)) return false;
  return !resolved.some((r) => r.role === 'id' || r.role === 'name' || r.role === 'email' || r.role === 'role' || r.role === 'department');
}

/** How a candidate holds its stacks, in words: `one column per priority, 9 columns`. */
function encodingWords(c: RankingCandidate): string {
  if (c.encoding === 'list') return 'one ordered list per respondent';
  return `one column per ${c.encoding === 'by-priority' ? 'priority' : 'position'}, ${c.columns.length} columns`;
}

export function chooseRanking(
  resolved: Resolved[],
  context: NormaliseContext,
  file: string,
  dropped: Map<number, string>,
): RankingCandidate | AmbiguousRanking | null {
  const wanted = context.rankingQuestion;
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
        hits.length === 0 ? `no question here is headed ${quoted(wanted)}` : `${hits.length} questions start with ${quoted(wanted)}`,
        options.length > 0
          ? `pass --ranking-question with one of ${options.join(', ')}`
          : 'pass --ranking-question with the question text as it heads its columns (the part before " [item]" or " - item")',
      );
    }
    const hit = hits[0]!;
    const views = hit.columns.map((r) => r.view);
    if (views.length === 1 && views[0]!.single) {
      throw new InputError(
        file,
        null,
        views[0]!.header,
        'this question takes one answer per respondent (the export marks it "Response"), not a ranking: its commas are part of the answers',
        'name the question that holds the stacks with --ranking-question, or run align inspect on the file to see how its columns were read',
      );
    }
    const candidate = findRankingQuestions([views])[0];
    const why = `--ranking-question ${quoted(wanted)} names this question`;
    return candidate ? { ...candidate, confidence: 1, reason: `${why}: ${candidate.reason}` } : rankingAsTold(hit.question, views, why);
  }

  const candidates = candidatesOf(open, dropped).filter((c) => !pairOfNumbers(c, resolved));
  if (candidates.length > 1) {
    return {
      ambiguous: candidates,
      problem: `${candidates.length} questions look like rankings: ${candidates.map((c) => `${quoted(c.question)} (${encodingWords(c)})`).join(' and ')}`,
      fix: `pass --ranking-question with the one to use, e.g. --ranking-question ${quoted(candidates[0]!.question)} (or set rankingQuestion in align.yml)`,
    };
  }
  return candidates[0] ?? null;
}

/**
 * The priority a by-priority ranking column ranks: align.yml's `priority`, else
 * the code book of its question (`Q5: {3: Launch the platform}` for `Q5_3`),
 * else the column's statement or header.
 */
export function priorityNameOf(r: Resolved): string {
  if (r.override?.spec.priority) return r.override.spec.priority.trim();
  const split = r.column.code ? splitCode(r.column.code) : null;
  const fromBook = split ? r.book?.get(split.sub.toLowerCase()) : undefined;
  return (fromBook ?? r.column.sub ?? r.column.header).trim();
}

/**
 * The priority each by-priority column ranks (trimmed, as a stack names it), and whether their keys
 * are distinct: worked out once per plan, as stackOf reads every row.
 */
const PRIORITY_NAMES = new WeakMap<readonly Resolved[], { names: string[]; distinct: boolean }>();

/**
 * A row's stack as written, its entries made by `where.entry` (plan.ts shares one object per
 * priority and rank among all rows).
 */
export function stackOf<E extends { priority: string; rank: number }>(
  ranking: RankingCandidate,
  columns: readonly Resolved[],
  at: number,
  where: { file: string; line: number; keyOf: (name: string) => string; listOptions: readonly string[]; entry: (priority: string, rank: number) => E },
): E[] {
  const blankIfMissing = (cell: string) => (isMissingAnswer(cell) ? '' : cell);
  const entries = (stack: ReadonlyArray<{ priority: string; rank: number }>): E[] => stack.map((e) => where.entry(e.priority, e.rank));
  if (ranking.encoding === 'by-priority') {
    let plan = PRIORITY_NAMES.get(columns);
    if (plan === undefined) {
      const names = columns.map(priorityNameOf);
      const keys = names.map(where.keyOf);
      plan = { names, distinct: !keys.includes('') && new Set(keys).size === keys.length };
      PRIORITY_NAMES.set(columns, plan);
    }
    const { names, distinct } = plan;
    const plain = stackFromPlainRanks((i) => columns[i]!.view.raw[at] ?? '', names, distinct, where.entry);
    if (plain !== null) return plain;
    return entries(
      stackFromPriorityCells(
        columns.map((c, i) => ({ priority: names[i]!, column: c.column.header, cell: blankIfMissing(c.view.raw[at] ?? '') })),
        { file: where.file, line: where.line, keyOf: where.keyOf, n: columns.length },
      ),
    );
  }
  if (ranking.encoding === 'by-position') {
    return entries(
      stackFromPositionCells(
        columns.map((c, i) => ({ position: ranking.positions?.[i] ?? i + 1, column: c.column.header, cell: blankIfMissing(c.view.cells[at] ?? '') })),
        { file: where.file, line: where.line, keyOf: where.keyOf },
      ),
    );
  }
  const column = columns[0]!;
  return entries(
    stackFromListCell(blankIfMissing(column.view.cells[at] ?? ''), {
      file: where.file,
      line: where.line,
      keyOf: where.keyOf,
      column: column.column.header,
      known: where.listOptions,
    }),
  );
}

/**
 * The priorities the file lists: the by-priority columns, or the code book of
 * a coded by-position or list question (LimeSurvey `prio: {P1: …}`); [] when
 * only the cells name them.
 */
export function prioritiesOf(ranking: RankingCandidate | null, columns: readonly Resolved[]): string[] {
  if (!ranking) return [];
  if (ranking.encoding === 'by-priority') return columns.map(priorityNameOf);
  for (const c of columns) {
    if (c.book && c.book.size > 0) return [...new Set(c.book.values())];
  }
  return [];
}

/**
 * A question that asks for a ranking (asksForOrder: `Rank…`, `Classez…`,
 * `Rangfolge…`) with a column per priority whose cells are numbers with
 * something align does not read as a rank (`1ra`, `2ºº`): null when there is
 * none, else the first such cell, so that reading stops there rather than
 * report "no ranking question". Only when no ranking question was found.
 */
export function unreadRanking(open: readonly Resolved[]): { column: string; row: number; labels: string[]; columns: number; question: string } | null {
  for (const g of questionGroups(open)) {
    if (g.length < 2 || g.some((r) => r.column.sub === null) || !asksForOrder(g[0]!.column.question)) continue;
    let answered = 0;
    let unread = 0;
    let first: { column: string; row: number } | null = null;
    const labels = new Set<string>();
    for (const r of g) {
      r.view.raw.forEach((cell, row) => {
        const c = cell.trim();
        if (c === '' || isMissingAnswer(c)) return;
        answered++;
        // a number with a label align does not read: "1ra", "2.ª°"; words ("Very important") are another question's answers
        if (!/^\d/.test(c) || c.length > 16 || typeof readRank(c) === 'number') return;
        unread++;
        labels.add(c);
        if (first === null || row < first.row) first = { column: r.column.header, row };
      });
    }
    if (first !== null && unread * 2 >= answered) {
      const at = first as { column: string; row: number };
      return { ...at, labels: [...labels].slice(0, 6), columns: g.length, question: g[0]!.column.question };
    }
  }
  return null;
}
