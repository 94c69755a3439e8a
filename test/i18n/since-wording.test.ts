/**
 * "Since the last audit" in the reader's language (issue 15). The comparison
 * (audit/diff.ts) words its warnings and notes from the catalogue: the
 * AuditDiff (`align diff --json`) keeps their English, byte for byte what it
 * was before the catalogue, and a report words them in its own language.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareAudits } from '../../src/audit/diff.js';
import type { AuditDiff, AuditResult } from '../../src/audit/types.js';
import { ROOT } from '../helpers/run.js';

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;
const copy = (): AuditResult => structuredClone(EXAMPLE);

/** Renames a department key everywhere it appears (as test/audit/diff.test.ts does). */
function renameDepartment(r: AuditResult, from: string, to: string): void {
  const move = (rec: Record<string, unknown>) => {
    if (Object.hasOwn(rec, from)) {
      rec[to] = rec[from];
      delete rec[from];
    }
  };
  for (const d of r.survey?.dimensions ?? []) move(d.byDepartment);
  for (const i of r.survey?.items ?? []) move(i.byDepartment);
  if (r.recall) move(r.recall.byDepartment);
  for (const d of r.stack?.departments ?? []) if (d.department === from) d.department = to;
}

/**
 * One comparison for each warning and note audit/diff.ts words, with names that
 * hold a double quote or a backslash (the English quotes names as JSON does).
 */
const SCENARIOS: Record<string, () => AuditDiff> = {
  schema: () => {
    const before = copy();
    before.schemaVersion = 0;
    return compareAudits(before, copy());
  },
  threshold: () => {
    const before = copy() as AuditResult & { input: { minGroup?: number } };
    delete before.input.minGroup;
    delete (before.stack as { minGroup?: number }).minGroup;
    delete (before.survey as { minGroup?: number }).minGroup;
    const after = copy();
    after.input.minGroup = 7;
    return compareAudits(before, after);
  },
  leaders: () => {
    const after = copy();
    after.stack!.leaders = [...after.stack!.leaders.slice(2), 'Someone "New"', 'Zoë \\ Back'];
    return compareAudits(EXAMPLE, after);
  },
  surveyLeaders: () => {
    const before = copy();
    before.stack = null;
    const after = copy();
    after.stack = null;
    after.survey!.leaders = (before.survey!.leaders ?? 0) + 1;
    return compareAudits(before, after);
  },
  departments: () => {
    const after = copy();
    renameDepartment(after, 'Finance', 'gone');
    renameDepartment(after, 'gone', 'Operations');
    renameDepartment(after, 'People', 'People & Culture');
    renameDepartment(after, 'Clinical', 'Clinical "Care"');
    return compareAudits(EXAMPLE, after, { renamed: { Finance: 'Operations', Technology: 'Tech' } });
  },
  reworded: () => {
    const after = copy();
    after.survey!.items[0]!.text = 'I can name our "three" priorities';
    return compareAudits(EXAMPLE, after);
  },
  suppressed: () => {
    const before = copy();
    const gap = before.survey!.gaps[0] as { item: string };
    before.survey!.gaps[0] = { item: gap.item, suppressed: true };
    before.recall!.overall = { suppressed: true };
    const after = copy();
    after.survey!.dimensions[0]!.overall = { suppressed: true };
    for (const d of after.survey!.dimensions) d.byDepartment.Commercial = { suppressed: true };
    return compareAudits(before, after);
  },
  priorities: () => {
    const before = copy();
    before.stack!.priorities.push('Open a "new" clinic');
    for (const r of before.stack!.raters) r.ranks['Open a "new" clinic'] = 9;
    before.stack!.priorities.shift();
    const after = copy();
    const r0 = after.stack!.raters[0]!;
    const [p1, p2] = after.stack!.priorities as [string, string];
    [r0.ranks[p1], r0.ranks[p2]] = [r0.ranks[p2]!, r0.ranks[p1]!];
    after.stack!.concordance.W = 0.5;
    return compareAudits(before, after);
  },
};

const wordings = (d: AuditDiff) => ({ warnings: d.warnings.map((w) => w.message), notes: d.moves.flatMap((m) => (m.note ? [m.note] : [])) });
const SHARED7 = 'compared over the 7 priorities both stacks share';

describe('the English the AuditDiff keeps (align diff --json)', () => {
  // each string as audit/diff.ts wrote it before the catalogue (template literals, names through JSON.stringify)
  test.each([
    ['schema', ['The baseline has schemaVersion 0 and the later audit 1; figures added since schemaVersion 0 are not compared'], []],
    ['threshold', ['The anonymity threshold differs: not recorded in the baseline, 7 now; a group shown on one side may be hidden on the other'], []],
    [
      'leaders',
      [
        'The leaders who ranked differ (new: "Someone \\"New\\"", "Zoë \\\\ Back"; no longer: "Rafael Duarte", "Mei-Lin Zhou"); W and the leadership consensus are of different teams, each leader\'s divergence is compared only for leaders in both',
      ],
      [],
    ],
    ['surveyLeaders', ['The number of leaders in the survey differs: 7 in the baseline, 8 now; check the leader role is the same'], []],
    [
      'departments',
      [
        'Department "Clinical" is in the baseline only; it is not compared',
        '"Finance", "Operations" in the baseline are merged into "Operations": the baseline cannot be recombined from its results, so "Operations" is not compared',
        'Department "People" is in the baseline only; it is not compared',
        'Department "Technology" (renamed to "Tech" in align.yml) is in the baseline only; it is not compared',
        'Department "Technology" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
        'Department "People & Culture" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
        'Department "Clinical \\"Care\\"" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
      ],
      [],
    ],
    [
      'reworded',
      [
        'Item "I can name the company\'s top three priorities for this quarter" is worded differently: before "I can name the company\'s top three priorities for this quarter", now "I can name our \\"three\\" priorities"',
      ],
      [],
    ],
    [
      'suppressed',
      [
        'Everyone is hidden in the later audit (fewer people than the anonymity threshold), so its figures are not compared',
        'Commercial is hidden in the later audit (fewer people than the anonymity threshold), so its figures are not compared',
        'The gap on "I can name the company\'s top three priorities for this quarter" is hidden in the baseline (fewer people than the anonymity threshold), so its leaders and others are not compared',
        'Everyone is hidden in the baseline (fewer people than the anonymity threshold), so its recall are not compared',
      ],
      [],
    ],
    [
      'priorities',
      [
        'The priorities ranked differ (added "Win NHS contracts"; dropped "Open a \\"new\\" clinic"; N 8 then 8): W and each leader\'s divergence are compared over the 7 priorities both share',
      ],
      [`${SHARED7}; the p-values and bands are each audit's own, over all its priorities`, ...Array(6).fill(SHARED7)],
    ],
  ])('%s', (name, warnings, notes) => {
    const diff = (SCENARIOS[name] as () => AuditDiff)();
    expect(wordings(diff)).toEqual({ warnings, notes });
    // plain JSON data: what JSON.stringify writes is every field the comparison has
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});
