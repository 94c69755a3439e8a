// Compares align's `audit --format json` of a plain wide table with what scripts/reference.py
// (pandas, scipy) writes for the same file: per item the overall and per-department n, mean,
// SD, favourable share and r_wg; the leaders' W, mean ranks and Borda order; each department's
// stack (n, W, mean ranks, order, Spearman to the leaders). Numbers agree within `tolerance`
// (absolute; 1e-9 for our own statistics, STYLE.md habit 2), counts and orders exactly.
//
//   compareWithReference(alignJson, referenceJson) -> { checked, disagreement: null | string }

const GROUP_FIELDS = ['mean', 'sd', 'favourable', 'rwg'];

export function compareWithReference(align, reference, tolerance = 1e-9) {
  let checked = 0;
  const problems = [];
  const number = (got, want, what) => {
    checked++;
    if (typeof got !== 'number' || !(Math.abs(got - want) <= tolerance)) problems.push(`${what}: align ${got}, reference ${want}`);
  };
  const exact = (got, want, what) => {
    checked++;
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${what}: align ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`);
  };
  const group = (got, want, what) => {
    if (got === undefined || got.suppressed) {
      problems.push(`${what}: ${got === undefined ? 'missing' : 'suppressed'} in align's JSON`);
      return;
    }
    exact(got.n, want.n, `${what}.n`);
    for (const f of GROUP_FIELDS) number(got[f], want[f], `${what}.${f}`);
  };

  const items = align.survey?.items ?? [];
  exact(
    items.map((i) => i.id),
    reference.items.map((i) => i.id),
    'survey.items[].id',
  );
  for (const want of reference.items) {
    const got = items.find((i) => i.id === want.id);
    if (got === undefined) continue;
    group(got.overall, want.overall, `${want.id}.overall`);
    exact(Object.keys(got.byDepartment).sort(), Object.keys(want.byDepartment).sort(), `${want.id}.byDepartment (groups)`);
    for (const [d, g] of Object.entries(want.byDepartment)) group(got.byDepartment[d], g, `${want.id}.byDepartment[${d}]`);
  }

  const stack = align.stack;
  const ref = reference.stack;
  if (stack === null || stack === undefined) {
    problems.push(`stack: missing in align's JSON (${align.stackReason ?? 'no reason given'})`);
  } else {
    number(stack.concordance?.W, ref.W, 'stack.concordance.W');
    const consensus = [...stack.consensus].sort((a, b) => a.position - b.position);
    exact(
      consensus.map((c) => c.priority),
      ref.consensusOrder,
      'stack.consensus (Borda order)',
    );
    for (const c of consensus) number(c.meanRank, ref.meanRanks[c.priority], `stack.consensus[${c.priority}].meanRank`);
    exact(stack.departments.map((d) => d.department).sort(), ref.departments.map((d) => d.department).sort(), 'stack.departments (names)');
    for (const want of ref.departments) {
      const got = stack.departments.find((d) => d.department === want.department);
      const what = `stack.departments[${want.department}]`;
      if (got === undefined || got.suppressed) continue;
      exact(got.n, want.n, `${what}.n`);
      number(got.W, want.W, `${what}.W`);
      number(got.spearmanToLeadership, want.spearmanToLeadership, `${what}.spearmanToLeadership`);
      exact(got.consensusOrder, want.consensusOrder, `${what}.consensusOrder`);
      for (const [p, r] of Object.entries(want.meanRanks)) number(got.meanRanks[p], r, `${what}.meanRanks[${p}]`);
    }
  }
  return { checked, disagreement: problems[0] ?? null, disagreements: problems.length };
}
