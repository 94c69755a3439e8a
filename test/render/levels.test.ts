/**
 * The report's view of the audit's levels of alignment (the scorecard), who
 * owns each decision, strategy recall, each finding's level, the rules in the
 * method section and the data-quality notes. AuditResults come from the
 * builder: the audit room computes these values; the report only shows them.
 */
import { describe, expect, test } from 'vitest';
import type { AuditResult, Finding, LevelEntry } from '../../src/audit/types.js';
import { rulesModel, scorecardModel } from '../../src/render/alignment-model.js';
import { LEVEL_RULES } from '../../src/render/level-rules.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { clientLedger } from '../../src/render/view-model.js';
import { anAuditResult } from './builders.js';
import { LEAKS } from './fixtures.js';

const STRATEGIC: LevelEntry = {
  level: 'strategic',
  status: 'mixed',
  evidence: [
    { kind: 'concordance', subject: "The leaders' stacks", statistic: 'W', value: 0.24, rating: 'poor' },
    { kind: 'favourable', subject: 'I can name the top three priorities', statistic: 'favourable', value: 0.72, rating: 'good' },
    { kind: 'agreement', subject: 'Sales', statistic: 'rwg', value: 0.55, rating: 'between' },
    { kind: 'spread', subject: 'Clarity', statistic: 'icc1', value: 0.12, rating: null },
  ],
};
const COMMUNICATION: LevelEntry = { level: 'communication', status: null, statusReason: 'no department has enough people to compare', evidence: [] };
const DECISION: LevelEntry = {
  level: 'decision',
  status: 'misaligned',
  evidence: [
    { kind: 'ownership', subject: 'Pricing', statistic: 'leadingOwnerShare', value: 0.45, verdict: 'contested', rating: 'poor' },
    { kind: 'ownership', subject: 'Launch date', statistic: 'leadingOwnerShare', value: 0.3, verdict: 'orphaned', rating: 'poor' },
    { kind: 'ownership', subject: 'Hiring', statistic: 'leadingOwnerShare', value: 0.8, verdict: 'clear', rating: 'good' },
  ],
};

