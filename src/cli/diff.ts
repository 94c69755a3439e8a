/**
 * `align diff <before.json> <after.json>`: what moved between two audits (each an
 * `align audit --format json` result), and whether they are comparable, in the
 * terminal or with --json as the AuditDiff (issue 12). align.yml `renamed` maps
 * departments renamed or merged since the baseline.
 */

import type { AuditDiff, AuditResult, MoveKind } from '../audit/types.js';
import { SCHEMA_VERSION } from '../audit/types.js';
import { MAX_INPUT_BYTES } from '../defaults.js';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { binaryKind } from '../ingest/binary.js';
import { readInputBytes } from '../ingest/read-bounded.js';
import { MOVE_HEADINGS, moveLine } from '../render/since-model.js';
import { displaySafe } from '../text.js';
import type { Io } from './io.js';
import { loadConfigFor } from './load.js';
import { writeStdout } from './output.js';

export interface DiffOptions {
  before: string;
  after: string;
  json?: boolean;
  config?: string;
  /** --quiet: accepted like every command's (diff prints nothing on standard error but errors). */
  quiet?: boolean;
}

const FIX = 'give the output of align audit --format json';

/** Reads one side: bounded, JSON, an AuditResult of a schemaVersion this align reads. */
export async function readAuditResult(path: string, role: 'baseline' | 'later audit'): Promise<AuditResult> {
  const bytes = await readInputBytes(path, MAX_INPUT_BYTES);
  if (bytes === null) throw new InputError(path, null, null, `is larger than ${MAX_INPUT_BYTES} bytes, more than any audit result`, FIX);
  if (binaryKind(bytes)) {
    // a workbook or another Office file: the export itself, not an audit of it
    throw new InputError(
      path,
      null,
      null,
      'is a spreadsheet, not an audit result',
      `audit it first (align audit ${path} --format json -o audit.json), then ${FIX.replace('give', 'give diff')}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'not JSON';
    throw new InputError(path, null, null, `is not valid JSON (${why})`, FIX);
  }
  // A newer schemaVersion is refused by name before the schema check, which it would fail less helpfully.
  const version = typeof data === 'object' && data !== null ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    throw new UsageError(
      `${path}: the ${role} has schemaVersion ${version}, newer than the schemaVersion ${SCHEMA_VERSION} this align reads; compare it with a newer align`,
    );
  }
  const { auditResultSchema } = await import('../audit/schema.js');
  const parsed = auditResultSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new InputError(path, null, null, `is not an align AuditResult (${issue?.message ?? 'wrong shape'}${where})`, FIX);
  }
  return data as AuditResult;
}

/** The terminal summary: warnings first, then the moves grouped by kind. */
export function diffText(diff: AuditDiff, before: string, after: string): string {
  const lines: string[] = [`Since the last audit: ${before} (the baseline) -> ${after}`];
  if (diff.warnings.length > 0) {
    lines.push('', 'Comparability warnings:');
    for (const w of diff.warnings) lines.push(`  ! ${w.message}`);
  }
  if (diff.moves.length === 0) {
    lines.push('', 'Nothing moved: every figure compared is the same in both audits.');
  } else {
    let kind: MoveKind | null = null;
    for (const m of diff.moves) {
      if (m.kind !== kind) {
        kind = m.kind;
        lines.push('', `${t(MOVE_HEADINGS[kind])}:`);
      }
      lines.push(`  ${moveLine(m)}`);
      if (m.note) lines.push(`    (${m.note})`);
    }
  }
  const noted = diff.moves.some((m) => m.beyondChance !== null);
  if (noted) lines.push('', 'beyond chance: the two 95% Wilson intervals do not overlap; within chance: they overlap.');
  // the catalogue's plural (align diff words in English): '1 finding persists', '10 findings persist'
  if (diff.persisting.length > 0) lines.push('', t('since.persisting', { n: diff.persisting.length }));
  return `${lines.map(displaySafe).join('\n')}\n`;
}

export async function diffCommand(options: DiffOptions, io: Io): Promise<AuditDiff> {
  const before = await readAuditResult(options.before, 'baseline');
  const after = await readAuditResult(options.after, 'later audit');
  const { config } = await loadConfigFor(options, io);
  const { compareAudits } = await import('../audit/diff.js');
  const diff = compareAudits(before, after, { renamed: config.renamed ?? {} });
  await writeStdout(io.stdout, options.json ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff, options.before, options.after));
  return diff;
}
