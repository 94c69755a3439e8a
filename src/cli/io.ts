/**
 * The outside world a command may touch, injected so commands can be tested
 * in-process (STYLE.md habit 6).
 */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when standard input is a terminal a person can answer prompts on. */
  interactive: boolean;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/**
 * Colour only for a terminal that takes it: never with --no-color or NO_COLOR
 * (https://no-color.org), FORCE_COLOR=0 or TERM=dumb; always with FORCE_COLOR=1..3
 * (even into a pipe, which is what forcing means).
 */
export function useColor(io: Io, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const forced = io.env.FORCE_COLOR;
  if (forced === '0' || forced === 'false') return false;
  if (forced !== undefined) return true;
  if (io.env.TERM === 'dumb') return false;
  return Boolean(io.stdout.isTTY);
}

/**
 * How many colours the terminal takes, from the same environment variables
 * chalk's supports-color reads: FORCE_COLOR=1/2/3, COLORTERM=truecolor, a
 * TERM with 256 in it; otherwise the 16 basic colours.
 */
export function colorLevel(io: Io): 1 | 2 | 3 {
  const forced = io.env.FORCE_COLOR;
  if (forced === '1' || forced === '2' || forced === '3') return Number(forced) as 1 | 2 | 3;
  const colorterm = (io.env.COLORTERM ?? '').toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if (/256/.test(io.env.TERM ?? '')) return 2;
  return 1;
}
