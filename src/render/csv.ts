/**
 * `align audit --format csv --table <name>`: one table of the AuditResult as
 * CSV, for a spreadsheet or a script (issue 13). Read (the AuditResult) →
 * assemble (`csvTable`, pure: header and rows) → write (`renderCsv`, csv-stringify).
 *
 * The rules, written down once:
 * - Tables: items and dimensions (one row per item or dimension per group:
 *   overall, then each department, then each level, in the JSON's order),
 *   stack (one row per priority, in Borda order), pairs (one row per pair of
 *   leaders), departments (one row per department). Column names are the
 *   JSON contract's names (ARCHITECTURE.md), so a column maps back to its path.
 * - Numbers are written as numbers, at the precision JSON gives them
 *   (`-0.36`, `0.8095238095238095`), never quoted, never prefixed.
 * - Undefined statistics: the cell is empty (never NaN, null or 0) and the
 *   row's last column, `reasons`, says why in the report's words:
 *   `sd: n/a (only one answer)`; several are joined with `; `.
 * - Suppressed groups (already `{suppressed: true}` in the AuditResult) keep
 *   their row so the table shows they exist: `status` is `hidden`, every
 *   number is empty, and `reasons` reads `hidden (protects groups under 5)`.
 *   Nothing about the group (not even its n) is written.
 * - Booleans are `true` or `false`; a text that is absent (an item with no
 *   dimension) is an empty cell.
 * - Spreadsheet formula injection (OWASP "CSV Injection"): every text cell
 *   (and header) that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return gets a leading single quote (`'=HYPERLINK(…)`), so a spreadsheet
 *   shows it as text instead of running it. Every text cell is quoted, too.
 *   Only the first character matters to a spreadsheet, so nothing else in a
 *   cell is changed: line breaks inside a name stay inside its quoted cell.
 *   Only text is neutralised: a computed number such as -0.36 is a number.
 * - A table the input cannot give (stack, pairs or departments without a
 *   ranking question; items or dimensions without rating questions; pairs a
 *   team too large to list) is a UsageError naming what to use instead; a
 *   table that exists but is empty (no departments) is its header alone.
 *
 * csv-stringify is loaded only when a CSV is written, so `align --help` and
 * the other formats do not pay for it; that is why renderCsv is async.
 */
import type { AuditResult, GroupStats, MaybeSuppressed, StackResult, SurveyResult } from '../audit/types.js';
import { UsageError } from '../errors.js';
import { fmtList, fmtNA, fmtSuppressed } from '../format.js';

