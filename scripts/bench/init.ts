/**
 * `npm run bench:init`: what a partnership waits for and stores when it starts: packs the tool,
 * then in an empty temporary folder with an empty npm cache (so every package is downloaded, as
 * on a new computer) times `npx plan-publisher init` (with its npm install) and the first
 * `npm run build`, and measures the folder on disk. Not a test: it needs the network, and the
 * numbers depend on it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchOptions } from './lib/options.ts';

// It takes no options: one typed is refused rather than ignored.
benchOptions('Usage: npm run bench:init', {});
const checkout = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-init-'));
const project = path.join(work, 'our-plan');
mkdirSync(project);

/** A shell that sees nothing of this checkout, with an npm cache of its own. */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|PLAN_|INIT_CWD$|NODE_OPTIONS$)/i.test(key)),
);
env.PATH = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => dir !== '' && !path.resolve(dir).startsWith(checkout))
  .join(path.delimiter);
env.npm_config_cache = path.join(work, 'npm-cache');
env.npm_config_update_notifier = 'false';

function timed(label: string, command: string, args: string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  return seconds;
}

const megabytes = (dir: string) => Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);

try {
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: checkout, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>;
  const tarball = path.join(work, filename);
  console.log(`Node ${execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim()} in the shell; empty npm cache`);
  const init = timed(
    'npx plan-publisher init (with npm install)',
    'npx',
    ['--yes', `--package=${tarball}`, '--', 'plan-publisher', 'init', '--name', 'Isle of Wight Safeguarding Children Partnership'].concat([
      '--period',
      '2024-2027',
      '--tool',
      `file:${tarball}`,
    ]),
    project,
  );
  const build = timed('first npm run build', 'npm', ['run', 'build'], project);
  console.log(`init plus first build: ${(init + build).toFixed(1)} s`);
  console.log(`the partnership's folder: ${megabytes(project)} MB (node_modules/: ${megabytes(path.join(project, 'node_modules'))} MB)`);
  console.log(`npm's download cache (shared by every project on the computer): ${megabytes(env.npm_config_cache)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
