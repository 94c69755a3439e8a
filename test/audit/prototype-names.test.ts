// Issue 7, point 6: a priority, department, leader or role named like a property
// of Object.prototype (`__proto__`, `constructor`, `toString`, ...) is a name like
// any other. `ranks` and `meanRanks` used to be plain objects: a priority named
// `__proto__` lost its ranks in the JSON and in the Markdown.
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { renderJson, renderMarkdown } from '../../src/render/markdown.js';
import { aDataset } from './builders.js';

const ORDINARY = ['Growth', 'Cost', 'Quality', 'People', 'Platform'];
const PROTO = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const rename = (names: readonly string[]) => (s: string) => names[ORDINARY.indexOf(s)] ?? s;

/** One team; `p` names the priorities, `d` the departments, `l` the leaders, `role` the leaders' role. */
function audit(p: (s: string) => string, d: (s: string) => string, l: (s: string) => string, role: string): AuditResult {
  const [a, b, c, e, f] = ORDINARY.map(p) as [string, string, string, string, string];
  const builder = aDataset()
    .withLeader(l('Growth'), d('Growth'), [a, b, c, e, f], role)
    .withLeader(l('Cost'), d('Cost'), [b, a, e, c, f], role)
    .withLeader(l('Quality'), d('Quality'), [c, e, a, f, b], role)
    .withLeader(l('People'), d('People'), [a, f, b, e], role);
  for (let i = 0; i < 6; i++) builder.withMember(`member ${i}`, d('Growth'), i % 2 ? [b, a, c, f, e] : [a, c, b, e, f]);
  for (let i = 0; i < 5; i++) builder.withMember(`other ${i}`, d('Cost'), i % 2 ? [e, f, a, b, c] : [f, e, b, a, c]);
  return buildAudit(builder.build(), { version: 'test', permutations: 2000, seed: 7, leaders: [role] });
}

describe('names like Object.prototype properties', () => {
  const plain = audit(
    (s) => s,
    (s) => `${s} dept`,
    (s) => `${s} lead`,
    'Executive',
  );
  const proto = audit(rename(PROTO), rename(PROTO), rename(PROTO), '__proto__');
  const back = (s: string) => ORDINARY[PROTO.indexOf(s)] ?? s;

  it('give the same numbers as ordinary names', () => {
    const s = proto.stack!;
    const t = plain.stack!;
    expect(s.concordance.W).toBe(t.concordance.W);
    expect(s.concordance.p).toBe(t.concordance.p);
    expect(s.raters.map((r) => r.spearmanToOthers)).toEqual(t.raters.map((r) => r.spearmanToOthers));
    s.raters.forEach((r, i) => {
      const ranks = Object.entries(r.ranks).map(([k, v]) => [back(k), v]);
      expect(Object.fromEntries(ranks), r.name).toEqual(t.raters[i]!.ranks);
    });
    expect(s.departments.map((x) => ('n' in x ? x.n : 'suppressed'))).toEqual(t.departments.map((x) => ('n' in x ? x.n : 'suppressed')));
    for (const [i, x] of s.departments.entries()) {
      const y = t.departments[i]!;
      if (!('meanRanks' in x) || !('meanRanks' in y)) continue;
      expect(Object.fromEntries(Object.entries(x.meanRanks).map(([k, v]) => [back(k), v]))).toEqual(y.meanRanks);
    }
  });

  it('keep every rank in the JSON, `__proto__` included', () => {
    const json = JSON.parse(renderJson(proto));
    for (const r of json.stack.raters) expect(Object.keys(r.ranks).sort()).toEqual([...PROTO].sort());
    expect(json.stack.raters[0].ranks.__proto__).toBe(1);
    const shown = json.stack.departments.find((d: { department: string }) => d.department === '__proto__');
    expect(Object.keys(shown.meanRanks).sort()).toEqual([...PROTO].sort());
  });

  it('show their ranks in the Markdown side-by-side table', () => {
    const md = renderMarkdown(proto);
    // The `__proto__` row of "Each leader's stack": consensus position and four leaders' ranks, no n/a.
    const row = md.split('\n').find((line) => line.startsWith('| \\_\\_proto\\_\\_ | ') && /\| \d/.test(line));
    expect(row).toBeDefined();
    expect(row).not.toMatch(/n\/a/);
  });
});
