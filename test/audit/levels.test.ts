/**
 * The three levels of alignment (ARCHITECTURE.md, `levels[]`): one test per
 * cut of the one cut table (audit/bands.ts), per evidence kind on a small
 * builder-made dataset, and per status rule.
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { CUTS, rate } from '../../src/audit/bands.js';
import { levelStatus } from '../../src/audit/levels.js';
import type { AuditResult, LevelEvidence } from '../../src/audit/types.js';
import { aDataset, type DatasetBuilder } from './builders.js';

const CLARITY = "I can name the company's top three priorities for this quarter";
const ONE_VOICE = 'Leadership speaks with one voice about strategy';
const STICK = 'Decisions made by the leadership team stay made';

const audit = (b: DatasetBuilder, extra: Record<string, unknown> = {}): AuditResult =>
  buildAudit(b.build(), { version: 'test', permutations: 200, seed: 1, ...extra });
const level = (r: AuditResult, name: string) => r.levels.find((l) => l.level === name)!;
const evidence = (r: AuditResult, name: string, kind: LevelEvidence['kind']) => level(r, name).evidence.filter((e) => e.kind === kind);

/** One leader (who answers nothing) and `values.length` managers in Ops answering one item. */
function oneItem(text: string, values: readonly number[]): DatasetBuilder {
  const b = aDataset().withItem(text).withLeader('Lea Chief', 'Exec', ['A', 'B', 'C']);
  values.forEach((v, i) => {
    b.withMember(`m${i}`, 'Ops', ['A', 'B', 'C']).answering({ likert: { [text]: v } });
  });
  return b;
}

describe('the cut table: good from the upper cut, poor below the lower, between otherwise', () => {
  // The cuts themselves: ARCHITECTURE.md `levels[]` (W .60/.40, favourable .60/.40, r_wg .70/.50); rho and recall read as W and shares.
  test.each([
    ['W', 0.6, 'good'],
    ['W', 0.5999, 'between'],
    ['W', 0.4, 'between'],
    ['W', 0.3999, 'poor'],
    ['share', 0.6, 'good'],
    ['share', 0.5999, 'between'],
    ['share', 0.4, 'between'],
    ['share', 0.3999, 'poor'],
    ['rwg', 0.7, 'good'],
    ['rwg', 0.6999, 'between'],
    ['rwg', 0.5, 'between'],
    ['rwg', 0.4999, 'poor'],
    ['rho', 0.6, 'good'],
    ['rho', 0.4, 'between'],
    ['rho', -0.2, 'poor'],
  ] as const)('%s %d reads %s', (cut, value, expected) => {
    expect(rate(cut, value)).toBe(expected);
  });

  test('W cuts are the tops of Landis and Koch bands fair (.40) and moderate (.60)', () => {
    expect(CUTS.W).toEqual({ good: 0.6, poor: 0.4 });
  });
});

