// Headers, tool fingerprints, numbers and dates as exports in French, German, Spanish, Portuguese,
// Italian and Dutch write them (issue 14): translated metadata columns still name the tool,
// role/department/ranking headers are read in those languages, a decimal comma is a decimal mark,
// and a European date is read day first when the file or the tool says so, never by a guess.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { recogniseAttribute } from '../../src/ingest/columns.js';
import { asksForOrder } from '../../src/ingest/infer.js';
import { decideDateOrder } from '../../src/ingest/timestamps.js';
import { inputError, REAL, readText } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from './temp-files.js';

const folder = tempFolder();
afterAll(() => folder.remove());

describe('role, department and other headers in the six languages', () => {
  it.each([
    ['Rolle', 'role'],
    ['Was ist Ihre Rolle?', 'role'],
    ['Quel est votre rôle ?', 'role'],
    ['Fonction', 'role'],
    ['Función', 'role'],
    ['¿Cuál es su rol?', 'role'],
    ['Qual é o seu papel?', 'role'],
    ['Ruolo', 'role'],
    ['Wat is uw rol?', 'role'],
    ['Abteilung', 'department'],
    ['In welcher Abteilung arbeiten Sie?', 'department'],
    ['Département', 'department'],
    ['DEPARTEMENT', 'department'],
    ['Dans quel service travaillez-vous ?', 'department'],
    ['¿En qué departamento trabaja?', 'department'],
    ['Em que departamento você trabalha?', 'department'],
    ['Reparto', 'department'],
    ['Afdeling', 'department'],
    ['Votre nom', 'name'],
    ['Nombre completo', 'name'],
    ['Adresse e-mail', 'email'],
    ['E-Mail-Adresse', 'email'],
    ['Horodateur', 'submitted'],
    ['Heure de fin', 'submitted'],
    ['Fertigstellungszeit', 'submitted'],
    ['Commentaires', 'comment'],
    ['Anmerkungen', 'comment'],
  ])('%j reads as %s', (header, role) => {
    expect(recogniseAttribute(header)?.role).toBe(role);
  });

  it('a Likert statement that names a department is no department column', () => {
    expect(recogniseAttribute('Mon département communique bien les priorités')).toBeNull();
    expect(recogniseAttribute('Meine Abteilung kennt die Strategie')).toBeNull();
  });

  it.each([
    'Classez ces priorités (1 = la plus importante)',
    'Bringen Sie diese Prioritäten in eine Rangfolge',
    'Ordene estas prioridades de 1 a 8',
    'Classifique por ordem de importância',
    'Ordina queste priorità',
    'Rangschik deze prioriteiten',
  ])('%j asks for a ranking', (header) => {
    expect(asksForOrder(header)).toBe(true);
  });
  it('a statement about priorities asks for none', () => {
    expect(asksForOrder('Je connais les priorités de l’entreprise')).toBe(false);
  });
});

