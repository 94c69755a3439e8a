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

import { InputError, InternalError } from '../../errors.js';
import { inEnglish, ledgerText, msg, quotedList, quoted as quotedName } from '../../i18n/index.js';
import { record as emptyRecord, pushTo } from '../../records.js';
import { AnswerSheet } from '../answers.js';
import { headerInTranslation } from '../columns.js';
import type { ColumnRoleName } from '../config-types.js';
import type { ColumnInfo, NormaliseContext, WholeRanges } from '../formats/types.js';
import { deriveOptions, type Inference, inferAnswer, inferFromHeader, inferLikert, RankRowTally, splitChoices } from '../infer.js';
import { DECIMAL_COMMA, groupRange, isMissingAnswer, scalesFor } from '../likert.js';
import { outlyingOfCounts } from '../outlying.js';
import { aliasKeyOf, EMPTY_ROW, invalidReason, sharedEntries } from '../rankings.js';
import { type BothWays, columnDateOrder, type DateOrderChoice, laterDateOrders, parseTimestamp, readOpenTime } from '../timestamps.js';
import type { Excluded, Item, Note, Table } from '../types.js';
import { multiQuestions, optionsOf } from './answers.js';
import { numericGroups, questionGroups, quoted } from './groups.js';
import { looseKey, splitCode } from './header.js';
import { bookFor, books, decodeCell, dimensionOf, levelOf, namedIn, overrideFor, overrides } from './overrides.js';
import { chooseRanking, prioritiesOf, priorityNameOf, stackOf, unreadRanking } from './ranking.js';
import { likertCell, likertOf, refuseMisreadLabels, resolveScales, unreadableNote } from './scales.js';
import { type ExportColumn, type ExportLayout, PlanContradiction, type Resolved, type SurveyNormalised, type SurveyRow } from './types.js';

/** Reads a tool's export with its layout. */

/**
 * What a submit-time column's header says of its dates' order: headed in one
 * of the translated languages (`Horodateur`, `Zeitstempel`), day first, as
 * every one of them writes dates; an English header says nothing.
 */
export function headerDateOrder(header: string): DateOrderChoice | null {
  return headerInTranslation(header, 'submitted')
    ? { order: 'dmy', how: `the column is headed ${JSON.stringify(header)}, in a language that writes the day first` }
    : null;
}

/** One column of a piece's records (a blank where a record stops short): a loop, as a million rows of fifty columns make it one of a run's larger costs. */
function columnOf(piece: readonly string[][], index: number): string[] {
  const column = new Array<string>(piece.length);
  for (let i = 0; i < piece.length; i++) column[i] = piece[i]![index] ?? '';
  return column;
}

/** A row that answers no Likert item: one frozen empty record shared by all such rows. */
export const NO_ANSWERS = Object.freeze(emptyRecord<number>());

/** A row that ranks nothing (or before its ranks are read): one frozen empty stack shared by all such rows, never added to. */
export const NO_STACK = Object.freeze([]) as unknown as SurveyRow['stack'];

