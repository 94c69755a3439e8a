// Perception gaps add up as printed: wherever a report prints a gap in points beside the two shares
// (at a glance, the survey table, the findings, the perception-gap chart's labels and alt text), the gap
// is the difference of the shares as printed, in English, French and German, in Markdown and HTML; the
// JSON keeps the exact gapPoints, and the flag is decided on it. A gap just under the flag whose whole
// percents would read as the flag prints with a decimal.
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import type { AuditResult, GapEntry } from '../../src/audit/types.js';
import { withLanguage } from '../../src/i18n/index.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { aDataset } from '../audit/builders.js';

const CHANGE = 'When priorities change, I hear about it clearly and in time';
const VOICE = 'Leadership speaks with one voice about strategy';
const BELIEF = 'I believe our strategy is the right one';
const LEADERS = 7;
const OTHERS = 68;

/** How many of the leaders and of everyone else answer each item favourably (4 of 5), the rest 2. */
const FAVOURABLE: Record<string, [number, number]> = {
  // 5/7 = 71.43% (71), 8/68 = 11.76% (12): exact 59.66 would round to 60; the shares printed differ by 59
  [CHANGE]: [5, 8],
  // 6/7 = 85.71% (86), 18/68 = 26.47% (26): exact 59.24, smaller than the first, yet printed 60
  [VOICE]: [6, 18],
  // 5/7 = 71.43%, 35/68 = 51.47%: exact 19.96, under the flag of 20, but 71% - 51% = 20
  [BELIEF]: [5, 35],
};

function dataset() {
  const b = aDataset().withItem(CHANGE).withItem(VOICE).withItem(BELIEF);
  const answers = (i: number, side: 0 | 1) => ({ likert: Object.fromEntries(Object.entries(FAVOURABLE).map(([item, k]) => [item, i < k[side] ? 4 : 2])) });
  for (let i = 0; i < LEADERS; i++) b.withLeader(`Leader ${i + 1}`, 'Exec', ['A', 'B', 'C']).answering(answers(i, 0));
  b.withAnswering(OTHERS, 'Ops', (i) => answers(i, 1), ['A', 'B', 'C']);
  return b.build();
}

const result: AuditResult = buildAudit(dataset(), { version: 'test', permutations: 100 });
const gapOf = (item: string) => result.survey!.gaps.find((g) => 'item' in g && g.item === item) as Extract<GapEntry, { flagged: boolean }>;

test('the traps are real: exact gaps that round apart from the difference of the rounded shares, and one just under the flag', () => {
  const whole = (share: number) => Math.round(share * 100);
  for (const item of [CHANGE, VOICE]) {
    const g = gapOf(item);
    expect(whole(g.leaders!) - whole(g.others!), item).not.toBe(Math.round(g.gapPoints!));
  }
  // the exact order and the printed order disagree
  expect(gapOf(CHANGE).gapPoints!).toBeGreaterThan(gapOf(VOICE).gapPoints!);
  // whole percents would put the gap on the flag, the exact gap is under it
  const belief = gapOf(BELIEF);
  expect(belief.gapPoints!).toBeLessThan(20);
  expect(whole(belief.leaders!) - whole(belief.others!)).toBe(20);
});

test('the JSON keeps the exact gaps; the flag is decided on them; findings[] words the gaps as printed', () => {
  // 5/7 - 8/68 in points, by hand: (340 - 56) / 476 * 100
  expect(gapOf(CHANGE).gapPoints).toBeCloseTo(((5 * 68 - 8 * 7) / (7 * 68)) * 100, 9);
  expect(gapOf(CHANGE).flagged).toBe(true);
  expect(gapOf(BELIEF).flagged).toBe(false);
  const finding = result.findings.find((f) => f.kind === 'gap')!;
  // largest gap first as printed: 60 before 59
  expect(finding.evidence).toBe(
    `“${VOICE}”: leaders 86% favourable, everyone else 26% (60 points); “${CHANGE}”: leaders 71% favourable, everyone else 12% (59 points); a gap of 20 points or more is flagged.`,
  );
  expect(finding.title).toBe(`Leaders and their teams see two communication items differently, most of all “${VOICE}”`);
});

/** A printed number ('59', '19,9', '71.4') as a count of its last decimal place, and its places. */
function units(token: string): { units: number; places: number } {
  const plain = token.replace(',', '.');
  const places = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  return { units: Math.round(Number(plain) * 10 ** places), places };
}

/** Leaders' share, everyone else's and the gap, as printed, add up at one number of places. */
function expectAddsUp([l, o, g]: string[], where: string): void {
  const [a, b, c] = [l!, o!, g!].map(units) as [ReturnType<typeof units>, ReturnType<typeof units>, ReturnType<typeof units>];
  expect(new Set([a.places, b.places, c.places]).size, where).toBe(1);
  expect(c.units, where).toBe(a.units - b.units);
}

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const PCT = String.raw`${N}[\u00a0\u202f ]?%`;
const POINTS = '(?:points|Punkte)';
/** A row of the survey's gap table: item, leaders, everyone else, gap, flag. */
const GAP_ROW = new RegExp(String.raw`^\| ([^|]+) \| ${PCT} \| ${PCT} \| ${N} \| [^|]* \|$`, 'gm');
/** A sentence's two shares and, in brackets after them, the gap in points (at a glance, the findings, the chart's alt text). */
const SENTENCE = new RegExp(String.raw`${PCT}[^%()]*?${PCT} \(${N} ${POINTS}`, 'g');