describe('evidence per level, from a builder-made dataset', () => {
  test("strategic: the leaders' W (two leaders, rho .2 over five priorities, so W = (1 + rho) / 2 = .60: good)", () => {
    // Spearman: d = (-3, 1, 1, -1, 2), sum d^2 = 16, rho = 1 - 6*16/(5*24) = 0.2; for two raters W = (rho + 1) / 2.
    const r = audit(aDataset().withLeader('Ann', 'X', ['A', 'B', 'C', 'D', 'E']).withLeader('Bo', 'Y', ['B', 'C', 'E', 'A', 'D']));
    const [w] = evidence(r, 'strategic', 'concordance');
    expect(w!.value).toBeCloseTo(0.6, 12);
    expect(w!.subject).toBe("The leaders' stacks");
  });

  test('strategic: a clarity item 6 of 10 favourable is good; 3 of 10 is poor', () => {
    const good = audit(oneItem(CLARITY, [4, 4, 4, 4, 5, 5, 2, 2, 3, 3]));
    expect(evidence(good, 'strategic', 'favourable')).toEqual([{ kind: 'favourable', subject: CLARITY, statistic: 'favourable', value: 0.6, rating: 'good' }]);
    const poor = audit(oneItem(CLARITY, [4, 4, 5, 2, 2, 2, 3, 3, 3, 1]));
    expect(evidence(poor, 'strategic', 'favourable')[0]!.rating).toBe('poor');
  });

  test('r_wg: 1 - s^2 / ((A^2 - 1) / 12) with A = 5; s^2 = 0.6 gives .70 (good), s^2 = 1.0 gives .50 (between), more spread is poor', () => {
    // James, Demaree and Wolf (1984): uniform null variance (5^2 - 1) / 12 = 2.
    const at70 = audit(oneItem(ONE_VOICE, [3, 3, 3, 3, 3, 4, 4, 4, 2, 2, 2])); // deviations: 6 of 1, sum 6, s^2 = 6/10
    const [a] = evidence(at70, 'communication', 'agreement');
    expect(a!.value).toBeCloseTo(0.7, 12);
    expect(a!.rating).toBe('good');
    const at50 = audit(oneItem(ONE_VOICE, [3, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2])); // sum of squared deviations 10, s^2 = 1
    expect(evidence(at50, 'communication', 'agreement')[0]).toMatchObject({ value: 0.5, rating: 'between' });
    const split = audit(oneItem(ONE_VOICE, [1, 1, 1, 1, 5, 5, 5, 5, 3, 3]));
    expect(evidence(split, 'communication', 'agreement')[0]!.rating).toBe('poor');
  });

  test("communication: a department's stack against the leaders' (rho -1: poor) and its leader's cascade (rho 1: good)", () => {
    const b = aDataset()
      .withLeader('Ann', 'Sales', ['A', 'B', 'C', 'D'])
      .withLeader('Bo', 'Ops', ['A', 'B', 'C', 'D'])
      .withMembers(5, 'Sales', ['D', 'C', 'B', 'A'])
      .withMembers(5, 'Ops', ['A', 'B', 'C', 'D']);
    const r = audit(b);
    expect(evidence(r, 'communication', 'department-stack').map((e) => [e.subject, e.value, e.rating])).toEqual([
      ['Sales', -1, 'poor'],
      ['Ops', 1, 'good'],
    ]);
    expect(evidence(r, 'communication', 'cascade').map((e) => [e.subject, e.value, e.rating])).toEqual([
      ['Ann (Sales)', -1, 'poor'],
      ['Bo (Ops)', 1, 'good'],
    ]);
  });

  test('decision: a clear decision is good evidence, a contested or an orphaned one poor', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B']);
    b.withAnswering(20, 'Ops', (i) => ({
      ownership: {
        Pricing: i < 16 ? 'CFO' : 'CEO', // 80% one owner: clear
        Hiring: i < 10 ? 'CHRO' : i < 16 ? 'COO' : 'CEO', // 50% and 30%: contested
        Roadmap: i < 12 ? 'Nobody / not sure' : 'CTO', // 60% nobody: orphaned
      },
    }));
    const r = audit(b);
    expect(evidence(r, 'decision', 'ownership').map((e) => [e.subject, e.verdict, e.statistic, e.value, e.rating])).toEqual([
      ['Pricing', 'clear', 'leadingOwnerShare', 0.8, 'good'],
      ['Hiring', 'contested', 'leadingOwnerShare', 0.5, 'poor'],
      ['Roadmap', 'orphaned', 'unsure', 0.6, 'poor'],
    ]);
  });

  test('decision: the decisions-stick item is decision evidence, not another level’s', () => {
    const r = audit(oneItem(STICK, [2, 2, 2, 2, 3, 3, 4, 4, 2, 2])); // 2 of 10 favourable
    expect(evidence(r, 'decision', 'favourable')).toEqual([{ kind: 'favourable', subject: STICK, statistic: 'favourable', value: 0.2, rating: 'poor' }]);
    expect(evidence(r, 'strategic', 'favourable')).toEqual([]);
  });

  test('recall is strategic evidence, read as a share', () => {
    const b = aDataset().withLeader('Lea', 'Exec', ['A', 'B', 'C']);
    b.withAnswering(10, 'Ops', (i) => ({ recall: i < 3 ? 'A, B, C' : 'A' }));
    const r = audit(b, { official: ['A', 'B', 'C'] });
    expect(evidence(r, 'strategic', 'recall')).toEqual([{ kind: 'recall', subject: 'Everyone', statistic: 'share', value: 0.3, rating: 'poor' }]);
  });

  test('the spread between departments on a communication item is listed (ICC(1)) but not rated', () => {
    const b = aDataset().withItem(ONE_VOICE).withLeader('Lea', 'Exec', ['A', 'B']);
    b.withAnswering(5, 'Sales', (i) => ({ likert: { [ONE_VOICE]: [4, 5, 4, 5, 4][i]! } }));
    b.withAnswering(5, 'Ops', (i) => ({ likert: { [ONE_VOICE]: [1, 2, 1, 2, 2][i]! } }));
    const [spread] = evidence(audit(b), 'communication', 'spread');
    expect(spread).toMatchObject({ statistic: 'icc1', rating: null });
  });

  test('an item the question bank does not list is no level’s evidence', () => {
    const r = audit(oneItem('The canteen food is good', [4, 4, 4, 4, 4, 2]));
    expect(r.levels.flatMap((l) => l.evidence).filter((e) => e.subject === 'The canteen food is good')).toEqual([]);
  });
});

