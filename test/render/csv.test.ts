// --format csv's tables (src/render/csv.ts), on builder results: numbers back
// exactly as the AuditResult holds them, hidden groups without numbers, undefined
// statistics as an empty cell plus a reason, and text that a spreadsheet would
// run as a formula neutralised (OWASP "CSV Injection": a leading ' before
// = + - @ TAB CR), while computed negative numbers stay numbers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditResult, GroupStats, SurveyResult } from '../../src/audit/types.js';
import { UsageError } from '../../src/errors.js';
import { CSV_TABLES, csvTable, neutraliseFormula, renderCsv } from '../../src/render/csv.js';
import { anAuditResult } from './builders.js';
import { awResult, LEAKS } from './fixtures.js';

type Cell = string | number | boolean | null;

/** One cell as written: quoted is text; unquoted is empty (null), true, false, or a number. */
function cellOf(value: string, quoted: boolean): Cell {
  if (quoted) return value;
  if (value === '') return null;
  if (value === 'true' || value === 'false') return value === 'true';
  return Number(value);
}

/** Parses CSV back, the header as column names. */
function parseCsv(text: string): Array<Record<string, Cell>> {
  return parse(text, { columns: true, cast: (value, context) => (context.header ? value : cellOf(value, context.quoting)) }) as Array<Record<string, Cell>>;
}

/** Text a spreadsheet would read as a formula (OWASP's list). */
const FORMULA = /^[=+\-@\t\r]/;
const HOSTILE = ['=HYPERLINK("http://x")', '+Grow', '-Cut costs', '@Hire', '\tTabbed', '\rReturned'];

function stats(n: number, over: Partial<GroupStats> = {}): GroupStats {
  return {
    n,
    mean: 3.3333333333333335,
    sd: 0.8956896153275697,
    favourable: 0.38333333333333336,
    favourableCI: [0.27088272374082023, 0.5098240417590008],
    neutral: 0.45,
    unfavourable: 0.16666666666666666,
    rwg: -0.0123,
    adi: 0.7444444444444441,
    ...over,
  };
}

/** A survey of two items and one dimension: one department hidden, one statistic undefined. */
function survey(names: { item: string; dimension: string; department: string; hidden: string }): SurveyResult {
  const groups = {
    overall: stats(40),
    byDepartment: { [names.department]: stats(12, { sd: null, sdReason: 'only one answer' }), [names.hidden]: { suppressed: true as const } },
    byLevel: { Manager: stats(20) },
  };
  return {
    respondents: 40,
    leaders: 5,
    minGroup: 5,
    commentMinGroup: 10,
    gapFlagPoints: 20,
    departmentsRemainder: 0,
    levelsRemainder: 0,
    items: [
      {
        id: 'Q1',
        text: names.item,
        dimension: names.dimension,
        level: null,
        bankId: null,
        points: 5,
        low: 1,
        reverse: false,
        icc1: null,
        anova: null,
        ...groups,
      },
    ],
    dimensions: [{ name: names.dimension, level: 'strategic', items: ['Q1'], alpha: null, alphaReason: 'a scale of one item', rwgj: 0.5, ...groups }],
    gaps: [],
    comments: [],
  };
}

function withSurvey(result: AuditResult, s: SurveyResult): AuditResult {
  return { ...result, survey: s };
}

const PLAIN = { item: 'I know the plan', dimension: 'Clarity', department: 'Sales', hidden: 'Finance' };

describe('neutraliseFormula(text)', () => {
  it.each(HOSTILE)('prefixes %j with a single quote', (t) => {
    expect(neutraliseFormula(t)).toBe(`'${t}`);
  });
  it.each(['Growth', '', ' =not first', "'quoted", '1+1', 'a=b'])('leaves %j alone', (t) => {
    expect(neutraliseFormula(t)).toBe(t);
  });
});

