/**
 * What ingest says of how it read a file (a "Sans opinion" middle, a 5-point
 * scale and its 7-point twin, a workbook's numbers formatted as dates, the
 * columns `align stack` leaves out), why a row is not a response (a tool's
 * own reason), how a --rankings file was joined, and why a pair of leaders
 * has no rank-biased overlap: each reaches a client's report (or the stack
 * view), so each is worded from the catalogue in the reader's language,
 * while the JSON keeps its English (ledger-wording.test.ts pins the English
 * word for word). One fixture, or one pair of files, per case.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OTHERS_TIED } from '../../src/audit/stack.js';
import { fmtNA } from '../../src/format.js';
import { withLanguage } from '../../src/i18n/index.js';
import { htmlText, inputStrings, unmarkedWords } from '../helpers/pseudo-check.js';
import { ROOT, runAlign } from '../helpers/run.js';

const QA = 'test/fixtures/qa14';
const I18N = 'test/fixtures/i18n';
const EXPORTS = 'test/fixtures/exports';

/** The report's data-quality section (its heading's last mention: the HTML's contents list names it first). */
function dataQuality(report: string, heading: string): string {
  return report.slice(report.lastIndexOf(heading));
}

async function report(args: readonly string[], lang: string, format = 'md'): Promise<string> {
  const run = await runAlign(['audit', ...args, '--format', format, '--lang', lang]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** Every string of a JSON value, one a line: the texts the JSON contract holds, unescaped. */
function strings(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.values(value).map(strings).join('\n');
  return '';
}

async function json(args: readonly string[], lang?: string): Promise<string> {
  const run = await runAlign(['audit', ...args, '--format', 'json', ...(lang ? ['--lang', lang] : [])]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

// Each case: the files, a phrase of its English (in the JSON), and the French and German a report shows instead.
// `cells`: what the pseudo-locale check takes as input besides the CSV files' cells it reads itself: a
// workbook's header and sheet name, the names of align's scales (align.yml's identifiers, never translated).
const REPORT_CASES: Array<{ name: string; args: string[]; english: string; fr: string; de: string; cells?: string[] }> = [
  {
    name: '"Sans opinion" read as the middle of a scale',
    args: [`${QA}/fr5-sansopinion-mid.csv`],
    cells: ['agreement'],
    english: 'is read as the middle of the agreement scale (3 of 5), which no other answer there is',
    fr: '«\u202fSans opinion\u202f» (8 réponses dans la colonne «\u202fQ1\u202f» et 5 autres colonnes lues avec elle) est lu comme le point médian de l’échelle agreement (3 sur 5), qu’aucune autre réponse n’occupe\u202f; s’il signifie une absence de réponse, indiquez-le dans align.yml\u202f: scales: {agreement: {labels: {}, missing: \\[«\u202fSans opinion\u202f»\\]}}',
    de: '„Sans opinion“ (8 Antworten in der Spalte „Q1“ und 5 weiteren, mit ihr gelesenen Spalten) wird als Mitte der Skala agreement gelesen (3 von 5)',
  },
  {
    name: 'labels of a 5-point scale and its 7-point twin, read on 5 points',
    args: [`${QA}/es7-noalgo.csv`],
    cells: ['agreement', 'agreement-7'],
    english: 'of column "Q1" and 5 more read with it are labels of both the 5-point agreement scale (1, 2, 4, 5 of 5) and the 7-point agreement-7 scale',
    fr: 'de la colonne «\u202fQ1\u202f» et de 5 autres colonnes lues avec elle sont des libellés à la fois de l’échelle agreement à 5 points (1, 2, 4, 5 sur 5) et de l’échelle agreement-7 à 7 points (1, 2, 6, 7 sur 7)\u202f: elles sont lues sur 5 points\u202f; si l’enquête en utilisait 7, indiquez-le dans align.yml',
    de: 'der Spalte „Q1“ und 5 weiterer, mit ihr gelesener Spalten sind Bezeichnungen sowohl der 5-stufigen Skala agreement (1, 2, 4, 5 von 5) als auch der 7-stufigen Skala agreement-7 (1, 2, 6, 7 von 7): gelesen auf 5 Stufen',
  },
  {
    name: "a workbook's whole numbers formatted as dates",
    args: [`${QA}/num-datestyle.xlsx`],
    cells: ['Q1', 'S'],
    english: 'column "Q1": 12 cells formatted as dates hold whole numbers (5 shows as 1900-01-05)',
    fr: 'colonne «\u202fQ1\u202f»\u202f: 12 cellules au format date contiennent des nombres entiers (5 s’affiche comme 1900-01-05)\u202f: lues comme des nombres, aucune enquête ne contenant de dates du début de 1900',
    de: 'Spalte „Q1“: 12 als Datum formatierte Zellen enthalten ganze Zahlen (5 erscheint als 1900-01-05): als Zahlen gelesen',
  },
  {
    name: "a Qualtrics response left unfinished (the format module's reason)",
    args: [`${I18N}/qualtrics-unfinished.csv`],
    english: 'unfinished response (Qualtrics Finished = False, Progress 45%)',
    fr: 'réponse inachevée (Qualtrics Finished = False, Progress 45\u202f%)',
    de: 'Nicht abgeschlossene Antwort (Qualtrics Finished = False, Progress 45\u00a0%)',
  },
  {
    name: "a leader's tied stack has no rank-biased overlap (the name as written)",
    args: [`${I18N}/rbo-tie.csv`],
    english: 'Ben Okoro gave two priorities the same rank; rank-biased overlap needs untied lists',
    fr: 'n.d. (Ben Okoro a donné le même rang à deux priorités\u202f; le chevauchement pondéré par le rang (RBO) exige des listes sans ex æquo)',
    de: 'Ben Okoro hat zwei Prioritäten denselben Rang gegeben; die rangbasierte Überlappung (RBO) setzt Listen ohne Gleichstände voraus',
  },
  {
    name: "--rankings: the survey's own ranking set aside, and a stack that matches nobody",
    args: [`${EXPORTS}/microsoft-forms.csv`, '--rankings', `${I18N}/stacks-nobody.csv`],
    english: 'stack not used: it matches no survey respondent by respondent id, email or name',
    fr: 'classement non utilisé\u202f: il ne correspond à aucun répondant de l’enquête par identifiant de répondant, adresse e-mail ou nom',
    de: 'Prioritätenliste nicht verwendet: Sie passt zu keiner antwortenden Person der Umfrage nach Antwortenden-ID, E-Mail-Adresse oder Name',
  },
  {
    name: '--rankings: ids the names contradict',
    args: [`${EXPORTS}/limesurvey-fulltext.csv`, '--rankings', 'test/fixtures/ugly/stacks-local-ids.csv'],
    english: '29 stacks have a respondent id that belongs to a survey respondent of another name',
    fr: '29 classements portent un identifiant de répondant appartenant à un répondant de l’enquête d’un autre nom\u202f; le rapprochement se fait alors par la règle suivante',
    de: '29 Prioritätenlisten tragen eine Antwortenden-ID, die zu einer antwortenden Person der Umfrage mit anderem Namen gehört; stattdessen nach der nächsten Regel zugeordnet',
  },
];

describe('a French or German report words how the input was read in its language; the JSON keeps the English', () => {
  test.each(REPORT_CASES)('$name', async ({ args, english, fr, de }) => {
    const en = await json(args);
    expect(strings(JSON.parse(en))).toContain(english);
    // the JSON contract is English whatever the reader's language
    expect(await json(args, 'fr')).toBe(en);
    const french = await report(args, 'fr');
    expect(french).toContain(fr);
    expect(french).not.toContain(english);
    const german = await report(args, 'de');
    expect(german).toContain(de);
    expect(german).not.toContain(english);
  });

  test("--rankings: the note that the survey's own ranking is set aside", async () => {
    const args = [`${EXPORTS}/microsoft-forms.csv`, '--rankings', `${I18N}/stacks-nobody.csv`];
    expect(await report(args, 'fr')).toContain(
      `la question de classement de l’enquête n’est pas utilisée\u202f: les classements sont lus dans ${I18N}/stacks-nobody.csv (--rankings)`,
    );
    expect(await report(args, 'de')).toContain(
      `Die Rangfolgefrage der Umfrage selbst wird nicht verwendet: Die Prioritätenlisten stammen aus ${I18N}/stacks-nobody.csv (--rankings)`,
    );
  });

  test('the HTML report words them the same way', async () => {
    const html = await report([`${I18N}/rbo-tie.csv`], 'fr', 'html');
    expect(htmlText(html)).toContain(
      'Ben Okoro a donné le même rang à deux priorités\u202f; le chevauchement pondéré par le rang (RBO) exige des listes sans ex æquo',
    );
  });
});

describe('with the pseudo-locale, every word of these notes and reasons comes from the catalogue', () => {
  test.each(REPORT_CASES)('$name', async ({ args, cells = [] }) => {
    const md = await report(args, 'qps');
    // the files' own cells, paths and names may stand outside the markers; nothing else with a letter
    const files = args.filter((a) => a.endsWith('.csv')).map((a) => join(ROOT, a));
    const input = inputStrings(files, undefined, [...args, ...cells]);
    expect(unmarkedWords(dataQuality(md, '⟦Data quality⟧'), input)).toEqual([]);
  });

  test("the pairs' table, where a tied leader's RBO reason stands", async () => {
    const args = [`${I18N}/rbo-tie.csv`];
    const md = await report(args, 'qps');
    const from = md.indexOf('⟦Who agrees with whom⟧');
    expect(from).toBeGreaterThan(-1);
    const pairs = md.slice(from, md.indexOf('\n#', from + 1));
    expect(pairs).toContain('Ben Okoro⟦ gave two priorities the same rank; rank-biased overlap needs untied lists⟧');
    // leaders' initials head the matrix beside it
    expect(unmarkedWords(pairs, inputStrings([join(ROOT, args[0]!)], undefined, args, ['Ana Ruiz', 'Ben Okoro', 'Cleo Park']))).toEqual([]);
  });
});

describe("the reasons with numbers in them a report words from a message (the stack's, beside the pairs and the consensus methods)", () => {
  test('more leaders than a pairwise list can show: counts grouped as the reader writes them', async () => {
    const args = [`${I18N}/many-leaders.csv`];
    const en = await json(args);
    expect(JSON.parse(en).stack.pairsReason).toBe('61 leaders make 1,830 pairs, more than a pairwise list can show (it stops at 60 leaders)');
    expect(await json(args, 'fr')).toBe(en);
    expect(await report(args, 'fr')).toContain(
      // (the words around it, "Non listé :", are the table's own, not this reason's)
      '61 dirigeants forment 1\u202f830 paires, plus qu’une liste par paires ne peut en montrer (elle s’arrête à 60 dirigeants).',
    );
    expect(await report(args, 'de')).toContain(
      '61 Führungskräfte bilden 1.830 Paare, mehr als eine paarweise Liste zeigen kann (sie endet bei 60 Führungskräften)',
    );
    const stack = await runAlign(['stack', ...args, '--lang', 'fr', '--no-color']);
    expect(stack.code, stack.stderr).toBe(0);
    expect(stack.stdout.replace(/\s+/g, ' ')).toContain('61 dirigeants forment 1 830 paires');
  });

  test('more priorities than exact Kemeny is computed for', async () => {
    const args = [`${I18N}/many-priorities.csv`];
    expect(JSON.parse(await json(args)).stack.kemenyReason).toBe('exact Kemeny is computed for at most 16 priorities; this stack has 17');
    expect(await report(args, 'fr')).toContain('la méthode de Kemeny exacte n’est calculée que pour 16 priorités au plus\u202f; ce classement en compte 17');
    expect(await report(args, 'de')).toContain('Das exakte Kemeny-Verfahren wird für höchstens 16 Prioritäten berechnet; diese Prioritätenliste hat 17');
  });
});

describe("the audit's fixed reasons the reader style's n/a words from audit: keys", () => {
  // each as the audit writes it (src/audit), its French and German
  const REASONS = [
    [
      'only one leader ranked, so there is nobody to compare with',
      'un seul dirigeant a établi un classement, il n’y a donc personne avec qui le comparer',
      'nur eine Führungskraft hat Prioritäten eingeordnet, es gibt also niemanden zum Vergleich',
    ],
    [
      OTHERS_TIED,
      'les classements des autres dirigeants s’annulent\u202f: ensemble, ils placent toutes les priorités au même rang, il n’y a donc aucun ordre auquel comparer',
      'die Prioritätenlisten der anderen Führungskräfte heben sich auf: Zusammen ordnen sie jede Priorität gleich ein, es gibt also keine Reihenfolge zum Vergleich',
    ],
    ['W is undefined for these stacks', 'W n’est pas défini pour ces classements', 'W ist für diese Prioritätenlisten nicht definiert'],
    ['no answers from one of the two groups', 'aucune réponse de l’un des deux groupes', 'keine Antworten aus einer der beiden Gruppen'],
    ['no one in this group answered the question', 'personne dans ce groupe n’a répondu à la question', 'niemand in dieser Gruppe hat die Frage beantwortet'],
    [
      'no one in this group gave an answer to score',
      'personne dans ce groupe n’a donné de réponse à évaluer',
      'niemand in dieser Gruppe hat eine auswertbare Antwort gegeben',
    ],
  ] as const;

  test.each(REASONS)('%s', (english, fr, de) => {
    // the key is the audit's own text: a reworded reason would fall back to English in silence
    const audit = readdirSync(join(ROOT, 'src/audit'))
      .map((f) => readFileSync(join(ROOT, 'src/audit', f), 'utf8'))
      .join('\n');
    expect(audit).toContain(english);
    expect(fmtNA(english)).toBe(`n/a (${english})`);
    expect(withLanguage('fr', () => fmtNA(english))).toContain(fr);
    expect(withLanguage('de', () => fmtNA(english))).toContain(de);
  });

  test('in a French report: a leader with nobody to compare with, and one whose colleagues cancel out', async () => {
    expect(await report([`${I18N}/one-leader.csv`], 'fr')).toContain('un seul dirigeant a établi un classement, il n’y a donc personne avec qui le comparer');
    const cancel = await report([`${I18N}/others-cancel-out.csv`], 'fr');
    expect(cancel).toContain('les classements des autres dirigeants s’annulent');
    expect(cancel).not.toContain('cancel out');
  });
});

describe("align stack (which leaves unreadable Likert columns out) words its notes in the reader's language", () => {
  const STACK = `${I18N}/reading-stack.csv`;

  test('French: a grid on no known scale, garbled labels, a 5-point scale and its twin, and labels of two languages named in French', async () => {
    const run = await runAlign(['stack', STACK, '--lang', 'fr', '--no-color']);
    expect(run.code, run.stderr).toBe(0);
    // the terminal wraps long lines: compare the words, not the line breaks
    const text = run.stdout.replace(/\s+/g, ' ');
    for (const words of [
      'les 2 colonnes de la question « How true is this? » partagent les réponses « Mostly », « Partly », « Hardly », qui ne forment pas une échelle de Likert connue d’align : écartées',
      'les réponses (« Dâ€™accord », « Pas dâ€™accord ») ressemblent à un texte décodé avec un mauvais encodage',
      'et aucune réponse n’indique laquelle l’enquête utilisait (colonne « Q1 ») : lues sur 5 points ; indiquez laquelle dans align.yml : scales: {agreement-7: {labels: {"Plutôt d\'accord": 5}}} les lit sur 7 points',
      "les réponses sont des libellés de 2 langues, sans langue commune à toutes : « Agree » (anglais), « Tout à fait d'accord » (français), « Disagree » (anglais), « Pas d'accord » (français) (colonne « Tone [Clear] ») : écartée",
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/left out|share the answers|look like text|no answer tells|languages with none/);
  });

  test('German, and the JSON in English with the language names as before', async () => {
    const de = await runAlign(['stack', STACK, '--lang', 'de', '--no-color']);
    expect(de.code, de.stderr).toBe(0);
    expect(de.stdout.replace(/\s+/g, ' ')).toContain("„Agree“ (Englisch), „Tout à fait d'accord“ (Französisch)");
    const en = await runAlign(['stack', STACK, '--json']);
    expect(JSON.parse(en.stdout).input.notes.map((n: { note: string }) => n.note)).toContain(
      'the answers are labels of 2 languages with none common to all: "Agree" (English), "Tout à fait d\'accord" (French), "Disagree" (English), "Pas d\'accord" (French) (column "Tone [Clear]"): left out (Likert answers are not used here)',
    );
  });

  test("labels in a language align.yml leaves out: the language named in the reader's language", async () => {
    const args = ['stack', `${I18N}/reading-languages.csv`, '--config', `${I18N}/reading-languages.align.yml`];
    const en = await runAlign([...args, '--json']);
    expect(en.code, en.stderr).toBe(0);
    expect(JSON.parse(en.stdout).input.notes.map((n: { note: string }) => n.note)).toContain(
      'the answers ("D\'accord", "Pas d\'accord", "Tout à fait d\'accord") are labels of the agreement scale in French, which align.yml languages (en) leaves out (column "Q1"); add fr to align.yml languages: [en, fr], or correct the answers',
    );
    const fr = await runAlign([...args, '--lang', 'fr', '--no-color']);
    expect(fr.stdout.replace(/\s+/g, ' ')).toContain(
      'sont des libellés de l’échelle agreement en français, langue que la liste languages d’align.yml (en) ne comprend pas (colonne « Q1 ») ; ajoutez fr à la liste languages d’align.yml : [en, fr], ou corrigez les réponses',
    );
  });
});
