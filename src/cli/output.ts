/**
 * Writing results: atomically (a temp file in the same folder, then rename,
 * so a reader never sees half a report and a failed run leaves nothing), and
 * only onto a new path or a regular file that nothing else needs. Every writer
 * (audit -o, inspect --write-config, templates eject) goes through writeAtomic,
 * so these rules live here and nowhere else:
 *
 * - never over an input (a response file, --rankings, the config in use) or
 *   into a folder that is read (the --template folder), even with --force;
 * - never onto a symbolic link, a device, a pipe or a socket, even with --force
 *   (`-o /dev/stdout` as root would replace the system's link; `-o -` is the
 *   way to standard output);
 * - never over an existing file without --force.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

export interface WriteOptions {
  force?: boolean;
  /** Input files: never overwritten, even with --force. */
  inputs?: readonly string[];
  /** Folders align reads from (the --template folder): nothing is written inside them. */
  inputFolders?: readonly string[];
  /** The path as the user wrote it, for messages (default: the path given). */
  display?: string;
  /** What to do instead of replacing an existing file (default: "choose another output path"). */
  instead?: string;
  /** Whether `-o -` (standard output) is an alternative worth naming in messages. */
  stdoutAlternative?: boolean;
}

/** Whether two paths name one file (through links, and hard links); a path that does not exist compares as resolved. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    try {
      return realpathSync(a) === realpathSync(b);
    } catch {
      return resolve(a) === resolve(b);
    }
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` lies inside `folder` (through links in either). */
function isInside(path: string, folder: string): boolean {
  const parent = realOrResolved(dirname(resolve(path)));
  const root = realOrResolved(folder);
  return parent === root || parent.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Refuses, before anything is written, a target that writeAtomic must not
 * replace. Exported for writers of several files (templates eject), which
 * check every target before writing the first.
 */
export function checkTarget(path: string, options: WriteOptions = {}): void {
  const name = options.display ?? path;
  if (path.trim() === '') throw new UsageError('the output path is empty; give a file name');
  const toStdout = options.stdoutAlternative ? ' (-o - writes to standard output)' : '';
  for (const input of options.inputs ?? []) {
    if (existsSync(path) && sameFile(path, input)) {
      throw new UsageError(`${name} is one of the input files; align never overwrites its inputs; choose another output path`);
    }
  }
  for (const folder of options.inputFolders ?? []) {
    if (isInside(path, folder)) {
      throw new UsageError(`${name} is inside the template folder ${folder}, which this run reads; choose an output path outside it`);
    }
  }
  // lstat: a link (even a dangling one) is never followed, and never replaced
  const existing = lstatOrNull(path);
  if (existing?.isSymbolicLink()) {
    throw new UsageError(`${name} is a symbolic link; align never writes over a link, even with --force; name a regular file${toStdout}`);
  }
  if (existing?.isDirectory()) throw new UsageError(`${name} is a folder; give a file name inside it`);
  if (existing && !existing.isFile()) {
    throw new UsageError(`${name} is not a regular file (a device, pipe or socket); align writes only to regular files, even with --force${toStdout}`);
  }
  if (existing && !options.force) {
    throw new UsageError(`${name} already exists; pass --force to replace it, or ${options.instead ?? 'choose another output path'}`);
  }
}

function tempPath(dir: string, path: string): string {
  return join(dir, `.align-tmp-${basename(path).slice(0, 100)}-${randomBytes(4).toString('hex')}`);
}

export async function writeAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  checkTarget(path, options);
  const name = options.display ?? path;
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError(`cannot write ${name}: the folder ${dir} does not exist`);
  const temp = tempPath(dir, path);
  try {
    // wx: the temp name is created here, never opened through something already there
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${name} (${code}); check the folder exists and is writable`);
  }
}

/** Writes to standard output; a closed pipe (`align stack x --json | head`) is not an error. */
export function writeStdout(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolveWrite) => {
    stream.write(text, () => resolveWrite());
  });
}
