/**
 * Likert scales: each column's scale or range (a question's columns share one), and each cell's value on it.
 */
import { InputError } from '../../errors.js';
import { inEnglish, joined, ledgerText, msg, type Param, quotedList, quoted as quotedName, type Tagged } from '../../i18n/index.js';
import { pushTo } from '../../records.js';
import type { AlignConfig } from '../config-types.js';
import { inferLikert, type LikertKind } from '../infer.js';
import type { Language } from '../labels/index.js';
import {
  asMiddle,
  bestScale,
  findScale,
  fractionalAnswer,
  integerAnswer,
  isMissingAnswer,
  labelKey,
  likertValue,
  mixedLanguages,
  numericRange,
  type Scale,
  scalesFor,
  twinReading,
} from '../likert.js';
import { withoutOutlying } from '../outlying.js';
import { SKIP_INVALID_FIX } from '../rankings.js';
import type { Note } from '../types.js';
import { quoted } from './groups.js';
import type { Resolved } from './types.js';

export function likertOf(kind: LikertKind): Resolved['likert'] {
  return kind.kind === 'labels' ? { scale: kind.fit.scale, numeric: null } : { scale: null, numeric: { low: kind.low, high: kind.high, points: kind.points } };
}

/** The headers of the columns read on one numeric range with a column (its group), set by resolveScales. */
const sharing = new WeakMap<Resolved, readonly string[]>();

/**
 * `lenient`: where to note a column align.yml calls Likert on no scale align knows, leaving it unread instead of stopping;
 * `notes`: the file's notes, for a reading worth saying (refuseTwinReadings).
 */
