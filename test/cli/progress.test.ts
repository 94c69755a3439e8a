/**
 * src/cli/progress.ts: the progress bar, driven by a fake clock and a fake
 * terminal (a stream with isTTY), so no test depends on how fast anything runs.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { AFTER_MS, afterMs, createProgress, progressLine, REDRAW_MS } from '../../src/cli/progress.js';

function fakeIo(options: { tty?: boolean; env?: NodeJS.ProcessEnv; columns?: number } = {}): { io: Io; written: string[] } {
  const written: string[] = [];
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  stderr.isTTY = options.tty ?? true;
  stderr.columns = options.columns ?? 80;
  stderr.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof stderr.write;
  const io: Io = { stdout: new PassThrough(), stderr, env: options.env ?? {}, cwd: '/', interactive: false };
  return { io, written };
}

/** The signal registration of tests that are not about it: nothing is attached to this test process. */
const noSignals = () => () => undefined;

/** A fake atInterrupt: what is registered now, to run as the signal handler would. */
function fakeSignals(): { atInterrupt: (cleanup: () => void) => () => void; registered: Set<() => void>; registrations: () => number } {
  const registered = new Set<() => void>();
  let count = 0;
  return {
    atInterrupt: (cleanup) => {
      count++;
      registered.add(cleanup);
      return () => registered.delete(cleanup);
    },
    registered,
    registrations: () => count,
  };
}

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 5000; // any origin: the reporter measures from its creation
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('createProgress(io, {quiet}) on a terminal', () => {
  test('draws nothing before a second has passed since creation', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    p.update(10, 100, 'reading');
    clock.advance(AFTER_MS - 1);
    p.update(50, 100, 'reading');
    p.done();
    expect(written).toEqual([]); // a run under a second leaves the terminal untouched, not even an erase
  });

  test('after a second: a frame is \\r + bar + percentage + label + erase-to-end-of-line', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    clock.advance(AFTER_MS);
    p.update(48, 100, 'reading');
    expect(written).toEqual(['\ralign: [=========>          ]  48% reading\x1b[K']);
  });

  test('redraws at most ten times a second for one label', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    clock.advance(AFTER_MS);
    // 2 seconds of updates every 10 ms: 200 updates, a frame every REDRAW_MS at most
    for (let i = 0; i < 200; i++) {
      p.update(i, 200, 'reading');
      clock.advance(10);
    }
    expect(written).toHaveLength((200 * 10) / REDRAW_MS);
    expect(written.every((w) => w.startsWith('\r'))).toBe(true);
  });

  test('a new label is drawn at once (a phase that blocks must show before it starts)', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    clock.advance(AFTER_MS);
    p.update(100, 100, 'reading');
    p.update(0, 0, 'analysing');
    p.update(0, 0, 'analysing'); // the same label within REDRAW_MS: throttled
    p.update(0, 0, 'rendering');
    expect(written).toEqual(['\ralign: [====================] 100% reading\x1b[K', '\ralign: analysing…\x1b[K', '\ralign: rendering…\x1b[K']);
  });

  test('done() clears the line with \\r\\x1b[K, once; updates after it draw nothing', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    clock.advance(AFTER_MS + 1);
    p.update(1, 2, 'reading');
    p.done();
    p.done();
    clock.advance(AFTER_MS);
    p.update(2, 2, 'reading');
    expect(written.at(-1)).toBe('\r\x1b[K');
    expect(written.filter((w) => w === '\r\x1b[K')).toHaveLength(1);
    expect(written).toHaveLength(2);
  });

  test('a frame never reaches the last column (a wrapped line cannot be redrawn in place)', () => {
    const { io, written } = fakeIo({ columns: 20 });
    const clock = fakeClock();
    const p = createProgress(io, { now: clock.now, atInterrupt: noSignals });
    clock.advance(AFTER_MS);
    p.update(1, 2, 'reading a long file name');
    expect(written[0]!.replace('\r', '').replace('\x1b[K', '')).toHaveLength(19);
  });
});

describe('createProgress: a signal while the bar shows (SIGINT, SIGTERM)', () => {
  test('the erase is registered at the first measured frame, runs as the handler would, and is unregistered by done()', () => {
    const { io, written } = fakeIo();
    const clock = fakeClock();
    const signals = fakeSignals();
    const p = createProgress(io, { now: clock.now, atInterrupt: signals.atInterrupt });
    p.update(1, 10, 'reading'); // before the threshold: nothing drawn, nothing registered
    expect(signals.registered.size).toBe(0);
    clock.advance(AFTER_MS);
    p.update(2, 10, 'reading');
    clock.advance(REDRAW_MS);
    p.update(3, 10, 'reading');
    expect(signals.registrations()).toBe(1); // once for the run, not once a frame
    for (const cleanup of signals.registered) cleanup();
    expect(written.at(-1)).toBe('\r\x1b[K');
    p.done();
    expect(signals.registered.size).toBe(0);
  });

  test('a phase without a measure (a long synchronous step) unregisters it, so a signal stops the run at once; reading again registers it again', () => {
    const { io } = fakeIo();
    const clock = fakeClock();
    const signals = fakeSignals();
    const p = createProgress(io, { now: clock.now, atInterrupt: signals.atInterrupt });
    clock.advance(AFTER_MS);
    p.update(10, 10, 'reading');
    expect(signals.registered.size).toBe(1);
    p.update(0, 0, 'analysing');
    expect(signals.registered.size).toBe(0);
    p.update(1, 10, 'reading --rankings');
    expect(signals.registered.size).toBe(1);
    p.done();
    expect(signals.registered.size).toBe(0);
  });

  test('a run that never draws registers nothing; neither does a silent one', () => {
    const signals = fakeSignals();
    const clock = fakeClock();
    const quick = createProgress(fakeIo().io, { now: clock.now, atInterrupt: signals.atInterrupt });
    quick.update(5, 10, 'reading');
    quick.done();
    const piped = createProgress(fakeIo({ tty: false }).io, { now: clock.now, afterMs: 0, atInterrupt: signals.atInterrupt });
    piped.update(5, 10, 'reading');
    piped.done();
    expect(signals.registrations()).toBe(0);
  });
});

