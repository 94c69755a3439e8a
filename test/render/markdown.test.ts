import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { UsageError } from '../../src/errors.js';
import { mdEscape, renderJson, renderMarkdown, resolveTemplates, SHIPPED_TEMPLATES } from '../../src/render/markdown.js';
import { summariseExcluded } from '../../src/render/report-model.js';
import { clientLedger } from '../../src/render/view-model.js';
import { anAuditResult } from './builders.js';
import { awResult, LEAKS } from './fixtures.js';

const ANATOMY = [
  '# Leadership alignment audit',
  '## At a glance',
  '## The priority stack',
  '### Consensus stack',
  "### Each leader's stack",
  '### How strongly the leaders agree',
  '### Who diverges',
  '### Contested and unanimous priorities',
  '### Who agrees with whom',
  '## Does the organisation hear one message?',
  '## Questions for the room',
  '## Method',
  '## Data quality',
];

function headings(md: string): string[] {
  return md.split('\n').filter((l) => /^#{1,3} /.test(l));
}

describe('renderMarkdown anatomy', () => {
  const md = renderMarkdown(awResult());

  test('has every anatomy heading, in order', () => {
    const hs = headings(md);
    const at = ANATOMY.map((h) => hs.indexOf(h));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(hs),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('the cover carries the confidentiality line with the threshold', () => {
    expect(md).toContain('*Team answers are confidential; no group under 5 people is shown.*');
    const seven = renderMarkdown(anAuditResult().withMinGroup(7).build());
    expect(seven).toContain('no group under 7 people is shown');
  });

  test('at a glance: five to seven sentences generated from the data', () => {
    const section = md.slice(md.indexOf('## At a glance'), md.indexOf('## The priority stack'));
    const bullets = section.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets.length).toBeGreaterThanOrEqual(5);
    expect(bullets.length).toBeLessThanOrEqual(7);
    expect(section).toContain(
      'The seven leaders agree only weakly on what matters most (Kendall\'s W = 0.33, "fair"; permutation p = 0.011, unlikely to be chance).',
    );
    expect(section).toContain('Aiko Matsuda (People) is furthest from the rest of the team (rho = 0.19');
    expect(section).toContain('Helena Kowalski (Executive Office) is closest (0.95)');
    expect(section).toMatch(/different priorities sit at the top of the seven leaders' stacks/);
    expect(section).toContain(
      'Departments follow their own leader unevenly: Sales tracks Sunita Venkataraman closely (cascade rho = 1.00), Engineering departs from Diego Álvarez (rho = 0.30, 5 people).',
    );
    expect(section).toContain('Three departments are not shown, to keep groups under 5 people anonymous.');
  });

  test('the hedge follows p: above 0.05 says it could be chance', () => {
    const weak = renderMarkdown(anAuditResult().withConcordance({ p: 0.19, pPermutation: 0.21 }).build());
    expect(weak).toContain('p = 0.21, so this could be chance-level agreement');
    expect(weak).toContain('With p above 0.05, agreement this strong could arise by chance');
  });

  test("each leader's stack side by side: rows in consensus order, a column per leader", () => {
    expect(md).toContain(
      '| Priority | Consensus | Helena Kowalski | Marcus Oyelaran | Sunita Venkataraman | Diego Álvarez | Ingrid Halvorsen | Kofi Boateng | Aiko Matsuda |',
    );
    expect(md).toMatch(/\| Grow revenue \| 1 \| 1 \| \d \|/);
  });

  test('unranked priorities show their completed rank in brackets, with the rule', () => {
    const r = anAuditResult()
      .withPriorities(['A', 'B', 'C', 'D', 'E'])
      .withLeader('Ann Lee', ['A', 'B'])
      .withLeader('Bo Chen', ['B', 'A', 'C', 'D', 'E'])
      .build();
    const text = renderMarkdown(r);
    expect(text).toMatch(/\| C \| \d \| \(4\) \| 3 \|/);
    expect(text).toContain('A rank in brackets, such as (7.5), is a priority that leader did not rank');
    expect(text).toContain('leaves C unranked; the others put it');
  });

  test('method names every statistic with its reference and the rules', () => {
    const method = md.slice(md.indexOf('## Method'), md.indexOf('## Data quality'));
    for (const s of [
      '(k + 1 + N) / 2',
      'midranks',
      'Spearman, C. (1904)',
      'Kendall, M. G. (1945)',
      'Kendall, M. G. and Babington Smith, B. (1939)',
      'tie-corrected',
      'chi-square approximation',
      'permutation p, the share of 10,000 random relabellings',
      'seed 1',
      'Landis, J. R. and Koch, G. G. (1977)',
      '| 0.20 to below 0.40 | fair |',
      'Webber, W., Moffat, A. and Zobel, J. (2010)',
      'persistence p = 0.9',
      'Borda count',
      "Copeland's method",
      'Kemeny order',
      'A group with fewer than 5 people has no figure anywhere',
    ]) {
      expect(method, s).toContain(s);
    }
  });

  test('data quality lists files, respondents, excluded rows and notes', () => {
    const r = anAuditResult()
      .withInput({
        files: [{ path: 'a;b.csv', format: 'qualtrics', encoding: 'windows-1252', bom: true, delimiter: ';', rows: 12 }],
        respondents: 9,
        excluded: [{ file: 'a;b.csv', line: 14, reason: 'preview response' }],
        notes: [{ file: 'a;b.csv', line: 7, note: 'tie: two priorities ranked 2' }],
      })
      .build();
    const text = renderMarkdown(r);
    expect(text).toContain('| a;b.csv | qualtrics | windows-1252 | yes | semicolon | 12 |');
    expect(text).toContain('Respondents used: 9.');
    expect(text).toContain('| a;b.csv | preview response | 1 | 14 |');
    expect(text).toContain('| a;b.csv | 7 | tie: two priorities ranked 2 |');
    expect(renderMarkdown(anAuditResult().build())).toContain('No rows were excluded.');
  });
});

describe('renderMarkdown anonymity and undefined values', () => {
  test('suppressed departments and cascade entries: the name and "not shown", no numbers (not "fewer than 5": a larger group may be hidden to protect a smaller one)', () => {
    const md = renderMarkdown(awResult());
    for (const d of ['Operations', 'Finance', 'Marketing']) {
      expect(md).toContain(`| ${d} | hidden (protects groups under 5) | | |`);
    }
    expect(md).toContain('| Marcus Oyelaran | Finance | hidden (protects groups under 5) | |');
    // The department stacks table has a column only for the departments shown.
    expect(md).toContain('| Priority | Leaders | Sales | Engineering |');
    // Place in the group's own order, mean rank in brackets (Engineering puts the data platform first).
    expect(md).toContain('| Build the data platform | 3 (4.6) | 7 (7.3) | 1 (1.2) |');
  });

  test("null statistics render as 'n/a (reason)', never NaN, null or undefined", () => {
    const r = anAuditResult()
      .withLeaders('Ann Lee', 'Bo Chen')
      .withConcordance({
        W: null,
        WReason: 'every stack is identical',
        chiSquare: null,
        df: null,
        p: null,
        pReason: 'no W',
        pPermutation: null,
        pPermutationReason: 'no W',
        band: null,
      })
      .withRater('Bo Chen', { spearmanToOthers: null, spearmanToOthersReason: 'constant stack', divergence: null, divergenceReason: 'constant stack' })
      .withPair('Ann Lee', 'Bo Chen', {
        spearman: null,
        spearmanReason: 'constant stack',
        kendallTauB: null,
        kendallTauBReason: 'constant stack',
        rbo: null,
        rboReason: 'tied ranks',
      })
      .withConsensus('Grow revenue', { sd: null, sdReason: 'one leader' })
      .withDepartment({ department: 'Sales', n: 6, W: null, spearmanToLeadership: null })
      .withCascade({ leader: 'Ann Lee', department: null, n: 0, spearman: null, spearmanReason: "no non-leaders in this leader's department" })
      .withStack({ kemeny: null, kemenyReason: 'more than 12 priorities' })
      .build();
    const md = renderMarkdown(r);
    expect(md).not.toMatch(LEAKS);
    expect(md).toContain('W = **n/a (every stack is identical)**');
    expect(md).toContain('p n/a (no W) by the chi-square approximation');
    expect(md).toContain('divergence n/a (constant stack); rho n/a (constant stack) to the others');
    expect(md).toContain('| Ann Lee and Bo Chen | n/a (constant stack) | n/a (constant stack) | n/a (tied ranks) |');
    expect(md).toContain('| 1.00 | n/a (one leader) |'.slice(9)); // the SD cell
    expect(md).toContain("| Ann Lee | n/a (no department) | 0 | n/a (no non-leaders in this leader's department) |");
    expect(md).toContain('Kemeny: n/a (more than 12 priorities).');
  });

  test('no stack: the reason, and the document still has its anatomy', () => {
    const md = renderMarkdown(anAuditResult().withoutStack('no ranking question in the file').build());
    expect(md).toContain('No priority stacks to compare: n/a (no ranking question in the file).');
    expect(md).toContain('There are no priority stacks to compare');
    expect(md).not.toMatch(LEAKS);
    for (const h of ['## At a glance', '## The priority stack', '## Method', '## Data quality']) expect(md).toContain(h);
  });
});

describe('renderMarkdown findings', () => {
  test('findings go facts, then interpretation, then decision; most severe first within each', () => {
    const r = anAuditResult()
      .withFindings(
        {
          severity: 'high',
          kind: 'divergence',
          level: 'strategic',
          title: 'The COO runs a different plan',
          evidence: 'rho = -0.36',
          question: 'What does the COO see?',
          layer: 'interpretation',
        },
        {
          severity: 'high',
          kind: 'concordance',
          level: 'strategic',
          title: 'The leaders barely agree',
          evidence: 'W = 0.12',
          question: 'Write down your one priority.',
          layer: 'facts',
        },
        {
          severity: 'medium',
          kind: 'contested',
          level: 'strategic',
          title: 'Hiring is contested',
          evidence: 'top three for 50%',
          question: 'Who owns the call?',
          layer: 'decision',
        },
        {
          severity: 'low',
          kind: 'unanimous',
          level: 'strategic',
          title: 'Everyone puts growth first',
          evidence: 'unanimous',
          question: 'Does the company know?',
          layer: 'facts',
        },
      )
      .build();
    const md = renderMarkdown(r);
    const order = [
      '### Facts: what do we know?',
      '#### 1. The leaders barely agree',
      '#### 2. Everyone puts growth first',
      '### Interpretation: what does it mean for our strategy?',
      '#### 3. The COO runs a different plan',
      '### Decision: what will we do?',
      '#### 4. Hiring is contested',
    ].map((h) => md.indexOf(`\n${h}\n`));
    expect(
      order.every((i) => i > 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md.indexOf('- **What the data shows:** rho = -0.36')).toBeLessThan(md.indexOf('- **Question:** What does the COO see?'));
  });

  test('a layer with no findings gets no heading', () => {
    const r = anAuditResult()
      .withFindings({ severity: 'info', kind: 'x', level: 'strategic', title: 'Only a fact', evidence: 'e', question: 'q', layer: 'facts' })
      .build();
    const md = renderMarkdown(r);
    expect(md).toContain('### Facts: what do we know?');
    expect(md).not.toContain('### Decision');
  });

  test('no findings: says so, invents none', () => {
    expect(renderMarkdown(anAuditResult().build())).toContain('No findings were recorded for this audit.');
  });
});

describe('Markdown escaping', () => {
  test.each([
    ['R|D', 'R\\|D'],
    ['a*b_c', 'a\\*b\\_c'],
    ['<script>', '\\<script>'],
    ['p < 0.001', 'p < 0.001'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['-0.36', '-0.36'],
    ['two\nlines', 'two lines'],
    [null, ''],
  ])('mdEscape(%j) -> %j', (input, want) => {
    expect(mdEscape(input)).toBe(want);
  });

  test('a pipe in a priority name does not break the tables', () => {
    const md = renderMarkdown(anAuditResult().withPriorities(['R|D', 'Cost', 'Hiring']).build());
    expect(md).toContain('| R\\|D |');
    for (const line of md.split('\n').filter((l) => l.startsWith('| Priority | Consensus'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(2 + 2 + 3);
    }
  });
});

describe('template lookup', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function tempDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'align-templates-'));
    dirs.push(d);
    return d;
  }

  test('the shipped templates are the package templates/ folder', () => {
    expect(SHIPPED_TEMPLATES).toBe(fileURLToPath(new URL('../../templates/', import.meta.url)));
    const { report, partials } = resolveTemplates();
    expect(report).toBe(join(SHIPPED_TEMPLATES, 'report.md.hbs'));
    expect([...partials.keys()].sort()).toEqual([
      'at-a-glance',
      'cover',
      'data-quality',
      'decisions',
      'method',
      'organisation',
      'priority-stack',
      'questions',
      'scorecard',
      'since',
      'survey',
    ]);
  });

  test('a report.md.hbs in --template <dir> replaces the report, with helpers and partials available', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md.hbs'), '# Custom for {{md title}}\n\nW = {{num stack.concordance.W}}\n\n{{> method}}\n');
    const md = renderMarkdown(awResult(), { templateDir: dir });
    expect(md.startsWith('# Custom for Leadership alignment audit\n\nW = 0.33\n')).toBe(true);
    expect(md).toContain('## Method');
    expect(md).not.toContain('## At a glance');
  });

  test('a partial in <dir>/partials replaces only that section', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'method.md.hbs'), '## Method\n\nOur own method text.\n');
    const md = renderMarkdown(awResult(), { templateDir: dir });
    expect(md).toContain('Our own method text.');
    expect(md).not.toContain('Webber, W.');
    expect(md).toContain('## At a glance');
  });

  test('a missing folder or a broken template is a usage error naming it', () => {
    expect(() => renderMarkdown(awResult(), { templateDir: join(tmpdir(), 'align-no-such-folder') })).toThrow(UsageError);
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md.hbs'), '{{#each}}\n');
    expect(() => renderMarkdown(awResult(), { templateDir: dir })).toThrow(UsageError);
    expect(() => renderMarkdown(awResult(), { templateDir: dir })).toThrow(dir);
  });
});

describe('renderJson', () => {
  test('two-space JSON with one trailing newline that parses back to the same value', () => {
    const r = awResult();
    const text = renderJson(r);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toMatch(/^ {2}"schemaVersion": 1,$/);
    expect(JSON.parse(text)).toEqual(r);
  });
});

describe('small teams', () => {
  test('one leader: no agreement to measure, no comparisons invented, no broken grammar', () => {
    const r = anAuditResult()
      .withPriorities(['A', 'B', 'C'])
      .withLeaders('Solo Person')
      .withConcordance({ W: null, WReason: 'fewer than two leaders', chiSquare: null, df: null, p: null, pPermutation: null, band: null })
      .build();
    const md = renderMarkdown(r);
    expect(md).toContain('Agreement among the leaders cannot be measured: n/a (fewer than two leaders).');
    expect(md).toContain('1 leader ranked 3 priorities; 1 respondent in all.');
    expect(md).toContain('| 3 | C | 3.00 | n/a (only one leader ranked) | 100% | contested, unanimous |');
    expect(md).not.toMatch(/one leaders|\b1 leaders\b/);
    expect(md).not.toMatch(LEAKS);
  });
});

describe('data quality summarises excluded rows by reason (issue 13); the JSON keeps every row', () => {
  type Row = AuditResult['input']['excluded'][number];
  const withExcluded = (excluded: Row[]) =>
    anAuditResult()
      .withInput({
        files: [{ path: 'a.csv', format: 'generic', encoding: 'utf-8', bom: false, delimiter: ',', rows: 3000 }],
        respondents: 1,
        excluded,
        notes: [],
      })
      .build();
  const dataRows = (md: string) => md.split('\n').filter((l) => /^\| (a|b)\.csv \|/.test(l) && !/\| generic \|/.test(l));

  test('1,204 duplicates, each replaced by another line, are one row with the count and five line references', () => {
    const lines = Array.from({ length: 1204 }, (_, i) => 14 + 2 * i); // no two adjacent: 1,204 runs
    const r = withExcluded(
      lines.map((line) => ({ file: 'a.csv', line, reason: `duplicate (same email): replaced by the later submission on line ${line + 1}`, kind: 'duplicate' })),
    );
    expect(dataRows(renderMarkdown(r))).toEqual(['| a.csv | duplicate: replaced by a later submission | 1,204 | 14, 16, 18, 20, 22, … |']);
    const json = JSON.parse(renderJson(r)) as AuditResult;
    expect(json.input.excluded).toHaveLength(1204);
    expect(json.input.excluded[0]).toEqual({
      file: 'a.csv',
      line: 14,
      reason: 'duplicate (same email): replaced by the later submission on line 15',
      kind: 'duplicate',
    });
  });

  test('runs of lines count as one reference each; other reasons keep their wording, one row per file and reason', () => {
    const rows: Row[] = [3, 4, 5, 9, 6].map((line) => ({ file: 'a.csv', line, reason: 'nothing ranked', kind: 'nothing-answered' }));
    rows.push(
      { file: 'a.csv', line: 7, reason: 'preview response', kind: 'not-a-response' },
      { file: 'b.csv', line: 3, reason: 'nothing ranked', kind: 'nothing-answered' },
    );
    expect(summariseExcluded(clientLedger(withExcluded(rows).input).excluded)).toEqual([
      { file: 'a.csv', reason: 'nothing ranked', lines: '3-6, 9', count: 5 },
      { file: 'a.csv', reason: 'preview response', lines: '7', count: 1 },
      { file: 'b.csv', reason: 'nothing ranked', lines: '3', count: 1 },
    ]);
  });

  test('invalid rows under --skip-invalid are one reason, whatever cell each had wrong', () => {
    const rows: Row[] = [10, 11, 12].map((line) => ({
      file: 'a.csv',
      line,
      reason: `invalid, respondent left out (--skip-invalid): rank ${line} is outside 1..9 (column "Rank")`,
      kind: 'invalid',
    }));
    expect(dataRows(renderMarkdown(withExcluded(rows)))).toEqual(['| a.csv | invalid value, respondent left out (--skip-invalid) | 3 | 10-12 |']);
  });

  test("rows of hidden groups stay a count without lines, after the rest, never in a shown reason's total", () => {
    const shown: Row[] = [20, 30].map((line) => ({
      file: 'a.csv',
      line,
      reason: `duplicate (same email): replaced by the later submission on line ${line + 1}`,
      kind: 'duplicate',
    }));
    const hidden: Row[] = [25, 26, 27].map((line) => ({
      file: 'a.csv',
      line,
      reason: 'duplicate: replaced by a later submission',
      kind: 'duplicate',
      suppressed: true,
    }));
    const md = renderMarkdown(withExcluded([hidden[0]!, ...shown, ...hidden.slice(1)]));
    expect(dataRows(md)).toEqual([
      '| a.csv | duplicate: replaced by a later submission | 2 | 20, 30 |',
      '| a.csv | duplicate: replaced by a later submission (respondents in groups too small to show) | 3 | – |',
    ]);
    expect(md).not.toMatch(/\b2[5-7]\b/);
  });

  test('a result written before `kind` was added is summarised by its exact reasons', () => {
    const rows: Row[] = [4, 8].map((line) => ({ file: 'a.csv', line, reason: 'unfinished response (LimeSurvey: no submitdate)' }));
    expect(dataRows(renderMarkdown(withExcluded(rows)))).toEqual(['| a.csv | unfinished response (LimeSurvey: no submitdate) | 2 | 4, 8 |']);
  });
});