function section(md: string, heading: string): string {
  const start = md.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const next = md.slice(start + heading.length + 2).search(/\n## /);
  return next < 0 ? md.slice(start) : md.slice(start, start + heading.length + 2 + next);
}

const SCORECARD = '## Scorecard: the three levels of alignment';

describe('the scorecard', () => {
  // Given out of order: the report shows strategic, communication, decision.
  const md = renderMarkdown(anAuditResult().withLevels(DECISION, STRATEGIC, COMMUNICATION).build());
  const card = section(md, SCORECARD);

  test('opens the report: right after the cover, before "At a glance"', () => {
    expect(card).not.toBe('');
    const at = md.indexOf(SCORECARD);
    expect(at).toBeGreaterThan(md.indexOf('*Team answers are confidential'));
    expect(at).toBeLessThan(md.indexOf('## At a glance'));
    expect(md.indexOf('## At a glance')).toBeLessThan(md.indexOf('## The priority stack'));
  });

  test('the three levels in order, each with its status in words and its plain meaning', () => {
    const order = ['**Strategic: mixed.**', '**Communication: not rated.**', '**Decision: misaligned.**'].map((s) => card.indexOf(s));
    expect(
      order.every((i) => i > 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(card).toContain('**Strategic: mixed.** Do the leaders share what the company is trying to achieve');
    expect(card).toContain('are the messages consistent enough that teams are not reconciling conflicting signals?');
    expect(card).toContain('Can each leader represent a decision credibly, even one they argued against');
    expect(card).toContain(
      'Some of the rated evidence reads poor, but not more than half (3 pieces of evidence rated: 1 poor, 1 good, 1 in between; 1 listed without a cut).',
    );
    expect(card).toContain('More than half of the rated evidence reads poor (3 pieces of evidence rated: 2 poor, 1 good).');
  });

  test('evidence listed compactly: subject, statistic and value, and how it reads by the cut table', () => {
    expect(card).toContain("- The leaders' stacks: Kendall's W = 0.24; poor (below 0.40)");
    expect(card).toContain('- I can name the top three priorities: favourable 72%; good (60% or more)');
    expect(card).toContain('- Sales: agreement r\\_wg = 0.55; in between (0.50 to below 0.70)');
    expect(card).toContain('- Clarity: ICC(1) = 0.12 (the share of the differences in answers lying between departments); listed, not rated');
    expect(card).toContain('- Pricing: contested: the owner named most is named by 45%; poor (contested or orphaned)');
    expect(card).toContain('- Hiring: clear: the owner named most is named by 80%; good (a clear owner)');
  });

  test('a level without a status gives the reason, and no evidence list', () => {
    expect(card).toContain('**Communication: not rated.**');
    expect(card).toContain('Not rated: no department has enough people to compare.');
  });

  test('a value that is not a number reads "n/a", never NaN', () => {
    const odd = renderMarkdown(
      anAuditResult()
        .withLevels({
          level: 'strategic',
          status: 'aligned',
          evidence: [
            { kind: 'concordance', subject: "The leaders' stacks", statistic: 'W', value: Number.NaN, rating: null },
            { kind: 'recall', subject: 'Everyone', statistic: 'share', value: Number.POSITIVE_INFINITY, rating: null },
          ],
        })
        .build(),
    );
    expect(odd).toContain("- The leaders' stacks: Kendall's W = n/a (not computed); listed, not rated");
    expect(odd).toContain('- Everyone: strategy recall n/a (not computed) (named the official priorities); listed, not rated');
    expect(odd).toContain('None of the rated evidence reads poor (0 pieces of evidence rated: 0 poor, 0 good; 2 listed without a cut).');
    expect(odd).not.toMatch(LEAKS);
  });

  test('each level names the questions for the room that speak to it', () => {
    const r = anAuditResult()
      .withLevels(STRATEGIC, COMMUNICATION, DECISION)
      .withFindings(
        { severity: 'high', kind: 'concordance', level: 'strategic', title: 'Weak agreement', evidence: 'W = 0.24', question: 'q1', layer: 'facts' },
        { severity: 'high', kind: 'ownership', level: 'decision', title: 'Pricing has two owners', evidence: 'e', question: 'q2', layer: 'decision' },
      )
      .build();
    const text = section(renderMarkdown(r), SCORECARD);
    expect(text).toMatch(/\*\*Strategic: mixed\.\*\*[\s\S]*Questions for the room on this level: 1\./);
    expect(text).toMatch(/\*\*Decision: misaligned\.\*\*[\s\S]*Questions for the room on this level: 2\./);
    expect(text).not.toMatch(/\*\*Communication[^*]*\*\*[^*]*Questions for the room/);
  });

  test('no levels in the result (an older result, or none rated): no scorecard at all', () => {
    const plain = renderMarkdown(anAuditResult().build());
    expect(plain).not.toContain('Scorecard');
    expect(plain).not.toContain('The three levels of alignment.');
    const old = { ...anAuditResult().build() } as Partial<AuditResult>;
    delete old.levels;
    delete old.ownership;
    delete old.recall;
    const text = renderMarkdown(old as AuditResult);
    expect(text).not.toContain('Scorecard');
    expect(text).not.toMatch(LEAKS);
  });

  test('the cut words come from LEVEL_RULES', () => {
    const strict = { ...LEVEL_RULES, W: { goodFrom: 0.7, poorBelow: 0.3 } };
    const [strategic] = scorecardModel([STRATEGIC], new Map(), strict);
    expect(strategic?.evidence[0]?.rating).toBe('poor (below 0.30)');
  });
});

describe('the Decisions section', () => {
  const r = anAuditResult()
    .withOwnership({
      decision: 'Pricing',
      question: 'Who owns pricing?',
      n: 30,
      owners: [
        { name: 'Finance', share: 0.45 },
        { name: 'Sales', share: 0.3 },
        { name: 'CEO', share: 0.1 },
      ],
      unsure: 0.15,
      other: 0,
      verdict: 'contested',
      byDepartment: {
        Engineering: { n: 8, owners: [{ name: 'Finance', share: 0.75 }], unsure: 0.25, other: 0, verdict: 'clear' },
        Finance: { suppressed: true },
      },
    })
    .withOwnership({ decision: 'Launch date', n: 24, owners: [{ name: 'Product', share: 0.2 }], unsure: 0.65, other: 0, verdict: 'orphaned' })
    .withOwnership({ decision: 'Hiring', n: 25, owners: [{ name: 'People', share: 0.8 }], unsure: 0.04, other: 0, verdict: 'clear' })
    .build();
  const md = renderMarkdown(r);
  const decisions = section(md, '## Decisions');

  test('sits after the survey and before the questions for the room', () => {
    expect(decisions).not.toBe('');
    expect(md.indexOf('## Does the organisation hear one message?')).toBeLessThan(md.indexOf('## Decisions'));
    expect(md.indexOf('## Decisions')).toBeLessThan(md.indexOf('## Questions for the room'));
  });

  test('states the verdict rules and counts the verdicts', () => {
    expect(decisions).toContain('A decision is *contested* when two or more owners are each named by at least 25% of those who answered');
    expect(decisions).toContain("*orphaned* when more than half answer nobody, don't know or not sure");
    expect(decisions).toContain('Three decisions were asked about: one contested, one orphaned and one with a clear owner.');
  });

  test('a contested decision: owners with shares, the unsure share, the rivals named', () => {
    expect(decisions).toContain('### Pricing: contested');
    expect(decisions).toContain('Asked: "Who owns pricing?"');
    expect(decisions).toContain('- **Answers:** 30 answers; **owners named:** Finance 45%, Sales 30%, CEO 10%');
    expect(decisions).toContain("- **Nobody, don't know or not sure:** 15%");
    expect(decisions).toContain('- Contested: Finance (45%) and Sales (30%) are each named by at least 25% of those who answered.');
  });

  test('an orphaned decision says how many answered nobody; a clear one names the owner', () => {
    expect(decisions).toContain('### Launch date: orphaned');
    expect(decisions).toContain("- Orphaned: 65% answer nobody, don't know or not sure.");
    // the question is the decision itself: not repeated
    expect(decisions).not.toContain('Asked: "Launch date"');
    expect(decisions).toContain('### Hiring: clear');
    expect(decisions).toContain('named most: People (80%).');
  });

  test('per department where shown; a hidden department is named without numbers', () => {
    expect(decisions).toContain('| Department | Answers | Owners named | Unsure | Verdict |');
    expect(decisions).toContain('| Engineering | 8 | Finance 75% | 25% | clear |');
    expect(decisions).toMatch(/\| Finance \| hidden \(protects groups under 5\) \|\s+\|\s+\|\s+\|/);
    const finance = decisions.split('\n').find((l) => l.startsWith('| Finance |')) ?? '';
    expect(finance).not.toMatch(/\d+%/);
  });

  test('one decision reads as one', () => {
    const one = renderMarkdown(anAuditResult().withOwnership({ decision: 'Pricing', owners: [], unsure: 0.7, other: 0, verdict: 'orphaned' }).build());
    expect(one).toContain('The one decision asked about is orphaned.');
    expect(one).toContain('- **Answers:** 20 answers; **owners named:** no owner named');
  });

  test('a decision without a verdict gives the reason', () => {
    const text = renderMarkdown(
      anAuditResult().withOwnership({ decision: 'Pricing', n: 0, owners: [], verdict: null, verdictReason: 'nobody answered' }).build(),
    );
    expect(text).toContain('### Pricing: no verdict');
    expect(text).toContain('- No verdict: nobody answered.');
    expect(text).not.toMatch(LEAKS);
  });

  test('no ownership questions: no Decisions section, no ownership rule in the method', () => {
    const text = renderMarkdown(anAuditResult().build());
    expect(text).not.toContain('## Decisions');
    expect(text).not.toContain('Who owns a decision.');
    expect(text).not.toMatch(/orphaned/);
  });
});

describe('strategy recall in "Does the organisation hear one message?"', () => {
  const official = ['Grow revenue', 'Cut costs', 'Hire engineers'];

  test('the share per department and level, what counted, hidden groups without numbers, and Sull, Sull and Yoder', () => {
    const r = anAuditResult()
      .withRecall({
        official,
        source: 'text',
        question: 'What are the top three priorities this year?',
        overall: { n: 30, share: 0.31 },
        byDepartment: { Finance: { suppressed: true }, Sales: { n: 9, share: 0.44 } },
        byLevel: { Manager: { n: 12, share: 0.25 } },
      })
      .build();
    const md = renderMarkdown(r);
    const org = section(md, '## Does the organisation hear one message?');
    expect(org).toContain('### Can people name the official priorities?');
    expect(org).toContain(
      'Strategy recall: the share of each group who named at least 3 of the 3 official priorities in their answer to "What are the top three priorities this year?".',
    );
    expect(org).toContain('The official priorities: Grow revenue; Cut costs; Hire engineers. Of the 30 people scored, 31% did.');
    expect(org).toContain('| Everyone | 30 | 31% |');
    expect(org).toContain('| Sales (department) | 9 | 44% |');
    expect(org).toContain('| Manager (level) | 12 | 25% |');
    expect(org).toMatch(/\| Finance \(department\) \| hidden \(protects groups under 5\) \|\s+\|/);
    expect(org).toContain('Sull, Sull and Yoder (2018');
    expect(org).toContain('only 28% of executives and middle managers could list three');
    // the method states the rule
    expect(section(md, '## Method')).toContain('**Strategy recall.** The share of a group whose answer holds at least 3 of the official priorities');
  });

  test('from stacks: "had them in their stack\'s top three"; a share that could not be computed gives its reason', () => {
    const r = anAuditResult()
      .withRecall({ official: ['A', 'B'], overall: { n: 4, share: null, shareReason: 'no stacks to score' } })
      .build();
    const md = renderMarkdown(r);
    expect(md).toContain("who had at least 2 of the 2 official priorities in their stack's top three.");
    expect(md).toContain('| Everyone | 4 | n/a (no stacks to score) |');
    expect(md).not.toContain('Of the 4 people scored');
    expect(md).not.toMatch(LEAKS);
  });

  test('a hidden "everyone" shows no share anywhere', () => {
    const md = renderMarkdown(
      anAuditResult()
        .withRecall({ official, overall: { suppressed: true } })
        .build(),
    );
    expect(md).toMatch(/\| Everyone \| hidden \(protects groups under 5\) \|\s+\|/);
    expect(md).not.toContain('people scored,');
  });

  test("no official list: nothing about recall (the audit's reason is for whoever writes align.yml, in the JSON)", () => {
    for (const r of [anAuditResult().build(), anAuditResult().withoutRecall('no official list in align.yml (official: [...])').build()]) {
      const md = renderMarkdown(r);
      expect(md).not.toMatch(/recall|28%|Sull|align\.yml \(official/i);
      expect(md).not.toContain('| Everyone |');
    }
  });

  test('shown even when the input has no departments', () => {
    const md = renderMarkdown(
      anAuditResult()
        .withRecall({ official, overall: { n: 12, share: 0.5 } })
        .build(),
    );
    const org = section(md, '## Does the organisation hear one message?');
    expect(org).toContain('This audit has no department groups to compare with the leaders');
    expect(org).toContain('| Everyone | 12 | 50% |');
  });
});

describe('findings carry their level', () => {
  test('each question names its level; the facts, interpretation, decision order stays', () => {
    const r = anAuditResult()
      .withFindings(
        { severity: 'high', kind: 'ownership', level: 'decision', title: 'Pricing has two owners', evidence: 'e1', question: 'q1', layer: 'decision' },
        { severity: 'high', kind: 'concordance', level: 'strategic', title: 'Weak agreement', evidence: 'e2', question: 'q2', layer: 'facts' },
        {
          severity: 'medium',
          kind: 'cascade',
          level: 'communication',
          title: 'Engineering hears another plan',
          evidence: 'e3',
          question: 'q3',
          layer: 'interpretation',
        },
      )
      .build();
    const md = renderMarkdown(r);
    const order = ['#### 1. Weak agreement', '#### 2. Engineering hears another plan', '#### 3. Pricing has two owners'].map((h) => md.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toMatch(/#### 1\. Weak agreement\n\n[^#]*- \*Level: Strategic; severity: high\*/);
    expect(md).toMatch(/#### 2\. Engineering hears another plan\n\n[^#]*- \*Level: Communication; severity: medium\*/);
    expect(md).toMatch(/#### 3\. Pricing has two owners\n\n[^#]*- \*Level: Decision; severity: high\*/);
  });

  test('a finding without a level (a result written before findings had one) reads as before', () => {
    const r = anAuditResult()
      .withFindings({ severity: 'low', kind: 'x', title: 'Old finding', evidence: 'e', question: 'q', layer: 'facts' } as unknown as Finding)
      .build();
    const md = renderMarkdown(r);
    expect(md).toContain('- *Severity: low*');
    expect(md).not.toMatch(LEAKS);
  });
});

describe('the method states the cut table and the rules', () => {
  test('cut table, level rule and ownership rule when the report holds levels and decisions', () => {
    const md = renderMarkdown(
      anAuditResult()
        .withLevels(STRATEGIC, COMMUNICATION, DECISION)
        .withOwnership({ decision: 'Pricing', owners: [{ name: 'Finance', share: 0.9 }], verdict: 'clear' })
        .build(),
    );
    const method = section(md, '## Method');
    for (const s of [
      '| Evidence | Good | Poor |',
      "| Kendall's W among the leaders | 0.60 or more | below 0.40 |",
      '| A favourable share (an item, a dimension, a group) | 60% or more | below 40% |',
      '| Agreement within a group, r\\_wg | 0.70 or more | below 0.50 |',
      "| Spearman rho (a department's stack against the leaders', a cascade) | 0.60 or more | below 0.40 |",
      '| Strategy recall share | 60% or more | below 40% |',
      "| A decision's owner | clear | contested or orphaned |",
      'A level is *aligned* when none of its rated evidence is poor, *misaligned* when more than half of it is, and *mixed* otherwise',
      "The decision is *orphaned* when more than half answer nobody, don't know or not sure; failing that, *contested* when two or more owners are each named by at least 25%",
      'Orphaned is tested first.',
    ]) {
      expect(method, s).toContain(s);
    }
  });

  test('the rules model reads every number from LEVEL_RULES', () => {
    const m = rulesModel({ ...LEVEL_RULES, contestedShare: 0.3, orphanedOver: 0.6, recall: { goodFrom: 0.7, poorBelow: 0.35 } });
    expect(m.contestedShare).toBe('30%');
    expect(m.orphanedOver).toBe('60%');
    expect(m.cuts.rows).toContainEqual(['Strategy recall share', '70% or more', 'below 35%']);
  });
});

describe('hostile text from the input', () => {
  const hostile = 'Pricing <script>alert(1)</script> | *all* _of_ it';
  const r = anAuditResult()
    .withLevels({
      level: 'decision',
      status: 'misaligned',
      evidence: [{ kind: 'ownership', subject: hostile, statistic: 'leadingOwnerShare', value: 0.45, verdict: 'contested', rating: 'poor' }],
    })
    .withOwnership({
      decision: hostile,
      question: `Who owns it? ${hostile}`,
      owners: [
        { name: 'Fin|ance *x*', share: 0.5 },
        { name: '<b>Sales</b>', share: 0.4 },
      ],
      verdict: 'contested',
      byDepartment: { 'Ops | <i>': { n: 6, owners: [{ name: 'A|B', share: 1 }], unsure: 0, other: 0, verdict: 'clear' } },
    })
    .withRecall({
      official: ['Grow | *fast*'],
      source: 'text',
      question: 'Name <script>',
      overall: { n: 10, share: 0.5 },
      byDepartment: { 'R|D': { n: 5, share: 0.4 } },
    })
    .build();
  const md = renderMarkdown(r);
  const escaped = 'Pricing \\<script>alert(1)\\</script> \\| \\*all\\* \\_of\\_ it';

  test('a decision name is escaped in its heading, the scorecard and the verdict', () => {
    expect(md).toContain(`### ${escaped}: contested`);
    expect(md).toContain(`- ${escaped}: contested: the owner named most is named by 45%; poor (contested or orphaned)`);
    expect(md).toContain('Contested: Fin\\|ance \\*x\\* (50%) and \\<b>Sales\\</b> (40%) are each named');
    // every '<' that could open a tag is escaped
    expect(md).not.toMatch(/(?<!\\)<(script|\/script|b|\/b|i)>/);
    expect(md).not.toMatch(/(?<!\\)\*all/);
  });

  test('pipes in names do not break the tables', () => {
    const lines = md.split('\n');
    const ops = lines.filter((l) => l.startsWith('| Ops'));
    const rd = lines.filter((l) => l.startsWith('| R\\|D'));
    expect(ops).toEqual(['| Ops \\| \\<i> | 6 | A\\|B 100% | 0% | clear |']);
    expect(rd).toEqual(['| R\\|D (department) | 5 | 40% |']);
    // cells between unescaped pipes: five in the department table, three in the recall table
    expect((ops[0] ?? '').split(/(?<!\\)\|/).length - 2).toBe(5);
    expect((rd[0] ?? '').split(/(?<!\\)\|/).length - 2).toBe(3);
  });

  test('recall question and official names are escaped', () => {
    expect(md).toContain('in their answer to "Name \\<script>"');
    expect(md).toContain('The official priorities: Grow \\| \\*fast\\*.');
  });
});

describe('data quality: flagged respondents read as counts', () => {
  const input = anAuditResult()
    .withInput({
      notes: [
        { file: 'survey.csv', line: 4, note: 'straight-lining: the same answer to every rating item' },
        { file: 'survey.csv', line: 9, note: 'straight-lining: the same answer to every rating item' },
        { file: 'survey.csv', line: 5, note: 'answered fewer than half of the rating items', count: 12, lines: [5, 6, 7, 8, 11] },
        { file: 'survey.csv', line: 20, note: 'finished in under a third of the median time', suppressed: true, count: 3, lines: [20, 21, 22] },
        { file: 'survey.csv', line: 30, note: 'gave the same answer to every rating item (straight-lining)', suppressed: true },
      ],
    })
    .build();
  const md = renderMarkdown(input);
  const dq = section(md, '## Data quality');

  test('shown notes with one wording fold into one row with their lines and count', () => {
    expect(dq).toContain('| survey.csv | 4, 9 (2 in all) | straight-lining: the same answer to every rating item |');
    expect(dq).toContain('| survey.csv | 5-8, 11, … (12 in all) | answered fewer than half of the rating items |');
  });

  test('notes about hidden members are a count without lines', () => {
    expect(dq).toContain('| survey.csv | – | Three respondents in groups too small to show finished in under a third of the median time |');
    expect(dq).toContain('| survey.csv | – | One respondent in a group too small to show gave the same answer to every rating item (straight-lining) |');
    expect(dq).not.toMatch(/\b2[0-2]\b/);
    expect(dq).not.toMatch(/\b30\b/);
  });

  test('clientLedger keeps the count and gives no lines for hidden members', () => {
    const { notes } = clientLedger(input.input);
    expect(notes.map((n) => [n.lines, n.count])).toEqual([
      ['4, 9 (2 in all)', 2],
      ['5-8, 11, … (12 in all)', 12],
      [null, 3],
      [null, 1],
    ]);
  });
});
