/** Writes test inputs into a fresh temporary folder (removed by the caller's afterAll). */
import { seededRandom } from '../../src/stats/random.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
