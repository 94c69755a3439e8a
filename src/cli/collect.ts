/**
 * `align collect <stacks.csv>`: collect priority stacks live in a workshop,
 * each confirmed stack appended to the sheet at once (src/workshop/sheet.ts),
 * resumable by running the same command again; then, if the facilitator
 * chooses, the reveal. `align collect --blank-sheet <file>` writes an empty
 * sheet for teams who gather stacks in a shared spreadsheet instead. And
 * `align stack <file> --reveal` (revealCommand) shows a sheet's stacks one at a time.
 *
 * Interactive only on a terminal (STYLE.md habit 14): without one, exit 2
 * naming what to do instead.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Interrupted, UsageError } from '../errors.js';
import { withLanguage } from '../i18n/index.js';
import { type AnyLanguage, readerLanguage } from '../i18n/languages.js';
import { priorityKey } from '../ingest/priority-key.js';
import { checkSheetTarget, readSheet, sheetTextProblem } from '../workshop/sheet.js';
import { WORDS } from '../workshop/words.js';
import type { Io } from './io.js';
import { colorLevel, useColor } from './io.js';
import type { ReadingFlags } from './options.js';
import { writeAtomic } from './output.js';

export interface CollectOptions {
  file?: string;
  blankSheet?: string;
  priority?: string[];
  priorities?: string;
  top?: number;
  writeIn?: boolean;
  anonymize?: boolean;
  leaders?: string[];
  force?: boolean;
  quiet?: boolean;
  color?: boolean;
  /** --lang: the language of the prompts, the room's messages and the reveal (else align.yml's `language:`, else English). */
  lang?: AnyLanguage;
}

export interface RevealOptions extends ReadingFlags {
  file: string;
  anonymize?: boolean;
  /** From align stack's flags: --reveal itself, and --json, which the reveal does not combine with. */
  reveal?: boolean;
  json?: boolean;
}

/** Why a prompt cannot run here, naming the non-interactive way to the same end. */
function requireTerminal(io: Io, what: string, instead: string): void {
  if (io.interactive) return;
  // say which end is not a terminal: a redirected output is not a missing keyboard
  const inputIsTerminal = Boolean(process.stdin.isTTY);
  const outputIsTerminal = Boolean((io.stdout as { isTTY?: boolean }).isTTY);
  const which = inputIsTerminal && !outputIsTerminal ? 'standard output is not a terminal (it is redirected)' : 'standard input is not a terminal';
  throw new UsageError(`${what} needs a person at the keyboard, and ${which}; ${instead}`);
}

const COLLECT_INSTEAD =
  'to gather stacks without one, write an empty sheet with align collect --blank-sheet stacks.csv, fill it in a spreadsheet, and compare the stacks with align stack stacks.csv';

export async function collectCommand(options: CollectOptions, io: Io): Promise<void> {
  if (options.blankSheet !== undefined) {
    if (options.file !== undefined)
      throw new UsageError('--blank-sheet writes a sheet and collects nothing; give either a sheet to collect into or --blank-sheet <file>');
    await writeBlankSheet(options.blankSheet, options, io);
    return;
  }
  if (options.file === undefined)
    throw new UsageError('name the stacks sheet to collect into, e.g. align collect stacks.csv (or write an empty one with --blank-sheet stacks.csv)');
  const file = options.file;
  // every check that needs no keyboard comes first, so a mistake is said before the terminal is
  checkSheetTarget(file);
  const state = readSheet(file);
  const given = await givenPriorities(options, io);
  let priorities: string[] | null = null;
  if (given !== null) {
    const before = new Set(state.priorities.map(priorityKey));
    const missing = given.filter((p) => !before.has(priorityKey(p)));
    if (state.priorities.length > 0 && missing.length > 0) {
      throw new UsageError(
        `${file} was started with the priorities ${state.priorities.map((p) => JSON.stringify(p)).join(', ')}, and ${JSON.stringify(missing[0])} is not among them (a new priority would change every earlier stack); collect into a new file, or leave out --priority/--priorities to carry on with the file's list`,
      );
    }
    priorities = listOrder(given, state.priorities);
  } else if (state.priorities.length > 0) {
    priorities = listOrder([], state.priorities);
  }
  if (priorities !== null) sameTopAsBefore(file, state.submissions, priorities.length, options.top);
  // the facilitator and participants read the session in the reader's language, decided as for the reveal that may follow
  const { loadConfigFor } = await import('./load.js');
  // align.yml is read only when --lang does not settle it (a broken align.yml then stops here, before the first prompt)
  const lang = readerLanguage(options.lang, options.lang !== undefined ? {} : (await loadConfigFor({}, io)).config);
  requireTerminal(io, 'align collect', COLLECT_INSTEAD);
  const { runSession, askPriorities } = await import('../workshop/session.js');
  const { CLEAR } = await import('../workshop/reveal.js');
  const say = (text: string) => io.stdout.write(`${text}\n`);
  // the commands suggested at the end carry the leaders' roles this session was given (else they show only Executives)
  const leaderFlags = (options.leaders ?? []).map((l) => ` --leaders ${/^[\w.-]+$/.test(l) ? l : JSON.stringify(l)}`).join('');
  const reveal = await withLanguage(lang, async () => {
    try {
      const list = priorities ?? (await askPriorities());
      const result = await runSession(
        { file, priorities: list, top: options.top ?? null, writeIn: Boolean(options.writeIn), leaders: options.leaders },
        { say, clear: () => io.stdout.write(CLEAR) },
      );
      say(WORDS.finished(file, result.submitted, leaderFlags));
      return result.reveal;
    } catch (e) {
      if (e instanceof Error && e.name === 'ExitPromptError') {
        // Ctrl-C at a prompt: every confirmed stack is on disk already; the stack being entered is cleared from the screen
        io.stdout.write(CLEAR);
        say(`${WORDS.interrupted(file, readSheet(file).submissions.length, leaderFlags)}`);
        throw new Interrupted();
      }
      throw e;
    }
  });
  if (reveal)
    await revealCommand(
      { file, reveal: true, anonymize: options.anonymize, leaders: options.leaders, color: options.color, lang: options.lang, quiet: true },
      io,
    );
}

