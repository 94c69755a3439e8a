/**
 * Reading a file with a ceiling: at most `limit` + 1 bytes are read, enough to
 * know the file is too big without holding it (or an endless device such as
 * /dev/zero, which readFile would read until memory runs out) in memory. Pipes
 * and /dev/stdin still work: they are read like any file, up to the ceiling.
 */
import { open } from 'node:fs/promises';
import { MAX_INPUT_BYTES } from '../defaults.js';
import { InputError } from '../errors.js';

/** The one error for an input past the byte limit (whole-file reads, pieces and workbooks alike). */
export function tooLarge(path: string, limit: number): InputError {
  return new InputError(path, null, null, `is larger than ${limit} bytes, more than any survey export align reads`, 'check you picked the right file');
}

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
    throw inputError(path, e);
  }
}

/** Words a failure to open or read an input the user named (exit 2). */
function inputError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
  return new InputError(path, null, null, why, 'check the path');
}

/**
 * The first `pieceBytes` bytes of a file the user named, and its size. A file
 * no larger than that, or one that is no regular file (a pipe, /dev/stdin:
 * it cannot be opened twice), comes whole (`whole`), read as readBounded
 * reads, up to MAX_INPUT_BYTES (`size` then tells a caller it was too big).
 */
export async function readInputPiece(path: string, pieceBytes: number): Promise<{ bytes: Buffer; whole: boolean; size: number }> {
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      if (!stat.isFile() || stat.size <= pieceBytes) {
        await handle.close().catch(() => {});
        const bytes = await readBounded(path, MAX_INPUT_BYTES);
        return bytes === null ? { bytes: Buffer.alloc(0), whole: true, size: MAX_INPUT_BYTES + 1 } : { bytes, whole: true, size: bytes.length };
      }
      const bytes = Buffer.alloc(pieceBytes);
      const { bytesRead } = await handle.read(bytes, 0, pieceBytes, 0);
      return { bytes: bytes.subarray(0, bytesRead), whole: false, size: stat.size };
    } finally {
      await handle.close().catch(() => {});
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError(path, e);
  }
}

/**
 * The bytes of a regular file from `start` on, `pieceBytes` at a time, stopping with an error past `limit` bytes in all;
 * with `end`, up to that offset only (the piece before it ends there).
 */
export async function* readPieces(path: string, start: number, pieceBytes: number, limit: number, end = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw inputError(path, e);
  }
  try {
    let position = start;
    for (;;) {
      const wanted = Math.min(pieceBytes, end - position);
      if (wanted <= 0) return;
      const piece = Buffer.alloc(wanted);
      const { bytesRead } = await handle.read(piece, 0, wanted, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      if (position > limit) throw tooLarge(path, limit);
      yield piece.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
