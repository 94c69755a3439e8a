// The audit room's rules (ARCHITECTURE.md "Definitions"), on built datasets.
// Expected numbers are hand derivations, written beside each assertion.
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { MAX_PERMUTATION_RATERS } from '../../src/audit/stack.js';
import type { AuditResult, StackResult } from '../../src/audit/types.js';
import { InputError, UsageError } from '../../src/errors.js';
import { aDataset } from './builders.js';

const P = ['Growth', 'Cost', 'Quality', 'People', 'Platform', 'Europe'];
const audit = (b: ReturnType<typeof aDataset>, opts: Partial<Parameters<typeof buildAudit>[1]> = {}): AuditResult =>
  buildAudit(b.build(), { version: 'test', permutations: 2000, ...opts });
const stackOf = (r: AuditResult): StackResult => {
  expect(r.stack).not.toBeNull();
  return r.stack!;
};

describe('leaders', () => {
  it('matches the whole role value case-insensitively: "Non-Executive Director" is not a leader', () => {
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'Sales', P)
          .withLeader('Bo', 'Ops', [...P].reverse(), 'executive ')
          .withLeader('Cy', null, P, 'Non-Executive Director'),
      ),
    );
    expect(s.leaders).toEqual(['Ana', 'Bo']);
  });

  it('counts everyone as a leader when there is no role column', () => {
    const s = stackOf(audit(aDataset().withoutRoleColumn().withMember('Ana', 'X', P).withMember('Bo', 'Y', P)));
    expect(s.leaders).toEqual(['Ana', 'Bo']);
    expect(s.departments).toEqual([]);
  });

  it('names the roles found when no respondent has the leader role', () => {
    const b = aDataset().withMember('Ana', 'X', P).withMember('Bo', 'Y', P, 'Director');
    expect(() => audit(b)).toThrow(UsageError);
    expect(() => audit(b)).toThrow(/roles in the file are "Manager", "Director"; name the leaders' role with --leaders/);
  });

  it('takes other leader roles from the options', () => {
    const s = stackOf(audit(aDataset().withMember('Ana', 'X', P, 'Founder').withMember('Bo', 'Y', P), { leaders: ['founder'] }));
    expect(s.leaders).toEqual(['Ana']);
  });
});

describe('undefined statistics are null with a reason', () => {
  it('one leader: W, p, divergence are n/a', () => {
    const s = stackOf(audit(aDataset().withLeader('Ana', 'X', P)));
    expect(s.concordance.W).toBeNull();
    expect(s.concordance.WReason).toMatch(/two/);
    expect(s.concordance.p).toBeNull();
    expect(s.raters[0]!.spearmanToOthers).toBeNull();
    expect(s.raters[0]!.spearmanToOthersReason).toMatch(/only one leader/);
    expect(s.consensus[0]!.sd).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/NaN/);
  });

  it('a stack with every priority tied is constant: rho and tau-b are n/a, not 0', () => {
    const tiedAll = P.map((p) => [p, 1] as [string, number]);
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'X', P)
          .withLeader('Bo', 'Y', tiedAll)
          .withLeader('Cy', 'Z', [...P].reverse()),
      ),
    );
    const pair = s.pairs.find((p) => p.b === 'Bo')!;
    expect(pair.spearman).toBeNull();
    expect(pair.spearmanReason).toBeTruthy();
    expect(pair.kendallTauB).toBeNull();
    expect(pair.rbo).toBeNull();
    expect(pair.rboReason).toMatch(/Bo gave two priorities the same rank/);
  });
});

