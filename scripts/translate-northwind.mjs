#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
// Writes the Northwind survey (../shared/fixtures/exports/EXPECTED.md, copied to
// test/fixtures/exports/) as a Google Forms responses sheet in English, French
// and German, from the canonical files alone (northwind-respondents.csv,
// northwind-canonical.csv, northwind-rankings-long.csv,
// northwind-channels-long.csv): the same 30 people and answers, with the
// labels, headers, question text, role, department and priority names in each
// language, the timestamp as Sheets writes it in that locale (3/5/2025 15:37:29,
// 05/03/2025 15:37:29, 05.03.2025 15:37:29) and the align.yml naming the leaders'
// role in that language. Comments stay as the respondents wrote them.
//
// Seeded (SEED below, mulberry32): in the French file each answer is written with
// the typographic apostrophe (D’accord, as Word, Forms and macOS type it) or the
// straight one (D'accord), respondent by respondent, so the file reads as the
// tools' wording does whichever a survey author used. Deterministic: running it
// twice gives the same bytes.
//
//   node scripts/translate-northwind.mjs [out-dir]   (default test/fixtures/languages)
import { seededRandom } from './lib/plain-wide.mjs';

const SEED = 20251129;
const IN = 'test/fixtures/exports';
const OUT = process.argv[2] ?? 'test/fixtures/languages';

const read = (name) => parse(readFileSync(join(IN, name)), { columns: true, bom: true });

const STATEMENTS = [
  "I can name the company's top three priorities for this quarter",
  'I know who owns each critical decision in my area',
  'When priorities change, I hear about it clearly and in time',
  'Leadership speaks with one voice about strategy',
  'I believe our strategy is the right one',
  'Decisions made by the leadership team stay made',
];
const PRIORITIES = [
  'Grow new-customer revenue',
  'Improve retention',
  'Launch the platform',
  'Cut operating cost',
  'Expand to EU',
  'Hire and retain talent',
  'Improve product quality',
  'Modernise internal systems',
];
const CHANNELS = ['All-hands meeting', 'Email from leadership', 'My manager', 'Chat (Slack, Teams)', "I usually don't hear about them"];
const ROLES = ['Executive', 'Manager'];
const DEPARTMENTS = ['Executive Office', 'Sales', 'Product', 'Operations', 'Finance', 'People'];

/**
 * Each language: the sheet's fixed headers, the questions, and the answers' wording. The statements
 * are the question bank's translations (src/audit/question-bank.ts), so dimensions and levels are
 * read as in English; the Likert labels are Microsoft Forms' (fr) and Qualtrics' (de) wording
 * (src/ingest/labels/fr.ts, de.ts).
 */