/**
 * The order the priorities are offered in, on every run: the facilitator's
 * (--priority, or a text file of priorities), then any other priority of the
 * sheet in alphabetical order. Never the sheet's own row order: its first rows
 * are the first participant's stack, #1 first, and offering that order would
 * show the next participant (and the room) how that stack ran.
 */
export function listOrder(given: readonly string[], fromSheet: readonly string[]): string[] {
  const keys = new Set(given.map(priorityKey));
  const rest = fromSheet.filter((p) => !keys.has(priorityKey(p)));
  return [...given, ...alphabetical(rest)];
}

function alphabetical(names: readonly string[]): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Carrying on a sheet of top-k stacks without --top would ask the next
 * participants for a full ranking, and another --top would mix two sizes of
 * top k: stop and say which flag keeps them alike.
 */
function sameTopAsBefore(file: string, submissions: ReadonlyArray<{ ranked: readonly string[] }>, n: number, top: number | undefined): void {
  if (submissions.length === 0) return;
  const k = submissions[0]!.ranked.length;
  // a --top that is neither the sheet's k nor a full ranking would mix top-k stacks of two sizes
  if (k < n && submissions.every((s) => s.ranked.length === k) && top !== k && (top === undefined || top < n)) {
    throw new UsageError(
      `${file} holds top-${k} stacks (${k} of ${n} priorities ranked); pass --top ${k} to carry on alike, or --top ${n} to ask the next participants for a full ranking`,
    );
  }
}

/** --priority (repeatable) or --priorities <file>, checked; null when neither was given. */
async function givenPriorities(options: CollectOptions, io: Io): Promise<string[] | null> {
  if (options.priority && options.priorities)
    throw new UsageError('give the priorities either with --priority (repeated) or with --priorities <file>, not both');
  const list = options.priority ?? (options.priorities !== undefined ? await readPriorityList(options.priorities, options, io) : null);
  if (list === null) return null;
  const seen = new Map<string, string>();
  for (const name of list) {
    const problem = sheetTextProblem(name);
    const key = priorityKey(name);
    if (problem === 'formula')
      throw new UsageError(
        `the priority ${JSON.stringify(name)} starts with =, +, - or @, which a spreadsheet runs as a formula; start it with a letter or digit`,
      );
    if (problem !== null || key === '') throw new UsageError(`the priority ${JSON.stringify(name)} is not a priority name; use letters and digits`);
    if (seen.has(key)) throw new UsageError(`${JSON.stringify(name)} is the same priority as ${JSON.stringify(seen.get(key))}; list each priority once`);
    seen.set(key, name.trim());
  }
  if (seen.size < 2)
    throw new UsageError(`a stack needs at least two priorities, and ${seen.size === 1 ? 'one was' : 'none were'} given; name each with --priority`);
  return [...seen.values()];
}

/**
 * A file of priorities: a stacks file or survey export (.csv, .tsv, .xlsx: its
 * priorities as align stack reads them), else text with one priority a line
 * (blank lines and lines starting with # skipped).
 */
async function readPriorityList(path: string, options: CollectOptions, io: Io): Promise<string[]> {
  if (['.csv', '.tsv', '.xlsx'].includes(extname(path).toLowerCase())) {
    const { loadStack } = await import('./stack.js');
    const { result } = await loadStack({ file: path, leaders: options.leaders, quiet: true }, io);
    // a stacks file's order is a stack's order (listOrder): offered alphabetically instead
    return alphabetical(result.stack.priorities);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}); give a text file with one priority a line`);
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

async function writeBlankSheet(path: string, options: CollectOptions, io: Io): Promise<void> {
  const { blankSheet } = await import('../workshop/sheet.js');
  await writeAtomic(path, blankSheet(), { force: options.force, instead: 'name a new file' });
  if (!options.quiet) io.stderr.write(`align: wrote an empty stacks sheet to ${path}; one row per person and priority, then align stack ${path}\n`);
}

/** `align stack <file> --reveal`: each leader's stack a page at a time, then the stack view, paged. */
export async function revealCommand(options: RevealOptions, io: Io): Promise<void> {
  if (!options.reveal) {
    throw new UsageError('--anonymize hides the names in the reveal; add --reveal');
  }
  if (options.json) throw new UsageError('--reveal shows the stacks on a terminal and --json prints them for a script; use one of the two');
  requireTerminal(io, 'align stack --reveal', `print the whole view with align stack ${options.file} (without --reveal)`);
  const { loadStack } = await import('./stack.js');
  const { presentPages, revealPages } = await import('../workshop/reveal.js');
  const { result, lang } = await loadStack({ ...options, quiet: true }, io);
  const stdout = io.stdout as Io['stdout'] & { rows?: number };
  // in the view's language, as align stack's: the pages, and the footers drawn as they are shown
  const { withLanguage } = await import('../i18n/index.js');
  await withLanguage(lang, async () => {
    const pages = revealPages(result, {
      anonymize: Boolean(options.anonymize),
      width: stdout.columns ?? 80,
      height: stdout.rows ?? 24,
      color: useColor(io, options.color),
      colorLevel: colorLevel(io),
    });
    await presentPages(pages, { stdin: process.stdin, stdout: io.stdout });
  });
}
