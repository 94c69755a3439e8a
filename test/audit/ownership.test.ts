/**
 * Decision ownership (ARCHITECTURE.md, `ownership[]`): shares over non-blank
 * answers; orphaned (over half answer nobody / don't know / not sure) is
 * tested before contested (two or more owners each named by at least 25%,
 * configurable). One test per verdict and per rule, on builder-made data.
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { decisionName, namesNobody, ownershipGroup, readAnswers } from '../../src/audit/ownership.js';
import { aDataset } from './builders.js';

/** Answers as a list: ['CFO', 'CFO', 'CEO'] -> one group's verdict. */
const verdict = (answers: string[], share = 0.25) => ownershipGroup(readAnswers(answers), share);
const times = (n: number, answer: string) => Array.from({ length: n }, () => answer);

describe('verdicts', () => {
  test('clear: one owner named by most, nobody else by 25%', () => {
    const g = verdict([...times(7, 'CFO'), ...times(2, 'CEO'), 'Not sure']);
    expect(g).toEqual({
      n: 10,
      owners: [
        { name: 'CFO', share: 0.7 },
        { name: 'CEO', share: 0.2 },
      ],
      unsure: 0.1,
      other: 0,
      verdict: 'clear',
    });
  });

  test('contested: two owners each named by at least 25% (exactly 25% counts)', () => {
    expect(verdict([...times(6, 'CFO'), ...times(2, 'CCO')]).verdict).toBe('contested'); // 6/8 and 2/8 = .25
    expect(verdict([...times(7, 'CFO'), ...times(2, 'CCO'), 'CEO']).verdict).toBe('clear'); // .20 is under .25
  });

  test('orphaned: more than half answer nobody, tested before contested', () => {
    const g = verdict([...times(6, "Don't know"), ...times(2, 'CTO'), ...times(2, 'CEO')]);
    expect(g.verdict).toBe('orphaned'); // CTO and CEO at .20 each would not be contested anyway
    const both = verdict([...times(11, 'Nobody / not sure'), ...times(5, 'CTO'), ...times(4, 'CEO')]);
    expect(both).toMatchObject({ unsure: 0.55, verdict: 'orphaned' }); // CTO .25 and CEO .20 ... orphaned wins
    const twoOwnersAndUnsure = verdict([...times(6, 'Nobody'), ...times(3, 'CTO'), ...times(3, 'CEO')]);
    expect(twoOwnersAndUnsure.verdict).toBe('contested'); // exactly half unsure is not over half; CTO and CEO at .25
  });

  test('the contested share is configurable (align.yml ownership.contestedShare)', () => {
    const answers = [...times(7, 'CFO'), ...times(3, 'CCO')];
    expect(verdict(answers, 0.25).verdict).toBe('contested');
    expect(verdict(answers, 0.35).verdict).toBe('clear');
  });

  test('owners are told apart by the name key and shown in the spelling most used', () => {
    const g = verdict(['the CFO', 'The CFO', 'The CFO', 'the cfo.', 'CEO']);
    expect(g.owners).toEqual([
      { name: 'The CFO', share: 0.8 },
      { name: 'CEO', share: 0.2 },
    ]);
  });

  test('no answers: no shares and no verdict, with the reason', () => {
    const why = 'no one in this group answered the question';
    expect(verdict([])).toEqual({ n: 0, owners: [], unsure: null, unsureReason: why, other: null, otherReason: why, verdict: null, verdictReason: why });
  });

  test('an answer of punctuation only ("?", "-") is no answer; "TBD" names nobody', () => {
    expect(verdict(['?', '-', 'CFO', 'TBD'])).toMatchObject({ n: 2, owners: [{ name: 'CFO', share: 0.5 }], unsure: 0.5 });
  });

  test('a tick-box answer names each owner when every part is named alone elsewhere; a write-in with a comma is one name', () => {
    // CEO named by 5 of 7 (.71), CFO by 3 of 7 (.43): contested, where reading "CFO, CEO" as one owner gave a clear verdict
    const g = verdict(['CFO, CEO', 'CFO, CEO', 'CEO', 'CEO', 'CEO', 'CFO', 'Me, the only lawyer']);
    expect(g.owners).toEqual([
      { name: 'CEO', share: 5 / 7 },
      { name: 'CFO', share: 3 / 7 },
      { name: 'Me, the only lawyer', share: 1 / 7 },
    ]);
    expect(g.verdict).toBe('contested');
  });

  test('owners named by fewer than the threshold are pooled as other, never quoted; the verdict still reads them', () => {
    const answers = readAnswers([...times(6, 'CFO'), ...times(3, 'General Counsel'), 'Jane Doe, HR']);
    const quotable = new Set(['cfo']);
    const g = ownershipGroup(answers, 0.25, quotable);
    expect(g.owners).toEqual([{ name: 'CFO', share: 0.6 }]);
    expect(g.other).toBeCloseTo(0.4, 12);
    expect(g.verdict).toBe('contested'); // General Counsel .30 and CFO .60
    expect(JSON.stringify(g)).not.toMatch(/Jane|Counsel/);
  });

  test.each(['Nobody', 'No one', 'nobody / not sure', "Don't know", 'I don’t know', 'Not sure', 'Unsure', 'Unclear', 'N/A'])('%s names nobody', (answer) => {
    expect(namesNobody(answer)).toBe(true);
  });
  test.each(['Nobody’s boss', 'The CEO', 'Noel Sure', 'None of the above is right: the COO'])('%s names someone', (answer) => {
    expect(namesNobody(answer)).toBe(false);
  });
});

