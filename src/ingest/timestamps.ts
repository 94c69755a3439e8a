/**
 * Submit times as the survey tools write them, to milliseconds since the epoch
 * (UTC). Used only to decide which of two submissions by one person is later
 * (ARCHITECTURE.md, "Duplicates"), so a time we cannot read is null (file order
 * decides) rather than an error.
 *
 *   Google Sheets  3/3/2025 9:30:57        (US; other locales 03/03/2025 or 03.03.2025)
 *   SurveyMonkey   03/07/2025 03:44:30 PM
 *   Qualtrics      2025-03-03 09:27:10     (in the account time zone named in header row 3)
 *   MS Forms       3/3/25 9:27:10
 *   Typeform, LimeSurvey  2025-03-03 09:27:10 (UTC for Typeform)
 *
 * Wall-clock times without a zone are read as UTC.
 */

import { InputError } from '../errors.js';

/** Which way round the day and month of a slashed date are. */
export type DateOrder = 'mdy' | 'dmy';

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(AM|PM)?)?\s*(Z|UTC|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?\s*(Z|UTC|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?)?$/i;

function offsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function hour24(hour: number, ampm: string | undefined): number {
  if (!ampm) return hour;
  const pm = ampm.toUpperCase() === 'PM';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1;
}

/**
 * One formatter per zone, made once: building an Intl.DateTimeFormat costs
 * about 45 µs, and every row of a Qualtrics or Typeform export asks twice.
 * A zone Intl does not know is remembered as null (read as UTC).
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Offsets already looked up, per zone and UTC minute: zones change offset on
 * whole minutes, and formatToParts (~3.5 µs) asked twice per row was the
 * largest cost left in reading a zoned export; a survey's responses share
 * their minutes. Cleared when it grows past OFFSET_CACHE_LIMIT minutes.
 */
const offsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 100_000;

/** The offset of an IANA zone from UTC at a UTC instant, in ms; throws for a zone Intl does not know. */
function zoneOffset(zone: string, instant: number): number {
  const minute = Math.floor(instant / 60_000);
  let byMinute = offsets.get(zone);
  const known = byMinute?.get(minute);
  if (known !== undefined) return known;
  const formatter = formatterFor(zone);
  if (formatter === null) throw new RangeError(`unknown time zone ${zone}`);
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = asUtc - Math.floor(instant / 1000) * 1000;
  if (!byMinute) {
    byMinute = new Map();
    offsets.set(zone, byMinute);
  }
  if (byMinute.size >= OFFSET_CACHE_LIMIT) byMinute.clear();
  byMinute.set(minute, offset);
  return offset;
}

/** Wall-clock time in an IANA zone to UTC ms; an unknown zone is read as UTC. */
function fromZone(wall: number, zone: string | undefined): number {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return wall; // Typeform: every row, no offset to look up
  try {
    const first = wall - zoneOffset(zone, wall);
    return wall - zoneOffset(zone, first);
  } catch {
    return wall;
  }
}

/**
 * Reads one timestamp. `order` settles slashed dates (`3/4/2025`); `timeZone`
 * (an IANA name, as Qualtrics gives in its third header row) places wall-clock
 * times. Null when the text is not a date align knows.
 */
export function parseTimestamp(text: string, order: DateOrder = 'mdy', timeZone?: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  let m = ISO.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const h = hour24(Number(m[4] ?? 0), m[8]);
    const [mi, s] = [Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (!valid(y, mo, d, h, mi, s)) return null;
    const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
    const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    return m[9] ? wall - offsetMinutes(m[9]) * 60_000 : fromZone(wall, timeZone);
  }
  m = SLASHED.exec(t);
  if (m) {
    const dotted = t.includes('.') && !t.includes('/');
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = dotted || order === 'dmy' ? [b, a] : [a, b];
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += 2000;
    const h = hour24(Number(m[4] ?? 0), m[7]);
    const [mi, s] = [Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (!valid(y, mo, d, h, mi, s)) return null;
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    return m[8] ? wall - offsetMinutes(m[8]) * 60_000 : fromZone(wall, timeZone);
  }
  return null;
}

/**
 * Day-first or month-first for a column of slashed dates. A first number above
 * 12 settles day-first, a second above 12 month-first. Otherwise the spelling
 * decides: US Sheets and Excel write `3/7/2025` (no leading zeros), most other
 * locales `03/07/2025` day-first; `fallback` when neither shows.
 */
export function guessDateOrder(values: Iterable<string>, fallback: DateOrder = 'mdy'): DateOrder {
  let unpadded = 0;
  let padded = 0;
  for (const v of values) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(v);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) return 'dmy';
    if (b > 12 && a <= 12) return 'mdy';
    if (m[1]!.length === 1 || m[2]!.length === 1) unpadded++;
    else if (m[1]!.startsWith('0') || m[2]!.startsWith('0')) padded++;
  }
  if (unpadded > 0 && padded === 0) return 'mdy';
  if (padded > 0 && unpadded === 0) return 'dmy';
  return fallback;
}

