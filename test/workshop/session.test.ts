// The prompt logic of align collect, driven through @inquirer/testing's screen
// (which stands in for the terminal of every @inquirer prompt; imported first).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/index.js';
import { askPriorities, nextSubmitted, runSession, type SessionOut } from '../../src/workshop/session.js';
import { readSheet } from '../../src/workshop/sheet.js';

function recorder(): SessionOut & { lines: string[]; clears: number } {
  const out = {
    lines: [] as string[],
    clears: 0,
    say(text: string) {
      out.lines.push(text);
    },
    clear() {
      out.clears++;
    },
  };
  return out;
}

/** Types `text` then Enter at the prompt on screen, after checking the prompt says `expected`; waits for the next prompt unless `last`. */
async function answer(expected: string | RegExp, text: string, last = false): Promise<void> {
  expect(screen.getScreen()).toMatch(expected);
  if (text !== '') screen.type(text);
  screen.keypress('enter');
  if (!last) await screen.next();
}

const sheetIn = () => join(mkdtempSync(join(tmpdir(), 'align-session-')), 'stacks.csv');
const FIXED = () => new Date('2026-03-01T09:00:00.000Z');

describe('runSession: one participant, picked with an undo, then a review', () => {
  it('appends the confirmed stack with the unranked priority listed blank, and clears the screen after', async () => {
    const file = sheetIn();
    const out = recorder();
    const done = runSession({ file, priorities: ['Growth', 'Margin', 'Talent'], top: null, writeIn: false, now: FIXED }, out);
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Ada Okafor');
    await answer(/Your role/, 'E');
    await answer(/Your department/, 'O');
    await answer(/Department/, 'Sales');
    await answer(/Pick your #1 \(of 3\)/, 'M');
    await answer(/Pick your #2 \(of 3\)[\s\S]*Undo: take back Margin/, 'U');
    await answer(/Pick your #1 \(of 3\)/, 'G');
    await answer(/Pick your #2 \(of 3\)/, 'T');
    expect(screen.getScreen()).not.toMatch(/Growth/); // picked: no longer offered
    await answer(/Pick your #3 \(of 3\)/, 'M');
    expect(out.lines.at(-1)).toBe('  #1  Growth\n  #2  Talent\n  #3  Margin');
    await answer(/Is this your stack\?/, 'Y');
    expect(out.clears).toBe(1);
    expect(out.lines.at(-1)).toMatch(/^Saved Ada Okafor's stack \(1 stack in the file\)/);
    await answer(/What next\?/, 'Finish w', true);
    await expect(done).resolves.toEqual({ submitted: 1, reveal: false });
    expect(readFileSync(file, 'utf8')).toBe(
      [
        'respondent,role,department,submitted,priority,rank',
        'Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Growth,1',
        'Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Talent,2',
        'Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Margin,3',
        '',
      ].join('\n'),
    );
  });
});

describe('runSession: top-k, a write-in, and a re-submission', () => {
  it('stops at k picks, offers remembered roles and departments, and replaces a stack only after a yes', async () => {
    const file = sheetIn();
    writeFileSync(
      file,
      [
        'respondent,role,department,submitted,priority,rank',
        'Ben Adu,Executive,Ops,2026-03-01T09:00:00.000Z,Growth,1',
        'Ben Adu,Executive,Ops,2026-03-01T09:00:00.000Z,Margin,2',
        'Ben Adu,Executive,Ops,2026-03-01T09:00:00.000Z,Talent,',
        '',
      ].join('\n'),
    );
    const out = recorder();
    const done = runSession({ file, priorities: ['Growth', 'Margin', 'Talent'], top: 2, writeIn: true, now: FIXED }, out);
    expect(out.lines[1]).toBe('Resuming: 1 stack already submitted (Ben Adu).');
    // "ben adu" is Ben Adu again: no replaces nothing
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'ben adu');
    await answer(/Ben Adu submitted a stack at 09:00 UTC\. Replace it/, 'n');
    expect(out.lines.at(-1)).toBe('Cancelled: nothing saved for this participant.');
    // yes: the earlier spelling is kept, the remembered department offered
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'ben adu');
    await answer(/Replace it/, 'y');
    await answer(/Your role/, '');
    expect(screen.getScreen()).toMatch(/Ops/);
    await answer(/Your department/, '');
    await answer(/Pick your #1 \(of 2\)/, 'W');
    await answer(/Your priority/, 'Customer trust');
    await answer(/Pick your #2 \(of 2\)/, 'T');
    expect(out.lines.at(-1)).toBe('  #1  Customer trust\n  #2  Talent\n  not ranked: Growth, Margin');
    await answer(/Is this your stack\?/, 'Y');
    await answer(/What next\?/, 'Finish w', true);
    await expect(done).resolves.toEqual({ submitted: 1, reveal: false });
    const state = readSheet(file);
    expect(state.priorities).toEqual(['Growth', 'Margin', 'Talent', 'Customer trust']);
    expect(state.submissions).toHaveLength(1);
    expect(state.submissions[0]).toMatchObject({
      respondent: 'Ben Adu',
      role: 'Executive',
      department: 'Ops',
      submitted: '2026-03-01T09:00:00.001Z', // the clock says 09:00 again: one millisecond after the earlier stack, so it sorts later
      ranked: ['Customer trust', 'Talent'],
      unranked: ['Growth', 'Margin'],
    });
  });
});

describe('askPriorities', () => {
  it('reads one a line until an empty line, refusing a repeat, a formula start and fewer than two', async () => {
    const list = askPriorities();
    await answer(/Priority 1/, 'Grow revenue');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/at least two priorities/);
    screen.type('grow  REVENUE');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/Grow revenue is on the list already/);
    for (let i = 0; i < 13; i++) screen.keypress('backspace');
    screen.type('=cost');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/Start with a letter or digit/);
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    await answer(/Priority 2/, 'Cut costs');
    await answer(/Priority 3/, '', true);
    await expect(list).resolves.toEqual(['Grow revenue', 'Cut costs']);
  });
});

// Issue 15: align collect --lang fr (or align.yml language: fr) runs the session inside withLanguage, as collect.ts does.
describe('runSession and askPriorities in French', () => {
  it('asks, offers, validates, confirms and reports in French; names stay as typed; no English word of align on screen', async () => {
    const file = sheetIn();
    writeFileSync(
      file,
      [
        'respondent,role,department,submitted,priority,rank',
        'Ben Adu,Executive,Ops,2026-03-01T08:00:00.000Z,Marge,1',
        'Ben Adu,Executive,Ops,2026-03-01T08:00:00.000Z,Croissance,2',
        '',
      ].join('\n'),
    );
    const out = recorder();
    const seen: string[] = [];
    const look = () => {
      seen.push(screen.getScreen());
      return screen.getScreen();
    };
    const done = withLanguage('fr', () => runSession({ file, priorities: ['Croissance', 'Marge'], top: null, writeIn: false, now: FIXED }, out));
    expect(out.lines).toEqual([
      'Collecte des classements de priorités dans ' +
        file +
        '\u202f: 2 priorités, chaque personne les classe toutes. Chaque classement confirmé est enregistré aussitôt.',
      'Reprise\u202f: 1 classement déjà envoyé (Ben Adu).',
    ]);
    // the menu, with the help line @inquirer/select lets align word
    expect(look()).toMatch(
      /Que souhaitez-vous faire\u202f\?[\s\S]*Personne suivante[\s\S]*Qui a déjà envoyé son classement[\s\S]*Terminer et dévoiler les classements[\s\S]*naviguer[\s\S]*choisir/,
    );
    await answer(/Que souhaitez-vous faire/, 'Q');
    expect(out.lines.at(-1)).toBe('Classements envoyés (1)\u202f:\n  Ben Adu');
    await answer(/Que souhaitez-vous faire/, 'P');
    // a name a spreadsheet would run as a formula: refused in French
    screen.type('=Ada');
    screen.keypress('enter');
    await screen.next();
    expect(look()).toMatch(/Votre nom[\s\S]*Commencez par une lettre ou un chiffre \(un tableur exécuterait =, \+, - ou @ comme une formule\)/);
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    await answer(/Votre nom/, 'Ada');
    expect(look()).toMatch(/Votre rôle \(celui des dirigeants est «\u202fExecutive\u202f»\)/);
    await answer(/Votre rôle/, '');
    expect(look()).toMatch(/Ops[\s\S]*Aucun[\s\S]*Autre \(à saisir\)…/);
    await answer(/Votre département/, 'Au');
    await answer(/Choisissez votre priorité n°\u00a01 \(sur 2\)[\s\S]*Abandonner ce classement \(rien n’est enregistré\)/, 'M');
    expect(look()).toMatch(/Annuler\u202f: reprendre Marge[\s\S]*Revoir mon classement en cours/);
    await answer(/Choisissez votre priorité n°\u00a02 \(sur 2\)/, 'C');
    expect(out.lines.at(-1)).toBe('  n°\u00a01  Marge\n  n°\u00a02  Croissance');
    expect(look()).toMatch(/Est-ce bien votre classement\u202f\?[\s\S]*Oui, l’enregistrer[\s\S]*Annuler le dernier choix[\s\S]*Recommencer/);
    await answer(/Est-ce bien votre classement/, 'O');
    expect(out.lines.at(-1)).toBe(
      'Classement enregistré pour Ada (2 classements dans le fichier). L’écran est effacé\u202f: passez le clavier à la personne suivante.',
    );
    // Ben again: the yes/no question answers in French (o/N), and n keeps his stack
    await answer(/Que souhaitez-vous faire/, 'P');
    await answer(/Votre nom/, 'ben adu');
    expect(look()).toMatch(
      /Ben Adu a envoyé un classement à 08:00 UTC\. Le remplacer par un nouveau\u202f\? \(l’ancien reste dans le fichier, marqué comme remplacé\) \(o\/N\)/,
    );
    await answer(/Le remplacer/, 'n');
    expect(out.lines.at(-1)).toBe('Saisie abandonnée\u202f: rien n’a été enregistré pour cette personne.');
    await answer(/Que souhaitez-vous faire/, 'Terminer s', true);
    await expect(done).resolves.toEqual({ submitted: 2, reveal: false });
    expect([...seen, ...out.lines].join('\n')).not.toMatch(/What next|Your |Pick your|Undo|Review|Cancel|navigate|Start with|Saved|Resuming|\(y\/N\)/);
    expect(readSheet(file).submissions.map((s) => [s.respondent, s.ranked])).toEqual([
      ['Ben Adu', ['Marge', 'Croissance']],
      ['Ada', ['Marge', 'Croissance']],
    ]);
  });

  it('askPriorities asks and refuses in German', async () => {
    const list = withLanguage('de', () => askPriorities());
    await answer(/Priorität 1 \(leer lassen, wenn die Liste vollständig ist\)/, 'Wachstum');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/Eine Liste braucht mindestens zwei Prioritäten/);
    screen.type('wachstum');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/Wachstum steht bereits auf der Liste/);
    for (let i = 0; i < 8; i++) screen.keypress('backspace');
    await answer(/Priorität 2/, 'Kosten');
    await answer(/Priorität 3/, '', true);
    await expect(list).resolves.toEqual(['Wachstum', 'Kosten']);
  });
});

describe('nextSubmitted', () => {
  it('is now, unless the sheet holds a time at or after now: then a millisecond after the latest', () => {
    const state = { priorities: [], roles: [], departments: [], submissions: [] };
    expect(nextSubmitted(state, FIXED())).toBe('2026-03-01T09:00:00.000Z');
    const later = { ...state, submissions: [{ respondent: 'A', role: '', department: '', submitted: '2026-03-01T10:00:00.000Z', ranked: [], unranked: [] }] };
    expect(nextSubmitted(later, FIXED())).toBe('2026-03-01T10:00:00.001Z');
  });
});

describe('runSession: a cancelled entry leaves nothing behind (QA 16, item 3)', () => {
  it('clears the screen after a cancel, and a write-in from the cancelled stack is neither offered nor saved', async () => {
    const file = sheetIn();
    const out = recorder();
    const done = runSession({ file, priorities: ['Growth', 'Margin', 'Talent'], top: 2, writeIn: true, now: FIXED }, out);
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Ann');
    await answer(/Your role/, '');
    await answer(/Your department/, 'N');
    await answer(/Pick your #1 \(of 2\)/, 'W');
    await answer(/Your priority/, 'Secret layoffs');
    await answer(/Pick your #2 \(of 2\)/, 'C');
    expect(out.clears).toBe(1); // the cancelled name, picks and write-in wiped
    expect(out.lines.at(-1)).toBe('Cancelled: nothing saved for this participant.');
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Ben');
    await answer(/Your role/, '');
    await answer(/Your department/, 'N');
    expect(screen.getScreen()).not.toMatch(/Secret layoffs/);
    await answer(/Pick your #1 \(of 2\)/, 'G');
    await answer(/Pick your #2 \(of 2\)/, 'M');
    expect(out.lines.at(-1)).not.toMatch(/Secret layoffs/);
    await answer(/Is this your stack\?/, 'Y');
    await answer(/What next\?/, 'Finish w', true);
    await done;
    expect(readFileSync(file, 'utf8')).not.toMatch(/Secret layoffs|Ann/);
    expect(readSheet(file).priorities).toEqual(['Growth', 'Margin', 'Talent']);
  });
});

describe('runSession: re-submitting over a hand-filled stack without a submit time (QA 16, item 5)', () => {
  it('is refused before the entry, saying which line to fill in, and the sheet is left as it was', async () => {
    const file = sheetIn();
    const before = [
      'respondent,role,department,submitted,priority,rank',
      'Ann,Executive,,,P1,1',
      'Ann,Executive,,,P2,2',
      'Ben,Executive,,,P2,1',
      'Ben,Executive,,,P1,2',
      '',
    ].join('\n');
    writeFileSync(file, before);
    const out = recorder();
    const done = runSession({ file, priorities: ['P1', 'P2'], top: null, writeIn: false, now: FIXED }, out);
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'ann');
    expect(out.lines.at(-1)).toMatch(/^Ann's stack in .*stacks\.csv has no submit time \(line 2\), so a new one could not be told from it: nothing changed\./);
    await answer(/What next\?/, 'Finish w', true);
    await done;
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('runSession: --leaders names the role offered (QA 16, item 10)', () => {
  it("asks with the leaders' role and offers it first", async () => {
    const file = sheetIn();
    writeFileSync(
      file,
      [
        'respondent,role,department,submitted,priority,rank',
        'Ben,Executive,,2026-03-01T08:00:00.000Z,P1,1',
        'Ben,Executive,,2026-03-01T08:00:00.000Z,P2,2',
        '',
      ].join('\n'),
    );
    const out = recorder();
    const done = runSession({ file, priorities: ['P1', 'P2'], top: null, writeIn: false, leaders: ['Manager'], now: FIXED }, out);
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Ann');
    expect(screen.getScreen()).toMatch(/the leaders' role is "Manager"/);
    expect(screen.getScreen()).not.toMatch(/"Executive"/);
    await answer(/Your role/, ''); // Enter: the default, the leaders' role
    await answer(/Your department/, 'N');
    await answer(/Pick your #1/, 'P1');
    await answer(/Pick your #2/, 'P2');
    await answer(/Is this your stack\?/, 'Y');
    await answer(/What next\?/, 'Finish w', true);
    await done;
    expect(readSheet(file).submissions.find((s) => s.respondent === 'Ann')?.role).toBe('Manager');
  });
});

describe('runSession: what the screen says (QA 16, Low items)', () => {
  it('a --top of at least N is a full ranking; a review part-way says "still to place"; who has submitted is one a line', async () => {
    const file = sheetIn();
    writeFileSync(
      file,
      [
        'respondent,role,department,submitted,priority,rank',
        '"Adu, Ben",Executive,,2026-03-01T08:00:00.000Z,P1,1',
        '"Adu, Ben",Executive,,2026-03-01T08:00:00.000Z,P2,2',
        '',
      ].join('\n'),
    );
    const out = recorder();
    const done = runSession({ file, priorities: ['P1', 'P2'], top: 3, writeIn: false, now: FIXED }, out);
    expect(out.lines[0]).toMatch(/2 priorities, each participant ranks them all\./);
    await answer(/What next\?/, 'W');
    expect(out.lines.at(-1)).toBe('Submitted (1):\n  Adu, Ben');
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Cleo');
    await answer(/Your role/, '');
    await answer(/Your department/, 'N');
    await answer(/Pick your #1/, 'P2');
    await answer(/Pick your #2/, 'R');
    expect(out.lines.at(-1)).toBe('  #1  P2\n  still to place: P1');
    await answer(/Pick your #2/, 'C');
    await answer(/What next\?/, 'Finish w', true);
    await done;
  });
});

describe('runSession: a save that fails (QA 16, item 6)', () => {
  it('says so with the stack still on screen, offers to try again, and giving up is a UsageError (exit 2) naming whose stack was not saved', async () => {
    // /dev/full: every write fails with ENOSPC, as a full disk would (align collect refuses a device up front; runSession is driven here directly)
    const out = recorder();
    const done = runSession({ file: '/dev/full', priorities: ['P1', 'P2'], top: null, writeIn: false, now: FIXED }, out);
    const failed = expect(done).rejects.toThrow(/Ann's stack could not be saved to \/dev\/full \(ENOSPC\) and is not in it/);
    await answer(/What next\?/, 'N');
    await answer(/Your name/, 'Ann');
    await answer(/Your role/, '');
    await answer(/Your department/, 'N');
    await answer(/Pick your #1/, 'P2');
    await answer(/Pick your #2/, 'P1');
    await answer(/Is this your stack\?/, 'Y');
    expect(out.lines.at(-1)).toBe('Could not save this stack to /dev/full (ENOSPC). It is still here, not yet in the file.');
    expect(out.lines.at(-2)).toBe('  #1  P2\n  #2  P1'); // the stack, on screen above
    await answer(/Try again\?/, 'T'); // fails again
    expect(out.lines.at(-1)).toMatch(/^Could not save this stack/);
    expect(out.clears).toBe(0); // nothing cleared: the stack stays for the retry
    await answer(/Try again\?/, 'S', true);
    await failed;
  });
});
