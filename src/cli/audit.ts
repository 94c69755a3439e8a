/**
 * `align audit <responses…>`: one report from one audit's files, to standard
 * output or atomically to -o. `--format pdf` prints the HTML report with a
 * local Chromium (src/render/pdf.ts), loaded only for that format;
 * `--format csv --table <name>` writes one table of the result (src/render/csv.ts).
 */

import { join } from 'node:path';
import type { AuditDiff, AuditResult } from '../audit/types.js';
import { UsageError } from '../errors.js';
import { readerLanguage } from '../i18n/languages.js';
import { timedAsync } from '../phases.js';
import type { CsvTable } from '../render/csv.js';
import type { SinceModel } from '../render/since-model.js';
import type { Io } from './io.js';
import { loadAudit, loadConfigFor, requireRespondents } from './load.js';
import { type PaperFlag, parseFormat, type ReadingFlags, type ReportFormat } from './options.js';
import { checkTarget, type WriteOptions, writeAtomic, writeStdout } from './output.js';
import { createProgress, type Progress } from './progress.js';
import { type MetaFlags, resolveReportMeta } from './report-meta.js';

export interface AuditCommandOptions extends ReadingFlags, MetaFlags {
  files: string[];
  format: string;
  output?: string;
  force?: boolean;
  template?: string;
  /** --format pdf only: the paper size (default a4). */
  paper?: PaperFlag;
  /** --format pdf only: the Chromium executable (default: found on PATH). */
  chromium?: string;
  /** An earlier audit's JSON: the report adds "Since the last audit". */
  baseline?: string;
  /** --format csv only, and required there: which table to write. */
  table?: CsvTable;
}

/** --table goes with --format csv and only with it: one line saying which half is missing. */
function checkCsv(format: ReportFormat, options: AuditCommandOptions): void {
  if (format === 'csv' && options.table === undefined) {
    throw new UsageError('--format csv writes one table per run; add --table items, dimensions, stack, pairs or departments');
  }
  if (format !== 'csv' && options.table !== undefined) {
    throw new UsageError(`--table applies only to --format csv; add --format csv or leave --table out`);
  }
}

/**
 * The PDF's own rules, checked before any file is read or Chromium starts:
 * it is a file (-o), never binary on a terminal; --paper and --chromium mean
 * nothing for another format. Returns the Chromium to use.
 */
async function checkPdf(format: ReportFormat, options: AuditCommandOptions, io: Io): Promise<string | null> {
  if (options.baseline !== undefined && (format === 'json' || format === 'csv')) {
    throw new UsageError(
      '--baseline adds "Since the last audit" to the md, html and pdf reports; for the moves as data, use align diff <baseline.json> <audit.json> --json',
    );
  }
  // a logo is shown only on the HTML (and PDF) cover: given for another format, say so rather than ignore it
  if (options.logo !== undefined && format !== 'html' && format !== 'pdf') {
    throw new UsageError('--logo applies only to --format html or pdf (the Markdown and JSON reports carry no image); add --format html or leave it out');
  }
  if (format !== 'pdf') {
    const given = [options.paper !== undefined ? '--paper' : null, options.chromium !== undefined ? '--chromium' : null].filter((f) => f !== null);
    if (given.length > 0)
      throw new UsageError(
        `${given.join(' and ')} ${given.length > 1 ? 'apply' : 'applies'} only to --format pdf; add --format pdf or leave ${given.length > 1 ? 'them' : 'it'} out`,
      );
    return null;
  }
  if (options.output === undefined) {
    throw new UsageError('--format pdf writes a file: give -o report.pdf (or -o - to pipe the PDF into another program)');
  }
  if (options.output === '-' && io.stdout.isTTY) {
    throw new UsageError('--format pdf will not write a binary PDF to the terminal; give -o report.pdf, or pipe -o - into another program');
  }
  const { findChromium } = await import('../render/chromium.js');
  return findChromium(options.chromium, io.env, io.cwd);
}

