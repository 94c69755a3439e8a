/**
 * `align audit <responses…>`: one report from one audit's files, to standard
 * output or atomically to -o.
 */
import { join } from 'node:path';
import type { AuditResult } from '../audit/types.js';
import type { Io } from './io.js';
import { loadAudit, requireRespondents } from './load.js';
import { parseFormat, type ReadingFlags } from './options.js';
import { writeAtomic, writeStdout } from './output.js';

export interface AuditCommandOptions extends ReadingFlags {
  files: string[];
  format: string;
  output?: string;
  force?: boolean;
  template?: string;
}

export async function auditCommand(options: AuditCommandOptions, io: Io): Promise<AuditResult> {
  const format = parseFormat(options.format);
  const result = await loadAudit(options.files, options, io);
  requireRespondents(result, options.files);
  let text: string;
  const { renderJson, renderMarkdown } = await import('../render/markdown.js');
  text = format === 'json' ? renderJson(result) : renderMarkdown(result, options.template ? { templateDir: options.template } : {});
  if (options.output !== undefined && options.output !== '-') {
    // Everything read is an input, never overwritten: responses, --rankings, and the config (named or ./align.yml).
    const inputs = [...options.files, ...(options.rankings !== undefined ? [options.rankings] : []), options.config ?? join(io.cwd, 'align.yml')];
    // The --template folder is read too: a report written into it could replace a template.
    await writeAtomic(options.output, text, {
      force: Boolean(options.force),
      inputs,
      inputFolders: options.template !== undefined ? [options.template] : [],
      stdoutAlternative: true,
    });
    io.stderr.write(`align: wrote ${options.output}\n`);
  } else {
    await writeStdout(io.stdout, text);
  }
  return result;
}