/** decideDateOrder's reason when the column has no day/month date (ISO `2025-12-31`, or none): no order to read. */
export const NO_DAY_MONTH = 'no day/month dates to order';

/** A column's day and month order and what settled it (align inspect prints both). */
export interface DateOrderChoice {
  order: DateOrder;
  how: string;
}

/**
 * The day and month order of a column of submit times, or null when its
 * slashed dates (`03/04/2025`) leave it open: every day and month 12 or less
 * and nothing else says. In order: align.yml `dateOrder`; a date that settles
 * it (`25/03/2025` is day first); the tool's known format (`known`: Google
 * Sheets in French writes day first); dotted dates (`05.03.2025`, day first
 * everywhere); the tool's spelling when `spelling` is set (US Sheets and Excel
 * write `3/7/2025` without leading zeros, the day-first locales `03/07/2025`).
 * A column with no slashed or dotted date needs no order.
 *   decideDateOrder(['05/03/2025 15:37:29'], {}) === null
 *   decideDateOrder(['25/03/2025'], {})?.order === 'dmy'
 */
export function decideDateOrder(
  values: Iterable<string>,
  options: { configured?: DateOrder | undefined; known?: DateOrderChoice | null; spelling?: boolean },
): DateOrderChoice | null {
  if (options.configured) return { order: options.configured, how: `align.yml dateOrder: ${options.configured}` };
  let unpadded = 0;
  let padded = 0;
  let slashed = 0;
  let dotted = 0;
  let firstDotted = '';
  for (const v of values) {
    // day and month joined by / or - (Dutch Sheets: 5-3-2025), or by dots (always day first)
    const m = /^\s*(\d{1,2})([/.-])(\d{1,2})\2\d{2,4}/.exec(v);
    if (!m) continue;
    if (m[2] === '.') {
      if (dotted++ === 0) firstDotted = v.trim();
      continue;
    }
    slashed++;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 12 && b <= 12) return { order: 'dmy', how: `a day above 12 comes first (${JSON.stringify(v.trim())})` };
    if (b > 12 && a <= 12) return { order: 'mdy', how: `a day above 12 comes second (${JSON.stringify(v.trim())})` };
    if (m[1]!.length === 1 || m[3]!.length === 1) unpadded++;
    else if (m[1]!.startsWith('0') || m[3]!.startsWith('0')) padded++;
  }
  if (slashed === 0)
    return dotted > 0 ? { order: 'dmy', how: `dotted dates are day first (${JSON.stringify(firstDotted)})` } : { order: 'mdy', how: NO_DAY_MONTH };
  if (options.known) return options.known;
  if (options.spelling) {
    if (unpadded > 0 && padded === 0) return { order: 'mdy', how: 'dates without leading zeros (3/7/2025), as the tool writes them in US English' };
    if (padded > 0 && unpadded === 0) return { order: 'dmy', how: 'dates with leading zeros (03/07/2025), as the tool writes them in day-first locales' };
  }
  return null;
}

/** The align.yml fix for a column of dates decideDateOrder leaves open. */
const DATE_ORDER_FIX = 'say how the dates are written in align.yml: dateOrder: dmy (day first, 31/12/2025) or dateOrder: mdy (month first, 12/31/2025)';

/**
 * The stop for a day and month order that changes a result: a fact of the
 * file that align.yml settles, not a bad value of one respondent, so
 * --skip-invalid does not turn it into an excluded row.
 */
