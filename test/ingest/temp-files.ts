/** Writes test inputs into a fresh temporary folder (removed by the caller's afterAll). */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/stats/random.js';

export interface TempFolder {
  /** Writes `content` (text as UTF-8, or bytes as given) and returns the path. */
  write(name: string, content: string | Buffer): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), 'align-ingest-'));
  return {
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small seeded generator (the stats room's mulberry32) so shuffles are repeatable. */
export const seeded = seededRandom;

export { shuffled } from '../helpers/read.js';
