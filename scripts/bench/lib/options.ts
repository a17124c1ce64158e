/**
 * The benchmarks' options, read like the tool's own (src/cli/command-line.ts): strictly, so a
 * typo'd option stops the benchmark with "did you mean" instead of measuring the wrong thing,
 * and --help prints the usage.
 */
import { parseArgs } from 'node:util';
import { finish, parseCommandLine, UsageError, type CommandLine, type OptionSpec } from '../../../src/cli/command-line.ts';
import { stringOption } from '../../../src/cli/options.ts';

export interface BenchOptions {
  /** A string option's value, or undefined. */
  text(name: string): string | undefined;
  /** A number option's value, or `fallback`; a usage mistake when it is not a positive number. */
  number(name: string, fallback: number): number;
  /** Whether a yes-or-no option was given. */
  given(name: string): boolean;
}

/** Reads the benchmark's options from the command line; exits 0 with the usage for --help, 2 for a mistake. */
export function benchOptions(usage: string, options: Record<string, OptionSpec>, args = process.argv.slice(2)): BenchOptions {
  let line: CommandLine;
  try {
    line = parseCommandLine(args, { ...options, help: { type: 'boolean', short: 'h' } }, false, usage);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return finish({ exitCode: 2, report: `error: ${error.message}\n\n${usage}` });
  }
  if (line.values.help === true) finish({ exitCode: 0, report: usage });
  return {
    text: (name) => stringOption(line, name),
    number: (name, fallback) => positiveNumber(usage, name, stringOption(line, name), fallback),
    given: (name) => line.values[name] === true,
  };
}

function positiveNumber(usage: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll(/[_,]/g, ''));
  if (!Number.isFinite(parsed) || parsed <= 0) finish({ exitCode: 2, report: `error: --${name} must be a positive number, not "${value}"\n\n${usage}` });
  return parsed;
}

/** One option's value, for a benchmark that reads its options one at a time (the search benchmark). */
export function flag(args: readonly string[], name: string): string | undefined {
  const { values } = parseArgs({ args: [...args], options: { [name]: { type: 'string' } }, strict: false, allowPositionals: true });
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