describe('divergence and gaps', () => {
  it('compares each leader with the other leaders only (leave one out)', () => {
    // Ana and Bo rank identically; Cy reverses. Ana's others = {Bo, Cy}: mean ranks are all 3.5: constant -> n/a.
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'X', P)
          .withLeader('Bo', 'Y', P)
          .withLeader('Cy', 'Z', [...P].reverse()),
      ),
    );
    const cy = s.raters.find((r) => r.name === 'Cy')!;
    // Cy's others are Ana and Bo, whose mean is 1..6; Cy is 6..1: rho = -1, divergence = (1 - -1)/2 = 1.
    expect(cy.spearmanToOthers).toBeCloseTo(-1, 12);
    expect(cy.divergence).toBeCloseTo(1, 12);
    expect(s.raters.find((r) => r.name === 'Ana')!.spearmanToOthers).toBeNull();
    // Cy's largest gaps: Growth (rank 6, others 1st) and Europe (rank 1, others 6th), both |5|, then by key
    expect(cy.largestGaps.slice(0, 2)).toEqual([
      { priority: 'Europe', rank: 1, othersPosition: 6 },
      { priority: 'Growth', rank: 6, othersPosition: 1 },
    ]);
  });

  it('breaks equal gaps by key in code-point order, as every other tie-break "by name" does', () => {
    // Ana: Alpha 1, Beta 2, x\uE000 3, x\u{1F600} 4; the others (Bo, Cy) put them 3, 4, 1, 2: every |gap| is 2.
    // Code-point order: alpha < beta < x\uE000 < x\u{1F600}; JS '<' (UTF-16 units) puts x\u{1F600} (D83D...) before x\uE000.
    const [pua, emoji] = ['x\uE000', 'x\u{1F600}'];
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'X', ['Alpha', 'Beta', pua, emoji])
          .withLeader('Bo', 'Y', [pua, emoji, 'Alpha', 'Beta'])
          .withLeader('Cy', 'Z', [pua, emoji, 'Alpha', 'Beta']),
      ),
    );
    expect(s.raters[0]!.largestGaps.map((g) => g.priority)).toEqual(['Alpha', 'Beta', pua]);
  });

  it('completes a top-k stack with the average of the remaining positions', () => {
    // Bo ranks 2 of 6: the other 4 get (2 + 1 + 6) / 2 = 4.5
    const s = stackOf(audit(aDataset().withLeader('Ana', 'X', P).withLeader('Bo', 'Y', ['Cost', 'Growth'])));
    const bo = s.raters.find((r) => r.name === 'Bo')!;
    expect(bo.ranked).toBe(2);
    expect(bo.ranks).toEqual({ Growth: 2, Cost: 1, Quality: 4.5, People: 4.5, Platform: 4.5, Europe: 4.5 });
  });
});

describe('contested and unanimous', () => {
  it('marks a priority contested when one leader has it top three and another in the last third or unranked', () => {
    // N = 6: last third = ranks above 6 - 2 = 4. Europe: Cy ranks it 1st, Ana 6th -> contested.
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'X', P)
          .withLeader('Bo', 'Y', ['Growth', 'Cost', 'Quality'])
          .withLeader('Cy', 'Z', ['Europe', 'Growth', 'Cost', 'Quality', 'People', 'Platform']),
      ),
    );
    const by = (p: string) => s.consensus.find((e) => e.priority === p)!;
    expect(by('Europe').contested).toBe(true);
    expect(by('Growth').unanimous).toBe(true);
    expect(by('Growth').top3Share).toBe(1);
    expect(by('Growth').contested).toBe(false);
    // Quality: Ana 3rd, Bo 3rd, Cy 4th -> top3Share 2/3, not contested (nobody has it in the last third)
    expect(by('Quality').top3Share).toBeCloseTo(2 / 3, 12);
    expect(by('Quality').contested).toBe(false);
    // Platform: top three for nobody -> not contested even though Bo left it unranked
    expect(by('Platform').contested).toBe(false);
  });

  it('needs two leaders: with N = 4 a rank of 3 is top three and last third, but one leader does not contest their own stack', () => {
    // N = 4: last third = ranks above 4 - 2 = 2; Ana's Quality is 3rd (top three) and above 2 (last third).
    const r = audit(aDataset().withLeader('Ana', 'X', ['Growth', 'Cost', 'Quality', 'People']));
    expect(stackOf(r).consensus.filter((e) => e.contested)).toEqual([]);
    expect(r.findings.map((f) => f.kind)).not.toContain('contested');
    // A second leader who has Quality top three makes Ana's 3rd the "another leader ... in the last third".
    const two = stackOf(
      audit(aDataset().withLeader('Ana', 'X', ['Growth', 'Cost', 'Quality', 'People']).withLeader('Bo', 'Y', ['Quality', 'Growth', 'Cost', 'People'])),
    );
    expect(two.consensus.find((e) => e.priority === 'Quality')!.contested).toBe(true);
  });
});

