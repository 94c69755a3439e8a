// Drives the real built CLI (bin/align.js) under a pseudo-terminal made by
// util-linux's `script` (Debian's bsdutils; .ci/run installs it when missing):
// each step waits until the terminal shows what it expects, then types.
import { spawn, spawnSync } from 'node:child_process';
import { BIN } from '../helpers/run.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\u001b[B', ctrlC: '\u0003' } as const;

/** A shell word, quoted for sh. */
export const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Fails, naming the install, when `script` is missing (a failure, not a skip). */
export function requireScript(): void {
  const found = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (found.error) throw new Error("util-linux's script is needed for this test: sudo apt-get install bsdutils");
}

/** The terminal's text without escape sequences (colours, cursor moves). */
export function plain(tty: string): string {
  return tty.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b[()][0-9A-Za-z]/g, '');
}

export interface Step {
  /** What the terminal must show (after the previous step's match) before typing. */
  wait: RegExp;
  /** What to type; each `\r` is sent as its own key press, after a short pause, so a prompt has drawn before the Enter. */
  type?: string;
  /** Instead of typing: SIGKILL the align process. */
  kill?: true;
}

export interface Session {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Everything the terminal received, escape sequences and all. */
  tty: string;
}

const PAUSE_MS = 60;
const STEP_TIMEOUT_MS = 20_000;

/**
 * Runs `align <args>` under a pseudo-terminal in `cwd` and plays `steps`;
 * resolves when the process ends. The shell prints its pid, then execs align
 * in its place, so the pid is align's (for the SIGKILL step).
 */
export function drive(args: string[], steps: Step[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Session> {
  const command = `echo "pid=$$"; exec ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env.PATH, TERM: 'xterm', COLUMNS: '80', LINES: '24', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let tty = '';
    let from = 0;
    let step = 0;
    let busy = false;
    let pid: number | null = null;
    let stepTimer: NodeJS.Timeout | null = null;
    const fail = (why: string) => {
      child.kill('SIGKILL');
      if (pid !== null) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      reject(new Error(`${why}\n--- the terminal's last lines ---\n${plain(tty).slice(-1500)}`));
    };
    const arm = () => {
      if (stepTimer) clearTimeout(stepTimer);
      if (step < steps.length) stepTimer = setTimeout(() => fail(`step ${step + 1} waited for ${steps[step]!.wait} in vain`), STEP_TIMEOUT_MS);
    };
    const advance = async () => {
      if (busy) return;
      busy = true;
      while (step < steps.length) {
        const s = steps[step]!;
        const seen = plain(tty).slice(from);
        const m = s.wait.exec(seen);
        if (!m) break;
        from += m.index + m[0].length;
        step++;
        arm();
        if (s.kill) {
          if (pid === null) return fail('no pid to kill');
          process.kill(pid, 'SIGKILL');
          continue;
        }
        for (const part of (s.type ?? '').split(/(\r)/)) {
          if (part === '') continue;
          await new Promise((r) => setTimeout(r, PAUSE_MS));
          child.stdin.write(part);
        }
      }
      busy = false;
    };
    arm();
    child.stdout.on('data', (c: Buffer) => {
      tty += c.toString('utf8');
      if (pid === null) {
        const found = /pid=(\d+)/.exec(tty);
        if (found) pid = Number(found[1]);
      }
      void advance();
    });
    child.on('close', (code, signal) => {
      if (stepTimer) clearTimeout(stepTimer);
      if (step < steps.length)
        return reject(new Error(`align ended (code ${code}) at step ${step + 1}, waiting for ${steps[step]!.wait}\n${plain(tty).slice(-1500)}`));
      resolve({ code, signal, tty });
    });
  });
}
