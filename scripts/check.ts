/**
 * `npm run check [-- --content DIR] [--date YYYY-MM-DD] [--watch]`: validates every content
 * file without building the site. Exit 0 with a one-line summary when clean (warnings, if
 * any, are listed and counted but do not fail it); otherwise every error, a count, and exit 1.
 * With --watch it checks again every time a file is saved, until Ctrl+C.
 */
import { existsSync, statSync } from 'node:fs';
import { isoDate } from '../schemas/index.ts';
import { parseCommandLine, UsageError } from '../src/authoring/cli.ts';
import { checkReport } from '../src/authoring/check-report.ts';
import { displayPath } from '../src/authoring/content.ts';
import { clockTime, watchFolder } from '../src/authoring/watch.ts';
import { contentDir } from '../src/config.ts';
import { visible } from '../src/model/terminal-text.ts';

const usage = 'Usage: npm run check [-- --content DIR] [--date YYYY-MM-DD] [--watch]';

const args = process.argv.slice(2);
let watchMode = false;
let date: string | undefined;
try {
  const line = parseCommandLine(args, {
    content: { type: 'string' },
    date: { type: 'string' },
    watch: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (line.values.help) {
    console.log(usage);
    process.exit(0);
  }
  watchMode = line.values.watch === true;
  date = typeof line.values.date === 'string' ? line.values.date : undefined;
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isoDate.safeParse(date).success)) {
    throw new UsageError(`--date "${date}" is not a date: write it like 2021-03-31`);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`error: ${error.message}\n${usage}`);
  process.exit(2);
}

const folder = contentDir(args);

function run(): 0 | 1 {
  const report = checkReport(folder, { today: date });
  if (report.stderr) process.stderr.write(report.stderr);
  if (report.stdout) process.stdout.write(report.stdout);
  return report.exitCode;
}

if (!watchMode) {
  process.exit(run());
}

if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  run();
  process.exit(1);
}

const shown = displayPath(folder) || '.';
const screen = () => {
  // A clear screen in a terminal; a plain divider when the output goes to a file or a pipe.
  if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
  else process.stdout.write(`\n${'-'.repeat(72)}\n`);
};
const report = (changed: string[]) => {
  screen();
  const what =
    changed.length === 0
      ? ''
      : ` after changes to ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}`;
  // File names can hold escape sequences: shown escaped, never obeyed by the terminal.
  process.stdout.write(`[${clockTime()}] Checking ${visible(`${shown}/${what}`)}\n\n`);
  run();
  process.stdout.write(`\nWatching ${visible(shown)}/ for changes. Press Ctrl+C to stop.\n`);
};

report([]);
const watcher = watchFolder(folder, report);
process.on('SIGINT', () => {
  watcher.close();
  process.stdout.write('\nStopped watching.\n');
  process.exit(0);
});
process.on('SIGTERM', () => {
  watcher.close();
  process.exit(0);
});