/** The most distinct roles and departments a file's rows share one copy of (a few dozen in a real org chart). */
export const SHARED_VALUES = 10_000;
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
      view: {
        index: column.index,
        header: column.header,
        code: column.code,
        question: column.question,
        sub,
        cells,
        raw,
        ...(column.single ? { single: true } : {}),
      },
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
  const choice = chooseRanking(resolved, context, file, notPriorities);
  const ranking = choice && 'ambiguous' in choice ? null : choice;
  const ambiguous = choice && 'ambiguous' in choice ? choice : null;
  if (!choice && context.rankingQuestion === undefined) {
    // A question asking for a ranking whose cells are no rank align reads: said, not read as "no ranking question".
    const unread = unreadRanking(resolved.filter((r) => (r.role === 'unknown' && r.reason === '') || r.role === 'ranking'));
    if (unread) {
      throw new InputError(
        file,
        lines[unread.row] ?? headerLine,
        unread.column,
        `${quoted(unread.question)} asks for a ranking, but its ${unread.columns} columns hold ${unread.labels.map(quoted).join(', ')}${unread.labels.length >= 6 ? ', …' : ''}, which align does not read as ranks`,
        `write the ranks as numbers 1..${unread.columns} (or 1st, 1er, 2e, 1º, 1ª, 1°, 1e); if this question is no ranking, set its columns to ignore in align.yml under columns`,
      );
    }
  }
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
  // (not the columns of competing ranking questions: they wait for --ranking-question)
  const competing = new Set(ambiguous?.ambiguous.flatMap((c) => c.columns.map((v) => v.index)) ?? []);
  for (const { members, range } of numericGroups(questionGroups(resolved))) {
    if (members.some((m) => competing.has(m.column.index))) continue;
    const id = `g${members[0]!.column.index}`;
    const scaleWords = `${range.points}-point scale, ${range.low} = lowest`;
    // the groups hold copies named by their run; the roles go on the columns themselves
    for (const r of members.map((m) => byIndex.get(m.column.index)!)) {
      r.role = 'likert';
      r.confidence = range.unsure ? 0.6 : 0.75;
      r.reason = range.unsure
        ? `whole numbers within ${range.low}..${range.high}: read as a ${scaleWords}, since no answer is above ${range.high}; if the scale has more points, name it in align.yml`
        : `whole numbers within ${range.low}..${range.high}: read as a ${scaleWords}`;
      r.likert = { scale: null, numeric: { low: range.low, high: range.high, points: range.points } };
      r.group = id;
    }
    if (range.unsure) {
      const headers = members.map((m) => m.column.header);
      notes.push(
        ledgerText(
          { file, line: headerLine },
          'note',
          msg('ledger.note.wholeNumbers', {
            count: String(members.length),
            columns: `${quoted(headers[0]!)}${headers.length > 1 ? ` … ${quoted(headers[headers.length - 1]!)}` : ''}`,
            low: String(range.low),
            high: String(range.high),
            points: String(range.points),
          }),
        ),
      );
    }
  }

  // 4. Everything else, by its cells.
  for (const r of resolved) {
    if (r.role === 'multiselect') r.options = optionsOf(r);
    if (r.role !== 'unknown' || r.override || r.column.known || r.reason !== '') continue;
    const answer: Inference = inferAnswer(r.view, scales);
    r.role = answer.role;
    r.confidence = answer.confidence;
    r.reason = answer.reason;
    if (answer.options) r.options = answer.options;
    if (answer.likert) r.likert = likertOf(answer.likert);
  }

  // (A rating question answered with one number only, every answer "3", is read with its group when it
  // stands beside the others: a number run takes it in. A numeric column elsewhere in the file is not
  // a rating by resemblance: a lone column's range is never guessed.)

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

  // Strategy recall: one question per respondent. align.yml's choice wins; two found and none chosen: none read, and readDataset stops.
  const recallUnresolved = settleRecall(resolved, file, headerLine, notes);

  // 5. Likert scales: a question's columns share one scale; align.yml may name it.
  const lenient = context.likert === 'lenient';
  unknownScales(resolved, competing, file, headerLine, lenient ? notes : null);
  refuseMisreadLabels(resolved, competing, config, file, headerLine, lenient ? notes : null);
  resolveScales(resolved, scales, config, file, headerLine, lenient ? notes : null, notes);

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
      ...levelField(levelOf(config, [id, text, r.column.header, r.column.code])),
      points: r.likert?.scale?.points ?? r.likert?.numeric?.points ?? 5,
      low: r.likert?.scale ? Math.min(...r.likert.scale.labels.values()) : (r.likert?.numeric?.low ?? 1),
      reverse: namedIn(config.reverse, [id, text, r.column.header, r.column.code]),
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
      notes.push(ledgerText({ file, line: headerLine }, 'note', msg('ledger.note.configColumnMissing', { column: quotedName(o.key) })));
    }
  }

  // 8. Rows.
  const byRole = (role: ColumnRoleName) => resolved.filter((r) => r.role === role);
  const ids = byRole('id');
  const names = byRole('name');
  const emails = byRole('email');
  const roles = byRole('role');
  const departments = byRole('department');
  const submittedColumns = byRole('submitted');
  // Two columns read as one attribute (a duplicated question title, a question edited after responses
  // arrived): the first answered one is used in each row; say which, so a wrong pick can be fixed in align.yml.
  for (const [role, cols] of [
    ['name', names],
    ['email', emails],
    ['role', roles],
    ['department', departments],
  ] as const) {
    if (cols.length < 2) continue;
    notes.push(
      ledgerText(
        { file, line: headerLine },
        'note',
        msg('ledger.note.columnsForOne', {
          count: String(cols.length),
          role,
          columns: quotedList(cols.map((c) => c.column.header)),
        }),
      ),
    );
  }
  const likertColumns = resolved.filter((r) => r.role === 'likert');
  // A group of rating questions is read on the range its answers in the first piece show (numericGroups).
  // Its answers are counted as every piece is read, so that a file read in pieces can be shown to give the
  // range the whole file's answers give (wholeRanges below): a first piece can hold more of a rare answer
  // than the file does (200 sixes in its rows: 1% there, 0.2% in all), and a range it widened reads every
  // later answer, so nothing else would say.
  const ranges = new Map<string, { headers: string[]; low: number; high: number; points: number; counts: Float64Array }>();
  // A ranking read by its rows alone (no header asks for one: rowsLookRanked) is judged by that rule over every row read too.
  const rankRows = ranking?.byRowRule && ranking.confidence < 1 ? new RankRowTally(ranking.columns.length) : null;
  const countsOf = likertColumns.map((c) => {
    const numeric = c.likert?.numeric;
    if (!c.group || !numeric || c.override) return null;
    let g = ranges.get(c.group);
    if (!g) {
      g = { headers: [], low: numeric.low, high: numeric.high, points: numeric.points, counts: new Float64Array(numeric.high - numeric.low + 1) };
      ranges.set(c.group, g);
    }
    g.headers.push(c.column.header);
    return g;
  });
  const multiColumns = resolved.filter((r) => r.role === 'multiselect');
  const commentColumns = byRole('comment');
  const ownershipColumns = byRole('ownership');
  const recallColumn = recallUnresolved ? undefined : byRole('recall')[0];
  const decisions = decisionsOf(ownershipColumns);
  const keyOf = aliasKeyOf(config.priorities?.aliases);
  const rankingResolved = ranking ? ranking.columns.map((c) => resolved.find((r) => r.column.index === c.index)!) : [];
  const listOptions = ranking?.encoding === 'list' ? deriveOptions(rankingResolved[0]!.view.cells) : [];
  // The submit-time column the plan found (a tool layout reads its own column itself): its day and
  // month order is settled once, or left open (null): each time is then read both ways, and the
  // duplicates rule asks for align.yml's dateOrder only if the order changes its outcome.
  const dates =
    layout.dates ??
    (!layout.submitted && !layout.readTime && submittedColumns.length > 0
      ? {
          ...columnDateOrder(
            submittedColumns.flatMap((r) => r.view.raw),
            { configured: config.dateOrder, known: headerDateOrder(submittedColumns[0]!.column.header) },
          ),
          column: submittedColumns[0]!.column.header,
        }
      : undefined);
  const dateOrder = dates ? dates.order : 'mdy';
  const decimalComma = likertColumns.filter((c) => c.likert?.numeric && c.view.cells.some((v) => DECIMAL_COMMA.test(v))).map((c) => c.column.header);
  const multiselect = multiQuestions(multiColumns);
  const likertItems = likertColumns.map((c) => c.item!);

  const pick = (cols: readonly Resolved[], at: number): string | null => {
    for (const c of cols) {
      const v = c.view.cells[at]?.trim() ?? '';
      if (v !== '') return v;
    }
    return null;
  };

  // A role or department is one of a few values, written on every row: each row holds the one copy
  // of it, made anew (a parser's cell can be a slice that keeps its whole piece of the file alive:
  // V8 slices strings of 13 characters or more). Ids, names and emails are copied when that long.
  // (A copy through JSON keeps every code unit, a lone surrogate too, where a UTF-8 round trip would not.)
  const copy = (value: string): string => JSON.parse(JSON.stringify(value)) as string;
  const own = (value: string | null): string | null => (value !== null && value.length >= 13 ? copy(value) : value);
  const values = new Map<string, string>();
  const shared = (value: string | null): string | null => {
    if (value === null) return null;
    const known = values.get(value);
    if (known !== undefined) return known;
    if (values.size >= SHARED_VALUES) return value;
    const made = copy(value);
    values.set(made, made);
    return made;
  };

  // a stack's entries as a row keeps them: one object per priority (as written) and rank, shared by every row
  const rankedEntry = sharedEntries();
  const unreadable = new Map<string, { line: number; count: number }>();
  // The rows of one piece of the file: the first piece's (`data`), then each later piece's through
  // readRecords, whose columns are shown to the same reading by giving each its piece's cells.
  let rows: SurveyRow[] = [];
  let excluded: Excluded[] = [];
  const readPiece = (piece: readonly string[][], pieceLines: readonly number[], later: boolean) => {
    // the piece's Likert answers, a byte per item and row (src/ingest/answers.ts)
    const sheet = new AnswerSheet(likertItems, piece.length);
    // one row's answers at a time, column by column (the sheet keeps a copy)
    const answers: Array<number | null> = [];
    piece.forEach((record, at) => {
      const line = pieceLines[at]!;
      if (record.every((c) => c.trim() === '')) {
        excluded.push({ file, line, reason: EMPTY_ROW });
        return;
      }
      if (rankRows) rankRows.add((c) => rankingResolved[c]!.view.raw[at] ?? '');
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
      let bothWays: BothWays | null = null;
      if (submitted === null) {
        for (const c of submittedColumns) {
          if (dateOrder === null && !layout.readTime) {
            ({ time: submitted, bothWays } = readOpenTime(c.view.raw[at] ?? ''));
            const settles = later && bothWays ? laterDateOrders(file, line, c.column.header, bothWays, data.length) : null;
            if (settles) throw new PlanContradiction(settles);
            if (submitted !== null || bothWays !== null) break;
            continue;
          }
          submitted = layout.readTime ? layout.readTime(c.view.raw[at] ?? '') : parseTimestamp(c.view.raw[at] ?? '', dateOrder ?? 'mdy');
          if (submitted !== null) break;
        }
      }
      const row: SurveyRow = {
        file,
        line,
        toolId: own(pick(ids, at)),
        name: own(name),
        email: own(email),
        role: shared(pick(roles, at)),
        department: shared(pick(departments, at)),
        submitted,
        // keyed by item and question texts from the file (src/records.ts): filled once its answers are read
        likert: NO_ANSWERS,
        stack: NO_STACK,
        exclude,
      };
      if (bothWays) row.submittedBothWays = bothWays;
      try {
        answers.length = 0;
        for (let k = 0; k < likertColumns.length; k++) {
          const c = likertColumns[k]!;
          let value: number | null;
          try {
            value = likertCell(c, at, file, line);
          } catch (e) {
            if (later && e instanceof InputError && !lenient && exclude === null) throw new PlanContradiction(e, true);
            if (!(e instanceof InputError) || !lenient || exclude !== null) throw e;
            // One note per column, on its first such row, naming no answer of anyone's: notes reach the
            // workshop view, and a team member's answers are confidential.
            const n = unreadable.get(c.column.header) ?? { line, count: 0 };
            n.count++;
            unreadable.set(c.column.header, n);
            answers.push(null);
            continue;
          }
          answers.push(value);
          const range = countsOf[k];
          if (range && value !== null && value >= range.low && value <= range.high) range.counts[value - range.low]!++;
        }
        row.likert = sheet.add(answers) ?? row.likert;
        if (ranking) row.stack = stackOf(ranking, rankingResolved, at, { file, line, keyOf, listOptions, entry: rankedEntry });
      } catch (e) {
        if (!(e instanceof InputError) || e instanceof PlanContradiction) throw e;
        // a later piece's cell the first piece's plan cannot read: the whole file's plan may read it
        if (later && exclude === null) throw new PlanContradiction(e, true);
        if (exclude !== null) {
          // Not a real response anyway (a preview, an unfinished one): its bad cell does not stop the run.
          row.likert = NO_ANSWERS;
          row.stack = NO_STACK;
        } else if (context.skipInvalid) {
          excluded.push({ file, line, reason: invalidReason(e, line) });
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
        if (chosen.length > 0) keyed(row, 'choices')[q.question] = chosen;
      }
      for (const c of commentColumns) {
        const v = c.view.raw[at]?.trim() ?? '';
        if (v !== '') keyed(row, 'comments')[c.column.header] = v;
      }
      for (const c of ownershipColumns) {
        // kept as written ("Nobody / not sure", "Don't know"): the audit decides what an answer means
        const v = c.view.cells[at]?.trim() ?? '';
        if (v !== '') keyed(row, 'ownership')[decisions.byIndex.get(c.column.index)!] = v;
      }
      if (recallColumn) {
        // the raw cell, line breaks and all: the audit matches it against the official list
        const text = recallColumn.view.raw[at] ?? '';
        if (text.trim() !== '') row.recall = { question: recallColumn.column.header, text };
      }
      const duration = layout.duration ? layout.duration(record) : null;
      if (duration !== null && Number.isFinite(duration) && duration >= 0) row.durationSeconds = duration;
      rows.push(row);
    });
  };
  readPiece(data, lines, false);
  // Columns with no answer at all in the first piece: its plan reads nothing there, so a later answer contradicts it.
  // (a cell that says no answer, "N/A", is no answer: a column of nothing else was read as nothing, QA's food-world-cup case)
  const answeredCell = (c: string) => c.trim() !== '' && !isMissingAnswer(c);
  const emptyFirst = resolved.filter((r) => !r.view.raw.some(answeredCell));
  const firstRows = rows;
  const firstExcluded = excluded;
  const readRecords = (piece: string[][], pieceLines: number[]): { rows: SurveyRow[]; excluded: Excluded[] } => {
    for (const r of resolved) {
      r.view.raw = columnOf(piece, r.column.index);
      // (no code book: the cells are the raw cells, one array for both)
      r.view.cells = r.book ? r.view.raw.map((c) => decodeCell(c, r.book)) : r.view.raw;
    }
    for (const r of emptyFirst) {
      const at = r.view.raw.findIndex(answeredCell);
      if (at < 0) continue;
      throw new PlanContradiction(
        new InputError(
          file,
          pieceLines[at]!,
          r.column.header,
          `the column has no answer in the first ${data.length.toLocaleString('en')} rows, from which align decides what each column holds, but this row answers it`,
          `say what it holds in align.yml under columns (e.g. columns: {${quoted(r.column.header)}: {role: likert, scale: <scale>}}, or ignore), or put rows that answer it first`,
        ),
      );
    }
    rows = [];
    excluded = [];
    readPiece(piece, pieceLines, true);
    // whose row each exclusion is (dataset.ts reads it from the first piece's table; a later piece is not kept)
    const at = new Map(pieceLines.map((l, i) => [l, i]));
    for (const e of excluded) {
      const i = at.get(e.line);
      if (i !== undefined && e.about === undefined) e.about = { role: pick(roles, i), department: pick(departments, i) };
    }
    return { rows, excluded };
  };
  const unreadableNotes = (): Note[] =>
    [...unreadable].map(([header, { line, count }]) =>
      ledgerText(
        { file, line },
        'note',
        unreadableNote(
          header,
          count,
          likertColumns.find((c) => c.column.header === header),
        ),
      ),
    );

  // Nothing to report from this file: say what align looks for.
  if (!ranking && !ambiguous && items.length === 0) {
    notes.push(ledgerText({ file, line: headerLine }, 'note', msg('ledger.note.noRanking', { fix: msg('ledger.fix.nothingRead') })));
  }

  // 9. Codes where labels were expected.
  for (const r of [...roles, ...departments]) {
    const values = [...new Set(r.view.cells.map((c) => c.trim()).filter((c) => c !== ''))];
    if (
      values.length > 0 &&
      values.every((v) => /^[A-Z0-9_]{1,6}$/.test(v) && !/^[A-Z][a-z]/.test(v)) &&
      !r.book &&
      values.some((v) => /\d/.test(v) || v.length <= 4)
    ) {
      notes.push(
        ledgerText(
          { file, line: headerLine },
          'note',
          msg('ledger.note.codes', { column: quotedName(r.column.header), codes: values.slice(0, 6).join(', '), key: r.column.code ?? r.column.header }),
        ),
      );
    }
  }

  return {
    format: layout.format,
    headerRows: layout.headerRows,
    columns,
    items,
    rows: firstRows,
    excluded: firstExcluded,
    notes,
    readRecords,
    lateNotes: unreadableNotes,
    ...(ranges.size > 0 || rankRows
      ? { wholeRanges: wholeRangesOf(ranges, rankRows ? { tally: rankRows, headers: ranking!.columns.map((c) => c.header) } : null, file) }
      : {}),
    hasRoleColumn: roles.length > 0,
    priorities: prioritiesOf(ranking, rankingResolved),
    newestFirst: layout.newestFirst,
    multiselect: multiselect.map((q) => ({ question: q.question, options: q.options })),
    ranking: ranking ? { question: ranking.question, encoding: ranking.encoding, columns: ranking.columns.map((c) => c.index) } : null,
    ...(ambiguous ? { rankingUnresolved: { line: headerLine, problem: ambiguous.problem, fix: ambiguous.fix } } : {}),
    ...(recallUnresolved ? { recallUnresolved } : {}),
    ...(decisions.list.length > 0 ? { decisions: decisions.list } : {}),
    scales: Object.fromEntries(likertColumns.filter((c) => c.likert?.scale).map((c) => [c.column.index, c.likert!.scale!.name])),
    ...(dates ? { dates } : {}),
    ...(decimalComma.length > 0 ? { decimalComma } : {}),
  };
}

