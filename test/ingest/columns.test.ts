import { describe, expect, test } from 'vitest';
import { measureHeader, normaliseHeader, positionFromHeader, recogniseAttribute, recogniseColumn, splitQuestionHeader } from '../../src/ingest/columns.js';

describe('normaliseHeader(header)', () => {
  test.each([
    ["What's your Role?", 'what s your role'],
    ['  Respondent_ID ', 'respondent id'],
    ['Role/Level', 'role level'],
    ['E-mail', 'e mail'],
  ])('normaliseHeader(%j) === %j', (h, expected) => expect(normaliseHeader(h)).toBe(expected));
});

describe('recogniseAttribute(header)', () => {
  test.each([
    ['respondent', 'id'],
    ['Respondent ID', 'id'],
    ['respondent_id', 'id'],
    ['ID', 'id'],
    ['Response ID', 'id'],
    ['#', 'id'],
    ['name', 'name'],
    ['Full name', 'name'],
    ['Your name', 'name'],
    ['Respondent name', 'name'],
    ['Leader', 'name'],
    ['Email', 'email'],
    ['E-mail address', 'email'],
    ['Email Address', 'email'],
    ['role', 'role'],
    ['Level', 'role'],
    ['What is your role?', 'role'],
    ["What's your role?", 'role'],
    ['Role/Level', 'role'],
    ['Position level', 'role'],
    ['Which best describes your role in the company?', 'role'],
    ['department', 'department'],
    ['Dept.', 'department'],
    ['Team', 'department'],
    ['Function', 'department'],
    ['Business unit', 'department'],
    ['Which department do you work in?', 'department'],
    ['Which team are you part of?', 'department'],
    ['Timestamp', 'submitted'],
    ['Submitted at', 'submitted'],
    ['Comments', 'comment'],
    // a job title is not a role: leaders are chosen by role value, titles vary per person
    ['Title', 'metadata'],
    ['Job title', 'metadata'],
    ['IP Address', 'metadata'],
  ])('recogniseAttribute(%j).role === %j', (header, role) => {
    expect(recogniseAttribute(header)?.role).toBe(role);
  });

  test.each([['Grow revenue'], ['Launch the e-bike line'], ['priority'], ['rank'], ['stack'], ['1st choice'], ['']])(
    'recogniseAttribute(%j) === null',
    (header) => {
      expect(recogniseAttribute(header)).toBeNull();
    },
  );

  test('says why, with a confidence', () => {
    expect(recogniseAttribute('Which department do you work in?')).toEqual({
      role: 'department',
      confidence: 0.9,
      reason: 'header "Which department do you work in?" reads as the respondent\'s department',
    });
  });
});

describe('positionFromHeader(header)', () => {
  test.each([
    ['1', 1],
    ['[1]', 1],
    ['#2', 2],
    ['1st', 1],
    ['2nd', 2],
    ['3rd choice', 3],
    ['Rank 1', 1],
    ['rank_4', 4],
    ['Choice 1', 1],
    ['Priority 2', 2],
    ['Preference 10', 10],
    ['First choice', 1],
    ['Second', 2],
    ['Rank these priorities [Rank 2]', 2],
    ['Rank these priorities [3]', 3],
    ['Grow revenue', null],
    ['rank', null],
    ['Rank these priorities', null],
    ['First name', null],
    ['2024', null],
  ])('positionFromHeader(%j) === %j', (header, expected) => {
    expect(positionFromHeader(header)).toBe(expected);
  });
});

describe('splitQuestionHeader(header)', () => {
  test.each([
    ['Rank these [Grow revenue]', { question: 'Rank these', item: 'Grow revenue' }],
    ['Rank these priorities - Launch the e-bike line', { question: 'Rank these priorities', item: 'Launch the e-bike line' }],
    ['Launch the e-bike line', null],
    ['Rank these []', null],
  ])('splitQuestionHeader(%j)', (header, expected) => {
    expect(splitQuestionHeader(header)).toEqual(expected);
  });
});

