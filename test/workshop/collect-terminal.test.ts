// align collect end to end: the built CLI under a pseudo-terminal (terminal.ts),
// through three participants, an undo, a top-k stop, a session killed with
// SIGKILL in the middle of an entry and resumed, a re-submission and Ctrl-C;
// the sheet is then read back by align stack --json. Needs `npm run build` first.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unmarkedWords, withVariants } from '../helpers/pseudo-check.js';
import { ROOT, spawnAlign } from '../helpers/run.js';
import { drive, KEY, plain, requireScript, type Step } from './terminal.js';

let dir: string;
beforeAll(() => {
  requireScript();
  dir = mkdtempSync(join(tmpdir(), 'align-collect-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const E = KEY.enter;
const PRIORITIES = ['--priority', 'Growth', '--priority', 'Margin', '--priority', 'Talent', '--priority', 'Safety'];

/**
 * One participant's steps: name, role, department (typed when `department` starts with +),
 * picks (a string, or [the position the prompt asks for, the key] around an undo), confirm.
 */
function participant(name: string, department: string, picks: Array<string | [number, string]>): Step[] {
  const steps: Step[] = [
    { wait: /What next\?/, type: `N${E}` },
    { wait: /Your name/, type: `${name}${E}` },
    { wait: /Your role/, type: `E${E}` },
  ];
  if (department.startsWith('+')) steps.push({ wait: /Your department/, type: `O${E}` }, { wait: /Department/, type: `${department.slice(1)}${E}` });
  else steps.push({ wait: /Your department/, type: `${department}${E}` });
  picks.forEach((p, i) => {
    const [position, key] = typeof p === 'string' ? [i + 1, p] : p;
    steps.push({ wait: new RegExp(`Pick your #${position} \\(of 3\\)`), type: `${key}${E}` });
  });
  steps.push({ wait: /Is this your stack\?/, type: `Y${E}` });
  return steps;
}

type Stack = {
  stack: {
    raters: Array<{ name: string; ranks: Record<string, number> }>;
    concordance: { W: number };
    consensus: Array<{ priority: string; meanRank: number }>;
  };
};

function readBack(file: string): Stack & { input: { excluded: Array<{ line: number; kind: string }> } } {
  const run = spawnAlign(['stack', file, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('align collect under a terminal', () => {
  test('three participants, an undo, a top-3 stop, SIGKILL mid-entry, a resumed session with a re-submission, Ctrl-C', async () => {
    const file = join(dir, 'stacks.csv');

    // Session 1: Ada (with an undo) and Ben confirm; Cleo is part-way through her stack when the process is killed.
    // Ada picks Growth and Margin, takes Margin back, then picks Talent and Safety: three of four, so the stack stops there
    const ada = participant('Ada', '+Sales', ['G', 'M', [3, 'U'], [2, 'T'], [3, 'S']]);
    const first = await drive(
      ['collect', file, ...PRIORITIES, '--top', '3'],
      [
        ...ada,
        { wait: /Saved Ada's stack \(1 stack in the file\)/ },
        ...participant('Ben', '+Ops', ['M', 'G', 'T']),
        { wait: /Saved Ben's stack \(2 stacks in the file\)/ },
        { wait: /What next\?/, type: `N${E}` },
        { wait: /Your name/, type: `Cleo${E}` },
        { wait: /Your role/, type: `E${E}` },
        { wait: /Your department/, type: `N${E}` },
        { wait: /Pick your #1 \(of 3\)/, type: `T${E}` },
        { wait: /Pick your #2 \(of 3\)/, kill: true },
      ],
      dir,
    );
    expect(first.tty).toMatch(/\u001b\[2J\u001b\[3J\u001b\[H/); // the screen (and scroll-back) cleared after a stack is saved
    // Every confirmed stack survived the kill, and align stack reads the file.
    const afterKill = readBack(file);
    expect(afterKill.stack.raters.map((r) => r.name)).toEqual(['Ada', 'Ben']);
    // Ada's undo: Margin, taken back, is unranked (top-3 of 4: the unranked one shares rank (k+1+N)/2 = 4)
    expect(afterKill.stack.raters[0]!.ranks).toEqual({ Growth: 1, Talent: 2, Safety: 3, Margin: 4 });

    // Session 2: resumed from the file alone; Cleo again; Ada re-submits after a yes; Ctrl-C at the menu.
    const second = await drive(
      ['collect', file, '--top', '3'],
      [
        { wait: /Resuming: 2 stacks already submitted \(Ada, Ben\)\./ },
        ...participant('Cleo', 'N', ['T', 'G', 'M']),
        { wait: /Saved Cleo's stack \(3 stacks in the file\)/ },
        { wait: /What next\?/, type: `N${E}` },
        { wait: /Your name/, type: `ada${E}` },
        { wait: /Ada submitted a stack at \d\d:\d\d UTC\. Replace it/, type: `y${E}` },
        { wait: /Your role/, type: E },
        { wait: /Your department/, type: E },
        { wait: /Pick your #1 \(of 3\)/, type: `M${E}` },
        { wait: /Pick your #2 \(of 3\)/, type: `G${E}` },
        { wait: /Pick your #3 \(of 3\)/, type: `S${E}` },
        { wait: /Is this your stack\?/, type: `Y${E}` },
        { wait: /Saved Ada's stack \(3 stacks in the file\)/ },
        { wait: /What next\?/, type: KEY.ctrlC },
        { wait: /Stopped\. 3 stacks saved in .*stacks\.csv; run the same command again to carry on/ },
      ],
      dir,
    );
    expect(second.code).toBe(130); // stopped by Ctrl-C, as a shell reports a run ended by SIGINT; every confirmed stack saved

    const sheet = readFileSync(file, 'utf8').trim().split('\n');
    expect(sheet[0]).toBe('respondent,role,department,submitted,priority,rank');
    expect(sheet).toHaveLength(1 + 4 * 4); // Ada twice, Ben, Cleo: four submissions of four rows; the killed entry left nothing
    expect(sheet.slice(1, 5).map((l) => l.split(',').slice(0, 3).concat(l.split(',').slice(4)).join(','))).toEqual([
      'Ada,Executive,Sales,Growth,1',
      'Ada,Executive,Sales,Talent,2',
      'Ada,Executive,Sales,Safety,3',
      'Ada,Executive,Sales,Margin,',
    ]);

    const result = readBack(file);
    expect(result.stack.raters.map((r) => r.name)).toEqual(['Ben', 'Cleo', 'Ada']);
    expect(result.input.excluded.filter((e) => e.kind === 'duplicate').map((e) => e.line)).toEqual([2, 3, 4, 5]);
    // Completed ranks (Growth, Margin, Talent, Safety): Ada (2, 1, 4, 3), Ben (2, 1, 3, 4), Cleo (2, 3, 1, 4).
    // Rank sums 6, 5, 8, 11 (mean 7.5), S = 2.25 + 6.25 + 0.25 + 12.25 = 21, no ties:
    // W = 12 S / (m^2 (N^3 - N)) = 252 / (9 * 60) = 7/15 (worked by hand).
    expect(result.stack.concordance.W).toBeCloseTo(7 / 15, 9);
    // Borda: mean ranks 5/3, 2, 8/3, 11/3.
    expect(result.stack.consensus.map((c) => c.priority)).toEqual(['Margin', 'Growth', 'Talent', 'Safety']);
    expect(result.stack.consensus.map((c) => c.meanRank)).toEqual([5 / 3, 2, 8 / 3, 11 / 3].map((x) => expect.closeTo(x, 9)));

    // The reveal on the same terminal: anonymised, one leader a page, back and quit.
    const reveal = await drive(
      ['stack', file, '--reveal', '--anonymize'],
      [
        { wait: /Stack 1 of 3: Leader A[\s\S]*#1\s+Margin[\s\S]*page 1 of/, type: ' ' },
        { wait: /Stack 2 of 3: Leader B[\s\S]*#1\s+Talent/, type: 'b' },
        { wait: /Stack 1 of 3: Leader A/, type: ' ' },
        { wait: /Stack 2 of 3/, type: ' ' },
        { wait: /Stack 3 of 3: Leader C[\s\S]*#1\s+Margin/, type: ' ' },
        { wait: /Priority stacks/, type: 'q' },
      ],
      dir,
    );
    expect(reveal.code).toBe(0);
    expect(plain(reveal.tty)).not.toMatch(/\b(Ada|Ben|Cleo)\b/);

    // After the last participant: the facilitator finishes with the reveal, named this time.
    const after = await drive(
      ['collect', file, '--top', '3'],
      [
        { wait: /What next\?/, type: `Finish and${E}` },
        { wait: /Stack 1 of 3: Ben[\s\S]*#1\s+Margin/, type: 'q' },
      ],
      dir,
    );
    expect(after.code).toBe(0);
  }, 120_000);
});

describe('align collect: where the priorities come from, and finishing', () => {
  test('--priorities from a text file (comments and blank lines skipped) and from a stacks file; Finish ends the process with nothing saved', async () => {
    const list = join(dir, 'priorities.txt');
    writeFileSync(list, '# our list\nGrowth\n\nMargin\r\nTalent\n');
    const fromText = join(dir, 'from-text.csv');
    const text = await drive(
      ['collect', fromText, '--priorities', list],
      [
        { wait: /3 priorities, each participant ranks them all/ },
        { wait: /What next\?/, type: `N${E}` },
        { wait: /Your name/, type: `Dana${E}` },
        { wait: /Your role/, type: `E${E}` },
        { wait: /Your department/, type: `N${E}` },
        { wait: /Pick your #1 \(of 3\)\s+❯ Growth\s+Margin\s+Talent\s+─+\s+Cancel/, type: `C${E}` },
        { wait: /Cancelled: nothing saved/ },
        { wait: /What next\?/, type: `Finish w${E}` },
        { wait: /0 stacks in .*from-text\.csv/ },
      ],
      dir,
    );
    expect(text.code).toBe(0);
    expect(existsSync(fromText)).toBe(false); // nothing confirmed, nothing written

    const fromSheet = join(dir, 'from-sheet.csv');
    const sheet = await drive(
      ['collect', fromSheet, '--priorities', join(ROOT, 'test/fixtures/workshop/stacks.csv'), '--top', '2'],
      [{ wait: /4 priorities, each participant picks a top 2/ }, { wait: /What next\?/, type: KEY.ctrlC }, { wait: /Stopped\. 0 stacks saved/ }],
      dir,
    );
    expect(sheet.code).toBe(130); // stopped by Ctrl-C, as a shell reports a run ended by SIGINT; every confirmed stack saved
  }, 60_000);
});

// Issue 15: align collect in the reader's language, decided as for the reveal (--lang, else align.yml's language:).
describe('align collect in French and German', () => {
  test('--lang fr: prompts, menus, the help line, messages to the room and the reveal in French; align.yml language: de carries on in German', async () => {
    const file = join(dir, 'fr-stacks.csv');
    /** One participant through the French prompts (the keys pick a choice by its first letters). */
    const participant = (name: string, picks: string[]): Step[] => [
      { wait: /Que souhaitez-vous faire\u202f\?/, type: `P${E}` },
      { wait: /Votre nom/, type: `${name}${E}` },
      { wait: /Votre rôle \(celui des dirigeants est «\u202fExecutive\u202f»\)/, type: `E${E}` },
      { wait: /Votre département[\s\S]*Aucun[\s\S]*Autre \(à saisir\)…/, type: `Au${E}` },
      ...picks.map((key, i) => ({ wait: new RegExp(`Choisissez votre priorité n°\\s${i + 1} \\(sur 3\\)[\\s\\S]*naviguer`), type: `${key}${E}` })),
      { wait: /Est-ce bien votre classement\u202f\?[\s\S]*Oui, l’enregistrer/, type: `O${E}` },
    ];
    const fr = await drive(
      ['collect', file, '--priority', 'Croissance', '--priority', 'Marge', '--priority', 'Talents', '--lang', 'fr'],
      [
        { wait: /Collecte des classements de priorités dans .*fr-stacks\.csv\u202f: 3 priorités, chaque personne les classe toutes\./ },
        ...participant('Ada', ['M', 'C', 'T']),
        { wait: /Classement enregistré pour Ada \(1 classement dans le fichier\)\. L’écran est effacé/ },
        ...participant('Ben', ['T', 'M', 'C']),
        { wait: /Classement enregistré pour Ben \(2 classements dans le fichier\)/ },
        { wait: /Que souhaitez-vous faire/, type: `Terminer e${E}` },
        { wait: /2 classements dans .*fr-stacks\.csv\. Comparez-les à tout moment avec align stack .*fr-stacks\.csv, ou affichez-les avec --reveal\./ },
        // the reveal that follows, in the same language
        { wait: /Classement 1 sur 2\u202f: Ada[\s\S]*n°\s1\s+Marge[\s\S]*page 1 sur/, type: ' ' },
        { wait: /Classement 2 sur 2\u202f: Ben[\s\S]*n°\s1\s+Talents/, type: 'q' },
      ],
      dir,
    );
    expect(fr.code).toBe(0);
    expect(plain(fr.tty)).not.toMatch(/What next|Your (name|role|department)|Pick your|Is this your stack|navigate|Saved|Stack \d of|#\d/);

    // A folder whose align.yml says language: de, no --lang: the same sheet carried on in German; Ctrl-C in the middle of an entry
    const deDir = join(dir, 'de');
    mkdirSync(deDir);
    writeFileSync(join(deDir, 'align.yml'), 'language: de\n');
    const de = await drive(
      ['collect', file],
      [
        { wait: /Prioritätenlisten werden in .*fr-stacks\.csv gesammelt: 3 Prioritäten, jede Person bringt alle in eine Reihenfolge\./ },
        { wait: /Fortsetzung: 2 Listen bereits abgegeben \(Ada, Ben\)\./ },
        { wait: /Wie geht es weiter\?/, type: `N${E}` },
        { wait: /Ihr Name/, type: `ada${E}` },
        // the yes/no question takes j for Ja
        { wait: /Ada hat um \d\d:\d\d UTC eine Liste abgegeben\.[\s\S]*\(j\/N\)/, type: `j${E}` },
        { wait: /Ihre Rolle/, type: KEY.ctrlC },
        { wait: /Angehalten\. 2 Listen in .*fr-stacks\.csv gespeichert; führen Sie denselben Befehl erneut aus/ },
      ],
      deDir,
    );
    expect(de.code).toBe(130); // stopped by Ctrl-C, as a shell reports a run ended by SIGINT; every confirmed stack saved
    expect(plain(de.tty)).not.toMatch(/What next|Your name|Resuming|Stopped|\(y\/N\)/);
  }, 120_000);
});

describe('align collect under the pseudo-locale', () => {
  test('--lang qps: every word on the terminal, prompts and the library chrome align words included, is inside the markers', async () => {
    const file = join(dir, 'qps-stacks.csv');
    const run = await drive(
      ['collect', file, '--priority', 'Growth', '--priority', 'Margin', '--lang', 'qps'],
      [
        { wait: /⟦What next\?⟧/, type: E },
        { wait: /⟦Your name⟧/, type: `Ada${E}` },
        { wait: /⟦Your role/, type: E },
        { wait: /⟦Your department⟧[\s\S]*⟦None⟧/, type: E },
        { wait: /⟦Pick your #⟧1⟦ \(of ⟧2⟦\)⟧/, type: E },
        { wait: /⟦Pick your #⟧2/, type: E },
        { wait: /⟦Is this your stack\?⟧/, type: E },
        { wait: /⟦Saved ⟧Ada/ },
        // who has submitted: the second choice
        { wait: /⟦What next\?⟧/, type: `${KEY.down}${E}` },
        { wait: /⟦Submitted \(⟧1⟦\):⟧\s+Ada/ },
        { wait: /⟦What next\?⟧/, type: KEY.ctrlC },
        { wait: /⟦Stopped\. ⟧/ },
      ],
      dir,
    );
    expect(run.code).toBe(130); // stopped by Ctrl-C, as a shell reports a run ended by SIGINT; every confirmed stack saved
    // the shell's pid line is the test's own (terminal.ts), not align's
    const text = plain(run.tty).replace(/^pid=\d+\s*$/m, '');
    // what was typed or given: the name (and its echo as it is typed, A, Ad), the priorities, the role offered, the sheet
    expect(unmarkedWords(text, withVariants(['Ada', 'Ad', 'A', 'Growth', 'Margin', 'Executive', file]))).toEqual([]);
    expect(text).toMatch(/⟦navigate⟧/); // the menus' help line, worded by align
  }, 60_000);
});