export async function auditCommand(options: AuditCommandOptions, io: Io): Promise<AuditResult> {
  const format = parseFormat(options.format);
  checkCsv(format, options);
  const chromium = await checkPdf(format, options, io);
  const toFile = options.output !== undefined && options.output !== '-';
  const config = await loadConfigFor(options, io);
  // The cover's details, flags over align.yml; the logo is read (and checked) only for a format that shows it.
  const { meta, files: metaFiles } = await resolveReportMeta(options, config.config, config.path, io, format === 'html' || format === 'pdf');
  // Everything read is an input, never overwritten: responses, --rankings, the config (named or ./align.yml), the logo.
  // The --template folder is read too: a report written into it could replace a template.
  const write: WriteOptions = {
    force: Boolean(options.force),
    inputs: [
      ...options.files,
      ...(options.rankings !== undefined ? [options.rankings] : []),
      ...(options.baseline !== undefined ? [options.baseline] : []),
      options.config ?? join(io.cwd, 'align.yml'),
      ...metaFiles,
    ],
    inputFolders: options.template !== undefined ? [options.template] : [],
    stdoutAlternative: true,
  };
  // reading a large file and printing a PDF take seconds: refuse a target that cannot be written before starting (writeAtomic checks again)
  if (toFile) checkTarget(options.output as string, write);
  // The bar is erased before anything else is printed: the report, "wrote", or an error (main.ts prints it after this returns).
  const progress = createProgress(io, { quiet: Boolean(options.quiet) });
  try {
    const { result, content } = await auditContent(options, io, { format, chromium, config, meta, progress });
    progress.done();
    if (toFile) {
      await writeAtomic(options.output as string, content, write);
      if (!options.quiet) io.stderr.write(`align: wrote ${options.output}\n`);
    } else {
      await writeStdout(io.stdout, content);
    }
    return result;
  } finally {
    progress.done();
  }
}

/** Read, analyse and render: the part of a run the progress bar reports on. */
async function auditContent(
  options: AuditCommandOptions,
  io: Io,
  run: {
    format: ReportFormat;
    chromium: string | null;
    config: Awaited<ReturnType<typeof loadConfigFor>>;
    meta: Awaited<ReturnType<typeof resolveReportMeta>>['meta'];
    progress: Progress;
  },
): Promise<{ result: AuditResult; content: string | Uint8Array }> {
  const { format, chromium, config, meta, progress } = run;
  const result = await loadAudit(options.files, options, io, { config, progress });
  requireRespondents(result, options.files);
  progress.update(0, 0, 'rendering');
  // Since the last audit: the baseline read and compared only when given (the JSON output stays the AuditResult)
  let diff: { diff: AuditDiff; baseline: string } | null = null;
  if (options.baseline !== undefined) {
    const [{ readAuditResult }, { compareAudits }] = await Promise.all([import('./diff.js'), import('../audit/diff.js')]);
    const baseline = await readAuditResult(options.baseline, 'baseline');
    diff = { diff: compareAudits(baseline, result, { renamed: config.config.renamed ?? {} }), baseline: options.baseline };
  }
  // The reader's language (JSON and CSV are language-neutral).
  // JSON and CSV are data, language-neutral: byte for byte the same whatever --lang says (README)
  const lang = format === 'json' || format === 'csv' ? 'en' : readerLanguage(options.lang, config.config);
  const { withLanguage } = await import('../i18n/index.js');
  const content = await timedAsync('render', () =>
    withLanguage(lang, async () => {
      // "Since the last audit" is worded in the report's language too
      let since: { since: SinceModel } | Record<string, never> = {};
      if (diff !== null) {
        const { sinceModel } = await import('../render/since-model.js');
        since = { since: sinceModel(diff.diff, diff.baseline) };
      }
      return renderContent(result, options, { format, chromium, meta, progress, since });
    }),
  );
  return { result, content };
}

async function renderContent(
  result: AuditResult,
  options: AuditCommandOptions,
  run: {
    format: ReportFormat;
    chromium: string | null;
    meta: Awaited<ReturnType<typeof resolveReportMeta>>['meta'];
    progress: Progress;
    since: { since: SinceModel } | Record<string, never>;
  },
): Promise<string | Uint8Array> {
  const { format, chromium, meta, progress, since } = run;
  const templates = options.template !== undefined ? { templateDir: options.template } : {};
  let content: string | Uint8Array;
  if (format === 'json') {
    const { renderJson } = await import('../render/json.js');
    content = renderJson(result);
  } else if (format === 'csv') {
    const { renderCsv } = await import('../render/csv.js');
    content = await renderCsv(result, options.table as CsvTable);
  } else if (format === 'md') {
    const { renderMarkdown } = await import('../render/markdown.js');
    content = renderMarkdown(result, { ...templates, meta, ...since });
  } else {
    // Loaded only for HTML and PDF: it brings the charts, which `align --help` and the Markdown report never need.
    const { renderHtml } = await import('../render/html.js');
    const html = await renderHtml(result, { ...templates, meta, ...since });
    if (chromium === null) content = html;
    else {
      progress.update(0, 0, 'printing the PDF');
      const [{ renderPdf }, { reportTitle }] = await Promise.all([import('../render/pdf.js'), import('../render/report-model.js')]);
      content = await renderPdf(html, { executablePath: chromium, title: reportTitle(result), paper: options.paper ?? 'a4' });
    }
  }
  return content;
}
