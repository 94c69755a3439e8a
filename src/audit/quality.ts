/**
 * Data quality: respondents whose answers deserve a second look, flagged in
 * `input.notes[]` and left out only when align.yml says so
 * (`quality: {exclude: [straight-lining, incomplete, speeders]}`):
 * - straight-lining: at least five rating items answered, all with the same value;
 * - incomplete: fewer than half of the survey's rating items answered (by
 *   someone who answered some part of the survey);
 * - speeders: where the tool records how long a response took, under a third
 *   of the median time (the median over everyone timed, when at least
 *   QUALITY_MIN_TIMED are).
 * The notes name nobody and quote no answer (a team member's answers are
 * confidential even when their group is shown), so repeats fold into one
 * entry with a count.
 */
import { QUALITY_MIN_TIMED } from '../defaults.js';
import { int, ledgerText, msg, type Tagged, t } from '../i18n/index.js';
import { forEachAnswer } from '../ingest/answers.js';
import type { QualityFlag } from '../ingest/config-types.js';
import type { Dataset, Excluded, LedgerKind, Note, Respondent } from '../ingest/types.js';
import { median } from '../stats/describe.js';
import { tookSurvey } from './groups.js';

/** Straight-lining is only told from this many answers (fewer alike can be honest). */
export const STRAIGHT_LINE_MIN_ITEMS = 5;
/** A speeder took less than this share of the median time. */
export const SPEEDER_BELOW_SHARE_OF_MEDIAN = 1 / 3;

const KIND: Record<QualityFlag, LedgerKind> = { 'straight-lining': 'straight-lining', incomplete: 'incomplete', speeders: 'speeder' };

export interface QualityOutcome {
  dataset: Dataset;
  notes: Note[];
  excluded: Excluded[];
}

/** The flags one respondent raises, in a fixed order. */
export function qualityFlags(r: Respondent, itemCount: number, medianSeconds: number | null): QualityFlag[] {
  const flags: QualityFlag[] = [];
  // the answers' number and whether all are alike, without copying them (asked of every respondent)
  let answered = 0;
  let first: number | undefined;
  let alike = true;
  forEachAnswer(r.likert, (_, v) => {
    if (answered === 0) first = v;
    else if (v !== first) alike = false;
    answered++;
  });
  if (answered >= STRAIGHT_LINE_MIN_ITEMS && alike) flags.push('straight-lining');
  // only for someone who took the survey: a stacks-only row (a leader ranked in another file) is not incomplete
  if (itemCount >= 2 && answered < itemCount / 2 && tookSurvey(r)) flags.push('incomplete');
  if (medianSeconds !== null && r.durationSeconds !== undefined && r.durationSeconds < medianSeconds * SPEEDER_BELOW_SHARE_OF_MEDIAN) flags.push('speeders');
  return flags;
}

export function checkQuality(dataset: Dataset, exclude: readonly QualityFlag[]): QualityOutcome {
  const itemCount = dataset.items.length;
  const timed = dataset.respondents.map((r) => r.durationSeconds).filter((s): s is number => s !== undefined);
  const medianSeconds = timed.length >= QUALITY_MIN_TIMED ? median(timed) : null;
  // worded from the catalogue (ledgerText): English in the JSON, the report's language in a report
  const text: Record<QualityFlag, ReturnType<typeof msg>> = {
    'straight-lining': msg('ledger.quality.straightLining', { min: String(STRAIGHT_LINE_MIN_ITEMS) }),
    incomplete: msg('ledger.quality.incomplete', { n: itemCount, count: int(itemCount) }),
    speeders: msg('ledger.quality.speeders', { median: medianSeconds === null ? '' : durationMessage(medianSeconds) }),
  };
  const notes: Note[] = [];
  const excluded: Excluded[] = [];
  if (exclude.includes('speeders') && medianSeconds === null) {
    // asked for, but not possible: say so rather than check nothing in silence
    notes.push(
      ledgerText(
        { file: dataset.files[0]?.path ?? '', line: 1 },
        'note',
        timed.length === 0
          ? msg('ledger.quality.untimed')
          : msg('ledger.quality.fewTimed', { n: timed.length, count: String(timed.length), needed: String(QUALITY_MIN_TIMED) }),
      ),
    );
  }
  const kept: Respondent[] = [];
  for (const r of dataset.respondents) {
    const flags = qualityFlags(r, itemCount, medianSeconds);
    if (flags.length === 0) {
      kept.push(r);
      continue;
    }
    const about = [{ role: r.role, department: r.department }];
    const out = flags.find((f) => exclude.includes(f));
    if (out !== undefined) {
      const lines = r.lines ?? [r.line];
      for (const line of lines) {
        excluded.push(ledgerText({ file: r.file, line, kind: KIND[out], about: about[0]! }, 'reason', msg('ledger.quality.leftOut', { what: text[out] })));
      }
      continue;
    }
    kept.push(r);
    for (const f of flags)
      notes.push(ledgerText({ file: r.file, line: r.line, kind: KIND[f], about }, 'note', msg('ledger.quality.kept', { what: text[f], flag: f })));
  }
  return { dataset: kept.length === dataset.respondents.length ? dataset : { ...dataset, respondents: kept }, notes, excluded };
}

/** 540 -> "9 min", 75 -> "1 min 15 s", 40 -> "40 s" (in the current language). */
export function durationText(seconds: number): string {
  const m = durationMessage(seconds);
  return t(m.key, m.params);
}

/** A duration as a message: minutes and seconds, worded in the reader's language. */
export function durationMessage(seconds: number): Extract<Tagged, { $: 'msg' }> {
  const s = Math.round(seconds);
  if (s < 60) return msg('ledger.duration.s', { s: String(s) });
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? msg('ledger.duration.m', { m: String(m) }) : msg('ledger.duration.ms', { m: String(m), s: String(rest) });
}
