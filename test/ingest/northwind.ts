/**
 * The Northwind fixtures (test/fixtures/exports, EXPECTED.md): every tool file
 * carries the same 30 answers. Helpers to read a tool file through readTable +
 * the format module, and to compare what it gives with the canonical files,
 * matched by name.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { loadConfig } from '../../src/ingest/config.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { detectFormat } from '../../src/ingest/formats/index.js';
import type { FormatModule } from '../../src/ingest/formats/types.js';
import { parseDelimited } from '../../src/ingest/parse.js';
import type { SurveyNormalised } from '../../src/ingest/plan/types.js';
import { readTable } from '../../src/ingest/table.js';
import type { Table } from '../../src/ingest/types.js';

import { EXPORTS } from '../helpers/read.js';

export { EXPORTS, REAL } from '../helpers/read.js';

function csv(file: string): Array<Record<string, string>> {
  const { records } = parseDelimited(readFileSync(join(EXPORTS, file), 'utf8'), { delimiter: ',', path: file });
  const [header, ...rows] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

export const canonical = {
  likert: csv('northwind-canonical.csv'),
  rankings: csv('northwind-rankings-long.csv'),
  respondents: csv('northwind-respondents.csv'),
  channels: csv('northwind-channels-long.csv'),
};

export interface Read {
  table: Table;
  module: FormatModule;
  normalised: SurveyNormalised;
}

/** readTable + detectFormat + normalise, as align does. */
export async function readExport(
  file: string,
  options: { config?: AlignConfig | string; skipInvalid?: boolean; rankingQuestion?: string } = {},
): Promise<Read> {
  const path = file.startsWith('/') ? file : join(EXPORTS, file);
  const table = await readTable(path);
  const { module } = detectFormat(table);
  const config = typeof options.config === 'string' ? await loadConfig(join(EXPORTS, options.config)) : (options.config ?? {});
  const normalised = module.normalise(table, {
    config,
    skipInvalid: options.skipInvalid ?? false,
    ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}),
  }) as SurveyNormalised;
  return { table, module, normalised };
}

/** Reads a table from text, for tests that change a fixture. */
export function tableOf(path: string, text: string, delimiter = ','): Table {
  const { records, lines } = parseDelimited(text, { delimiter, path });
  const kept = records.map((r, i) => ({ r, line: lines[i]! })).filter(({ r }) => !(r.length === 1 && r[0]!.trim() === ''));
  return { path, encoding: 'utf-8', bom: false, delimiter, records: kept.map((k) => k.r), lines: kept.map((k) => k.line) };
}

const sorted = (xs: string[]) => [...xs].sort();

/**
 * The acceptance of EXPECTED.md for one tool file: 30 respondents with the
 * canonical names (accents intact), roles and departments; exactly the 179
 * (respondent, item, value) and 240 (respondent, priority, rank) triples.
 */
export function expectCanonical(normalised: SurveyNormalised): void {
  const rows = normalised.rows.filter((r) => r.exclude === null);
  expect(normalised.excluded).toEqual([]);
  expect(rows).toHaveLength(30);

  const people = new Map(canonical.respondents.map((p) => [p.name!, p]));
  expect(sorted(rows.map((r) => r.name ?? '(none)'))).toEqual(sorted([...people.keys()]));
  for (const row of rows) {
    const person = people.get(row.name!)!;
    expect({ name: row.name, role: row.role, department: row.department }).toEqual({
      name: person.name,
      role: person.role,
      department: person.department,
    });
  }

  const textOf = new Map(normalised.items.map((i) => [i.id, i.text]));
  const likert = rows.flatMap((r) => Object.entries(likertRecord(r.likert)).map(([id, v]) => `${r.name}|${textOf.get(id)}|${v}`));
  expect(likert).toHaveLength(179);
  expect(sorted(likert)).toEqual(sorted(canonical.likert.map((c) => `${c.name}|${c.item}|${c.value}`)));

  const ranks = rows.flatMap((r) => r.stack.map((e) => `${r.name}|${e.priority}|${e.rank}`));
  expect(ranks).toHaveLength(240);
  expect(sorted(ranks)).toEqual(sorted(canonical.rankings.map((c) => `${c.name}|${c.priority}|${c.rank}`)));
}

/** The 62 ticked options of northwind-channels-long.csv. */
export function expectChannels(normalised: SurveyNormalised): void {
  const got = normalised.rows.flatMap((r) =>
    Object.values(r.choices ?? {})
      .flat()
      .map((c) => `${r.name}|${c}`),
  );
  expect(sorted(got)).toEqual(sorted(canonical.channels.map((c) => `${c.name}|${c.channel}`)));
}

/** Each row's submit time is the canonical submitted_utc. */
export function expectSubmitted(normalised: SurveyNormalised): void {
  const utc = new Map(canonical.respondents.map((p) => [p.name!, Date.parse(`${p.submitted_utc!.replace(' ', 'T')}Z`)]));
  for (const row of normalised.rows) expect(row.submitted, row.name ?? '').toBe(utc.get(row.name!));
}

/** Each row's tool id is the person's id in that tool (`column` of northwind-respondents.csv). */
export function expectToolIds(normalised: SurveyNormalised, column: string): void {
  const ids = new Map(canonical.respondents.map((p) => [p.name!, p[column]!]));
  for (const row of normalised.rows) expect(row.toolId, row.name ?? '').toBe(ids.get(row.name!));
}