describe.each(['en', 'fr', 'de'] as const)('%s', (lang) => {
  const md = withLanguage(lang, () => renderMarkdown(result));
  const htmlReport = withLanguage(lang, () => renderHtml(result));

  test('Markdown: the survey table, at a glance and the findings print each gap as the difference of the shares printed', () => {
    const rows = [...md.matchAll(GAP_ROW)];
    expect(rows.map((r) => r[1]!.trim())).toEqual([VOICE, CHANGE, BELIEF]);
    for (const r of rows) expectAddsUp([r[2]!, r[3]!, r[4]!], r[0]);
    // largest gap first, as printed
    const gaps = rows.map((r) => Number(r[4]!.replace(',', '.')));
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
    const sentences = [...md.matchAll(SENTENCE)];
    // at a glance (the largest gap), and the finding's two flagged items
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const s of sentences) expectAddsUp([s[1]!, s[2]!, s[3]!], s[0]);
    expect(sentences.map((s) => s[3])).toEqual(expect.arrayContaining(['60', '59']));
  });

  test('a gap just under the flag is not printed as the flag: one decimal, shares and gap alike, and no flag mark', () => {
    const row = [...md.matchAll(GAP_ROW)].find((r) => r[1]!.trim() === BELIEF)!;
    const cells = row[0].split('|').map((c) => c.trim());
    const sep = lang === 'en' ? '.' : ',';
    expect(cells.slice(2, 5).map((c) => c.replace(/[\u00a0\u202f ]?%/, ''))).toEqual([`71${sep}4`, `51${sep}5`, `19${sep}9`]);
    expect(cells[5]).toBe('');
  });

  test('HTML: the table, the sentences and the perception-gap chart (its labels and alt text) agree, gap for gap', async () => {
    const html = (await htmlReport).replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
    const rows = [
      ...html.matchAll(new RegExp(`<th scope="row">[^<]+</th><td class="num">${PCT}</td><td class="num">${PCT}</td><td class="num">${N}</td>`, 'g')),
    ];
    // the survey's table and the chart's table equivalent
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expectAddsUp([r[1]!, r[2]!, r[3]!], r[0]);
    const sentences = [...html.matchAll(SENTENCE)];
    // at a glance, the finding's two items, the chart's alt text
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    for (const s of sentences) expectAddsUp([s[1]!, s[2]!, s[3]!], s[0]);
    // the labels the chart writes beside its dumbbells are the table's gaps
    const labels = [...html.matchAll(new RegExp(`>${N} ${POINTS}</text>`, 'g'))].map((m) => m[1]);
    expect(labels).toEqual(rows.slice(0, 3).map((r) => r[3]));
  });
});

describe('a gap of exactly the flag', () => {
  // 7 of 10 leaders (70%) against 34 of 68 (50%): 20 points, which floating point computes as
  // (0.7 - 0.5) * 100 = 19.999999999999996
  const b = aDataset().withItem(VOICE);
  for (let i = 0; i < 10; i++) b.withLeader(`Leader ${i + 1}`, 'Exec', ['A', 'B']).answering({ likert: { [VOICE]: i < 7 ? 4 : 2 } });
  b.withAnswering(68, 'Ops', (i) => ({ likert: { [VOICE]: i < 34 ? 4 : 2 } }), ['A', 'B']);
  const exact = buildAudit(b.build(), { version: 'test', permutations: 100 });

  test('the trap is real: the shares differ by 20 points, which floating point reads as less', () => {
    expect((0.7 - 0.5) * 100).toBeLessThan(20);
    expect(exact.survey!.gaps[0]).toMatchObject({ leaders: 0.7, others: 0.5 });
  });

  test('is 20 points in the JSON, flagged, and a finding', () => {
    expect(exact.survey!.gaps[0]).toMatchObject({ gapPoints: 20, flagged: true });
    expect(exact.findings.find((f) => f.kind === 'gap')?.evidence).toBe(
      `“${VOICE}”: leaders 70% favourable, everyone else 50% (20 points); a gap of 20 points or more is flagged.`,
    );
  });

  test.each(['en', 'fr', 'de'] as const)('%s: the table prints 20 with the flag beside it', (lang) => {
    const md = withLanguage(lang, () => renderMarkdown(exact));
    const row = [...md.matchAll(GAP_ROW)].find((r) => r[1]!.trim() === VOICE)!;
    expect([row[2], row[3], row[4]]).toEqual(['70', '50', '20']);
    expect(row[0]).toMatch(/\| (at least|au moins|mindestens) 20 \|$/);
  });
});
