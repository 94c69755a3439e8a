/**
 * The progress bar (issue 13): one line on standard error for a run longer
 * than about a second, only when standard error is a terminal; silent
 * otherwise and under --quiet, so a pipe, a log file or a script never sees it.
 *
 *   const progress = createProgress(io, { quiet: flags.quiet });
 *   progress.update(bytesRead, bytesTotal, 'reading');   // "align: [=====>    ]  48% reading"
 *   progress.update(0, 0, 'analysing');                  // a phase without a measure: "align: analysing…"
 *   progress.done();                                     // clears the line before the command prints
 *
 * Nothing is drawn until AFTER_MS have passed since creation; after that a
 * line is redrawn at most every REDRAW_MS (ten times a second), except that a
 * new label is drawn at once: a phase that starts a long synchronous step
 * (analysing, rendering) must show before the step blocks the event loop.
 * Each frame is `\r` + the line + `\x1b[K` (erase what a longer frame left);
 * done() erases the line (`\r\x1b[K`) when anything was drawn, so the
 * terminal is clean for the command's own output and for an error message.
 * While a measured frame is drawn (reading, in pieces, between which the
 * event loop turns), SIGINT or SIGTERM erases the line before the run ends,
 * through output.ts's one signal handler (atInterrupt), so Ctrl-C does not
 * leave "…48% reading" in front of the shell's prompt. A phase without a
 * measure is one long synchronous step (analysing, rendering): a JavaScript
 * signal handler would run only when the step ends, seconds later on a large
 * file, so during such a phase the erase is unregistered and a signal stops
 * the run at once, as Node does by default, leaving "align: analysing…" on
 * the line. Prompt Ctrl-C matters more than a clean line.
 */
import type { Io } from './io.js';
import { atInterrupt } from './output.js';

export interface Progress {
  /** `done` of `total` (bytes, rows…); a `total` of 0 or less is a phase without a measure, drawn as its label alone. */
  update(done: number, total: number, label?: string): void;
  /** Erases the line if one was drawn; later updates draw nothing. Safe to call twice. */
  done(): void;
}

export interface ProgressOptions {
  /** --quiet: nothing at all. */
  quiet?: boolean;
  /** The clock in milliseconds; tests inject a fake one. Default performance.now. */
  now?: () => number;
  /** Draw nothing before this many milliseconds since creation. Default: see afterMs(). */
  afterMs?: number;
  /** At least this many milliseconds between two frames of one label. Default REDRAW_MS. */
  redrawMs?: number;
  /** Registers the erase to run on SIGINT or SIGTERM, returning its unregistration. Default output.ts's atInterrupt; tests inject a fake. */
  atInterrupt?: (cleanup: () => void) => () => void;
}

/** About a second: a run shorter than that shows no bar. */
export const AFTER_MS = 1000;
/** At most ten frames a second. */
export const REDRAW_MS = 100;
const BAR_CELLS = 20;

/** The reporter of a run that shows nothing (not a terminal, --quiet). */
export const SILENT: Progress = { update: () => undefined, done: () => undefined };

/**
 * The threshold: ALIGN_PROGRESS_AFTER_MS, when it holds a whole number of
 * milliseconds in digits, else AFTER_MS. The variable exists for tests that
 * run the real binary under a pseudo-terminal (test/cli/progress-tty.test.ts):
 * with 0 the bar draws at the first update, so the test does not depend on
 * how fast the machine reads a file. Not documented for users.
 */
export function afterMs(env: NodeJS.ProcessEnv): number {
  const given = env.ALIGN_PROGRESS_AFTER_MS?.trim();
  return given !== undefined && /^\d+$/.test(given) ? Number(given) : AFTER_MS;
}

/** One frame's text: "align: [=========>          ]  48% reading", or "align: analysing…" without a measure. */
export function progressLine(done: number, total: number, label: string | undefined, columns: number): string {
  let text: string;
  if (total > 0) {
    const share = Math.min(1, Math.max(0, done / total));
    const full = Math.floor(share * BAR_CELLS);
    const bar = full >= BAR_CELLS ? '='.repeat(BAR_CELLS) : `${'='.repeat(full)}>${' '.repeat(BAR_CELLS - full - 1)}`;
    text = `align: [${bar}] ${String(Math.floor(share * 100)).padStart(3)}%${label ? ` ${label}` : ''}`;
  } else {
    text = `align: ${label ?? 'working'}…`;
  }
  // one character short of the width: a frame that wraps cannot be redrawn in place with \r
  return columns > 1 && text.length > columns - 1 ? text.slice(0, columns - 1) : text;
}

/** A reporter drawing on io.stderr (see the file comment), or SILENT. TERM=dumb cannot erase a line: silent too. */
export function createProgress(io: Io, options: ProgressOptions = {}): Progress {
  if (options.quiet || !io.stderr.isTTY || io.env.TERM === 'dumb') return SILENT;
  const now = options.now ?? (() => performance.now());
  const start = now();
  const after = options.afterMs ?? afterMs(io.env);
  const redraw = options.redrawMs ?? REDRAW_MS;
  let drawnAt: number | null = null;
  let drawnLabel: string | undefined;
  let finished = false;
  const erase = () => io.stderr.write('\r\x1b[K');
  // registered at the first measured frame (see the file comment): a run that never draws never touches the signal handling
  let unregister: (() => void) | null = null;
  return {
    update(done, total, label) {
      if (finished) return;
      const t = now();
      if (t - start < after) return;
      if (drawnAt !== null && t - drawnAt < redraw && label === drawnLabel) return;
      if (total > 0) unregister ??= (options.atInterrupt ?? atInterrupt)(erase);
      else {
        unregister?.();
        unregister = null;
      }
      drawnAt = t;
      drawnLabel = label;
      io.stderr.write(`\r${progressLine(done, total, label, io.stderr.columns ?? 80)}\x1b[K`);
    },
    done() {
      if (finished) return;
      finished = true;
      unregister?.();
      unregister = null;
      if (drawnAt !== null) erase();
    },
  };
}
