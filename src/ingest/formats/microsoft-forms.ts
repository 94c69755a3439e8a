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
import { parseTimestamp, secondsBetween, settleDateOrder } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

const FIXED = ['id', 'start time', 'completion time', 'email', 'name'];

/**
 * The fixed columns as Microsoft Forms writes them in a French, German, Spanish, Portuguese,
 * Italian or Dutch workbook [best knowledge of the product's translations; not checked against a
 * live export]: id, start time, completion time, email, name, last modified time.
 */
const TRANSLATED: ReadonlyArray<{ language: string; headers: readonly string[] }> = [
  { language: 'French', headers: ['id', 'heure de début', 'heure de fin', 'adresse de messagerie', 'nom', 'heure de la dernière modification'] },
  { language: 'German', headers: ['id', 'startzeit', 'fertigstellungszeit', 'e-mail', 'name', 'zeitpunkt der letzten änderung'] },
  { language: 'Spanish', headers: ['id.', 'hora de inicio', 'hora de finalización', 'correo electrónico', 'nombre', 'hora de la última modificación'] },
  { language: 'Portuguese', headers: ['id', 'hora de início', 'hora de conclusão', 'email', 'nome', 'hora da última modificação'] },
  { language: 'Italian', headers: ['id', 'ora di inizio', 'ora di completamento', 'posta elettronica', 'nome', "ora dell'ultima modifica"] },
  { language: 'Dutch', headers: ['id', 'begintijd', 'tijdstip van voltooiing', 'e-mail', 'naam', 'tijdstip van laatste wijziging'] },
];

/** The English header a translated fixed header stands for: 'heure de fin' -> 'completion time'. */
function englishFixed(lower: string): string {
  for (const t of TRANSLATED) {
    const at = t.headers.indexOf(lower);
    if (at >= 0) return at === 5 ? 'last modified time' : FIXED[at]!;
  }
  return lower;
}

/** The language of the fixed headers when they are translated, else null. */
function translatedLanguage(r1: readonly string[]): string | null {
  return TRANSLATED.find((t) => t.headers.slice(1, 3).every((h) => r1.includes(h)))?.language ?? null;
}

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
  const language = translatedLanguage(r1);
  if (language && /^id\.?$/.test(r1[0] ?? '')) {
    return { score: 0.9, reason: `Microsoft Forms in ${language}: ID, ${JSON.stringify(r1[1])} and ${JSON.stringify(r1[2])} head the file` };
  }
  return { score: 0, reason: 'no ID, Start time, Completion time, Email, Name columns' };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const header = table.records[0]!;
  let completion: number | undefined;
  let start: number | undefined;
  const columns: ExportColumn[] = header.map((h, index) => {
    const text = h.trim();
    const lower = englishFixed(text.toLowerCase());
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
  // Excel shows Forms' times in the workbook's locale: US `3/3/25 9:27:10`, day first elsewhere.
  const language = translatedLanguage(header.map((h) => h.trim().toLowerCase()));
  const known = language ? { order: 'dmy' as const, how: `the columns are headed in ${language}: Microsoft Forms in a day-first language` } : null;
  const dates =
    completion !== undefined
      ? settleDateOrder(
          table.records.slice(1).flatMap((r) => times.map((i) => r[i] ?? '')),
          { configured: context.config.dateOrder, known, spelling: true },
          table,
          header[completion]!.trim(),
        )
      : null;
  const order = dates?.order ?? 'mdy';
  return normaliseExport(table, context, {
    format: 'microsoft-forms',
    headerRows: 1,
    newestFirst: false,
    columns,
    ...(completion !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[completion!] ?? '', order) } : {}),
    ...(dates ? { dates: { ...dates, column: header[completion!]!.trim() } } : {}),
    ...(start !== undefined && completion !== undefined
      ? { duration: (record: readonly string[]) => secondsBetween(record[start!] ?? '', record[completion!] ?? '', (t) => parseTimestamp(t, order)) }
      : {}),
  });
}

export const microsoftForms: FormatModule = { format: 'microsoft-forms', detect, normalise };
