/**
 * A plain table: a stacks file someone made by hand or with `align collect`,
 * a people-analytics team's wide export (`respondent_id, name, role,
 * department, Q1…Q40, Rank: <priority>…`), any CSV no survey tool claims
 * (its detection score is low so that every tool module wins over it).
 *
 * A plain table is one more layout of the column plan (src/ingest/plan/): one
 * header row, no tool metadata, the header split into question and statement
 * where two or more columns share a stem (plainTableColumns). The plan decides
 * every column's role, as it does for the tools' exports: respondent details,
 * the ranking question (one column per priority, per position, or one list
 * cell), Likert items, comments.
 *
 * What only a plain table does stays here: the long format, one row per
 * respondent and priority (`respondent, name, priority, rank`), whose rows
 * are grouped into respondents by id, else email, else name, in any order;
 * the respondent's line is their first row.
 */
import { InputError } from '../../errors.js';
import { ledgerText, msg, quoted } from '../../i18n/index.js';
import { normaliseHeader, personKey, recogniseColumn } from '../columns.js';
import type { ColumnRoleName } from '../config-types.js';
import { type ColumnView, inferFromHeader } from '../infer.js';
import { looseKey, plainTableColumns } from '../plan/header.js';
import { overrideFor, overrides } from '../plan/overrides.js';
import { headerDateOrder, normaliseExport } from '../plan/plan.js';
import type { ExportColumn, ExportLayout } from '../plan/types.js';
import { aliasKeyOf, EMPTY_ROW, invalidReason, latestSubmission, type RankedName, stackFromLongRows, supersededReason } from '../rankings.js';
import { columnDateOrder, type DateOrder, DateOrderUnsettled, durationCell, eitherDateOrder, parseTimestamp, readOpenTime } from '../timestamps.js';
import type { Excluded, Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext, Normalised, RawRow } from './types.js';

type Attribute = 'id' | 'name' | 'email' | 'role' | 'department' | 'submitted';
const ATTRIBUTES: readonly Attribute[] = ['id', 'name', 'email', 'role', 'department', 'submitted'];

/** Headers worth asking columns.ts whether they are half of a long format (a cheap filter before counting cells). */
const LONG_HEADER = /\b(priority|item|initiative|objective|goal|option|choice|rank|ranking|position|place|order|stack|priorities|rankings)\b/i;

/** Headers of a plain table's column of seconds taken, normalised (normaliseHeader). */
const DURATION =
  /^(duration|duration s|duration secs?|duration seconds|duration in seconds|time taken s|time taken secs?|time taken seconds|time taken in seconds|seconds taken)$/;

/** generic's detection score, whatever the file: low, so that every tool module that recognises the file wins. */
export const GENERIC_SCORE = 0.1;

/** The plain table's columns as the plan reads them. */
export function plainLayout(table: Table): ExportLayout {
  const header = table.records[0]!;
  const split = plainTableColumns(header);
  const columns: ExportColumn[] = header.map((h, index) => ({
    index,
    header: h.trim(),
    code: null,
    question: split[index]!.question,
    sub: split[index]!.sub,
    ...(h.trim() === '' && table.records.every((r) => (r[index] ?? '').trim() === '')
      ? { known: { role: 'ignore' as const, reason: 'an empty column with no header' } }
      : {}),
  }));
  const duration = header.findIndex((h) => DURATION.test(normaliseHeader(h)));
  return {
    format: 'generic',
    headerRows: 1,
    newestFirst: false,
    columns,
    // a column of seconds (`duration`, `duration_seconds`, `time taken (seconds)`); read as metadata by its header (measureHeader)
    ...(duration >= 0 ? { duration: (record: readonly string[]) => durationCell(record[duration] ?? '') } : {}),
    // no readTime: the plan settles the submit times' day and month order (timestamps.ts decideDateOrder)
  };
}

// ---------------------------------------------------------------------------
// The long format

interface LongLayout {
  priority: number;
  rank: number;
  attributes: Partial<Record<Attribute, number>>;
  /** Every column's role, for align inspect. */
  columns: Normalised['columns'];
}

