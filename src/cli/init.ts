/**
 * `plan-publisher init [options]`: makes the current folder a partnership's own repository for
 * its plan, with the tool as a dependency, then installs it. In a terminal it asks for what is
 * missing; otherwise it lists what is missing and exits 2. See README.md, "Use it for your partnership".
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { init, type InitOptions } from '../authoring/init.ts';
import { terminalPrompter } from '../authoring/prompter.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { booleanOption, stringOption } from './options.ts';

export interface InitCommandOptions extends InitOptions {
  /** Write the files only, without running npm install. */
  skipInstall: boolean;
}

const usage = `Usage: npx plan-publisher init [options]

Makes this folder the repository of a partnership's plan: a starter partnership in content/,
the authoring guide, package.json, a GitHub workflow that publishes the site, and a README.
Then it installs the tool (npm install). In a terminal it asks for anything not given.
With --joint, it starts partnerships that share a plan: each partnership, a joint arrangement
holding the plan they own together, and any adults' boards they share work with.

  --name "X"          the partnership's full name, like "Isle of Wight Safeguarding Children Partnership"
  --short-name X      its abbreviation (default: the initials of its name)
  --area X            the area it covers (default: its name without "Safeguarding Children Partnership")
  --colour "#1d4f91"  its brand colour, dark enough for white text (or --color)
  --period 2024-2027  the years its current plan covers
  --plan-title "X"    the plan's title (default: "Business Plan 2024-27")
  --id X              the partnership's folder name in content/ (default: from the area)
  --github OWNER/NAME its GitHub repository, for editing in the browser with each change a pull
                      request (partnership.md's editor:; optional)
  --joint             start a joint arrangement: give --name once for each partnership (two or more)
  --arrangement "X"   with --joint: the arrangement's name (default: "<areas> Safeguarding Arrangement")
  --adults-board "X"  with --joint: an adults' board they share work with (once for each; optional)
  --skip-install      write the files only; run npm install yourself
  --tool SPEC         where to install the tool from (default: this version, from the npm registry):
                      a tarball, like ./plan-publisher-0.2.0.tgz (copied into vendor/), or a git
                      URL, like github:owner/plan-publisher#v0.2.0 (recorded as given)
  --help              show this`;

const text = { type: 'string' } as const;

export const initCommand: Command<InitCommandOptions> = {
  name: 'init',
  usage,
  options: {
    name: { type: 'string', multiple: true },
    'short-name': text,
    area: text,
    colour: text,
    color: text,
    period: text,
    'plan-title': text,
    id: text,
    github: text,
    tool: text,
    joint: { type: 'boolean' },
    arrangement: text,
    'adults-board': { type: 'string', multiple: true },
    'skip-install': { type: 'boolean' },
  },
  parse: (line) => ({
    folder: process.cwd(),
    ...names(line),
    shortName: stringOption(line, 'short-name'),
    area: stringOption(line, 'area'),
    colour: stringOption(line, 'colour') ?? stringOption(line, 'color'),
    period: stringOption(line, 'period'),
    planTitle: stringOption(line, 'plan-title'),
    id: stringOption(line, 'id'),
    github: stringOption(line, 'github'),
    tool: stringOption(line, 'tool'),
    arrangement: stringOption(line, 'arrangement'),
    adultsBoards: repeated(line, 'adults-board'),
    skipInstall: booleanOption(line, 'skip-install'),
  }),
  run: initRepository,
};

/** Each value of an option given once or more (names may hold commas, so they are not split). */
function repeated(line: CommandLine, name: string): string[] {
  const value = line.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** One partnership's --name, or with --joint every one; several without --joint is a mistake. */
function names(line: CommandLine): Pick<InitCommandOptions, 'name' | 'names' | 'joint'> {
  const given = repeated(line, 'name');
  if (booleanOption(line, 'joint')) return { joint: true, names: given };
  if (given.length > 1)
    throw new UsageError('--name was given more than once: to start several partnerships that share a plan, add --joint');
  return { name: given[0] };
}

/** Writes the partnership's repository; in a terminal, asks for what is missing; then installs the tool. */
export async function initRepository(options: InitCommandOptions): Promise<CommandOutcome> {
  const { skipInstall, ...initOptions } = options;
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const prompter = interactive ? terminalPrompter() : undefined;
  const result = await init(initOptions, prompter);
  prompter?.close();
  if (result.needsInstall && skipInstall) return { ...result, report: `${result.report}\n\nFirst run: npm install` };
  if (result.exitCode !== 0 || !result.needsInstall) return result;
  console.log(`${result.report}\n\nInstalling Plan Publisher (npm install)...`);
  return installTool();
}

/** Runs npm install in the current folder, with the npm that started this command when there is one. */
function installTool(): CommandOutcome {
  // npx has just downloaded the tool and everything it needs into npm's cache: --prefer-offline
  // takes them from there instead of asking the registry about each one again.
  const installArgs = ['install', '--prefer-offline', '--no-audit', '--no-fund'];
  // npx and npm scripts name the npm that started them; a person's shell finds npm on PATH.
  const npmCli = process.env.npm_execpath;
  const install =
    npmCli && path.basename(npmCli) === 'npm-cli.js'
      ? spawnSync(process.execPath, [npmCli, ...installArgs], { stdio: 'inherit' })
      : spawnSync('npm', installArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (install.status !== 0) {
    return {
      exitCode: 1,
      report:
        'The files are written, but npm install did not finish (see above).\n' +
        'What to do: check your internet connection, then run npm install in this folder.',
    };
  }
  return { exitCode: 0, report: 'Installed. Now run: npm run check' };
}
