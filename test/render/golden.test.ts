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

/** The fixture with findings in the audit room's style (most severe first, each with its layer). */
function withFindings(): AuditResult {
  return {
    ...awResult(),
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
    ],
  };
}

test('Markdown report of the Adventure Works fixture', async () => {
  await expect(renderMarkdown(withFindings())).toMatchFileSnapshot('./golden/aw-leaders-managers.report.md');
});

test('workshop view of the Adventure Works fixture, no colour, 80 columns', async () => {
  await expect(renderStackTerminal(awResult(), { color: false, width: 80 })).toMatchFileSnapshot('./golden/aw-leaders-managers.stack.txt');
});
