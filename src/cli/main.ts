/**
 * `plan-publisher <command>`: the tool's one command line, for a partnership that installs the
 * tool as a package. Each command is the same script `npm run <command>` runs in this repository
 * (scripts/*.ts), so the two can never drift apart: the script reads its own arguments from
 * process.argv, so they are put where it expects them and the script is imported, which runs it.
 */
import { packageInfo } from '../package-root.ts';

type Command = { describe: string; run: () => Promise<unknown> };

const commands: Record<string, Command> = {
  init: { describe: "start a new partnership's repository in this folder", run: () => import('../../scripts/init.ts') },
  check: { describe: 'check every content file, without building', run: () => import('../../scripts/check.ts') },
  build: { describe: 'check, then build the site into dist/', run: () => import('../../scripts/build.ts') },
  preview: { describe: 'show the built site at http://127.0.0.1:4321/', run: () => import('../../scripts/serve.ts') },
  new: { describe: 'write a new, valid content file', run: () => import('../../scripts/new.ts') },
  import: {
    describe: 'write status and progress from an edited actions.csv, or new values from measures.csv',
    run: () => import('../../scripts/import.ts'),
  },
  migrate: { describe: 'rewrite the content for the newest content format', run: () => import('../../scripts/migrate.ts') },
  report: { describe: "write a reporting year's annual report as a PDF, with Chromium", run: () => import('../../scripts/report.ts') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: plan-publisher <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.describe}`),
    '',
    'Add --help after a command for its options, like: plan-publisher new --help',
    'Every command reads the content folder content/ (or --content DIR).',
  ].join('\n');
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
  console.log(usage());
  process.exit(0);
}
if (name === '--version' || name === '-v' || name === 'version') {
  const { version } = packageInfo();
  console.log(`plan-publisher ${version} (Node ${process.versions.node})`);
  process.exit(0);
}
const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!command) {
  const { closest } = await import('../model/suggest.ts');
  const suggestion = closest(name, Object.keys(commands));
  console.error(`error: "${name}" is not a plan-publisher command${suggestion ? `; did you mean "${suggestion}"?` : ''}\n\n${usage()}`);
  process.exit(2);
}
process.argv = [process.argv[0], name, ...rest];
await command.run();
