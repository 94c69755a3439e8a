/**
 * The entry point: builds the commander program, runs one command, and is the
 * only place that turns errors into exit codes (STYLE.md habit 8):
 * 0 done; 2 usage or input error (one line, no stack trace); 1 a bug.
 * Commands are imported lazily so `align --help` costs little more than Node.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { displaySafe } from '../text.js';
import { type Io, processIo } from './io.js';
import { addReadingFlags, parseDelimiterFlag, type ReadingFlags } from './options.js';
import { version } from './version.js';

const ISSUES_URL = 'https://github.com/align-audit/align/issues';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name('align')
    .description('Leadership alignment audits: compare leaders\' priority stacks and read survey exports as they come out of the tools.')
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
      ]),
    );

  addReadingFlags(
    program
      .command('stack')
      .description('compare the leaders\' priority stacks in the terminal (the workshop view)')
      .argument('<rankings>', 'a stacks file (long, wide by priority, wide by position, or one list cell) or a survey export with a ranking question')
      .option('--json', 'print the AuditResult (schemaVersion, input, stack, cascade) as JSON instead of the view'),
  )
    .addHelpText(
      'after',
      examples([
        'align stack examples/fernhill-stacks.csv',
        'align stack stacks.csv --leaders "Executive" --leaders "Founder"',
        'align stack responses.csv --ranking-question "Rank these priorities" --json > stack.json',
        'NO_COLOR=1 align stack stacks.csv > stack.txt',
      ]),
    )
    .action(async (file: string, flags: ReadingFlags & { json?: boolean }) => {
      const { stackCommand } = await import('./stack.js');
      await stackCommand({ file, ...flags }, io);
    });

  addReadingFlags(
    program
      .command('audit')
      .description('the main job: one export (or several waves/collectors) in, one report out')
      .argument('<responses...>', 'survey export(s) or stacks file(s) of one audit, merged in the order given')
      .option('--rankings <file>', "the leaders' stacks in a separate file, joined to the survey's respondents by id, else email, else name")
      .option('-f, --format <format>', 'report format: md or json', 'md')
      .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output (- for standard output)')
      .option('--force', 'replace the output file if it exists')
      .option('--template <dir>', 'a folder of templates that override the shipped ones (see templates/)'),
  )
    .addHelpText(
      'after',
      examples([
        'align audit examples/fernhill-stacks.csv',
        'align audit responses.csv --format json -o audit.json',
        'align audit wave1.csv wave2.csv --config align.yml -o report.md --force',
        'align audit responses.csv --leaders "Leadership team" --min-group 7',
        'align audit survey.csv --rankings workshop-stacks.csv -o report.md',
      ]),
    )
    .action(async (files: string[], flags: ReadingFlags & { format: string; output?: string; force?: boolean; template?: string }) => {
      const { auditCommand } = await import('./audit.js');
      await auditCommand({ files, ...flags }, io);
    });

  program
    .command('inspect')
    .description('say what a file is: tool, encoding, delimiter, columns and their roles, rows used and excluded')
    .argument('<file>', 'a survey export or stacks file')
    .option('-c, --config <file>', 'align.yml to apply while reading (default: ./align.yml if present)')
    .option('--encoding <name>', 'force the text encoding (default: detected)')
    .addOption(new Option('--delimiter <char>', 'force the field delimiter: comma, semicolon, tab or pipe (default: detected)').argParser(parseDelimiterFlag))
    .option('--ranking-question <header>', "the ranking question's text as it heads its columns, when a file has two")
    .option('--write-config [file]', 'write a starter align.yml (default ./align.yml) that align audit reproduces exactly')
    .option('--force', 'replace the config file if it exists')
    .addHelpText('after', examples(['align inspect responses.csv', 'align inspect qualtrics.csv --write-config', 'align inspect export.txt --encoding utf-16le']))
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { inspect } = await import('./inspect.js');
      await inspect({ file, ...flags } as Parameters<typeof inspect>[0], io);
    });

  const templates = program.command('templates').description('the report templates a coach can change');
  templates
    .command('eject')
    .description('copy the shipped report templates into a folder to edit; use them with align audit --template <dir>')
    .argument('<dir>', 'folder to copy the templates into (created if missing)')
    .option('--force', 'overwrite template files already in the folder')
    .addHelpText('after', examples(['align templates eject my-templates', 'align audit responses.csv --template my-templates -o report.md']))
    .action(async (dir: string, flags: { force?: boolean }) => {
      const { ejectTemplates } = await import('./templates.js');
      ejectTemplates({ dir, ...flags }, io);
    });

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
    const message = e.message.replace(/^error:\s*/i, '').replace(/\n[\s\S]*$/, '').replace(/\.$/, '');
    say(`align: ${message}; see align --help`);
    return 2;
  }
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