export class DateOrderUnsettled extends InputError {
  constructor(file: string, line: number | null, column: string | null, problem: string) {
    super(file, line, column, problem, DATE_ORDER_FIX);
  }
}

/**
 * A column of submit times whose day and month order nothing settles
 * (decideDateOrder's null), and a date of it that shows why (`sample`).
 * Its times are read both ways (readOpenTime) until eitherDateOrder knows
 * whether the order changes anything.
 */
export interface OpenDateOrder {
  order: null;
  how: string;
  sample: string;
}

/**
 * decideDateOrder, or the column left open (OpenDateOrder) when it cannot
 * order it: whether that matters is eitherDateOrder's question, asked of
 * what the times decide.
 *   columnDateOrder(['05/03/2025 15:37:29'], {}) -> { order: null, sample: '05/03/2025 15:37:29', … }
 */
export function columnDateOrder(values: readonly string[], options: Parameters<typeof decideDateOrder>[1]): DateOrderChoice | OpenDateOrder {
  const choice = decideDateOrder(values, options);
  if (choice) return choice;
  const sample = values.map((v) => v.trim()).find((v) => /^\d{1,2}([/-])\d{1,2}\1/.test(v)) ?? '';
  return { order: null, how: 'every day and month is 12 or less, and nothing else says which comes first', sample };
}

/**
 * decideDateOrder, or exit 2 naming the column, a date it cannot order and
 * align.yml's dateOrder, for a tool whose times decide more than which
 * submission is later (Microsoft Forms: durations, from its start and
 * completion times), which eitherDateOrder does not weigh.
 */
export function settleDateOrder(
  values: readonly string[],
  options: Parameters<typeof decideDateOrder>[1],
  table: { path: string; lines: readonly number[] },
  column: string,
): DateOrderChoice {
  const choice = columnDateOrder(values, options);
  if (choice.order !== null) return choice;
  throw new DateOrderUnsettled(
    table.path,
    table.lines[0] ?? 1,
    column,
    `the submit times could be day first or month first (${JSON.stringify(choice.sample)}: every day and month in the column is 12 or less)`,
  );
}

/** How a column of submit times orders day and month (or that nothing does), and its header: what align inspect prints. */
export type ColumnDates = (DateOrderChoice | OpenDateOrder) & { column: string };

/** A submit time in a column left open, read month first and day first (null where that reading is no date). */
export interface BothWays {
  text: string;
  mdy: number | null;
  dmy: number | null;
}

/**
 * A submit-time cell of a column left open: its time when both readings give
 * the same (`01/01/2025`, an ISO time) or neither gives one (null); else no
 * time and both readings, for eitherDateOrder to weigh.
 *   readOpenTime('01/02/2025') -> { time: null, bothWays: { text: '01/02/2025', mdy: <2 January>, dmy: <1 February> } }
 */
export function readOpenTime(text: string): { time: number | null; bothWays: BothWays | null } {
  const mdy = parseTimestamp(text, 'mdy');
  const dmy = parseTimestamp(text, 'dmy');
  return mdy === dmy ? { time: mdy, bothWays: null } : { time: null, bothWays: { text: text.trim(), mdy, dmy } };
}

/**
 * A later piece of a large file holds a date that orders the column the
 * first piece left open (`25/03/2025`): the whole file's plan would read it
 * so (dataset.ts plans again from more of the file, as for any later piece
 * the first piece's plan cannot read); null when it does not.
 */
export function laterDateOrders(file: string, line: number, column: string, time: BothWays, rowsBefore: number): InputError | null {
  if ((time.mdy === null) === (time.dmy === null)) return null;
  return new DateOrderUnsettled(
    file,
    line,
    column,
    `${JSON.stringify(time.text)} is ${time.dmy === null ? 'month' : 'day'} first, while in the first ${rowsBefore.toLocaleString('en')} rows, from which align decides how the dates are written, every day and month is 12 or less`,
  );
}

/** What a rule of the submit times made of one row, for eitherDateOrder: `fate` is '' when the row is kept as it is. */
export interface TimedFate {
  file: string;
  line: number;
  /** The row's submit-time column, and its time when the column is open and the two readings differ. */
  column: string | null;
  open: BothWays | null;
  fate: string;
}

