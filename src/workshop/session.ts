/**
 * The interactive flow of `align collect`: the facilitator's menu, then for
 * each participant name, role, department and the stack, picked #1, #2, …
 * from the priorities left, with undo, review and confirm. Each confirmed
 * stack is appended to the sheet at once (sheet.ts) and the screen cleared
 * before the next participant.
 *
 * The prompts are @inquirer/prompts (injected, so tests drive them with
 * @inquirer/testing); what the flow prints between prompts goes to `out`.
 * Every name from the sheet or the keyboard is shown through terminalName
 * (no control character, at most 80 characters), as in the stack view.
 * Ctrl-C inside a prompt ends the session with what was confirmed saved.
 */
import { styleText } from 'node:util';
import { confirm, input, Separator, select } from '@inquirer/prompts';
import { UsageError } from '../errors.js';
import { priorityKey } from '../ingest/priority-key.js';
import { terminalName as shown } from '../render/terminal-stack.js';
import { appendStack, findSubmission, readSheet, type SheetStack, type SheetState, sheetTextProblem } from './sheet.js';
import { WORDS } from './words.js';

export interface Prompts {
  select: typeof select;
  input: typeof input;
  confirm: typeof confirm;
}

export const INQUIRER: Prompts = { select, input, confirm };

/**
 * `prompts` with the chrome @inquirer/prompts lets align word, in the
 * session's language: a menu's help line ("↑↓ navigate • ⏎ select", drawn as
 * @inquirer/select draws it, so English is unchanged) and a yes/no question's
 * answers. What the library writes without a way in stays as it is.
 */
function worded(prompts: Prompts): Prompts {
  const keysHelpTip = (keys: Array<[key: string, action: string]>) =>
    keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', WORDS.keyAction(action))}`).join(styleText('dim', ' • '));
  return {
    select: ((config, context) =>
      prompts.select({ ...config, theme: { ...config.theme, style: { keysHelpTip, ...config.theme?.style } } }, context)) as Prompts['select'],
    input: prompts.input,
    confirm: ((config, context) => {
      const keywords = { yes: WORDS.yes, no: WORDS.no, error: ({ yes, no }: { yes: string; no: string }) => WORDS.yesOrNo(yes, no) };
      return prompts.confirm({ ...config, theme: { ...config.theme, keywords: { ...keywords, ...config.theme?.keywords } } }, context);
    }) as Prompts['confirm'],
  };
}

export interface SessionOut {
  /** A line (or lines) for the room, between prompts. */
  say(text: string): void;
  /** Clears the screen and its scroll-back, so the next participant cannot scroll up to the last stack. */
  clear(): void;
}

export interface SessionOptions {
  file: string;
  /** The session's priorities (at least two), as they are offered. */
  priorities: string[];
  /** Top-k: each participant picks this many (null: all). */
  top: number | null;
  /** Whether a participant may write in a priority that is not on the list. */
  writeIn: boolean;
  /** The leaders' roles (collect --leaders); the first is offered as the role. Default Executive. */
  leaders?: readonly string[];
  /** The clock (tests fix it). */
  now?: () => Date;
}

export interface SessionResult {
  /** Stacks in the file when the session ended, one per participant. */
  submitted: number;
  /** The facilitator chose "Finish and reveal". */
  reveal: boolean;
}

/** How many a participant picks: the top k, or every priority. */
export function picksWanted(top: number | null, n: number): number {
  return top === null ? n : Math.min(top, n);
}

/** The submit time of a new stack: now, and always after every time in the sheet (a re-submission must sort later). */
export function nextSubmitted(state: Pick<SheetState, 'submissions'>, now: Date): string {
  let t = now.getTime();
  for (const s of state.submissions) {
    const before = Date.parse(s.submitted);
    if (Number.isFinite(before) && before >= t) t = before + 1;
  }
  return new Date(t).toISOString();
}

type MenuChoice = 'next' | 'who' | 'reveal' | 'finish';

export async function runSession(options: SessionOptions, out: SessionOut, given: Prompts = INQUIRER): Promise<SessionResult> {
  const prompts = worded(given);
  const state = readSheet(options.file);
  const priorities = [...options.priorities];
  // a --top of at least N is a full ranking, and said so
  const top = options.top !== null && options.top < priorities.length ? options.top : null;
  out.say(WORDS.intro(shown(options.file), priorities.length, top));
  if (state.submissions.length > 0) out.say(WORDS.resuming(state.submissions.map((s) => shown(s.respondent))));
  for (;;) {
    const choices: Array<{ name: string; value: MenuChoice }> = [{ name: WORDS.menuNext, value: 'next' }];
    choices.push({ name: WORDS.menuWho, value: 'who' });
    if (state.submissions.length > 0) choices.push({ name: WORDS.menuReveal, value: 'reveal' });
    choices.push({ name: WORDS.menuFinish, value: 'finish' });
    const action = await prompts.select<MenuChoice>({ message: WORDS.menu, choices });
    if (action === 'finish' || action === 'reveal') return { submitted: state.submissions.length, reveal: action === 'reveal' };
    if (action === 'who') {
      out.say(state.submissions.length === 0 ? WORDS.nobodyYet : WORDS.submittedList(state.submissions.map((s) => shown(s.respondent))));
      continue;
    }
    const saved = await participant(options, state, priorities, out, prompts);
    // cleared either way: a cancelled entry (name, picks, a write-in) must not stay on screen for the next participant
    out.clear();
    if (saved !== null && typeof saved !== 'string') out.say(WORDS.saved(shown(saved.respondent), state.submissions.length));
    else out.say(saved ?? WORDS.cancelled);
  }
}

