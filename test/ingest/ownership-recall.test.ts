// Survey audit, part 2: decision ownership and strategy recall, as each tool
// exports them. A question asking who owns a decision is read in one column
// ("Who owns the product roadmap?") or as a grid, one row per decision ("Who
// makes the final call on each decision? [Pricing for NHS tenders]");
// respondent.ownership is keyed by the decision and Dataset.decisions lists
// each once. A free-text question asking the respondent to name the priorities
// is read as respondent.recall, as written (line breaks kept).
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseConfig } from '../../src/ingest/config.js';
import type { AlignConfig } from '../../src/ingest/config-types.js';
import { readDataset } from '../../src/ingest/dataset.js';
import type { SurveyNormalised } from '../../src/ingest/plan/types.js';
import { readExport } from './northwind.js';
import { tempFolder } from './temp-files.js';

const folder = tempFolder();
afterAll(() => folder.remove());

const GRID = 'Who makes the final call on each decision?';
const SINGLE = 'Who owns the product roadmap?';
const RECALL = "Name the company's top three priorities";
const ITEM = "I can name the company's top three priorities for this quarter";

/** Four respondents' answers, the same in every tool's file. */
const PEOPLE = [
  { name: 'Ann Lee', role: 'Executive', pricing: 'CFO', hiring: 'CEO', roadmap: 'CPO', recall: 'Grow revenue\nCut costs\nLaunch the platform', item: 'Agree' },
  { name: 'Bo Chen', role: 'Manager', pricing: 'CFO', hiring: 'COO', roadmap: 'CPO', recall: 'Revenue, platform, EU', item: 'Strongly agree' },
  { name: 'Cy Diaz', role: 'Manager', pricing: 'Nobody / not sure', hiring: 'CEO', roadmap: 'Nobody / not sure', recall: '', item: 'Disagree' },
  { name: 'Di Roy', role: 'Individual contributor', pricing: "Don't know", hiring: '', roadmap: 'CPO', recall: 'Not sure', item: 'Neither agree nor disagree' },
];

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const line = (cells: string[]) => cells.map(csvCell).join(',');

const EXPECTED_DECISIONS = [
  { decision: 'Pricing for NHS tenders', question: GRID },
  { decision: 'Hiring above plan', question: GRID },
  { decision: SINGLE, question: SINGLE },
];

function files(): Record<string, string> {
  const google = [
    line(['Timestamp', 'Your name', 'What is your role?', `${GRID} [Pricing for NHS tenders]`, `${GRID} [Hiring above plan]`, SINGLE, RECALL, ITEM]),
    ...PEOPLE.map((p, i) => line([`3/${i + 3}/2025 9:30:57`, p.name, p.role, p.pricing, p.hiring, p.roadmap, p.recall, p.item])),
  ];
  const monkey = [
    line([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'Your name',
      'What is your role?',
      GRID,
      '',
      SINGLE,
      RECALL,
      'How much do you agree with each statement?',
    ]),
    line(['', '', '', '', 'Open-Ended Response', 'Response', 'Pricing for NHS tenders', 'Hiring above plan', 'Response', 'Open-Ended Response', ITEM]),
    ...PEOPLE.map((p, i) =>
      line([
        `1145240220${i}`,
        '431277810',
        `03/0${i + 3}/2025 03:44:30 PM`,
        `03/0${i + 3}/2025 03:52:07 PM`,
        p.name,
        p.role,
        p.pricing,
        p.hiring,
        p.roadmap,
        p.recall,
        p.item,
      ]),
    ),
  ];
  const qualtrics = [
    line([
      'StartDate',
      'EndDate',
      'Status',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'RecordedDate',
      'ResponseId',
      'Q1',
      'Q2',
      'Q3_1',
      'Q3_2',
      'Q4',
      'Q5',
      'Q6_1',
    ]),
    line([
      'Start Date',
      'End Date',
      'Response Type',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'Recorded Date',
      'Response ID',
      'Your name',
      'What is your role?',
      `${GRID} - Pricing for NHS tenders`,
      `${GRID} - Hiring above plan`,
      SINGLE,
      RECALL,
      `How much do you agree with each statement? - ${ITEM}`,
    ]),
    line(
      [
        'startDate',
        'endDate',
        'status',
        'progress',
        'duration',
        'finished',
        'recordedDate',
        '_recordId',
        'QID1',
        'QID2',
        'QID3_1',
        'QID3_2',
        'QID4',
        'QID5_TEXT',
        'QID6_1',
      ].map((id) => JSON.stringify({ ImportId: id })),
    ),
    ...PEOPLE.map((p, i) =>
      line([
        `2025-03-0${i + 3} 09:27:10`,
        `2025-03-0${i + 3} 09:30:57`,
        'IP Address',
        '100',
        '227',
        'True',
        `2025-03-0${i + 3} 09:30:57`,
        `R_${i}abc`,
        p.name,
        p.role,
        p.pricing,
        p.hiring,
        p.roadmap,
        p.recall,
        p.item,
      ]),
    ),
  ];
  const msforms = [
    line([
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'What is your role?',
      `${GRID.replace(' each decision?', '')} pricing for NHS tenders?`,
      SINGLE,
      RECALL,
      ITEM,
    ]),
    ...PEOPLE.map((p, i) =>
      line([String(i + 1), `3/${i + 3}/25 9:27:10`, `3/${i + 3}/25 9:30:57`, 'anonymous', p.name, p.role, p.pricing, p.roadmap, p.recall, p.item]),
    ),
  ];
  return {
    'google-forms': `${google.join('\n')}\n`,
    surveymonkey: `${monkey.join('\n')}\n`,
    qualtrics: `${qualtrics.join('\n')}\n`,
    'microsoft-forms': `${msforms.join('\n')}\n`,
  };
}

