/**
 * The JSON report: its own module, so that `--format json` loads neither the
 * templates (Handlebars) nor the report model (the Markdown and HTML reports do).
 */
import type { AuditResult } from '../audit/types.js';

/** The AuditResult as JSON: two-space indent, one trailing newline. */
export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