function cellsOf(table: Table, index: number): string[] {
  const out: string[] = [];
  for (let r = 1; r < table.records.length; r++) out.push(table.records[r]![index] ?? '');
  return out;
}

/**
 * The long format's columns, when the header has them: one column naming the
 * priority (`priority`, `item`) and one its rank (`rank`, `position`), by the
 * header (columns.ts) and align.yml. The respondent details are read by the
 * plan's header rule (inferFromHeader) and align.yml, as in every format.
 * --ranking-question naming another column means the long reading is not
 * the one asked for.
 */
function longLayout(table: Table, context: NormaliseContext): LongLayout | null {
  const header = table.records[0]!;
  const all = overrides(context.config);
  const told = header.map((h, index) => overrideFor({ index, header: h.trim(), code: null, question: h.trim(), sub: null }, all));
  const roleOf = (index: number) => told[index]?.spec.role;
  let priority: number | null = null;
  let rank: number | null = null;
  header.forEach((h, index) => {
    const role = roleOf(index);
    if (role !== undefined && role !== 'ranking') return;
    if (!LONG_HEADER.test(h)) return;
    const seen = recogniseColumn(index, h, cellsOf(table, index));
    if (seen.ranking === 'long-priority' && priority === null) priority = index;
    else if (seen.ranking === 'long-rank' && rank === null) rank = index;
  });
  if (priority === null || rank === null) return null;
  const wanted = context.rankingQuestion;
  if (wanted !== undefined && ![header[priority]!, header[rank]!].some((h) => looseKey(h) === looseKey(wanted))) return null;

  const columns: Normalised['columns'] = [];
  const attributes: Partial<Record<Attribute, number>> = {};
  const confidence: Partial<Record<Attribute, number>> = {};
  header.forEach((h, index) => {
    const o = told[index];
    if (index === priority || index === rank) {
      columns.push({
        index,
        header: h,
        role: 'ranking',
        confidence: o ? 1 : 0.85,
        reason:
          index === priority
            ? `header ${JSON.stringify(h.trim())} reads as the priority column of a long-format file`
            : `header ${JSON.stringify(h.trim())} reads as the rank column of a long-format file (one row per respondent and priority)`,
        ranking: index === priority ? 'long-priority' : 'long-rank',
      });
      return;
    }
    let role: ColumnRoleName | 'unknown' = 'unknown';
    let sure = 0;
    let reason = 'not part of the long format read (respondent details, priority, rank), so ignored';
    if (o) {
      role = o.spec.role;
      sure = 1;
      reason = `align.yml columns.${o.key}: ${o.spec.role}`;
    } else {
      const view: ColumnView = { index, header: h.trim(), code: null, question: h.trim(), sub: null, cells: cellsOf(table, index), raw: [] };
      const found = inferFromHeader(view);
      if (found) {
        role = found.role;
        sure = found.confidence;
        reason = found.reason;
      }
    }
    if ((ATTRIBUTES as readonly string[]).includes(role)) {
      const a = role as Attribute;
      if (attributes[a] === undefined || sure > (confidence[a] ?? 0)) {
        attributes[a] = index;
        confidence[a] = sure;
      }
    }
    columns.push({ index, header: h, role: role === 'unknown' ? 'ignore' : role, confidence: sure, reason });
  });
  return { priority, rank, attributes, columns };
}

function cell(table: Table, r: number, index: number | undefined): string | null {
  if (index === undefined) return null;
  const v = (table.records[r]![index] ?? '').trim();
  return v === '' ? null : v;
}

function isEmptyRecord(record: readonly string[]): boolean {
  return record.every((c) => c.trim() === '');
}

/** Runs `build` for one respondent; with --skip-invalid an InputError becomes ledger entries for all their lines. */
function guarded<T = RankedName[]>(context: NormaliseContext, excluded: Excluded[], file: string, lines: number[], build: () => T): T | null {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof InputError) || e instanceof DateOrderUnsettled || !context.skipInvalid) throw e;
    for (const line of lines) excluded.push({ file, line, reason: invalidReason(e, line) });
    return null;
  }
}

