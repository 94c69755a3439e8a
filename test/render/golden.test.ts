/**
 * Golden files (STYLE.md habit 11): the Adventure Works report and workshop
 * view, committed so a reviewer reads a rendering change as a diff. The fixture
 * carries a fixed generator version, so nothing needs scrubbing.
 * After an intended change: npx vitest run test/render -u, then read the diff.
 */
import { expect, test } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderStackTerminal } from '../../src/render/terminal-stack.js';
import { awResult } from './fixtures.js';

/**
 * The fixture with findings in the audit room's style (most severe first, each
 * with its layer), and the levels, ownership and recall an audit of its survey
 * would add (render values consistent with the fixture: W 0.33, cascade rho
 * 1.00 and 0.30, three departments hidden; not computed from it).
 */
function withFindings(): AuditResult {
  return {
    ...awResult(),
    levels: [
      {
        level: 'strategic',
        status: 'misaligned',
        evidence: [
          { kind: 'concordance', subject: "The leaders' stacks", statistic: 'W', value: 0.33, rating: 'poor' },
          { kind: 'recall', subject: 'Everyone', statistic: 'share', value: 0.31, rating: 'poor' },
          { kind: 'favourable', subject: 'I can name the top three priorities this quarter', statistic: 'favourable', value: 0.64, rating: 'good' },
        ],
      },
      {
        level: 'communication',
        status: 'mixed',
        evidence: [
          { kind: 'department-stack', subject: 'Sales', statistic: 'spearman', value: 0.54, rating: 'between' },
          { kind: 'department-stack', subject: 'Engineering', statistic: 'spearman', value: 0.54, rating: 'between' },
          { kind: 'cascade', subject: 'Sales (Sunita Venkataraman)', statistic: 'spearman', value: 1, rating: 'good' },
          { kind: 'cascade', subject: 'Engineering (Diego Álvarez)', statistic: 'spearman', value: 0.3, rating: 'poor' },
        ],
      },
      {
        level: 'decision',
        status: 'misaligned',
        evidence: [
          { kind: 'ownership', subject: 'Pricing for dealers', statistic: 'leadingOwnerShare', value: 0.45, verdict: 'contested', rating: 'poor' },
          { kind: 'ownership', subject: 'The e-bike launch date', statistic: 'leadingOwnerShare', value: 0.3, verdict: 'orphaned', rating: 'poor' },
          { kind: 'ownership', subject: 'Hiring engineers', statistic: 'leadingOwnerShare', value: 0.8, verdict: 'clear', rating: 'good' },
        ],
      },
    ],
    ownership: [
      {
        decision: 'Pricing for dealers',
        question: 'Who owns this decision? [Pricing for dealers]',
        contestedShare: 0.25,
        n: 30,
        owners: [
          { name: 'Finance', share: 0.43 },
          { name: 'Sales', share: 0.37 },
          { name: 'CEO', share: 0.1 },
        ],
        unsure: 0.1,
        other: 0,
        verdict: 'contested',
        byDepartment: {
          Engineering: { n: 5, owners: [{ name: 'Finance', share: 0.6 }], unsure: 0.4, other: 0, verdict: 'clear' },
          Finance: { suppressed: true },
          Marketing: { suppressed: true },
          Operations: { suppressed: true },
          Sales: {
            n: 6,
            owners: [
              { name: 'Sales', share: 0.67 },
              { name: 'Finance', share: 0.33 },
            ],
            unsure: 0,
            other: 0,
            verdict: 'contested',
          },
        },
      },
      {
        decision: 'The e-bike launch date',
        question: 'Who owns this decision? [The e-bike launch date]',
        contestedShare: 0.25,
        n: 30,
        owners: [{ name: 'Engineering', share: 0.2 }],
        unsure: 0.63,
        other: 0,
        verdict: 'orphaned',
        byDepartment: {},
      },
      {
        decision: 'Hiring engineers',
        question: 'Who owns this decision? [Hiring engineers]',
        contestedShare: 0.25,
        n: 29,
        owners: [
          { name: 'Engineering', share: 0.76 },
          { name: 'People', share: 0.14 },
        ],
        unsure: 0.1,
        other: 0,
        verdict: 'clear',
        byDepartment: {},
      },
    ],
    recall: {
      official: ['Grow revenue', 'Launch the e-bike line', 'Improve on-time delivery'],
      needed: 3,
      source: 'stack',
      overall: { n: 36, share: 0.31 },
      byDepartment: {
        Engineering: { n: 5, share: 0.2 },
        Finance: { suppressed: true },
        Marketing: { suppressed: true },
        Operations: { suppressed: true },
        Sales: { n: 6, share: 0.5 },
      },
      byLevel: { Executive: { n: 7, share: 0.43 }, Manager: { n: 29, share: 0.28 } },
    },
    findings: [
      {
        severity: 'high',
        kind: 'concordance',
        level: 'strategic',
        title: 'The seven leaders agree only weakly on what matters most',
        evidence: 'Kendall\'s W = 0.33 ("fair"); p = 0.011.',
        question: 'Before anyone speaks, each of you write it down: if only one priority could be funded this year, which would you protect?',
        layer: 'facts',
      },
      {
        severity: 'high',
        kind: 'first-priorities',
        level: 'strategic',
        title: 'Five different priorities sit at the top of seven stacks',
        evidence:
          'Grow revenue: Helena Kowalski, Sunita Venkataraman and Kofi Boateng; Reduce warranty costs: Marcus Oyelaran; Launch the e-bike line: Diego Álvarez; Improve on-time delivery: Ingrid Halvorsen; Hire and develop engineers: Aiko Matsuda.',
        question: 'What would change in the next quarter if the whole team put Grow revenue first?',
        layer: 'interpretation',
      },
      {
        severity: 'medium',
        kind: 'contested',
        level: 'strategic',
        title: 'Seven priorities are contested',
        evidence: 'Build the data platform (top three for 29% of leaders); Expand into Asia-Pacific (top three for 29% of leaders).',
        question: 'For each contested priority: what would we stop doing if it moved up, who owns the call, and by when do we close it?',
        layer: 'decision',
      },
      {
        severity: 'medium',
        kind: 'ownership-orphaned',
        level: 'decision',
        title: 'Nobody owns the e-bike launch date',
        evidence: "63% answer nobody, don't know or not sure.",
        question: 'Who will own the launch date, and what does that person need from the rest of this team?',
        layer: 'decision',
      },
    ],
  };
}

test('Markdown report of the Adventure Works fixture', async () => {
  await expect(renderMarkdown(withFindings())).toMatchFileSnapshot('./golden/aw-leaders-managers.report.md');
});

test('workshop view of the Adventure Works fixture, no colour, 80 columns', async () => {
  await expect(renderStackTerminal(awResult(), { color: false, width: 80 })).toMatchFileSnapshot('./golden/aw-leaders-managers.stack.txt');
});