describe('anonymity', () => {
  const team = () =>
    aDataset()
      .withLeader('Ana', 'Sales', P)
      .withLeader('Bo', 'Ops', [...P].reverse())
      .withMembers(5, 'Sales', P)
      .withMembers(4, 'Ops', [...P].reverse());

  it('suppresses a department of fewer than --min-group non-leaders everywhere', () => {
    const r = audit(team().withMembers(6, 'Eng', P));
    const s = stackOf(r);
    expect(s.departments).toContainEqual({ department: 'Ops', suppressed: true });
    expect(r.cascade).toContainEqual({ leader: 'Bo', department: 'Ops', suppressed: true });
    expect(JSON.stringify(r)).not.toMatch(/Ops member/);
  });

  it('hides the next-smallest department too when subtraction would give the hidden one away (11 - 2 leaders - 5 Sales = 4 in Ops)', () => {
    const r = audit(team());
    const s = stackOf(r);
    expect(s.departments).toEqual([
      { department: 'Sales', suppressed: true },
      { department: 'Ops', suppressed: true },
    ]);
    expect(r.cascade).toContainEqual({ leader: 'Ana', department: 'Sales', suppressed: true });
    // with Eng (6) as well: hiding Sales (5, the smallest shown) leaves 4 + 5 = 9 hidden, so Eng shows
    const wider = stackOf(audit(team().withMembers(6, 'Eng', P)));
    expect(wider.departments.filter((d) => !('suppressed' in d)).map((d) => d.department)).toEqual(['Eng']);
  });

  it('counts non-leaders with no department in the hidden remainder', () => {
    // 2 leaders, 5 Sales, 6 Eng, 1 with no department: remainder 1 -> Sales (smallest shown) hidden too
    const one = stackOf(
      audit(
        aDataset().withLeader('Ana', 'Sales', P).withLeader('Bo', 'Eng', P).withMembers(5, 'Sales', P).withMembers(6, 'Eng', P).withMember('Nobody', null, P),
      ),
    );
    expect(one.departments.filter((d) => !('suppressed' in d)).map((d) => d.department)).toEqual(['Eng']);
  });

  it('shows the same department when the threshold is lowered to its size', () => {
    const r = audit(team(), { minGroup: 4 });
    const ops = stackOf(r).departments.find((d) => d.department === 'Ops')!;
    expect(ops).toMatchObject({ department: 'Ops', n: 4 });
    const cascade = r.cascade.find((c) => c.leader === 'Bo')!;
    // Bo's team ranks exactly as Bo does: rho = 1
    expect(cascade).toMatchObject({ n: 4, spearman: 1 });
  });

  it('never goes below 3', () => {
    expect(() => audit(team(), { minGroup: 2 })).toThrow(/never shown/);
  });
});

