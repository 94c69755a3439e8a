/**
 * src/phases.ts: ALIGN_PHASES names a file that a run writes where its time went (npm run bench
 * reads it); without it, nothing is written. Through the built CLI, as the bench runs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ROOT, spawnAlign } from '../helpers/run.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('ALIGN_PHASES gets every phase of an audit, in milliseconds, and each phase that ran took some time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-phases-'));
  dirs.push(dir);
  const phases = join(dir, 'phases.json');
  const run = spawnAlign(['audit', join(ROOT, 'test/fixtures/plain-wide-1k.csv'), '--format', 'json', '-o', join(dir, 'out.json')], {
    env: { ...process.env, ALIGN_PHASES: phases },
  });
  expect(run.code).toBe(0);
  const got = JSON.parse(readFileSync(phases, 'utf8')) as Record<string, number>;
  expect(Object.keys(got).sort()).toEqual(['assemble', 'decode', 'merge', 'parse', 'plan', 'render', 'rows', 'statistics', 'wait']);
  for (const k of ['decode', 'parse', 'plan', 'assemble', 'statistics', 'render']) expect(got[k]).toBeGreaterThan(0);
  // a file of one piece has no later rows to read, and no helper thread to take rows from or wait for
  expect(got.rows).toBe(0);
  expect(got.merge).toBe(0);
  expect(got.wait).toBe(0);
});

test('without ALIGN_PHASES a run writes nothing but its output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-phases-'));
  dirs.push(dir);
  const env = { ...process.env };
  delete env.ALIGN_PHASES;
  const run = spawnAlign(['audit', join(ROOT, 'test/fixtures/plain-wide-1k.csv'), '--format', 'json', '-o', join(dir, 'out.json')], { env });
  expect(run.code).toBe(0);
  expect(readdirSync(dir)).toEqual(['out.json']);
  expect(existsSync(join(dir, 'phases.json'))).toBe(false);
});
