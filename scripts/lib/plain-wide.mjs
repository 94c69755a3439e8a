// The plain wide table people-analytics teams export: respondent_id, name,
// role, department, Q1..Q<items> holding whole numbers 1..5, then one column
// `Rank: <priority>` per priority holding a full ranking 1..N. Seeded and
// deterministic: the same options give the same bytes. Used by the tests
// (column reading, survey statistics) and by `npm run bench`.
//
//   plainWide({ rows: 1000, seed: 7 }) -> { csv, people }
//   people[i] = { id, name, role, department, likert: [..items], ranks: {priority: rank} }
//   writePlainWide(path, { rows: 1_000_000 }) -> { bytes, rows }: the same bytes, written
//   to a file without holding the table (the bench's 1M-respondent export)

import { closeSync, openSync, writeSync } from 'node:fs';

export const PRIORITIES = [
  'Grow recurring revenue',
  'Cut operating costs',
  'Launch the new platform',
  'Enter two new markets',
  'Improve customer retention',
  'Modernise the data stack',
  'Hire and keep engineers',
  'Reduce carbon footprint',
  'Improve product quality',
  'Strengthen security',
];

export const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Finance',
  'Engineering',
  'Product',
  'Operations',
  'People',
  'Legal',
  'Customer Success',
  'Data',
  'Security',
  'Facilities',
];

const ROLES = ['Manager', 'Director', 'Individual Contributor'];
const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Nils', 'Olu', 'Priya'];
const LAST = [
  'Adams',
  'Berg',
  'Costa',
  'Diaz',
  'Ekström',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Mensah',
  'Novak',
  'Okafor',
  'Park',
];

/** The committed 1k table (test/fixtures/plain-wide-1k.csv, written by scripts/write-plain-wide.mjs). */
export const PLAIN_WIDE_1K = { rows: 1000, seed: 20261129, items: 40, departments: 12, executives: 12 };

// mulberry32, as src/stats/random.ts (copied so the scripts run without a build)
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The table row by row, without holding it: the header, then one { person, line } per
 * respondent (`line` without its line end). plainWide and writePlainWide both read it, so the
 * same options give the same bytes whether the table is built in memory or written to a file.
 * @param {{rows: number, seed?: number, items?: number, departments?: number, executives?: number, blankShare?: number}} options
 */
export function plainWideRows(options) {
  const { rows, seed = 20261129, items = 40, departments = 12, executives = 12, blankShare = 0.02 } = options;
  const random = seededRandom(seed);
  const depts = DEPARTMENTS.slice(0, departments);
  const header = [
    'respondent_id',
    'name',
    'role',
    'department',
    ...Array.from({ length: items }, (_, i) => `Q${i + 1}`),
    ...PRIORITIES.map((p) => `Rank: ${p}`),
  ];
  // each department leans on its own items and priorities, so groups differ
  const lean = depts.map(() => Array.from({ length: items }, () => random() * 1.6 - 0.8));
  const favourite = depts.map(() => shuffled(PRIORITIES, random));
  function* generate() {
    for (let r = 0; r < rows; r++) {
      const executive = r < executives;
      const d = executive ? -1 : Math.floor(random() * depts.length);
      const department = executive ? 'Executive Office' : depts[d];
      const role = executive ? 'Executive' : ROLES[Math.floor(random() * ROLES.length)];
      const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      const id = `E${String(100000 + r)}`;
      const likert = [];
      for (let i = 0; i < items; i++) {
        if (random() < blankShare) {
          likert.push(null);
          continue;
        }
        const centre = 3.2 + (d >= 0 ? lean[d][i] : 0.6);
        const v = Math.round(centre + (random() + random() + random() - 1.5) * 1.6);
        likert.push(Math.min(5, Math.max(1, v)));
      }
      // the stack: the department's favourite order with a few adjacent swaps
      const order = d >= 0 ? [...favourite[d]] : shuffled(PRIORITIES, random);
      for (let s = 0; s < 3; s++) {
        const i = Math.floor(random() * (order.length - 1));
        [order[i], order[i + 1]] = [order[i + 1], order[i]];
      }
      const ranks = {};
      order.forEach((p, i) => {
        ranks[p] = i + 1;
      });
      const line = [id, name, role, department, ...likert.map((v) => (v === null ? '' : String(v))), ...PRIORITIES.map((p) => String(ranks[p]))].join(',');
      yield { person: { id, name, role, department, likert, ranks }, line };
    }
  }
  return { header, rows: generate() };
}

/**
 * @param {{rows: number, seed?: number, items?: number, departments?: number, executives?: number, blankShare?: number}} options
 */
export function plainWide(options) {
  const { header, rows } = plainWideRows(options);
  const lines = [header.join(',')];
  const people = [];
  for (const { person, line } of rows) {
    people.push(person);
    lines.push(line);
  }
  return { csv: `${lines.join('\n')}\n`, people, header };
}

/**
 * Writes plainWide(options).csv to `path` without keeping the people or the whole text
 * (a million rows is some 140 MB): the same bytes, in chunks of about 1 MB.
 * @param {string} path
 * @param {{rows: number, seed?: number, items?: number, departments?: number, executives?: number, blankShare?: number}} options
 * @returns {{bytes: number, rows: number}}
 */
export function writePlainWide(path, options) {
  const { header, rows } = plainWideRows(options);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let count = 0;
  let chunk = `${header.join(',')}\n`;
  const flush = () => {
    const buffer = Buffer.from(chunk, 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = '';
  };
  try {
    for (const { line } of rows) {
      chunk += `${line}\n`;
      count++;
      if (chunk.length >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { bytes, rows: count };
}
