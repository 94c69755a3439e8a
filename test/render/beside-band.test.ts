// A statistic printed beside its band or a verdict is never printed on the other side of the cut
// that decides it: W 0.598 is "moderate" (below 0.60) and prints 0.598, not 0.60. The example's audit
// (test/cli/golden/fernhill-survey.audit.json) with figures set just under a cut, its levels and
// findings built again from them as the audit builds them, rendered through the real renderers in
// English, French and German: the report's scorecard, "At a glance", the stack section, the findings
// (and their English in the JSON), the chart's text and the terminal view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditFindings } from '../../src/audit/audit-findings.js';
import { wBand } from '../../src/audit/bands.js';
import { compareAudits } from '../../src/audit/diff.js';
import { buildLevels } from '../../src/audit/levels.js';
import type { AuditResult, GroupStats } from '../../src/audit/types.js';
import { fmtNumber, fmtPercent } from '../../src/format.js';
import { withLanguage } from '../../src/i18n/index.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { moveLine } from '../../src/render/since-model.js';
import { renderStackTerminal } from '../../src/render/terminal-stack.js';
import { ROOT } from '../helpers/run.js';

const golden = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;

/** Each figure rounds, at its usual places, onto the cut it is just under. */
const W = 0.598; // W's band "moderate" is below 0.60; "substantial" from 0.60
const DEPARTMENT_RHO = 0.397; // a department's stack against the leaders': poor below 0.40
const CASCADE_RHO = 0.797; // a department "mirrors" its leader from 0.80
const FAVOURABLE = 0.397; // a favourable share: poor below 40%
const DEPARTMENT_RWG = 0.497; // agreement within a department: weak below 0.50
const ITEM_RWG = 0.698; // agreement overall: good from 0.70

function crafted(): AuditResult {
  const r = structuredClone(golden);
  const stack = r.stack!;
  stack.concordance.W = W;
  stack.concordance.band = wBand(W);
  const commercial = stack.departments.find((d) => d.department === 'Commercial') as { spearmanToLeadership: number };
  commercial.spearmanToLeadership = DEPARTMENT_RHO;
  (r.cascade.find((c) => c.leader === 'Hannah Okafor') as { spearman: number }).spearman = CASCADE_RHO;
  const item = (bankId: string) => r.survey!.items.find((i) => i.bankId === bankId)!;
  (item('data-to-decide').overall as GroupStats).favourable = FAVOURABLE;
  (item('change-communication').byDepartment.Clinical as GroupStats).rwg = DEPARTMENT_RWG;
  (item('belief-in-strategy').overall as GroupStats).rwg = ITEM_RWG;
  // levels and findings as the audit builds them from these figures
  r.levels = buildLevels(r);
  r.findings = auditFindings(r);
  return r;
}

const result = crafted();

test('the traps are real: each figure prints as its cut at the usual places, and sits below it', () => {
  expect(fmtNumber(W)).toBe('0.60');
  expect(result.stack!.concordance.band).toBe('moderate');
  for (const [x, cut] of [
    [DEPARTMENT_RHO, '0.40'],
    [CASCADE_RHO, '0.80'],
    [DEPARTMENT_RWG, '0.50'],
    [ITEM_RWG, '0.70'],
  ] as const) {
    expect(fmtNumber(x)).toBe(cut);
    expect(x).toBeLessThan(Number(cut));
  }
  expect(fmtPercent(FAVOURABLE)).toBe('40%');
});

test("the findings' English in the JSON prints each figure on its side of the cut", () => {
  const evidence = (kind: string) => result.findings.filter((f) => f.kind === kind).map((f) => f.evidence);
  expect(evidence('concordance')).toEqual([expect.stringContaining(`Kendall's W = 0.598 ("moderate"`)]);
  expect(result.findings.find((f) => f.kind === 'concordance')!.title).toBe('The seven leaders agree moderately on what matters most');
  expect(evidence('departments')).toEqual([expect.stringContaining('Commercial: rho 0.397 to the leaders')]);
  expect(evidence('low-favourable')).toEqual(expect.arrayContaining([expect.stringContaining('39.7% favourable')]));
  expect(evidence('low-agreement')).toEqual(expect.arrayContaining([expect.stringContaining('r_wg 0.497')]));
});