/**
 * A grid whose columns share one set of labels that is no scale align knows
 * ("Mostly / Partly / Hardly", "Yes / No / Maybe" under `Question [Row]`)
 * holds a scale align cannot read: stop and name the labels (the README's
 * promise), rather than leave the columns unknown in silence. Only a grid
 * says so: two or more columns of one question, all unread, answered with
 * 2 to 11 labels in all (not numbers), two of them used in more than one
 * column, and not one item per cell in each row (a ranking by position).
 * `lenient` (align stack, which reads no Likert answers): a note instead.
 */
function unknownScales(resolved: readonly Resolved[], competing: ReadonlySet<number>, file: string, headerLine: number, lenient: Note[] | null): void {
  const questions = new Map<string, Resolved[]>();
  for (const r of resolved) {
    if (r.column.sub === null) continue;
    pushTo(questions, r.column.question, r);
  }
  for (const [question, members] of questions) {
    if (members.length < 2) continue;
    if (members.some((m) => m.role !== 'unknown' || m.override || m.column.known || competing.has(m.column.index))) continue;
    const answers = members.map((m) => m.view.cells.map((c) => c.trim()).filter((c) => c !== '' && !isMissingAnswer(c)));
    if (answers.some((a) => a.length === 0)) continue;
    if (answers.flat().some((a) => /^[\s\d.,:;/%$€£+\-–()]*$/.test(a))) continue;
    const shown = new Map<string, string>();
    const usedBy = new Map<string, number>();
    for (const a of answers) {
      const keys = new Set(a.map((v) => looseKey(v)));
      for (const v of a) if (!shown.has(looseKey(v))) shown.set(looseKey(v), v);
      for (const k of keys) usedBy.set(k, (usedBy.get(k) ?? 0) + 1);
    }
    if (shown.size < 2 || shown.size > 11) continue;
    if ([...usedBy.values()].filter((n) => n >= 2).length < 2) continue;
    // one different item in each cell of a row, as many items as columns or more: a ranking by position
    let rows = 0;
    let distinct = 0;
    const n = members[0]!.view.cells.length;
    for (let at = 0; at < n; at++) {
      const row = members.map((m) => m.view.cells[at]?.trim() ?? '').filter((c) => c !== '' && !isMissingAnswer(c));
      if (row.length < 2) continue;
      rows++;
      if (new Set(row.map(looseKey)).size === row.length) distinct++;
    }
    if (rows > 0 && distinct / rows >= 0.9 && shown.size >= members.length) continue;
    const labels = [...shown.values()];
    const problemMessage = msg('reading.unknownScale.problem', {
      count: String(members.length),
      question: quotedName(question),
      answers: quotedList(labels, 8),
    });
    const fixMessage = msg('reading.unknownScale.fix', { label: quoted(labels[0]!) });
    const problem = inEnglish(problemMessage);
    const fix = inEnglish(fixMessage);
    if (!lenient) throw new InputError(file, headerLine, members[0]!.column.header, problem, fix);
    lenient.push(ledgerText({ file, line: headerLine }, 'note', msg('reading.unknownScale.note', { problem: problemMessage, fix: fixMessage })));
    for (const m of members) m.reason = `${problem}; ${fix}`;
  }
}

