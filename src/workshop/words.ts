/**
 * Every word the workshop views (align collect, the reveal) show a person, in
 * one object, each rendered from the message catalogue (`collect.*` and
 * `reveal.*` keys) in the language of the run around it (withLanguage: the
 * reader's language, --lang or align.yml). A getter, not a constant, so a
 * word is looked up when it is shown, in that run's language. Functions take
 * the values they place; names from the input reach them already made safe
 * for the terminal, and file names from the command line are made safe here. Line numbers and positions go in as text, written as
 * before the catalogue (no digit grouping).
 */
import { joined, t } from '../i18n/index.js';
import { displaySafe } from '../text.js';

export const WORDS = {
  // --- align collect: the facilitator's set-up
  askPriority: (n: number) => t('collect.askPriority', { n: String(n) }),
  priorityProblem: {
    get empty(): string {
      return t('collect.problem.empty');
    },
    get control(): string {
      return t('collect.problem.control');
    },
    get formula(): string {
      return t('collect.problem.formula');
    },
    twice: (name: string) => t('collect.problem.twice', { name }),
    get tooFew(): string {
      return t('collect.problem.tooFew');
    },
  },
  intro: (file: string, n: number, top: number | null) => t('collect.intro', { file: displaySafe(file), n, mode: top === null ? 'all' : 'top', k: top ?? 0 }),
  resuming: (names: readonly string[]) => t('collect.resuming', { n: names.length, names: joined(names, ', ') }),
  get menu(): string {
    return t('collect.menu');
  },
  get menuNext(): string {
    return t('collect.menu.next');
  },
  get menuWho(): string {
    return t('collect.menu.who');
  },
  get menuReveal(): string {
    return t('collect.menu.reveal');
  },
  get menuFinish(): string {
    return t('collect.menu.finish');
  },
  get nobodyYet(): string {
    return t('collect.nobodyYet');
  },
  // one a line: a comma inside a name would make a comma-separated list ambiguous
  submittedList: (names: readonly string[]) => `${t('collect.submitted', { n: names.length })}\n${names.map((n) => `  ${n}`).join('\n')}`,

  // --- align collect: one participant
  get askName(): string {
    return t('collect.askName');
  },
  get nameProblem() {
    return { empty: t('collect.problem.emptyName'), control: WORDS.priorityProblem.control, formula: WORDS.priorityProblem.formula };
  },
  /** `time` is the earlier stack's submit time, HH:MM in UTC (or the sheet's cell as written). */
  replace: (name: string, time: string) => t('collect.replace', { name, time }),
  askRole: (leader: string) => t('collect.askRole', { leader }),
  get askDepartment(): string {
    return t('collect.askDepartment');
  },
  get other(): string {
    return t('collect.other');
  },
  get noDepartment(): string {
    return t('collect.noDepartment');
  },
  get typeRole(): string {
    return t('collect.typeRole');
  },
  get typeDepartment(): string {
    return t('collect.typeDepartment');
  },
  pick: (position: number, of: number) => t('collect.pick', { position: String(position), of: String(of) }),
  undo: (name: string) => t('collect.undo', { name }),
  get review(): string {
    return t('collect.review');
  },
  get writeIn(): string {
    return t('collect.writeIn');
  },
  get askWriteIn(): string {
    return t('collect.askWriteIn');
  },
  writeInKnown: (name: string) => t('collect.writeInKnown', { name }),
  get cancel(): string {
    return t('collect.cancel');
  },
  /** A place in a stack as the reader's language marks it ('#1', « n° 1 », „Nr. 1“); `position` as text ('1', a midrank '7.5'). */
  position: (position: string) => t('collect.position', { position }),
  stackLine: (position: number, name: string) => `  ${WORDS.position(String(position))}  ${name}`,
  notRanked: (names: readonly string[]) => `  ${t('collect.notRanked', { names: joined(names, ', ') })}`,
  notPlacedYet: (names: readonly string[]) => `  ${t('collect.notPlacedYet', { names: joined(names, ', ') })}`,
  get confirmMenu(): string {
    return t('collect.confirmMenu');
  },
  get confirmSave(): string {
    return t('collect.confirmSave');
  },
  get confirmUndo(): string {
    return t('collect.confirmUndo');
  },
  get confirmRestart(): string {
    return t('collect.confirmRestart');
  },
  saved: (name: string, count: number) => t('collect.saved', { name, n: count }),
  get cancelled(): string {
    return t('collect.cancelled');
  },
  untimed: (name: string, file: string, line: number) => t('collect.untimed', { name, file: displaySafe(file), line: String(line) }),
  saveFailed: (file: string, code: string) => t('collect.saveFailed', { file: displaySafe(file), error: code }),
  get saveFailedMenu(): string {
    return t('collect.saveFailedMenu');
  },
  get saveRetry(): string {
    return t('collect.saveRetry');
  },
  get saveGiveUp(): string {
    return t('collect.saveGiveUp');
  },
  interrupted: (file: string, count: number, flags = '') => t('collect.interrupted', { n: count, file: displaySafe(file), flags }),
  finished: (file: string, count: number, flags = '') => t('collect.finished', { n: count, file: displaySafe(file), flags }),

  // --- the prompts' own chrome that @inquirer/prompts lets align word (session.ts, worded)
  get yes(): string {
    return t('collect.yes');
  },
  get no(): string {
    return t('collect.no');
  },
  yesOrNo: (yes: string, no: string) => t('collect.yesOrNo', { yes, no }),
  /** A key's action in a menu's help line, by the word @inquirer/select gives it; another word stays as the library wrote it. */
  keyAction: (action: string) => (action === 'navigate' ? t('collect.key.navigate') : action === 'select' ? t('collect.key.select') : action),

  // --- the reveal: projected to the room, so in the view's language
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