export function resolveScales(
  resolved: Resolved[],
  scales: Scale[],
  config: AlignConfig,
  file: string,
  headerLine: number,
  lenient: Note[] | null,
  notes: Note[],
): void {
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
    const problemMessage = labels.length === 0 ? msg('ledger.likert.unanswered') : msg('ledger.likert.unknownLabels', { answers: quotedList(labels, 8) });
    const problem = inEnglish(problemMessage);
    if (lenient) {
      lenient.push(
        ledgerText({ file, line: headerLine }, 'note', msg('ledger.likert.columnLeftOut', { problem: problemMessage, column: quotedName(r.column.header) })),
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
  for (const r of likert) if (r.group && r.likert?.numeric) pushTo(byGroup, r.group, r);
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
    pushTo(groups, key, r);
  }
  for (const members of groups.values()) {
    const labelled = members.filter((m) => m.likert?.scale);
    if (labelled.length > 1) {
      const fit = bestScale(
        labelled.flatMap((m) => m.view.cells),
        scales,
      );
      if (fit && fit.unknown.length === 0)
        for (const m of labelled) {
          if (m.likert?.scale !== fit.scale)
            m.reason = `${m.reason}; read on the ${fit.scale.name} scale (${fit.scale.points} points), as the columns read with it`;
          m.likert = { scale: fit.scale, numeric: null };
        }
    }
    readMiddles(labelled, file, headerLine, notes);
    refuseTwinReadings(
      members.filter((m) => m.likert?.scale),
      scales,
      file,
      headerLine,
      lenient,
      notes,
    );
    const numeric = members.filter((m) => m.likert?.numeric);
    // a group of rating questions keeps the range it was read with (numericGroups); other questions share the widest
    if (numeric.length > 1 && !numeric[0]!.group) {
      const values = numeric.flatMap((m) => m.view.cells.map(integerAnswer).filter((v): v is number => v !== null));
      // as numericGroups: a few answers apart from the rest (a lone 9 among 1..5) do not widen the shared range
      const range = numericRange(withoutOutlying(values));
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
 * Columns read together whose labels a 5-point scale and its 7-point twin
 * both read (likert.ts twinReading). When the two readings order the labels
 * differently (`moved`), they are not read on either without the user's word,
 * in align.yml `scales:`. When every label sits where the 5-point scale's own
 * would, the question reads on 5 points, as before: with every point of it
 * answered, in silence (a 7-point reading would leave its points either side
 * of the middle unanswered while the middle is not); otherwise with a note,
 * since a 7-point survey answered only at those points reads the same.
 */
function refuseTwinReadings(
  labelled: readonly Resolved[],
  scales: readonly Scale[],
  file: string,
  headerLine: number,
  lenient: Note[] | null,
  notes: Note[],
): void {
  const byScale = new Map<Scale, Resolved[]>();
  for (const m of labelled) if (m.likert?.scale) pushTo(byScale, m.likert.scale, m);
  for (const [scale, members] of byScale) {
    const twin = twinReading(new Set(members.flatMap((m) => m.view.cells)), scale, scales);
    if (!twin) continue;
    const where = members[0]!;
    const shown = twin.labels.slice(0, 8);
    const example = twin.labels.find((l) => l.label === twin.moved) ?? twin.labels[twin.labels.length - 1]!;
    const readings = {
      answers: quotedList(
        twin.labels.map((l) => l.label),
        8,
      ),
      points: String(scale.points),
      scale: scale.name,
      here: shown.map((l) => l.here).join(', '),
      twinPoints: String(twin.twin.points),
      twin: twin.twin.name,
      there: shown.map((l) => l.there).join(', '),
      label: quoted(example.label),
    };
    if (twin.moved === null) {
      if (new Set(twin.labels.map((l) => l.here)).size === scale.points) continue;
      notes.push(
        ledgerText(
          { file, line: headerLine },
          'note',
          msg('reading.twin.note', {
            ...readings,
            column: quotedName(where.column.header),
            more: members.length - 1,
            moreCount: String(members.length - 1),
            value: String(example.there),
          }),
        ),
      );
      continue;
    }
    const problem = msg('reading.twin.problem', readings);
    const fix = msg('reading.twin.fix', { ...readings, value: String(example.here), twinValue: String(example.there) });
    if (lenient) {
      lenient.push(
        ledgerText(
          { file, line: headerLine },
          'note',
          msg('reading.twin.lenient', { problem, fix, column: quotedName(where.column.header), points: readings.points }),
        ),
      );
      continue;
    }
    throw new InputError(file, headerLine, where.column.header, inEnglish(problem), inEnglish(fix));
  }
}

/**
 * UTF-8 text read as Windows-1252 somewhere before align ("Dâ€™accord" for
 * "D’accord", "Ã©" for "é"): a character of the first bytes of a UTF-8
 * sequence as Windows-1252 shows them, then one of its continuation bytes.
 */
const MOJIBAKE = /Ã[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|â€[\u0080-\u2122]?|Â[\u00a0-\u00bf]/;

/**
 * Columns no scale reads whose answers are a handful of labels (2 to 11) a
 * scale would read but for the way they were written: text decoded with the
 * wrong encoding ("Dâ€™accord"), or labels in a language align.yml
 * `languages` leaves out. Left unknown, they made "no Likert items" with no
 * word of why: stop naming the labels and the fix. `lenient`: a note instead.
 */
export function refuseMisreadLabels(
  resolved: readonly Resolved[],
  competing: ReadonlySet<number>,
  config: AlignConfig,
  file: string,
  headerLine: number,
  lenient: Note[] | null,
): void {
  const everyLanguage = config.languages ? scalesFor({ ...config, languages: undefined }) : null;
  for (const r of resolved) {
    if (r.role !== 'unknown' || r.override || r.column.known || competing.has(r.column.index)) continue;
    const labels = [...new Set(r.view.cells.map((c) => c.trim()).filter((c) => c !== '' && !isMissingAnswer(c)))];
    if (labels.length < 2 || labels.length > 11 || labels.some((l) => /^[\s\d.,:;/%$€£+\-–()]*$/.test(l))) continue;
    const answers = quotedList(labels, 6);
    let problem: ReturnType<typeof msg> | null = null;
    let fix: ReturnType<typeof msg> | null = null;
    const garbled = labels.find((l) => MOJIBAKE.test(l));
    if (garbled) {
      const sample = MOJIBAKE.exec(garbled)![0];
      problem = msg('reading.misread.garbled', { answers, sample: quotedName(sample) });
      fix = msg('reading.misread.garbledFix');
    } else if (everyLanguage) {
      const fit = bestScale(labels, everyLanguage);
      const keyed = fit && fit.unknown.length === 0 ? fit.scale.languages : undefined;
      if (fit && keyed) {
        const found = new Set<Language>();
        for (const l of labels) for (const language of keyed.get(labelKey(l)) ?? []) found.add(language);
        const missing = [...found].filter((l) => !config.languages!.includes(l));
        if (missing.length > 0) {
          problem = msg('reading.misread.language', {
            answers,
            scale: fit.scale.name,
            languages: languagesOr(missing),
            configured: config.languages!.join(', '),
          });
          fix = msg('reading.misread.languageFix', { language: missing[0]!, list: [...config.languages!, missing[0]!].join(', ') });
        }
      }
    }
    if (problem === null || fix === null) continue;
    if (lenient) {
      lenient.push(ledgerText({ file, line: headerLine }, 'note', msg('reading.misread.note', { problem, fix, column: quotedName(r.column.header) })));
      continue;
    }
    throw new InputError(file, headerLine, r.column.header, inEnglish(problem), inEnglish(fix));
  }
}

/** Languages by name, in the reader's language, from the catalogue (reading.language): 'French or German', 'français ou allemand'. */
function languagesOr(languages: readonly Language[]): Tagged {
  const named = languages.map((code): Tagged => msg('reading.language', { language: code }));
  return named.slice(1).reduce((a, b) => msg('reading.or', { a, b }), named[0]!);
}

/**
 * "Sans opinion" where a question's scale has no other middle answer: its
 * middle, said in a note with how many answers it holds (likert.ts asMiddle).
 */
function readMiddles(labelled: readonly Resolved[], file: string, headerLine: number, notes: Note[]): void {
  const byScale = new Map<Scale, Resolved[]>();
  for (const m of labelled) if (m.likert?.scale) pushTo(byScale, m.likert.scale, m);
  for (const [scale, members] of byScale) {
    const middle = asMiddle(new Set(members.flatMap((m) => m.view.cells)), scale);
    if (!middle) continue;
    const key = labelKey(middle.label);
    const count = members.reduce((n, m) => n + m.view.cells.filter((c) => c.trim() !== '' && labelKey(c) === key).length, 0);
    for (const m of members) m.likert = { scale: middle.scale, numeric: null };
    const value = (scale.points + 1) / 2;
    notes.push(
      ledgerText(
        { file, line: headerLine },
        'note',
        msg('reading.middle', {
          label: quotedName(middle.label),
          n: count,
          count: String(count),
          column: quotedName(members[0]!.column.header),
          more: members.length - 1,
          moreCount: String(members.length - 1),
          scale: scale.name,
          value: String(value),
          points: String(scale.points),
        }),
      ),
    );
  }
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
    pushTo(questions, key, r);
  }
  for (const members of questions.values()) {
    const scale = members[0]!.likert!.scale!;
    // each column's distinct answers once (a column of 100k rows holds a handful)
    const distinct = new Map(members.map((m) => [m, new Set(m.view.cells)]));
    // the first column that mixes languages on its own, else the question's columns together
    let one: Resolved | undefined;
    let mixed: ReturnType<typeof mixedLanguages> = null;
    for (const m of members) {
      mixed = mixedLanguages(distinct.get(m)!, m.likert!.scale!);
      if (mixed) {
        one = m;
        break;
      }
    }
    const where = one ?? members[0]!;
    if (!one && members.length > 1 && members.every((m) => m.likert!.scale === scale)) {
      mixed = mixedLanguages(new Set([...distinct.values()].flatMap((s) => [...s])), scale);
    }
    if (!mixed) continue;
    const found: Param[] = mixed.slice(0, 8).map((m) => msg('reading.mixed.labelIn', { label: quotedName(m.label), languages: languagesOr(m.languages) }));
    if (mixed.length > 8) found.push('…');
    const codes = [...new Set(mixed.flatMap((m) => m.languages))];
    const problemMessage = msg('reading.mixed.problem', { count: String(codes.length), found: joined(found, ', ') });
    const problem = inEnglish(problemMessage);
    if (lenient) {
      for (const m of members) {
        m.role = 'ignore';
        m.reason = `${m.reason}; ${problem}, so left out`;
      }
      lenient.push(
        ledgerText({ file, line: headerLine }, 'note', msg('reading.mixed.note', { problem: problemMessage, column: quotedName(where.column.header) })),
      );
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
  if (cell.length === 1) {
    const code = cell.charCodeAt(0);
    if (code < 128) {
      let byChar = c.readChar;
      if (!byChar) {
        byChar = new Array<number | null | undefined>(128).fill(undefined);
        c.readChar = byChar;
      }
      const known = byChar[code];
      if (known !== undefined) return known;
      const value = readLikertCell(c, cell, file, line);
      byChar[code] = value;
      return value;
    }
  }
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
    const garbled = MOJIBAKE.exec(cell)?.[0];
    throw new InputError(
      file,
      line,
      c.column.header,
      `${quoted(cell.trim())} is not a label of the ${scale.name} scale (labels found in this column: ${found.slice(0, 8).map(quoted).join(', ')}${found.length > 8 ? ', …' : ''})${garbled ? `; it looks like text decoded with the wrong encoding (${quoted(garbled)} is how Windows-1252 shows the bytes of one UTF-8 character)` : ''}`,
      garbled
        ? `pass --encoding with the encoding the file was saved in, export it again as UTF-8, or correct the cell, ${SKIP_INVALID_FIX}`
        : `map it in align.yml under scales, e.g. scales: {${scale.name}: {labels: {${quoted(cell.trim())}: 4}}}, ${SKIP_INVALID_FIX}`,
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