/**
 * One participant, from their name to the confirmed stack appended to the
 * sheet; null when cancelled, or why the entry could not start.
 */
async function participant(
  options: SessionOptions,
  state: SheetState,
  priorities: string[],
  out: SessionOut,
  prompts: Prompts,
): Promise<SheetStack | string | null> {
  const typed = (
    await prompts.input({
      message: WORDS.askName,
      validate: (v) => {
        const problem = sheetTextProblem(v);
        return problem === null ? true : WORDS.nameProblem[problem];
      },
    })
  ).trim();
  const earlier = findSubmission(state, typed);
  // A hand-filled stack without a submit time cannot be told from a later one (the reader would
  // take both as one stack, each priority ranked twice): refused before the entry, the sheet untouched.
  if (earlier?.untimedLine !== undefined) return WORDS.untimed(shown(earlier.respondent), shown(options.file), earlier.untimedLine);
  if (earlier) {
    const when = new Date(earlier.submitted);
    const at = Number.isFinite(when.getTime()) ? when.toISOString().slice(11, 16) : shown(earlier.submitted);
    if (!(await prompts.confirm({ message: WORDS.replace(shown(earlier.respondent), at), default: false }))) return null;
  }
  // the earlier spelling, so the reader sees one respondent submitting again
  const respondent = earlier ? earlier.respondent : typed;
  const leader = options.leaders?.[0] ?? 'Executive';
  const role = await remembered(prompts, WORDS.askRole(leader), WORDS.typeRole, withDefault(state.roles, leader), earlier?.role ?? leader, false);
  const department = await remembered(prompts, WORDS.askDepartment, WORDS.typeDepartment, state.departments, earlier?.department, true);
  // a write-in joins the list only once the stack is saved: a cancelled one leaves nothing behind
  const offered = [...priorities];
  const ranked = await buildStack(options, offered, out, prompts);
  if (ranked === null) return null;
  const rankedKeys = new Set(ranked.map(priorityKey));
  const stack: SheetStack = {
    respondent,
    role,
    department,
    submitted: nextSubmitted(state, options.now?.() ?? new Date()),
    ranked,
    unranked: offered.filter((p) => !rankedKeys.has(priorityKey(p))),
  };
  await save(options.file, stack, state, prompts, out);
  priorities.push(...offered.slice(priorities.length));
  const at = state.submissions.findIndex((s) => s.respondent === respondent);
  if (at >= 0) state.submissions[at] = stack;
  else state.submissions.push(stack);
  if (!state.roles.includes(role)) state.roles.push(role);
  if (department !== '' && !state.departments.includes(department)) state.departments.push(department);
  return stack;
}

/**
 * Appends the stack, checking the sheet is still the one read. A write that
 * fails (a full disk, a permission taken away) says why and offers to try
 * again, the stack still on the screen; giving up, or a sheet deleted or
 * replaced during the session, stops with exit 2 saying the stack was not saved.
 */
async function save(file: string, stack: SheetStack, state: SheetState, prompts: Prompts, out: SessionOut): Promise<void> {
  for (;;) {
    try {
      state.identity = appendStack(file, stack, state.identity);
      return;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      out.say(WORDS.saveFailed(shown(file), code));
      const again = await prompts.select<boolean>({
        message: WORDS.saveFailedMenu,
        choices: [
          { name: WORDS.saveRetry, value: true },
          { name: WORDS.saveGiveUp, value: false },
        ],
      });
      // an error that ends the command, so in English as every error is (issue 15), not in the session's language
      if (!again)
        throw new UsageError(
          `${stack.respondent}'s stack could not be saved to ${file} (${code}) and is not in it; the stacks saved before are, so fix the file or its folder and run align collect ${file} again`,
        );
    }
  }
}

function withDefault(values: readonly string[], first: string): string[] {
  return values.some((v) => v.toLowerCase() === first.toLowerCase()) ? [...values] : [first, ...values];
}

/** A choice among the values given before, or a new one typed; `blank` offers "None" (an empty cell). */
async function remembered(
  prompts: Prompts,
  message: string,
  typeMessage: string,
  values: readonly string[],
  preferred: string | undefined,
  blank: boolean,
): Promise<string> {
  const OTHER = '\u0000other';
  const choices: Array<{ name: string; value: string }> = values.map((v) => ({ name: shown(v), value: v }));
  if (blank) choices.push({ name: WORDS.noDepartment, value: '' });
  choices.push({ name: WORDS.other, value: OTHER });
  const first = preferred !== undefined && choices.some((c) => c.value === preferred) ? preferred : undefined;
  const picked = await prompts.select<string>({ message, choices, ...(first !== undefined ? { default: first } : {}) });
  if (picked !== OTHER) return picked;
  return (
    await prompts.input({
      message: typeMessage,
      validate: (v) => {
        const problem = sheetTextProblem(v);
        return problem === null ? true : WORDS.nameProblem[problem];
      },
    })
  ).trim();
}

