/**
 * `align templates eject <dir>`: copy the shipped report templates into a
 * folder a coach can edit, then `align audit … --template <dir>` uses them
 * (a file there overrides the shipped one of the same name).
 *
 * Each file is written through writeAtomic, like every other output, and every
 * target (the folder, its subfolders, each file) is checked before the first is
 * written: a link or a device among them stops the run with nothing changed.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_TEMPLATES as SHIPPED } from '../defaults.js';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';
import { checkTarget, lstatOrNull, writeAtomic } from './output.js';

export interface EjectOptions {
  dir: string;
  force?: boolean;
  /** --quiet: no "align: copied …" line. */
  quiet?: boolean;
}

/** A folder to create or a real folder (not a link to one, not a file). */
function checkFolder(path: string): void {
  const stats = lstatOrNull(path);
  if (stats === null || stats.isDirectory()) return;
  if (stats.isSymbolicLink()) throw new UsageError(`${path} is a symbolic link; align never writes through a link, even with --force; name a real folder`);
  throw new UsageError(`${path} is a file; name a folder to copy the templates into`);
}

export async function ejectTemplates(options: EjectOptions, io: Io): Promise<string[]> {
  const { dir } = options;
  if (dir.trim() === '') throw new UsageError('the folder name is empty; name a folder to copy the templates into');
  checkFolder(dir);
  if (lstatOrNull(dir) !== null && readdirSync(dir).length > 0 && !options.force) {
    throw new UsageError(`${dir} is not empty; pass --force to overwrite the template files in it, or name a new folder`);
  }
  const files = listFiles(SHIPPED);
  const folders = [...new Set(files.map((f) => f.split('/').slice(0, -1).join('/')).filter((f) => f !== ''))];
  for (const folder of folders) checkFolder(join(dir, folder));
  for (const file of files) checkTarget(join(dir, file), { force: true });
  try {
    for (const folder of ['', ...folders]) mkdirSync(join(dir, folder), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot copy the templates to ${dir} (${code}); name a folder you can write to`);
  }
  for (const file of files) await writeAtomic(join(dir, file), readFileSync(join(SHIPPED, file)), { force: true });
  if (!options.quiet) io.stderr.write(`align: copied ${files.length} templates to ${dir}; edit them, then run align audit <file> --template ${dir}\n`);
  return files;
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(root + prefix, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