describe('a level’s status', () => {
  const e = (rating: LevelEvidence['rating']): LevelEvidence => ({ kind: 'favourable', subject: 'x', statistic: 'favourable', value: 0.5, rating });

  test('aligned when none of its rated evidence is poor', () => {
    expect(levelStatus([e('good'), e('between'), e(null)])).toEqual({ status: 'aligned' });
  });
  test('misaligned when more than half of it is poor', () => {
    expect(levelStatus([e('poor'), e('poor'), e('good')])).toEqual({ status: 'misaligned' });
  });
  test('mixed otherwise: exactly half poor is not more than half', () => {
    expect(levelStatus([e('poor'), e('good')])).toEqual({ status: 'mixed' });
    expect(levelStatus([e('poor'), e('between'), e('good')])).toEqual({ status: 'mixed' });
  });
  test('unrated evidence (the spread) counts toward neither side', () => {
    expect(levelStatus([e('poor'), e(null), e(null)])).toEqual({ status: 'misaligned' });
  });
  test('null with a reason when the input has nothing for a level', () => {
    const r = audit(aDataset().withLeader('Ann', null, ['A', 'B', 'C']).withLeader('Bo', null, ['C', 'B', 'A']).withoutRoleColumn());
    expect(r.levels.map((l) => l.level)).toEqual(['strategic', 'communication', 'decision']);
    expect(level(r, 'strategic').status).not.toBeNull();
    expect(level(r, 'communication')).toMatchObject({ status: null, evidence: [] });
    expect(level(r, 'communication').statusReason).toMatch(/no departments' stacks/);
    expect(level(r, 'decision').statusReason).toMatch(/no ownership questions/);
  });
});

test('align.yml levels place an item the question bank does not know; the bank still places its own', async () => {
  const { tempFolder } = await import('../ingest/temp-files.js');
  const { runAlign } = await import('../helpers/run.js');
  const tmp = tempFolder();
  try {
    const header = 'Name,Role,Department,I understand our priorities,Leaders speak with one voice,Decisions made by the leadership team stay made';
    const rows = Array.from({ length: 8 }, (_, i) => `P${i},${i === 0 ? 'Executive' : 'Manager'},Ops,${['Agree', 'Disagree'][i % 2]},Agree,Disagree`);
    const csv = tmp.write('s.csv', `${[header, ...rows].join('\n')}\n`);
    const yml = tmp.write('a.yml', 'levels:\n  strategic: [I understand our priorities]\n  communication: [Leaders speak with one voice]\n');
    const r = JSON.parse((await runAlign(['audit', csv, '--config', yml, '--format', 'json'])).stdout) as AuditResult;
    expect(r.survey!.items.map((i) => [i.text, i.level])).toEqual([
      ['I understand our priorities', 'strategic'],
      ['Leaders speak with one voice', 'communication'],
      ['Decisions made by the leadership team stay made', 'decision'],
    ]);
    expect(r.levels.map((l) => l.status !== null)).toEqual([true, true, true]);
  } finally {
    tmp.remove();
  }
});
