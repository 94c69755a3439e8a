import { displaySafe } from './text.js';

/**
 * The three kinds of failure align knows. Commands throw these; only
 * src/cli/main.ts turns them into a message and an exit code:
 * InputError and UsageError exit 2 with one line, Interrupted exits 130
 * (what it had to say is said), anything else exits 1.
 */

/** Bad input: a file, line and column the user can go and look at, and what to do. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(formatInputError(file, line, column, problem, fix));
    this.name = 'InputError';
  }
}

/** A bad command line or a bad combination of options (no file position to name). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The user stopped the command with Ctrl-C at a prompt (the prompt library takes the key, so no
 * SIGINT arrives): what was saved is said already; the run exits 130, as one ended by SIGINT does.
 */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** A broken invariant inside align: a bug, not the user's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/**
 * The sheet each workbook was read from (table.ts records it when it opens
 * one), so that every message about the file names it after the file:
 * `responses.xlsx:Sheet1:14:"Header"`, the line being the sheet's row. Kept
 * here, where every message is worded, so no thrower has to know whether its
 * file was a workbook.
 */
const sheets = new Map<string, string>();

/** Records that `file` (as the user named it) was read from `sheet` (null: not a sheet, or not yet). */
export function nameSheet(file: string, sheet: string | null): void {
  if (sheet === null) sheets.delete(file);
  else sheets.set(file, sheet);
}

/** `file`, or `file:Sheet` for a workbook: where a message or a ledger line is. */
function placeOf(file: string): string {
  const sheet = sheets.get(file);
  return sheet === undefined ? file : `${file}:${sheet}`;
}

/**
 * `<file>:<line>:<column>: problem; fix` (`<file>:<sheet>:<line>:…` for a workbook). The column is named by its header text
 * (quoted) because that is what the user sees in a spreadsheet. The problem
 * quotes cells and headers from the input: the whole line goes through
 * displaySafe, so no control character in the data reaches the terminal.
 */
export function formatInputError(file: string, line: number | null, column: string | null, problem: string, fix?: string): string {
  let where = placeOf(file);
  if (line !== null) where += `:${line}`;
  if (column !== null) where += `:${JSON.stringify(column)}`;
  return displaySafe(`${where}: ${problem}${fix ? `; ${fix}` : ''}`);
}
