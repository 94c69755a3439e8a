// Issue 7, point 13: an interrupted write left `.align-tmp-*` files behind (74 MB
// after a SIGTERM). Now SIGINT and SIGTERM remove the temp file of a write in
// progress and the run ends by the signal (a shell reports 130 and 143), and a
// temp file left by a SIGKILL is removed by the next write to the same folder.
// The same one handler erases the progress bar (atInterrupt; progress-tty.test.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atInterrupt, removePendingTemps, removeStaleTemps, STALE_TEMP_MS, trackTemp, untrackTemp, writeAtomic } from '../../src/cli/output.js';
import { BIN, ROOT } from '../helpers/run.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'align-temp-'));
const temps = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.align-tmp'));
const old = (path: string) => {
  const t = (Date.now() - 2 * STALE_TEMP_MS) / 1000;
  utimesSync(path, t, t);
};

describe('removeStaleTemps (what a SIGKILL left behind)', () => {
  it('removes only align temp names that are old regular files, never following a link', () => {
    const dir = fresh();
    const stale = join(dir, '.align-tmp-report.md-0a1b2c3d');
    writeFileSync(stale, 'half a report');
    old(stale);
    const recent = join(dir, '.align-tmp-report.md-11223344');
    writeFileSync(recent, 'being written by another run');
    const lookalike = join(dir, '.align-tmp-notes');
    writeFileSync(lookalike, 'not ours: no 8 hex digits');
    old(lookalike);
    const precious = join(dir, 'precious.txt');
    writeFileSync(precious, 'precious');
    const link = join(dir, '.align-tmp-x-deadbeef');
    symlinkSync(precious, link);
    const folder = join(dir, '.align-tmp-y-cafef00d');
    mkdirSync(folder);
    old(folder);
    expect(removeStaleTemps(dir)).toEqual(['.align-tmp-report.md-0a1b2c3d']);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(lookalike)).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(precious, 'utf8')).toBe('precious');
    expect(lstatSync(folder).isDirectory()).toBe(true);
  });

  it('runs on the next write to the folder', async () => {
    const dir = fresh();
    const stale = join(dir, '.align-tmp-report.md-0a1b2c3d');
    writeFileSync(stale, 'x'.repeat(1000));
    old(stale);
    await writeAtomic(join(dir, 'other.md'), 'hello');
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'other.md'), 'utf8')).toBe('hello');
  });
});

describe('removePendingTemps (what the signal handler calls)', () => {
  it('removes the temp files of writes in progress, and forgets them', () => {
    const dir = fresh();
    const temp = join(dir, '.align-tmp-r.md-00000000');
    writeFileSync(temp, 'partial');
    trackTemp(temp);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    expect(removePendingTemps()).toEqual([temp]);
    expect(existsSync(temp)).toBe(false);
    expect(removePendingTemps()).toEqual([]);
    untrackTemp(temp);
  });

  it('attaches the signal handlers only while a write is in progress', async () => {
    const before = process.listenerCount('SIGINT');
    const dir = fresh();
    await writeAtomic(join(dir, 'r.md'), 'done');
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('atInterrupt shares the one handler with the temp files: attached once while either needs it', () => {
    const before = process.listenerCount('SIGTERM');
    const forget = atInterrupt(() => undefined);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    const temp = join(fresh(), '.align-tmp-r.md-00000001');
    trackTemp(temp);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    forget();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1); // the write still needs it
    untrackTemp(temp);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    forget(); // twice: nothing
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

/** Spawns node on `script`, sends `signal` once it prints "ready", resolves with how it ended. */
function interrupted(
  script: string,
  signal: NodeJS.Signals,
  ready: (out: string) => boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let sent = false;
    const onData = (c: Buffer) => {
      out += c.toString();
      if (!sent && ready(out)) {
        sent = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code, sig) => resolve({ code, signal: sig, out }));
  });
}

describe('a signal during a write (spawned process, built dist/)', () => {
  const output = pathToFileURL(join(ROOT, 'dist/cli/output.js')).href;
  const script = (temp: string, cleanup = '') => `
      import { writeFileSync } from 'node:fs';
      import { atInterrupt, trackTemp } from ${JSON.stringify(output)};
      writeFileSync(${JSON.stringify(temp)}, 'x'.repeat(1 << 20));
      trackTemp(${JSON.stringify(temp)});
      ${cleanup}
      console.log('ready');
      setInterval(() => undefined, 1000);`;

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s runs the cleanups, removes the temp file and ends the run by the signal (a shell reports %i)', async (signal, rc) => {
    const dir = fresh();
    const temp = join(dir, '.align-tmp-report.md-abcdef01');
    const run = await interrupted(script(temp, "atInterrupt(() => console.log('cleaned'));"), signal, (out) => out.includes('ready'));
    // killed by the signal itself, as Node is without a handler: a shell loop stops at Ctrl-C
    expect([run.code, run.signal], run.out).toEqual([null, signal]);
    expect(run.out).toContain('cleaned');
    expect(temps(dir)).toEqual([]);
    // what a shell reports: 128 + the signal's number
    const line = `"$0" --input-type=module -e "$1" >"$2" & p=$!; until grep -q ready "$2"; do sleep 0.05; done; kill -${signal.slice(3)} $p; wait $p; echo rc=$?`;
    const shell = spawnSync('sh', ['-c', line, process.execPath, script(join(dir, '.align-tmp-r.md-abcdef02')), join(dir, 'ready.txt')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(shell.stdout, shell.stderr).toMatch(new RegExp(`rc=${rc}\n$`));
    expect(temps(dir)).toEqual([]);
  });

  it('smoke: align audit -o killed with SIGTERM while it works leaves no temp file', async () => {
    const dir = fresh();
    // a big stacks file: 400 leaders ranking 12 priorities, so the run lasts a while
    const priorities = Array.from({ length: 12 }, (_, i) => `Priority ${i + 1}`);
    const rows = ['name,role,' + priorities.join(',')];
    for (let l = 0; l < 400; l++) rows.push(`Leader ${l},Executive,` + priorities.map((_, i) => ((i + l) % 12) + 1).join(','));
    const input = join(dir, 'stacks.csv');
    writeFileSync(input, rows.join('\n'));
    const out = join(dir, 'report.md');
    const run = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'audit', input, '-o', out], { cwd: dir, stdio: 'ignore' });
      const watch = () => {
        if (temps(dir).length > 0 || existsSync(out)) child.kill('SIGTERM');
        else if (child.exitCode === null) setImmediate(watch);
      };
      watch();
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    // Whenever the signal landed (before, during or after the write), nothing half-written remains.
    expect([0, 143, null]).toContain(run.code);
    expect(temps(dir)).toEqual([]);
  }, 60_000);
});
