// "Since the last audit" adds up: each move's change is the difference of its two figures
// as printed, in the terminal (align diff), the Markdown and the HTML report, in every
// language, while align diff --json keeps the exact values. The baseline is the example's
// own audit (test/cli/golden/fernhill-survey.audit.json) with figures set where the exact
// change rounds differently from the printed figures' difference; a guard checks each trap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { AuditDiff, AuditResult } from '../../src/audit/types.js';
import { ROOT, runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const AFTER = 'test/cli/golden/fernhill-survey.audit.json';
const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];
const after = JSON.parse(readFileSync(join(ROOT, AFTER), 'utf8')) as AuditResult;

/**
 * The later audit's figures (from the golden JSON) and the baseline's, chosen so the exact
 * change, rounded, is not the difference of the rounded figures.
 * W 0.2886 (0.29) from 0.2749 (0.27): exact +0.0137 rounds to +0.01, the figures differ by 0.02.
 * Imogen Clarke's divergence 0.0120 (0.01) from 0.0153 (0.02): exact -0.0033 printed '-0.00'.
 * Rafael Duarte's divergence 0.15868 from 0.1602: both 0.16 at two places, so three (0.160 -> 0.159).
 * Clarity of priorities favourable 38.3% (38%) from 36.7% (37%): exact +1.6 points rounds to +2.
 * The first item's gap 53.6 points (86% - 32% = 54) from 46.7 (80.17% - 33.51%, printed 80% - 34% = 46):
 * exact +7.0 rounds to +7, and the exact gaps to 47 and 54; the gaps as printed beside their shares
 * differ by 8.
 * Recall overall 28.07% (28%) from 26.55% (27%): exact +1.52 points rounds to +2.
 */
function baseline(): AuditResult {
  const b = structuredClone(after);
  b.stack!.concordance.W = 0.2749;
  const rater = (name: string) => b.stack!.raters.find((r) => r.name === name)!;
  rater('Imogen Clarke').divergence = 0.0153;
  rater('Rafael Duarte').divergence = 0.1602;
  const clarity = b.survey!.dimensions.find((d) => d.name === 'Clarity of priorities')!;
  (clarity.overall as { favourable: number }).favourable = 0.367;
  const gap = b.survey!.gaps[0] as { leaders: number; others: number; gapPoints: number };
  gap.leaders = 0.8017;
  gap.others = 0.3351;
  gap.gapPoints = (gap.leaders - gap.others) * 100;
  (b.recall!.overall as { share: number }).share = 0.2655;
  return b;
}

const beforePath = tmp.write('before.json', JSON.stringify(baseline()));

/** A printed number ('0.29', '-0,01', '+2', '38\u202f%') in units of its last decimal place, and its places. */
function units(token: string): { units: number; places: number } {
  const plain = token.replace(',', '.').replace(/[^\d.+-]/g, '');
  const places = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  return { units: Math.round(Number(plain) * 10 ** places), places };
}

/** The first three numbers of a move's line: before, after, change (subjects here hold no digits). */
function figures(line: string): [string, string, string] {
  const found = line.match(/[+-]?\d+(?:[.,]\d+)?/g) ?? [];
  expect(found.length, line).toBeGreaterThanOrEqual(3);
  return [found[0]!, found[1]!, found[2]!];
}

/** Every move line adds up: change = after - before, at the places the figures print. */
function expectAddsUp(lines: readonly string[]): void {
  expect(lines.length).toBe(6);
  for (const line of lines) {
    const [b, a, c] = figures(line).map(units) as [ReturnType<typeof units>, ReturnType<typeof units>, ReturnType<typeof units>];
    expect(new Set([b.places, a.places, c.places]).size, line).toBe(1);
    expect(c.units, line).toBe(a.units - b.units);
  }
}

const MOVES = /W |Imogen Clarke|Rafael Duarte|Clarity of priorities|Clarté des priorités|Klarheit|top three priorities|^(overall|ensemble|alle|gesamt)/i;

