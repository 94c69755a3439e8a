/**
 * Typeform, Responses → Download → CSV (FORMATS.md section 5).
 *
 * One header row: `#` (the response token), each question's title (older
 * forms may hold HTML such as `<strong>`), hidden fields, then `Response Type`
 * (`completed`/`partial`), `Start Date (UTC)`, `Stage Date (UTC)`, `Submit Date
 * (UTC)`, `Network ID`, `Tags`, `Ending` (older: only start, submit and network).
 * Likert statements are separate opinion-scale questions holding numbers
 * (1 = low assumed; the end labels are not exported). A ranking is one cell
 * listing the choices in order; multiple selection one column per choice.
 * Partial responses are excluded as unfinished.
 */
import { msg } from '../../i18n/index.js';
import type { ColumnRoleName } from '../config-types.js';
import { cleanHeaderText } from '../plan/header.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { parseTimestamp, secondsBetween } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

// Why a row is not a response, each one message (in the catalogue under `audit:<English>`).
const PARTIAL = msg('audit:unfinished response (Typeform Response Type: partial)');
const NOT_SUBMITTED = msg('audit:unfinished response (no Typeform Submit Date)');

const KNOWN: Record<string, { role: ColumnRoleName; reason: string }> = {
  '#': { role: 'id', reason: 'Typeform response token' },
  'response type': { role: 'metadata', reason: 'Typeform response type (partial responses are excluded)' },
  'start date (utc)': { role: 'metadata', reason: 'Typeform start time' },
  'stage date (utc)': { role: 'metadata', reason: 'Typeform stage time' },
  'submit date (utc)': { role: 'submitted', reason: 'Typeform submit time (UTC)' },
  'network id': { role: 'metadata', reason: 'Typeform network id' },
  tags: { role: 'metadata', reason: 'Typeform tags' },
  ending: { role: 'metadata', reason: 'Typeform ending shown' },
};

export function detect(table: Table): Detection {
  const r1 = (table.records[0] ?? []).map((c) => c.trim());
  if (r1[0] !== '#') return { score: 0, reason: 'the first column is not "#"' };
  if (r1.includes('Submit Date (UTC)')) return { score: 0.95, reason: 'Typeform: "#" first and "Submit Date (UTC)"' };
  const tokens = table.records.slice(1, 21).map((r) => (r[0] ?? '').trim());
  if (tokens.length > 0 && tokens.every((t) => /^[a-z0-9]{32}$/.test(t))) {
    return { score: 0.8, reason: 'Typeform: "#" first, holding 32-character response tokens' };
  }
  // "#" is also what people call a row-number column in a hand-made sheet.
  return { score: 0.05, reason: '"#" first, but no "Submit Date (UTC)" and no Typeform response tokens' };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const header = table.records[0]!;
  let submit: number | undefined;
  let type: number | undefined;
  let start: number | undefined;
  const columns: ExportColumn[] = header.map((h, index) => {
    const text = cleanHeaderText(h);
    const lower = text.toLowerCase();
    if (lower === 'submit date (utc)') submit = index;
    if (lower === 'response type') type = index;
    if (lower === 'start date (utc)') start = index;
    const known = Object.hasOwn(KNOWN, lower) ? KNOWN[lower] : undefined;
    return { index, header: text, code: null, question: text, sub: null, ...(known ? { known } : {}) };
  });
  return normaliseExport(table, context, {
    format: 'typeform',
    headerRows: 1,
    newestFirst: false,
    columns,
    ...(submit !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[submit!] ?? '', 'mdy', 'UTC') } : {}),
    ...(start !== undefined && submit !== undefined
      ? { duration: (record: readonly string[]) => secondsBetween(record[start!] ?? '', record[submit!] ?? '', (t) => parseTimestamp(t, 'mdy', 'UTC')) }
      : {}),
    exclude: (record) => {
      if (type !== undefined && (record[type] ?? '').trim().toLowerCase() === 'partial') return PARTIAL;
      if (submit !== undefined && type === undefined && (record[submit] ?? '').trim() === '') return NOT_SUBMITTED;
      return null;
    },
  });
}

export const typeform: FormatModule = { format: 'typeform', detect, normalise };
