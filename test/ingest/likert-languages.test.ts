// Likert labels in French, German, Spanish, Portuguese, Italian and Dutch (issue 14): the tools'
// own wording (src/ingest/labels/<language>.ts cites where each comes from) reads to the point it
// names, on the scale it belongs to; case, accents, apostrophes and spacing do not matter; the
// "don't know" answers of each language are missing; a question mixing languages is refused.

import { afterAll, describe, expect, it } from 'vitest';
import { likertRecord } from '../../src/ingest/answers.js';
import { LABEL_TABLES } from '../../src/ingest/labels/index.js';
import { bestScale, findScale, isMissingAnswer, labelKey, likertValue, mixedLanguages, type Scale, scalesFor } from '../../src/ingest/likert.js';
import { inputError, readText } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from './temp-files.js';

const SCALES = scalesFor(undefined);

/** The scale bestScale reads `labels` on, and each label's value there. */
function read(labels: readonly string[]): { scale: string; values: Array<number | null | undefined> } {
  const fit = bestScale(labels, SCALES);
  expect(fit, labels.join(' / ')).not.toBeNull();
  expect(fit!.unknown).toEqual([]);
  return { scale: fit!.scale.name, values: labels.map((l) => likertValue(l, fit!.scale)) };
}

// Each row: the tool, the labels it writes lowest first, the scale they are.
const WORDING: ReadonlyArray<[string, string, readonly string[]]> = [
  ['Microsoft Forms, French', 'agreement', ["Pas du tout d'accord", "Pas d'accord", 'Neutre', "D'accord", "Tout à fait d'accord"]],
  [
    'SurveyMonkey, French',
    'agreement',
    ["Pas du tout d'accord", "Pas vraiment d'accord", "Ni d'accord, ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
  ],
  [
    'Qualtrics, French, 7 points',
    'agreement-7',
    ["Pas du tout d'accord", "Pas d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "D'accord", "Tout à fait d'accord"],
  ],
  ['Microsoft Forms, German', 'agreement', ['Stimme überhaupt nicht zu', 'Stimme nicht zu', 'Neutral', 'Stimme zu', 'Stimme voll und ganz zu']],
  [
    'SurveyMonkey, German',
    'agreement',
    ['Stimme überhaupt nicht zu', 'Stimme eher nicht zu', 'Stimme weder zu noch nicht zu', 'Stimme eher zu', 'Stimme völlig zu'],
  ],
  [
    'Qualtrics, German, 7 points',
    'agreement-7',
    ['Stimme überhaupt nicht zu', 'Stimme nicht zu', 'Stimme eher nicht zu', 'Weder noch', 'Stimme eher zu', 'Stimme zu', 'Stimme voll und ganz zu'],
  ],
  [
    'German employee surveys, "trifft zu"',
    'agreement',
    ['Trifft überhaupt nicht zu', 'Trifft eher nicht zu', 'Teils, teils', 'Trifft eher zu', 'Trifft voll und ganz zu'],
  ],
  ['Microsoft Forms, Spanish', 'agreement', ['Totalmente en desacuerdo', 'En desacuerdo', 'Neutral', 'De acuerdo', 'Totalmente de acuerdo']],
  [
    'Qualtrics, Spanish, 7 points',
    'agreement-7',
    [
      'Totalmente en desacuerdo',
      'En desacuerdo',
      'Algo en desacuerdo',
      'Ni de acuerdo ni en desacuerdo',
      'Algo de acuerdo',
      'De acuerdo',
      'Totalmente de acuerdo',
    ],
  ],
  ['Microsoft Forms, Portuguese', 'agreement', ['Discordo totalmente', 'Discordo', 'Neutro', 'Concordo', 'Concordo totalmente']],
  ['Brazilian 5 points', 'agreement', ['Discordo totalmente', 'Discordo parcialmente', 'Indiferente', 'Concordo parcialmente', 'Concordo totalmente']],
  [
    'Qualtrics, Portuguese, 7 points',
    'agreement-7',
    ['Discordo totalmente', 'Discordo', 'Discordo parcialmente', 'Não concordo nem discordo', 'Concordo parcialmente', 'Concordo', 'Concordo totalmente'],
  ],
  ['Microsoft Forms, Italian', 'agreement', ['Fortemente in disaccordo', 'In disaccordo', 'Neutrale', "D'accordo", "Fortemente d'accordo"]],
  ['Italian 5 points', 'agreement', ["Per niente d'accordo", "Poco d'accordo", "Né d'accordo né in disaccordo", "Abbastanza d'accordo", "Molto d'accordo"]],
  ['Microsoft Forms, Dutch', 'agreement', ['Helemaal mee oneens', 'Mee oneens', 'Neutraal', 'Mee eens', 'Helemaal mee eens']],
  [
    'Qualtrics, Dutch, 7 points',
    'agreement-7',
    ['Helemaal mee oneens', 'Mee oneens', 'Enigszins mee oneens', 'Niet mee eens, niet mee oneens', 'Enigszins mee eens', 'Mee eens', 'Helemaal mee eens'],
  ],
  ['SurveyMonkey, French, frequency', 'frequency', ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours']],
  ['SurveyMonkey, German, frequency', 'frequency', ['Nie', 'Selten', 'Manchmal', 'Häufig', 'Immer']],
  ['Spanish frequency', 'frequency', ['Nunca', 'Rara vez', 'A veces', 'Frecuentemente', 'Siempre']],
  ['Portuguese frequency', 'frequency', ['Nunca', 'Raramente', 'Às vezes', 'Frequentemente', 'Sempre']],
  ['Italian frequency', 'frequency', ['Mai', 'Raramente', 'A volte', 'Spesso', 'Sempre']],
  ['Dutch frequency', 'frequency', ['Nooit', 'Zelden', 'Soms', 'Vaak', 'Altijd']],
  ['French extent', 'extent', ['Pas du tout', 'Dans une faible mesure', 'Dans une certaine mesure', 'Dans une large mesure', 'Dans une très large mesure']],
  ['German extent', 'extent', ['Überhaupt nicht', 'In geringem Maße', 'In gewissem Maße', 'In hohem Maße', 'In sehr hohem Maße']],
  ['Spanish extent', 'extent', ['En absoluto', 'En pequeña medida', 'En cierta medida', 'En gran medida', 'En muy gran medida']],
  ['Portuguese extent', 'extent', ['De modo nenhum', 'Em pequena medida', 'Em alguma medida', 'Em grande medida', 'Em muito grande medida']],
  ['Italian extent', 'extent', ['Per niente', 'In piccola misura', 'In una certa misura', 'In larga misura', 'In larghissima misura']],
  ['Dutch extent', 'extent', ['Helemaal niet', 'In geringe mate', 'In zekere mate', 'In grote mate', 'In zeer grote mate']],
  ['French satisfaction', 'satisfaction', ['Très insatisfait', 'Insatisfait', 'Ni satisfait ni insatisfait', 'Satisfait', 'Très satisfait']],
  ['German satisfaction', 'satisfaction', ['Sehr unzufrieden', 'Unzufrieden', 'Weder zufrieden noch unzufrieden', 'Zufrieden', 'Sehr zufrieden']],
  ['Spanish satisfaction', 'satisfaction', ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho']],
  ['Portuguese satisfaction', 'satisfaction', ['Muito insatisfeito', 'Insatisfeito', 'Nem satisfeito nem insatisfeito', 'Satisfeito', 'Muito satisfeito']],
  ['Italian satisfaction', 'satisfaction', ['Molto insoddisfatto', 'Insoddisfatto', 'Né soddisfatto né insoddisfatto', 'Soddisfatto', 'Molto soddisfatto']],
  ['Dutch satisfaction', 'satisfaction', ['Zeer ontevreden', 'Ontevreden', 'Niet tevreden, niet ontevreden', 'Tevreden', 'Zeer tevreden']],
];

describe('the tools’ wording in each language', () => {
  for (const [tool, scale, labels] of WORDING) {
    it(`${tool}: ${scale}, ${labels.length} points`, () => {
      const got = read(labels);
      expect(got.scale).toBe(scale);
      expect(got.values).toEqual(labels.map((_, i) => i + 1));
    });
  }

  it('a 5-point French question answered with only some labels stays 5-point (ties go to the common scale)', () => {
    expect(read(["D'accord", "Tout à fait d'accord", "Pas d'accord"]).scale).toBe('agreement');
  });

  it('"Plutôt d\'accord" beside "D\'accord" is 7-point (5 and 6), since the 5-point scale would make them one point', () => {
    const got = read(["Plutôt d'accord", "D'accord", "Tout à fait d'accord"]);
    expect(got).toEqual({ scale: 'agreement-7', values: [5, 6, 7] });
  });
});

describe('case, accents, apostrophes and spacing do not matter', () => {
  const agreement = findScale('agreement')!;
  it.each([
    ['  TOUT A FAIT D’ACCORD ', 5],
    ['tout  à  fait d`accord', 5],
    ["pas du tout d'Accord", 1],
    ['stimme ÜBERHAUPT nicht zu', 1],
    ['Stimme  ueberhaupt nicht zu', undefined], // "ue" for ü is another spelling, not an accent: not read
    ['stimme uberhaupt nicht zu', 1],
    ['NI DE ACUERDO NI EN DESACUERDO', 3],
    ['nao concordo nem discordo', 3],
    ['ne d accordo ne in disaccordo', 3],
    ['HELEMAAL MEE EENS', 5],
  ])('%j -> %s', (cell, value) => {
    expect(likertValue(cell, agreement)).toBe(value);
  });

  it('labelKey folds accents and ß, and nothing else', () => {
    expect(labelKey('Tout à fait d’accord')).toBe(labelKey("tout a fait d'accord"));
    expect(labelKey('Weiß nicht')).toBe(labelKey('WEISS NICHT'));
    expect(labelKey('Stimme zu')).not.toBe(labelKey('Stimme nicht zu'));
  });
});

describe('"don’t know" in every language is missing, never a value', () => {
  it.each([
    'N/A',
    'Ne sais pas',
    'Je ne sais pas',
    'Sans opinion',
    'Weiß nicht',
    'weiss nicht',
    'Keine Angabe',
    'No sé',
    'NO SE',
    'NS/NC',
    'Não sei',
    'Non so',
    'Weet niet',
    'Geen mening',
    'N.v.t.',
  ])('%j', (cell) => {
    expect(isMissingAnswer(cell)).toBe(true);
    expect(likertValue(cell, findScale('agreement')!)).toBeNull();
  });
});

describe('the label tables', () => {
  it('no label means two points of one scale, across every language', () => {
    const names = new Set(LABEL_TABLES.flatMap((t) => Object.keys(t.scales)));
    for (const name of names) {
      const seen = new Map<string, { value: number; label: string }>();
      for (const table of LABEL_TABLES) {
        (table.scales[name] ?? []).forEach((labels, i) => {
          for (const label of labels) {
            const before = seen.get(labelKey(label));
            expect(
              before === undefined || before.value === i + 1,
              `${name}: ${label} (${table.language}) is ${i + 1}, ${before?.label} is ${before?.value}`,
            ).toBe(true);
            seen.set(labelKey(label), { value: i + 1, label });
          }
        });
      }
    }
  });

  it('no "don’t know" label is a point of any built-in scale', () => {
    const missing = LABEL_TABLES.flatMap((t) => t.missing.map((m) => labelKey(m)));
    for (const scale of SCALES) for (const key of missing) expect(scale.labels.has(key), `${key} on ${scale.name}`).toBe(false);
  });

  it('every language gives agreement (5 and 7 points), frequency, extent and satisfaction, with the right number of points', () => {
    for (const t of LABEL_TABLES) {
      expect(t.scales.agreement, t.language).toHaveLength(5);
      expect(t.scales['agreement-7'], t.language).toHaveLength(7);
      for (const s of ['frequency', 'extent', 'satisfaction'] as const) expect(t.scales[s], `${t.language} ${s}`).toHaveLength(5);
      expect(t.missing.length, t.language).toBeGreaterThan(0);
    }
  });
});

describe('a question answered in two languages', () => {
  const agreement = findScale('agreement')!;
  it('mixedLanguages names each label with its languages', () => {
    expect(mixedLanguages(['Agree', "Tout à fait d'accord", 'Agree'], agreement)).toEqual([
      { label: 'Agree', languages: ['en'] },
      { label: "Tout à fait d'accord", languages: ['fr'] },
    ]);
  });
  it('labels one language shares with another are not a mix ("Neutral" is English, German and Spanish)', () => {
    expect(mixedLanguages(['Neutral', 'Stimme zu', 'Ne sais pas'], agreement)).toBeNull();
    expect(mixedLanguages(['Neutral', 'Agree'], agreement)).toBeNull();
  });
  it('align.yml languages settles it: only those languages are read, and they may mix', () => {
    const scales = scalesFor({ languages: ['en', 'fr'] });
    const settled = scales.find((s: Scale) => s.name === 'agreement')!;
    expect(mixedLanguages(['Agree', "Tout à fait d'accord"], settled)).toBeNull();
    expect(likertValue("Tout à fait d'accord", settled)).toBe(5);
    expect(likertValue('Stimme zu', settled)).toBeUndefined();
  });

  const folder = tempFolder();
  afterAll(() => folder.remove());
  const csv = [
    'name,role,department,Clarity,Voice,Belief',
    'Ann,Executive,Sales,Agree,Strongly agree,Agree',
    "Bob,Manager,Sales,Tout à fait d'accord,D'accord,Pas d'accord",
    'Cy,Manager,Sales,Disagree,Agree,Neutral',
  ].join('\n');

  it('align audit stops with exit 2 naming the labels, their languages and align.yml languages', async () => {
    const path = folder.write('mixed.csv', `${csv}\n`);
    const run = await runAlign(['audit', path, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('"Clarity"');
    expect(run.stderr).toContain('"Agree" (English)');
    expect(run.stderr).toContain('"Tout à fait d\'accord" (French)');
    expect(run.stderr).toContain('languages: [en, fr]');
  });

  it('with languages: [en, fr] in align.yml the same file is read, French and English on one scale', async () => {
    const dataset = await readText(folder, 'mixed2.csv', csv, { config: { languages: ['en', 'fr'] } });
    const bob = dataset.respondents.find((r) => r.name === 'Bob')!;
    expect(Object.values(likertRecord(bob.likert))).toEqual([5, 4, 2]);
  });

  it('align stack (which reads no Likert answers) leaves the mixed question out with a note, and exits 0', async () => {
    const ranked = [
      'name,role,department,Clarity,Rank: Growth,Rank: Cost,Rank: Talent',
      'Ann,Executive,Sales,Agree,1,2,3',
      "Bob,Executive,Sales,Tout à fait d'accord,2,1,3",
      'Cy,Manager,Sales,Disagree,1,3,2',
    ].join('\n');
    const run = await runAlign(['stack', folder.write('mixed-stack.csv', `${ranked}\n`), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const notes = JSON.parse(run.stdout).input.notes.map((n: { note: string }) => n.note);
    expect(notes.some((n: string) => n.includes('labels of 2 languages') && n.includes('left out'))).toBe(true);
  });

  it('the error is an InputError at the header line', async () => {
    const e = await inputError(() => readText(folder, 'mixed3.csv', csv));
    expect(e.line).toBe(1);
    expect(e.column).toBe('Clarity');
  });
});
