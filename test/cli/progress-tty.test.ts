// The progress bar on a real terminal: the built bin/align.js run under a
// pseudo-terminal by util-linux's `script` (Debian's bsdutils; .ci/run installs
// it when missing). `script` missing is a failure naming the install, not a skip.
// ALIGN_PROGRESS_AFTER_MS=0 (src/cli/progress.ts) lowers the one-second
// threshold so the bar draws at the first update: the test does not depend on
// how fast this machine reads the file. Needs `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writePlainWide } from '../../scripts/lib/plain-wide.mjs';
import { BIN, ROOT } from '../helpers/run.js';

const SURVEY = join(ROOT, 'examples/fernhill-survey.csv');
const CONFIG = join(ROOT, 'examples/align.yml');
let dir: string;

beforeAll(() => {
  const found = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (found.error) throw new Error("util-linux's script is needed for this test: sudo apt-get install bsdutils");
  dir = mkdtempSync(join(tmpdir(), 'align-progress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shell word, quoted for sh. */
const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs `command` (a shell line) with a pseudo-terminal as its standard output and error; returns what the terminal received. */
function underTerminal(command: string, env: NodeJS.ProcessEnv = {}): { code: number | null; tty: string } {
  const res = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd: dir,
    env: { PATH: process.env.PATH, TERM: 'xterm', ALIGN_PROGRESS_AFTER_MS: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, tty: res.stdout };
}

const audit = (out: string, extra = '') => `${sh(process.execPath)} ${sh(BIN)} audit ${sh(SURVEY)} --config ${sh(CONFIG)} -o ${sh(join(dir, out))} ${extra}`;

describe('align audit on a terminal (issue 13)', () => {
  test('draws \\r frames of the bar on the terminal, erases them, then says what it wrote', () => {
    const { code, tty } = underTerminal(audit('report.md'));
    expect(code).toBe(0);
    // frames: \r, then the bar or a phase, then erase to the end of the line
    expect(tty).toMatch(/\ralign: \[[=> ]{20}\] +\d+% reading\x1b\[K/);
    expect(tty).toContain('\ralign: analysing…\x1b[K');
    expect(tty).toContain('\ralign: rendering…\x1b[K');
    // the last frame is erased before "wrote" is printed, so the terminal is clean
    expect(tty).toMatch(/\r\x1b\[Kalign: wrote .*report\.md\r?\n$/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# /);
  });

  test('with standard error piped into a file (not a terminal), standard error has no bar', () => {
    const err = join(dir, 'stderr.txt');
    const { code, tty } = underTerminal(`${audit('piped.md')} 2>${sh(err)}`);
    expect(code).toBe(0);
    const stderr = readFileSync(err, 'utf8');
    expect(stderr).not.toContain('\r');
    expect(stderr).not.toContain('\x1b');
    expect(stderr).toMatch(/^align: wrote .*piped\.md\n$/);
    expect(tty).not.toContain('align: [');
  });

  test('--quiet on a terminal: no bar and no "wrote" line', () => {
    const { code, tty } = underTerminal(audit('quiet.md', '--quiet'));
    expect(code).toBe(0);
    expect(tty).toBe('');
  });

  test('an error on a terminal is printed on a clean line, after the bar is erased', () => {
    // the baseline is read after the analysis, while the bar shows: align.yml is not an audit's JSON
    const { code, tty } = underTerminal(audit('x.md', `--baseline ${sh(CONFIG)}`));
    expect(code).toBe(2);
    expect(tty).toContain('\ralign: analysing…\x1b[K');
    expect(tty).toMatch(/\r\x1b\[Kalign: [^\r]*is not valid JSON[^\r]*\r?\n$/);
  });
});

/**
 * Runs `command` in the background under a pseudo-terminal, sends `signal` to it once the
 * terminal shows `when`, and resolves with what the terminal received (the shell then
 * prints `rc=<its exit status>`).
 */
function interruptedUnderTerminal(command: string, signal: NodeJS.Signals, when: RegExp): Promise<{ tty: string; sent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `${command} & echo "pid=$!"; wait $!; echo "rc=$?"`, '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env.PATH, TERM: 'xterm', ALIGN_PROGRESS_AFTER_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tty = '';
    let sent = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      tty += c.toString('utf8');
      const pid = /pid=(\d+)/.exec(tty)?.[1];
      if (!sent && pid !== undefined && when.test(tty.slice(tty.indexOf('pid=')))) {
        sent = true;
        process.kill(Number(pid), signal);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ tty, sent });
    });
  });
}

describe('a signal while the bar shows', () => {
  // 40,000 plain wide rows (about 6 MB): read in pieces for a second or more, so the signal lands while "reading" is drawn
  let big: string;
  beforeAll(() => {
    big = join(dir, 'big.csv');
    writePlainWide(big, { rows: 40_000 });
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s erases the bar before the run ends, leaves no output or temp file, and the shell reports %i',
    async (signal, rc) => {
      const out = join(dir, `interrupted-${signal}.json`);
      const command = `${sh(process.execPath)} ${sh(BIN)} audit ${sh(big)} --format json -o ${sh(out)}`;
      const { tty, sent } = await interruptedUnderTerminal(command, signal, /% reading\x1b\[K/);
      expect(sent, tty).toBe(true);
      // the last frame drawn is a reading frame, and right after it the erase; nothing of align's after that
      const last = tty.slice(tty.lastIndexOf('\ralign: '));
      expect(last, JSON.stringify(tty.slice(-200))).toMatch(/^\ralign: \[[=> ]{20}\] +\d+% reading\x1b\[K\r\x1b\[K(?!.*align)/s);
      expect(tty).toMatch(new RegExp(`rc=${rc}\\r?\\n$`));
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('.align-tmp'))).toEqual([]);
    },
    90_000,
  );
});

describe('without a terminal', () => {
  test('standard error piped: no bar, only the informational line', () => {
    const res = spawnSync(process.execPath, [BIN, 'audit', SURVEY, '--config', CONFIG, '-o', join(dir, 'pipe.md')], {
      env: { PATH: process.env.PATH, TERM: 'xterm', ALIGN_PROGRESS_AFTER_MS: '0' },
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/^align: wrote .*pipe\.md\n$/);
  });
});
