import type { AlignConfig, ColumnOverride } from '../config-types.js';
import { looseKey, splitCode } from './header.js';
import type { ExportColumn } from './types.js';

// align.yml: code books and column overrides

export type Book = ReadonlyMap<string, string>;

export function books(config: AlignConfig): Map<string, Book> {
  const out = new Map<string, Book>();
  for (const [key, codes] of Object.entries(config.codebooks ?? {})) {
    const map = new Map<string, string>();
    for (const [code, label] of Object.entries(codes)) map.set(code.trim().toLowerCase(), label);
    out.set(looseKey(key), map);
  }
  return out;
}

export function namesOf(column: ExportColumn): { own: string[]; group: string[] } {
  const own = [column.header, column.code].filter((s): s is string => !!s);
  const group: string[] = [];
  const split = column.code ? splitCode(column.code) : null;
  if (split) group.push(split.question);
  if (column.sub !== null) group.push(column.question);
  return { own, group };
}

/** The code book for a column's cells: by header or code, else by its question or question code. */
export function bookFor(column: ExportColumn, all: Map<string, Book>): Book | null {
  const { own, group } = namesOf(column);
  for (const name of [...own, ...group]) {
    const book = all.get(looseKey(name));
    if (book) return book;
  }
  return null;
}

/** A cell through a code book: the label for a code; a list of codes ("1,3") becomes a list of labels. */
export function decodeCell(cell: string, book: Book | null): string {
  if (!book) return cell;
  const t = cell.trim();
  if (t === '') return cell;
  const whole = book.get(t.toLowerCase());
  if (whole !== undefined) return whole;
  const parts = t.split(/\s*[,;|]\s*/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => book.has(p.toLowerCase()))) return parts.map((p) => book.get(p.toLowerCase())!).join('; ');
  return cell;
}

export interface Override {
  key: string;
  spec: ColumnOverride;
}

export function overrides(config: AlignConfig): Map<string, Override> {
  const out = new Map<string, Override>();
  for (const [key, value] of Object.entries(config.columns ?? {})) {
    const spec: ColumnOverride = typeof value === 'string' ? { role: value } : value;
    out.set(looseKey(key), { key, spec });
  }
  return out;
}

export function overrideFor(column: ExportColumn, all: Map<string, Override>): Override | null {
  const { own, group } = namesOf(column);
  // The column's own names, then its statement alone (a grid row, as a one-column question's
  // header names it in another tool's layout), then its question.
  for (const name of [...own, ...(column.sub !== null ? [column.sub] : [])]) {
    const o = all.get(looseKey(name));
    if (o) return o;
  }
  for (const name of group) {
    const o = all.get(looseKey(name));
    if (o) return o;
  }
  return null;
}

// ---------------------------------------------------------------------------

export function dimensionOf(config: AlignConfig, names: ReadonlyArray<string | null>): string | null {
  const keys = new Set(names.filter((n): n is string => !!n).map(looseKey));
  for (const [dimension, members] of Object.entries(config.dimensions ?? {})) {
    if (members.some((m) => keys.has(looseKey(m)))) return dimension;
  }
  return null;
}

/** The level of alignment align.yml `levels` gives an item (by its id, text, header or code), or null. */
export function levelOf(config: AlignConfig, names: ReadonlyArray<string | null>): 'strategic' | 'communication' | 'decision' | null {
  const keys = new Set(names.filter((n): n is string => !!n).map(looseKey));
  for (const level of ['strategic', 'communication', 'decision'] as const) {
    if ((config.levels?.[level] ?? []).some((m) => keys.has(looseKey(m)))) return level;
  }
  return null;
}

/** True when one of `names` (an item's id, text, header or code) is in an align.yml list such as `reverse`. */
export function namedIn(list: readonly string[] | undefined, names: ReadonlyArray<string | null>): boolean {
  if (!list || list.length === 0) return false;
  const keys = new Set(names.filter((n): n is string => !!n).map(looseKey));
  return list.some((m) => keys.has(looseKey(m)));
}
