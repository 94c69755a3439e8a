// Issue 15: every word align collect and the reveal show comes from the catalogue.
// Each WORDS entry is rendered under the pseudo-locale (qps: every literal piece of
// every catalogue message wrapped in ⟦…⟧, the locale test/i18n/pseudo-examples.test.ts
// renders the examples in) with values like the session's; the check of
// test/helpers/pseudo-check.ts then finds any word outside the markers that is not
// one of the values placed. A new entry without arguments below fails, so none
// goes unchecked.
import { describe, expect, test } from 'vitest';
import { catalogue, LANGUAGES, withLanguage } from '../../src/i18n/index.js';
import { WORDS } from '../../src/workshop/words.js';
import { unmarkedWords, withVariants } from '../helpers/pseudo-check.js';

const NAME = 'Ada Okafor';
const FILE = 'workshop/stacks.csv';
const FLAGS = ' --leaders Chief';
/** The values the entries place: names and files from the input, an error code, a time, the facilitator's flags. */
const PLACED = withVariants([NAME, 'Cut costs', 'Grow revenue', FILE, 'Executive', 'ENOSPC', '09:00', FLAGS, 'A']);

/** Arguments for each entry that is a function, by its path in WORDS. */
const ARGS: Record<string, unknown[][]> = {
  askPriority: [[1], [2]],
  'priorityProblem.twice': [['Cut costs']],
  intro: [
    [FILE, 1, null],
    [FILE, 4, null],
    [FILE, 4, 1],
    [FILE, 4, 3],
  ],
  resuming: [[[NAME]], [[NAME, 'Cut costs']]],
  submittedList: [[[NAME]], [[NAME, 'Cut costs']]],
  replace: [[NAME, '09:00']],
  askRole: [['Executive']],
  pick: [[1, 3]],
  undo: [['Cut costs']],
  writeInKnown: [['Cut costs']],
  position: [['1'], ['7.5']],
  stackLine: [[1, 'Cut costs']],
  notRanked: [[['Cut costs', 'Grow revenue']]],
  notPlacedYet: [[['Cut costs']]],
  saved: [
    [NAME, 1],
    [NAME, 2],
  ],
  untimed: [[NAME, FILE, 14]],
  saveFailed: [[FILE, 'ENOSPC']],
  interrupted: [
    [FILE, 1],
    [FILE, 0, FLAGS],
  ],
  finished: [
    [FILE, 2],
    [FILE, 1, FLAGS],
  ],
  yesOrNo: [['⟦Yes⟧', '⟦No⟧']],
  keyAction: [['navigate'], ['select']],
  revealTitle: [['A', 1, 3]],
  leaderLabel: [['A']],
  pageFooter: [[1, 3]],
  lastFooter: [[3, 3]],
};

/** Entries that hold no word, only layout around the values they place (none: a place in a stack is marked from the catalogue). */
const LAYOUT_ONLY = new Set<string>();

/** Every entry of WORDS rendered in `lang`: [path, text], getters read and functions called with ARGS; nested objects walked. */
function renderAll(lang: Parameters<typeof withLanguage>[0]): Array<[string, string]> {
  return withLanguage(lang, () => {
    const out: Array<[string, string]> = [];
    const walk = (obj: object, prefix: string) => {
      for (const key of Object.keys(obj)) {
        const path = `${prefix}${key}`;
        const value = (obj as Record<string, unknown>)[key];
        if (typeof value === 'string') out.push([path, value]);
        else if (typeof value === 'function') {
          const calls = ARGS[path];
          if (calls === undefined) throw new Error(`WORDS.${path} has no arguments in ARGS: add some, so it is checked`);
          for (const args of calls) out.push([`${path}(${JSON.stringify(args)})`, (value as (...a: unknown[]) => string)(...args)]);
        } else if (value && typeof value === 'object') walk(value, `${path}.`);
        else throw new Error(`WORDS.${path} is neither a word, a function nor a group`);
      }
    };
    walk(WORDS, '');
    return out;
  });
}