/**
 * Ownership decisions, each once, in column order: a one-column question
 * ("Who owns pricing?") is its own decision, named by its header; a grid's
 * row ("Who makes the final call on each decision? [Pricing]") is one, named
 * by the row. A name used twice (the same row in two grids) gets " (2)".
 */
function decisionsOf(columns: readonly Resolved[]): {
  list: Array<{ decision: string; question: string }>;
  byIndex: Map<number, string>;
} {
  const list: Array<{ decision: string; question: string }> = [];
  const byIndex = new Map<number, string>();
  const used = new Set<string>();
  for (const c of columns) {
    const base = (c.column.sub ?? c.column.header).trim();
    let decision = base;
    for (let k = 2; used.has(decision); k++) decision = `${base} (${k})`;
    used.add(decision);
    byIndex.set(c.column.index, decision);
    list.push({ decision, question: c.column.sub === null ? c.column.header : c.column.question });
  }
  return { list, byIndex };
}

/**
 * One strategy-recall question per respondent. When align.yml names one, any
 * other column that asks for the priorities is read as a comment. When it
 * names several, or names none while two or more columns ask, no recall is
 * read: the columns are read as comments, a note says so (align inspect), and
 * the returned problem stops readDataset, with the align.yml line that settles it.
 */
function settleRecall(
  resolved: readonly Resolved[],
  file: string,
  headerLine: number,
  notes: Note[],
): { line: number; column: string; problem: string; fix: string } | undefined {
  const recall = resolved.filter((r) => r.role === 'recall');
  if (recall.length < 2) return undefined;
  const told = recall.filter((r) => r.override);
  const asComment = (r: Resolved, why: string) => {
    r.role = 'comment';
    r.confidence = 0.5;
    r.reason = why;
  };
  if (told.length === 1) {
    for (const r of recall) {
      if (r === told[0]) continue;
      asComment(r, `asks for the priorities too, but align.yml names ${quoted(told[0]!.column.header)} as the recall question: read as a comment`);
    }
    return undefined;
  }
  const headers = recall.map((r) => r.column.header);
  const listed = headers.map(quoted).join(', ');
  const problem =
    told.length > 1
      ? `align.yml names ${told.length} columns as recall (${listed}); a respondent has one strategy-recall answer`
      : `${recall.length} columns ask the respondent to name the priorities (${listed}); align reads one as strategy recall`;
  const fix = `say which in align.yml: columns: {${quoted(headers[0]!)}: recall, ${headers
    .slice(1)
    .map((h) => `${quoted(h)}: comment`)
    .join(', ')}}`;
  for (const r of recall) {
    if (!r.override) asComment(r, `one of ${recall.length} columns that ask for the priorities; ${fix}`);
  }
  notes.push({ file, line: headerLine, note: `${problem}; ${fix}` });
  return { line: headerLine, column: headers[1]!, problem, fix };
}

