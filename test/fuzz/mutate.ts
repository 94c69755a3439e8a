/**
 * Seeded mutations of survey exports, for fuzzing the reader: each takes the bytes of a
 * file and a mulberry32 generator (src/stats/random.ts) and returns damaged bytes, the
 * kinds of damage real files carry (a truncated download, a stray quote, a NUL from a
 * broken export, Latin-1 bytes pasted into UTF-8, a UTF-16 fragment, CR-only line ends
 * from an old Mac, a BOM where two files were concatenated) and the hostile ones
 * (random bytes, huge headers, `__proto__` as a header or a value). The same seed gives
 * the same bytes, so a failing case is reproduced from its label.
 */
import { randomIndex } from '../../src/stats/random.js';

export type Random = () => number;

export interface Mutation {
  name: string;
  apply(bytes: Buffer, random: Random): Buffer;
}

const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then'];
const WORDS = ['Zürich', 'Ökonomie', 'naïve', 'façade', '日本', 'Agree', 'Strongly disagree', '1st', 'Rank 1'];

const pick = <T>(list: readonly T[], random: Random): T => list[randomIndex(random, list.length)] as T;
const offset = (bytes: Buffer, random: Random) => randomIndex(random, bytes.length + 1);
const insertAt = (bytes: Buffer, at: number, piece: Buffer) => Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);

function randomBytes(length: number, random: Random): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = randomIndex(random, 256);
  return out;
}

/** Start offsets of the lines (after each \n), the first line included. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

/** The lines split on \n (keeping \r); joined back with \n. */
const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n');
const join = (parts: string[]) => Buffer.from(parts.join('\n'), 'latin1');

/** The header's cells (comma, semicolon or tab, whichever the first line has most of). */
function splitHeader(line: string): { cells: string[]; delimiter: string } {
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: line.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  return { cells: line.split(delimiter), delimiter };
}

export const MUTATIONS: Mutation[] = [
  { name: 'truncate', apply: (b, r) => b.subarray(0, offset(b, r)) },
  { name: 'stray-quote', apply: (b, r) => insertAt(b, offset(b, r), Buffer.from('"')) },
  {
    name: 'nul-bytes',
    apply: (b, r) => {
      let out = b;
      for (let i = 1 + randomIndex(r, 3); i > 0; i--) out = insertAt(out, offset(out, r), Buffer.alloc(1 + randomIndex(r, 2)));
      return out;
    },
  },
  {
    name: 'latin1-bytes',
    apply: (b, r) => {
      let out = b;
      for (let i = 1 + randomIndex(r, 4); i > 0; i--) out = insertAt(out, offset(out, r), Buffer.from([0x80 + randomIndex(r, 128)]));
      return out;
    },
  },
  { name: 'utf16-fragment', apply: (b, r) => insertAt(b, offset(b, r), Buffer.from(pick(WORDS, r), pick(['utf16le', 'ucs2'] as const, r))) },
  {
    name: 'whole-file-utf16le-cut-odd',
    apply: (b, r) => {
      const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]);
      const cut = offset(wide, r) | 1;
      return wide.subarray(0, Math.min(cut, wide.length));
    },
  },
  {
    name: 'random-bytes-after-header',
    apply: (b, r) => {
      const end = b.indexOf(0x0a);
      return Buffer.concat([b.subarray(0, end < 0 ? b.length : end + 1), randomBytes(randomIndex(r, 4000), r)]);
    },
  },
  { name: 'cr-only', apply: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1') },
  {
    name: 'bom-in-the-middle',
    apply: (b, r) => {
      const starts = lineStarts(b);
      const at = r() < 0.7 ? pick(starts, r) : offset(b, r);
      return insertAt(b, at, Buffer.from([0xef, 0xbb, 0xbf]));
    },
  },
  {
    name: 'long-header-name',
    apply: (b, r) => {
      const all = lines(b);
      const { cells, delimiter } = splitHeader(all[0] ?? '');
      const length = pick([300, 5_000, 99_999, 100_001, 250_000], r);
      cells[randomIndex(r, cells.length)] = pick(['H', 'Rank: ', 'Q'], r).padEnd(length, 'x');
      all[0] = cells.join(delimiter);
      return join(all);
    },
  },
  {
    name: 'prototype-names',
    apply: (b, r) => {
      const all = lines(b);
      for (let i = 0; i < all.length; i++) {
        const { cells, delimiter } = splitHeader(all[i] ?? '');
        const times = i === 0 ? 1 + randomIndex(r, 3) : r() < 0.3 ? 1 : 0;
        for (let t = 0; t < times; t++) cells[randomIndex(r, cells.length)] = pick(PROTO_NAMES, r);
        all[i] = cells.join(delimiter);
      }
      return join(all);
    },
  },
  {
    name: 'duplicate-header-cell',
    apply: (b, r) => {
      const all = lines(b);
      const { cells, delimiter } = splitHeader(all[0] ?? '');
      cells[randomIndex(r, cells.length)] = cells[randomIndex(r, cells.length)] ?? '';
      all[0] = cells.join(delimiter);
      return join(all);
    },
  },
  {
    name: 'blank-cells',
    apply: (b, r) => {
      const all = lines(b);
      for (let i = 1; i < all.length; i++) {
        if (r() > 0.3) continue;
        const { cells, delimiter } = splitHeader(all[i] ?? '');
        cells[randomIndex(r, cells.length)] = '';
        all[i] = cells.join(delimiter);
      }
      return join(all);
    },
  },
  {
    name: 'drop-or-repeat-line',
    apply: (b, r) => {
      const all = lines(b);
      const i = randomIndex(r, all.length);
      if (r() < 0.5) all.splice(i, 1);
      else all.splice(i, 0, all[i] ?? '');
      return join(all);
    },
  },
  {
    name: 'ragged-row',
    apply: (b, r) => {
      const all = lines(b);
      const i = 1 + randomIndex(r, Math.max(1, all.length - 1));
      const { cells, delimiter } = splitHeader(all[i] ?? '');
      if (r() < 0.5) cells.splice(randomIndex(r, cells.length), 1 + randomIndex(r, 3));
      else cells.push(...Array.from({ length: 1 + randomIndex(r, 5) }, () => pick(WORDS, r)));
      all[i] = cells.join(delimiter);
      return join(all);
    },
  },
  {
    name: 'swap-delimiter',
    apply: (b, r) => {
      const [from, to] = pick(
        [
          [',', ';'],
          [',', '\t'],
          [';', ','],
          [',', '|'],
        ] as const,
        r,
      );
      return Buffer.from(b.toString('latin1').split(from).join(to), 'latin1');
    },
  },
  {
    name: 'flip-bits',
    apply: (b, r) => {
      const out = Buffer.from(b);
      for (let i = 1 + randomIndex(r, 8); i > 0 && out.length > 0; i--) {
        const at = randomIndex(r, out.length);
        out[at] = (out[at] as number) ^ (1 << randomIndex(r, 8));
      }
      return out;
    },
  },
  {
    name: 'delete-span',
    apply: (b, r) => {
      const at = offset(b, r);
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + randomIndex(r, 200)))]);
    },
  },
];

/** 1 to 3 mutations chosen and applied with `random`; returns the bytes and what was done. */
export function mutate(bytes: Buffer, random: Random): { bytes: Buffer; applied: string[] } {
  let out = bytes;
  const applied: string[] = [];
  for (let i = 1 + randomIndex(random, 3); i > 0; i--) {
    const m = pick(MUTATIONS, random);
    out = m.apply(out, random);
    applied.push(m.name);
  }
  return { bytes: out, applied };
}
