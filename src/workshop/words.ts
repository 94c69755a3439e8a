/**
 * Every word the workshop views (align collect, the reveal) show a person, in
 * one object, so that a later pass can move them into a message catalogue
 * without hunting through the flow. Functions take the values they place;
 * names from the input reach them already made safe for the terminal.
 */
import { fmtCount } from '../format.js';
import { t } from '../i18n/index.js';

export const WORDS = {
  // --- align collect: the facilitator's set-up
  askPriority: (n: number) => `Priority ${n} (leave empty when the list is complete)`,
  priorityProblem: {
    empty: 'Type a priority, or leave the line empty to finish the list',
    control: 'Use letters, digits and punctuation only (no control characters)',
    formula: 'Start with a letter or digit (a spreadsheet would run =, +, - or @ as a formula)',
    twice: (name: string) => `${name} is on the list already`,
    tooFew: 'A stack needs at least two priorities',
  },
  intro: (file: string, n: number, top: number | null) =>
    `Collecting priority stacks into ${file}: ${fmtCount(n, 'priority', 'priorities')}, ${top === null ? 'each participant ranks them all' : `each participant picks a top ${top}`}. Every confirmed stack is saved at once.`,
  resuming: (names: readonly string[]) => `Resuming: ${fmtCount(names.length, 'stack')} already submitted (${names.join(', ')}).`,
  menu: 'What next?',
  menuNext: 'Next participant',
  menuWho: 'Who has submitted',
  menuReveal: 'Finish and reveal the stacks',
  menuFinish: 'Finish without the reveal',
  nobodyYet: 'Nobody has submitted yet.',
  // one a line: a comma inside a name would make a comma-separated list ambiguous
  submittedList: (names: readonly string[]) => `Submitted (${names.length}):\n${names.map((n) => `  ${n}`).join('\n')}`,

  // --- align collect: one participant
  askName: 'Your name',
  get nameProblem() {
    return { empty: 'Type your name', control: WORDS.priorityProblem.control, formula: WORDS.priorityProblem.formula };
  },
  replace: (name: string, when: string) =>
    `${name} submitted a stack at ${when}. Replace it with a new one? (the earlier one stays in the file, marked as replaced)`,
  askRole: (leader: string) => `Your role (the leaders' role is "${leader}")`,
  askDepartment: 'Your department',
  other: 'Other (type it)…',
  noDepartment: 'None',
  typeRole: 'Role',
  typeDepartment: 'Department',
  pick: (position: number, of: number) => `Pick your #${position} (of ${of})`,
  undo: (name: string) => `Undo: take back ${name}`,
  review: 'Review my stack so far',
  writeIn: 'Write in a priority that is not on the list…',
  askWriteIn: 'Your priority',
  writeInKnown: (name: string) => `That is ${name}, already on the list: picked.`,
  cancel: 'Cancel this stack (nothing is saved)',
  stackTitle: (name: string) => `Stack of ${name}`,
  stackLine: (position: number, name: string) => `  #${position}  ${name}`,
  notRanked: (names: readonly string[]) => `  not ranked: ${names.join(', ')}`,
  notPlacedYet: (names: readonly string[]) => `  still to place: ${names.join(', ')}`,
  confirmMenu: 'Is this your stack?',
  confirmSave: 'Yes, save it',
  confirmUndo: 'Undo the last pick',
  confirmRestart: 'Start again',
  saved: (name: string, count: number) =>
    `Saved ${name}'s stack (${fmtCount(count, 'stack')} in the file). The screen is cleared: pass the keyboard to the next participant.`,
  cancelled: 'Cancelled: nothing saved for this participant.',
  untimed: (name: string, file: string, line: number) =>
    `${name}'s stack in ${file} has no submit time (line ${line}), so a new one could not be told from it: nothing changed. Fill in the submitted cells of those rows (e.g. 2026-03-01T09:00:00Z), then run align collect again.`,
  saveFailed: (file: string, code: string) => `Could not save this stack to ${file} (${code}). It is still here, not yet in the file.`,
  saveFailedMenu: 'Try again?',
  saveRetry: 'Try saving again',
  saveGiveUp: 'Stop (this stack is not saved)',
  notSaved: (name: string, file: string, code: string) =>
    `${name}'s stack could not be saved to ${file} (${code}) and is not in it; the stacks saved before are, so fix the file or its folder and run align collect ${file} again`,
  interrupted: (file: string, count: number, flags = '') =>
    `Stopped. ${fmtCount(count, 'stack')} saved in ${file}; run the same command again to carry on, or align stack ${file}${flags} --reveal to show them.`,
  finished: (file: string, count: number, flags = '') =>
    `${fmtCount(count, 'stack')} in ${file}. Compare them any time with align stack ${file}${flags}, or show them with --reveal.`,

  // --- the reveal: projected to the room, so in the view's language (the catalogue; collect.ts renders it inside withLanguage)
  revealTitle: (label: string, index: number, of: number) => t('reveal.title', { label, index, of }),
  leaderLabel: (letter: string) => t('reveal.leader', { letter }),
  get anonymousNote(): string {
    return t('reveal.anonymousNote');
  },
  get summaryTitle(): string {
    return t('reveal.summaryTitle');
  },
  pageFooter: (page: number, of: number) => t('reveal.pageFooter', { page, of }),
  lastFooter: (page: number, of: number) => t('reveal.lastFooter', { page, of }),
} as const;
