/**
 * Google Forms, as the responses sheet downloads to CSV (FORMATS.md section 1).
 *
 * One header row: `Timestamp`, then `Email Address` when collected (and
 * `Score` for quizzes), then each question's title verbatim. A grid question
 * has one column per row, `Question [Row]` (split at the last ` [`). The
 * ranking workaround is a grid with ranks as columns (`Rank… [Item]` = `1st`)
 * or one question per position. Checkboxes join the choices with `, ` in one
 * cell. The timestamp follows the sheet's locale: `3/3/2025 9:30:57` (US),
 * `03.03.2025 09:30:57` after a German Excel re-save.
 */

import { splitBracketHeader } from '../plan/header.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { columnDateOrder, parseTimestamp } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

/** "Timestamp" as Sheets writes it in a few UI languages. */
const TIMESTAMP = /^(timestamp|horodateur|marca temporal|zeitstempel|informazioni cronologiche|carimbo de data\/hora|tijdstempel)$/i;

/** "Email Address" as Forms writes it in the same languages. */
const EMAIL = /^(email address|adresse e-mail|e-mail-adresse|dirección de correo electrónico|endereço de e-mail|indirizzo email|e-mailadres)$/i;

/** Timestamps as Sheets writes them in its locales: always with seconds. */
const SHEETS_TIME = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}) \d{1,2}:\d{2}:\d{2}( ?[AP]M)?( GMT[+-]\d{1,2}(:\d{2})?)?$/i;

export function detect(table: Table): Detection {
  const header = table.records[0] ?? [];
  const first = (header[0] ?? '').trim();
  if (!TIMESTAMP.test(first)) return { score: 0, reason: 'the first column is not "Timestamp"' };
  const times = table.records
    .slice(1, 21)
    .map((r) => (r[0] ?? '').trim())
    .filter((t) => t !== '');
  const sheetsTimes = times.length > 0 && times.every((t) => SHEETS_TIME.test(t));
  const grid = header.some((h) => splitBracketHeader(h) !== null);
  const email = EMAIL.test((header[1] ?? '').trim());
  if (!sheetsTimes && !grid && !email) {
    // A hand-made sheet may well start with "Timestamp": leave it to the generic reader.
    return { score: 0.05, reason: `the first column is ${JSON.stringify(first)}, but its times are not as Google Sheets writes them (with seconds)` };
  }
  const score = Math.min(0.97, 0.75 + (sheetsTimes ? 0.1 : 0) + (grid ? 0.1 : 0) + (email ? 0.05 : 0));
  const why = [`the first column is ${JSON.stringify(first)}${sheetsTimes ? ' with times as Sheets writes them' : ''}`];
  if (email) why.push(`the second ${JSON.stringify((header[1] ?? '').trim())}`);
  if (grid) why.push('grid questions are headed "Question [Row]"');
  return { score, reason: `Google Forms: ${why.join(', ')}` };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const header = table.records[0]!;
  const columns: ExportColumn[] = header.map((h, index) => {
    const text = h.trim();
    const split = splitBracketHeader(text);
    const column: ExportColumn = { index, header: text, code: null, question: split?.question ?? text, sub: split?.sub ?? null };
    if (index === 0 && TIMESTAMP.test(text)) column.known = { role: 'submitted', reason: 'Google Forms writes the submit time in its first column' };
    else if (EMAIL.test(text)) column.known = { role: 'email', reason: 'Google Forms "Email Address": the address the form collected' };
    else if (/^score$/i.test(text) && index <= 2) column.known = { role: 'metadata', reason: 'Google Forms quiz score' };
    return column;
  });
  const first = (header[0] ?? '').trim();
  const values = table.records.slice(1).map((r) => r[0] ?? '');
  // Sheets writes the timestamp in its locale's format, and names the column in its language: every
  // language but English that TIMESTAMP knows writes the day first.
  const known =
    TIMESTAMP.test(first) && !/^timestamp$/i.test(first)
      ? { order: 'dmy' as const, how: `the first column is headed ${JSON.stringify(first)}: Google Sheets in a day-first language` }
      : null;
  // Left open (nothing orders it): the plan reads the column both ways, as a plain table's.
  const dates = columnDateOrder(values, { configured: context.config.dateOrder, known, spelling: true });
  const order = dates.order;
  return normaliseExport(table, context, {
    format: 'google-forms',
    headerRows: 1,
    newestFirst: false,
    columns,
    ...(order !== null ? { submitted: (record: readonly string[]) => parseTimestamp(record[0] ?? '', order) } : {}),
    dates: { ...dates, column: first },
  });
}

export const googleForms: FormatModule = { format: 'google-forms', detect, normalise };