async function read(tool: string, config: AlignConfig = {}): Promise<SurveyNormalised> {
  const path = folder.write(`${tool}.csv`, files()[tool]!);
  const { normalised } = await readExport(path, { config });
  expect(normalised.format).toBe(tool);
  return normalised;
}

const roleOf = (n: SurveyNormalised, header: string) => n.columns.find((c) => c.header === header)?.role;
const rowOf = (n: SurveyNormalised, name: string) => n.rows.find((r) => r.name === name)!;

describe.each(['google-forms', 'surveymonkey', 'qualtrics'])('%s: an ownership grid, a one-column ownership question and a recall question', (tool) => {
  it('reads each role', async () => {
    const n = await read(tool);
    const grid = n.columns.filter((c) => c.header.startsWith(GRID));
    expect(grid.map((c) => c.role)).toEqual(['ownership', 'ownership']);
    expect(grid[0]!.reason).toMatch(/asks who owns each decision; this row is "Pricing for NHS tenders"/);
    expect(roleOf(n, SINGLE)).toBe('ownership');
    expect(roleOf(n, RECALL)).toBe('recall');
    // the Likert statement that mentions naming the priorities is an item, not recall
    expect(n.columns.filter((c) => c.header.includes(ITEM)).map((c) => c.role)).toEqual(['likert']);
    expect(n.items.map((i) => i.text)).toEqual([ITEM]);
  });

  it('lists each decision once, in column order, and keys the answers by decision, as written', async () => {
    const n = await read(tool);
    expect(n.decisions).toEqual(EXPECTED_DECISIONS);
    expect({ ...rowOf(n, 'Ann Lee').ownership }).toEqual({ 'Pricing for NHS tenders': 'CFO', 'Hiring above plan': 'CEO', [SINGLE]: 'CPO' });
    expect({ ...rowOf(n, 'Cy Diaz').ownership }).toEqual({
      'Pricing for NHS tenders': 'Nobody / not sure',
      'Hiring above plan': 'CEO',
      [SINGLE]: 'Nobody / not sure',
    });
    // a blank answer is no answer
    expect({ ...rowOf(n, 'Di Roy').ownership }).toEqual({ 'Pricing for NHS tenders': "Don't know", [SINGLE]: 'CPO' });
  });

  it('keeps the recall answer as written, line breaks and all, and not as a comment', async () => {
    const n = await read(tool);
    expect(rowOf(n, 'Ann Lee').recall).toEqual({ question: RECALL, text: 'Grow revenue\nCut costs\nLaunch the platform' });
    expect(rowOf(n, 'Bo Chen').recall).toEqual({ question: RECALL, text: 'Revenue, platform, EU' });
    expect(rowOf(n, 'Cy Diaz').recall).toBeUndefined();
    expect(n.rows.every((r) => Object.keys(r.comments ?? {}).length === 0)).toBe(true);
  });
});

