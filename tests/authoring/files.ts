/** Helpers for the authoring tests: every file of a tree as bytes, and the CLI scripts run as an author runs them. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

/** Every file under `dir` (relative path with "/") and its exact bytes, as text for easy diffs. */
export function snapshotFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full).toString('latin1'));
    }
  };
  walk(dir);
  return files;
}

/** The files whose bytes differ between two snapshots, or that were added or removed. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** Runs `scripts/<script>.ts` from `cwd` with no terminal, as CI or a pipe would. */
export function runScript(script: 'new' | 'import' | 'check' | 'migrate', args: string[], cwd: string) {
  const env = userEnvironment();
  const run = spawnSync(node, [fileURLToPath(new URL(`../../scripts/${script}.ts`, import.meta.url)), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
