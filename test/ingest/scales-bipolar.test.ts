/**
 * Bipolar scales in align.yml (−2..+2, −3..+3): a label's sign is part of it.
 *
 * Found by QA: `scales: {bip: {labels: {"-2": -2, "-1": -1, "0": 0, "1": 1, "2": 2}}}` with Q1
 * answered "2" by 30 people and "-2" by 10 was read as a 3-point scale with mean -2 and nobody
 * favourable, exit 0 (truth: mean 1.0, 75% favourable): labelKey took the minus for punctuation,
 * so "-2" and "2" were one label, and the later entry (-2) won. The same collision made align.yml's
 * check refuse the fix align itself suggests for a stray -1 ({"-1": -1, …, "5": 5} has "the points
 * -1, 0, 2, 3, 4, 5").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findScale, labelKey, likertValue } from '../../src/ingest/likert.js';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-bipolar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (low: number, high: number) => `{${Array.from({ length: high - low + 1 }, (_, i) => `"${low + i}": ${low + i}`).join(', ')}}`;

/** Audits `answers` (one per person, for Q1 and Q2) on align.yml scale `labels`; the JSON report or the refusal. */
async function audit(name: string, answers: string[], labels: string) {
  const data = join(dir, `${name}.csv`);
  const config = join(dir, `${name}.yml`);
  const rows = answers.map((a, i) => `P${i},${i < 5 ? 'Executive' : 'Manager'},${i % 2 ? 'Ops' : 'Sales'},${a},${a}`);
  writeFileSync(data, `${['name,role,department,Q1,Q2', ...rows].join('\n')}\n`);
  writeFileSync(config, `scales: {bip: {labels: ${labels}}}\ncolumns: {"Q1": {role: likert, scale: bip}, "Q2": {role: likert, scale: bip}}\n`);
  const r = await runAlign(['audit', data, '--config', config, '--format', 'json']);
  return { ...r, report: r.code === 0 ? JSON.parse(r.stdout) : null };
}

const times = (cell: string, n: number) => Array.from({ length: n }, () => cell);

describe('labelKey keeps the sign of a bare number', () => {
  it('"-2" and "2" are two labels; "+2" is "2"; the minus sign U+2212 is a minus', () => {
    expect(labelKey('-2')).toBe('-2');
    expect(labelKey('2')).toBe('2');
    expect(labelKey('+2')).toBe('2');
    expect(labelKey('\u22123')).toBe('-3');
    expect(labelKey(' -1 ')).toBe('-1');
    expect(labelKey('-0')).toBe('0');
  });

  it('every label of a −3..+3 scale reads as its own value', () => {
    const scale = findScale('bip', { scales: { bip: { labels: Object.fromEntries([-3, -2, -1, 0, 1, 2, 3].map((v) => [String(v), v])) } } })!;
    expect(scale.points).toBe(7);
    for (const v of [-3, -2, -1, 0, 1, 2, 3]) expect(likertValue(String(v), scale)).toBe(v);
    expect(likertValue('+3', scale)).toBe(3);
  });
});

describe('a bipolar scale end to end (audit JSON)', () => {
  it('−2..+2: thirty "2" and ten "-2" are mean 1.0, 75% favourable, 5 points from -2', async () => {
    const r = await audit('bip5', [...times('2', 30), ...times('-2', 10)], run(-2, 2));
    expect(r.code, r.stderr).toBe(0);
    const q1 = r.report.survey.items.find((i: { id: string }) => i.id === 'Q1');
    expect([q1.points, q1.low, q1.overall.n, q1.overall.mean, q1.overall.favourable]).toEqual([5, -2, 40, 1, 0.75]);
  });

  it('−3..+3: "3", "-1" and "+1" each read as themselves', async () => {
    // 10 × 3, 10 × -1, 20 × +1: mean (30 - 10 + 20) / 40 = 1; favourable (top 3 of 7: 1, 2, 3) 30 of 40
    const r = await audit('bip7', [...times('3', 10), ...times('-1', 10), ...times('+1', 20)], run(-3, 3));
    expect(r.code, r.stderr).toBe(0);
    const q1 = r.report.survey.items.find((i: { id: string }) => i.id === 'Q1');
    expect([q1.points, q1.low, q1.overall.mean]).toEqual([7, -3, 1]);
    expect(q1.overall.favourable).toBeCloseTo(0.75, 10);
  });
});

describe("align.yml's scale check", () => {
  it.each([
    ['−2..+2', run(-2, 2)],
    ['−3..+3', run(-3, 3)],
    ['the fix suggested for a stray -1 on 1..5, written out: {"-1": -1, …, "5": 5}', run(-1, 5)],
  ])('accepts %s', async (_, labels) => {
    const r = await audit(`ok-${labels.length}`, [...times('1', 20), ...times('0', 20)], labels);
    expect(r.code, r.stderr).toBe(0);
  });

  it('still refuses a gap: {"-2": -2, "2": 2} has the points -2, 2', async () => {
    const r = await audit('gap', [...times('2', 20), ...times('-2', 20)], '{"-2": -2, "2": 2}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scale "bip" has the points -2, 2, not a run of whole numbers');
  });
});