describe('tool fingerprints that survive a translated export', () => {
  it('SurveyMonkey in French: "ID du répondant", "ID du collecteur" and a second row of "Réponse"', async () => {
    const text = [
      'ID du répondant,ID du collecteur,Date de début,Date de fin,Adresse IP,Adresse e-mail,Prénom,Nom de famille,Données personnalisées 1,Quel est votre rôle ?,Dans quel département travaillez-vous ?,Dans quelle mesure êtes-vous d’accord ?,,',
      ',,,,,,,,,Réponse,Réponse,Je connais nos priorités,Je sais qui décide',
      "11452402209,431277810,03/07/2025 03:44:30 PM,03/07/2025 03:52:07 PM,203.0.113.2,ann@example.com,Ann,Martin,,Direction,Ventes,Tout à fait d'accord,D'accord",
      "11452402210,431277810,03/07/2025 04:44:30 PM,03/07/2025 04:52:07 PM,203.0.113.3,bob@example.com,Bob,Durand,,Manager,Ventes,Pas d'accord,Neutre",
    ].join('\n');
    const path = folder.write('surveymonkey-fr.csv', text);
    const run = await runAlign(['inspect', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tool\s+surveymonkey: SurveyMonkey: "Respondent ID" and "Collector ID"/);
    expect(run.stdout).toMatch(/header rows\s+2/);
    expect(run.stdout).toMatch(/ID du répondant\s+id\s/);
    expect(run.stdout).toMatch(/Date de fin\s+submitted\s/);
    const dataset = await readText(folder, 'surveymonkey-fr2.csv', text, { config: { leaders: ['Direction'] } });
    expect(dataset.files[0]!.format).toBe('surveymonkey');
    expect(dataset.respondents.map((r) => [r.role, r.department, Object.values(likertRecord(r.likert))])).toEqual([
      ['Direction', 'Ventes', [5, 4]],
      ['Manager', 'Ventes', [2, 3]],
    ]);
  });

  it('Microsoft Forms in German: ID, Startzeit, Fertigstellungszeit, E-Mail, Name; its dates day first', async () => {
    const text = [
      'ID,Startzeit,Fertigstellungszeit,E-Mail,Name,Was ist Ihre Rolle?,Abteilung,Ich kenne unsere Prioritäten,Ich weiß wer entscheidet,Die Führung spricht mit einer Stimme',
      '1,04.03.25 09:27:10,04.03.25 09:30:57,anna@example.com,Anna Schmidt,Geschäftsleitung,Vertrieb,Stimme voll und ganz zu,Stimme zu,Weder noch',
      '2,03.04.25 10:23:10,03.04.25 10:26:28,ben@example.com,Ben Weber,Führungskraft,Vertrieb,Stimme nicht zu,Weiß nicht,Stimme überhaupt nicht zu',
    ].join('\n');
    const dataset = await readText(folder, 'msforms-de.csv', text, { config: { leaders: ['Geschäftsleitung'] } });
    expect(dataset.files[0]!.format).toBe('microsoft-forms');
    const [anna, ben] = dataset.respondents;
    expect(anna!.email).toBe('anna@example.com');
    expect(anna!.submitted).toBe(Date.UTC(2025, 2, 4, 9, 30, 57));
    expect(ben!.submitted).toBe(Date.UTC(2025, 3, 3, 10, 26, 28));
    expect(Object.values(likertRecord(ben!.likert))).toEqual([2, 1]); // "Weiß nicht" is no answer
  });

  it.skipIf(!existsSync(REAL))('Qualtrics with its second header row in German (the qualtRics sample): Antwort-ID, Erfassungsdatum', async () => {
    const run = await runAlign(['inspect', join(REAL, 'qualtrics-qualtRics-sample.csv')]);
    expect(run.stdout).toMatch(/tool\s+qualtrics:/);
    expect(run.stdout).toMatch(/Antwort-ID\s+id\s/);
    expect(run.stdout).toMatch(/Erfassungsdatum\s+submitted\s/);
    expect(run.stdout).toMatch(/Antworttyp\s+metadata\s/);
  });
});

describe('numbers as people type them: a decimal comma', () => {
  const semicolon = (rows: string[]) => ['name;role;department;Q1;Q2;Q3', ...rows].join('\r\n');
  const rows = ['Ann;Executive;Sales;4,0;5,0;3,0', 'Bob;Manager;Sales;2,0;4;1,0', 'Cy;Manager;Sales;5;3,0;2'];

  it('"4,0" in a numeric Likert column of a semicolon-delimited file is 4', async () => {
    const dataset = await readText(folder, 'comma.csv', semicolon(rows));
    expect(dataset.files[0]!.delimiter).toBe(';');
    expect(dataset.respondents.map((r) => Object.values(likertRecord(r.likert)))).toEqual([
      [4, 5, 3],
      [2, 4, 1],
      [5, 3, 2],
    ]);
  });

  it('align inspect lists the columns written with a decimal comma', async () => {
    const run = await runAlign(['inspect', folder.write('comma2.csv', semicolon(rows))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/numbers\s+decimal comma \("4,0" is 4\) in 3 Likert columns: "Q1", "Q2", "Q3"/);
  });

  it('"3,5" is read as 3.5 and refused as no whole point of the scale, with its line and column', async () => {
    const e = await inputError(() => readText(folder, 'half.csv', semicolon([...rows, 'Dee;Manager;Sales;3,5;4;4'])));
    expect(e.line).toBe(5);
    expect(e.column).toBe('Q1');
    expect(e.problem).toBe('"3,5" is 3.5, between two points of the 1..5 scale (answers are its whole points)');
  });

  it('"1,000" (a thousands separator) is no decimal', async () => {
    const { integerAnswer, fractionalAnswer } = await import('../../src/ingest/likert.js');
    expect(integerAnswer('1,000')).toBeNull();
    expect(fractionalAnswer('1,000')).toBeNull();
    expect(integerAnswer('4,00')).toBe(4);
    expect(fractionalAnswer('2,25')).toBe(2.25);
  });
});

describe('European dates in the tools’ timestamp columns', () => {
  it('decideDateOrder: a day above 12, dotted dates, the tool’s language, its spelling, align.yml; else null', () => {
    expect(decideDateOrder(['05/03/2025 10:00:00', '25/03/2025 10:00:00'], {})).toEqual({
      order: 'dmy',
      how: 'a day above 12 comes first ("25/03/2025 10:00:00")',
    });
    expect(decideDateOrder(['03/25/2025'], {})?.order).toBe('mdy');
    expect(decideDateOrder(['05.03.2025 10:00:00'], {})?.order).toBe('dmy');
    expect(decideDateOrder(['05/03/2025'], { known: { order: 'dmy', how: 'French' } })?.how).toBe('French');
    expect(decideDateOrder(['3/5/2025 9:00:00'], { spelling: true })?.order).toBe('mdy');
    expect(decideDateOrder(['03/05/2025 09:00:00'], { spelling: true })?.order).toBe('dmy');
    expect(decideDateOrder(['05/03/2025'], {})).toBeNull();
    expect(decideDateOrder(['10/11/2025 10:00:00'], { spelling: true })).toBeNull();
    expect(decideDateOrder(['25/03/2025'], { configured: 'mdy' })?.how).toBe('align.yml dateOrder: mdy');
    expect(decideDateOrder(['2025-03-05 10:00:00'], {})?.how).toBe('no day/month dates to order');
    // Dutch Sheets joins with dashes: as ambiguous as slashes, settled by the header's language
    expect(decideDateOrder(['5-3-2025 10:00:00'], {})).toBeNull();
    expect(decideDateOrder(['5-3-2025 10:00:00'], { known: { order: 'dmy', how: 'Dutch' } })?.order).toBe('dmy');
  });

  // The same respondent twice: the later submission wins, and which is later depends on the order.
  const sheet = (timestamp: string, first: string, second: string) =>
    [
      `${timestamp},Adresse e-mail,Votre nom,Votre rôle,Q1,Q2,Q3`,
      `${first},ann@example.com,Ann,Direction,5,5,5`,
      `${second},ann@example.com,Ann,Direction,1,1,1`,
      `${second},bob@example.com,Bob,Manager,3,3,3`,
    ].join('\n');

  it('Google Sheets in French ("Horodateur") writes dd/mm/yyyy: 03/04/2025 is 3 April, after 04/03/2025', async () => {
    const dataset = await readText(folder, 'gf-fr.csv', sheet('Horodateur', '03/04/2025 09:00:00', '04/03/2025 10:00:00'), {
      config: { leaders: ['Direction'] },
    });
    expect(dataset.files[0]!.format).toBe('google-forms');
    const ann = dataset.respondents.find((r) => r.name === 'Ann')!;
    expect(ann.submitted).toBe(Date.UTC(2025, 3, 3, 9, 0, 0));
    expect(Object.values(likertRecord(ann.likert))).toEqual([5, 5, 5]);
    const run = await runAlign(['inspect', folder.write('gf-fr2.csv', sheet('Horodateur', '03/04/2025 09:00:00', '04/03/2025 10:00:00'))]);
    expect(run.stdout).toMatch(
      /dates\s+"Horodateur" read day first \(31\/12\/2025\): the first column is headed "Horodateur": Google Sheets in a day-first language/,
    );
  });

  it('Google Sheets in Dutch ("Tijdstempel") writes d-m-yyyy: 3-4-2025 is 3 April', async () => {
    const dataset = await readText(folder, 'gf-nl.csv', sheet('Tijdstempel', '3-4-2025 9:00:00', '4-3-2025 10:00:00'), {
      config: { leaders: ['Direction'] },
    });
    expect(dataset.files[0]!.format).toBe('google-forms');
    expect(dataset.respondents.find((r) => r.name === 'Ann')!.submitted).toBe(Date.UTC(2025, 3, 3, 9, 0, 0));
  });

  it('dd.mm.yyyy is day first whatever the header', async () => {
    const dataset = await readText(folder, 'gf-de.csv', sheet('Zeitstempel', '03.04.2025 09:00:00', '04.03.2025 10:00:00'), {
      config: { leaders: ['Direction'] },
    });
    expect(dataset.respondents.find((r) => r.name === 'Ann')!.submitted).toBe(Date.UTC(2025, 3, 3, 9, 0, 0));
  });

  it('an ambiguous column (every day and month 12 or less, nothing else saying) that decides which submission is later stops with exit 2 naming dateOrder', async () => {
    // month first: 11 October, then 10 November (line 3 kept); day first: 10 November, then 11 October (line 2 kept)
    const text = sheet('Timestamp', '10/11/2025 09:00:00', '11/10/2025 10:00:00');
    const run = await runAlign(['audit', folder.write('gf-amb.csv', text), '--leaders', 'Direction', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('gf-amb.csv:2:"Timestamp"');
    expect(run.stderr).toContain('could be day first or month first ("10/11/2025 09:00:00"');
    expect(run.stderr).toContain('dateOrder: dmy');
  });

  it('align.yml dateOrder settles it', async () => {
    const text = sheet('Timestamp', '10/11/2025 09:00:00', '11/10/2025 10:00:00');
    const dmy = await readText(folder, 'gf-amb2.csv', text, { config: { leaders: ['Direction'], dateOrder: 'dmy' } });
    // day first: 10 November (5s) is later than 11 October (1s)
    const annDmy = dmy.respondents.find((r) => r.name === 'Ann')!;
    expect([annDmy.submitted, Object.values(likertRecord(annDmy.likert))]).toEqual([Date.UTC(2025, 10, 10, 9, 0, 0), [5, 5, 5]]);
    // month first: 10 November is the second row (1s), later than 11 October
    const mdy = await readText(folder, 'gf-amb3.csv', text, { config: { leaders: ['Direction'], dateOrder: 'mdy' } });
    const annMdy = mdy.respondents.find((r) => r.name === 'Ann')!;
    expect([annMdy.submitted, Object.values(likertRecord(annMdy.likert))]).toEqual([Date.UTC(2025, 10, 10, 10, 0, 0), [1, 1, 1]]);
  });
});

describe('align.yml languages and dateOrder', () => {
  it('a language align does not read is an error naming the key', async () => {
    const { configError } = await import('../helpers/read.js');
    expect(configError('languages: [en, xx]').message).toContain('languages');
    expect(configError('dateOrder: ymd').message).toContain('dateOrder');
  });
});
