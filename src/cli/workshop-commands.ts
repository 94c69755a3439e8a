/**
 * The workshop commands' flags and help (align collect, align init), kept
 * here so main.ts registers them in one line; the commands themselves are
 * loaded only when run (collect.ts, init.ts).
 */
import { type Command, Option } from 'commander';
import type { Io } from './io.js';
import { collect, flags as flag, nonEmpty, repeatable, wholeNumber } from './options.js';

export function registerWorkshop(program: Command, io: Io, examples: (lines: string[]) => string): void {
  program
    .command('collect')
    .description('collect priority stacks live in a workshop: each participant ranks at the keyboard, each stack saved at once, resumable')
    .argument('[stacks]', 'the stacks sheet (CSV) to add to: created if absent, carried on if it exists')
    .addOption(
      repeatable(
        new Option('--priority <name>', "a priority to rank; repeat for each (default: the sheet's, else typed in at the start)").argParser(
          collect(nonEmpty('--priority', "a priority's name")),
        ),
      ),
    )
    .addOption(
      new Option('--priorities <file>', 'the priorities from a file: one a line, or a stacks file (.csv, .tsv, .xlsx) as align stack reads it').argParser(
        nonEmpty('--priorities', 'a text file with one priority a line'),
      ),
    )
    .addOption(new Option('--top <k>', 'each participant picks a top k instead of ranking every priority').argParser(wholeNumber('--top', 1)))
    .option('--write-in', 'let a participant add a priority that is not on the list (it joins the list for those who follow)')
    .option('--anonymize', 'in the reveal at the end, show leaders as A, B, C instead of their names')
    .addOption(flag.leaders())
    .addOption(flag.lang("the prompts, the room's messages and the reveal"))
    .addOption(
      new Option('--blank-sheet <file>', 'write an empty stacks sheet to fill in a spreadsheet instead, and ask nothing').argParser(
        nonEmpty('--blank-sheet', 'a file name'),
      ),
    )
    .addOption(flag.force('with --blank-sheet: replace the file if it exists (never a link or a device)'))
    .addOption(flag.noColor())
    .addOption(flag.quiet())
    .addHelpText(
      'after',
      examples([
        'align collect stacks.csv --priority "Grow revenue" --priority "Cut costs" --priority "Hire well"',
        'align collect stacks.csv --priorities priorities.txt --top 3 --write-in',
        'align collect stacks.csv                       # carry on where the last run stopped',
        'align collect stacks.csv --lang fr             # the prompts in French (or language: fr in align.yml)',
        'align collect --blank-sheet stacks.csv          # no terminal: fill the sheet in a spreadsheet',
        'align stack stacks.csv --reveal --anonymize',
      ]),
    )
    .action(async (file: string | undefined, flags: Record<string, unknown>) => {
      const { collectCommand } = await import('./collect.js');
      await collectCommand({ ...(file !== undefined ? { file } : {}), ...flags }, io);
    });

  program
    .command('init')
    .description(
      'scaffold an engagement folder: align.yml with every key explained, the survey questions to paste, an empty stacks sheet, a README for the client',
    )
    .argument('<dir>', 'the folder to create (it must be empty or absent, unless --force)')
    .addOption(flag.force('write into a folder that is not empty, replacing files of the same names (never a link or a device)'))
    .addOption(flag.quiet())
    .addHelpText('after', examples(['align init acme-2026-q3', 'align init . --force']))
    .action(async (dir: string, flags: { force?: boolean; quiet?: boolean }) => {
      const { initCommand } = await import('./init.js');
      await initCommand({ dir, ...flags }, io);
    });
}
