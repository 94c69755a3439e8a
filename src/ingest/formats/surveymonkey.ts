/**
 * SurveyMonkey, "All individual responses" as CSV (FORMATS.md section 2).
 *
 * Two header rows: row 1 names each question in its first column only
 * (continuation cells blank), row 2 names the row, option or item of each
 * column (`Response` / `Open-Ended Response` under one-column questions).
 * A column is shown as `Question [Row]`: row 1 forward-filled, row 2 added,
 * both HTML-unescaped with tags stripped (`company&apos;s`, `<br>`).
 * Rankings are one column per item holding its rank; checkboxes one column per
 * option holding the option's text. Rows come newest first. Files from
 * FiveThirtyEight keep only `RespondentID` and sometimes drop row 2.
 * A "Contact Information" question is a block: `Contact information` in row 1,
 * `Name`, `Company`, `Email Address`, `Phone Number`… under it in row 2 (in
 * older files one cell `Contact information [Name]`); its Name and Email
 * Address are the respondent's name and email, the rest metadata.
 */

import { recogniseAttribute } from '../columns.js';
import { cleanHeaderText } from '../plan/header.js';
import { normaliseExport } from '../plan/plan.js';
import type { ExportColumn, SurveyNormalised } from '../plan/types.js';
import { readRank } from '../rankings.js';
import { parseTimestamp, secondsBetween } from '../timestamps.js';
import type { Table } from '../types.js';
import type { Detection, FormatModule, NormaliseContext } from './types.js';

/*
 * Row 2 under a one-answer question, in English and as SurveyMonkey writes it in French, German,
 * Spanish, Portuguese, Italian and Dutch [the translations: best knowledge, not checked against a
 * live export]: `Response` (one choice), `Open-Ended Response` (a text box), `Other (please specify)`.
 */
const RESPONSE = /^(response|réponse|antwort|respuesta|resposta|risposta|antwoord)$/i;
const OPEN_ENDED = /^(open-ended response|réponse ouverte|offene antwort|respuesta abierta|resposta aberta|risposta aperta|open antwoord)$/i;
const OTHER =
  /^(other \(please specify\)|autre \(veuillez préciser\)|sonstiges \(bitte angeben\)|otro \(especifique\)|outro \(especifique\)|altro \(specificare\)|anders \(gelieve te specificeren\))$/i;
const SINGLE = { test: (cell: string) => RESPONSE.test(cell) || OPEN_ENDED.test(cell) || OTHER.test(cell) };

/**
 * The metadata columns as SurveyMonkey heads them in an export from an account in French, German,
 * Spanish, Portuguese, Italian or Dutch [best knowledge of SurveyMonkey's translations; not checked
 * against a live export]: respondent id, collector id, start date, end date, IP address, email
 * address, first name, last name (the English keys' order).
 */
const TRANSLATED_METADATA: ReadonlyArray<readonly string[]> = [
  ['id du répondant', 'id du collecteur', 'date de début', 'date de fin', 'adresse ip', 'adresse e-mail', 'prénom', 'nom de famille'],
  ['befragten-id', 'collector-id', 'startdatum', 'enddatum', 'ip-adresse', 'e-mail-adresse', 'vorname', 'nachname'],
  [
    'id del encuestado',
    'id del recopilador',
    'fecha de inicio',
    'fecha de finalización',
    'dirección ip',
    'dirección de correo electrónico',
    'nombre',
    'apellido',
  ],
  ['id do respondente', 'id do coletor', 'data de início', 'data de término', 'endereço ip', 'endereço de e-mail', 'nome', 'sobrenome'],
  ['id rispondente', 'id raccoglitore', 'data di inizio', 'data di fine', 'indirizzo ip', 'indirizzo e-mail', 'nome', 'cognome'],
  ['respondent-id', 'verzamelprogramma-id', 'begindatum', 'einddatum', 'ip-adres', 'e-mailadres', 'voornaam', 'achternaam'],
];

/**
 * SurveyMonkey's French contact block heads the last name `Nom`, right after `Prénom`: there (and only
 * there, with nothing under it in the second header row) it is the last name, not the name; a name
 * question (`Votre nom`) is the name, as `First Name`/`Last Name` leave an English name question the name.
 */
const LAST_NAME_AFTER_FIRST: Readonly<Record<string, true>> = { nom: true };

function translatedMetadata(): Record<string, { role: 'id' | 'metadata' | 'submitted' | 'email'; reason: string }> {
  const english = ['respondent id', 'collector id', 'start date', 'end date', 'ip address', 'email address', 'first name', 'last name'];
  const out: Record<string, { role: 'id' | 'metadata' | 'submitted' | 'email'; reason: string }> = {};
  const roles = { 'respondent id': 'id', 'end date': 'submitted', 'email address': 'email' } as const;
  for (const headers of TRANSLATED_METADATA) {
    headers.forEach((h, i) => {
      const role = roles[english[i] as keyof typeof roles] ?? 'metadata';
      out[h] = { role, reason: `SurveyMonkey ${english[i]} (${h})${i >= 6 ? ', used for the name when no name question is answered' : ''}` };
    });
  }
  return out;
}

