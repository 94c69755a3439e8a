// Silent misreadings found by the black-box QA pass on issue 14 (D1, D2, part of D8), on its case files
// (test/fixtures/qa14): rank labels in the other languages, role/department/first-name headers, the
// "no role column" note for every survey, SurveyMonkey's French contact block, and two numeric columns
// that are no stacks file.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { positionFromHeader, recogniseAttribute, recogniseColumn } from '../../src/ingest/columns.js';
import { readDataset } from '../../src/ingest/dataset.js';
import { parseRankCell } from '../../src/ingest/rankings.js';
import { inputError, readText } from '../helpers/read.js';
import { tempFolder } from './temp-files.js';

const QA = fileURLToPath(new URL('../fixtures/qa14', import.meta.url));
const read = (name: string) => readDataset([join(QA, name)], { config: {}, skipInvalid: false });
const folder = tempFolder();
afterAll(() => folder.remove());

describe('D1: rank labels in French, Spanish, Italian, Portuguese and Dutch', () => {
  it.each([
    ['1re', 1],
    ['1ère', 1],
    ['1er', 1],
    ['2e', 2],
    ['2ème', 2],
    ['2eme', 2],
    ['2nde', 2],
    ['1º', 1],
    ['1.º', 1],
    ['1ª', 1],
    ['1.ª', 1],
    ['1°', 1],
    ['3ro', 3],
    ['2do', 2],
    ['2da', 2],
    ['1e', 1],
    ['1ste', 1],
    ['8ste', 8],
    ['2de', 2],
    ['1er choix', 1],
    ['1º lugar', 1],
    ['1° posto', 1],
    ['2e keuze', 2],
    ['1st', 1],
    ['1.', 1],
    ['Premier', 1],
    ['deuxième', 2],
    ['Zweite', 2],
    ['Dritter Platz', 3],
    ['tercero', 3],
    ['Sétimo', 7],
    ['ottavo', 8],
    ['tweede', 2],
    ['first', 1],
  ])('%s is rank %i', (cell, rank) => {
    expect(parseRankCell(cell)).toBe(rank);
  });

  it.each(['1a', '2b', 'Manager', '1 no'])('%s is no rank', (cell) => {
    expect(typeof parseRankCell(cell)).not.toBe('number');
  });

  it.each([
    ['1er choix', 1],
    ['2e choix', 2],
    ['1º lugar', 1],
    ['1° posto', 1],
    ['2ª opção', 2],
    ['1e keuze', 1],
    ['Platz 3', 3],
    ['1st choice', 1],
    ['Premier choix', 1],
    ['Zweite Wahl', 2],
  ])('header %s names position %i', (header, position) => {
    expect(positionFromHeader(header)).toBe(position);
  });

  it('the six files of ordinal labels give the same stacks as the English "1st" file', async () => {
    const english = await read('gf-ord-en-choice.csv');
    const stacks = (d: Awaited<ReturnType<typeof read>>) => d.respondents.map((r) => r.stack.map((s) => `${s.priority}=${s.rank}`).join(','));
    expect(english.priorities).toHaveLength(8);
    for (const name of ['gf-ord-fr-re.csv', 'gf-ord-fr-eme.csv', 'gf-ord-es-o.csv', 'gf-ord-it-deg.csv', 'gf-ord-pt-a.csv', 'gf-ord-nl-de.csv']) {
      const d = await read(name);
      expect(
        d.priorities.map((p) => p.name),
        name,
      ).toEqual(english.priorities.map((p) => p.name));
      expect(stacks(d), name).toEqual(stacks(english));
    }
  });

  it('the French Google Forms file (Classez…, 1er/2e) reads its ranking', async () => {
    const d = await read('gf-fr.csv');
    expect(d.priorities).toHaveLength(8);
    expect(d.respondents[0]!.stack[0]!.priority.toLowerCase()).toBe('modernise internal systems');
    expect(d.respondents[0]!.stack.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a question that asks for a ranking but holds labels align does not read stops with its line, column and labels', async () => {
    const text = [
      'Name,Role,Classez ces priorités [Croissance],Classez ces priorités [Coûts],Classez ces priorités [Talents]',
      'Ann,Executive,1a,2a,3a',
      'Bob,Executive,2a,1a,3a',
    ].join('\n');
    const e = await inputError(() => readText(folder, 'unread.csv', text));
    expect(e.line).toBe(2);
    expect(e.column).toBe('Classez ces priorités [Croissance]');
    expect(e.problem).toBe('"Classez ces priorités" asks for a ranking, but its 3 columns hold "1a", "2a", "3a", which align does not read as ranks');
    expect(e.fix).toMatch(/numbers 1\.\.3 .*set its columns to ignore in align\.yml under columns/);
  });
});

describe('D2: role, department and first-name headers', () => {
  it.each([
    ['Cargo', 'role'],
    ['¿Cuál es su cargo?', 'role'],
    ['Puesto', 'role'],
    ['Poste', 'role'],
    ['Quel est votre poste ?', 'role'],
    ['Functie', 'role'],
    ['Position', 'role'],
    ['Funktion', 'role'],
    ['Niveau hiérarchique', 'role'],
    ['Direction', 'department'],
    ['Votre direction', 'department'],
    ['Dienst', 'department'],
    ['Servicio', 'department'],
    ['Área', 'department'],
    ['Prénom', 'name'],
    ['Vorname', 'name'],
    ['Voornaam', 'name'],
    ['Intitulé du poste', 'metadata'],
  ])('%s reads as %s', (header, role) => {
    expect(recogniseAttribute(header)?.role).toBe(role);
  });

  it('"Position" over rank numbers is still the rank column of a long-format file', () => {
    expect(recogniseColumn(4, 'Position', ['1', '2', '3']).ranking).toBe('long-rank');
    expect(recogniseColumn(4, 'Position', ['Executive', 'Manager']).role).toBe('role');
  });

  it.each([
    ['hdr-es1.csv', 'Cargo'],
    ['hdr-pt1.csv', 'Cargo'],
    ['hdr-fr2.csv', 'Poste'],
    ['hdr-nl1.csv', 'Functie'],
    ['hdr-de1.csv', 'Position'],
    ['hdr-de2.csv', 'Funktion'],
  ])('%s: its %s column is the role, so only the executives are leaders', async (name) => {
    const d = await read(name);
    expect(d.hasRoleColumn).toBe(true);
    expect(new Set(d.respondents.map((r) => r.role))).toEqual(new Set(['Executive', 'Manager']));
    const audit = buildAudit(d, { version: 'test', permutations: 100 });
    expect(audit.survey?.leaders).toBeLessThan(d.respondents.length);
  });

  it('"Direction" (French) is the department and "Vorname" the name', async () => {
    expect((await read('hdr-fr2.csv')).respondents[0]!.department).toBe('Ops');
    expect((await read('hdr-de2.csv')).respondents[0]!.name).toBe('Person 0');
  });

  it('a survey with no role column says everyone counts as a leader, however few the respondents', async () => {
    const text = ['ID,Q1,Q2,Q3', 'R1,1,2,3', 'R2,2,3,4', 'R3,3,4,5', 'R4,4,5,1', 'R5,5,1,2', 'R6,2,2,2'].join('\n');
    const d = await readText(folder, 'norole.csv', text);
    expect(d.hasRoleColumn).toBe(false);
    const notes = buildAudit(d, { version: 'test', permutations: 100 }).input.notes.map((n) => n.note);
    expect(notes).toContain('no role column, so all 6 respondents count as leaders; if the file has one, name it in align.yml (columns: {<header>: role})');
  });

  it('a small stacks file of leaders (no Likert item) is not told so', async () => {
    const text = ['name,Grow,Cut,Hire', 'Ann,1,2,3', 'Bob,2,1,3', 'Cy,3,2,1'].join('\n');
    const d = await readText(folder, 'leaders.csv', text);
    expect(
      buildAudit(d, { version: 'test', permutations: 100 })
        .input.notes.map((n) => n.note)
        .filter((n) => n.startsWith('no role column')),
    ).toEqual([]);
  });
});

describe('D8: SurveyMonkey in French, and two numeric columns', () => {
  it('French SurveyMonkey: "Nom" after "Prénom" is the last name; "Votre nom" is the name, with no note', async () => {
    const d = await read('sm-fr.csv');
    expect(d.files[0]!.format).toBe('surveymonkey');
    expect(d.respondents[0]!.name).toBe('Olivia Bennett');
    expect(d.notes.filter((n) => /name/.test(n.note))).toEqual([]);
  });

  it('"x,y / 1,2" is no stacks file of one leader: no ranking is read, and the row is left out', async () => {
    const d = await readText(folder, 'xy.csv', 'x,y\n1,2\n');
    expect(d.priorities).toEqual([]);
    expect(d.respondents).toEqual([]);
    expect(d.excluded.map((e) => e.reason)).toEqual(['no answer align reads: the file has no Likert items and no ranking question']);
  });

  it('"x,y / 1,2" still reads as a ranking when a header asks for one', async () => {
    const d = await readText(folder, 'xy-rank.csv', 'Rank these [x],Rank these [y]\n1,2\n2,1\n');
    expect(d.priorities).toHaveLength(2);
  });

  it('three columns of ranks are still a stacks file without a header that asks', async () => {
    const d = await readText(folder, 'three.csv', 'name,Grow,Cut,Hire\nAnn,1,2,3\nBob,2,1,3\n');
    expect(d.priorities).toHaveLength(3);
  });
});

// Found by the third QA pass: the headers D2 taught align (and English "Area", "Service", "Position")
// took a rating question headed by one of them for the department or the role, in English files too.
describe('a column of agreement labels is a rating question, whatever attribute its header names', () => {
  const labels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const rows = Array.from({ length: 12 }, (_, i) => [
    `R${i}`,
    `P${i}`,
    i % 3 === 0 ? 'Executive' : 'Manager',
    labels[i % 5]!,
    labels[(i + 1) % 5]!,
    labels[(i + 2) % 5]!,
  ]);
  it.each([
    'Direction',
    'Area',
    'Service',
    'Position',
    'Dienst',
    'Equipe',
    'Setor',
    'Cargo',
    'Puesto',
    'Functie',
    'Fonction',
    'Funzione',
    'Direzione',
    'Department',
    'Role',
  ])('%s over agreement labels is read as the third rating item', async (header) => {
    const csv = [['ID', 'Name', 'Level', 'Q1', 'Q2', header].join(','), ...rows.map((r) => r.join(','))].join('\n');
    const data = await readDataset([folder.write(`labels-${header}.csv`, `${csv}\n`)], { config: {}, skipInvalid: false });
    expect(data.items.map((i) => i.id)).toEqual(['Q1', 'Q2', header]);
    expect(data.respondents.every((r) => r.department === null)).toBe(true);
  });

  it('a column of agreement labels with blanks and N/A among them is still a rating item', async () => {
    // the names, roles and departments of a file are ruled out at their first cell; a label's
    // column must be read through its missing answers and blanks to the end
    const csv = ['ID,Name,Level,Q1,Q2,Service', ...rows.map((r, i) => [...r.slice(0, 5), ['N/A', '', r[5]][i % 3]].join(','))].join('\n');
    const data = await readDataset([folder.write('labels-missing.csv', `${csv}\n`)], { config: {}, skipInvalid: false });
    expect(data.items.map((i) => i.id)).toEqual(['Q1', 'Q2', 'Service']);
    expect(data.respondents.every((r) => r.department === null)).toBe(true);
  });

  it('a department column of department names stays the department', async () => {
    const csv = ['ID,Name,Role,Q1,Q2,Direction', ...rows.map((r, i) => [r[0], r[1], r[2], r[3], r[4], ['Ventes', 'RH', 'Opérations'][i % 3]].join(','))].join(
      '\n',
    );
    const data = await readDataset([folder.write('dept-names.csv', `${csv}\n`)], { config: {}, skipInvalid: false });
    expect(data.items.map((i) => i.id)).toEqual(['Q1', 'Q2']);
    expect(new Set(data.respondents.map((r) => r.department))).toEqual(new Set(['Ventes', 'RH', 'Opérations']));
  });
});