describe('csvTable(result, "stack" | "pairs" | "departments")', () => {
  const result = anAuditResult()
    .withPriorities(['Growth', 'Cost', 'Hiring', 'Quality'])
    .withLeaders('Ann Lee', 'Bo Chen', 'Cy Diaz')
    .withPair('Ann Lee', 'Cy Diaz', { spearman: -0.36, rbo: null, rboReason: 'Cy Diaz gave two priorities the same rank' })
    .withDepartment({ department: 'Sales', n: 8, W: null, WReason: 'fewer than two people ranked', spearmanToLeadership: -0.2 })
    .withSuppressedDepartment('Finance')
    .withStack({ kemeny: null, kemenyReason: 'too many priorities for the exact Kemeny order' })
    .build();
  const stack = result.stack!;

  it('stack: one row per priority in Borda order, numbers as the AuditResult holds them', async () => {
    const rows = parseCsv(await renderCsv(result, 'stack'));
    expect(rows.map((r) => r.priority)).toEqual(stack.consensus.map((c) => c.priority));
    rows.forEach((r, i) => {
      const c = stack.consensus[i]!;
      for (const k of ['position', 'meanRank', 'top3Share', 'firstPlaces'] as const) expect(r[k] as number).toBeCloseTo(c[k], 12);
      expect(r.sd as number).toBeCloseTo(c.sd as number, 12);
      expect(r.unanimous).toBe(c.unanimous);
      expect(r.contested).toBe(c.contested);
      expect(r.copelandPosition).toBe(stack.copeland.find((x) => x.priority === c.priority)?.position);
      // no Kemeny order: an empty cell and the reason, never 0
      expect(r.kemenyPosition).toBeNull();
      expect(r.reasons).toBe('kemenyPosition: n/a (too many priorities for the exact Kemeny order)');
    });
  });

  it('pairs: a negative correlation is a plain number; an undefined one an empty cell and its reason', async () => {
    const text = await renderCsv(result, 'pairs');
    expect(text).toContain('"Ann Lee","Cy Diaz",-0.36,');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(stack.pairs.length);
    rows.forEach((r, i) => {
      const p = stack.pairs[i]!;
      expect([r.a, r.b]).toEqual([p.a, p.b]);
      expect(Math.abs((r.spearman as number) - (p.spearman as number))).toBeLessThan(1e-12);
    });
    const ac = rows.find((r) => r.b === 'Cy Diaz' && r.a === 'Ann Lee')!;
    expect(ac.rbo).toBeNull();
    expect(ac.reasons).toBe('rbo: n/a (Cy Diaz gave two priorities the same rank)');
  });

  it('departments: a hidden department is a row that says so, with no number at all', async () => {
    const rows = parseCsv(await renderCsv(result, 'departments'));
    const finance = rows.find((r) => r.department === 'Finance')!;
    expect(finance.status).toBe('hidden');
    expect(finance.reasons).toBe('hidden (protects groups under 5)');
    for (const [k, v] of Object.entries(finance)) if (!['department', 'status', 'reasons'].includes(k)) expect(v, k).toBeNull();
    const sales = rows.find((r) => r.department === 'Sales')!;
    expect(sales).toMatchObject({ status: 'shown', n: 8, W: null, spearmanToLeadership: -0.2, 'meanRank: Hiring': 3 });
    expect(sales.consensusOrder).toBe('Growth > Cost > Hiring > Quality');
    expect(sales.reasons).toBe('W: n/a (fewer than two people ranked)');
  });

  it('a result without a stack: a UsageError naming the tables there are and the fix', () => {
    const none = withSurvey(anAuditResult().withoutStack('the input has no ranking question').build(), survey(PLAIN));
    for (const t of ['stack', 'pairs', 'departments'] as const) {
      expect(() => csvTable(none, t)).toThrow(UsageError);
      expect(() => csvTable(none, t)).toThrow(
        `this input has no priority stacks (the input has no ranking question), so there is no ${t} table; use --table items or dimensions, or name the ranking question`,
      );
    }
  });

  it('pairs left out for a large team: a UsageError with the audit reason', () => {
    const big = anAuditResult().withStack({ pairs: [], pairsReason: '60 leaders make 1,770 pairs' }).build();
    expect(() => csvTable(big, 'pairs')).toThrow('the pairs table is left out: 60 leaders make 1,770 pairs; use --table stack');
  });
});