const LANGUAGES = {
  en: {
    timestamp: 'Timestamp',
    email: 'Email Address',
    name: 'Your name',
    role: 'What is your role?',
    department: 'Which department do you work in?',
    agree: 'How much do you agree with each statement?',
    rank: 'Rank these priorities for the next 12 months (1 = most important)',
    channels: 'Where do you usually hear about changes in priorities? (Select all that apply)',
    comment: 'Anything else the leadership team should know?',
    labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    statements: STATEMENTS,
    priorities: PRIORITIES,
    channelNames: CHANNELS,
    roles: ROLES,
    departments: DEPARTMENTS,
    time: (y, mo, d, t) => `${Number(mo)}/${Number(d)}/${y} ${t.replace(/^0/, '')}`,
  },
  fr: {
    timestamp: 'Horodateur',
    email: 'Adresse e-mail',
    name: 'Votre nom',
    role: 'Quel est votre rôle ?',
    department: 'Dans quel département travaillez-vous ?',
    agree: 'Dans quelle mesure êtes-vous d’accord avec chaque affirmation ?',
    rank: 'Classez ces priorités pour les 12 prochains mois (1 = la plus importante)',
    channels: 'Où entendez-vous habituellement parler des changements de priorités ? (Cochez toutes les réponses qui s’appliquent)',
    comment: 'Y a-t-il autre chose que l’équipe de direction devrait savoir ?',
    labels: ["Pas du tout d'accord", "Pas d'accord", "Ni d'accord ni pas d'accord", "D'accord", "Tout à fait d'accord"],
    statements: [
      "Je peux citer les trois grandes priorités de l'entreprise pour ce trimestre",
      'Je sais qui est responsable de chaque décision importante dans mon domaine',
      "Quand les priorités changent, j'en suis informé clairement et à temps",
      "La direction parle d'une seule voix sur la stratégie",
      'Je crois que notre stratégie est la bonne',
      "Les décisions prises par l'équipe de direction ne sont pas remises en cause",
    ],
    priorities: [
      'Accroître le chiffre d’affaires des nouveaux clients',
      'Améliorer la fidélisation',
      'Lancer la plateforme',
      'Réduire les coûts d’exploitation',
      'Se développer dans l’UE',
      'Recruter et fidéliser les talents',
      'Améliorer la qualité des produits',
      'Moderniser les systèmes internes',
    ],
    channelNames: ['Réunion générale', 'E-mail de la direction', 'Mon manager', 'Messagerie (Slack, Teams)', 'Je n’en entends généralement pas parler'],
    roles: ['Direction', 'Manager'],
    departments: ['Direction générale', 'Ventes', 'Produit', 'Opérations', 'Finance', 'Ressources humaines'],
    time: (y, mo, d, t) => `${d}/${mo}/${y} ${t}`,
    // the seeded choice between the straight and the typographic apostrophe
    apostrophes: true,
  },
  de: {
    timestamp: 'Zeitstempel',
    email: 'E-Mail-Adresse',
    name: 'Ihr Name',
    role: 'Was ist Ihre Rolle?',
    department: 'In welcher Abteilung arbeiten Sie?',
    agree: 'Wie sehr stimmen Sie den folgenden Aussagen zu?',
    rank: 'Bringen Sie diese Prioritäten für die nächsten 12 Monate in eine Rangfolge (1 = am wichtigsten)',
    channels: 'Wo erfahren Sie normalerweise von Änderungen der Prioritäten? (Mehrfachauswahl möglich)',
    comment: 'Gibt es noch etwas, das das Führungsteam wissen sollte?',
    labels: ['Stimme überhaupt nicht zu', 'Stimme nicht zu', 'Weder noch', 'Stimme zu', 'Stimme voll und ganz zu'],
    statements: [
      'Ich kann die drei wichtigsten Prioritäten des Unternehmens für dieses Quartal nennen',
      'Ich weiß, wer für jede wichtige Entscheidung in meinem Bereich zuständig ist',
      'Wenn sich Prioritäten ändern, erfahre ich davon klar und rechtzeitig',
      'Die Führung spricht mit einer Stimme über die Strategie',
      'Ich glaube, dass unsere Strategie die richtige ist',
      'Entscheidungen des Führungsteams haben Bestand',
    ],
    priorities: [
      'Umsatz mit Neukunden steigern',
      'Kundenbindung verbessern',
      'Die Plattform einführen',
      'Betriebskosten senken',
      'In die EU expandieren',
      'Talente gewinnen und halten',
      'Produktqualität verbessern',
      'Interne Systeme modernisieren',
    ],
    channelNames: ['Betriebsversammlung', 'E-Mail der Geschäftsleitung', 'Meine Führungskraft', 'Chat (Slack, Teams)', 'Ich erfahre meist nichts davon'],
    roles: ['Geschäftsleitung', 'Führungskraft'],
    departments: ['Vorstandsbüro', 'Vertrieb', 'Produkt', 'Betrieb', 'Finanzen', 'Personal'],
    time: (y, mo, d, t) => `${d}.${mo}.${y} ${t}`,
  },
};

const respondents = read('northwind-respondents.csv');
const answers = read('northwind-canonical.csv');
const ranks = read('northwind-rankings-long.csv');
const channels = read('northwind-channels-long.csv');

// Google Forms writes oldest first.
respondents.sort((a, b) => (a.submitted_utc < b.submitted_utc ? -1 : a.submitted_utc > b.submitted_utc ? 1 : 0));

function sheet(code) {
  const lang = LANGUAGES[code];
  const random = seededRandom(SEED);
  const header = [
    lang.timestamp,
    lang.email,
    lang.name,
    lang.role,
    lang.department,
    ...lang.statements.map((s) => `${lang.agree} [${s}]`),
    ...lang.priorities.map((p) => `${lang.rank} [${p}]`),
    lang.channels,
    lang.comment,
  ];
  const rows = respondents.map((r) => {
    const typographic = lang.apostrophes === true && random() < 0.5;
    const word = (text) => (typographic ? text.replaceAll("'", '’') : text);
    const [date, time] = r.submitted_utc.split(' ');
    const [y, mo, d] = date.split('-');
    const likert = STATEMENTS.map((s) => {
      const a = answers.find((x) => x.respondent_id === r.respondent_id && x.item === s);
      return a ? word(lang.labels[Number(a.value) - 1]) : '';
    });
    const ranking = PRIORITIES.map((p) => ranks.find((x) => x.respondent_id === r.respondent_id && x.priority === p)?.rank ?? '');
    const chosen = CHANNELS.filter((c) => channels.some((x) => x.respondent_id === r.respondent_id && x.channel === c)).map(
      (c) => lang.channelNames[CHANNELS.indexOf(c)],
    );
    return [
      lang.time(y, mo, d, time),
      r.email,
      r.name,
      lang.roles[ROLES.indexOf(r.role)],
      lang.departments[DEPARTMENTS.indexOf(r.department)],
      ...likert,
      ...ranking,
      chosen.join(', '),
      r.comment,
    ];
  });
  // a comment's own line break (LF inside a CRLF file) is quoted too, as Sheets writes it
  return stringify([header, ...rows], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

mkdirSync(OUT, { recursive: true });
for (const code of Object.keys(LANGUAGES)) {
  writeFileSync(join(OUT, `northwind-google-forms-${code}.csv`), sheet(code));
  const leaders = LANGUAGES[code].roles[0];
  writeFileSync(
    join(OUT, `northwind-${code}.align.yml`),
    `# Written by scripts/translate-northwind.mjs: the leaders' role as the ${code} survey names it.\nleaders: [${JSON.stringify(leaders)}]\n`,
  );
}