describe('recogniseColumn(index, header, cells)', () => {
  const kind = (header: string, cells: string[] = []) => {
    const c = recogniseColumn(0, header, cells);
    return c.role === 'ranking' ? `ranking:${c.ranking}` : c.role;
  };
  test.each([
    ['priority', ['Grow revenue', 'Cut costs'], 'ranking:long-priority'],
    ['item', ['Grow revenue'], 'ranking:long-priority'],
    ['rank', ['1', '2'], 'ranking:long-rank'],
    ['position', ['1', '2'], 'ranking:long-rank'],
    ['rank', ['1', 'abc'], 'ranking:long-rank'], // a bad rank is still a rank column
    ['priority', ['1', '2'], 'ranking:long-rank'], // "priority" holding numbers is the rank
    ['stack', ['A > B', 'B > A'], 'ranking:list'],
    ['priorities', ['A;B;', 'B;'], 'ranking:list'],
    ['Ranking', ['A | B'], 'ranking:list'],
    ['Rank these priorities (1 = most important)', ['A;B;C;', 'C;B;'], 'ranking:list'],
    ['Rank these priorities (1 = most important)', ['A', 'B'], 'ranking:list'],
    ['1st choice', ['Grow revenue', ''], 'ranking:by-position'],
    ['Grow revenue', ['1', '2nd', ''], 'ranking:by-priority'],
    ['Grow revenue', ['1', '3', 'abc'], 'ranking:by-priority'], // mostly ranks: a priority with a bad cell
    ['Grow revenue', ['', ''], 'ranking:by-priority'], // nobody ranked it: still a priority
    ['Favourite colour', ['blue', 'red'], 'unknown'],
    ['name', ['1', '2'], 'name'],
    ['Department', ['Sales'], 'department'],
  ])('%j with %j is %s', (header, cells, expected) => {
    expect(kind(header, cells)).toBe(expected);
  });

  test('a by-position column carries its position, a by-priority column its priority', () => {
    expect(recogniseColumn(3, 'Choice 2', ['Grow revenue'])).toMatchObject({ index: 3, position: 2, ranking: 'by-position' });
    expect(recogniseColumn(4, ' Grow revenue ', ['1'])).toMatchObject({ index: 4, priority: 'Grow revenue', ranking: 'by-priority' });
  });
});

describe('measureHeader(header): a number about the respondent, not a priority', () => {
  test.each([
    ['Team size', 'a size'],
    ['Company size', 'a size'],
    ['Headcount', 'a count'],
    ['Number of direct reports', 'a count'],
    ['Years in role', 'a length of time'],
    ['Years of experience', 'a length of time'],
    ['Tenure (years)', 'a length of time'],
    ['Age', "the respondent's age"],
    ['Age group', "the respondent's age"],
    ['Salary band', 'pay'],
    ['Score', 'a score'],
    ['Count', 'a count'],
    ['Employee ID', 'an identifier'],
    ['msforms_id', 'an identifier'],
    ['typeform_token', 'an identifier'],
    ['responseId', 'an identifier'],
    ['duration_s', 'a duration'],
    ['Time taken (seconds)', 'a duration'],
  ])('%j -> %s', (header, what) => {
    expect(measureHeader(header)).toBe(what);
  });

  test.each([
    'Grow revenue',
    'Improve NPS score',
    'Reduce headcount costs',
    'Pay down debt',
    'Total cost of ownership',
    'Cut cycle time',
    'Increase customer count',
    'Hire and develop engineers',
    'Expand into Asia-Pacific',
    'Tenure reform',
    'Years of runway',
    'Size of the prize',
    'Tenure track for clinicians',
  ])('%j is no measure (a priority may end in such a word)', (header) => {
    expect(measureHeader(header)).toBeNull();
  });

  test('recogniseColumn: a measure header holding small whole numbers is metadata, not a priority', () => {
    expect(recogniseColumn(2, 'Team size', ['4', '6', '8'])).toMatchObject({
      role: 'metadata',
      reason: 'header "Team size" names a detail about the respondent (a size), not a priority',
    });
    expect(recogniseColumn(3, 'Grow revenue', ['1', '2', '3']).role).toBe('ranking');
  });
});

describe('a priority whose name reads like a respondent detail', () => {
  test('"Tenure reform" in a wide stacks file is a priority, not metadata: N counts all six', async () => {
    const { readDataset } = await import('../../src/ingest/dataset.js');
    const d = await readDataset([new URL('../fixtures/ugly/priority-named-like-a-measure.csv', import.meta.url).pathname], { config: {}, skipInvalid: false });
    expect(d.priorities.map((p) => p.name)).toContain('Tenure reform');
    expect(d.priorities).toHaveLength(6);
  });
});