describe('csvTable(result, "items" | "dimensions")', () => {
  const result = withSurvey(anAuditResult().build(), survey(PLAIN));

  it('items: overall, each department, each level; shares and CI as numbers', async () => {
    const rows = parseCsv(await renderCsv(result, 'items'));
    expect(rows.map((r) => [r.split, r.group, r.status])).toEqual([
      ['overall', 'overall', 'shown'],
      ['department', 'Sales', 'shown'],
      ['department', 'Finance', 'hidden'],
      ['level', 'Manager', 'shown'],
    ]);
    const overall = result.survey!.items[0]!.overall as GroupStats;
    expect(rows[0]).toMatchObject({ id: 'Q1', text: 'I know the plan', dimension: 'Clarity', n: 40, rwg: -0.0123, reasons: null });
    expect(rows[0]!.favourableCILow).toBe(overall.favourableCI![0]);
    expect(rows[0]!.favourableCIHigh).toBe(overall.favourableCI![1]);
    expect(rows[1]).toMatchObject({ sd: null, reasons: 'sd: n/a (only one answer)' });
    expect(rows[2]).toMatchObject({ n: null, mean: null, favourable: null, reasons: 'hidden (protects groups under 5)' });
  });

  it('dimensions: the dimension alpha on each of its rows, or its reason', async () => {
    const rows = parseCsv(await renderCsv(result, 'dimensions'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ name: 'Clarity', level: 'strategic', items: 1, alpha: null, reasons: 'alpha: n/a (a scale of one item)' });
  });

  it('a result without a survey: a UsageError naming the tables there are', () => {
    expect(() => csvTable(anAuditResult().build(), 'items')).toThrow('this input has no rating questions, so there is no items table; use --table stack');
  });
});

describe('formula injection', () => {
  const hostile = anAuditResult()
    .withPriorities(HOSTILE)
    .withLeaders({ name: '=cmd|"/c calc"!A1', department: '+Dept' }, { name: '@SUM(A1)', department: '-Dept' }, '\tTabby')
    .withDepartment({ department: '=Sales', n: 6, spearmanToLeadership: -0.5 })
    .withSuppressedDepartment('@Finance')
    .build();
  const all = withSurvey(hostile, survey({ item: '=1+1', dimension: '-Clarity', department: '+Ops', hidden: '\rHidden' }));

  it.each(CSV_TABLES)('%s: no text cell starts like a formula, and the text is kept after the quote', async (table) => {
    const text = await renderCsv(all, table);
    expect(text).not.toMatch(LEAKS);
    // text is quoted, numbers are not: read a quoted cell as text, anything else as a number
    const rows = parse(text, { cast: (v, c) => cellOf(v, c.quoting) }) as Cell[][];
    for (const cell of rows.flat()) {
      if (typeof cell === 'string') expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
      else if (typeof cell === 'number') expect(Number.isFinite(cell), String(cell)).toBe(true);
    }
    const cells = new Set(rows.flat());
    const expected: Record<string, string[]> = {
      items: ["'=1+1", "'-Clarity", "'+Ops", "'\rHidden"],
      dimensions: ["'-Clarity", "'+Ops", "'\rHidden"],
      stack: HOSTILE.map((h) => `'${h}`),
      pairs: ['\'=cmd|"/c calc"!A1', "'@SUM(A1)", "'\tTabby"],
      departments: ["'=Sales", "'@Finance"],
    };
    for (const e of expected[table] ?? []) expect(cells, JSON.stringify(e)).toContain(e);
  });

  it('computed negative numbers are not prefixed or quoted', async () => {
    const text = await renderCsv(all, 'departments');
    expect(text).toContain(',-0.5,');
    expect(text).not.toContain("'-0.5");
  });
});

describe('the committed Adventure Works result', () => {
  const aw = awResult();
  it('departments: the suppressed ones are rows without numbers, the shown ones match the JSON', async () => {
    const rows = parseCsv(await renderCsv(aw, 'departments'));
    expect(rows).toHaveLength(aw.stack!.departments.length);
    for (const [i, d] of aw.stack!.departments.entries()) {
      const r = rows[i]!;
      expect(r.department).toBe(d.department);
      if ('suppressed' in d) {
        expect(r.status).toBe('hidden');
        expect(Object.values(r).filter((v) => typeof v === 'number')).toEqual([]);
      } else {
        expect(r.n).toBe(d.n);
        expect(Math.abs((r.W as number) - (d.W as number))).toBeLessThan(1e-12);
        for (const p of aw.stack!.priorities) expect(r[`meanRank: ${p}`]).toBe(d.meanRanks[p]);
      }
    }
  });
});
