// compareAudits (issue 12): what moved between two AuditResults, and the
// comparability warnings. The full survey example's golden AuditResult is the
// baseline; each test changes a copy the way a later audit would differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAudits } from '../../src/audit/diff.js';
import { auditResultSchema } from '../../src/audit/schema.js';
import type { AuditResult, DimensionResult, GroupStats } from '../../src/audit/types.js';
import { UsageError } from '../../src/errors.js';
import { renameDepartment } from '../helpers/rename-department.js';
import { ROOT } from '../helpers/run.js';

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;
const copy = (): AuditResult => structuredClone(EXAMPLE);

function shown(g: DimensionResult['overall']): GroupStats {
  if ('suppressed' in g) throw new Error('suppressed');
  return g as GroupStats;
}

describe('compareAudits', () => {
  it('the example is a valid AuditResult with departments, a stack, recall and findings', () => {
    expect(auditResultSchema.safeParse(EXAMPLE).success).toBe(true);
    expect(EXAMPLE.stack).not.toBeNull();
    expect(EXAMPLE.recall).not.toBeNull();
    expect(Object.keys(EXAMPLE.survey!.dimensions[0]!.byDepartment)).toContain('Clinical');
  });

  it('an audit compared with itself: nothing moved, no warnings', () => {
    const diff = compareAudits(EXAMPLE, copy());
    expect(diff.moves).toEqual([]);
    expect(diff.warnings).toEqual([]);
    expect(diff.schemaVersion).toBe(1);
    expect(diff.persisting.length).toBe(EXAMPLE.findings.length);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff); // plain JSON data
  });

  it('a favourable share whose interval no longer overlaps the baseline is beyond chance', () => {
    const after = copy();
    const g = shown(after.survey!.dimensions[0]!.overall);
    const b = shown(EXAMPLE.survey!.dimensions[0]!.overall);
    g.favourable = 0.95;
    g.favourableCI = [Math.max(b.favourableCI![1] + 0.01, 0.9), 0.99];
    const diff = compareAudits(EXAMPLE, after);
    expect(diff.moves).toHaveLength(1);
    const m = diff.moves[0]!;
    expect(m).toMatchObject({
      kind: 'favourable',
      subject: EXAMPLE.survey!.dimensions[0]!.name,
      group: 'overall',
      before: b.favourable,
      after: 0.95,
      beyondChance: true,
    });
    expect(m.change).toBeCloseTo(0.95 - b.favourable!, 12);
    expect(m.ciBefore).toEqual(b.favourableCI);
  });

  it('a small move within the intervals is not beyond chance', () => {
    const after = copy();
    const dim = after.survey!.dimensions[1]!;
    const g = shown(dim.byDepartment.Clinical!);
    const b = shown(EXAMPLE.survey!.dimensions[1]!.byDepartment.Clinical!);
    g.favourable = b.favourable! + 0.02;
    g.favourableCI = [b.favourableCI![0] + 0.02, b.favourableCI![1] + 0.02];
    const diff = compareAudits(EXAMPLE, after);
    expect(diff.moves).toHaveLength(1);
    expect(diff.moves[0]).toMatchObject({ kind: 'favourable', group: 'Clinical', beyondChance: false });
    expect(diff.moves[0]!.change).toBeCloseTo(0.02, 12);
  });

  it('W: no interval test, both permutation p-values carried', () => {
    const after = copy();
    after.stack!.concordance.W = 0.5;
    after.stack!.concordance.pPermutation = 0.001;
    const diff = compareAudits(EXAMPLE, after);
    const m = diff.moves.find((x) => x.kind === 'concordance')!;
    expect(m.beyondChance).toBeNull();
    expect(m.beyondChanceReason).toMatch(/p-values/);
    expect(m.pBefore).toBe(EXAMPLE.stack!.concordance.pPermutation);
    expect(m.pAfter).toBe(0.001);
    expect(m.bandBefore).toBe(EXAMPLE.stack!.concordance.band);
  });

  it('recall: a move with Wilson intervals from n and the share', () => {
    const after = copy();
    const o = after.recall!.overall as { n: number; share: number };
    o.share = 0.9;
    const m = compareAudits(EXAMPLE, after).moves.find((x) => x.kind === 'recall' && x.group === 'overall')!;
    expect(m.beyondChance).toBe(true);
    expect(m.ciBefore).not.toBeNull();
  });

  it('a perception gap: matched by the item id, its change in points, no interval test', () => {
    const after = copy();
    const g = after.survey!.gaps[0]! as { gapPoints: number | null };
    const was = g.gapPoints!;
    g.gapPoints = was - 10;
    const m = compareAudits(EXAMPLE, after).moves;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: 'gap', before: was, after: was - 10, beyondChance: null });
    expect(m[0]!.change).toBeCloseTo(-10, 9);
  });

  it('levels and findings: status changes, new and resolved findings', () => {
    const after = copy();
    after.levels[0]!.status = 'aligned';
    const gone = after.findings.shift()!;
    after.findings.push({ ...gone, title: 'A new finding' });
    const diff = compareAudits(EXAMPLE, after);
    expect(diff.moves.find((m) => m.kind === 'level')).toMatchObject({
      subject: 'strategic',
      before: EXAMPLE.levels[0]!.status,
      after: 'aligned',
      change: null,
    });
    const findings = diff.moves.filter((m) => m.kind === 'finding');
    expect(findings.map((f) => [f.status, f.subject])).toEqual([
      ['new', 'A new finding'],
      ['resolved', gone.title],
    ]);
  });

  it('an item reworded: a warning with both wordings', () => {
    const after = copy();
    const item = after.survey!.items[0]!;
    const was = item.text;
    item.text = 'I can name our three priorities';
    const diff = compareAudits(EXAMPLE, after);
    const w = diff.warnings.find((x) => x.kind === 'item-reworded')!;
    expect(w).toMatchObject({ item: item.id, textBefore: was, textAfter: 'I can name our three priorities' });
    expect(w.message).toContain(was);
    expect(w.message).toContain('I can name our three priorities');
  });

  it('a department renamed: matched with align.yml renamed, two one-side warnings without', () => {
    const after = copy();
    renameDepartment(after, 'Clinical', 'Clinical services');
    const without = compareAudits(EXAMPLE, after);
    const sides = without.warnings.filter((w) => w.kind === 'department-one-side');
    expect(sides.map((w) => [w.department, w.side])).toEqual([
      ['Clinical', 'before'],
      ['Clinical services', 'after'],
    ]);
    expect(without.moves).toEqual([]);

    const withMap = compareAudits(EXAMPLE, after, { renamed: { Clinical: 'Clinical services' } });
    expect(withMap.warnings).toEqual([]);
    expect(withMap.moves).toEqual([]);

    // and a move in the renamed department is found under its new key
    const g = shown(after.survey!.dimensions[0]!.byDepartment['Clinical services']!);
    g.favourable = (g.favourable ?? 0) + 0.01;
    const moved = compareAudits(EXAMPLE, after, { renamed: { Clinical: 'Clinical services' } });
    expect(moved.moves).toHaveLength(1);
    expect(moved.moves[0]!.group).toBe('Clinical services');
  });

  it('two departments merged into one: not compared, listed', () => {
    const after = copy();
    renameDepartment(after, 'Finance', 'gone');
    renameDepartment(after, 'gone', 'Operations'); // Finance's figures now sit under Operations
    const diff = compareAudits(EXAMPLE, after, { renamed: { Finance: 'Operations' } });
    const w = diff.warnings.filter((x) => x.kind === 'department-one-side');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/merged/);
    expect(w[0]!.department).toBe('Operations');
  });

  it('a group suppressed on one side: a warning naming group and side, no move, no numbers', () => {
    const after = copy();
    for (const d of after.survey!.dimensions) {
      const g = shown(d.byDepartment.Commercial!);
      g.favourable = 0.99;
      d.byDepartment.Commercial = { suppressed: true };
    }
    after.recall!.byDepartment.Commercial = { suppressed: true };
    const diff = compareAudits(EXAMPLE, after);
    expect(diff.moves).toEqual([]);
    expect(diff.warnings).toHaveLength(1);
    expect(diff.warnings[0]).toMatchObject({ kind: 'suppressed-one-side', group: 'Commercial', side: 'after' });
    expect(diff.warnings[0]!.message).not.toMatch(/\d/);
  });

  it('a priority added: priorities-differ, rank statistics over the shared priorities only', () => {
    const before = copy();
    const dropped = before.stack!.priorities.pop()!;
    for (const r of before.stack!.raters) delete r.ranks[dropped];
    const diff = compareAudits(before, EXAMPLE);
    const w = diff.warnings.find((x) => x.kind === 'priorities-differ')!;
    expect(w.added).toEqual([dropped]);
    expect(w.dropped).toEqual([]);
    expect(w.message).toContain(dropped);
    // the same stacks over the shared priorities: W and divergence unchanged
    expect(diff.moves.filter((m) => m.kind === 'concordance' || m.kind === 'divergence')).toEqual([]);
  });

  it('a priority added and a leader who ranks differently: the divergence move notes the shared priorities', () => {
    const before = copy();
    before.stack!.priorities.push('Open a new clinic');
    for (const r of before.stack!.raters) r.ranks['Open a new clinic'] = 9;
    const after = copy();
    const r0 = after.stack!.raters[0]!;
    const [p1, p2] = after.stack!.priorities;
    [r0.ranks[p1!], r0.ranks[p2!]] = [r0.ranks[p2!]!, r0.ranks[p1!]!];
    const diff = compareAudits(before, after);
    expect(diff.warnings.find((x) => x.kind === 'priorities-differ')!.dropped).toEqual(['Open a new clinic']);
    const m = diff.moves.find((x) => x.kind === 'divergence' && x.subject === r0.name)!;
    expect(m.note).toMatch(/8 priorities both stacks share/);
    expect(m.beyondChance).toBeNull();
  });

  it('a different anonymity threshold and different leaders: warnings', () => {
    const after = copy();
    after.input.minGroup = 7;
    after.stack!.leaders = [...after.stack!.leaders.slice(1), 'Someone New'];
    const kinds = compareAudits(EXAMPLE, after).warnings.map((w) => w.kind);
    expect(kinds).toContain('threshold-differs');
    expect(kinds).toContain('leaders-differ');
  });

  it('a newer schemaVersion is refused, naming both versions; an older one is read', () => {
    const newer = copy();
    newer.schemaVersion = 2;
    expect(() => compareAudits(newer, EXAMPLE)).toThrow(UsageError);
    expect(() => compareAudits(newer, EXAMPLE)).toThrow(/schemaVersion 2.*schemaVersion 1/);
    expect(() => compareAudits(EXAMPLE, newer)).toThrow(/schemaVersion 2/);
  });
});

it('an item whose id is its text, reworded to another wording the question bank lists, is paired by the bank item and warned about', () => {
  const before = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;
  const after = structuredClone(before);
  const item = after.survey!.items.find((i) => i.bankId === 'decision-ownership')!;
  item.id = 'It is clear who owns each critical decision in my area';
  item.text = item.id;
  const d = compareAudits(before, after);
  expect(d.warnings.filter((w) => w.kind === 'item-reworded')).toEqual([
    expect.objectContaining({
      textBefore: 'I know who owns each critical decision in my area',
      textAfter: 'It is clear who owns each critical decision in my area',
    }),
  ]);
});
