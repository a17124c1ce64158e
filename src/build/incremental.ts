/**
 * Rebuilding only what changed. Each site's finished output (pages, search index, 404 page) is
 * kept beside the output folder, in `<out>.cache/`, under a key made of everything that output
 * is made from:
 * - the tool: package.json, the lock file and every file of src/, schemas/ and astro.config.mjs;
 * - the build's options: site URL, base path, build date, one site alone or all;
 * - the site's snapshot: the entries it shows and names (src/build/units.ts), with each file's
 *   "Last updated" date and repository path.
 * A build whose key for a site matches the kept one links the kept files into the new output
 * instead of rendering the site; a site whose key changed is rendered, indexed and kept anew.
 * The pages at the root (the listing of sites, its 404 page, its icon) are kept the same way.
 *
 * Kept files are hard links to the published ones (a copy where the file system has none): the
 * build never writes into a published file, it publishes new ones. Deleting `<out>.cache/`, or
 * building with `--no-cache`, renders everything again.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** A hash of everything in the tool that can change what a build writes. */
export function toolVersion(projectRoot: string): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(projectRoot, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  };
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else add(full);
    }
  };
  for (const file of ['package.json', 'package-lock.json', 'astro.config.mjs']) {
    if (existsSync(path.join(projectRoot, file))) add(path.join(projectRoot, file));
  }
  walk(path.join(projectRoot, 'src'));
  walk(path.join(projectRoot, 'schemas'));
  hash.update(process.version);
  return hash.digest('hex');
}

/** The key of one unit of output: the tool, the options and the snapshot it is rendered from. */
export function outputKey(tool: string, options: Record<string, string>, name: string, snapshot: string): string {
  return createHash('sha256')
    .update(tool)
    .update('\0')
    .update(JSON.stringify(options))
    .update('\0')
    .update(name)
    .update('\0')
    .update(snapshot)
    .digest('hex');
}

/** Links (or copies) every file under `from` into `to`, making folders as needed; files already there are kept. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) linkTree(source, target);
    else if (!existsSync(target)) linkFile(source, target);
  }
}

function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    copyFileSync(source, target);
  }
}

export interface Kept {
  files: string;
  assets: string;
  pages: number;
}

/** The cache of one output folder: `<out>.cache/`, beside it on the same file system. */
export class OutputCache {
  readonly dir: string;
  private serial = 0;

  constructor(outDir: string) {
    this.dir = `${outDir}.cache`;
  }

  private entry(name: string): string {
    return path.join(this.dir, 'units', encodeURIComponent(name));
  }

  /** Removes what a build cut short left (only ever called while holding the output's lock). */
  tidy(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir))
      if (name.startsWith('new-') || name.startsWith('old-')) rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }

  /** Forgets everything kept: for `--no-cache`, and when the cache cannot be read. */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The kept output of a unit when its key matches: its files, the shared assets its pages use, its page count. */
  find(name: string, key: string): Kept | undefined {
    const dir = this.entry(name);
    try {
      const kept = JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8')) as { key: string; pages: number };
      if (kept.key !== key) return undefined;
      return { files: path.join(dir, 'files'), assets: path.join(dir, 'assets'), pages: kept.pages };
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps a unit's output under its key, replacing what was kept for it before. Written under a
   * new name and renamed into place, so a kill at any moment leaves either entry whole, or none.
   */
  keep(name: string, key: string, output: { from: string; names: readonly string[]; assets: readonly string[]; pages: number }): void {
    const fresh = path.join(this.dir, `new-${process.pid}-${(this.serial += 1)}`);
    mkdirSync(path.join(fresh, 'assets'), { recursive: true });
    mkdirSync(path.join(fresh, 'files'), { recursive: true });
    for (const file of output.names) {
      const source = path.join(output.from, file);
      const target = path.join(fresh, 'files', file);
      if (statSync(source).isDirectory()) linkTree(source, target);
      else linkFile(source, target);
    }
    for (const asset of output.assets) linkFile(asset, path.join(fresh, 'assets', path.basename(asset)));
    writeFileSync(path.join(fresh, 'kept.json'), JSON.stringify({ key, pages: output.pages }));
    const dir = this.entry(name);
    mkdirSync(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) {
      const old = path.join(this.dir, `old-${process.pid}-${(this.serial += 1)}`);
      renameSync(dir, old);
      renameSync(fresh, dir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(fresh, dir);
  }
}
