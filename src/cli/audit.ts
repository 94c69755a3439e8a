/**
 * `align audit <responses…>`: one report from one audit's files, to standard
 * output or atomically to -o.
 */
import { join } from 'node:path';
import type { AuditResult } from '../audit/types.js';
import type { Io } from './io.js';
import { loadAudit, loadConfigFor, requireRespondents } from './load.js';
import { parseFormat, type ReadingFlags } from './options.js';
import { writeAtomic, writeStdout } from './output.js';
import { type MetaFlags, resolveReportMeta } from './report-meta.js';

export interface AuditCommandOptions extends ReadingFlags, MetaFlags {
  files: string[];
  format: string;
  output?: string;
  force?: boolean;
  template?: string;
}

export async function auditCommand(options: AuditCommandOptions, io: Io): Promise<AuditResult> {
  const format = parseFormat(options.format);
  const config = await loadConfigFor(options, io);
  // The cover's details, flags over align.yml; the logo is read (and checked) only for a format that shows it.
  const { meta, files: metaFiles } = await resolveReportMeta(options, config.config, config.path, io, format === 'html');
  const result = await loadAudit(options.files, options, io, { config });
  requireRespondents(result, options.files);
  const templates = options.template ? { templateDir: options.template } : {};
  let text: string;
  if (format === 'html') {
    // Loaded only for HTML: it brings the charts, which `align --help` and the Markdown report never need.
    const { renderHtml } = await import('../render/html.js');
    text = await renderHtml(result, { ...templates, meta });
  } else {
    const { renderJson, renderMarkdown } = await import('../render/markdown.js');
    text = format === 'json' ? renderJson(result) : renderMarkdown(result, { ...templates, meta });
  }
  if (options.output !== undefined && options.output !== '-') {
    // Everything read is an input, never overwritten: responses, --rankings, and the config (named or ./align.yml).
    const inputs = [...options.files, ...(options.rankings !== undefined ? [options.rankings] : []), options.config ?? join(io.cwd, 'align.yml'), ...metaFiles];
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
