/**
 * Whether a partnership's repository needs the `node` package (Node 24, about 190 MB in
 * node_modules) to run the tool: only when the Node that runs npm there is older than the 22.12
 * that Astro 7 needs (`engines` in the tool's package.json). bin/plan-publisher.cjs then runs
 * the tool on the Node that package installed; a computer with a current Node never downloads it.
 */
import { spawnSync } from 'node:child_process';
import { packageInfo } from '../package-root.ts';

/** Whether a Node version ("v20.19.0" or "20.19.0") can run the installed tool: 22.12 or later. */
export function runsTheTool(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/**
 * The version of the Node that runs npm in this folder, so the Node that `npm install` and
 * every `npm run` command in the partnership's repository start with. npm names it in
 * npm_node_execpath for what it runs (npx, scripts); that can be older than the Node running
 * this code, when npx was told to bring Node 24 (`npx --package=node@24 ...`).
 */
export function npmNodeVersion(env: NodeJS.ProcessEnv = process.env): string {
  const npmNode = env.npm_node_execpath;
  if (npmNode && npmNode !== process.execPath) {
    const run = spawnSync(npmNode, ['--version'], { encoding: 'utf8' });
    if (run.status === 0 && /^v\d+\.\d+/.test(run.stdout)) return run.stdout.trim().replace(/^v/, '');
  }
  return process.versions.node;
}

/** The `node` package's version range the tool is tested with (its own devDependency), like "^24.21.0". */
export function bundledNodeRange(): string {
  const range = packageInfo().devDependencies?.node;
  if (!range) throw new Error('Plan Publisher\'s package.json names no "node" version: reinstall the tool with npm install');
  return range;
}