const LANGS = {
  en: { decimal: '.', rating: /good \((?<good>[^)]+) or more\)|poor \(below (?<poor>[^)]+)\)|in between \((?<lo>.+?) to below (?<hi>[^)]+)\)/ },
  fr: {
    decimal: ',',
    rating: /bon \((?<good>[^)]+) ou plus\)|insuffisant \(moins de (?<poor>[^)]+)\)|intermédiaire \(de (?<lo>.+?) à moins de (?<hi>[^)]+)\)/,
  },
  de: { decimal: ',', rating: /gut \((?<good>[^)]+) oder mehr\)|schwach \(unter (?<poor>[^)]+)\)|dazwischen \((?<lo>.+?) bis unter (?<hi>[^)]+)\)/ },
} as const;

/** A printed number ('0.598', '0,598', '39,7 %') as a value, and whether it is a percentage. */
function value(token: string): { v: number; percent: boolean } {
  const percent = token.includes('%');
  return { v: Number(token.replace(/[%\s\u00a0\u202f]/g, '').replace(',', '.')), percent };
}

const NUMBER = /-?\d+(?:[.,]\d+)?(?:[\u00a0\u202f ]?%)?/;

describe.each(['en', 'fr', 'de'] as const)('%s', (lang) => {
  const { decimal, rating } = LANGS[lang];
  const n = (s: string) => s.replace('.', decimal);
  const md = withLanguage(lang, () => renderMarkdown(result));

  test('the scorecard: every rated figure as printed sits on the side of the cut its rating says', () => {
    const lines = md.split('\n').filter((l) => l.startsWith('- ') && rating.test(l));
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      const r = rating.exec(line)!;
      const measure = line.slice(0, r.index);
      // the figure: the first number after the subject (subjects here hold no digits)
      const shown = value(NUMBER.exec(measure.slice(measure.indexOf(':')))![0]);
      const g = r.groups!;
      const cut = (s: string) => {
        const c = value(s);
        expect(c.percent, line).toBe(shown.percent);
        return c.v;
      };
      if (g.good) expect(shown.v, line).toBeGreaterThanOrEqual(cut(g.good));
      else if (g.poor) expect(shown.v, line).toBeLessThan(cut(g.poor));
      else {
        expect(shown.v, line).toBeGreaterThanOrEqual(cut(g.lo!));
        expect(shown.v, line).toBeLessThan(cut(g.hi!));
      }
    }
    for (const figure of ['0.598', '0.397', '0.797', '0.698'])
      expect(
        lines.some((l) => l.includes(n(figure))),
        figure,
      ).toBe(true);
    expect(lines.some((l) => new RegExp(`${n('39.7').replace('.', '\\.')}[\\u00a0\\u202f ]?%`).test(l))).toBe(true);
  });

  /** Every W printed, each beside the band "moderate" (0.40 to below 0.60). */
  const expectWsModerate = (text: string, atLeast: number) => {
    // the number after 'W =' (not the method's formula, W = 12S / …)
    const ws = [...text.matchAll(/W(?: de Kendall)? = (?:\*\*|<strong>)?(\d+(?:[.,]\d+)?)(?![\dS])/g)].map((m) => m[1]!);
    expect(ws.length).toBeGreaterThanOrEqual(atLeast);
    for (const w of ws) {
      expect(w).toBe(n('0.598'));
      expect(value(w).v).toBeLessThan(0.6);
    }
  };

  test('Markdown: W at a glance, in the stack section, in its finding and the scorecard reads 0.598, in its band', () => {
    expectWsModerate(md, 4);
  });

  test('Markdown: the findings and "At a glance" print rho, r_wg and shares on the side of the cut they are listed by', () => {
    expect(md).toContain(`Commercial${lang === 'fr' ? '\u202f:' : ':'} rho ${n('0.397')}`);
    expect(md).toContain(`r\\_wg ${n('0.497')}`);
    // the cascade: Commercial departs from its leader (not the 0.80 from which a department mirrors)
    expect(md).toContain(n('0.797'));
    expect(md).not.toMatch(new RegExp(`rho ${n('0.40').replace('.', '\\.')}\\b`));
  });

  test('HTML (and its charts) and the terminal print W as 0.598 too', async () => {
    const html = (await withLanguage(lang, () => renderHtml(result))).replace(/&#x3D;/g, '=');
    expectWsModerate(html, 5);
    const terminal = withLanguage(lang, () => renderStackTerminal(result, { color: false, width: 100 }));
    // the stack view's W line: "Kendall's W   0.598  moderate"
    expect(terminal).toMatch(new RegExp(`W(?: de Kendall)?\\s+${n('0.598').replace('.', '\\.')}\\s`));
    expect(terminal).not.toMatch(new RegExp(`W(?: de Kendall)?\\s+${n('0.60').replace('.', '\\.')}\\b`));
  });
});