/** The English metadata header a translated one stands for, or the header itself. */
function englishMetadata(lower: string): string {
  const english = ['respondent id', 'collector id', 'start date', 'end date', 'ip address', 'email address', 'first name', 'last name'];
  for (const headers of TRANSLATED_METADATA) {
    const at = headers.indexOf(lower);
    if (at >= 0) return english[at]!;
  }
  return lower;
}

const METADATA: Record<string, { role: 'id' | 'metadata' | 'submitted' | 'email'; reason: string }> = {
  'respondent id': { role: 'id', reason: "SurveyMonkey's respondent id" },
  respondentid: { role: 'id', reason: "SurveyMonkey's respondent id" },
  'collector id': { role: 'metadata', reason: 'SurveyMonkey collector id' },
  collectorid: { role: 'metadata', reason: 'SurveyMonkey collector id' },
  'start date': { role: 'metadata', reason: 'SurveyMonkey start time' },
  startdate: { role: 'metadata', reason: 'SurveyMonkey start time' },
  'end date': { role: 'submitted', reason: 'SurveyMonkey end time: when the response was submitted' },
  enddate: { role: 'submitted', reason: 'SurveyMonkey end time: when the response was submitted' },
  'ip address': { role: 'metadata', reason: 'SurveyMonkey respondent metadata' },
  'email address': { role: 'email', reason: 'SurveyMonkey email collector address' },
  'first name': { role: 'metadata', reason: 'SurveyMonkey contact first name (used for the name when no name question is answered)' },
  'last name': { role: 'metadata', reason: 'SurveyMonkey contact last name (used for the name when no name question is answered)' },
  ...translatedMetadata(),
};

const CONTACT = /^contact info(?:rmation)?$/i;

/** `Custom Data 1` in English and the other languages (as TRANSLATED_METADATA). */
const CUSTOM_DATA =
  /^(custom data|données personnalisées|benutzerdefinierte daten|datos personalizados|dados personalizados|dati personalizzati|aangepaste gegevens)( \d+)?$/i;

/** What a field of the contact-information block is: the respondent's name or email, else metadata. */
function contactField(field: string): { role: 'name' | 'email' | 'metadata'; reason: string } {
  const f = field.trim().toLowerCase();
  if (f === 'name' || f === 'full name') return { role: 'name', reason: 'SurveyMonkey contact information: the name' };
  if (/^e-?mail( address)?$/.test(f)) return { role: 'email', reason: 'SurveyMonkey contact information: the email address' };
  return { role: 'metadata', reason: `SurveyMonkey contact information (${field.trim()})` };
}

function isMetadata(header: string): boolean {
  const h = header.trim().toLowerCase();
  return Object.hasOwn(METADATA, h) || CUSTOM_DATA.test(h);
}

/**
 * True when record 2 is SurveyMonkey's second header row rather than data. It
 * must look like one throughout: blank under the metadata columns (and the
 * first column), and under the questions only `Response`, `Open-Ended
 * Response`, `Other (please specify)` or row labels (text: no numbers, ranks
 * or e-mail addresses), with at least one `Response` or one label under a
 * question's continuation column (a grid, ranking or tick-box question). A
 * plain table whose first data row starts with a blank cell is none of that:
 * its second record holds ranks, a department under `department`, a list
 * under a lone `stack` column.
 */
function hasSecondHeader(table: Table): boolean {
  const [r1, r2] = table.records;
  if (!r1 || !r2) return false;
  if ((r2[0] ?? '').trim() !== '') return false;
  let questionCells = 0;
  let structure = false;
  for (let i = 0; i < r2.length; i++) {
    const cell = r2[i]!.trim();
    if (cell === '') continue;
    const top = (r1[i] ?? '').trim();
    if (isMetadata(top)) return false;
    questionCells++;
    if (SINGLE.test(cell)) {
      structure = true;
      continue;
    }
    if (!isRowLabel(cell)) return false;
    if (top === '') {
      structure = true; // a label under a question's continuation column
    } else if (recogniseAttribute(top) && (r1[i + 1] ?? '').trim() !== '') {
      // a one-column question SurveyMonkey would head "Response": a `department` column holding "Sales" is data
      return false;
    }
  }
  return questionCells > 0 && structure;
}

/** A grid row, ranked item or tick-box option: text, not a number, rank or e-mail address. */
function isRowLabel(cell: string): boolean {
  const r = readRank(cell);
  if (typeof r === 'number' || (r !== null && r.kind !== 'text')) return false;
  return !/^\S+@\S+\.\S+$/.test(cell);
}

