/**
 * Writing results: atomically (a temp file in the same folder, then rename,
 * so a reader never sees half a report and a failed run leaves nothing), and
 * never over an existing file or over an input without being told.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, realpathSync, type Stats } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface WriteOptions {
  force?: boolean;
  /** Input files: never overwritten, even with --force. */
  inputs?: readonly string[];
}

/** Whether two paths name one file (through links); a path that does not exist compares as resolved. */
export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

export async function writeAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  for (const input of options.inputs ?? []) {
    if (existsSync(path) && sameFile(path, input)) {
      throw new UsageError(`${path} is one of the input files; align never overwrites its inputs; choose another output path`);
    }
  }
  if (path.trim() === '') throw new UsageError('the output path is empty; give a file name');
  // lstat: a link (even a dangling one) is something that exists, and is never followed
  const existing = lstatOrNull(path);
  if (existing?.isDirectory()) throw new UsageError(`${path} is a folder; give a file name inside it`);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new UsageError(`${path} is not a regular file (a device, pipe or socket); align writes reports only to files`);
  }
  if (existing && !options.force) {
    throw new UsageError(`${path} already exists; pass --force to replace it, or choose another output path`);
  }
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError(`cannot write ${path}: the folder ${dir} does not exist`);
  const temp = join(dir, `.align-tmp-${basename(path)}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${path} (${code}); check the folder exists and is writable`);
  }
}

/** Writes to standard output; a closed pipe (`align stack x --json | head`) is not an error. */
export function writeStdout(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolveWrite) => {
    stream.write(text, () => resolveWrite());
  });
}
