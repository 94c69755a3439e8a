// Counts read right in each language: the catalogue's ICU plural forms, not "finding(s)" or "+1 points".
// "Since the last audit" (align diff and the reports) and the perception-gap chart's figures in points,
// checked in English, French and German through the real renderers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { withLanguage } from '../../src/i18n/index.js';
import { chartsFor } from '../../src/render/charts.js';
import { ROOT, runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

const AFTER = 'test/cli/golden/fernhill-survey.audit.json';
const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];
const golden = JSON.parse(readFileSync(join(ROOT, AFTER), 'utf8')) as AuditResult;

/** The example's audit as its own baseline, keeping one finding: that one persists, the others are new. */
function oneShared(): string {
  const b = structuredClone(golden);
  b.findings = [b.findings[0]!];
  return tmp.write('one-finding.json', JSON.stringify(b));
}

const PERSISTS = {
  en: '1 finding persists unchanged.',
  fr: '1 constat persiste sans changement.',
  de: '1 Befund besteht unverändert fort.',
} as const;

describe('one finding persisting', () => {
  const before = oneShared();

  test('align diff: "1 finding persists unchanged.", the verb agreeing', async () => {
    const run = await runAlign(['diff', before, AFTER]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`\n${PERSISTS.en}\n`);
  });

  test.each(['en', 'fr', 'de'] as const)('the %s report says it in the singular, without "(s)"', async (lang) => {
    const run = await runAlign(['audit', ...SURVEY, '--baseline', before, '--lang', lang]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(PERSISTS[lang]);
    expect(run.stdout).not.toContain('(s)');
  });

  test('many findings persisting: the plural, in the report and align diff', async () => {
    const run = await runAlign(['audit', ...SURVEY, '--baseline', AFTER]);
    expect(run.stdout).toContain(`${golden.findings.length} findings persist unchanged.`);
    const diff = await runAlign(['diff', AFTER, AFTER]);
    expect(diff.stdout).toContain(`${golden.findings.length} findings persist unchanged.`);
  });
});

describe.each([
  ['en', 'point', 'points'],
  ['fr', 'point', 'points'],
  ['de', 'Punkt', 'Punkte'],
] as const)('the perception-gap chart, %s', (lang, one, other) => {
  test('a gap of one point reads "1 point" beside its dumbbell and in the alt text; the others the plural', async () => {
    const r = structuredClone(golden);
    // the smallest gap: 51% of leaders against 50%
    const resources = r.survey!.gaps.find((g) => 'item' in g && g.item.startsWith('My team has the resources')) as {
      leaders: number;
      others: number;
      gapPoints: number;
    };
    Object.assign(resources, { leaders: 0.51, others: 0.5, gapPoints: 1 });
    const chart = (await withLanguage(lang, () => chartsFor(r))).find((c) => c.id === 'perception-gap')!;
    expect(chart.svg).toContain(`>1 ${one}</text>`);
    expect(chart.svg).not.toContain(`>1 ${other}</text>`);
    expect(chart.svg).toContain(`>59 ${other}</text>`);
    expect(chart.alt).toMatch(new RegExp(`\\(59 ${other}\\).*\\(1 ${one}\\)\\.$`));
  });
});
