/**
 * Every command's command line, as an author types it: `--help` lists every option the command
 * takes, and an option it does not take (a typo), or a word where only options go, stops it with
 * "did you mean" and the usage, exit 2, before anything is read, built or written. Run as real
 * processes from a folder holding valid content, so a command that ignored the mistake would
 * build or write there, and through both entry points: `npm run <command>` (scripts/) and
 * `plan-publisher <command>` (src/cli/main.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`../../scripts/${name}.ts`, import.meta.url));
const planPublisher = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Each command, the options its --help must list (README's Commands table), and a typo of one of them. */
const commands = [
  {
    name: 'init',
    options: [
      '--name',
      '--short-name',
      '--area',
      '--colour',
      '--period',
      '--plan-title',
      '--id',
      '--joint',
      '--arrangement',
      '--adults-board',
      '--skip-install',
      '--tool',
      '--help',
    ],
    typo: ['--nmae', 'Isle of Wight Safeguarding Children Partnership'],
    meant: '--name',
  },
  { name: 'check', options: ['--content', '--date', '--watch', '--format', '--help'], typo: ['--contnet', 'content'], meant: '--content' },
  {
    name: 'build',
    options: [
      '--content',
      '--out',
      '--date',
      '--partnership',
      '--site',
      '--base',
      '--no-cache',
      '--parallel',
      '--unit-pages',
      '--timings',
      '--help',
    ],
    typo: ['--contnet', 'content'],
    meant: '--content',
  },
  { name: 'preview', options: ['--out', '--port', '--help'], typo: ['--prot', '5000'], meant: '--port' },
  {
    name: 'new',
    options: [
      '--partnership',
      '--plan',
      '--part',
      '--priority',
      '--objective',
      '--group',
      '--year',
      '--strand',
      '--serves',
      '--kind',
      '--parent',
      '--period',
      '--owner',
      '--statuses',
      '--source',
      '--id',
      '--order',
      '--short-name',
      '--area',
      '--content',
      '--help',
    ],
    typo: ['group', 'Training Sub-Group', '--knd', 'sub-group'],
    meant: '--kind',
  },
  {
    name: 'import',
    options: ['--dry-run', '--date', '--partnership', '--content', '--recover', '--help'],
    typo: ['actions.csv', '--dryrun'],
    meant: '--dry-run',
  },
  { name: 'migrate', options: ['--dry-run', '--yes', '--content', '--help'], typo: ['--yse'], meant: '--yes' },
  { name: 'report', options: ['--year', '--partnership', '--out', '--dist', '--help'], typo: ['--yaer', '2021-22'], meant: '--year' },
];

let tree: ContentTree;
beforeAll(() => {
  tree = writeTree(validTree());
});
afterAll(() => tree.remove());

/** Runs a command from the folder holding content/, with no terminal. */
function run(entry: 'npm run' | 'plan-publisher', name: string, args: string[]) {
  const argv = entry === 'npm run' ? [script(name), ...args] : [planPublisher, name, ...args];
  const result = spawnSync(node, argv, { cwd: tree.root, encoding: 'utf8', env: userEnvironment({ NO_COLOR: '1' }), timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under the folder, with its bytes: what a command must leave exactly as it was. */
function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** What each command's --help printed, for the test that follows it. */
const helpOf = new Map<string, string>();

describe.each(commands)('$name', ({ name, options, typo, meant }) => {
  it('--help lists every option it takes, one a line with what it does, and does nothing else', () => {
    const before = filesUnder(tree.root);
    const help = run('npm run', name, ['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: /);
    for (const option of options) expect(help.stdout, option).toMatch(new RegExp(`^ {2}${option}\\b.* {2,}\\S`, 'm'));
    expect(filesUnder(tree.root)).toEqual(before);
    helpOf.set(name, help.stdout);
  });

  it('an option it does not take stops it with "did you mean" and the same usage, exit 2, and nothing read or written', () => {
    const before = filesUnder(tree.root);
    const mistake = run('plan-publisher', name, typo);
    expect(mistake.status, mistake.stdout + mistake.stderr).toBe(2);
    const typed = typo.find((word) => word.startsWith('--'));
    expect(mistake.stderr).toBe(`error: unknown option ${typed}; did you mean ${meant}?\n\n${helpOf.get(name)}`);
    expect(mistake.stdout).toBe('');
    expect(filesUnder(tree.root)).toEqual(before);
  });
});

describe('-h', () => {
  it('is --help', () => {
    expect(run('plan-publisher', 'build', ['-h']).stdout).toBe(helpOf.get('build'));
  });
});

describe('a mistake in what build or preview is given', () => {
  it.each([
    [['--bogus'], 'error: unknown option --bogus'],
    [['dist'], 'error: "dist" is not an option: this command takes only options, which start with --'],
    [['--date', '2026-02-30'], 'error: --date "2026-02-30" is not a date: write it like 2021-03-31'],
    [['--out'], 'error: --out needs a value, like --out DIR'],
  ])('%j stops it before anything is built (exit 2)', (args, said) => {
    const mistake = run('npm run', 'build', args);
    expect(mistake.status).toBe(2);
    expect(mistake.stderr.split('\n')[0]).toBe(said);
    expect(readdirSync(tree.root)).toEqual(['content']);
  });

  it('--port that is not a port stops preview (exit 2)', () => {
    const mistake = run('npm run', 'preview', ['--port', 'eighty']);
    expect(mistake.status).toBe(2);
    expect(mistake.stderr.split('\n')[0]).toBe('error: --port "eighty" is not a port: use a number like 4321');
  });
});
