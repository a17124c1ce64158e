/**
 * How every command reads what was typed and says how it went. Options are read with Node's own
 * parser, strictly: an option the command does not take is an error with "did you mean" and the
 * command's usage (exit 2), never silently ignored, and --help (or -h) prints the usage. Each
 * command (src/cli/<command>.ts) declares its options, turns them into typed options, and runs
 * on those: `plan-publisher <command>` (main.ts) and `npm run <command>` (scripts/) both run it
 * through `runCommand`.
 */
import { parseArgs } from 'node:util';
import { closest } from '../model/suggest.ts';

/** A mistake in how a command was typed: printed with the usage; exit code 2 unless it says otherwise. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number } = {}) {
    super(message);
    this.exitCode = options.exitCode ?? 2;
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export interface CommandLine {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** How a command ended. */
export interface CommandOutcome {
  exitCode: number;
  /** Printed last: to standard output when it succeeded, to standard error when not; nothing when undefined. */
  report?: string;
}

/** One command: what it takes, how what was typed becomes its options, and the function that runs on them. */
export interface Command<Options> {
  name: string;
  /** What --help prints, and what follows a usage mistake. */
  usage: string;
  /** Its options, --help aside (every command takes it). */
  options: Record<string, OptionSpec>;
  /** Words that are not options (new's type and title, import's file); refused unless true. */
  positionals?: boolean;
  /** The typed options; a UsageError for a mistake, before anything is read or written. */
  parse(line: CommandLine): Options;
  run(options: Options): CommandOutcome | Promise<CommandOutcome>;
}

const help: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h' } };

/**
 * Reads `args` against `options`; a mistake throws a UsageError, with "did you mean" for an
 * unknown option, and for a missing value the example the usage gives (`--out DIR`).
 */
export function parseCommandLine(
  args: readonly string[],
  options: Record<string, OptionSpec>,
  allowPositionals = true,
  usage = '',
): CommandLine {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { positionals: parsed.positionals, values: parsed.values as CommandLine['values'] };
  } catch (error) {
    throw usageErrorOf(error, options, usage);
  }
}

/** Node's parser's complaint, in the words of this tool. */
function usageErrorOf(error: unknown, options: Record<string, OptionSpec>, usage: string): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const suggestion = closest(option.replace(/^-+/, ''), Object.keys(options));
    return new UsageError(`unknown option ${option}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const example = new RegExp(`^ +${option} +(\\S+)`, 'm').exec(usage)?.[1] ?? 'VALUE';
    return new UsageError(`${option} needs a value, like ${option} ${example}`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1] ?? '';
    return new UsageError(`"${word}" is not an option: this command takes only options, which start with --`);
  }
  return new UsageError(message);
}

/** What a command does with these arguments: its usage for --help, a usage mistake (exit 2), or what it did. */
export async function commandOutcome<Options>(command: Command<Options>, args: readonly string[]): Promise<CommandOutcome> {
  try {
    const line = parseCommandLine(args, { ...command.options, ...help }, command.positionals === true, command.usage);
    if (line.values.help === true) return { exitCode: 0, report: command.usage };
    return await command.run(command.parse(line));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { exitCode: error.exitCode, report: `error: ${error.message}\n\n${command.usage}` };
  }
}

/** Runs a command on the arguments typed, prints its report and exits with its code. */
export async function runCommand<Options>(command: Command<Options>, args: readonly string[]): Promise<never> {
  return finish(await commandOutcome(command, args));
}

/** Prints the report (if any) where it belongs, and exits with the outcome's code. */
export function finish(outcome: CommandOutcome): never {
  if (outcome.report !== undefined) {
    if (outcome.exitCode === 0) console.log(outcome.report);
    else console.error(outcome.report);
  }
  process.exit(outcome.exitCode);
}
