/**
 * Likert scales: each column's scale or range (a question's columns share one), and each cell's value on it.
 */
import { InputError } from '../../errors.js';
import { ledgerText, msg, type Tagged, t, withLanguage } from '../../i18n/index.js';
import type { AlignConfig } from '../config-types.js';
import { inferLikert, type LikertKind } from '../infer.js';
import {
  bestScale,
  findScale,
  fractionalAnswer,
  integerAnswer,
  isMissingAnswer,
  languageName,
  likertValue,
  mixedLanguages,
  numericRange,
  type Scale,
} from '../likert.js';
import { outlyingAnswers } from '../outlying.js';
import { SKIP_INVALID_FIX } from '../rankings.js';
import type { Note } from '../types.js';
import { quoted } from './groups.js';
import type { Resolved } from './types.js';

export function likertOf(kind: LikertKind): Resolved['likert'] {
  return kind.kind === 'labels' ? { scale: kind.fit.scale, numeric: null } : { scale: null, numeric: { low: kind.low, high: kind.high, points: kind.points } };
}

/** The headers of the columns read on one numeric range with a column (its group), set by resolveScales. */
const sharing = new WeakMap<Resolved, readonly string[]>();

/** `lenient`: where to note a column align.yml calls Likert on no scale align knows, leaving it unread instead of stopping. */
export function resolveScales(resolved: Resolved[], scales: Scale[], config: AlignConfig, file: string, headerLine: number, lenient: Note[] | null): void {
  const likert = resolved.filter((r) => r.role === 'likert');
  // Columns told to be Likert by align.yml: their scale by name, or by their answers; a column
  // answered with whole numbers only ("3") takes the range of the file's other numeric Likert
  // columns, as inference does (so inspect --write-config's file reads back the same).
  const neighbourRange = (r: Resolved) => {
    const values = r.view.cells
      .map((c) => c.trim())
      .filter((c) => c !== '' && !isMissingAnswer(c))
      .map(integerAnswer);
    if (values.length === 0 || values.some((v) => v === null)) return null;
    for (const o of likert) {
      if (o === r) continue;
      const n =
        o.likert?.numeric ??
        (o.likert
          ? null
          : (() => {
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
    const problemMessage =
      labels.length === 0
        ? msg('ledger.likert.unanswered')
        : msg('ledger.likert.unknownLabels', { answers: `${labels.slice(0, 8).map(quoted).join(', ')}${labels.length > 8 ? ', …' : ''}` });
    const problem = withLanguage('en', () => t(problemMessage.key, problemMessage.params));
    if (lenient) {
      lenient.push(
        ledgerText({ file, line: headerLine }, 'note', msg('ledger.likert.columnLeftOut', { problem: problemMessage, column: quoted(r.column.header) })),
      );
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
  // The columns that share each numeric range (a group of rating questions, a question's columns),
  // for the fix offScaleFix gives: a wider scale must be named for each of them.
  const byGroup = new Map<string, Resolved[]>();
  for (const r of likert) if (r.group && r.likert?.numeric) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  for (const members of byGroup.values())
    for (const m of members)
      sharing.set(
        m,
        members.map((x) => x.column.header),
      );
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
      const fit = bestScale(
        labelled.flatMap((m) => m.view.cells),
        scales,
      );
      if (fit && fit.unknown.length === 0) for (const m of labelled) m.likert = { scale: fit.scale, numeric: null };
    }
    const numeric = members.filter((m) => m.likert?.numeric);
    // a group of rating questions keeps the range it was read with (numericGroups); other questions share the widest
    if (numeric.length > 1 && !numeric[0]!.group) {
      const values = numeric.flatMap((m) => m.view.cells.map(integerAnswer).filter((v): v is number => v !== null));
      // as numericGroups: a few answers apart from the rest (a lone 9 among 1..5) do not widen the shared range
      const outlying = outlyingAnswers(values);
      const range = numericRange(outlying.size > 0 ? values.filter((v) => !outlying.has(v)) : values);
      if (range) for (const m of numeric) m.likert = { scale: null, numeric: range };
      for (const m of numeric)
        sharing.set(
          m,
          numeric.map((x) => x.column.header),
        );
    }
  }
  refuseMixedLanguages(likert, file, headerLine, lenient);
}

/**
 * A question answered in labels of two languages ("Agree" beside "Tout à fait d'accord") is not
 * read: which language's 4 is meant is the user's to say, in align.yml `languages` (a bilingual
 * survey) or by correcting the answers. Checked per column and across a question's columns.
 */
function refuseMixedLanguages(likert: Resolved[], file: string, headerLine: number, lenient: Note[] | null): void {
  const labelled = likert.filter((r) => r.role === 'likert' && r.likert?.scale);
  const questions = new Map<string, Resolved[]>();
  for (const r of labelled) {
    const key = r.group ? `g:${r.group}` : r.column.sub !== null ? `q:${r.column.question}` : `col:${r.column.index}`;
    questions.set(key, [...(questions.get(key) ?? []), r]);
  }
  for (const members of questions.values()) {
    const scale = members[0]!.likert!.scale!;
    // each column's distinct answers once (a column of 100k rows holds a handful)
    const distinct = new Map(members.map((m) => [m, new Set(m.view.cells)]));
    const one = members.find((m) => mixedLanguages(distinct.get(m)!, m.likert!.scale!) !== null);
    const where = one ?? members[0]!;
    const mixed = one
      ? mixedLanguages(distinct.get(one)!, one.likert!.scale!)
      : members.length > 1 && members.every((m) => m.likert!.scale === scale)
        ? mixedLanguages(new Set([...distinct.values()].flatMap((s) => [...s])), scale)
        : null;
    if (!mixed) continue;
    const found = mixed
      .slice(0, 8)
      .map((m) => `${quoted(m.label)} (${m.languages.map(languageName).join(' or ')})`)
      .join(', ');
    const codes = [...new Set(mixed.flatMap((m) => m.languages))];
    const problem = `the answers are labels of ${codes.length} languages with none common to all: ${found}${mixed.length > 8 ? ', …' : ''}`;
    if (lenient) {
      for (const m of members) {
        m.role = 'ignore';
        m.reason = `${m.reason}; ${problem}, so left out`;
      }
      lenient.push({ file, line: headerLine, note: `${problem} (column ${quoted(where.column.header)}): left out (Likert answers are not used here)` });
      continue;
    }
    throw new InputError(
      file,
      headerLine,
      where.column.header,
      problem,
      `if the survey was answered in more than one language, name them in align.yml: languages: [${codes.join(', ')}]; otherwise correct the answers, or map them under scales`,
    );
  }
}

/** How many distinct cells of one column likertCell remembers (a Likert column holds a handful). */
const READ_CACHE = 256;

/** The Likert answer in row `at` of column `c` (null: not answered); an InputError when it is no answer on the column's scale. */
export function likertCell(c: Resolved, at: number, file: string, line: number): number | null {
  const cell = c.view.cells[at] ?? '';
  let read = c.read;
  if (!read) {
    read = new Map();
    c.read = read;
  }
  const known = read.get(cell);
  if (known !== undefined) return known;
  const value = readLikertCell(c, cell, file, line);
  if (read.size < READ_CACHE) read.set(cell, value);
  return value;
}

function readLikertCell(c: Resolved, cell: string, file: string, line: number): number | null {
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
  // "3,5" or "3.5": read as the number it is, and refused as no point of the scale (an answer is one
  // of the scale's whole points; half a point is not rounded either way).
  const fraction = numeric && value === null ? fractionalAnswer(cell) : null;
  if (numeric && fraction !== null) {
    throw new InputError(
      file,
      line,
      c.column.header,
      `${quoted(cell.trim())} is ${fraction}, between two points of the ${numeric.low}..${numeric.high} scale (answers are its whole points)`,
      `correct the cell to a whole point, ${SKIP_INVALID_FIX}`,
    );
  }
  if (value === null || !numeric) {
    throw new InputError(
      file,
      line,
      c.column.header,
      `${quoted(cell.trim())} is not a number on this ${numeric ? `${numeric.low}..${numeric.high} ` : ''}scale`,
      `correct the cell, or map the labels in align.yml under scales, ${SKIP_INVALID_FIX}`,
    );
  }
  // Off the range read from the answers: a typo, a code, or a scale with more points than the
  // answers showed (outlyingAnswers keeps a lone 9 from stretching 1..5). align does not guess which.
  throw new InputError(
    file,
    line,
    c.column.header,
    `${value} is off the ${numeric.low}..${numeric.high} scale read from the answers`,
    offScaleFix(c, value, numeric),
  );
}

/** How many columns a fix writes out in full before "… and N more". */
const FIX_COLUMNS = 3;

/**
 * The fix for a whole number off a numeric scale: correct it, leave the respondent out, or settle
 * the scale in align.yml (the number meaning no answer: the column holding it; or a scale reaching
 * it: every column read on the same range, named, since a column align.yml names is read on its own
 * scale and the others keep the range read from their answers); the syntax is the README's
 * (align.yml: scales, columns.<column>.scale). A number one above the range's top (a lone 6 over
 * 1..5) may be a real point nobody else chose: the fix says the real scale is one align.yml entry away.
 */
function offScaleFix(c: Resolved, value: number, numeric: { low: number; high: number }): string {
  const labels = (low: number, high: number) => `{"${low}": ${low}, …, "${high}": ${high}}`;
  const wider = { low: Math.min(numeric.low, value), high: Math.max(numeric.high, value) };
  const entry = (header: string) => `${quoted(header)}: {role: likert, scale: rating}`;
  const headers = sharing.get(c) ?? [c.column.header];
  const all =
    headers.length <= FIX_COLUMNS + 1
      ? headers.map(entry).join(', ')
      : `${headers.slice(0, FIX_COLUMNS).map(entry).join(', ')}, … and ${headers.length - FIX_COLUMNS} more`;
  const each =
    headers.length > 1 ? `, for each column of the group (${quoted(headers[0]!)} … ${quoted(headers[headers.length - 1]!)}, ${headers.length} columns)` : '';
  const real =
    value === numeric.high + 1
      ? `if the scale really has ${wider.high - wider.low + 1} points (its top chosen by fewer than 1 in 100), one align.yml entry reads it so`
      : `if the scale runs ${wider.low}..${wider.high}`;
  return `correct the cell, ${SKIP_INVALID_FIX}; or settle the scale in align.yml: if ${value} means no answer, scales: {rating: {labels: ${labels(numeric.low, numeric.high)}, missing: ["${value}"]}} with columns: {${entry(c.column.header)}}; ${real}: scales: {rating: {labels: ${labels(wider.low, wider.high)}}} with columns: {${all}}${each}`;
}

/**
 * The lenient reading's note (align stack) for the answers of one Likert column it left out: on a
 * numeric scale they are off the range read from the answers (a stray 9 is a number, no label); on
 * a scale of labels they are not its labels.
 */
export function unreadableNote(header: string, count: number, column: Resolved | undefined): Extract<Tagged, { $: 'msg' }> {
  const numeric = column?.likert?.numeric;
  return msg('ledger.likert.unreadable', {
    n: count,
    count: String(count),
    column: quoted(header),
    numeric: numeric ? 'yes' : 'no',
    low: numeric ? String(numeric.low) : undefined,
    high: numeric ? String(numeric.high) : undefined,
  });
}
