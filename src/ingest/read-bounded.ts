/**
 * Reading a file with a ceiling: at most `limit` + 1 bytes are read, enough to
 * know the file is too big without holding it (or an endless device such as
 * /dev/zero, which readFile would read until memory runs out) in memory. Pipes
 * and /dev/stdin still work: they are read like any file, up to the ceiling.
 */
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** The bytes of `path`, or null when it holds more than `limit` bytes. Read errors are the caller's to word. */
export async function readBounded(path: string, limit: number): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readBounded for an input the user named: a missing file, a folder or an unreadable one is one line naming the file (exit 2). */
export async function readInputBytes(path: string, limit: number): Promise<Buffer | null> {
  try {
    return await readBounded(path, limit);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(path, null, null, why, 'check the path');
  }
}
