/**
 * LimeSurvey, Responses → Export → CSV (FORMATS.md section 6).
 *
 * UTF-8 with BOM, every field quoted, CRLF, a blank last line (table.ts drops
 * blank records, so it never becomes a respondent). Fixed columns `id,
 * submitdate, lastpage, startlanguage, seed` (+ token, startdate, datestamp,
 * ipaddr, refurl), or their full headings `Response ID, Date submitted, …`.
 * Question-code headings: `agree[SQ001]` for array rows, `channels[C1]` for
 * options, `prio[1]…prio[n]` for ranking POSITIONS; full headings:
 * `Question [Subquestion]`, `Question [Rank 1]`. With "Answer codes" the cells
 * are codes (`MGR`, `P3`, `1`): a code book in align.yml gives their labels.
 * The "Question code & question text" headings join the two with `. `
 * (`id. Response ID`, `submitdate. Date submitted`, `agree[SQ001]. How much do
 * you agree with each statement? [I can name …]`): the code is the column's
 * code, the text its header.
 * An empty `submitdate` is an unfinished response.
 */
import { msg } from '../../i18n/index.js';
import type { ColumnRoleName } from '../config-types.js';
import { cleanHeaderText, splitBracketHeader } from '../plan/header.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { parseTimestamp, secondsBetween } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

const CODES = ['id', 'submitdate', 'lastpage', 'startlanguage'];
const FULL = ['response id', 'date submitted', 'last page', 'start language'];

/** Why a row is not a response (in the catalogue under `audit:<English>`). */
const UNFINISHED = msg('audit:unfinished response (LimeSurvey: no submitdate)');

const meta = (reason: string) => ({ role: 'metadata' as ColumnRoleName, reason: `LimeSurvey ${reason}` });
const KNOWN: Record<string, { role: ColumnRoleName; reason: string }> = {
  id: { role: 'id', reason: 'LimeSurvey response id' },
  'response id': { role: 'id', reason: 'LimeSurvey response id' },
  submitdate: { role: 'submitted', reason: 'LimeSurvey submit date (empty for unfinished responses)' },
  'date submitted': { role: 'submitted', reason: 'LimeSurvey submit date (empty for unfinished responses)' },
  lastpage: meta('last page seen'),
  'last page': meta('last page seen'),
  startlanguage: meta('start language'),
  'start language': meta('start language'),
  seed: meta('randomisation seed'),
  token: meta('access token'),
  'access code': meta('access token'),
  'access code/token': meta('access token'),
  token_: meta('access token'),
  startdate: meta('start date'),
  'date started': meta('start date'),
  datestamp: meta('date of last action'),
  'date last action': meta('date of last action'),
  ipaddr: meta('IP address'),
  'ip address': meta('IP address'),
  refurl: meta('referrer URL'),
  'referrer url': meta('referrer URL'),
};

/** KNOWN's entry for a header; own keys only, so a column headed `constructor` is not Object's. */
const knownColumn = (key: string) => (Object.hasOwn(KNOWN, key) ? KNOWN[key] : undefined);

/** `agree[SQ001]. How much … [Row]` -> code and text; `G8Q00001.` (no text) -> the code and ''. */
const CODE_TEXT = /^([A-Za-z_][\w#]*(?:\[[^\]]*\])*)\.(?:[ \t]+([\s\S]*))?$/;

function splitCodeText(heading: string): { code: string; text: string } | null {
  const m = CODE_TEXT.exec(heading.trim());
  return m ? { code: m[1]!, text: (m[2] ?? '').trim() } : null;
}

function headings(table: Table): 'codes' | 'full' | 'codetext' | null {
  const r1 = (table.records[0] ?? []).map((c) => c.trim().toLowerCase());
  if (CODES.every((h, i) => r1[i] === h)) return 'codes';
  if (FULL.every((h, i) => r1[i] === h)) return 'full';
  // the text after the code is in the survey's language (`id. Antwort ID`): the codes decide
  if (CODES.every((h, i) => splitCodeText(r1[i] ?? '')?.code === h)) return 'codetext';
  return null;
}

export function detect(table: Table): Detection {
  const kind = headings(table);
  if (kind === 'codes') return { score: 0.95, reason: 'LimeSurvey (question-code headings): the file starts id, submitdate, lastpage, startlanguage' };
  if (kind === 'full') return { score: 0.95, reason: 'LimeSurvey (full headings): the file starts Response ID, Date submitted, Last page, Start language' };
  if (kind === 'codetext') {
    return { score: 0.95, reason: 'LimeSurvey (question code and text headings): the file starts id. Response ID, submitdate. Date submitted, …' };
  }
  return { score: 0, reason: 'no id, submitdate, lastpage, startlanguage columns' };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const kind = headings(table) ?? 'full';
  const header = table.records[0]!;
  let submitted: number | undefined;
  let started: number | undefined;
  const columns: ExportColumn[] = header.map((h, index) => {
    if (kind === 'codetext') {
      const column = codeTextColumn(h, index, (i) => (submitted = i));
      if (column.code?.toLowerCase() === 'startdate') started = index;
      return column;
    }
    const text = cleanHeaderText(h);
    const lower = text.toLowerCase();
    const known = knownColumn(lower);
    if (lower === 'submitdate' || lower === 'date submitted') submitted = index;
    if (lower === 'startdate' || lower === 'date started') started = index;
    if (known) return { index, header: text, code: kind === 'codes' ? text : null, question: text, sub: null, known };
    if (kind === 'codes') {
      const m = /^(.+)\[([^\]]+)\]$/.exec(text);
      return { index, header: text, code: text, question: m ? m[1]! : text, sub: m ? m[2]! : null };
    }
    const split = splitBracketHeader(text);
    return { index, header: text, code: null, question: split?.question ?? text, sub: split?.sub ?? null };
  });
  return normaliseExport(table, context, {
    format: 'limesurvey',
    headerRows: 1,
    newestFirst: false,
    columns,
    ...(submitted !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[submitted!] ?? '', 'mdy') } : {}),
    ...(submitted !== undefined && started !== undefined
      ? { duration: (record: readonly string[]) => secondsBetween(record[started!] ?? '', record[submitted!] ?? '', (t) => parseTimestamp(t, 'mdy')) }
      : {}),
    exclude: (record) => (submitted !== undefined && (record[submitted] ?? '').trim() === '' ? UNFINISHED : null),
  });
}

/** A `code. text` heading: the code from before `. `, the header and question from the text. */
function codeTextColumn(heading: string, index: number, isSubmitted: (index: number) => void): ExportColumn {
  const whole = cleanHeaderText(heading);
  const parts = splitCodeText(whole);
  if (!parts) {
    const split = splitBracketHeader(whole);
    return { index, header: whole, code: null, question: split?.question ?? whole, sub: split?.sub ?? null };
  }
  const code = parts.code;
  const text = parts.text !== '' ? parts.text : code;
  const known = knownColumn(code.toLowerCase()) ?? knownColumn(text.toLowerCase());
  if (code.toLowerCase() === 'submitdate') isSubmitted(index);
  if (known) return { index, header: text, code, question: text, sub: null, known };
  const split = splitBracketHeader(text);
  return { index, header: text, code, question: split?.question ?? text, sub: split?.sub ?? null };
}

export const limeSurvey: FormatModule = { format: 'limesurvey', detect, normalise };
