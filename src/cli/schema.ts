/**
 * `align schema`: print the AuditResult's JSON Schema (draft 2020-12), the
 * contract that `align audit --format json` and `align stack --json` keep, to
 * standard output or atomically to -o.
 */
import type { Io } from './io.js';
import { writeAtomic, writeStdout } from './output.js';

export interface SchemaOptions {
  output?: string;
  force?: boolean;
  /** --quiet: no "align: wrote …" line. */
  quiet?: boolean;
}

export async function schemaCommand(options: SchemaOptions, io: Io): Promise<Record<string, unknown>> {
  const { auditResultJsonSchema } = await import('../audit/schema.js');
  const schema = auditResultJsonSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (options.output !== undefined && options.output !== '-') {
    await writeAtomic(options.output, text, { force: Boolean(options.force), stdoutAlternative: true });
    if (!options.quiet) io.stderr.write(`align: wrote ${options.output}\n`);
  } else {
    await writeStdout(io.stdout, text);
  }
  return schema;
}
