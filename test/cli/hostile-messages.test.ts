// Issue 7, point 5: `align inspect` and every error line show the file's text,
// never obey it (control characters as \xHH, bidirectional controls removed).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/ingest/config.js';
import { HOSTILE, RAW_CONTROL } from '../helpers/controls.js';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const P = ['Grow revenue', 'Cut costs', 'Hire engineers'];
const stacks = (cell: (s: string) => string, header: (s: string) => string = (s) => s) =>
  [
    ['name', 'role', 'department', ...P].map(header).join(','),
    // five people: enough rows for one bad cell to be a typo in a ranking (the rank rule forgives one row in five)
    ...['Ann Lee', 'Bo Chen', 'Cy Diaz', 'Di Evans', 'Ed Fox'].map((n, i) =>
      [cell(n), 'Executive', cell('Sales'), ...[1, 2, 3].map((r) => String(((r + i) % 3) + 1))].map((c) => `"${c}"`).join(','),
    ),
  ].join('\n') + '\n';

describe('align inspect on a file with control characters in its headers and cells', () => {
  it('prints them as \\xHH, with no raw control character', async () => {
    const file = write(
      'inspect.csv',
      stacks(
        (s) => HOSTILE + s,
        (h) => (P.includes(h) ? `"${HOSTILE}${h}\u0085"` : h),
      ),
    );
    const run = await runAlign(['inspect', file], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\x1b[2J\\x07\\x0d');
  });
});

describe('align inspect --write-config with control characters in the file name and headers', () => {
  it('writes comments without a raw control character, and the config still reads back', async () => {
    const file = write(
      `x\rtitle: pwned${HOSTILE}.csv`,
      stacks(
        (s) => s,
        (h) => (h === 'name' ? h : `"${HOSTILE}${h}"`),
      ),
    );
    const run = await runAlign(['inspect', file, '--write-config', 'written.yml'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, 'written.yml'), 'utf8');
    const comments = text.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments.join('\n')).not.toMatch(RAW_CONTROL);
    expect(comments[0]).toContain('x\\x0dtitle: pwned\\x1b[2J');
    const config = parseConfig(text, 'written.yml');
    expect(config.title).toBeUndefined();
    expect(Object.keys(config.columns!)).toContain(`${HOSTILE}Grow revenue`);
  });
});

describe('error lines quote the data safely (cli/main.ts report)', () => {
  it('a bad rank cell quoted in the message', async () => {
    const file = write('bad-rank.csv', stacks((s) => s).replace('"Ann Lee","Executive","Sales","2"', `"Ann Lee","Executive","Sales","${HOSTILE}x\u009b"`));
    const run = await runAlign(['stack', file], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    // The cell is quoted as JSON (C0 as \u001b) and the line made safe (C1 as \x9b, bidi removed).
    expect(run.stderr).toContain('\\u001b[2J\\u0007\\r x\\x9b'); // the zero-width space shown as the space it marks
  });

  it('a file name with control characters', async () => {
    const run = await runAlign(['stack', join(dir, `missing${HOSTILE}.csv`)], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stderr).toContain('missing\\x1b[2J\\x07\\x0d');
  });

  it('an unknown option with control characters (a commander error)', async () => {
    const run = await runAlign(['stack', `--bogus${HOSTILE}`], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});