describe('Microsoft Forms: one column per ownership question', () => {
  it('reads the decision from the header, and the recall question', async () => {
    const n = await read('microsoft-forms');
    const pricing = 'Who makes the final call on pricing for NHS tenders?';
    expect(roleOf(n, pricing)).toBe('ownership');
    expect(roleOf(n, SINGLE)).toBe('ownership');
    expect(roleOf(n, RECALL)).toBe('recall');
    expect(roleOf(n, ITEM)).toBe('likert');
    expect(n.decisions).toEqual([
      { decision: pricing, question: pricing },
      { decision: SINGLE, question: SINGLE },
    ]);
    expect({ ...rowOf(n, 'Di Roy').ownership }).toEqual({ [pricing]: "Don't know", [SINGLE]: 'CPO' });
    expect(rowOf(n, 'Ann Lee').recall!.text).toBe('Grow revenue\nCut costs\nLaunch the platform');
  });
});

describe('the Dataset', () => {
  it('carries decisions, ownership and recall from readDataset, keyed without a prototype', async () => {
    const path = folder.write('google-forms.csv', files()['google-forms']!);
    const dataset = await readDataset([path], { config: {}, skipInvalid: false });
    expect(dataset.decisions).toEqual(EXPECTED_DECISIONS);
    const ann = dataset.respondents.find((r) => r.name === 'Ann Lee')!;
    expect(Object.getPrototypeOf(ann.ownership)).toBeNull();
    expect(ann.ownership!['Hiring above plan']).toBe('CEO');
    expect(ann.recall).toEqual({ question: RECALL, text: 'Grow revenue\nCut costs\nLaunch the platform' });
    expect(ann.comments).toBeUndefined();
  });

  it('has no decisions when no column asks who owns', async () => {
    const path = folder.write('plain.csv', 'name,role,Grow revenue,Cut costs\nAnn,Executive,1,2\nBo,Executive,2,1\n');
    const dataset = await readDataset([path], { config: {}, skipInvalid: false });
    expect('decisions' in dataset).toBe(false);
    expect(dataset.respondents.some((r) => 'recall' in r || 'ownership' in r)).toBe(false);
  });

  it('lists a decision two files share once, in command-line order', async () => {
    const a = folder.write('a.csv', files()['google-forms']!);
    const b = folder.write('b.csv', files()['microsoft-forms']!);
    const dataset = await readDataset([a, b], { config: {}, skipInvalid: false });
    expect(dataset.decisions!.map((d) => d.decision)).toEqual([
      'Pricing for NHS tenders',
      'Hiring above plan',
      SINGLE,
      'Who makes the final call on pricing for NHS tenders?',
    ]);
  });
});

describe('recall: what it is not', () => {
  const plain = (header: string, cells: string[]) =>
    [`name,role,${csvCell(header)}`, ...cells.map((c, i) => `P${i},Executive,${csvCell(c)}`)].join('\n') + '\n';

  it.each([
    "What are the company's top 3 priorities this year?",
    'List our top priorities as you understand them',
    'In your own words, what are the top three priorities?',
    RECALL,
  ])('%s, answered in words: recall', async (header) => {
    const path = folder.write('recall.csv', plain(header, ['Growth and the platform', 'Cut costs; hire', 'EU expansion, retention, platform']));
    const n = (await readExport(path)).normalised;
    expect(roleOf(n, header)).toBe('recall');
  });

  it('a question asking for recall but answered with agreement labels: Likert wins', async () => {
    const path = folder.write('likert.csv', plain(RECALL, ['Agree', 'Strongly agree', 'Disagree', 'Agree']));
    expect(roleOf((await readExport(path)).normalised, RECALL)).toBe('likert');
  });

  it('a ranking question is not recall', async () => {
    const header = 'Rank the top three priorities (most important first)';
    const path = folder.write('rank.csv', plain(header, ['Growth; Costs; Platform', 'Costs; Growth; Platform', 'Platform; Growth; Costs']));
    expect(roleOf((await readExport(path)).normalised, header)).toBe('ranking');
  });

  it.each(['Describe how priorities are communicated to you', 'List any priorities you think are missing', ITEM])('%s: not recall', async (header) => {
    const path = folder.write('other.csv', plain(header, ['They reach us late, by email', 'Only at the all-hands meeting', 'My manager tells me most things']));
    expect(roleOf((await readExport(path)).normalised, header)).not.toBe('recall');
  });
});