export function detect(table: Table): Detection {
  const r1 = (table.records[0] ?? []).map((c) => c.trim());
  const lower = r1.map((c) => englishMetadata(c.toLowerCase()));
  const id = lower.includes('respondent id') || lower[0] === 'respondentid';
  const collector = lower.includes('collector id') || lower.includes('start date');
  const second = hasSecondHeader(table);
  if (id && collector) {
    return {
      score: 0.95,
      reason: 'SurveyMonkey: "Respondent ID" and "Collector ID"/"Start Date" head the file' + (second ? ', with the second header row' : ''),
    };
  }
  if (id && second) return { score: 0.9, reason: 'SurveyMonkey: "RespondentID" first and a second header row ("Response", row labels)' };
  if (second) return { score: 0.6, reason: 'SurveyMonkey: a second header row with "Response"/"Open-Ended Response" under the questions' };
  if (id) return { score: 0.6, reason: 'SurveyMonkey: "RespondentID" heads the file (no second header row)' };
  return { score: 0, reason: 'no "Respondent ID" column and no second header row' };
}

export function normalise(table: Table, context: NormaliseContext): SurveyNormalised {
  const r1 = table.records[0]!;
  const second = hasSecondHeader(table);
  const r2 = second ? table.records[1]! : [];
  let question = '';
  let firstName: number | undefined;
  let lastName: number | undefined;
  let endDate: number | undefined;
  let startDate: number | undefined;
  const columns: ExportColumn[] = r1.map((raw, index) => {
    const top = cleanHeaderText(raw);
    if (top !== '') question = top;
    const below = cleanHeaderText(r2[index] ?? '');
    const english = englishMetadata(top.toLowerCase());
    const lastAfterFirst =
      Object.hasOwn(LAST_NAME_AFTER_FIRST, top.toLowerCase()) &&
      below === '' &&
      englishMetadata(cleanHeaderText(r1[index - 1] ?? '').toLowerCase()) === 'first name';
    const known = lastAfterFirst
      ? { role: 'metadata' as const, reason: `SurveyMonkey last name (${top}, after the first name), used for the name when no name question is answered` }
      : Object.hasOwn(METADATA, top.toLowerCase())
        ? METADATA[top.toLowerCase()]
        : undefined;
    if (top !== '' && (known || CUSTOM_DATA.test(top))) {
      if (english === 'first name') firstName = index;
      if (english === 'last name' || lastAfterFirst) lastName = index;
      if (known?.role === 'submitted') endDate = index;
      if (/^start ?date$/i.test(english)) startDate = index;
      return { index, header: top, code: null, question: top, sub: null, known: known ?? { role: 'metadata', reason: 'SurveyMonkey custom data' } };
    }
    const older = /^(.*\S)\s*\[([^\]]+)\]$/.exec(top);
    if (CONTACT.test(question) && below !== '') {
      return { index, header: `${question} [${below}]`, code: null, question, sub: below, known: contactField(below) };
    }
    if (older && CONTACT.test(older[1]!) && below === '') {
      return { index, header: top, code: null, question: older[1]!, sub: older[2]!, known: contactField(older[2]!) };
    }
    if (RESPONSE.test(below)) return { index, header: question, code: null, question, sub: null, single: true };
    if (below === '' || OPEN_ENDED.test(below)) return { index, header: question, code: null, question, sub: null };
    if (OTHER.test(below)) {
      // "Other (please specify)": the text box beside a choice question, a question of its own.
      const header = `${question} [${below}]`;
      return { index, header, code: null, question: header, sub: null };
    }
    return { index, header: `${question} [${below}]`, code: null, question, sub: below };
  });
  oneEmail(columns, table.records.slice(second ? 2 : 1));
  return normaliseExport(table, context, {
    format: 'surveymonkey',
    headerRows: second ? 2 : 1,
    newestFirst: true,
    columns,
    ...(endDate !== undefined ? { submitted: (record: readonly string[]) => parseTimestamp(record[endDate!] ?? '', 'mdy') } : {}),
    ...(startDate !== undefined && endDate !== undefined
      ? { duration: (record: readonly string[]) => secondsBetween(record[startDate!] ?? '', record[endDate!] ?? '', (t) => parseTimestamp(t, 'mdy')) }
      : {}),
    ...(firstName !== undefined ? { firstName } : {}),
    ...(lastName !== undefined ? { lastName } : {}),
  });
}

/**
 * The email collector's `Email Address` and the contact block's email name the
 * same person: one of them is the email. The collector's when it holds any
 * address (an email-invitation collector), else (a web link leaves it blank)
 * the one the respondent typed in the contact block.
 */
function oneEmail(columns: ExportColumn[], data: readonly (readonly string[])[]): void {
  const collector = columns.find((c) => c.known?.role === 'email' && c.sub === null);
  const contact = columns.find((c) => c.known?.role === 'email' && c.sub !== null);
  if (!collector || !contact) return;
  const used = data.some((record) => (record[collector.index] ?? '').includes('@'));
  const other = used ? contact : collector;
  other.known = {
    role: 'metadata',
    reason: used
      ? "SurveyMonkey contact information: the email address (the email collector's address is used)"
      : 'SurveyMonkey email collector address: blank in every row (a web-link collector); the contact information email is used',
  };
}

export const surveyMonkey: FormatModule = { format: 'surveymonkey', detect, normalise };
