/**
 * Microsoft Forms, "Open results in Excel" then saved as CSV or Unicode text
 * (FORMATS.md section 4). Whatever Excel wrote: UTF-8 with BOM, Windows-1252,
 * UTF-16LE tab-separated, `;` in European locales (table.ts decodes all).
 *
 * One header row: `ID,Start time,Completion time,Email,Name` (+ `Last modified
 * time`), then one column per question; a Likert question has one column per
 * statement headed by the statement. A ranking answer is ONE cell listing the
 * options in order, `;`-separated with a trailing `;`; multiple-answer choice
 * the same. `Name` is the respondent's display name; `Email` may be
 * `anonymous`. Times as Excel shows them: `3/3/25 9:27:10`.
 */
import type { ColumnRoleName } from '../config-types.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { guessDateOrder, parseTimestamp, secondsBetween } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

const FIXED = ['id', 'start time', 'completion time', 'email', 'name'];

const KNOWN: Record<string, { role: ColumnRoleName; reason: string }> = {
  id: { role: 'id', reason: 'Microsoft Forms response number' },
  'start time': { role: 'metadata', reason: 'Microsoft Forms start time' },
  'completion time': { role: 'submitted', reason: 'Microsoft Forms completion time: when the response was submitted' },
  email: { role: 'email', reason: 'Microsoft Forms sign-in email ("anonymous" for anonymous forms)' },
  name: { role: 'name', reason: "Microsoft Forms sign-in display name: the respondent's name" },
  'last modified time': { role: 'metadata', reason: 'Microsoft Forms last modified time' },
  'total points': { role: 'metadata', reason: 'Microsoft Forms quiz score' },
  'quiz feedback': { role: 'metadata', reason: 'Microsoft Forms quiz feedback' },
};

export function detect(table: Table): Detection {
  const r1 = (table.records[0] ?? []).map((c) => c.trim().toLowerCase());
  if (FIXED.every((h, i) => r1[i] === h)) {
    return { score: 0.95, reason: 'Microsoft Forms: the file starts ID, Start time, Completion time, Email, Name' };
  }
  if (r1[0] === 'id' && r1.includes('start time') && r1.includes('completion time')) {
    return { score: 0.8, reason: 'Microsoft Forms: ID, "Start time" and "Completion time" columns' };
  }
  return { score: 0, reason: 'no ID, Start time, Completion time, Email, Name columns' };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const header = table.records[0]!;
  let completion: number | undefined;
  let start: number | undefined;
  const columns: ExportColumn[] = header.map((h, index) => {
    const text = h.trim();
    const lower = text.toLowerCase();
    const known =
      (Object.hasOwn(KNOWN, lower) ? KNOWN[lower] : undefined) ??
      (/^(points|feedback) - /.test(lower) ? { role: 'metadata' as const, reason: 'Microsoft Forms quiz column' } : undefined);
    if (lower === 'completion time') completion = index;
    if (lower === 'start time') start = index;
    if (text === '')
      return { index, header: '', code: null, question: '', sub: null, known: { role: 'ignore', reason: 'an empty column after the last header' } };
    return { index, header: text, code: null, question: text, sub: null, ...(known ? { known } : {}) };
  });
  const times = [completion, start].filter((i): i is number => i !== undefined);
  const order = completion !== undefined ? guessDateOrder(table.records.slice(1).flatMap((r) => times.map((i) => r[i] ?? ''))) : 'mdy';
  return normaliseExport(table, context, {
    format: 'microsoft-forms',
    headerRows: 1,
    newestFirst: false,
    columns,
    ...(completion !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[completion!] ?? '', order) } : {}),
    ...(start !== undefined && completion !== undefined
      ? { duration: (record: readonly string[]) => secondsBetween(record[start!] ?? '', record[completion!] ?? '', (t) => parseTimestamp(t, order)) }
      : {}),
  });
}

export const microsoftForms: FormatModule = { format: 'microsoft-forms', detect, normalise };
