/**
 * `align templates eject <dir>`: copy the shipped report templates into a
 * folder a coach can edit, then `align audit … --template <dir>` uses them
 * (a file there overrides the shipped one of the same name).
 */
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';

const SHIPPED = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface EjectOptions {
  dir: string;
  force?: boolean;
}

export function ejectTemplates(options: EjectOptions, io: Io): string[] {
  const { dir } = options;
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; name a folder to copy the templates into`);
    if (readdirSync(dir).length > 0 && !options.force) {
      throw new UsageError(`${dir} is not empty; pass --force to overwrite the template files in it, or name a new folder`);
    }
  }
  cpSync(SHIPPED, dir, { recursive: true, force: true });
  const files = listFiles(SHIPPED);
  io.stderr.write(`align: copied ${files.length} templates to ${dir}; edit them, then run align audit <file> --template ${dir}\n`);
  return files;
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(root + prefix, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