export const CSV_TABLES = ['items', 'dimensions', 'stack', 'pairs', 'departments'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** One cell: text, a number (finite), a boolean, or null for an empty cell. */
export type CsvCell = string | number | boolean | null;

export interface CsvSheet {
  header: string[];
  rows: CsvCell[][];
}

/** A text cell a spreadsheet would read as a formula starts with one of these (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe for a spreadsheet: neutraliseFormula('=1+1') -> "'=1+1"; neutraliseFormula('Growth') -> 'Growth'. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A row being built: named cells, and the reasons of those left empty. */
class Row {
  readonly cells: Record<string, CsvCell> = {};
  private readonly reasons: string[] = [];

  text(column: string, value: string | null | undefined): this {
    this.cells[column] = value ?? null;
    return this;
  }

  flag(column: string, value: boolean): this {
    this.cells[column] = value;
    return this;
  }

  /** A statistic: the number, or an empty cell and its reason. */
  stat(column: string, value: number | null | undefined, reason?: string): this {
    if (typeof value === 'number' && Number.isFinite(value)) this.cells[column] = value;
    else {
      this.cells[column] = null;
      this.reasons.push(`${column}: ${fmtNA(reason)}`);
    }
    return this;
  }

  /** A reason for the whole row (a hidden group). */
  because(reason: string): this {
    this.reasons.push(reason);
    return this;
  }

  values(header: readonly string[]): CsvCell[] {
    return header.map((c) => (c === 'reasons' ? (this.reasons.length > 0 ? this.reasons.join('; ') : null) : (this.cells[c] ?? null)));
  }
}

const GROUP_STATS = ['n', 'mean', 'sd', 'favourable', 'favourableCILow', 'favourableCIHigh', 'neutral', 'unfavourable', 'rwg', 'adi'] as const;

function isShown<T extends object>(g: MaybeSuppressed<T> | undefined): g is T {
  return g !== undefined && !('suppressed' in g && g.suppressed === true);
}

/** The groups of an item or a dimension, in the JSON's order: overall, departments, levels. */
function groupsOf(x: {
  overall: MaybeSuppressed<GroupStats>;
  byDepartment: Record<string, MaybeSuppressed<GroupStats>>;
  byLevel: Record<string, MaybeSuppressed<GroupStats>>;
}): Array<{ split: string; group: string; stats: MaybeSuppressed<GroupStats> }> {
  return [
    { split: 'overall', group: 'overall', stats: x.overall },
    ...Object.entries(x.byDepartment).map(([group, stats]) => ({ split: 'department', group, stats })),
    ...Object.entries(x.byLevel).map(([group, stats]) => ({ split: 'level', group, stats })),
  ];
}

/** A group's cells: its figures, or (hidden) none of them. */
function groupCells(row: Row, split: string, group: string, stats: MaybeSuppressed<GroupStats>, minGroup: number): Row {
  row.text('split', split).text('group', group);
  if (!isShown(stats)) return row.text('status', 'hidden').because(fmtSuppressed(minGroup));
  const ci = stats.favourableCI;
  return row
    .text('status', 'shown')
    .stat('n', stats.n)
    .stat('mean', stats.mean, stats.meanReason)
    .stat('sd', stats.sd, stats.sdReason)
    .stat('favourable', stats.favourable, stats.favourableReason)
    .stat('favourableCILow', ci?.[0], stats.favourableCIReason)
    .stat('favourableCIHigh', ci?.[1], stats.favourableCIReason)
    .stat('neutral', stats.neutral, stats.neutralReason)
    .stat('unfavourable', stats.unfavourable, stats.unfavourableReason)
    .stat('rwg', stats.rwg, stats.rwgReason)
    .stat('adi', stats.adi, stats.adiReason);
}

function sheet(header: string[], rows: Row[]): CsvSheet {
  const full = [...header, 'reasons'];
  return { header: full, rows: rows.map((r) => r.values(full)) };
}

/** The survey, or why there is none, naming the tables this input does give. */
function requireSurvey(result: AuditResult, table: CsvTable): SurveyResult {
  if (result.survey !== null) return result.survey;
  const instead = result.stack !== null ? '; use --table stack, pairs or departments' : '';
  throw new UsageError(`this input has no rating questions, so there is no ${table} table${instead}`);
}

function requireStack(result: AuditResult, table: CsvTable): StackResult {
  if (result.stack !== null) return result.stack;
  const why = result.stackReason ? ` (${result.stackReason})` : '';
  const instead = result.survey !== null ? 'use --table items or dimensions, or ' : '';
  throw new UsageError(
    `this input has no priority stacks${why}, so there is no ${table} table; ${instead}name the ranking question with --ranking-question "<header>" (align inspect shows how the columns were read)`,
  );
}

function itemsTable(result: AuditResult): CsvSheet {
  const survey = requireSurvey(result, 'items');
  const rows = survey.items.flatMap((item) =>
    groupsOf(item).map(({ split, group, stats }) =>
      groupCells(new Row().text('id', item.id).text('text', item.text).text('dimension', item.dimension), split, group, stats, survey.minGroup),
    ),
  );
  return sheet(['id', 'text', 'dimension', 'split', 'group', 'status', ...GROUP_STATS], rows);
}

function dimensionsTable(result: AuditResult): CsvSheet {
  const survey = requireSurvey(result, 'dimensions');
  const rows = survey.dimensions.flatMap((d) =>
    groupsOf(d).map(({ split, group, stats }) =>
      groupCells(
        new Row().text('name', d.name).text('level', d.level).stat('items', d.items.length).stat('alpha', d.alpha, d.alphaReason),
        split,
        group,
        stats,
        survey.minGroup,
      ),
    ),
  );
  return sheet(['name', 'level', 'items', 'alpha', 'split', 'group', 'status', ...GROUP_STATS], rows);
}

function stackTable(result: AuditResult): CsvSheet {
  const stack = requireStack(result, 'stack');
  const copeland = new Map(stack.copeland.map((c) => [c.priority, c]));
  const kemeny = stack.kemeny?.order ?? null;
  const rows = stack.consensus.map((c) => {
    const cope = copeland.get(c.priority);
    const k = kemeny === null ? -1 : kemeny.indexOf(c.priority);
    return new Row()
      .text('priority', c.priority)
      .stat('position', c.position)
      .stat('meanRank', c.meanRank)
      .stat('sd', c.sd, c.sdReason)
      .stat('top3Share', c.top3Share)
      .stat('firstPlaces', c.firstPlaces)
      .flag('unanimous', c.unanimous)
      .flag('contested', c.contested)
      .stat('copelandPosition', cope?.position, 'not in the Copeland order')
      .stat('copelandScore', cope?.score, 'not in the Copeland order')
      .stat('kemenyPosition', k >= 0 ? k + 1 : null, stack.kemenyReason ?? 'not in the Kemeny order');
  });
  return sheet(
    ['priority', 'position', 'meanRank', 'sd', 'top3Share', 'firstPlaces', 'unanimous', 'contested', 'copelandPosition', 'copelandScore', 'kemenyPosition'],
    rows,
  );
}

function pairsTable(result: AuditResult): CsvSheet {
  const stack = requireStack(result, 'pairs');
  if (stack.pairsReason) throw new UsageError(`the pairs table is left out: ${stack.pairsReason}; use --table stack for the consensus, or --format json`);
  const rows = stack.pairs.map((p) =>
    new Row()
      .text('a', p.a)
      .text('b', p.b)
      .stat('spearman', p.spearman, p.spearmanReason)
      .stat('kendallTauB', p.kendallTauB, p.kendallTauBReason)
      .stat('rbo', p.rbo, p.rboReason),
  );
  return sheet(['a', 'b', 'spearman', 'kendallTauB', 'rbo'], rows);
}

function departmentsTable(result: AuditResult): CsvSheet {
  const stack = requireStack(result, 'departments');
  const meanRank = (p: string) => `meanRank: ${p}`;
  const rows = stack.departments.map((d) => {
    const row = new Row().text('department', d.department);
    if ('suppressed' in d) return row.text('status', 'hidden').because(fmtSuppressed(stack.minGroup));
    row
      .text('status', 'shown')
      .stat('n', d.n)
      .stat('W', d.W, d.WReason)
      .stat('spearmanToLeadership', d.spearmanToLeadership, d.spearmanToLeadershipReason)
      .text('consensusOrder', d.consensusOrder.join(' > '));
    for (const p of stack.priorities) row.stat(meanRank(p), Object.hasOwn(d.meanRanks, p) ? d.meanRanks[p] : null, 'not ranked in this department');
    return row;
  });
  return sheet(['department', 'status', 'n', 'W', 'spearmanToLeadership', 'consensusOrder', ...stack.priorities.map(meanRank)], rows);
}

const BUILDERS: Record<CsvTable, (result: AuditResult) => CsvSheet> = {
  items: itemsTable,
  dimensions: dimensionsTable,
  stack: stackTable,
  pairs: pairsTable,
  departments: departmentsTable,
};

/** The table's header and rows, before neutralising and quoting (pure). */
export function csvTable(result: AuditResult, table: CsvTable): CsvSheet {
  const build = BUILDERS[table];
  if (build === undefined) throw new UsageError(`--table ${JSON.stringify(table)} is not a table; use one of ${fmtList([...CSV_TABLES], 'or')}`);
  return build(result);
}

/** One table of the AuditResult as CSV text: a header line, then one line per row, each ending in a line feed. */
export async function renderCsv(result: AuditResult, table: CsvTable): Promise<string> {
  const { header, rows } = csvTable(result, table);
  const { stringify } = await import('csv-stringify/sync');
  const safe = (cell: CsvCell): CsvCell => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
  return stringify([header.map(neutraliseFormula), ...rows.map((r) => r.map(safe))], {
    quoted_string: true,
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}
