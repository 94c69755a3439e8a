/**
 * `align init <dir>`: scaffold an engagement folder (src/workshop/scaffold.ts
 * says what is in it). A folder that is not empty is refused without --force;
 * every target is checked before the first is written, and each file is
 * written atomically, as every output.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';
import { checkTarget, lstatOrNull, writeAtomic } from './output.js';

export interface InitOptions {
  dir: string;
  force?: boolean;
  quiet?: boolean;
}

/** Whether `path` exists with content other than `text` (what init would write there). */
function differs(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') !== text;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
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
      `${dir} is not empty; name a new folder, or pass --force to write the engagement files beside what is there (a file of the same name is replaced only when init wrote it unchanged)`,
    );
  }
  const { scaffoldFiles } = await import('../workshop/scaffold.js');
  const files = scaffoldFiles();
  for (const f of files) checkTarget(join(dir, f.name), { force: true });
  // --force writes beside other files, never over one of the same name holding something else
  // (stacks collected, an align.yml edited): those are named and nothing is written
  const kept = stats ? files.filter((f) => differs(join(dir, f.name), f.text)).map((f) => f.name) : [];
  if (kept.length > 0) {
    throw new UsageError(
      `${dir} already holds ${kept.join(', ')} with content of ${kept.length === 1 ? 'its' : 'their'} own (collected stacks or edits), which --force does not replace; move ${kept.length === 1 ? 'it' : 'them'} aside first, or name a new folder`,
    );
  }
  // the parent must be a folder already: one level is made, not a path (Node 20's recursive
  // mkdir spins forever under /proc, where mkdir fails with ENOENT below an existing folder)
  const parent = lstatOrNull(dirname(resolve(dir)));
  if (!stats && !parent?.isDirectory())
    throw new UsageError(`${dirname(resolve(dir))} does not exist or is not a folder; create it first, or name a folder inside an existing one`);
  try {
    if (!stats) mkdirSync(dir);
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
