import { describe, expect, test } from 'vitest';
import { t, withLanguage } from '../../src/i18n/index.js';
import { renderStackTerminal } from '../../src/render/terminal-stack.js';
import { anAuditResult } from './builders.js';
import { ANSI, awResult, LEAKS } from './fixtures.js';

const plain = { color: false, width: 80 } as const;

function withNulls() {
  return anAuditResult()
    .withLeaders('Ann Lee', 'Bo Chen', 'Cy Diaz')
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
    .withPair('Ann Lee', 'Cy Diaz', { spearman: null, spearmanReason: 'constant stack', rbo: null, rboReason: 'tied ranks' })
    .withConsensus('Grow revenue', { sd: null, sdReason: 'one leader' })
    .withDepartment({ department: 'Sales', n: 6, W: null, spearmanToLeadership: null })
    .withCascade({ leader: 'Ann Lee', department: 'Support', n: 0, spearman: null, spearmanReason: "no non-leaders in this leader's department" })
    .build();
}

describe('renderStackTerminal colour', () => {
  test('color=false prints no ANSI escape at all', () => {
    expect(renderStackTerminal(awResult(), plain)).not.toMatch(ANSI);
    expect(renderStackTerminal(withNulls(), plain)).not.toMatch(ANSI);
  });

  test('color=true colours the view (heatmap backgrounds, bars)', () => {
    const out = renderStackTerminal(awResult(), { color: true, width: 100 });
    expect(out).toMatch(ANSI);
    expect(out).toMatch(/\x1b\[48;2;/); // truecolor background: the heatmap
  });

  test('colorLevel 1 still colours, with 16-colour codes only', () => {
    const out = renderStackTerminal(awResult(), { color: true, width: 100, colorLevel: 1 });
    expect(out).toMatch(ANSI);
    expect(out).not.toMatch(/\x1b\[[34]8;[25];/);
  });

  test('colour does not change the text', () => {
    const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    // The colour scale's swatch line is the one line only the colour view has.
    const swatch = /^ {2}-1 .* \+1 .*\n/m;
    expect(strip(renderStackTerminal(awResult(), { color: true, width: 100 })).replace(swatch, '')).toBe(
      renderStackTerminal(awResult(), { color: false, width: 100 }),
    );
  });
});

describe('renderStackTerminal content', () => {
  const out = renderStackTerminal(awResult(), plain);

  test('sections come in the workshop order', () => {
    const at = (s: string) => {
      const i = out.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at('Priority stacks · 7 leaders · 9 priorities'),
      at('How much the leaders agree'),
      at('Consensus stack'),
      at('Who diverges'),
      at('Who agrees with whom'),
      at('Contested priorities'),
      at("Departments against the leaders' consensus"),
      at('Cascade:'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('W with its band and source, both p-values with the permutation count and seed', () => {
    expect(out).toMatch(/Kendall's W\s+0\.33\s+fair/);
    expect(out).toMatch(/band: Landis and Koch \(1977\), as R's\s+effectsize::interpret_kendalls_w/);
    expect(out).toContain('0.019 chi-square (18.32, df 8)');
    expect(out).toMatch(/permutation \(10,000\s+relabellings, seed 1\)/);
    expect(out).toMatch(/raters\s+7/);
  });

  test("the 'could be chance' hedge appears only when p > 0.05", () => {
    expect(out).not.toContain('could be chance');
    const weak = anAuditResult().withConcordance({ p: 0.19, pPermutation: 0.21 }).build();
    expect(renderStackTerminal(weak, plain)).toContain('could be chance');
    const noPerm = anAuditResult().withConcordance({ p: 0.3, pPermutation: null, pPermutationReason: 'not run' }).build();
    expect(renderStackTerminal(noPerm, plain)).toContain('could be chance');
  });

  test('consensus stack rows: position, priority, mean rank, sd, top-3 share', () => {
    expect(out).toMatch(/│\s+1 │ Grow revenue\s+│\s+2\.00 │\s+1\.15 │\s+86% │/);
    expect(out).toContain('Borda, Copeland and Kemeny agree on the top three.');
  });

  test('leaders are sorted most divergent first, with rho and their largest gaps', () => {
    const aiko = out.indexOf('Aiko Matsuda');
    const helena = out.indexOf('Helena Kowalski  ');
    expect(aiko).toBeGreaterThan(0);
    expect(helena).toBeGreaterThan(aiko);
    expect(out).toMatch(/Aiko Matsuda\s+│█+.*│ 0\.41/);
    expect(out).toContain('rho 0.19 to the others');
    expect(out).toMatch(/ranks \S.* \d+(st|nd|rd|th); the others put it \d+(st|nd|rd|th)/);
  });

  test('heatmap: short labels with a legend to the names', () => {
    expect(out).toMatch(/│\s+│\s+HK\s+│\s+MO\s+│\s+SV\s+│\s+DÁ\s+│/);
    expect(out).toContain('HK Helena Kowalski');
    expect(out).toMatch(/AM Aiko\s+Matsuda|AM Aiko Matsuda/);
    expect(out).toMatch(/│ MO\s+│\s+0\.48 │\s+—\s+│/);
  });

  test('suppressed departments and cascade entries show their name and the suppression wording', () => {
    for (const d of ['Operations', 'Finance', 'Marketing']) {
      expect(out).toMatch(new RegExp(`│ ${d}\\s+│ hidden \\(protects groups under 5\\)`));
    }
    expect(out).toMatch(/│ Marcus Oyelaran\s+│ Finance\s+│ hidden \(protects groups under 5\)/);
    const seven = anAuditResult().withMinGroup(7).withSuppressedDepartment('Legal').build();
    expect(renderStackTerminal(seven, plain)).toMatch(/│ Legal\s+│ hidden \(protects groups under 7\)/);
  });

  test('no line is wider than the width asked for', () => {
    for (const width of [60, 80, 120]) {
      for (const line of renderStackTerminal(awResult(), { color: false, width }).split('\n')) {
        expect(Array.from(line).length, line).toBeLessThanOrEqual(width);
      }
    }
  });

  // third QA pass: a long leader's name beside a short department made the cascade table 82 wide at 80
  test('a long leader name beside a short department keeps every table within the width', () => {
    const result = awResult();
    const long = `${'A'.repeat(70)} Long Name`;
    for (const c of result.cascade) if ('leader' in c && c.leader === result.cascade[0]!.leader) (c as { leader: string }).leader = long;
    for (const c of result.cascade) if ('department' in c) (c as { department: string }).department = 'HR';
    expect(result.cascade.some((c) => c.leader === long)).toBe(true);
    for (const width of [80, 100]) {
      for (const line of renderStackTerminal(result, { color: false, width }).split('\n')) {
        expect(Array.from(line).length, line).toBeLessThanOrEqual(width);
      }
    }
  });

  test('too many leaders for the width: the matrix becomes a sorted list of pairs', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Leader ${String.fromCharCode(65 + i)} Person`);
    const many = anAuditResult()
      .withLeaders(...names)
      .build();
    const text = renderStackTerminal(many, { color: false, width: 60 });
    expect(text).toContain('LAP–LBP');
    for (const line of text.split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(60);
  });
});

describe('renderStackTerminal undefined values', () => {
  const out = renderStackTerminal(withNulls(), plain);

  test("null statistics show 'n/a (reason)', never NaN, null or undefined", () => {
    expect(out).not.toMatch(LEAKS);
    expect(out).toContain('n/a (every stack is identical)');
    expect(out).toContain('n/a (constant stack)');
    expect(out).toContain('Grow revenue, SD: n/a (one leader)');
    expect(out).toContain("Ann Lee: n/a (no non-leaders in this leader's department)");
  });

  test('no stack at all: the reason', () => {
    const none = anAuditResult().withoutStack('the file has no ranking question').build();
    const text = renderStackTerminal(none, plain);
    expect(text).toContain('No priority stacks to compare: the file has no ranking question.');
    expect(text).not.toMatch(LEAKS);
  });

  test('methods that disagree are spelled out; several Kemeny optima are counted', () => {
    const r = anAuditResult()
      .withPriorities(['A', 'B', 'C', 'D'])
      .withStack({
        methodsAgreeTop3: false,
        copeland: [
          { priority: 'A', position: 1, score: 3 },
          { priority: 'D', position: 2, score: 2 },
          { priority: 'B', position: 3, score: 1 },
          { priority: 'C', position: 4, score: 0 },
        ],
        kemeny: { order: ['A', 'B', 'D', 'C'], optimalOrders: 3, cost: 4 },
      })
      .build();
    const text = renderStackTerminal(r, { color: false, width: 200 });
    expect(text).toMatch(/The consensus methods disagree on the top three: Borda puts .* first; Copeland A, D and B; Kemeny A, B and D\./);
    expect(text).toContain('Kemeny: 3 orders are equally good; the one closest to the Borda order is shown.');
  });
});

test('one leader: the view still renders, without a matrix', () => {
  const r = anAuditResult()
    .withPriorities(['A', 'B', 'C'])
    .withLeaders('Solo Person')
    .withConcordance({ W: null, WReason: 'fewer than two leaders', chiSquare: null, df: null, p: null, pPermutation: null, band: null })
    .build();
  const out = renderStackTerminal(r, plain);
  expect(out).toContain('Priority stacks · 1 leader · 3 priorities');
  expect(out).toContain("Who agrees with whom (Spearman rho between two leaders' stacks)\n  n/a (fewer than two leaders)");
  expect(out).not.toMatch(LEAKS);
});

describe('the Data section', () => {
  test('says who was left out and why, and the notes', () => {
    const r = anAuditResult().build();
    r.input.excluded = [
      { file: 'a.csv', line: 4, reason: 'rank 0 is outside 1..9' },
      { file: 'a.csv', line: 5, reason: 'rank 0 is outside 1..9' },
    ];
    r.input.notes = [{ file: 'a.csv', line: 9, note: 'blank role: not counted as a leader' }];
    const text = renderStackTerminal(r, { color: false, width: 100 });
    expect(text).toContain('2 rows not used (lines 4-5): rank 0 is outside 1..9');
    expect(text).toContain('line 9: blank role: not counted as a leader');
  });

  test('duplicates are one line with their count and at most five line references, whichever line replaced each', () => {
    const r = anAuditResult().build();
    r.input.excluded = [14, 20, 33, 41, 57, 60, 61].map((line) => ({
      file: 'a.csv',
      line,
      reason: `duplicate (same email): replaced by the later submission on line ${line + 100}`,
      kind: 'duplicate' as const,
    }));
    const text = renderStackTerminal(r, { color: false, width: 100 });
    expect(text).toContain('7 rows not used (lines 14, 20, 33, 41, 57, …): duplicate: replaced by a later submission');
  });
});

describe('column headings in every language', () => {
  test.each(['en', 'fr', 'de'] as const)('%s: no heading of a table is cut short at 80 columns', (lang) => {
    const text = withLanguage(lang, () => renderStackTerminal(awResult(), { color: false, width: 80 }));
    const headings = withLanguage(lang, () =>
      ['term.col.priority', 'term.col.mean', 'term.col.sd', 'term.col.top3', 'term.col.department', 'term.col.people', 'term.col.leader'].map((k) => t(k)),
    );
    const lines = text.split('\n');
    const headerRows = lines.filter((l, i) => i > 0 && lines[i - 1]!.startsWith('┌'));
    for (const h of headings.filter((h) => text.includes(h.slice(0, 3)))) expect(headerRows.join('\n'), h).toContain(h);
    expect(headerRows.join('\n')).not.toContain('…');
  });
});

test('a number column holds the reader\'s "n/a" on one line (German k. A. was cut over two)', () => {
  const r = awResult();
  const one = {
    ...r,
    stack: r.stack ? { ...r.stack, consensus: r.stack.consensus.map((e) => ({ ...e, sd: null, sdReason: 'only one leader ranked' })) } : null,
  };
  const text = withLanguage('de', () => renderStackTerminal(one as typeof r, { color: false, width: 80 }));
  expect(text).toMatch(/│ k\. A\. │/);
});

test.each(['en', 'fr', 'de'] as const)('%s: in colour at 80 columns, no line is wider than the terminal (the pairs key goes below its swatch)', (lang) => {
  const text = withLanguage(lang, () => renderStackTerminal(awResult(), { color: true, width: 80 }));
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
});
