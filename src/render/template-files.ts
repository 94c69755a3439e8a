/**
 * Template lookup for the reports, Markdown and HTML alike: one rule, one place.
 *
 * A report is a main template and a folder of partials, looked up first in the
 * `--template <dir>` folder and then in the templates shipped with the package;
 * the same relative path wins, file by file. So `<dir>/report.md.hbs` replaces
 * the Markdown report, `<dir>/partials/method.md.hbs` only its method section,
 * `<dir>/html/partials/style.html.hbs` only the HTML report's CSS; extra
 * partials in the folder are available too. `align templates eject <dir>`
 * copies the shipped folder as it is, so an ejected copy has the same layout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { SHIPPED_TEMPLATES } from '../defaults.js';
import { UsageError } from '../errors.js';

/** Where one format's templates live, relative to a templates folder. */
export interface TemplateKind {
  /** The main template: 'report.md.hbs'. */
  report: string;
  /** The partials' folder: 'partials'. */
  partials: string;
  /** A partial's file ending; the name before it is the partial's name. */
  suffix: string;
}

export const MARKDOWN_TEMPLATES: TemplateKind = { report: 'report.md.hbs', partials: 'partials', suffix: '.md.hbs' };
export const HTML_TEMPLATES: TemplateKind = { report: 'html/report.html.hbs', partials: 'html/partials', suffix: '.html.hbs' };

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read template ${file}: ${(e as Error).message}`);
  }
}

function listPartials(dir: string, kind: TemplateKind): string[] {
  const p = join(dir, kind.partials);
  if (!existsSync(p)) return [];
  return readdirSync(p)
    .filter((f) => f.endsWith(kind.suffix))
    .sort();
}

/**
 * Resolve the templates of one kind: for the main template and each partial,
 * the override folder's file when it has one, else the shipped one. Returns the
 * paths chosen, so a test (or `--verbose`) can say which file was used.
 */
export function resolveTemplates(templateDir?: string, kind: TemplateKind = MARKDOWN_TEMPLATES): { report: string; partials: Map<string, string> } {
  if (templateDir !== undefined) {
    if (!existsSync(templateDir) || !statSync(templateDir).isDirectory()) {
      throw new UsageError(
        `--template ${templateDir}: no such folder; give a folder holding ${kind.report} or ${kind.partials}/ (align templates eject <dir> writes one)`,
      );
    }
  }
  const dirs = templateDir !== undefined ? [templateDir, SHIPPED_TEMPLATES] : [SHIPPED_TEMPLATES];
  const pick = (rel: string): string | undefined => dirs.map((d) => join(d, rel)).find((f) => existsSync(f));
  const report = pick(kind.report);
  if (!report) throw new UsageError(`no ${kind.report} in ${dirs.join(' or ')}; reinstall align or give --template`);
  const partials = new Map<string, string>();
  for (const d of [...dirs].reverse()) {
    for (const f of listPartials(d, kind)) partials.set(f.slice(0, -kind.suffix.length), join(d, kind.partials, f));
  }
  return { report, partials };
}

function isShipped(file: string): boolean {
  return file.startsWith(SHIPPED_TEMPLATES);
}

/**
 * Compile one kind of report with `hb` (helpers already registered) and run it
 * on `model`. A broken user template is a usage error (exit 2); a broken
 * shipped one is a bug and stays as thrown.
 */
export function renderTemplates(
  hb: typeof Handlebars,
  kind: TemplateKind,
  templateDir: string | undefined,
  model: unknown,
  compileOptions: { noEscape?: boolean },
): string {
  const { report, partials } = resolveTemplates(templateDir, kind);
  for (const [name, file] of partials) hb.registerPartial(name, readTemplate(file));
  const template = hb.compile(readTemplate(report), { strict: false, ...compileOptions });
  try {
    // Handlebars compiles lazily: syntax errors in the report or a partial surface here.
    return template(model);
  } catch (e) {
    const user = templateDir !== undefined && [report, ...partials.values()].some((f) => !isShipped(f));
    throw user ? new UsageError(`template ${templateDir}: ${(e as Error).message}`) : e;
  }
}
