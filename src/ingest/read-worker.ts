/**
 * The helper thread of parallel.ts: plans a large file's first piece as the
 * main thread does, then reads the rows from the split to the end by that
 * plan, handing over each piece's rows packed as soon as they are read. Any
 * error of any kind ends it with `failed`: the main thread then reads that half
 * itself and meets the error where a reading by one thread meets it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AlignConfig } from './config-types.js';
import { planHead, type ReadOptions, tableOptionsFor } from './dataset.js';
import { type HelperData, type HelperMessage, packRows, planFingerprint } from './parallel.js';
import type { EncodingLabel } from './types.js';

const port = parentPort;
const say = (m: HelperMessage, transfer: ArrayBuffer[] = []) => port?.postMessage(m, transfer);

async function help(data: HelperData): Promise<void> {
  const { path, split, options: given, headBytes } = data;
  const options: ReadOptions = {
    config: given.config as AlignConfig,
    skipInvalid: given.skipInvalid,
    ...(given.encoding ? { encoding: given.encoding as EncodingLabel } : {}),
    ...(given.delimiter ? { delimiter: given.delimiter } : {}),
    ...(given.rankingQuestion ? { rankingQuestion: given.rankingQuestion } : {}),
    ...(given.likert ? { likert: given.likert } : {}),
    ...(given.pieceBytes ? { pieceBytes: given.pieceBytes } : {}),
    ...(given.headRecords ? { headRecords: given.headRecords } : {}),
  };
  const { reader, table, normalised } = await planHead(path, options, tableOptionsFor(path, options, given.maxRows, given.rowsBefore), headBytes, false);
  const read = normalised.readRecords;
  if (!reader.rest || !read || table.encoding !== 'utf-8') {
    say({ kind: 'failed', why: 'not a file the helper reads' });
    return;
  }
  say({ kind: 'plan', fingerprint: planFingerprint(table, normalised) });
  // the rating groups' answers of the first piece, counted by the main thread too: only the later ones are handed over
  const before = normalised.wholeRanges?.counts();
  await reader.rest(
    (records, lines, bytesRead) => {
      const more = read(records, lines);
      const { piece, transfer } = packRows(path, more.rows, more.excluded, records.length, bytesRead - split);
      say({ kind: 'piece', piece }, transfer);
    },
    { from: split },
  );
  const after = normalised.wholeRanges?.counts();
  if (!after || !before) {
    say({ kind: 'done' });
    return;
  }
  const counts: Record<string, number[]> = {};
  for (const [group, values] of Object.entries(after)) counts[group] = values.map((n, i) => n - (before[group]?.[i] ?? 0));
  say({ kind: 'done', counts });
}

help(workerData as HelperData).catch((e: unknown) => {
  say({ kind: 'failed', why: e instanceof Error ? e.message : String(e) });
});
