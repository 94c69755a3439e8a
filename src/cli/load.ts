/**
 * Read (I/O) then assemble (pure): the one path from files on disk to an
 * AuditResult that `stack` and `audit` share.
 */

import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAudit } from '../audit/audit.js';
import type { AuditResult } from '../audit/types.js';
import { InputError, UsageError } from '../errors.js';
import type { AlignConfig } from '../ingest/config-types.js';
import { type ReadOptions, readDataset } from '../ingest/dataset.js';
import { encodingFromOption } from '../ingest/decode.js';
import { timed } from '../phases.js';
import type { Io } from './io.js';
import type { ReadingFlags } from './options.js';
import { sameFile } from './output.js';
import type { Progress } from './progress.js';
import { version } from './version.js';

export async function loadConfigFor(flags: { config?: string }, io: Io): Promise<{ config: AlignConfig; path: string | null }> {
  // the config reader (yaml and zod: some 80 ms of start-up) is loaded only when there is an align.yml to read
  const loadConfig = async (path: string) => (await import('../ingest/config.js')).loadConfig(path);
  if (flags.config) return { config: await loadConfig(flags.config), path: flags.config };
  const implicit = join(io.cwd, 'align.yml');
  if (existsSync(implicit)) return { config: await loadConfig(implicit), path: implicit };
  return { config: {}, path: null };
}

/** The same file named twice would make every row a duplicate of itself: say so instead. */
function distinctPaths(files: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const f of files) {
    let real: string;
    try {
      real = realpathSync(f);
    } catch {
      real = resolve(f); // a missing file is reported by the reader, with its name
    }
    const before = seen.get(real);
    if (before !== undefined) throw new UsageError(`${f} is given twice${before !== f ? ` (also as ${before})` : ''}; name each file once`);
    seen.set(real, f);
  }
  return [...files];
}

export interface LoadOptions {
  /**
   * 'lenient' for commands that never use Likert answers (align stack): an
   * unknown label is a note, not a stop. The audit reads them strictly.
   */
  likert?: 'strict' | 'lenient';
  /** align.yml as loadConfigFor read it, when the command needed it first (audit reads the cover's keys). */
  config?: { config: AlignConfig; path: string | null };
  /** The progress bar (src/cli/progress.ts): told how far reading has gone, then that the analysis has begun. */
  progress?: Progress;
}

/**
 * The reading flags resolved against align.yml, once: a flag wins over the
 * config's key. Only the result travels into the ingest room.
 */
export function readingOptions(
  flags: Pick<ReadingFlags, 'encoding' | 'delimiter' | 'sheet' | 'rankingQuestion' | 'skipInvalid'>,
  config: AlignConfig,
  load: LoadOptions = {},
): ReadOptions {
  const rankingQuestion = flags.rankingQuestion ?? config.rankingQuestion;
  return {
    ...(load.likert ? { likert: load.likert } : {}),
    config,
    skipInvalid: Boolean(flags.skipInvalid),
    ...(flags.encoding ? { encoding: encodingFromOption(flags.encoding) } : {}),
    ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    ...(rankingQuestion ? { rankingQuestion } : {}),
  };
}

export async function loadAudit(files: string[], flags: ReadingFlags, io: Io, load: LoadOptions = {}): Promise<AuditResult> {
  const { config } = load.config ?? (await loadConfigFor(flags, io));
  const paths = distinctPaths(files);
  const readOptions = readingOptions(flags, config, load);
  const progress = load.progress;
  let dataset = await readDataset(paths, progress ? { ...readOptions, progress: (done, total) => progress.update(done, total, 'reading') } : readOptions);
  if (flags.rankings !== undefined) {
    if (paths.some((p) => sameFile(p, flags.rankings!)))
      throw new UsageError(`${flags.rankings} is given both as a response file and as --rankings; name it once`);
    const { joinRankings } = await import('../ingest/join.js');
    // The stacks file's own ranking question is found in it: the survey's does not apply.
    const { rankingQuestion: _survey, ...stacksOptions } = readOptions;
    const stacksProgress = progress ? { progress: (done: number, total: number) => progress.update(done, total, 'reading --rankings') } : {};
    dataset = joinRankings(dataset, await readDataset([flags.rankings], { ...stacksOptions, ...stacksProgress }));
  }
  progress?.update(0, 0, 'analysing');
  return timed('statistics', () =>
    buildAudit(dataset, {
      version: version(),
      ...(config.title ? { title: config.title } : {}),
      ...(config.commentMinGroup !== undefined ? { commentMinGroup: config.commentMinGroup } : {}),
      configDimensions: config.dimensions !== undefined,
      ...(config.official !== undefined ? { official: config.official } : {}),
      ...(config.priorities?.aliases !== undefined ? { aliases: config.priorities.aliases } : {}),
      ...(config.ownership?.contestedShare !== undefined ? { contestedShare: config.ownership.contestedShare } : {}),
      ...(config.quality?.exclude !== undefined ? { excludeQuality: config.quality.exclude } : {}),
      leaders: flags.leaders ?? config.leaders,
      minGroup: flags.minGroup ?? config.minGroup,
      ...(flags.rboP !== undefined ? { rboP: flags.rboP } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      ...(flags.permutations !== undefined ? { permutations: flags.permutations } : {}),
    }),
  );
}

/** A run with no usable respondent makes no report and no view: say why, with exit 2. */
export function requireRespondents(result: AuditResult, files: readonly string[]): void {
  if (result.input.respondents > 0) return;
  const rows = result.input.files.reduce((n, f) => n + f.rows, 0);
  const reasons = [...new Set(result.input.excluded.map((e) => e.reason))].slice(0, 3);
  throw new InputError(
    files.join(', '),
    null,
    null,
    rows === 0 ? 'has no data rows, only a header' : `none of the ${rows} data rows can be used (${reasons.join('; ')})`,
    'run align inspect on the file to see how its columns were read',
  );
}
