/** joinRankings: what a --rankings file must hold. */
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { joinRankings } from '../../src/ingest/join.js';
import { seeded, tempFolder } from './temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe('joinRankings(survey, rankings)', () => {
  test('a --rankings file with no ranking stops, naming the file', async () => {
    // Before the generic reader stopped on such a file itself; now it reads it (for align inspect), so the join must.
    const survey = await readDataset([tmp.write('survey.csv', 'name,stack\nAnn,X;Y\n')], { config: {}, skipInvalid: false });
    const path = tmp.write('roster.csv', 'name,department\nAnn,Sales\n');
    const roster = await readDataset([path], { config: {}, skipInvalid: false });
    let error: unknown;
    try {
      joinRankings(survey, roster);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no ranking found in this --rankings file; give stacks as long format`),
    );
  });

  test('a stacks file joins by name', async () => {
    const survey = await readDataset([tmp.write('survey2.csv', 'name,stack\nAnn,Y;X\n')], { config: {}, skipInvalid: false });
    const stacks = await readDataset([tmp.write('stacks.csv', 'name,stack\nann,X;Y\n')], { config: {}, skipInvalid: false });
    expect(joinRankings(survey, stacks).respondents.map((r) => r.stack.map((s) => s.priority))).toEqual([['x', 'y']]);
  });
});

describe('joinRankings(survey, rankings) on more names than the label caches hold', () => {
  // 12,000 people: more distinct names than likert.ts remembers labels (10,000), past which fitting
  // every Likert scale to the name column cost seconds (11 s of CPU for a long-format stacks file of
  // 80,000 people). What must not change with the speed: each stack reaches its own person.
  const priorities = ['Growth', 'Margin', 'Retention', 'Quality', 'Speed', 'Safety'];
  const firstNames = ['Zoë', 'José', 'Chloé', 'Łukasz', 'Björn', 'Renée', 'François', 'Ümit', 'Ana', 'Sam'];
  const n = 12_000;
  const random = seeded(20_260_301);
  const people = Array.from({ length: n }, (_, i) => {
    const order = [...priorities];
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    return { name: `${firstNames[i % firstNames.length]} Nr${String(i).padStart(5, '0')}`, order };
  });
  const labels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
  const surveyCsv = [
    'name,role,department,Q1,Q2',
    ...people.map((p, i) =>
      [p.name, i < 12 ? 'Executive' : 'Manager', ['Sales', 'Finance', 'Operations'][i % 3], labels[i % 5], labels[(i * 7) % 5]].join(','),
    ),
  ];
  // the stacks spell names in capitals, without accents and with stray spaces; listed in reverse, one row per priority
  const spelled = (name: string) => `  ${name.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(' ', '   ')}`;
  const stacksCsv = ['name,priority,rank'];
  for (const p of [...people].reverse()) {
    for (const [r, priority] of p.order.entries()) stacksCsv.push(`${spelled(p.name)},${priority},${r + 1}`);
  }
  stacksCsv.push('Nobody Here,Growth,1', 'Nobody Here,Margin,2');

  test('every respondent gets the stack written under their name, and the stack of nobody is set aside', async () => {
    const options = { config: {}, skipInvalid: false };
    const survey = await readDataset([tmp.write('people.csv', `${surveyCsv.join('\n')}\n`)], options);
    const stacksPath = tmp.write('people-stacks.csv', `${stacksCsv.join('\n')}\n`);
    const joined = joinRankings(survey, await readDataset([stacksPath], options));
    // the name column is read as names, not as a rating question
    expect(joined.items.map((i) => i.id)).toEqual(['Q1', 'Q2']);
    expect(joined.respondents.map((r) => r.name)).toEqual(people.map((p) => p.name));
    const got = joined.respondents.map((r) => [...r.stack].sort((a, b) => a.rank - b.rank).map((s) => s.priority));
    expect(got).toEqual(people.map((p) => p.order.map((priority) => priority.toLowerCase())));
    const last = stacksCsv.length;
    expect(joined.excluded.map((e) => [e.file, e.line, e.reason])).toEqual(
      [last - 1, last].map((line) => [stacksPath, line, 'stack not used: it matches no survey respondent by respondent id, email or name']),
    );
  });
});