function readLong(table: Table, layout: LongLayout, context: NormaliseContext): Normalised {
  const out: Normalised = {
    format: 'generic',
    headerRows: 1,
    columns: layout.columns,
    items: [],
    rows: [],
    excluded: [],
    notes: [],
    hasRoleColumn: layout.attributes.role !== undefined,
    priorities: [],
    newestFirst: false,
  };
  const keyOf = aliasKeyOf(context.config.priorities?.aliases);
  const { attributes, priority, rank } = layout;
  const header = table.records[0]!;
  for (const key of unmatchedColumns(header, context)) {
    out.notes.push(ledgerText({ file: table.path, line: table.lines[0]! }, 'note', msg('ledger.note.configColumnMissing', { column: quoted(key) })));
  }
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
  // the submit times' day and month order, by the rule every format uses (a day above 12, dotted dates,
  // the header's language, align.yml dateOrder), or left open (null): then each respondent's latest
  // submission, and the times the respondents carry on, are read both ways (timestamps.ts eitherDateOrder)
  const submittedHeader = attributes.submitted !== undefined ? header[attributes.submitted]!.trim() : null;
  if (submittedHeader !== null) {
    const choice = columnDateOrder(cellsOf(table, attributes.submitted!), {
      configured: context.config.dateOrder,
      known: headerDateOrder(submittedHeader),
    });
    out.dates = { ...choice, column: submittedHeader };
  }
  const open = out.dates?.order === null;
  const readTime = (text: string | null, order: DateOrder = out.dates?.order ?? 'mdy') => (text === null ? null : parseTimestamp(text, order));
  // group rows by respondent: id, else email, else name
  const groups = new Map<string, number[]>();
  const listed = new Map<string, string>();
  for (let r = 1; r < table.records.length; r++) {
    if (isEmptyRecord(table.records[r]!)) {
      out.excluded.push({ file: table.path, line: table.lines[r]!, reason: EMPTY_ROW });
      continue;
    }
    const name = (table.records[r]![priority] ?? '').trim();
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
  for (const [group, all] of groups) {
    // a respondent who submitted again (align collect): the latest submission is the stack, the earlier ones go to the ledger
    const submitted = attributes.submitted;
    const latest =
      submitted === undefined || group.startsWith('row:')
        ? all
        : guarded(
            context,
            out.excluded,
            table.path,
            all.map((r) => table.lines[r]!),
            () => {
              const rows = all.map((r) => ({ r, line: table.lines[r]!, submitted: table.records[r]![submitted] ?? '' }));
              const latestBy = (order?: DateOrder) => latestSubmission(rows, { file: table.path, column: header[submitted]!, read: (t) => readTime(t, order) });
              const pick = open
                ? eitherDateOrder((order) => {
                    const result = latestBy(order);
                    const superseded = new Map(result.superseded.flatMap((s) => s.rows.map((row) => [row.r, supersededReason(s.byLine)] as const)));
                    const fates = rows.map((row) => ({
                      file: table.path,
                      line: row.line,
                      column: submittedHeader,
                      open: readOpenTime(row.submitted).bothWays,
                      fate: superseded.get(row.r) ?? '',
                    }));
                    return { result, fates };
                  })
                : latestBy();
              for (const s of pick.superseded)
                for (const row of s.rows) out.excluded.push({ file: table.path, line: row.line, reason: supersededReason(s.byLine), kind: 'duplicate' });
              return pick.kept.map((k) => k.r);
            },
          );
    if (!latest) continue;
    const members = latest;
    const lines = members.map((r) => table.lines[r]!);
    const first = members[0]!;
    const stack = guarded(context, out.excluded, table.path, lines, () => {
      if (group.startsWith('row:')) {
        throw new InputError(
          table.path,
          lines[0]!,
          idColumn,
          'this row does not say whose it is: the respondent cells are empty',
          'fill in the respondent, or delete the row',
        );
      }
      return stackFromLongRows(
        members.map((r) => ({ line: table.lines[r]!, priority: table.records[r]![priority] ?? '', rank: table.records[r]![rank] ?? '' })),
        { file: table.path, n, priorityColumn: header[priority]!, rankColumn: header[rank]!, keyOf },
      );
    });
    if (!stack) continue;
    // A row that lists a priority and leaves its rank blank: unranked, as a wide file's blank cell, but said out loud.
    const unranked: string[] = [];
    for (const r of members) {
      const name = (table.records[r]![priority] ?? '').trim();
      if ((table.records[r]![rank] ?? '').trim() === '' && keyOf(name) !== '') {
        out.notes.push(ledgerText({ file: table.path, line: table.lines[r]! }, 'note', msg('ledger.note.blankRank', { name: quoted(name) })));
        unranked.push(name);
      }
    }
    const row: RawRow = {
      file: table.path,
      line: table.lines[first]!,
      toolId: null,
      name: null,
      email: null,
      role: null,
      department: null,
      submitted: readTime(cell(table, first, attributes.submitted)),
      likert: Object.create(null) as Record<string, number>,
      stack,
      ...(unranked.length > 0 ? { unranked } : {}),
      exclude: null,
    };
    // attributes: the first non-blank value among the respondent's rows
    for (const [field, attr] of [
      ['toolId', 'id'],
      ['name', 'name'],
      ['email', 'email'],
      ['role', 'role'],
      ['department', 'department'],
    ] as const) {
      for (const r of members) {
        const v = cell(table, r, attributes[attr]);
        if (v !== null) {
          row[field] = v;
          break;
        }
      }
    }
    if (row.email !== null && !row.email.includes('@')) row.email = null;
    if (lines.length > 1) row.lines = lines;
    const time = open ? readOpenTime(cell(table, first, attributes.submitted) ?? '') : null;
    if (time) {
      // the order left open: a time that depends on it goes on read both ways, for the duplicates rule
      row.submitted = time.time;
      if (time.bothWays) row.submittedBothWays = time.bothWays;
    }
    out.rows.push(row);
  }
  return out;
}

/** align.yml `columns` keys that name no header of the file, by the plan's one lookup. */
function unmatchedColumns(header: readonly string[], context: NormaliseContext): string[] {
  const all = overrides(context.config);
  const used = new Set<string>();
  header.forEach((h, index) => {
    const o = overrideFor({ index, header: h.trim(), code: null, question: h.trim(), sub: null }, all);
    if (o) used.add(o.key);
  });
  return Object.keys(context.config.columns ?? {}).filter((k) => !used.has(k));
}

export const generic: FormatModule = {
  format: 'generic',

  detect(table: Table): Detection {
    const long = longLayout(table, { config: {}, skipInvalid: true });
    const header = table.records[0]!;
    return {
      score: GENERIC_SCORE,
      reason: long
        ? `no survey tool's fingerprint; read as a plain table: long format (priority in ${JSON.stringify(header[long.priority]!.trim())}, rank in ${JSON.stringify(header[long.rank]!.trim())})`
        : "no survey tool's fingerprint; read as a plain table",
    };
  },

  normalise(table: Table, context: NormaliseContext): Normalised {
    const long = longLayout(table, context);
    if (long) return readLong(table, long, context);
    const read = normaliseExport(table, context, plainLayout(table));
    // Half a long format (a priority column, no rank column): say what the header looked like.
    for (const c of read.columns) {
      if (c.role !== 'unknown' || !LONG_HEADER.test(c.header)) continue;
      const seen = recogniseColumn(c.index, c.header, cellsOf(table, c.index));
      if (seen.ranking === 'long-priority' || seen.ranking === 'long-rank') {
        c.reason = `header ${JSON.stringify(c.header.trim())} reads as the ${seen.ranking === 'long-priority' ? 'priority' : 'rank'} column of a long-format file; but no ranking goes with it, so not read`;
      }
    }
    return read;
  },
};