describe('WORDS under the pseudo-locale', () => {
  const rendered = renderAll('qps');

  test('covers every entry, and ARGS names no entry that is gone', () => {
    const called = new Set(rendered.map(([path]) => path.replace(/\(.*$/s, '')));
    expect(Object.keys(ARGS).filter((k) => !called.has(k))).toEqual([]);
    // the twelve-odd getters and the functions: a sanity floor, not a count to keep in step
    expect(rendered.length).toBeGreaterThan(60);
  });

  test.each(rendered)('%s: every word inside the markers', (path, text) => {
    expect(unmarkedWords(text, PLACED)).toEqual([]);
    if (!LAYOUT_ONLY.has(path.replace(/\(.*$/s, ''))) expect(text).toContain('⟦');
  });

  test('the check catches an English word written outside the catalogue', () => {
    expect(unmarkedWords(`${withLanguage('qps', () => WORDS.menu)} Next participant`, PLACED)).toEqual(['Next participant']);
  });
});

describe('WORDS in French and German', () => {
  test('counts agree in number, names stay as written, French spaces before its punctuation are non-breaking', () => {
    const fr = <T>(f: () => T) => withLanguage('fr', f);
    expect(fr(() => WORDS.saved(NAME, 1))).toBe(
      'Classement enregistré pour Ada Okafor (1 classement dans le fichier). L’écran est effacé\u202f: passez le clavier à la personne suivante.',
    );
    expect(fr(() => WORDS.intro(FILE, 4, 3))).toBe(
      'Collecte des classements de priorités dans workshop/stacks.csv\u202f: 4 priorités, chaque personne choisit ses 3 premières priorités. Chaque classement confirmé est enregistré aussitôt.',
    );
    expect(fr(() => WORDS.intro(FILE, 4, 1))).toContain('chaque personne choisit sa première priorité.');
    expect(fr(() => WORDS.askRole('Executive'))).toBe('Votre rôle (celui des dirigeants est «\u202fExecutive\u202f»)');
    expect(fr(() => WORDS.menu)).toBe('Que souhaitez-vous faire\u202f?');
    expect(fr(() => WORDS.submittedList([NAME, 'Ben']))).toBe('Classements envoyés (2)\u202f:\n  Ada Okafor\n  Ben');
    expect(fr(() => WORDS.notRanked(['Cut costs']))).toBe('  hors classement\u202f: Cut costs');
    expect(fr(() => WORDS.nameProblem.formula)).toMatch(/^Commencez par une lettre ou un chiffre/);
    expect(fr(() => [WORDS.yes, WORDS.no, WORDS.keyAction('navigate'), WORDS.keyAction('select')])).toEqual(['Oui', 'Non', 'naviguer', 'choisir']);
    const de = <T>(f: () => T) => withLanguage('de', f);
    expect(de(() => WORDS.resuming([NAME]))).toBe('Fortsetzung: 1 Liste bereits abgegeben (Ada Okafor).');
    expect(de(() => WORDS.interrupted(FILE, 2, FLAGS))).toBe(
      'Angehalten. 2 Listen in workshop/stacks.csv gespeichert; führen Sie denselben Befehl erneut aus, um fortzufahren, oder align stack workshop/stacks.csv --leaders Chief --reveal, um sie zu zeigen.',
    );
    expect(de(() => WORDS.askRole('Executive'))).toBe('Ihre Rolle (die Rolle der Führungskräfte ist „Executive“)');
    expect(de(() => [WORDS.yes, WORDS.no])).toEqual(['Ja', 'Nein']);
    // a place in a stack: no English '#' (« n° 1 », „Nr. 1“, the space non-breaking), in the prompt and the stack alike
    expect(fr(() => [WORDS.pick(1, 3), WORDS.stackLine(1, 'Marge')])).toEqual(['Choisissez votre priorité n°\u00a01 (sur 3)', '  n°\u00a01  Marge']);
    expect(de(() => [WORDS.pick(2, 5), WORDS.stackLine(2, 'Marge')])).toEqual(['Wählen Sie Ihre Priorität Nr.\u00a02 (von 5)', '  Nr.\u00a02  Marge']);
    expect(de(() => WORDS.intro(FILE, 5, 3))).toContain('5 Prioritäten, jede Person wählt ihre 3 wichtigsten.');
  });

  test('English is worded as before the catalogue', () => {
    expect(WORDS.finished(FILE, 1, FLAGS)).toBe(
      '1 stack in workshop/stacks.csv. Compare them any time with align stack workshop/stacks.csv --leaders Chief, or show them with --reveal.',
    );
    expect(WORDS.interrupted(FILE, 3)).toBe(
      'Stopped. 3 stacks saved in workshop/stacks.csv; run the same command again to carry on, or align stack workshop/stacks.csv --reveal to show them.',
    );
    expect(WORDS.intro(FILE, 1234, 12)).toBe(
      'Collecting priority stacks into workshop/stacks.csv: 1,234 priorities, each participant picks a top 12. Every confirmed stack is saved at once.',
    );
    expect(WORDS.askRole('Executive')).toBe('Your role (the leaders\' role is "Executive")');
    expect(WORDS.pick(1000, 1200)).toBe('Pick your #1000 (of 1200)');
    expect(WORDS.stackLine(1000, 'Cut costs')).toBe('  #1000  Cut costs');
    expect(WORDS.untimed(NAME, FILE, 12345)).toContain("Ada Okafor's stack in workshop/stacks.csv has no submit time (line 12345)");
  });

  test.each(LANGUAGES.filter((l) => l !== 'en'))('the %s collect.* messages use the language’s quotation marks and spacing', (lang) => {
    const messages = Object.entries(catalogue(lang)).filter(([k]) => k.startsWith('collect.'));
    expect(messages.length).toBe(Object.keys(catalogue('en')).filter((k) => k.startsWith('collect.')).length);
    for (const [key, text] of messages) {
      expect(text, key).not.toMatch(/"|'/); // typographic quotes and apostrophes only
      if (lang === 'fr') expect(text, key).not.toMatch(/ [:;?!»]|« /); // a non-breaking space, never a plain one
    }
  });
});

test('a sheet path from the command line reaches the terminal with its control characters shown, never sent', () => {
  const hostile = 'stacks\u001b[2J\u0007.csv';
  for (const line of [WORDS.intro(hostile, 3, null), WORDS.finished(hostile, 1), WORDS.interrupted(hostile, 1), WORDS.saveFailed(hostile, 'EACCES')]) {
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('stacks');
  }
});
