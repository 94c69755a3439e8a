/**
 * Survey findings (issue "The survey audit, part 2"): one test per kind on a
 * builder-made dataset, each with its level, its evidence in numbers and a
 * question; the order of findings[]; nothing about a hidden group.
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { sortFindings } from '../../src/audit/findings.js';
import type { AuditResult, Finding } from '../../src/audit/types.js';
import { aDataset, type DatasetBuilder } from './builders.js';

const CLARITY = "I can name the company's top three priorities for this quarter";
const ONE_VOICE = 'Leadership speaks with one voice about strategy';
const STICK = 'Decisions made by the leadership team stay made';
const audit = (b: DatasetBuilder, extra: Record<string, unknown> = {}): AuditResult => buildAudit(b.build(), { version: 'test', permutations: 100, ...extra });
const ofKind = (r: AuditResult, kind: string) => r.findings.filter((f) => f.kind === kind);

/** Five leaders and two departments of six, answering `item` as given per group. */
function twoDepartments(item: string, leaders: number[], sales: number[], ops: number[]): DatasetBuilder {
  const b = aDataset().withItem(item);
  leaders.forEach((v, i) => {
    b.withLeader(`Leader ${i}`, 'Exec', ['A', 'B']).answering({ likert: { [item]: v } });
  });
  b.withAnswering(sales.length, 'Sales', (i) => ({ likert: { [item]: sales[i]! } }), ['A', 'B']);
  b.withAnswering(ops.length, 'Ops', (i) => ({ likert: { [item]: ops[i]! } }), ['A', 'B']);
  return b;
}

test('least-clear: the department least favourable on the clarity item, with both groups in numbers', () => {
  const r = audit(twoDepartments(CLARITY, [4, 4, 4, 4, 4], [4, 4, 5, 4, 2, 4], [2, 1, 2, 4, 2, 2]));
  expect(ofKind(r, 'least-clear')).toEqual([
    {
      severity: 'high',
      kind: 'least-clear',
      level: 'strategic',
      title: 'Ops is the least clear about the priorities',
      // Ops: mean 13/6 = 2.17, 1 of 6 favourable = 17%; Sales 5 of 6 = 83%
      evidence: `“${CLARITY}”: Ops 2.17 of 5 on average, 17% favourable (n = 6); the other departments shown 83% favourable.`,
      question: 'What would people in Ops say the top three priorities are if asked tomorrow, and where would they have heard them?',
      layer: 'facts',
    },
  ]);
});

test('gap: leaders against everyone else, 20 points or more, high from 40', () => {
  const r = audit(twoDepartments(ONE_VOICE, [4, 4, 5, 4, 2], [4, 2, 2, 2, 3, 2], [2, 1, 4, 2, 3, 3]));
  // leaders 4 of 5 = 80%; others 2 of 12 = 17%: 63 points
  const [gap] = ofKind(r, 'gap');
  expect(gap).toMatchObject({ severity: 'high', level: 'communication', layer: 'interpretation' });
  expect(gap!.evidence).toBe(`“${ONE_VOICE}”: leaders 80% favourable, everyone else 17% (63 points); a gap of 20 points or more is flagged.`);
  const small = audit(twoDepartments(ONE_VOICE, [4, 4, 2, 2, 2], [4, 2, 2, 2, 3, 2], [4, 1, 4, 2, 3, 3]));
  // leaders 40%, others 4 of 12 = 33%: 7 points, not flagged
  expect(ofKind(small, 'gap')).toEqual([]);
});

test('low-favourable: an item under 40% favourable overall, with the question the bank item asks', () => {
  const r = audit(twoDepartments(STICK, [2, 2, 3, 4, 2], [2, 2, 2, 4, 3, 3], [1, 2, 2, 2, 3, 3]));
  // 2 of 17 favourable = 12%
  expect(ofKind(r, 'low-favourable')).toEqual([
    {
      severity: 'medium',
      kind: 'low-favourable',
      level: 'decision',
      title: 'Only 12% agree that decisions made by the leadership team stay made',
      evidence: `“${STICK}”: 12% favourable (n = 17); under 40% favourable reads poor.`,
      question: 'Which decision made in this room in the last quarter has been reopened since, by whom, and what will we do next time?',
      layer: 'facts',
    },
  ]);
});

