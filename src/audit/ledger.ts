/**
 * The row ledger as AuditResult shows it (`input.excluded[]`, `input.notes[]`),
 * with the anonymity rule applied (ARCHITECTURE.md, "Anonymity"): a note or an
 * exclusion about a member of a hidden group keeps its file and line (the
 * consultant's audit trail) but no name and no answer: its text becomes a
 * fixed wording of its kind, and it is marked `suppressed: true`, which the
 * reports a client reads turn into a count without lines (render/view-model.ts,
 * clientLedger).
 *
 * Who is in a hidden group: a non-leader whose department is not one of the
 * groups shown (a department under the threshold, one hidden so that a smaller
 * one cannot be worked out, or no department at all). Leaders are named anyway.
 *
 * A note that repeats is one entry with the first occurrence's file and line,
 * plus `count` and `lines` (at most 5); for a hidden group that is every note
 * of one kind in one file.
 */

import { keepWording, ledgerText, msg } from '../i18n/index.js';
import type { Excluded, LedgerKind, Note, Subject } from '../ingest/types.js';
import type { LedgerExclusion, LedgerNote } from './types.js';

/** What a hidden member's note says, whoever they are and whatever they answered. */
const HIDDEN_NOTE: Record<LedgerKind, string> = {
  tie: 'gave two or more priorities the same rank: they share the average rank',
  'blank-rank': 'left a rank blank: counted as unranked',
  'same-name': 'has the same name as another respondent and no distinct emails or person ids to tell them apart: counted as two people',
  'same-id': 'has the same respondent id as another response: counted as two responses',
  'blank-role': 'has a blank role: not counted as a leader',
  'write-in': 'ranked a write-in, not one of the priorities: left out of the stack',
  'merged-spellings': 'wrote a priority in a spelling that reads as another (case, spacing, punctuation or invisible characters): counted as one',
  'ranked-nothing': 'ranked no priority: left out of the department stacks',
  invalid: 'has a note on their row (withheld: a member of a group too small to show)',
  duplicate: 'has a note on their row (withheld: a member of a group too small to show)',
  'nothing-answered': 'has a note on their row (withheld: a member of a group too small to show)',
  'not-a-response': 'has a note on their row (withheld: a member of a group too small to show)',
  'straight-lining': 'gave the same answer to every rating item (straight-lining)',
  incomplete: 'answered fewer than half of the rating items',
  speeder: 'finished in under a third of the median time',
  other: 'has a note on their row (withheld: a member of a group too small to show)',
};

/** What a hidden member's excluded row says. */
const HIDDEN_REASON: Record<LedgerKind, string> = {
  invalid: 'invalid value, respondent left out (--skip-invalid)',
  duplicate: 'duplicate: replaced by a later submission',
  'nothing-answered': 'nothing answered',
  'not-a-response': 'not a complete response (a preview, test, spam or unfinished response)',
  tie: 'not used',
  'blank-rank': 'not used',
  'same-name': 'not used',
  'same-id': 'not used',
  'blank-role': 'not used',
  'write-in': 'not used',
  'merged-spellings': 'not used',
  'ranked-nothing': 'not used',
  'straight-lining': 'gave the same answer to every rating item: straight-lining; left out (align.yml quality.exclude)',
  incomplete: 'answered fewer than half of the rating items; left out (align.yml quality.exclude)',
  speeder: 'finished in under a third of the median time; left out (align.yml quality.exclude)',
  other: 'not used (the reason is withheld: a member of a group too small to show)',
};

/** stack.ts's note on one non-leader who ranked nothing; ledgerNotes folds them into one per file. */
export const NON_LEADER_RANKED_NOTHING = 'a respondent who is not a leader ranked no priority: left out of the department stacks';

/** The shown note for non-leaders who ranked nothing, one per file (stack.ts writes one per respondent). */
const rankedNothingShown = (entry: LedgerNote, lines: readonly number[]): LedgerNote => {
  const shown = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
  // the count as digits, unformatted, as the note has always written it
  return ledgerText(entry, 'note', msg('ledger.note.rankedNothing', { n: lines.length, count: String(lines.length), lines: shown }));
};

const MAX_LINES = 5;

export interface LedgerRule {
  /** True when the subject is a member of a hidden group (see the file comment). */
  hidden: (subject: Subject) => boolean;
}

/** `input.notes[]`: hidden members' notes by kind only, repeats folded; input order kept. */
export function ledgerNotes(notes: readonly Note[], rule: LedgerRule): LedgerNote[] {
  const out: LedgerNote[] = [];
  const folded = new Map<string, { entry: LedgerNote; all: number[] }>();
  const fold = (key: string, make: () => LedgerNote, line: number): void => {
    const f = folded.get(key);
    if (f) {
      f.all.push(line);
      return;
    }
    const entry = make();
    folded.set(key, { entry, all: [line] });
    out.push(entry);
  };
  for (const n of notes) {
    const isHidden = n.about?.some(rule.hidden) ?? false;
    if (isHidden) {
      const note = HIDDEN_NOTE[n.kind ?? 'other'];
      fold(`h\u0000${n.file}\u0000${note}`, () => ({ file: n.file, line: n.line, note, suppressed: true }), n.line);
    } else if (n.kind === 'ranked-nothing' && n.note === NON_LEADER_RANKED_NOTHING) {
      fold(`r\u0000${n.file}`, () => ({ file: n.file, line: n.line, note: '' }), n.line);
    } else {
      // the same words on several lines of one file: one entry with a count (ARCHITECTURE.md, input.notes[])
      // folded by the English text, which its message (if any) words one way only
      fold(`s\u0000${n.file}\u0000${n.note}`, () => keepWording(n, { file: n.file, line: n.line, note: n.note }), n.line);
    }
  }
  for (const [key, { entry, all }] of folded) {
    if (key.startsWith('r\u0000')) rankedNothingShown(entry, all);
    else if (all.length > 1) {
      entry.count = all.length;
      entry.lines = all.slice(0, MAX_LINES);
    }
  }
  return out;
}

/** `input.excluded[]`: one entry per line, with its kind (the audit trail); a hidden member's reason by kind only. */
export function ledgerExcluded(excluded: readonly Excluded[], rule: LedgerRule): LedgerExclusion[] {
  return excluded.map((e) => {
    const kind = e.kind ?? 'other';
    return e.about !== undefined && rule.hidden(e.about)
      ? { file: e.file, line: e.line, reason: HIDDEN_REASON[kind], kind, suppressed: true }
      : keepWording(e, { file: e.file, line: e.line, reason: e.reason, kind });
  });
}

/**
 * Kinds whose reasons carry the row's own detail (the line of the submission
 * that replaced it, the cell that was invalid): a summary by reason reads them
 * as one reason, in the kind's fixed wording. Other kinds' wordings are few.
 */
const SUMMARISED_BY_KIND: ReadonlySet<LedgerKind> = new Set(['duplicate', 'invalid']);

/**
 * The reason an excluded row is summarised under in the reports a client reads
 * (render/view-model.ts, clientLedger): one line per reason, not one per row.
 * "duplicate (same email): replaced by the later submission on line 14" and
 * "… on line 20" are both "duplicate: replaced by a later submission"; the
 * JSON keeps each row's own reason.
 */
export function exclusionSummary(e: Pick<LedgerExclusion, 'reason' | 'kind' | 'suppressed'>): string {
  if (e.suppressed || e.kind === undefined || !SUMMARISED_BY_KIND.has(e.kind)) return e.reason;
  return HIDDEN_REASON[e.kind];
}