test.each(['en', 'fr', 'de'] as const)('%s: "Since the last audit" prints each W beside its band on the band\'s side', (lang) => {
  // the crafted audit as the baseline of the example's own (W 0.289, "fair")
  const diff = compareAudits(result, golden);
  const w = diff.moves.find((m) => m.kind === 'concordance')!;
  const line = withLanguage(lang, () => moveLine(w, '→'));
  const dec = lang === 'en' ? '.' : ',';
  // 0.598 (moderate) → 0.289 (fair), at three places both, and the change from them as printed
  expect(line).toContain(`W 0${dec}598 (`);
  expect(line).toContain(`→ 0${dec}289 (`);
  expect(line).toContain(`-0${dec}309`);
});

// "Orphaned" means more than half answer nobody or not sure: a share just over half never prints as 50%,
// which reads as not more than half, in the decisions table, the scorecard or the finding.
describe('an orphaned decision whose "not sure" share is just over half', () => {
  const UNSURE = 0.5004;
  const withUnsure = (unsure: number): AuditResult => {
    const r = structuredClone(golden);
    const o = r.ownership![0]!;
    o.unsure = unsure;
    o.verdict = 'orphaned';
    r.levels = buildLevels(r);
    r.findings = auditFindings(r);
    return r;
  };
  const orphaned = withUnsure(UNSURE);
  // the same decision orphaned by 62%: where it prints its share, the report above must print 50.04%, and no 50% more
  const plain = withUnsure(0.62);

  test('the trap is real: the share prints as 50% at the usual places', () => {
    expect(fmtPercent(UNSURE)).toBe('50%');
  });

  test("the finding's English in the JSON says 50.04%", () => {
    const finding = orphaned.findings.find((f) => f.kind === 'decision-orphaned')!;
    expect(finding.evidence).toContain('50.04%');
    expect(finding.evidence).not.toMatch(/\b50%/);
  });

  test.each(['en', 'fr', 'de'] as const)('Markdown (%s): the decision row, the scorecard and the finding print 50.04, never 50 %%', (lang) => {
    const md = withLanguage(lang, () => renderMarkdown(orphaned));
    const other = withLanguage(lang, () => renderMarkdown(plain));
    const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
    // every place the share is printed (the decisions table and its verdict sentence, the scorecard, At a glance, the finding)
    const places = count(other, /(^|[^\d.,])62\s?%/gm);
    expect(places).toBeGreaterThanOrEqual(4);
    expect(count(md, /50[.,]04\s?%/g)).toBe(places);
    // and no "50%" more than the report has anyway (a review found the verdict sentence still printing it)
    expect(count(md, /(^|[^\d.,])50\s?%/gm)).toBe(count(other, /(^|[^\d.,])50\s?%/gm));
  });

  test("HTML: the ownership chart's description says 50.04% too", async () => {
    const html = await renderHtml(orphaned);
    expect(html).toContain('50.04%');
    expect(html).not.toMatch(/\b50% nobody or not sure/);
  });
});
