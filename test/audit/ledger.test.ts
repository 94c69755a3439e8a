// The ledger with the anonymity rule (ARCHITECTURE.md, "Anonymity"): entries about a
// member of a hidden group keep file and line but say only their kind.
import { describe, expect, it } from 'vitest';
import { exclusionSummary, ledgerExcluded, ledgerNotes, NON_LEADER_RANKED_NOTHING } from '../../src/audit/ledger.js';
import type { Subject } from '../../src/ingest/types.js';

const ops: Subject = { role: 'Manager', department: 'Ops' };
const sales: Subject = { role: 'Manager', department: 'Sales' };
const chief: Subject = { role: 'Executive', department: 'Ops' };
const rule = { hidden: (s: Subject) => s.role !== 'Executive' && s.department !== 'Sales' };

describe('ledgerNotes(notes, rule)', () => {
  it("gives a hidden member's note the wording of its kind, folds repeats per file with count and at most 5 lines", () => {
    const tie = (line: number, about: Subject) => ({
      file: 'f.csv',
      line,
      note: `This respondent gave rank 1 to both "A" and "B" (${line})`,
      kind: 'tie' as const,
      about: [about],
    });
    const out = ledgerNotes([tie(2, ops), tie(3, sales), ...[4, 5, 6, 7, 8, 9].map((l) => tie(l, ops))], rule);
    expect(out).toEqual([
      {
        file: 'f.csv',
        line: 2,
        note: 'gave two or more priorities the same rank: they share the average rank',
        suppressed: true,
        count: 7,
        lines: [2, 4, 5, 6, 7],
      },
      { file: 'f.csv', line: 3, note: 'This respondent gave rank 1 to both "A" and "B" (3)' },
    ]);
  });

  it("hides a note about two people when either is hidden; keeps a leader's and a note on the file itself", () => {
    const out = ledgerNotes(
      [
        { file: 'f.csv', line: 4, note: 'same name as line 2 ("Sam")', kind: 'same-name', about: [sales, ops] },
        { file: 'f.csv', line: 5, note: 'Bo is a leader but ranked no priority', kind: 'ranked-nothing', about: [chief] },
        { file: 'f.csv', line: 1, note: 'align.yml names column "x", which this file does not have' },
        { file: 'f.csv', line: 6, note: 'blank rank for "Zelda": counted as unranked', kind: 'blank-rank', about: [{ role: null, department: null }] },
      ],
      rule,
    );
    expect(out.map((n) => n.note)).toEqual([
      'has the same name as another respondent and no distinct emails or person ids to tell them apart: counted as two people',
      'Bo is a leader but ranked no priority',
      'align.yml names column "x", which this file does not have',
      'left a rank blank: counted as unranked',
    ]);
    expect(JSON.stringify(out)).not.toMatch(/Sam|Zelda/);
  });

  it('folds non-leaders who ranked nothing into one note per file, listing only the lines of members shown', () => {
    const nothing = (line: number, about: Subject) => ({
      file: 'f.csv',
      line,
      note: NON_LEADER_RANKED_NOTHING,
      kind: 'ranked-nothing' as const,
      about: [about],
    });
    const out = ledgerNotes([nothing(3, sales), nothing(4, ops), nothing(7, sales)], rule);
    expect(out).toEqual([
      { file: 'f.csv', line: 3, note: '2 respondents who are not leaders ranked no priority (lines 3, 7): left out of the department stacks' },
      { file: 'f.csv', line: 4, note: 'ranked no priority: left out of the department stacks', suppressed: true },
    ]);
  });
});

describe('ledgerExcluded(excluded, rule)', () => {
  it("keeps every line; a hidden member's reason says its kind only", () => {
    const out = ledgerExcluded(
      [
        { file: 'f.csv', line: 8, reason: 'invalid, respondent left out (--skip-invalid): "xyzzy" is not a rank', kind: 'invalid', about: ops },
        { file: 'f.csv', line: 9, reason: 'invalid, respondent left out (--skip-invalid): "7a" is not a rank', kind: 'invalid', about: sales },
        { file: 'f.csv', line: 10, reason: 'something new a module says about "Zelda"', kind: 'other', about: ops },
        { file: 'f.csv', line: 11, reason: 'empty row: every cell is blank' },
      ],
      rule,
    );
    expect(out).toEqual([
      { file: 'f.csv', line: 8, reason: 'invalid value, respondent left out (--skip-invalid)', kind: 'invalid', suppressed: true },
      { file: 'f.csv', line: 9, reason: 'invalid, respondent left out (--skip-invalid): "7a" is not a rank', kind: 'invalid' },
      { file: 'f.csv', line: 10, reason: 'not used (the reason is withheld: a member of a group too small to show)', kind: 'other', suppressed: true },
      { file: 'f.csv', line: 11, reason: 'empty row: every cell is blank', kind: 'other' },
    ]);
  });

  it("exclusionSummary: duplicates and invalid rows under their kind's wording, other reasons as written", () => {
    expect(exclusionSummary({ reason: 'duplicate (same email): replaced by the later submission on line 14', kind: 'duplicate' })).toBe(
      'duplicate: replaced by a later submission',
    );
    expect(exclusionSummary({ reason: 'invalid, respondent left out (--skip-invalid): "7a" is not a rank', kind: 'invalid' })).toBe(
      'invalid value, respondent left out (--skip-invalid)',
    );
    expect(exclusionSummary({ reason: 'unfinished response (LimeSurvey: no submitdate)', kind: 'not-a-response' })).toBe(
      'unfinished response (LimeSurvey: no submitdate)',
    );
    expect(exclusionSummary({ reason: 'duplicate (same email): replaced by the later submission on line 14' })).toBe(
      'duplicate (same email): replaced by the later submission on line 14',
    );
  });
});
