// Every input is read with a ceiling: `align stack /dev/zero` read until memory ran
// out (readFile never reaches the end of an endless device); a 2 GB align.yml was read
// whole before its size was known. readBounded reads at most limit + 1 bytes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/defaults.js';
import { readBounded } from '../../src/ingest/read-bounded.js';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-read-'));

describe('readBounded(path, limit)', () => {
  it('returns the bytes up to the limit, null above it', async () => {
    const file = join(dir, 'ten.txt');
    writeFileSync(file, '0123456789');
    expect((await readBounded(file, 10))?.toString()).toBe('0123456789');
    expect(await readBounded(file, 9)).toBeNull();
    writeFileSync(join(dir, 'empty.txt'), '');
    expect((await readBounded(join(dir, 'empty.txt'), 10))?.length).toBe(0);
  });

  it('stops on an endless device', async () => {
    expect(await readBounded('/dev/zero', 3_000_000)).toBeNull();
  });
});

describe('align on an endless device', () => {
  it('stack /dev/zero exits 2 with one line instead of reading forever', async () => {
    const run = await runAlign(['stack', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: /dev/zero: is larger than ${MAX_INPUT_BYTES} bytes, more than any survey export align reads; check you picked the right file\n`,
    );
  });

  it('--config /dev/zero exits 2 naming the file', async () => {
    const run = await runAlign(['stack', 'examples/fernhill-stacks.csv', '--config', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: \/dev\/zero: is larger than 1000000 bytes; an align\.yml is a page of settings/);
  });
});