describe('what must not change', () => {
  const leaders = [
    ['Ana', ['Growth', 'Cost', 'Quality', 'People', 'Platform', 'Europe']],
    ['Bo', ['Cost', 'Quality', 'Growth', 'Europe']],
    ['Cy', ['Quality', 'People', 'Growth', 'Cost', 'Europe', 'Platform']],
    ['Di', ['Europe', 'Growth', 'Platform', 'Cost', 'People', 'Quality']],
  ] as const;

  it('shuffling the leaders changes no statistic, only the order of raters and pairs', () => {
    const a = aDataset();
    for (const [n, st] of leaders) a.withLeader(n, 'X', [...st]);
    const b = aDataset();
    for (const [n, st] of [...leaders].reverse()) b.withLeader(n, 'X', [...st]);
    const sa = stackOf(audit(a));
    const sb = stackOf(audit(b));
    expect(sb.concordance.W).toBeCloseTo(sa.concordance.W!, 12);
    expect(sb.concordance.p).toBeCloseTo(sa.concordance.p!, 12);
    // the seeded permutation p too: the relabellings are drawn on an order-free form of the stacks
    expect(sb.concordance.pPermutation).toBe(sa.concordance.pPermutation);
    expect(sb.consensus.map((e) => e.priority)).toEqual(sa.consensus.map((e) => e.priority));
    for (const r of sa.raters) expect(sb.raters.find((x) => x.name === r.name)!.spearmanToOthers).toBeCloseTo(r.spearmanToOthers!, 12);
  });

  it('renaming the priorities changes no number', () => {
    const rename = (p: string) => `Priority ${p.toUpperCase()}`;
    const a = aDataset();
    const b = aDataset();
    for (const [n, st] of leaders) {
      a.withLeader(n, 'X', [...st]);
      b.withLeader(n, 'X', st.map(rename));
    }
    const sa = stackOf(audit(a));
    const sb = stackOf(audit(b));
    expect(sb.concordance.W).toBeCloseTo(sa.concordance.W!, 12);
    expect(sb.pairs.map((p) => p.spearman)).toEqual(sa.pairs.map((p) => p.spearman));
    expect(sb.pairs.map((p) => p.rbo)).toEqual(sa.pairs.map((p) => p.rbo));
  });

  it('the same seed gives the same permutation p; the count and seed are reported', () => {
    const a = aDataset();
    for (const [n, st] of leaders) a.withLeader(n, 'X', [...st]);
    const one = stackOf(audit(a, { seed: 7 }));
    const two = stackOf(audit(a, { seed: 7 }));
    expect(one.concordance.pPermutation).toBe(two.concordance.pPermutation);
    expect(one.concordance).toMatchObject({ permutations: 2000, seed: 7 });
  });
});

describe('findings', () => {
  it('are ordered most severe first and each has a question for the room', () => {
    const a = aDataset()
      .withLeader('Ana', 'X', P)
      .withLeader('Bo', 'Y', [...P].reverse())
      .withLeader('Cy', 'Z', ['Quality', 'Europe', 'Growth', 'Cost', 'People', 'Platform']);
    const r = audit(a);
    expect(r.findings.length).toBeGreaterThan(0);
    const order = { high: 0, medium: 1, low: 2, info: 3 };
    for (let i = 1; i < r.findings.length; i++) {
      expect(order[r.findings[i]!.severity]).toBeGreaterThanOrEqual(order[r.findings[i - 1]!.severity]);
    }
    for (const f of r.findings) {
      expect(f.question).toMatch(/\?$/);
      expect(['facts', 'interpretation', 'decision']).toContain(f.layer);
    }
  });
});

describe('two leaders with one name', () => {
  it('are told apart by the line they came from, everywhere a leader is named', () => {
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ann Lee', 'X', P)
          .withLeader('Bob Roy', 'Y', [...P].reverse())
          .withLeader('Ann Lee', 'Z', [...P].reverse()),
      ),
    );
    // the builder puts respondent i on line i + 2
    expect(s.leaders).toEqual(['Ann Lee (line 2)', 'Bob Roy', 'Ann Lee (line 4)']);
    expect(s.raters.map((r) => r.name)).toEqual(s.leaders);
    const pair = s.pairs.find((p) => p.a === 'Ann Lee (line 2)' && p.b === 'Ann Lee (line 4)')!;
    expect(pair.spearman).toBe(-1);
    expect(new Set(s.pairs.map((p) => `${p.a}|${p.b}`)).size).toBe(3);
  });
});

