/** Types for plain-wide.mjs (a plain script, so that `npm run bench` runs it without a build). */
export const PRIORITIES: string[];
export const DEPARTMENTS: string[];
export const PLAIN_WIDE_1K: { rows: number; seed: number; items: number; departments: number; executives: number };
export interface PlainWidePerson {
  id: string;
  name: string;
  role: string;
  department: string;
  likert: Array<number | null>;
  ranks: Record<string, number>;
}
export interface PlainWideOptions {
  rows: number;
  seed?: number;
  items?: number;
  departments?: number;
  executives?: number;
  blankShare?: number;
}
export function plainWideRows(options: PlainWideOptions): { header: string[]; rows: Generator<{ person: PlainWidePerson; line: string }> };
export function writePlainWide(path: string, options: PlainWideOptions): { bytes: number; rows: number };
export function plainWide(options: { rows: number; seed?: number; items?: number; departments?: number; executives?: number; blankShare?: number }): {
  csv: string;
  people: PlainWidePerson[];
  header: string[];
};