describe('in the audit', () => {
  test('overall and per department, a small department suppressed; blank answers are not counted', () => {
    const b = aDataset()
      .withLeader('Lea', 'Exec', ['A', 'B'])
      .answering({ ownership: { Pricing: 'CEO' } });
    b.withAnswering(6, 'Sales', (i) => ({ ownership: { Pricing: i < 3 ? 'CFO' : 'CCO' } }));
    b.withAnswering(6, 'Ops', (i) => ({ ownership: (i === 0 ? { Hiring: 'COO' } : { Pricing: 'CFO' }) as Record<string, string> }));
    b.withAnswering(4, 'Legal', { ownership: { Pricing: 'CFO' } }); // hidden; with the leader, a remainder of 5 keeps Ops shown
    const r = buildAudit(b.build(), { version: 'test', permutations: 100 });
    expect(r.ownership.map((d) => d.decision)).toEqual(['Pricing', 'Hiring']); // first seen
    const o = r.ownership[0]!;
    // 16 answers: CFO 12, CCO 3 (.19, under .25: one clear owner), CEO 1; CEO, named by fewer than three, is pooled as other
    expect(o).toMatchObject({ decision: 'Pricing', question: 'Pricing', n: 16, verdict: 'clear', other: 1 / 16 });
    expect(o.owners).toEqual([
      { name: 'CFO', share: 12 / 16 },
      { name: 'CCO', share: 3 / 16 },
    ]); // CEO (one person) is pooled
    expect(o.byDepartment.Sales).toMatchObject({ n: 6, verdict: 'contested' });
    expect(o.byDepartment.Ops).toMatchObject({ n: 5, verdict: 'clear' }); // six members, one left Pricing blank: a decision's groups are its answerers
    expect(o.byDepartment.Legal).toEqual({ suppressed: true });
  });

  test('with fewer respondents in all than the threshold, no decision is shown', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
    b.withAnswering(3, 'Ops', { ownership: { Pricing: 'CFO' } });
    expect(buildAudit(b.build(), { version: 'test', permutations: 100 }).ownership).toEqual([]);
  });
});

test.each([
  ['Who makes the final call on pricing for NHS tenders?', 'Pricing for NHS tenders'],
  ["Who owns the decision to change the patient app's release date?", "The decision to change the patient app's release date"],
  ['Who is accountable for clinical safety incidents?', 'Clinical safety incidents'],
  ['Who has the final say over hiring', 'Hiring'],
  ['Pricing: who owns it?', 'Pricing: who owns it?'],
])('a one-column question %j is about %j', (question, decision) => {
  expect(decisionName(question)).toBe(decision);
});