describe('cascade findings', () => {
  it('name a department whose people rank differently from their own leader, and never claim every department mirrors its leader then', () => {
    const r = audit(
      aDataset()
        .withLeader('Ana', 'Sales', P)
        .withLeader('Bo', 'Ops', ['Cost', 'Quality', 'Growth', 'People', 'Platform', 'Europe'])
        .withLeader('Cy', 'Tech', ['Platform', 'Europe', 'People', 'Quality', 'Cost', 'Growth'])
        .withMembers(5, 'Sales', P)
        .withMembers(5, 'Ops', [...P].reverse()),
    );
    const gap = r.findings.find((f) => f.kind === 'cascade-gap')!;
    expect(gap.title).toBe("Ops's people rank priorities differently from their own leader, Bo");
    // Bo puts Cost first; the Ops team (P reversed) puts Europe first
    expect(gap.question).toBe('Bo, your team puts Europe first and you put Cost first: what have they heard from you, and from whom else?');
    expect(r.findings.some((f) => f.kind === 'cascade')).toBe(false);
  });
});

describe('respondents without a stack', () => {
  it('are noted: a leader by name, anyone else by line only, in one note per file', () => {
    const r = audit(
      aDataset()
        .withLeader('Ana', 'X', P)
        .withLeader('Bo', 'Y', [...P].reverse())
        .withLeader('Cy', 'Z', [])
        .withMember('Di', 'X', []),
    );
    expect(stackOf(r).leaders).toEqual(['Ana', 'Bo']);
    // Di's department X has no group shown, so Di is a member of a hidden group: kind only, marked suppressed
    expect(r.input.notes).toEqual([
      { file: 'built.csv', line: 4, note: "Cy is a leader but ranked no priority: left out of the leaders' stacks" },
      { file: 'built.csv', line: 5, note: 'ranked no priority: left out of the department stacks', suppressed: true },
    ]);
  });

  it('name the lines of members of a department shown, in one note per file', () => {
    const r = audit(
      aDataset()
        .withLeader('Ana', 'X', P)
        .withLeader('Bo', 'Y', [...P].reverse())
        .withMembers(5, 'X', P)
        .withMember('Di', 'X', [])
        .withMember('Ed', 'X', []),
    );
    expect(r.input.notes).toEqual([
      { file: 'built.csv', line: 9, note: '2 respondents who are not leaders ranked no priority (lines 9, 10): left out of the department stacks' },
    ]);
  });
});

describe('review fixes', () => {
  it('two leaders of one department are one department in the cascade finding', () => {
    const r = audit(
      aDataset()
        .withLeader('Ana', 'Sales', P)
        .withLeader('Al', 'Sales', P)
        .withLeader('Bo', 'Ops', [...P].reverse())
        .withLeader('Cy', 'Tech', ['Platform', 'Europe', 'Growth', 'Quality', 'Cost', 'People'])
        .withMembers(5, 'Sales', P),
    );
    const f = r.findings.find((x) => x.kind === 'cascade');
    expect(f?.title).toBe('Sales ranks priorities much as its own leader does: the split at the top is carried into the organisation');
  });

  it("the cascade-gap finding breaks a tie at the leader's top by the matching key", () => {
    // Bo ties Europe and Cost at rank 1; by key "cost" < "europe"
    const r = audit(
      aDataset()
        .withLeader('Ana', 'Sales', P)
        .withLeader('Bo', 'Ops', [
          ['Europe', 1],
          ['Cost', 1],
          ['Quality', 3],
          ['People', 4],
          ['Platform', 5],
          ['Growth', 6],
        ])
        .withLeader('Cy', 'Tech', ['Platform', 'Europe', 'People', 'Quality', 'Cost', 'Growth'])
        .withMembers(5, 'Ops', P),
    );
    const gap = r.findings.find((x) => x.kind === 'cascade-gap')!;
    expect(gap.question).toBe('Bo, your team puts Growth first and you put Cost first: what have they heard from you, and from whom else?');
  });
});

