/**
 * Where a run's time goes, for `npm run bench` (issue 13: when a target is
 * missed, the bench shows whether reading, decoding, parsing, the column
 * plan (the first piece's), reading rows by it, taking in the rows a helper thread read (merge) and waiting for it
 * (src/ingest/parallel.ts), assembling the dataset, the statistics or rendering took it). Off unless the
 * environment variable ALIGN_PHASES names a file: then each phase's total
 * milliseconds are written there as JSON when the process exits. A phase is
 * timed around a whole piece of work (a 1 MiB piece, the audit), never per
 * row, so timing costs nothing measurable.
 */
import { writeFileSync } from 'node:fs';

type Phase = 'decode' | 'parse' | 'plan' | 'rows' | 'merge' | 'wait' | 'assemble' | 'statistics' | 'render';

const target = process.env.ALIGN_PHASES;
const totals: Record<Phase, number> = { decode: 0, parse: 0, plan: 0, rows: 0, merge: 0, wait: 0, assemble: 0, statistics: 0, render: 0 };

if (target) {
  process.on('exit', () => {
    writeFileSync(target, `${JSON.stringify(totals)}\n`);
  });
}

/** Runs `work`, adding its time to `phase` when phases are timed. */
export function timed<T>(phase: Phase, work: () => T): T {
  if (!target) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    totals[phase] += performance.now() - start;
  }
}

/** As timed, for work that is awaited. */
export async function timedAsync<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
  if (!target) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    totals[phase] += performance.now() - start;
  }
}
