/**
 * `align stack <rankings.csv>`: the workshop view of the leaders' stacks, or
 * with --json the AuditResult restricted to what a stacks file gives.
 */
import type { AuditResult } from '../audit/types.js';
import { InputError } from '../errors.js';
import { type AnyLanguage, readerLanguage } from '../i18n/languages.js';
import type { Io } from './io.js';
import { colorLevel, useColor } from './io.js';
import { loadAudit, loadConfigFor, requireRespondents } from './load.js';
import type { ReadingFlags } from './options.js';
import { writeStdout } from './output.js';
import { createProgress } from './progress.js';

export interface StackOptions extends ReadingFlags {
  file: string;
  json?: boolean;
}

/** The AuditResult paths `align stack --json` prints (ARCHITECTURE.md, "The JSON contract"). */
export function stackJson(result: AuditResult): Pick<AuditResult, 'schemaVersion' | 'input' | 'stack' | 'cascade'> & { stackReason?: string } {
  return {
    schemaVersion: result.schemaVersion,
    input: result.input,
    stack: result.stack,
    ...(result.stackReason ? { stackReason: result.stackReason } : {}),
    cascade: result.cascade,
  };
}

export async function stackCommand(options: StackOptions, io: Io): Promise<AuditResult> {
  const { result, lang } = await loadStack(options, io);
  if (options.json) {
    await writeStdout(io.stdout, `${JSON.stringify(stackJson(result), null, 2)}\n`);
    return result;
  }
  const [{ renderStackTerminal }, { withLanguage }] = await Promise.all([import('../render/terminal-stack.js'), import('../i18n/index.js')]);
  const text = withLanguage(lang, () =>
    renderStackTerminal(result, { color: useColor(io, options.color), colorLevel: colorLevel(io), width: io.stdout.columns ?? 100 }),
  );
  await writeStdout(io.stdout, text.endsWith('\n') ? text : `${text}\n`);
  return result;
}

/** The stacks file read and compared, or exit 2 when it holds no stacks to compare (shared with the reveal, align collect). */
export async function loadStack(
  options: StackOptions,
  io: Io,
): Promise<{ result: AuditResult & { stack: NonNullable<AuditResult['stack']> }; lang: AnyLanguage }> {
  // The workshop view never uses Likert answers, so a label align does not know is a note, not a stop.
  // The progress bar is erased before the view, the JSON or an error is printed.
  const progress = createProgress(io, { quiet: Boolean(options.quiet) });
  let result: AuditResult;
  let config: Awaited<ReturnType<typeof loadConfigFor>>;
  try {
    config = await loadConfigFor(options, io);
    result = await loadAudit([options.file], options, io, { config, likert: 'lenient', progress });
  } finally {
    progress.done();
  }
  if (result.stack === null) {
    // a file with a header and nothing under it: say that, not that a ranking is missing
    if (result.input.files.every((f) => f.rows === 0)) requireRespondents(result, [options.file]);
    throw new InputError(
      options.file,
      null,
      null,
      `no priority stacks to compare: ${result.stackReason ?? 'no leader ranked any priority'}`,
      'run align inspect on the file to see how its columns were read; name the ranking question with --ranking-question "<header>" or map its columns in align.yml',
    );
  }
  return { result: result as AuditResult & { stack: NonNullable<AuditResult['stack']> }, lang: readerLanguage(options.lang, config.config) };
}
