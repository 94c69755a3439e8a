/**
 * A respondent's Likert answers: item id -> value, missing answers absent.
 *
 * A survey export's rows are packed (PackedAnswers): the rows of one piece of
 * the file share an AnswerSheet holding a byte per item and row, so a row of 40
 * answers costs 40 bytes and a small object instead of a 40-key record (0.40 KB
 * a respondent measured with node --expose-gc on the 100k bench file, and the
 * largest part of what a respondent held). A record (the long format's rows,
 * tests' respondents, a row with an answer a byte cannot hold) is a Likert too.
 * Code outside this module reads answers through the functions below, never
 * by indexing, so both forms read alike.
 */
import { record, recordFrom } from '../records.js';

/** Likert answers in either form. */
export type Likert = Readonly<Record<string, number>> | PackedAnswers;

/** The slot value of an item a row did not answer. */
const MISSING = -128;

/** Whether a value is held exactly by a slot: a whole number from -127 to 127 (every Likert scale align reads). */
function fits(value: number): boolean {
  return Number.isInteger(value) && value >= -127 && value <= 127 && !Object.is(value, -0);
}

/** The answers of many rows over the same columns, a byte per item and row. */
export class AnswerSheet {
  /** The item of each slot: the columns' items, each once, in column order. */
  readonly items: readonly string[];
  /** slotOf[column]: the slot a column's answer goes to (two columns of one item share a slot; the later answer wins, as in a record). */
  private readonly slotOf: Int32Array;
  private readonly values: Int8Array;
  private rows = 0;

  /** A sheet for up to `capacity` rows over columns holding these items (or holding the rows `held`, packed by another sheet). */
  constructor(columnItems: readonly string[], capacity: number, held?: Int8Array) {
    const slots = new Map<string, number>();
    this.slotOf = new Int32Array(columnItems.length);
    columnItems.forEach((item, c) => {
      let slot = slots.get(item);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(item, slot);
      }
      this.slotOf[c] = slot;
    });
    this.items = [...slots.keys()];
    this.values = held ?? new Int8Array(Math.max(0, capacity) * this.items.length).fill(MISSING);
    if (held) this.rows = this.items.length === 0 ? 0 : held.length / this.items.length;
  }

  /**
   * One row's answers (values[c] for column c, null when not answered): packed when every
   * answer fits a slot and the sheet has room, else a record; null when nothing is answered.
   */
  add(values: ReadonlyArray<number | null>): Likert | null {
    let answered = 0;
    let packable = true;
    for (const v of values) {
      if (v === null) continue;
      answered++;
      if (!fits(v)) packable = false;
    }
    if (answered === 0) return null;
    const width = this.items.length;
    if (!packable || (this.rows + 1) * width > this.values.length) {
      const entries: Array<[string, number]> = [];
      values.forEach((v, c) => {
        if (v !== null) entries.push([this.items[this.slotOf[c]!]!, v]);
      });
      return recordFrom(entries);
    }
    const at = this.rows++ * width;
    values.forEach((v, c) => {
      if (v !== null) this.values[at + this.slotOf[c]!] = v;
    });
    return new PackedAnswers(this, at);
  }

  /**
   * The row starting at `at` into `out` from `outAt`: slot s's value goes to out[outAt + toItem[s]]
   * (a slot whose item is -1 is skipped), turned round when reversed[s] is 1 (sum[s] - value: a
   * reverse-keyed item's low + high, which is 0 on a scale centred on zero, -2..2). Unanswered slots
   * leave `out` as it is. One call a row, for the survey audit's pass over a million rows.
   */
  copyRow(at: number, toItem: Int32Array, reversed: Uint8Array, sum: Int32Array, out: Int16Array, outAt: number): void {
    for (let s = 0; s < toItem.length; s++) {
      const k = toItem[s]!;
      const v = this.values[at + s]!;
      if (k < 0 || v === MISSING) continue;
      out[outAt + k] = reversed[s] === 1 ? sum[s]! - v : v;
    }
  }

  /** The sheet's items and bytes, to hand to another thread (src/ingest/parallel.ts). */
  packed(): { items: readonly string[]; values: Int8Array } {
    return { items: this.items, values: this.values.subarray(0, this.rows * this.items.length) };
  }

  /** A sheet holding rows another thread's sheet packed (packed()): read only, nothing is added to it. */
  static holding(items: readonly string[], values: Int8Array): AnswerSheet {
    return new AnswerSheet(items, 0, values);
  }

  /** The value in a slot of the row starting at `at`, or undefined. */
  valueAt(at: number, slot: number): number | undefined {
    const v = this.values[at + slot]!;
    return v === MISSING ? undefined : v;
  }
}

/** One row of an AnswerSheet. */
export class PackedAnswers {
  constructor(
    readonly sheet: AnswerSheet,
    /** Where the row's slots start in the sheet. */
    readonly at: number,
  ) {}

  /** JSON.stringify writes the answers as their record. */
  toJSON(): Record<string, number> {
    return likertRecord(this);
  }
}

/** Calls `each` with every answer (item id, value): a packed row's in column order, a record's in its key order. */
export function forEachAnswer(likert: Likert, each: (item: string, value: number) => void): void {
  if (likert instanceof PackedAnswers) {
    const { sheet, at } = likert;
    for (let s = 0; s < sheet.items.length; s++) {
      const v = sheet.valueAt(at, s);
      if (v !== undefined) each(sheet.items[s]!, v);
    }
    return;
  }
  for (const id in likert) each(id, likert[id]!);
}

/** The answer to an item, or undefined. */
export function answerTo(likert: Likert, item: string): number | undefined {
  if (!(likert instanceof PackedAnswers)) return Object.hasOwn(likert, item) ? likert[item] : undefined;
  const slot = likert.sheet.items.indexOf(item);
  return slot < 0 ? undefined : likert.sheet.valueAt(likert.at, slot);
}

/** How many items are answered. */
export function answerCount(likert: Likert): number {
  let n = 0;
  forEachAnswer(likert, () => {
    n++;
  });
  return n;
}

/** Whether any item is answered (without counting them all). */
export function hasAnswers(likert: Likert): boolean {
  if (likert instanceof PackedAnswers) {
    for (let s = 0; s < likert.sheet.items.length; s++) if (likert.sheet.valueAt(likert.at, s) !== undefined) return true;
    return false;
  }
  for (const _ in likert) return true;
  return false;
}

/** The answers as a record with no prototype (src/records.ts). */
export function likertRecord(likert: Likert): Record<string, number> {
  if (!(likert instanceof PackedAnswers)) return recordFrom(Object.entries(likert));
  const out: Array<[string, number]> = [];
  forEachAnswer(likert, (item, value) => {
    out.push([item, value]);
  });
  return out.length === 0 ? record<number>() : recordFrom(out);
}
