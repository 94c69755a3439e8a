/**
 * The entry point: builds the commander program, runs one command, and is the
 * only place that turns errors into exit codes (STYLE.md habit 8):
 * 0 done; 2 usage or input error (one line, no stack trace); 1 a bug.
 * Commands are imported lazily so `align --help` costs little more than Node.
 */
import { Command, CommanderError } from 'commander';
import { InputError, Interrupted, UsageError } from '../errors.js';
import { displaySafe } from '../text.js';
import type { AuditCommandOptions } from './audit.js';
import { type Io, processIo } from './io.js';
import { addReadingFlags, args as arg, flags as flag, type ReadingFlags, type ReportFormat, refuseRepeatedValues } from './options.js';
import { SIGNAL_EXIT_CODES } from './output.js';
import { version } from './version.js';
import { registerWorkshop } from './workshop-commands.js';

const ISSUES_URL = 'https://github.com/align-audit/align/issues';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name('align')
    .description("Leadership alignment audits: compare leaders' priority stacks and read survey exports as they come out of the tools.")
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // main() prints usage errors in align's own one-line form
    })
    .addHelpText(
      'after',
      examples([
        'align stack examples/fernhill-stacks.csv',
        'align audit examples/fernhill-stacks.csv --format md -o report.md',
        'align inspect responses.csv',
        'align templates eject my-templates',
        'align schema -o audit-result.schema.json',
        'align diff before.json after.json',
        'align init acme-2026-q3',
        'align collect stacks.csv --priorities priorities.txt --top 3',
      ]),
    );

  addReadingFlags(
    program
      .command('stack')
      .description("compare the leaders' priority stacks in the terminal (the workshop view)")
      .addArgument(
        arg.file('rankings', 'a stacks file (long, wide by priority, wide by position, or one list cell) or a survey export with a ranking question'),
      )
      .option('--json', 'print the AuditResult (schemaVersion, input, stack, cascade) as JSON instead of the view')
      .option('--reveal', "show each leader's stack one at a time on a key press, then the view, paged (a terminal only)")
      .option('--anonymize', 'with --reveal: leaders shown as A, B, C instead of their names'),
  )
    .addHelpText(
      'after',
      examples([
        'align stack examples/fernhill-stacks.csv',
        'align stack stacks.csv --leaders "Executive" --leaders "Founder"',
        'align stack responses.csv --ranking-question "Rank these priorities" --json > stack.json',
        'NO_COLOR=1 align stack stacks.csv > stack.txt',
        'align stack stacks.csv --reveal --anonymize',
      ]),
    )
    .action(async (file: string, flags: ReadingFlags & { json?: boolean; reveal?: boolean; anonymize?: boolean }) => {
      if (flags.reveal || flags.anonymize) return (await import('./collect.js')).revealCommand({ file, ...flags }, io);
      const { stackCommand } = await import('./stack.js');
      await stackCommand({ file, ...flags }, io);
    });

  addReadingFlags(
    program
      .command('audit')
      .description('the main job: one export (or several waves/collectors) in, one report out')
      .addArgument(arg.files('responses', 'survey export(s) or stacks file(s) of one audit, merged in the order given'))
      .addOption(flag.rankings())
      .addOption(flag.format())
      .addOption(flag.table())
      .addOption(flag.client())
      .addOption(flag.facilitator())
      .addOption(flag.date())
      .addOption(flag.logo())
      .addOption(flag.output())
      .addOption(flag.force('replace the output file if it exists (never an input, the config or a template in use, a link or a device)'))
      .addOption(flag.template())
      .addOption(flag.baseline())
      .addOption(flag.paper())
      .addOption(flag.chromium()),
  )
    .addHelpText(
      'after',
      examples([
        'align audit examples/fernhill-stacks.csv',
        'align audit responses.csv --format json -o audit.json',
        'align audit examples/fernhill-survey.csv --config examples/align.yml --format pdf -o report.pdf',
        'align audit responses.csv --format pdf --paper letter --chromium /usr/bin/chromium -o report.pdf',
        'align audit wave1.csv wave2.csv --config align.yml -o report.md --force',
        'align audit responses.xlsx --sheet "Form1" --format html -o report.html',
        'align audit responses.csv --leaders "Leadership team" --min-group 7',
        'align audit survey.csv --rankings workshop-stacks.csv -o report.md',
        'align audit examples/fernhill-survey.csv --config examples/align.yml --format html -o report.html',
        'align audit examples/fernhill-survey.csv --config examples/align.yml --format csv --table items -o items.csv',
        'align audit responses.csv --format html --client "Fernhill Health" --facilitator "Sam Lee" --date 2026-10-14 --logo logo.svg -o report.html',
      ]),
    )
    .action(
      async (
        files: string[],
        // the command's own options, as commander parsed them (a type only: audit.js is still loaded when run)
        flags: Omit<AuditCommandOptions, 'files' | 'format'> & { format: ReportFormat },
      ) => {
        const { auditCommand } = await import('./audit.js');
        await auditCommand({ files, ...flags }, io);
      },
    );

  program
    .command('inspect')
    .description('say what a file is: tool, encoding, delimiter, columns and their roles, rows used and excluded')
    .addArgument(arg.file('file', 'a survey export or stacks file'))
    .addOption(flag.config())
    .addOption(flag.encoding())
    .addOption(flag.delimiter())
    .addOption(flag.sheet())
    .addOption(flag.rankingQuestion())
    .addOption(flag.writeConfig())
    .addOption(flag.force('replace the config file if it exists (never a link or a device)'))
    .addOption(flag.quiet())
    .addHelpText(
      'after',
      examples([
        'align inspect responses.csv',
        'align inspect qualtrics.csv --write-config',
        'align inspect export.txt --encoding utf-16le',
        'align inspect results.xlsx --sheet 2',
      ]),
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { inspect } = await import('./inspect.js');
      await inspect({ file, ...flags } as Parameters<typeof inspect>[0], io);
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the AuditResult that audit --format json and stack --json print')
    .addOption(flag.output('the schema'))
    .addOption(flag.force('replace the output file if it exists (never a link or a device)'))
    .addOption(flag.quiet())
    .addHelpText(
      'after',
      examples([
        'align schema',
        'align schema -o audit-result.schema.json',
        'align audit responses.csv --format json -o audit.json && align schema -o schema.json',
      ]),
    )
    .action(async (flags: { output?: string; force?: boolean; quiet?: boolean }) => {
      const { schemaCommand } = await import('./schema.js');
      await schemaCommand(flags, io);
    });

  program
    .command('diff')
    .description('what moved since a baseline audit, and whether the two are comparable (both from audit --format json)')
    .argument('<before>', 'the baseline: an earlier align audit --format json result')
    .argument('<after>', 'the later audit, in the same form')
    .option('--json', 'print the comparison (moves and warnings) as JSON instead of the summary')
    .addOption(flag.config())
    .addOption(flag.quiet())
    .addHelpText(
      'after',
      examples([
        'align diff audit-2026-04.json audit-2026-10.json',
        'align diff before.json after.json --config align.yml',
        'align diff before.json after.json --json > moves.json',
      ]),
    )
    .action(async (before: string, after: string, flags: { json?: boolean; config?: string; quiet?: boolean }) => {
      const { diffCommand } = await import('./diff.js');
      await diffCommand({ before, after, ...flags }, io);
    });

  registerWorkshop(program, io, examples);

  const templates = program.command('templates').description('the report templates a coach can change');
  templates
    .command('eject')
    .description('copy the shipped report templates into a folder to edit; use them with align audit --template <dir>')
    .argument('<dir>', 'folder to copy the templates into (created if missing)')
    .addOption(flag.force('overwrite template files already in the folder (never a link or a device)'))
    .addOption(flag.quiet())
    .addHelpText('after', examples(['align templates eject my-templates', 'align audit responses.csv --template my-templates -o report.md']))
    .action(async (dir: string, flags: { force?: boolean; quiet?: boolean }) => {
      const { ejectTemplates } = await import('./templates.js');
      await ejectTemplates({ dir, ...flags }, io);
    });

  // a flag of one value given twice with different values is refused, not silently the last
  refuseRepeatedValues(program);
  return program;
}