test('the traps are real: each exact change, rounded as its figures print, differs from the difference of the printed figures', async () => {
  const run = await runAlign(['diff', beforePath, AFTER, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const diff = JSON.parse(run.stdout) as AuditDiff;
  expect(diff.moves.filter((m) => m.kind !== 'finding' && m.kind !== 'level')).toHaveLength(6);
  const trap = (kind: string, subject: string, scale: number, places: number) => {
    const m = diff.moves.find((x) => x.kind === kind && (x.subject === subject || x.group === subject))!;
    const shown = (x: number) => Math.round(Number((x * scale).toFixed(places)) * 10 ** places);
    return { exact: Math.round(Number((m.change! * scale).toFixed(places)) * 10 ** places), shown: shown(m.after as number) - shown(m.before as number) };
  };
  for (const [kind, subject, scale, places] of [
    ['concordance', "The leaders' stacks", 1, 2],
    ['divergence', 'Imogen Clarke', 1, 2],
    ['favourable', 'overall', 100, 0],
    ['recall', 'overall', 100, 0],
  ] as const) {
    const { exact, shown } = trap(kind, subject, scale, places);
    expect(exact, `${kind} ${subject}`).not.toBe(shown);
  }
  // a gap prints as the difference of its shares printed (80% - 34% = 46), not as the exact gap rounded (47)
  const gap = diff.moves.find((m) => m.kind === 'gap')!;
  const printed = (s: { leaders: number | null; others: number | null }) => Math.round(s.leaders! * 100) - Math.round(s.others! * 100);
  expect(Math.round(gap.before as number)).not.toBe(printed(gap.sharesBefore!));
  expect(Math.round(gap.change!)).not.toBe(printed(gap.sharesAfter!) - printed(gap.sharesBefore!));
});

describe('align diff', () => {
  test('the terminal lines add up; --json keeps the exact change', async () => {
    const run = await runAlign(['diff', beforePath, AFTER]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => / -> /.test(l) && MOVES.test(l));
    expectAddsUp(lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        "The leaders' stacks: W 0.27 (fair) -> 0.29 (fair), +0.02; permutation p 0.041 then 0.041",
        'Imogen Clarke: 0.02 -> 0.01, -0.01',
        'Rafael Duarte: 0.160 -> 0.159, -0.001',
        'Clarity of priorities, overall: 37% -> 38%, +1 point  [within chance]',
        "I can name the company's top three priorities for this quarter: 46 -> 54 points, +8",
        'overall: 27% -> 28%, +1 point  [within chance]',
      ]),
    );
    const json = JSON.parse((await runAlign(['diff', beforePath, AFTER, '--json'])).stdout) as AuditDiff;
    const w = json.moves.find((m) => m.kind === 'concordance')!;
    expect(w.change).toBeCloseTo(after.stack!.concordance.W! - 0.2749, 12);
  });
});

describe.each(['en', 'fr', 'de'] as const)('align audit --baseline, %s', (lang) => {
  const report = async (format: 'md' | 'html') => {
    const run = await runAlign(['audit', ...SURVEY, '--baseline', beforePath, '--format', format, '--lang', lang]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  /** The section's move lines: list items with an arrow. */
  const sinceLines = (text: string, item: RegExp): string[] => {
    const at = text.search(/id="since"|^## (Since the last audit|Depuis le dernier audit|Seit dem letzten Audit)/m);
    expect(at, 'the section is present').toBeGreaterThan(-1);
    return [...text.slice(at).matchAll(item)].map((m) => m[1]!).filter((l) => l.includes('→') && !/^(new|resolved|persisting|nouveau|neu)/i.test(l));
  };
  /** Lines whose figures are numbers (not a level's status or a finding's severity); HTML's entities read as text. */
  const numeric = (lines: string[]) => lines.map((l) => l.replace(/&#x27;/g, "'").replace(/&amp;/g, '&')).filter((l) => /\d[^→]*→/.test(l));

  test('Markdown: every change equals the difference of the figures beside it', async () => {
    const lines = numeric(sinceLines(await report('md'), /^- (.*)$/gm));
    expectAddsUp(lines);
  });

  test('Markdown: a figure in points takes the unit its number asks for in the language (+1 point, +1 Punkt, +8 points)', async () => {
    const lines = numeric(sinceLines(await report('md'), /^- (.*)$/gm));
    const units = lines.flatMap((l) => [...l.matchAll(/([+-]?\d+(?:[.,]\d+)?) (points?|Punkte?)(?![\p{L}])/gu)].map((m) => [m[1]!, m[2]!] as const));
    // the two shares' +1 and the gaps' figures and changes
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const [n, unit] of units) {
      const x = Number(n.replace(',', '.'));
      // CLDR: English and German singular for exactly 1, French for 0 up to 2 (not 2)
      const one = lang === 'fr' ? Math.abs(x) < 2 : /^[+-]?1$/.test(n);
      expect(unit, `${n} ${unit}`).toBe(one ? (lang === 'de' ? 'Punkt' : 'point') : lang === 'de' ? 'Punkte' : 'points');
    }
    expect(units.filter(([n]) => /^[+-]?1$/.test(n)).length).toBeGreaterThanOrEqual(2);
  });

  test('HTML: every change equals the difference of the figures beside it', async () => {
    const lines = numeric(sinceLines(await report('html'), /<li>([^<]*)<\/li>/g));
    expectAddsUp(lines);
  });
});