describe('createProgress: nothing at all', () => {
  const drive = (io: Io, quiet = false) => {
    const clock = fakeClock();
    const p = createProgress(io, { quiet, now: clock.now, atInterrupt: noSignals });
    for (let i = 0; i <= 50; i++) {
      clock.advance(100);
      p.update(i, 50, i % 10 === 0 ? `phase ${i}` : 'reading');
    }
    p.done();
  };

  test('when standard error is not a terminal (a pipe, a file, a CI log)', () => {
    const { io, written } = fakeIo({ tty: false });
    drive(io);
    expect(written).toEqual([]);
  });

  test('under --quiet, even on a terminal', () => {
    const { io, written } = fakeIo();
    drive(io, true);
    expect(written).toEqual([]);
  });

  test('on TERM=dumb, which cannot erase a line', () => {
    const { io, written } = fakeIo({ env: { TERM: 'dumb' } });
    drive(io);
    expect(written).toEqual([]);
  });
});

describe('the threshold', () => {
  test('afterMs(env): ALIGN_PROGRESS_AFTER_MS in digits, else about a second', () => {
    expect(afterMs({})).toBe(1000);
    expect(afterMs({ ALIGN_PROGRESS_AFTER_MS: '0' })).toBe(0);
    expect(afterMs({ ALIGN_PROGRESS_AFTER_MS: '250' })).toBe(250);
    expect(afterMs({ ALIGN_PROGRESS_AFTER_MS: '-1' })).toBe(1000);
    expect(afterMs({ ALIGN_PROGRESS_AFTER_MS: '1e3' })).toBe(1000);
    expect(afterMs({ ALIGN_PROGRESS_AFTER_MS: '' })).toBe(1000);
  });

  test('ALIGN_PROGRESS_AFTER_MS=0 draws at the first update', () => {
    const { io, written } = fakeIo({ env: { ALIGN_PROGRESS_AFTER_MS: '0' } });
    const p = createProgress(io, { now: fakeClock().now, atInterrupt: noSignals });
    p.update(0, 10, 'reading');
    expect(written).toEqual(['\ralign: [>                   ]   0% reading\x1b[K']);
  });
});

describe('progressLine(done, total, label, columns)', () => {
  test('a bar of twenty cells, the percentage rounded down, the share held to 0..100%', () => {
    expect(progressLine(0, 100, 'reading', 80)).toBe('align: [>                   ]   0% reading');
    expect(progressLine(999, 1000, undefined, 80)).toBe('align: [===================>]  99%');
    expect(progressLine(1000, 1000, 'reading', 80)).toBe('align: [====================] 100% reading');
    expect(progressLine(2000, 1000, 'reading', 80)).toBe('align: [====================] 100% reading');
    expect(progressLine(0, 0, 'analysing', 80)).toBe('align: analysing…');
  });
});

describe('--quiet: errors only on standard error (every command takes it)', () => {
  const withDir = async (run: (dir: string) => Promise<void>) => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'align-quiet-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('audit -o, schema -o and templates eject say what they wrote, and say nothing with --quiet', async () => {
    const { runAlign } = await import('../helpers/run.js');
    await withDir(async (dir) => {
      const runs: Array<[string[], RegExp]> = [
        [['audit', 'examples/fernhill-stacks.csv', '-o', `${dir}/r.md`], /^align: wrote /],
        [['schema', '-o', `${dir}/s.json`], /^align: wrote /],
        [['templates', 'eject', `${dir}/t`], /^align: copied /],
      ];
      for (const [args, said] of runs) {
        expect((await runAlign(args)).stderr).toMatch(said);
        const quiet = await runAlign([...args, '--quiet', '--force']);
        expect([quiet.code, quiet.stderr]).toEqual([0, '']);
      }
    });
  });

  test('stack, inspect and diff accept it; an error is still printed', async () => {
    const { runAlign } = await import('../helpers/run.js');
    expect((await runAlign(['stack', 'examples/fernhill-stacks.csv', '-q'])).code).toBe(0);
    expect((await runAlign(['inspect', 'examples/fernhill-stacks.csv', '--quiet'])).code).toBe(0);
    const missing = await runAlign(['diff', 'nope-1.json', 'nope-2.json', '--quiet']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^align: .*nope-1\.json/);
  });
});
