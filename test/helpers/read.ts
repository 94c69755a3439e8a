/**
 * Reading test files: the fixture folders, a failure expected as an
 * InputError, and a text written to a temporary file and read as align does.
 * Shared so that every ingest test reads the way readDataset does.
 */

import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { parseConfig } from '../../src/ingest/config.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { readDataset } from '../../src/ingest/dataset.js';
import type { Dataset } from '../../src/ingest/types.js';

export const EXPORTS = fileURLToPath(new URL('../fixtures/exports', import.meta.url));
export const RANKINGS = fileURLToPath(new URL('../fixtures/rankings', import.meta.url));
export const UGLY = fileURLToPath(new URL('../fixtures/ugly', import.meta.url));
/** The real public samples stay in ../shared (not copied); tests using them skip when it is absent. */
export const REAL = fileURLToPath(new URL('../../../shared/fixtures/exports/real', import.meta.url));

/** The InputError a read throws; fails the test when it throws nothing or something else. */
export async function inputError(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

export interface ReadTextOptions {
  config?: AlignConfig;
  skipInvalid?: boolean;
  rankingQuestion?: string;
}

/** Writes `text` as `name` in the temporary folder and reads it through readDataset. */
export function readText(folder: { write(name: string, text: string): string }, name: string, text: string, options: ReadTextOptions = {}): Promise<Dataset> {
  return readDataset([folder.write(name, text)], {
    config: options.config ?? {},
    skipInvalid: options.skipInvalid ?? false,
    ...(options.rankingQuestion ? { rankingQuestion: options.rankingQuestion } : {}),
  });
}

/** Fisher-Yates with a seeded generator: a repeatable shuffle, for tests of what order must not change. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The InputError align.yml text `source` stops with (the test fails when it parses). */
export function configError(source: string): InputError {
  try {
    parseConfig(source, 'align.yml');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e;
  }
  throw new Error('expected align.yml to be refused');
}

/**
 * A long-format stacks file in which Ada submits twice (first at `a`, then at `b`) around Ben's one
 * submission: the fixture for which submission of a respondent is the later one, when submit times
 * may be read day first or month first.
 */
export function longStacksSubmittedTwice(a: string, b: string): string {
  return [
    'respondent,role,department,submitted,priority,rank',
    `Ada,Executive,Sales,${a},Growth,1`,
    `Ada,Executive,Sales,${a},Cost,2`,
    'Ben,Executive,Ops,01/03/2026 09:05,Cost,1',
    'Ben,Executive,Ops,01/03/2026 09:05,Growth,2',
    `Ada,Executive,Sales,${b},Cost,1`,
    `Ada,Executive,Sales,${b},Growth,2`,
  ].join('\n');
}