type PickChoice = { kind: 'pick'; name: string } | { kind: 'undo' } | { kind: 'review' } | { kind: 'write-in' } | { kind: 'cancel' };
type ConfirmChoice = 'save' | 'undo' | 'restart';

/** The stack, picked one position at a time; a write-in joins `priorities` for whoever follows. Null when cancelled. */
export async function buildStack(options: SessionOptions, priorities: string[], out: SessionOut, prompts: Prompts): Promise<string[] | null> {
  const picked: string[] = [];
  for (;;) {
    const wanted = picksWanted(options.top, priorities.length);
    if (picked.length >= wanted) {
      out.say(stackText(picked, priorities));
      const next = await prompts.select<ConfirmChoice>({
        message: WORDS.confirmMenu,
        choices: [
          { name: WORDS.confirmSave, value: 'save' },
          { name: WORDS.confirmUndo, value: 'undo' },
          { name: WORDS.confirmRestart, value: 'restart' },
        ],
      });
      if (next === 'save') return picked;
      if (next === 'undo') picked.pop();
      else picked.length = 0;
      continue;
    }
    const taken = new Set(picked.map(priorityKey));
    const left = priorities.filter((p) => !taken.has(priorityKey(p)));
    const choices: Array<{ name: string; value: PickChoice } | Separator> = left.map((name) => ({ name: shown(name), value: { kind: 'pick', name } }));
    choices.push(new Separator());
    if (options.writeIn) choices.push({ name: WORDS.writeIn, value: { kind: 'write-in' } });
    if (picked.length > 0) {
      choices.push({ name: WORDS.undo(shown(picked[picked.length - 1]!)), value: { kind: 'undo' } });
      choices.push({ name: WORDS.review, value: { kind: 'review' } });
    }
    choices.push({ name: WORDS.cancel, value: { kind: 'cancel' } });
    const answer = await prompts.select<PickChoice>({
      message: WORDS.pick(picked.length + 1, wanted),
      choices,
      pageSize: Math.min(choices.length, 20),
      loop: false,
    });
    if (answer.kind === 'pick') picked.push(answer.name);
    else if (answer.kind === 'undo') picked.pop();
    else if (answer.kind === 'review') out.say(stackText(picked, priorities, false));
    else if (answer.kind === 'cancel') return null;
    else {
      const name = await writeIn(priorities, taken, prompts);
      const known = priorities.find((p) => priorityKey(p) === priorityKey(name));
      if (known) {
        out.say(WORDS.writeInKnown(shown(known)));
        picked.push(known);
      } else {
        priorities.push(name);
        picked.push(name);
      }
    }
  }
}

async function writeIn(priorities: readonly string[], taken: ReadonlySet<string>, prompts: Prompts): Promise<string> {
  return (
    await prompts.input({
      message: WORDS.askWriteIn,
      validate: (v) => {
        const problem = sheetTextProblem(v);
        if (problem !== null) return WORDS.priorityProblem[problem];
        if (priorityKey(v) === '') return WORDS.priorityProblem.empty;
        const key = priorityKey(v);
        if (taken.has(key)) return WORDS.priorityProblem.twice(shown(priorities.find((p) => priorityKey(p) === key) ?? v.trim()));
        return true;
      },
    })
  ).trim();
}

/** A stack as the participant reviews it: #1, #2, … and what is left: unranked when `complete`, else still to place. */
export function stackText(picked: readonly string[], priorities: readonly string[], complete = true): string {
  const taken = new Set(picked.map(priorityKey));
  const left = priorities.filter((p) => !taken.has(priorityKey(p)));
  const lines = picked.map((name, i) => WORDS.stackLine(i + 1, shown(name)));
  if (left.length > 0) lines.push(complete ? WORDS.notRanked(left.map(shown)) : WORDS.notPlacedYet(left.map(shown)));
  return lines.join('\n');
}

/**
 * The priorities typed one a line by the facilitator, when no flag or file gave them:
 * until an empty line, at least two, no name twice.
 */
export async function askPriorities(given: Prompts = INQUIRER): Promise<string[]> {
  const prompts = worded(given);
  const list: string[] = [];
  for (;;) {
    const name = (
      await prompts.input({
        message: WORDS.askPriority(list.length + 1),
        validate: (v) => {
          if (v.trim() === '') return list.length >= 2 ? true : WORDS.priorityProblem.tooFew;
          const problem = sheetTextProblem(v);
          if (problem !== null) return WORDS.priorityProblem[problem];
          const key = priorityKey(v);
          if (key === '') return WORDS.priorityProblem.empty;
          const twin = list.find((p) => priorityKey(p) === key);
          return twin ? WORDS.priorityProblem.twice(shown(twin)) : true;
        },
      })
    ).trim();
    if (name === '') return list;
    list.push(name);
  }
}
