/**
 * `plan-publisher <command>`: the tool's one command line, for a partnership that installs the
 * tool as a package. Each command is a function of its own in src/cli/<command>.ts, run on the
 * options it declares; `npm run <command>` in this repository (scripts/<command>.ts) runs the
 * same one, so the two cannot drift apart. A command's module is loaded only when it is run.
 */
import { packageInfo } from '../package-root.ts';
import { closest } from '../model/suggest.ts';
import { finish, runCommand, type Command, type CommandOutcome } from './command-line.ts';

interface Listed {
  describe: string;
  load: () => Promise<Command<unknown>>;
}

const commands: Record<string, Listed> = {
  init: { describe: "start a new partnership's repository in this folder", load: async () => (await import('./init.ts')).initCommand },
  check: { describe: 'check every content file, without building', load: async () => (await import('./check.ts')).checkCommand },
  build: { describe: 'check, then build the site into dist/', load: async () => (await import('./build.ts')).buildCommand },
  preview: { describe: 'show the built site at http://127.0.0.1:4321/', load: async () => (await import('./preview.ts')).previewCommand },
  edit: {
    describe: 'change the content in forms in your browser, on this computer only',
    load: async () => (await import('./edit.ts')).editCommand,
  },
  new: { describe: 'write a new, valid content file', load: async () => (await import('./new.ts')).newCommand },
  import: {
    describe: 'write status and progress from an edited actions.csv, or new values from measures.csv',
    load: async () => (await import('./import.ts')).importCommand,
  },
  migrate: {
    describe: 'rewrite the content for the newest content format',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  report: {
    describe: "write a reporting year's annual report as a PDF, with Chromium",
    load: async () => (await import('./report.ts')).reportCommand,
  },
};

export function usage(): string {
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

/** `plan-publisher --version`: the tool's version, and the Node running it. */
export function version(): CommandOutcome {
  return { exitCode: 0, report: `plan-publisher ${packageInfo().version} (Node ${process.versions.node})` };
}

/** Runs the command named first in `args` on the rest. */
export async function planPublisher(args: readonly string[]): Promise<never> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return finish({ exitCode: 0, report: usage() });
  if (name === '--version' || name === '-v' || name === 'version') return finish(version());
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const suggestion = closest(name, Object.keys(commands));
    const mistake = `error: "${name}" is not a plan-publisher command${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
    return finish({ exitCode: 2, report: `${mistake}\n\n${usage()}` });
  }
  return runCommand(await command.load(), rest);
}
