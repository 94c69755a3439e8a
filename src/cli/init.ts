/**
 * `align init <dir>`: scaffold an engagement folder (src/workshop/scaffold.ts
 * says what is in it). A folder that is not empty is refused without --force;
 * every target is checked before the first is written, and each file is
 * written atomically, as every output.
 */
import { lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';
import { checkTarget, writeAtomic } from './output.js';

export interface InitOptions {
  dir: string;
  force?: boolean;
  quiet?: boolean;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

export async function initCommand(options: InitOptions, io: Io): Promise<string[]> {
  const { dir } = options;
  if (dir.trim() === '') throw new UsageError('the folder name is empty; name a folder for the engagement');
  const stats = lstatOrNull(dir);
  if (stats?.isSymbolicLink()) throw new UsageError(`${dir} is a symbolic link; align never writes through a link, even with --force; name a real folder`);
  if (stats && !stats.isDirectory()) throw new UsageError(`${dir} is a file; name a folder for the engagement`);
  if (stats && readdirSync(dir).length > 0 && !options.force) {
    throw new UsageError(
      `${dir} is not empty; name a new folder, or pass --force to write the engagement files into it (files of the same names are replaced)`,
    );
  }
  const { scaffoldFiles } = await import('../workshop/scaffold.js');
  const files = scaffoldFiles();
  for (const f of files) checkTarget(join(dir, f.name), { force: true });
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}); name a folder you can write to`);
  }
  for (const f of files) await writeAtomic(join(dir, f.name), f.text, { force: true });
  if (!options.quiet) {
    io.stderr.write(
      `align: wrote ${files.map((f) => f.name).join(', ')} to ${dir}; paste survey-questions.txt into the survey tool, and collect the stacks with align collect ${join(dir, 'stacks.csv')}\n`,
    );
  }
  return files.map((f) => f.name);
}
