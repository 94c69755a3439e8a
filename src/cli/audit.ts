/**
 * `align audit <responses…>`: one report from one audit's files, to standard
 * output or atomically to -o.
 */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { AuditResult } from '../audit/types.js';
import type { Io } from './io.js';
import { loadAudit, requireRespondents } from './load.js';
import type { ReadingFlags } from './options.js';
import { writeAtomic, writeStdout } from './output.js';

export interface AuditCommandOptions extends ReadingFlags {
  files: string[];
  format: string;
  output?: string;
  force?: boolean;
  template?: string;
}

const FORMATS = ['md', 'json'] as const;

export async function auditCommand(options: AuditCommandOptions, io: Io): Promise<AuditResult> {
  const format = options.format.toLowerCase().replace(/^markdown$/, 'md');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${options.format} is not available yet; use one of ${FORMATS.join(', ')}`);
  }
  const result = await loadAudit(options.files, options, io);
  requireRespondents(result, options.files);
  let text: string;
  const { renderJson, renderMarkdown } = await import('../render/markdown.js');
  text = format === 'json' ? renderJson(result) : renderMarkdown(result, options.template ? { templateDir: options.template } : {});
  if (options.output !== undefined && options.output !== '-') {
    // Everything read is an input, never overwritten: responses, --rankings, and the config (named or ./align.yml).
    const inputs = [
      ...options.files,
      ...(options.rankings !== undefined ? [options.rankings] : []),
      options.config ?? join(io.cwd, 'align.yml'),
    ];
    await writeAtomic(options.output, text, { force: Boolean(options.force), inputs });
    io.stderr.write(`align: wrote ${options.output}\n`);
  } else {
    await writeStdout(io.stdout, text);
  }
  return result;
}