describe('the N priorities (ARCHITECTURE.md, "Stacks")', () => {
  const leadersOnly = () =>
    aDataset()
      .withLeader('Ana', 'Sales', P)
      .withLeader('Bo', 'Ops', [...P].reverse())
      .withLeader('Cy', 'Ops', ['Cost', 'Growth', 'People']);

  it("a non-leader's write-in is no priority: N and the leaders' numbers stay as the leaders' alone give them", () => {
    const alone = stackOf(audit(leadersOnly()));
    const r = audit(leadersOnly().withMember('Di', 'Sales', ['Jane Smith', 'Cost', 'Growth']).withMembers(4, 'Sales', P));
    const s = stackOf(r);
    expect(s.priorities).toEqual(alone.priorities);
    expect(s.priorities).toHaveLength(6);
    expect(s.concordance.W).toBe(alone.concordance.W);
    expect(s.consensus).toEqual(alone.consensus);
    // Sales: Di and 4 others, 5 people, shown (8 respondents - 3 leaders - 5 = 0 hidden), so Di may be quoted
    const sales = s.departments.find((d) => d.department === 'Sales')!;
    expect(sales).toMatchObject({ n: 5 });
    // Di's stack is completed over the 6: Cost 1, Growth 2, the other four (3+4+5+6)/4 = 4.5
    const note = r.input.notes.find((n) => n.note.includes('write-in'))!;
    expect(note).toEqual({
      file: 'built.csv',
      line: 5,
      note: 'ranked "Jane Smith", which is not one of the 6 priorities (a write-in): left out of the stack, which is completed over the 6',
    });
  });

  it('quotes no write-in of a member of a hidden group (the JSON keeps the line and the kind)', () => {
    const r = audit(leadersOnly().withMember('Di', 'Sales', ['Jane Smith', 'Cost', 'Growth']));
    expect(stackOf(r).priorities).not.toContain('Jane Smith');
    expect(JSON.stringify(r)).not.toMatch(/Jane Smith|"Di"/);
    expect(r.input.notes).toContainEqual({
      file: 'built.csv',
      line: 5,
      note: 'ranked a write-in, not one of the priorities: left out of the stack',
      suppressed: true,
    });
  });

  it("takes the question's options when the file lists them: a leader's other name is a write-in too", () => {
    const d = leadersOnly().withLeader('Di', 'Ops', ['Moonshot', 'Cost']).build();
    const listed = { ...d, priorities: d.priorities.map((p) => (p.key === 'moonshot' ? p : { ...p, listed: true })) };
    const r = buildAudit(listed, { version: 'test', permutations: 2000 });
    expect(stackOf(r).priorities).toHaveLength(6);
    expect(r.input.notes).toContainEqual({
      file: 'built.csv',
      line: 5,
      note: 'Di ranked "Moonshot", which is not one of the 6 priorities (a write-in): left out of the stack, which is completed over the 6',
    });
  });

  it('stops with exit 2 (InputError) saying how many priorities and what to do, beyond 500', () => {
    const many = Array.from({ length: 501 }, (_, i) => `Priority ${i + 1}`);
    const b = aDataset().withoutRoleColumn().withMember('Ana', null, many.slice(0, 300)).withMember('Bo', null, many.slice(250));
    expect(() => audit(b)).toThrow(InputError);
    expect(() => audit(b)).toThrow(
      /the respondents ranked \(no role column, so everyone counts as a leader\) 501 distinct priorities; align compares at most 500; add a role column/,
    );
  });
});

