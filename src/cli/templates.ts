/**
 * `align templates eject <dir>`: copy the shipped report templates into a
 * folder a coach can edit, then `align audit … --template <dir>` uses them
 * (a file there overrides the shipped one of the same name).
 */
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { SHIPPED_TEMPLATES as SHIPPED } from '../defaults.js';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';



export interface EjectOptions {
  dir: string;
  force?: boolean;
}

export function ejectTemplates(options: EjectOptions, io: Io): string[] {
  const { dir } = options;
  if (dir.trim() === '') throw new UsageError('the folder name is empty; name a folder to copy the templates into');
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; name a folder to copy the templates into`);
    if (readdirSync(dir).length > 0 && !options.force) {
      throw new UsageError(`${dir} is not empty; pass --force to overwrite the template files in it, or name a new folder`);
    }
  }
  try {
    cpSync(SHIPPED, dir, { recursive: true, force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot copy the templates to ${dir} (${code}); name a folder you can write to`);
  }
  const files = listFiles(SHIPPED);
  io.stderr.write(`align: copied ${files.length} templates to ${dir}; edit them, then run align audit <file> --template ${dir}\n`);
  return files;
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(root + prefix, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