/**
 * The one rule for submit times whose day and month order nothing settles
 * (ARCHITECTURE.md, "Duplicates": they decide which of one respondent's
 * submissions is the later, and align does not guess which way `05/03/2025`
 * is written). `decide` runs what the times decide with the open ones read
 * one way, and says what it made of each row, the same rows in the same
 * order each time. When both readings make the same of every row, the
 * order changes nothing: the month-first result is returned (the caller
 * keeps no time that depends on it). Otherwise exit 2 on the first row they
 * treat differently (one whose own time is open, if any), naming both
 * outcomes and align.yml's dateOrder. An InputError under one reading only
 * is such a difference too; under both, the month-first one stops the run.
 */
export function eitherDateOrder<T>(decide: (order: DateOrder) => { result: T; fates: readonly TimedFate[] }): T {
  const attempt = (order: DateOrder) => {
    try {
      return decide(order);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
  };
  const mdy = attempt('mdy');
  const dmy = attempt('dmy');
  if (mdy instanceof InputError && dmy instanceof InputError) throw mdy;
  if (mdy instanceof InputError || dmy instanceof InputError) {
    const [stopped, order] = mdy instanceof InputError ? [mdy, 'month'] : [dmy as InputError, 'day'];
    throw new DateOrderUnsettled(
      stopped.file,
      stopped.line,
      stopped.column,
      `the submit times could be day first or month first (every day and month in the column is 12 or less), and read ${order} first they stop the run: ${stopped.problem}`,
    );
  }
  const differs = mdy.fates.flatMap((f, i) => (f.fate === dmy.fates[i]?.fate ? [] : [i]));
  if (differs.length === 0) return mdy.result;
  const at = differs.find((i) => mdy.fates[i]!.open !== null) ?? differs[0]!;
  const row = mdy.fates[at]!;
  const said = (fate: string) => (fate === '' ? 'kept' : JSON.stringify(fate));
  const sample = row.open ?? mdy.fates.find((f) => f.open !== null)?.open;
  throw new DateOrderUnsettled(
    row.file,
    row.line,
    row.column,
    `the submit times could be day first or month first (${sample ? `${JSON.stringify(sample.text)}: ` : ''}every day and month in the column is 12 or less), and this row comes out differently each way: read month first: ${said(row.fate)}; read day first: ${said(dmy.fates[at]!.fate)}`,
  );
}

/**
 * A submit time written the one unambiguous way (ISO 8601: `2024-05-01 09:30`,
 * `2024-05-01T09:30:00Z`, with an offset or without one, read as UTC); null
 * for any other spelling. For the files align writes itself (`align
 * collect`'s stacks, always ISO); a plain table's submit times are read by
 * the order decideDateOrder settles.
 */
export function parseIsoTimestamp(text: string | null): number | null {
  if (!text || !/^\s*\d{4}-\d{1,2}-\d{1,2}/.test(text)) return null;
  return parseTimestamp(text, 'mdy', 'UTC');
}

/**
 * Seconds from a start time to an end time, both read by `read` (a tool's
 * timestamp reader); null when either is blank or unreadable, or when the end
 * comes before the start (a clock change, a damaged cell): never negative, never NaN.
 *   secondsBetween('2025-03-03 09:27:10', '2025-03-03 09:30:57', parseIsoTimestamp) === 227
 */
export function secondsBetween(start: string, end: string, read: (text: string) => number | null): number | null {
  const from = read(start);
  const to = read(end);
  if (from === null || to === null || !Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  return (to - from) / 1000;
}

/**
 * A cell that holds a duration in seconds (Qualtrics `Duration (in seconds)`, a
 * plain table's `duration_seconds`): a non-negative number, `.` or `,` as the
 * decimal mark; null for anything else (blank, negative, words).
 *   durationCell('375') === 375; durationCell('-3') === null; durationCell('n/a') === null
 */
export function durationCell(text: string): number | null {
  const t = text.trim();
  if (!/^\+?\d+(?:[.,]\d+)?$/.test(t)) return null;
  const v = Number(t.replace(',', '.'));
  return Number.isFinite(v) && v >= 0 ? v : null;
}
