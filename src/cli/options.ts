/**
 * The values of a command's options, as the types its function takes: the content folder as the
 * rest of the tool resolves it (src/config.ts), dates as the content's own dates are checked.
 * Kept apart from command-line.ts so `plan-publisher --version` and `--help` load none of this.
 */
import { isoDate } from '../../schemas/index.ts';
import { contentFolder } from '../config.ts';
import { UsageError, type CommandLine } from './command-line.ts';

/** A string option's value, or undefined. */
export function stringOption(line: CommandLine, name: string): string | undefined {
  const value = line.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values; each may also list several, separated by commas. */
export function listOption(line: CommandLine, name: string): string[] {
  const value = line.values[name];
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return raw
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A yes-or-no option: true when given. */
export function booleanOption(line: CommandLine, name: string): boolean {
  return line.values[name] === true;
}

/** The content folder: --content, else $PLAN_CONTENT, else content/ (src/config.ts). */
export function contentOption(line: CommandLine): string {
  return contentFolder(stringOption(line, 'content'));
}

/** A date option (--date), as YYYY-MM-DD; a UsageError for anything that is not a real date. */
export function dateOption(line: CommandLine, name: string): string | undefined {
  const date = stringOption(line, name);
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isoDate.safeParse(date).success)) {
    throw new UsageError(`--${name} "${date}" is not a date: write it like 2021-03-31`);
  }
  return date;
}

/** `--port N`: a TCP port, 0 to 65535, else `fallback`. */
export function portOption(line: CommandLine, fallback: number, name = 'port'): number {
  const given = stringOption(line, name);
  if (given === undefined) return fallback;
  if (!/^\d{1,5}$/.test(given) || Number(given) > 65535)
    throw new UsageError(`--${name} "${given}" is not a port: use a number like ${fallback}`);
  return Number(given);
}