/** A row's answers of one kind, keyed by texts from the file (no prototype: `__proto__` is a key like any other), made on first use. */
function keyed<K extends 'choices' | 'comments' | 'ownership'>(row: SurveyRow, kind: K): NonNullable<SurveyRow[K]> {
  let out = row[kind];
  if (!out) {
    out = Object.create(null) as NonNullable<SurveyRow[K]>;
    row[kind] = out;
  }
  return out as NonNullable<SurveyRow[K]>;
}

/** An item's `level` field: present only when align.yml gives one (the question bank decides otherwise). */
function levelField(level: ReturnType<typeof levelOf>): { level?: NonNullable<ReturnType<typeof levelOf>> } {
  return level === null ? {} : { level };
}

/**
 * The whole-file check of the rating groups' ranges (Normalised.wholeRanges): the counts of each
 * group's answers (those of the pieces read here, and those a helper thread counted), and the check
 * that the rule numericGroups read the first piece by gives the same range over them all.
 */
function wholeRangesOf(
  ranges: ReadonlyMap<string, { headers: string[]; low: number; high: number; points: number; counts: Float64Array }>,
  ranking: { tally: RankRowTally; headers: string[] } | null,
  file: string,
): WholeRanges {
  return {
    counts: () => ({
      ...Object.fromEntries([...ranges].map(([group, g]) => [group, [...g.counts]])),
      ...(ranking ? { [RANKING_ROWS]: [ranking.tally.considered, ranking.tally.fit] } : {}),
    }),
    add: (more) => {
      for (const [group, counts] of Object.entries(more)) {
        if (group === RANKING_ROWS && ranking) {
          ranking.tally.considered += counts[0] ?? 0;
          ranking.tally.fit += counts[1] ?? 0;
          continue;
        }
        const g = ranges.get(group);
        if (!g || counts.length !== g.counts.length) throw new InternalError(`counts for ${group} do not fit its range`);
        counts.forEach((n, i) => {
          g.counts[i]! += n;
        });
      }
    },
    check: (firstBytes) => {
      for (const g of ranges.values()) {
        const counts = new Map<number, number>();
        g.counts.forEach((n, i) => {
          if (n > 0) counts.set(g.low + i, n);
        });
        const outlying = outlyingOfCounts(counts);
        const whole = groupRange([...counts.keys()].filter((v) => !outlying.has(v)));
        if (whole && whole.low === g.low && whole.high === g.high && whole.points === g.points) continue;
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const rare = [...outlying].sort((a, b) => a - b);
        const columns =
          g.headers.length > 1 ? `${quoted(g.headers[0]!)} … ${quoted(g.headers[g.headers.length - 1]!)} (${g.headers.length} columns)` : quoted(g.headers[0]!);
        const share = (v: number) => `${((100 * (counts.get(v) ?? 0)) / total).toFixed(2)}%`;
        throw new PlanContradiction(
          new InputError(
            file,
            null,
            g.headers[0]!,
            `${columns} read as ${g.low}..${g.high} from the first ${firstBytes} of the file, but over the whole file ${
              rare.length > 0
                ? `${rare.map((v) => `${v} (${share(v)} of the answers)`).join(', ')} ${rare.length > 1 ? 'are' : 'is'} too rare to be a point of the scale`
                : 'the answers read another range'
            }${whole ? `: the file reads ${whole.low}..${whole.high}` : ''}`,
            `settle the scale in align.yml: scales: {rating: {labels: {"${g.low}": ${g.low}, …, "${g.high}": ${g.high}}}} with columns: {${quoted(g.headers[0]!)}: {role: likert, scale: rating}, …} for each column of the group${
              whole
                ? `, or with labels ${whole.low}..${whole.high} if ${rare.length > 0 ? `the ${rare.join(', ')} answers are mistakes (then --skip-invalid leaves them out)` : 'that is the scale'}`
                : ''
            }; or split the file into parts of at most ${firstBytes}, which align reads as one audit`,
          ),
        );
      }
      if (ranking && !ranking.tally.holds()) {
        const { headers, tally } = ranking;
        const columns = `${quoted(headers[0]!)} … ${quoted(headers[headers.length - 1]!)} (${headers.length} columns)`;
        throw new PlanContradiction(
          new InputError(
            file,
            null,
            headers[0]!,
            `${columns} read as one ranking from the first ${firstBytes} of the file, whose rows hold ranks 1..${headers.length} with few ties, but over the whole file ${(tally.considered - tally.fit).toLocaleString('en')} of ${tally.considered.toLocaleString('en')} rows do not`,
            `say what they are in align.yml: rankingQuestion: ${JSON.stringify(headers[0]!)} if they are a ranking, or columns: {${quoted(headers[0]!)}: {role: likert}, …} for each if they are ratings; or split the file into parts of at most ${firstBytes}, which align reads as one audit`,
          ),
        );
      }
    },
  };
}

/** The key under which WholeRanges.counts hands over a ranking's rows judged and fitting. */
const RANKING_ROWS = '#ranking-rows';
