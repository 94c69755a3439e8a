/**
 * Qualtrics CSV exports (FORMATS.md section 3).
 *
 * Three header rows: export tags (`StartDate`, `Q4_1`), labels (`Start Date`,
 * `How much do you agree with each statement? - I can name …`), and ImportId
 * JSON (`{"ImportId":"QID4_1"}`, with the account's `timeZone` on date
 * columns). A matrix or rank-order label is split at its LAST ` - ` into
 * question and statement. Cells are choice text or, with "Use numeric values",
 * recode values (role and department then need a code book in align.yml).
 * `Status` marks previews, tests and spam; `Finished` = 0/False marks
 * unfinished responses: both are excluded with their reason.
 *
 * The legacy exporter writes two header rows: `V1…V10,Q1,…` then labels
 * (`ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,
 * Status,StartDate,EndDate,Finished`, question text).
 */

import { type Message, msg } from '../../i18n/index.js';
import type { ColumnRoleName } from '../config-types.js';
import { cleanHeaderText, splitDashHeader } from '../plan/header.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { durationCell, parseTimestamp } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

// 2016-17 exports wrote the third row as a Python dict, `{'ImportId': 'QID12-1'}`: single quotes.
const IMPORT_ID = /^\s*\{\s*(["'])ImportId\1\s*:/;

type Known = { role: ColumnRoleName; reason: string };
const meta = (reason: string): Known => ({ role: 'metadata', reason: `Qualtrics ${reason}` });

/** Row-1 export tags (and legacy row-2 labels) Qualtrics itself writes. */
const KNOWN: Record<string, Known> = {
  startdate: meta('start time'),
  enddate: meta('end time'),
  status: meta('response type (previews, tests and spam are excluded)'),
  ipaddress: meta('respondent metadata'),
  progress: meta('progress (percent of the survey seen)'),
  'duration (in seconds)': meta('duration'),
  finished: meta('finished flag (unfinished responses are excluded)'),
  recordeddate: { role: 'submitted', reason: 'Qualtrics recorded date: when the response was submitted' },
  responseid: { role: 'id', reason: "Qualtrics's response id" },
  responseset: meta('response set'),
  name: meta('panel name (legacy exporter)'),
  recipientlastname: meta('recipient last name (used for the name when no name question is answered)'),
  recipientfirstname: meta('recipient first name (used for the name when no name question is answered)'),
  recipientemail: { role: 'email', reason: 'Qualtrics recipient email' },
  emailaddress: { role: 'email', reason: 'Qualtrics recipient email (legacy exporter)' },
  externalreference: meta('external data reference'),
  externaldatareference: meta('external data reference'),
  locationlatitude: meta('location'),
  locationlongitude: meta('location'),
  locationaccuracy: meta('location'),
  distributionchannel: meta('distribution channel'),
  userlanguage: meta('user language'),
  q_recaptchascore: meta('bot score'),
  q_relevantidduplicate: meta('fraud check'),
  q_relevantidduplicatescore: meta('fraud check'),
  q_relevantidfraudscore: meta('fraud check'),
  q_relevantidlaststartdate: meta('fraud check'),
};

function knownTag(tag: string): Known | undefined {
  const t = tag.trim().toLowerCase();
  if (Object.hasOwn(KNOWN, t)) return KNOWN[t];
  if (/_do$/.test(t)) return meta('display order');
  if (/^q_/.test(t)) return meta('system field');
  return undefined;
}

function isLegacy(table: Table): boolean {
  const r1 = table.records[0] ?? [];
  return (r1[0] ?? '').trim() === 'V1' && (r1[1] ?? '').trim() === 'V2' && (r1[2] ?? '').trim() === 'V3';
}

function hasImportIds(table: Table): boolean {
  return (table.records[2] ?? []).some((c) => IMPORT_ID.test(c));
}

export function detect(table: Table): Detection {
  const r1 = (table.records[0] ?? []).map((c) => c.trim());
  if (hasImportIds(table))
    return { score: 0.98, reason: 'Qualtrics: the third header row holds {"ImportId": …} (or the 2016-17 {\'ImportId\': …}) for each column' };
  if (r1.includes('ResponseId') && r1.includes('Duration (in seconds)')) {
    return { score: 0.9, reason: 'Qualtrics: "ResponseId" and "Duration (in seconds)" head the file' };
  }
  if (isLegacy(table)) return { score: 0.85, reason: 'Qualtrics (legacy exporter): the first header row runs V1, V2, V3, …' };
  return { score: 0, reason: 'no Qualtrics export tags or ImportId row' };
}

/**
 * The time zone named in the ImportId JSON of a date column, or in the
 * single-quoted dict of 2016-17 exports (`{'ImportId': 'startDate', 'timeZone': 'America/Denver'}`).
 */
function timeZoneOf(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  const single = /(["'])timeZone\1\s*:\s*'([^']+)'/.exec(cell);
  if (single) return single[2];
  try {
    const parsed = JSON.parse(cell) as { timeZone?: unknown };
    return typeof parsed.timeZone === 'string' ? parsed.timeZone : undefined;
  } catch {
    return undefined;
  }
}

/** `Finished` as numbers, or as choice text in an English, German, French, Spanish/Portuguese/Italian or Dutch account. */
const FINISHED_NO = /^(0|false|no|falsch|faux|falso|onwaar)$/i;

// The reasons, each one message (worded once in English for the ledger: dataset.ts), in the catalogue under `audit:<English>`.
const PREVIEW = msg('audit:preview response (Qualtrics Status: Survey Preview)');
const TEST = msg('audit:test response (Qualtrics Status: Survey Test)');
const SPAM = msg('audit:spam (Qualtrics Status: Spam)');
const PREVIEW_SPAM = msg('audit:preview response (Qualtrics Status: Survey Preview Spam)');
const IMPORTED_SPAM = msg('audit:spam (Qualtrics Status: Imported Spam)');
const OFFLINE_PREVIEW = msg('audit:preview response (Qualtrics Status: Offline Survey Preview)');

/** Qualtrics Status codes and texts: what to exclude (0 / IP Address, 4 / Imported, 16 / Offline are real responses). */
function statusReason(status: string): Message | null {
  const s = status.trim().toLowerCase();
  switch (s) {
    case '1':
    case 'survey preview':
      return PREVIEW;
    case '2':
    case 'survey test':
      return TEST;
    case '8':
    case 'spam':
      return SPAM;
    case '9':
    case 'survey preview spam':
      return PREVIEW_SPAM;
    case '12':
    case 'imported spam':
      return IMPORTED_SPAM;
    case '17':
    case 'offline survey preview':
      return OFFLINE_PREVIEW;
    default:
      return null;
  }
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const legacy = isLegacy(table);
  const tags = table.records[0]!;
  const labels = table.records[1] ?? tags;
  const importIds = legacy ? [] : (table.records[2] ?? []);
  const headerRows = legacy ? 2 : hasImportIds(table) ? 3 : 2;

  let status: number | undefined;
  let finished: number | undefined;
  let progress: number | undefined;
  let recorded: number | undefined;
  let firstName: number | undefined;
  let lastName: number | undefined;
  let duration: number | undefined;
  let start: number | undefined;
  let end: number | undefined;
  const columns: ExportColumn[] = tags.map((rawTag, index) => {
    const tag = rawTag.trim();
    const label = cleanHeaderText(labels[index] ?? '').replace(/ - Selected Choice$/, '');
    // Legacy files: the real field names are in row 2 (V1 = ResponseID …).
    const name = legacy && /^V\d+$/.test(tag) ? label : tag;
    const known = knownTag(name);
    const lower = name.toLowerCase();
    if (lower === 'status') status = index;
    if (lower === 'finished') finished = index;
    if (lower === 'progress') progress = index;
    if (lower === 'recordeddate' || (legacy && lower === 'enddate')) recorded = index;
    if (lower === 'recipientfirstname') firstName = index;
    if (lower === 'recipientlastname') lastName = index;
    if (lower === 'duration (in seconds)') duration = index;
    if (lower === 'startdate') start = index;
    if (lower === 'enddate') end = index;
    const header = label !== '' ? label : tag;
    if (tag === '' && label === '') {
      return {
        index,
        header: '',
        code: null,
        question: '',
        sub: null,
        known: { role: 'ignore', reason: 'an empty column after the last header (trailing comma)' },
      };
    }
    if (known)
      return {
        index,
        header,
        code: tag,
        question: header,
        sub: null,
        known: legacy && lower === 'enddate' ? { role: 'submitted', reason: 'Qualtrics end date: when the response was submitted' } : known,
      };
    // Q4_1 with label "Question - Statement": one statement of a matrix, or one item of a rank order.
    const split = /_\w+$/.test(tag) && !/_TEXT$/i.test(tag) ? splitDashHeader(header) : null;
    return { index, header, code: tag, question: split?.question ?? header, sub: split?.sub ?? null };
  });

  const zone = recorded !== undefined ? timeZoneOf(importIds[recorded]) : undefined;
  const startZone = start !== undefined ? (timeZoneOf(importIds[start]) ?? zone) : zone;
  const endZone = end !== undefined ? (timeZoneOf(importIds[end]) ?? zone) : zone;
  return normaliseExport(table, context, {
    format: 'qualtrics',
    headerRows,
    newestFirst: false,
    columns,
    ...(recorded !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[recorded!] ?? '', 'mdy', zone) } : {}),
    // the tool's own count of seconds; else StartDate to EndDate
    duration: (record) => {
      const counted = duration !== undefined ? durationCell(record[duration] ?? '') : null;
      if (counted !== null || start === undefined || end === undefined) return counted;
      const from = parseTimestamp(record[start] ?? '', 'mdy', startZone);
      const to = parseTimestamp(record[end] ?? '', 'mdy', endZone);
      return from === null || to === null || to < from ? null : (to - from) / 1000;
    },
    exclude: (record) => {
      if (status !== undefined) {
        const reason = statusReason(record[status] ?? '');
        if (reason) return reason;
      }
      if (finished !== undefined && FINISHED_NO.test((record[finished] ?? '').trim())) {
        const p = progress !== undefined ? (record[progress] ?? '').trim() : '';
        return msg('reading.excluded.qualtricsUnfinished', { finished: (record[finished] ?? '').trim(), hasProgress: p !== '' ? 'yes' : 'no', progress: p });
      }
      return null;
    },
    ...(firstName !== undefined ? { firstName } : {}),
    ...(lastName !== undefined ? { lastName } : {}),
  });
}

export const qualtrics: FormatModule = { format: 'qualtrics', detect, normalise };