describe('QA 16, item 11: what the stack view must not claim', () => {
  it('a priority is never marked both contested and unanimous (N = 4: 1st for one, 3rd for another)', () => {
    const s = stackOf(
      audit(aDataset().withLeader('Ana', 'X', ['Growth', 'Cost', 'Quality', 'People']).withLeader('Bo', 'Y', ['Quality', 'Growth', 'Cost', 'People'])),
    );
    const quality = s.consensus.find((e) => e.priority === 'Quality')!;
    expect(quality.contested).toBe(true);
    expect(quality.unanimous).toBe(false);
    for (const e of s.consensus) expect(e.contested && e.unanimous, e.priority).toBe(false);
  });

  it('a leader whose two colleagues ranked in exact reverse: no rho, saying the others cancel out (no stack is flat), and no "the others put it 1st"', () => {
    const P4 = ['Growth', 'Cost', 'Quality', 'People'];
    const s = stackOf(
      audit(
        aDataset()
          .withLeader('Ana', 'X', P4)
          .withLeader('Bo', 'Y', [...P4].reverse())
          .withLeader('Cy', 'Z', ['Cost', 'Growth', 'People', 'Quality']),
      ),
    );
    const cy = s.raters.find((r) => r.name === 'Cy')!;
    expect(cy.spearmanToOthers).toBeNull();
    expect(cy.spearmanToOthersReason).toMatch(/the other leaders' stacks cancel out/);
    expect(cy.spearmanToOthersReason).not.toMatch(/one of the stacks ranks every priority the same/);
    expect(cy.largestGaps).toEqual([]);
  });
});

describe('the departments finding at company scale', () => {
  it('names the first ten departments in their order and counts the rest, in its title, evidence and question', () => {
    let b = aDataset().withLeader('Ana', 'Board', P).withLeader('Bo', 'Board', P);
    const departments = Array.from({ length: 17 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`);
    // every team ranks the priorities in the opposite order: rho -1 to the leaders' consensus
    for (const d of departments) b = b.withMembers(5, d, [...P].reverse());
    const f = audit(b).findings.find((x) => x.kind === 'departments')!;
    const ten = departments.slice(0, 10).join(', ');
    expect(f.title).toBe(`${ten} and 7 more rank priorities differently from the leadership team`);
    expect(f.question).toBe(`What have the people in ${ten} and 7 more been told the priorities are, and by whom?`);
    expect(f.evidence).toBe(
      `${departments
        .slice(0, 10)
        .map((d) => `${d}: rho -1.00 to the leaders' consensus (n = 5)`)
        .join('; ')}; and 7 more.`,
    );
  });
});

describe("W's permutation p at scale", () => {
  // Kendall and Babington Smith (1939): for many raters m(N-1)W is chi-square on N-1 df; the
  // relabellings cost raters x priorities x permutations, a minute for 80,000 stacks with no role column.
  const team = (n: number) => {
    let b = aDataset().withoutRoleColumn();
    for (let i = 0; i < n; i++) b = b.withMember(`P${i}`, null, i % 3 === 0 ? ['Growth', 'Cost', 'Quality'] : ['Cost', 'Growth', 'Quality']);
    return b;
  };

  it(`is drawn for up to ${MAX_PERMUTATION_RATERS} leaders`, () => {
    const c = stackOf(audit(team(MAX_PERMUTATION_RATERS), { permutations: 200 })).concordance;
    expect(c.raters).toBe(MAX_PERMUTATION_RATERS);
    expect(c.pPermutation).not.toBeNull();
    expect(c.pPermutationReason).toBeUndefined();
  });

  it('past that, is not available with the reason, and the chi-square p stands in the report', async () => {
    const result = audit(team(MAX_PERMUTATION_RATERS + 1), { permutations: 200 });
    const c = stackOf(result).concordance;
    expect(c.W).not.toBeNull();
    expect(c.p).not.toBeNull();
    expect(c.pPermutation).toBeNull();
    expect(c.pPermutationReason).toBe(`drawn for at most ${MAX_PERMUTATION_RATERS} leaders; with more, the chi-square p is accurate`);
    const { withLanguage } = await import('../../src/i18n/index.js');
    const { fmtNA } = await import('../../src/format.js');
    const fr = withLanguage('fr', () => fmtNA(c.pPermutationReason));
    expect(fr).toContain(`calculé pour ${(1000).toLocaleString('fr-FR')} dirigeants au plus`);
  });
});
