/**
 * `plan-publisher check` (`npm run check`): validates every content file without building the
 * site. Exit 0 with a one-line summary when clean (warnings, if any, are listed and counted but
 * do not fail it); otherwise every error, a count, and exit 1. With --watch it checks again
 * every time a file is saved, until Ctrl+C.
 */
import { existsSync, statSync } from 'node:fs';
import { checkReport } from '../authoring/check-report.ts';
import { displayPath } from '../authoring/content.ts';
import { clockTime, watchFolder } from '../authoring/watch.ts';
import { type ProblemFormat } from '../model/problems.ts';
import { visible } from '../model/terminal-text.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { booleanOption, contentOption, dateOption, stringOption } from './options.ts';

export interface CheckOptions {
  contentDir: string;
  /** The day to judge the content as of (overdue, no recent update), YYYY-MM-DD; default today. */
  date?: string;
  watch: boolean;
  /** How problems are printed: for a terminal, or as GitHub annotation lines (on a pull request). */
  format: ProblemFormat;
}

const usage = `Usage: npm run check [-- --content DIR] [--date YYYY-MM-DD] [--watch] [--format github]

Checks every content file without building the site: every error at once, with its file,
line and field, then a count. Warnings are listed but never fail it.

  --content DIR      the content folder (default: content, or $PLAN_CONTENT)
  --date YYYY-MM-DD  judge the content as of this day: overdue, no recent update (default: today)
  --watch            check again every time a file is saved, until Ctrl+C
  --format github    print each problem as a GitHub annotation, shown on its line in a pull request
  --help             show this`;

export const checkCommand: Command<CheckOptions> = {
  name: 'check',
  usage,
  options: { content: { type: 'string' }, date: { type: 'string' }, watch: { type: 'boolean' }, format: { type: 'string' } },
  parse: (line) => ({
    contentDir: contentOption(line),
    date: dateOption(line, 'date'),
    watch: booleanOption(line, 'watch'),
    format: formatOption(line),
  }),
  run: check,
};

export function check(options: CheckOptions): CommandOutcome | Promise<CommandOutcome> {
  if (!options.watch) return { exitCode: checkOnce(options) };
  if (!existsSync(options.contentDir) || !statSync(options.contentDir).isDirectory()) {
    checkOnce(options);
    return { exitCode: 1 };
  }
  return watchAndCheck(options);
}

/** --format: `terminal` (the default) or `github`; anything else is a usage mistake. */
function formatOption(line: CommandLine): ProblemFormat {
  const format = stringOption(line, 'format') ?? 'terminal';
  if (format === 'terminal' || format === 'github') return format;
  throw new UsageError(`--format "${format}" is not a format: write --format github, or leave it out for the terminal`);
}

/** One check, printed: the problems to standard error, the summary to standard output. */
function checkOnce(options: CheckOptions): 0 | 1 {
  const report = checkReport(options.contentDir, { today: options.date, format: options.format });
  if (report.stderr) process.stderr.write(report.stderr);
  if (report.stdout) process.stdout.write(report.stdout);
  return report.exitCode;
}

/** Checks now and after every save, on a fresh screen each time, until Ctrl+C (or a SIGTERM). */
function watchAndCheck(options: CheckOptions): Promise<CommandOutcome> {
  const shown = displayPath(options.contentDir) || '.';
  const checkAfter = (changed: string[]) => {
    clearScreen();
    // File names can hold escape sequences: shown escaped, never obeyed by the terminal.
    process.stdout.write(`[${clockTime()}] Checking ${visible(`${shown}/${changesTo(changed)}`)}\n\n`);
    checkOnce(options);
    process.stdout.write(`\nWatching ${visible(shown)}/ for changes. Press Ctrl+C to stop.\n`);
  };
  checkAfter([]);
  const watcher = watchFolder(options.contentDir, checkAfter);
  return new Promise((resolve) => {
    process.on('SIGINT', () => {
      watcher.close();
      resolve({ exitCode: 0, report: '\nStopped watching.' });
    });
    process.on('SIGTERM', () => {
      watcher.close();
      resolve({ exitCode: 0 });
    });
  });
}

/** A clear screen in a terminal; a plain divider when the output goes to a file or a pipe. */
function clearScreen(): void {
  if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
  else process.stdout.write(`\n${'-'.repeat(72)}\n`);
}

function changesTo(changed: string[]): string {
  if (changed.length === 0) return '';
  const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
  return ` after changes to ${changed.slice(0, 3).join(', ')}${more}`;
}
