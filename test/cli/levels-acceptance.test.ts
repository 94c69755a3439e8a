// Acceptance (issue "The survey audit, part 2"): `align audit` on every Northwind tool
// file gives three levels[] entries, each with a status or a statusReason, and at
// least one finding per level that has evidence; every value of the levels is the
// AuditResult's own figure, rated by the cut table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rate } from '../../src/audit/bands.js';
import type { AuditResult } from '../../src/audit/types.js';
import { EXPORTS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const FILES: Array<[string, string?]> = [
  ['google-forms.csv'],
  ['google-forms-semicolon.csv'],
  ['surveymonkey.csv'],
  ['qualtrics.csv'],
  ['qualtrics-numeric.csv', 'northwind.align.yml'],
  ['microsoft-forms.csv'],
  ['microsoft-forms-windows1252.csv'],
  ['microsoft-forms-utf16le.txt'],
  ['typeform.csv'],
  ['limesurvey.csv', 'limesurvey.align.yml'],
  ['limesurvey-fulltext.csv'],
];

describe('three levels and a finding for each, on every Northwind tool file', () => {
  for (const [file, config] of FILES) {
    it(file, async () => {
      const run = await runAlign(['audit', join(EXPORTS, file), '--format', 'json', ...(config ? ['--config', join(EXPORTS, config)] : [])]);
      expect(run.code, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as AuditResult;
      expect(r.levels.map((l) => l.level)).toEqual(['strategic', 'communication', 'decision']);
      for (const l of r.levels) {
        expect(l.status !== null || typeof l.statusReason === 'string', l.level).toBe(true);
        if (l.evidence.length > 0) expect(r.findings.filter((f) => f.level === l.level).length, `findings at ${l.level}`).toBeGreaterThan(0);
      }
      // the story of EXPECTED.md, level by level
      const strategic = r.levels[0]!;
      expect(strategic.evidence[0]).toMatchObject({ kind: 'concordance', rating: 'poor' }); // W = 0.24
      expect(strategic.evidence[0]!.value).toBeCloseTo(0.238095238, 8);
      const decision = r.levels[2]!;
      const stick = decision.evidence.find((e) => e.kind === 'favourable' && e.subject.startsWith('Decisions made'))!;
      expect(stick.value).toBeCloseTo(4 / 29, 12); // Patrick Doyle left it blank: 4 of 29 favourable
      expect(stick.rating).toBe('poor');
      for (const l of r.levels)
        for (const e of l.evidence)
          if (e.kind !== 'ownership' && e.rating !== null)
            expect(e.rating).toBe(
              rate(
                e.kind === 'concordance' ? 'W' : e.kind === 'agreement' ? 'rwg' : e.kind === 'department-stack' || e.kind === 'cascade' ? 'rho' : 'share',
                e.value,
              ),
            );
      expect(r.findings.find((f) => f.kind === 'least-clear')?.title).toBe('Operations is the least clear about the priorities');
      expect(r.ownership).toEqual([]);
      expect(r.recall).toBeNull();
    });
  }
});
