/**
 * Strategy recall (ARCHITECTURE.md, `recall`): the share of a group whose
 * stack's top three (or free-text answer) holds at least three official
 * priorities (all of them when the list has fewer than three). One test per
 * rule, on builder-made data.
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { recallParts } from '../../src/audit/recall.js';
import type { AuditResult } from '../../src/audit/types.js';
import { aDataset, type DatasetBuilder } from './builders.js';

const OFFICIAL = ['Grow revenue', 'Cut cost', 'Launch the app'];
const audit = (b: DatasetBuilder, extra: Record<string, unknown> = {}): AuditResult =>
  buildAudit(b.build(), { version: 'test', permutations: 100, official: OFFICIAL, ...extra });

/** One leader who answers nothing, then `texts` as Ops managers' free-text answers. */
function texts(answers: readonly string[], department = 'Ops'): DatasetBuilder {
  const b = aDataset().withLeader('Lea', 'Exec', ['Grow revenue', 'Cut cost', 'Launch the app']);
  for (const [i, t] of answers.entries()) b.withMember(`m${i}`, department, []).answering({ recall: t });
  return b;
}

describe('free-text answers', () => {
  test('split on commas, semicolons and new lines; list marks dropped', () => {
    expect(recallParts('1. Grow revenue; 2) Cut cost\n- Launch the app, • hire')).toEqual(['Grow revenue', 'Cut cost', 'Launch the app', 'hire']);
  });

  test('an answer recalls the strategy when it holds three official priorities, by the name key (case, punctuation aside)', () => {
    const r = audit(
      texts([
        'grow revenue, cut cost, launch the app!',
        'Grow revenue; Cut cost',
        'Launch the App\nCUT COST\ngrow-revenue',
        'Hire people, cut cost, grow revenue',
        'No idea',
      ]),
    );
    // only the first holds all three: the third's "grow-revenue" keys as "growrevenue" (punctuation dropped), not "grow revenue"
    expect(r.recall!.overall).toEqual({ n: 5, share: 1 / 5 });
    expect(r.recall).toMatchObject({ official: OFFICIAL, needed: 3, source: 'text', question: 'Name the company’s top three priorities' });
  });

  test('align.yml aliases count a spelling as the priority it names', () => {
    const r = audit(texts(['revenue growth, cost cutting, the app', 'revenue growth, cost cutting', 'x', 'y', 'z']), {
      aliases: { 'revenue growth': 'Grow revenue', 'cost cutting': 'Cut cost', 'the app': 'Launch the app' },
    });
    expect(r.recall!.overall).toEqual({ n: 5, share: 1 / 5 });
  });

  test('with fewer than three official priorities, all of them are needed', () => {
    const r = audit(texts(['Grow revenue, Cut cost', 'Grow revenue', 'Cut cost, Grow revenue, Hire', 'a', 'b']), { official: ['Grow revenue', 'Cut cost'] });
    expect(r.recall).toMatchObject({ needed: 2 });
    expect(r.recall!.overall).toEqual({ n: 5, share: 2 / 5 });
  });

  test('blank answers are not scored, and the groups are the people scored (no group can be worked out from the others)', () => {
    const b = texts(['Grow revenue, Cut cost, Launch the app', 'x', 'y', 'z', 'w']);
    b.withAnswering(5, 'Sales', { likert: {} as Record<string, number>, ownership: { Pricing: 'CFO' } });
    const r = audit(b);
    expect(r.recall!.overall).toEqual({ n: 5, share: 0.2 });
    expect(r.recall!.byDepartment).not.toHaveProperty('Sales');
  });

  test('per department and level, a small group suppressed', () => {
    const b = texts(['Grow revenue, Cut cost, Launch the app', 'Grow revenue, Cut cost, Launch the app', 'x', 'y', 'z', 'w']);
    for (let i = 0; i < 2; i++) b.withMember(`s${i}`, 'Legal', []).answering({ recall: 'Grow revenue, Cut cost, Launch the app' });
    b.withMember('t', 'Legal', []).answering({ recall: 'no' });
    b.withMember('u', 'Finance', []).answering({ recall: 'no' });
    b.withMember('v', 'Finance', []).answering({ recall: 'no' });
    // Legal (3) and Finance (2) are hidden; together they are 5, so Ops can be shown
    const r = audit(b);
    expect(r.recall!.byDepartment).toEqual({ Finance: { suppressed: true }, Legal: { suppressed: true }, Ops: { n: 6, share: 2 / 6 } });
    expect(r.recall!.byLevel).toEqual({ Manager: { n: 11, share: 4 / 11 } });
    expect(r.recall!.overall).toEqual({ n: 11, share: 4 / 11 });
  });
});

