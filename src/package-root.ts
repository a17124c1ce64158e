/**
 * Where the tool itself is: the folder holding its package.json and astro.config.mjs. In this
 * repository that is two folders above src/builder/; in an installed package the CLI runs from
 * lib/ (compiled at `npm pack` time), one folder deeper, while Astro still renders src/. Looking
 * for the files finds the same folder from either.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'astro.config.mjs')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Plan Publisher cannot find its own files above ${start}: reinstall it with npm install`);
  }
}

export const packageRoot = findRoot();

/** The tool's own package.json fields that its commands read. */
export interface PackageInfo {
  name: string;
  version: string;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export function packageInfo(): PackageInfo {
  const require = createRequire(path.join(packageRoot, 'package.json'));
  return require('./package.json') as PackageInfo;
}

/**
 * Astro's command-line entry, found the way Node finds the package: inside this repository it
 * is in our node_modules, in an installed tool npm usually hoists it beside the tool.
 */
export function astroEntry(): string {
  const require = createRequire(path.join(packageRoot, 'package.json'));
  return path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
}