test('low-agreement: a department split on an item (r_wg under .50)', () => {
  const r = audit(twoDepartments(ONE_VOICE, [4, 4, 4, 4, 4], [1, 5, 1, 5, 1, 5], [4, 4, 4, 4, 4, 3]));
  // Sales: mean 3, s^2 = 6*4/5 = 4.8, r_wg = 1 - 4.8/2 < 0, reported as 0 (James et al. truncate)
  const [f] = ofKind(r, 'low-agreement');
  expect(f).toMatchObject({ level: 'communication', severity: 'low', title: `People in Sales do not agree among themselves on “${ONE_VOICE}”` });
  expect(f!.evidence).toMatch(/^Sales, “Leadership speaks with one voice about strategy”: r_wg 0\.00 \(n = 6\)/);
});

describe('decisions', () => {
  function decisions() {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
    b.withAnswering(20, 'Ops', (i) => ({
      ownership: {
        'Pricing for NHS tenders': i < 8 ? 'CFO' : i < 16 ? 'Chief Commercial Officer' : 'Nobody / not sure',
        'The app release date': i < 12 ? 'Nobody / not sure' : 'CTO',
        'Clinical safety incidents': 'Chief Medical Officer',
      },
    }));
    return audit(b);
  }
  test('contested: the owners named and their shares', () => {
    expect(ofKind(decisions(), 'decision-contested')).toEqual([
      {
        severity: 'high',
        kind: 'decision-contested',
        level: 'decision',
        title: 'Two or more people are seen as owning “Pricing for NHS tenders”',
        evidence: 'CFO 40%, Chief Commercial Officer 40%; nobody or not sure 20% (n = 20).',
        question: 'For “Pricing for NHS tenders”: who makes the final call from today, who must be consulted, and where is that written down?',
        layer: 'decision',
      },
    ]);
  });
  test('orphaned: the share answering nobody, and the most named', () => {
    const [f] = ofKind(decisions(), 'decision-orphaned');
    expect(f).toMatchObject({
      title: 'Nobody is seen as owning “The app release date”',
      evidence: "60% answer nobody, don't know or not sure; the most named, CTO, by 40% (n = 20).",
    });
  });
  test('a clear decision is no finding', () => {
    expect(decisions().findings.some((f) => f.title.includes('Clinical safety'))).toBe(false);
  });
});

test('recall: the share that named the official priorities, high under 40%', () => {
  const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B', 'C']);
  b.withAnswering(10, 'Ops', (i) => ({ recall: i < 3 ? 'Grow revenue, Cut cost, Launch the app' : 'Grow revenue' }));
  const [f] = ofKind(audit(b, { official: ['Grow revenue', 'Cut cost', 'Launch the app'] }), 'recall');
  expect(f).toMatchObject({
    severity: 'high',
    level: 'strategic',
    title: '30% of respondents named all three of the official priorities when asked',
    evidence: 'Official priorities: Grow revenue, Cut cost and Launch the app; 30% of 10 (Sull, Sull and Yoder 2018 found 28% could name three).',
  });
});

test('findings are sorted by severity, then a fixed order of kinds, then level', () => {
  const f = (severity: Finding['severity'], kind: string, level: Finding['level']): Finding => ({
    severity,
    kind,
    level,
    title: kind,
    evidence: '',
    question: '',
    layer: 'facts',
  });
  const sorted = sortFindings([
    f('medium', 'gap', 'decision'),
    f('high', 'decision-orphaned', 'decision'),
    f('medium', 'gap', 'strategic'),
    f('high', 'concordance', 'strategic'),
    f('medium', 'contested', 'strategic'),
  ]);
  expect(sorted.map((x) => `${x.severity} ${x.kind} ${x.level}`)).toEqual([
    'high concordance strategic',
    'high decision-orphaned decision',
    'medium contested strategic',
    'medium gap strategic',
    'medium gap decision',
  ]);
});

test('no finding names a hidden group or gives its numbers', () => {
  const b = twoDepartments(CLARITY, [4, 4, 4, 4, 4], [4, 4, 5, 4, 4, 4], [4, 4, 4, 4, 4, 4]);
  b.withAnswering(2, 'Legal', { likert: { [CLARITY]: 1 } }, ['A', 'B']);
  b.withAnswering(3, 'Audit', { likert: { [CLARITY]: 1 } }, ['A', 'B']);
  const r = audit(b);
  expect(JSON.stringify(r.findings)).not.toMatch(/Legal|Audit/);
});
