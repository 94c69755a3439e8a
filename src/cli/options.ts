/**
 * Shared flags, defined and documented once (STYLE.md habit 10). Every command
 * that reads responses takes the same reading flags with the same meaning.
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';

export interface ReadingFlags {
  config?: string;
  /** audit only: a separate stacks file joined to the survey's respondents. */
  rankings?: string;
  encoding?: string;
  delimiter?: string;
  leaders?: string[];
  rankingQuestion?: string;
  minGroup?: number;
  skipInvalid?: boolean;
  rboP?: number;
  seed?: number;
  permutations?: number;
  color?: boolean;
  verbose?: boolean;
}

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} takes a whole number of at least ${min} (got ${JSON.stringify(value)})`);
    return n;
  };
}

function minGroup(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--min-group takes a whole number of at least 3 (got ${JSON.stringify(value)})`);
  if (n < 3) throw new UsageError(`--min-group ${n} is too small: groups under 3 people are never shown; use 3 or more`);
  return n;
}

function fraction(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0 && n < 1)) throw new UsageError(`${name} takes a number between 0 and 1, exclusive (got ${JSON.stringify(value)})`);
    return n;
  };
}

/** --delimiter: a name or the character itself; idempotent, so a parsed value parses again to itself. */
export function parseDelimiterFlag(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|', ',': ',', ';': ';', '\t': '\t', '|': '|' };
  const d = named[value.toLowerCase()];
  if (!d) throw new UsageError(`--delimiter takes comma, semicolon, tab or pipe (got ${JSON.stringify(value)})`);
  return d;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Flags for reading responses and computing the stack, shared by stack and audit. */
export function addReadingFlags(command: Command): Command {
  return command
    .option('-c, --config <file>', 'align.yml with column roles, scales, code books, leaders (default: ./align.yml if present)')
    .option('--encoding <name>', 'force the text encoding: utf-8, utf-16le, utf-16be, windows-1252, macintosh (default: detected)')
    .addOption(new Option('--delimiter <char>', 'force the field delimiter: comma, semicolon, tab or pipe (default: detected)').argParser(parseDelimiterFlag))
    .option('--leaders <role>', 'role value that marks a leader; repeat for several (default: Executive)', collect)
    .option('--ranking-question <header>', "the ranking question's text as it heads its columns, when a file has two")
    .addOption(new Option('--min-group <n>', 'anonymity threshold: groups smaller than this are never shown (default 5, at least 3)').argParser(minGroup))
    .option('--skip-invalid', 'exclude a respondent with an invalid value (listed with the reason) instead of stopping')
    .addOption(new Option('--rbo-p <p>', "rank-biased overlap's persistence p: higher weighs deeper ranks more (default 0.9)").argParser(fraction('--rbo-p')))
    .addOption(new Option('--permutations <n>', "relabellings for W's permutation p-value (default and minimum 10000)").argParser(integer('--permutations', 10_000)))
    .addOption(new Option('--seed <n>', 'seed for the permutation p-value (default 20250301)').argParser(integer('--seed', 0)))
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is honoured too)')
    .option('--verbose', 'on an unexpected failure, print the stack trace');
}