describe('stacks', () => {
  test("without a recall question, each stack's top three is scored (ranks 1 to 3 as given, a tie at 3 included)", () => {
    const b = aDataset()
      .withLeader('Ann', 'Exec', ['Grow revenue', 'Cut cost', 'Launch the app', 'Hire'])
      .withLeader('Bo', 'Exec', ['Hire', 'Grow revenue', 'Cut cost', 'Launch the app'])
      .withLeader('Cy', 'Exec', [
        ['Grow revenue', 1],
        ['Cut cost', 2],
        ['Hire', 3],
        ['Launch the app', 3],
      ]);
    const r = audit(b);
    expect(r.recall).toMatchObject({ source: 'stack', needed: 3 });
    expect(r.recall).not.toHaveProperty('question');
    expect(r.recall!.byLevel).toEqual({ Executive: { suppressed: true } }); // three leaders: under the threshold
    expect(r.recall!.overall).toEqual({ suppressed: true });
    const five = audit(
      b.withLeader('Di', 'Exec', ['Cut cost', 'Launch the app', 'Grow revenue']).withLeader('Ed', 'Exec', ['Hire', 'Cut cost', 'Grow revenue']),
    );
    expect(five.recall!.overall).toEqual({ n: 5, share: 3 / 5 }); // Ann, Cy (tie at 3) and Di
  });

  test('a free-text answer is scored in preference to the stack', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['Grow revenue', 'Cut cost', 'Launch the app']);
    for (let i = 0; i < 5; i++)
      b.withMember(`m${i}`, 'Ops', ['Grow revenue', 'Cut cost', 'Launch the app']).answering({
        recall: i === 0 ? 'Grow revenue, Cut cost, Launch the app' : 'Hire',
      });
    expect(audit(b).recall).toMatchObject({ source: 'text', overall: { n: 5, share: 0.2 } });
  });
});

test('no official list: recall is null with the reason', () => {
  const r = buildAudit(texts(['a', 'b', 'c', 'd', 'e']).build(), { version: 'test', permutations: 100 });
  expect(r.recall).toBeNull();
  expect(r.recallReason).toMatch(/official/);
});

test('parts that name no priority are counted in a note; only those five or more people wrote are quoted', () => {
  const b = texts(['the app, Cut cost', 'The app; grow revenue', 'the APP', 'the app.', 'the app, my own thing', 'Grow revenue, Cut cost, Launch the app']);
  const r = audit(b);
  const note = r.input.notes.find((n) => n.note.startsWith('strategy recall'));
  // unmatched parts: "the app" x5 (five people), "my own thing" x1
  expect(note).toMatchObject({
    line: 1,
    note: 'strategy recall: 6 parts of the answers to "Name the company’s top three priorities" name no priority by its name or an alias; written by 5 or more people of the groups shown: "the app" (5); map the spellings that mean an official priority under priorities.aliases in align.yml',
  });
  expect(note!.note).not.toContain('my own thing');
  const mapped = audit(b, { aliases: { 'the app': 'Launch the app' } });
  expect(mapped.input.notes.find((n) => n.note.startsWith('strategy recall'))!.note).toMatch(
    /^strategy recall: 1 part .* \(none written by 5 or more people of the groups shown, so none is quoted\)/,
  );
});

describe('hostile and everyday answers', () => {
  test('a hidden group cannot be worked out by subtraction when others leave the question blank', () => {
    // QA repro: HR (6) answered nothing, Legal (3) is hidden; counting members would show Ops and Sales
    // and let everyone minus them give Legal's share. Counting the people scored hides Sales too.
    const b = aDataset().withLeader('Lea', 'Exec', ['A']);
    b.withAnswering(6, 'Sales', (i) => ({ recall: i < 2 ? 'Grow revenue, Cut cost, Launch the app' : 'Grow revenue' }));
    b.withAnswering(6, 'HR', { likert: {}, ownership: { Pricing: 'CFO' } });
    b.withAnswering(3, 'Legal', { recall: 'Grow revenue; Cut cost; Launch the app' });
    const r = audit(b);
    const shown = Object.entries(r.recall!.byDepartment).filter(([, g]) => !('suppressed' in g));
    const hiddenScored = 'suppressed' in r.recall!.overall ? 0 : r.recall!.overall.n - shown.reduce((n, [, g]) => n + (g as { n: number }).n, 0);
    expect(hiddenScored === 0 || hiddenScored >= 5).toBe(true);
  });

  test('"and", "/", "&" and inline numbering split an answer only when every piece names a priority', () => {
    const keyOf = (n: string) => n.toLowerCase();
    const known = new Set(['growth', 'retention', 'launch', 'hire and retain talent']);
    expect(recallParts('Growth and Retention and Launch', keyOf, known)).toEqual(['Growth', 'Retention', 'Launch']);
    expect(recallParts('1. Growth 2. Retention 3. Launch', keyOf, known)).toEqual(['Growth', 'Retention', 'Launch']);
    expect(recallParts('Growth/Retention/Launch', keyOf, known)).toEqual(['Growth', 'Retention', 'Launch']);
    expect(recallParts('Growth. Retention. Launch.', keyOf, known)).toEqual(['Growth', 'Retention', 'Launch']);
    expect(recallParts('Hire and retain talent', keyOf, known)).toEqual(['Hire and retain talent']);
    expect(recallParts('Growth and something else', keyOf, known)).toEqual(['Growth and something else']);
  });

  test('an alias that makes two official priorities one stops the run', () => {
    expect(() => audit(texts(['a', 'b', 'c', 'd', 'e']), { aliases: { 'grow revenue': 'Cut cost' } })).toThrow(
      /same priority once priorities\.aliases applies/,
    );
  });

  test('an official priority the ranking does not list stops a stack-scored recall; with free text it is noted', () => {
    const stacks = aDataset().withLeader('Ann', 'Exec', ['Grow revenue', 'Cut cost', 'Launch the app']);
    expect(() => audit(stacks, { official: ['Grow revenue', 'Expand to Mars'] })).toThrow(/"Expand to Mars" is not one of the 3 priorities the ranking lists/);
    const text = texts(['Grow revenue, Expand to Mars', 'x', 'y', 'z', 'w']);
    const r = audit(text, { official: ['Grow revenue', 'Expand to Mars'] });
    expect(r.input.notes.some((n) => n.note.includes('"Expand to Mars" is not one of the 3 priorities'))).toBe(true);
  });
});