/** Runs align with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const verbose = argv.includes('--verbose');
  // `align … | head` closes the pipe: not a failure. The handler stays attached, because
  // a write (help text, a long report) can fail after the command itself has returned.
  io.stdout.once?.('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // `align` alone: show the help, as `align --help` does.
  const args = argv.length === 0 ? ['--help'] : argv;
  try {
    await buildProgram(io).parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e, io, verbose);
  }
}

/**
 * The one place an error becomes a message and an exit code. Messages quote
 * file names, headers and cells: every line goes through displaySafe as it is
 * printed, whatever error carried it, so no control character escapes.
 */
function report(e: unknown, io: Io, verbose: boolean): number {
  const say = (line: string) => io.stderr.write(`${displaySafe(line)}\n`);
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    if (e.exitCode === 0) return 0;
    const message = e.message
      .replace(/^error:\s*/i, '')
      .replace(/\n[\s\S]*$/, '')
      .replace(/\.$/, '');
    say(`align: ${message}; see align --help`);
    return 2;
  }
  if (e instanceof Interrupted) return SIGNAL_EXIT_CODES.SIGINT;
  if (e instanceof InputError || e instanceof UsageError) {
    say(`align: ${e.message}`);
    return 2;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  say(`align: unexpected failure: ${err.message}`);
  // The stack trace keeps its own lines (--verbose only); each is made safe.
  if (verbose && err.stack) for (const line of err.stack.split('\n')) say(line);
  else say(`This is a bug in align. Run again with --verbose and report it at ${ISSUES_URL}`);
  return 1;
}