describe('align.yml', () => {
  it('columns: {<header>: ownership} makes any column an ownership question, keyed by its header', async () => {
    const path = folder.write('owner.csv', 'name,role,Grow revenue,Cut costs,Product roadmap\nAnn,Executive,1,2,CPO\nBo,Executive,2,1,Nobody / not sure\n');
    const config = parseConfig('columns:\n  Product roadmap: ownership\n', 'align.yml');
    const dataset = await readDataset([path], { config, skipInvalid: false });
    expect(dataset.decisions).toEqual([{ decision: 'Product roadmap', question: 'Product roadmap' }]);
    expect(dataset.respondents.map((r) => r.ownership?.['Product roadmap'])).toEqual(['CPO', 'Nobody / not sure']);
  });

  it('columns: {<header>: recall} declares the recall question', async () => {
    const path = folder.write('declared.csv', 'name,role,Grow revenue,Cut costs,Priorities in brief\nAnn,Executive,1,2,"Growth\nCosts"\nBo,Executive,2,1,\n');
    const config = parseConfig('columns:\n  Priorities in brief: recall\n', 'align.yml');
    const dataset = await readDataset([path], { config, skipInvalid: false });
    expect(dataset.respondents.map((r) => r.recall)).toEqual([{ question: 'Priorities in brief', text: 'Growth\nCosts' }, undefined]);
  });

  const twoRecalls = [
    'name,role,Grow revenue,Cut costs,Name the top three priorities,What are the top priorities this year?',
    'Ann,Executive,1,2,Growth and costs,Growth mostly',
    'Bo,Executive,2,1,Costs then growth,Costs',
  ].join('\n');

  it('two recall questions and no align.yml: exit 2, naming the align.yml line that settles it', async () => {
    const path = folder.write('two.csv', `${twoRecalls}\n`);
    const error = await readDataset([path], { config: {}, skipInvalid: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(1);
    expect((error as Error).message).toBe(
      `${path}:1:"What are the top priorities this year?": 2 columns ask the respondent to name the priorities ("Name the top three priorities", "What are the top priorities this year?"); align reads one as strategy recall; say which in align.yml: columns: {"Name the top three priorities": recall, "What are the top priorities this year?": comment}`,
    );
    // align inspect still reads the file, with the problem as a note and neither column as recall
    const n = (await readExport(path)).normalised;
    expect(n.columns.filter((c) => c.role === 'recall')).toEqual([]);
    expect(n.notes.some((x) => x.note.startsWith('2 columns ask the respondent to name the priorities'))).toBe(true);
  });

  it('two recall questions, align.yml names one: the other is a comment', async () => {
    const path = folder.write('two.csv', `${twoRecalls}\n`);
    const config = parseConfig('columns:\n  What are the top priorities this year?: recall\n', 'align.yml');
    const dataset = await readDataset([path], { config, skipInvalid: false });
    const ann = dataset.respondents[0]!;
    expect(ann.recall).toEqual({ question: 'What are the top priorities this year?', text: 'Growth mostly' });
    expect({ ...ann.comments }).toEqual({ 'Name the top three priorities': 'Growth and costs' });
  });

  it('align.yml naming two recall columns stops too', async () => {
    const path = folder.write('two.csv', `${twoRecalls}\n`);
    const config = parseConfig('columns:\n  Name the top three priorities: recall\n  What are the top priorities this year?: recall\n', 'align.yml');
    await expect(readDataset([path], { config, skipInvalid: false })).rejects.toThrow(/align\.yml names 2 columns as recall/);
  });
});
