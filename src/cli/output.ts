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
 * - never over an existing file without --force;
 * - the temp file is removed on failure, on SIGINT and SIGTERM (the run then
 *   ends by the signal, so a shell reports 130 and 143), and a temp file a
 *   SIGKILL left behind is removed by the next write to the same folder.
 *
 * The signal handler here is align's only one: atInterrupt registers anything
 * else a signal must undo (the progress bar's line).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, realpathSync, type Stats, statSync, unlinkSync } from 'node:fs';
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

/** What is at `path` without following a link, or null when nothing is. */
export function lstatOrNull(path: string): Stats | null {
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

/** align's own temp names: `.align-tmp-<name>-<8 hex digits>`. */
const TEMP_NAME = /^\.align-tmp-.*-[0-9a-f]{8}$/s;
/** A temp file older than this is left by a killed run, not being written by a live one. */
export const STALE_TEMP_MS = 60_000;

function tempPath(dir: string, path: string): string {
  return join(dir, `.align-tmp-${basename(path).slice(0, 100)}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes align's temp files that a killed run (SIGKILL, a power cut) left in
 * `dir`: only names of align's own pattern, only regular files (a link of that
 * name is left alone, never followed), only older than STALE_TEMP_MS.
 * Returns the names removed.
 */
export function removeStaleTemps(dir: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const file = join(dir, name);
    const stats = lstatOrNull(file);
    if (!stats?.isFile() || now - stats.mtimeMs < STALE_TEMP_MS) continue;
    try {
      unlinkSync(file);
      removed.push(name);
    } catch {
      // another run removed it first, or the folder is read-only: nothing to do
    }
  }
  return removed;
}

/** Temp files being written now, removed if a signal stops the run. */
const pending = new Set<string>();
/** Other things a signal must undo before the run ends: the progress bar's line (progress.ts), erased so the shell's prompt starts clean. */
const cleanups = new Set<() => void>();
/** The exit code a shell reports for a process stopped by each signal (128 + its number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** Removes the temp files of writes in progress; returns their paths. */
export function removePendingTemps(): string[] {
  const removed: string[] = [];
  for (const temp of pending) {
    try {
      unlinkSync(temp);
      removed.push(temp);
    } catch {
      // not created yet, or already renamed into place
    }
  }
  pending.clear();
  attachOrDetach();
  return removed;
}

/**
 * The one signal handler of align: it runs the cleanups (the bar first, so
 * nothing is left on the terminal), removes the temp files, and ends the run
 * by the signal itself, so a shell reports 130 or 143 and a shell loop stops
 * at Ctrl-C as it does for any program killed by it. When another listener
 * would keep the signal from ending the process (playwright-core's, while a
 * Chromium it launched runs), the run exits with that code instead, and
 * playwright-core's exit handler kills the browser.
 */
function onSignal(signal: HandledSignal): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // a terminal gone away cannot be erased; the temp files still must go
    }
  }
  cleanups.clear();
  removePendingTemps();
  detach();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  process.exit(SIGNAL_EXIT_CODES[signal]);
}
const handlers: Record<HandledSignal, () => void> = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };
const signals = Object.keys(handlers) as HandledSignal[];
let attached = false;

/** The handlers are attached only while there is something to undo, so align otherwise stops on a signal as Node does by default. */
function attachOrDetach(): void {
  const needed = pending.size + cleanups.size > 0;
  if (needed && !attached) {
    for (const s of signals) process.on(s, handlers[s]);
    attached = true;
  } else if (!needed && attached) {
    detach();
  }
}
function detach(): void {
  for (const s of signals) process.off(s, handlers[s]);
  attached = false;
}

/** Registers a temp file while it is written, removed if a signal stops the run. */
export function trackTemp(temp: string): void {
  pending.add(temp);
  attachOrDetach();
}

export function untrackTemp(temp: string): void {
  if (!pending.delete(temp)) return;
  attachOrDetach();
}

/** Registers `cleanup` to run if SIGINT or SIGTERM stops the run; returns the function that unregisters it. */
export function atInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  attachOrDetach();
  return () => {
    if (cleanups.delete(cleanup)) attachOrDetach();
  };
}

export async function writeAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  checkTarget(path, options);
  const name = options.display ?? path;
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError(`cannot write ${name}: the folder ${dir} does not exist`);
  removeStaleTemps(dir);
  const temp = tempPath(dir, path);
  trackTemp(temp);
  try {
    // wx: the temp name is created here, never opened through something already there
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${name} (${code}); check the folder exists and is writable`);
  } finally {
    untrackTemp(temp);
  }
}

/** Writes to standard output (text, or the bytes of a PDF); a closed pipe (`align stack x --json | head`) is not an error. */
export function writeStdout(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolveWrite) => {
    stream.write(text, () => resolveWrite());
  });
}
