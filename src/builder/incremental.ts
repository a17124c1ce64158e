/**
 * Rebuilding only what changed. Each site's finished output (pages, search index, 404 page) is
 * kept beside the output folder, in `<out>.cache/`, under a key made of everything that output
 * is made from:
 * - the tool: package.json, the lock file and every file of src/, schemas/ and astro.config.mjs;
 * - the build's options: site URL, base path, build date, one site alone or all;
 * - the site's snapshot: the entries it shows and names (src/builder/units.ts), with each file's
 *   "Last updated" date and repository path.
 * A build whose key for a site matches the kept one reuses the site's output instead of
 * rendering it; a site whose key changed is rendered, indexed and kept anew. The pages at the
 * root (the listing of sites, its 404 page, its icon) are kept the same way.
 *
 * Kept files are copies, never links to published ones, so an edit of either, in place, cannot
 * reach the other (copies are clones where the file system can share bytes until one side is
 * written: Btrfs, XFS, APFS). Each entry records the SHA-256 of every file it keeps, and what is
 * published is checked against it, file by file: a reused site's file is the one the last build
 * published, linked into the new output (as cheap as a link; the old output is deleted as soon as
 * the new one is in place), where its bytes are still those recorded; else a copy of the kept
 * file, checked the same way. A kept file that has changed too makes the build forget the entry
 * and render the site again, saying so. Deleting `<out>.cache/`, or building with `--no-cache`,
 * renders everything again.
 */
import { createHash } from 'node:crypto';
import {
  constants,
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

/** SHA-256 of a file's bytes. */
function hashOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A copy that shares the bytes where the file system can (copy-on-write), a plain copy elsewhere. */
function copyFile(source: string, target: string): void {
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
}

/** Copies every file under `from` into `to`, recording the hash of each by its path under `from`. */
function copyTree(from: string, to: string, hashes: Record<string, string>, prefix = ''): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(source).isDirectory()) copyTree(source, path.join(to, name), hashes, relative);
    else {
      hashes[relative] = hashOf(source);
      copyFile(source, path.join(to, name));
    }
  }
}

/** A path a manifest may name: relative, inside its folder, in forward slashes (no drive either). */
function safeRelative(file: string): boolean {
  return (
    file !== '' &&
    !file.startsWith('/') &&
    !file.includes('\\') &&
    !file.includes(':') &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** What an entry recorded when it was kept: every file it holds with the SHA-256 of its bytes. */
interface Manifest {
  key: string;
  pages: number;
  files: Record<string, string>;
  assets: Record<string, string>;
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8')) as Partial<Manifest>;
    const hashes = (value: unknown): value is Record<string, string> =>
      typeof value === 'object' &&
      value !== null &&
      Object.entries(value).every(([file, hash]) => safeRelative(file) && typeof hash === 'string');
    if (typeof data.key !== 'string' || typeof data.pages !== 'number' || !hashes(data.files) || !hashes(data.assets)) return undefined;
    return data as Manifest;
  } catch {
    return undefined;
  }
}

export interface Kept {
  /** The entry's name: a site's id, or "/" for the root pages. */
  name: string;
  dir: string;
  pages: number;
  manifest: Manifest;
}

/** A kept file whose bytes are not those recorded when it was kept (or that is missing). */
export class ChangedSinceKept extends Error {
  readonly unit: string;
  readonly file: string;
  constructor(unit: string, file: string) {
    super(`the kept output of ${unit} has changed since it was kept (${file})`);
    this.unit = unit;
    this.file = file;
  }
}

/** Where an output is, or was last published: its own files' folder, and the shared assets' (for every site together). */
export interface OutputPlace {
  files: string;
  assets?: string;
}

/**
 * Links a file the last build published into the new output when its bytes are still those
 * recorded when it was kept: the same bytes, without copying them. False when it is not there,
 * was changed since (edited in place, say), or cannot be linked (no hard links on this disk).
 */
function linkIfUnchanged(published: string, target: string, hash: string): boolean {
  try {
    linkSync(published, target);
  } catch {
    return false;
  }
  if (hashOf(target) === hash) return true;
  rmSync(target);
  return false;
}

/**
 * Puts a kept output into the new output (`into`), every file checked against the SHA-256
 * recorded when it was kept, so what is published is exactly what was built. Each file is the
 * one published last time (`published`), linked, where its bytes are unchanged: the new output
 * then shares it with the old one, which is deleted once the new one is in place. Otherwise it is
 * a copy of the kept one. A kept file that has changed too throws ChangedSinceKept, after taking
 * back every file written for this output (shared assets already proven stay).
 */
export function restoreKept(kept: Kept, into: OutputPlace, published?: OutputPlace): void {
  const written: string[] = [];
  const madeDirs: string[] = [];
  const folders = new Set<string>();
  const place = (file: string, hash: string, where: 'files' | 'assets') => {
    const target = path.join(into[where]!, file);
    const shared = where === 'assets';
    if (shared && existsSync(target)) return; // rendered, or given by another kept site
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      const made = mkdirSync(folder, { recursive: true });
      if (made) madeDirs.push(made);
      folders.add(folder);
    }
    const last = published?.[where];
    if (last && linkIfUnchanged(path.join(last, file), target, hash)) {
      if (!shared) written.push(target);
      return;
    }
    const shown = shared ? `_astro/${file}` : file;
    try {
      copyFile(path.join(kept.dir, where, file), target);
    } catch (error) {
      // Missing, or a folder where the file was: changed, as surely as different bytes.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw new ChangedSinceKept(kept.name, shown);
      throw error;
    }
    written.push(target);
    if (hashOf(target) !== hash) throw new ChangedSinceKept(kept.name, shown);
    // A proven asset may stay: it is the one rendering writes, and other sites may use it.
    if (shared) written.pop();
  };
  try {
    for (const [file, hash] of Object.entries(kept.manifest.files)) place(file, hash, 'files');
    if (into.assets) for (const [file, hash] of Object.entries(kept.manifest.assets)) place(file, hash, 'assets');
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    for (const dir of madeDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
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

  /** Forgets one unit's kept output: it no longer matches what was recorded. */
  forget(name: string): void {
    const dir = this.entry(name);
    if (!existsSync(dir)) return;
    const old = path.join(this.dir, `old-${process.pid}-${(this.serial += 1)}`);
    renameSync(dir, old);
    rmSync(old, { recursive: true, force: true });
  }

  /** The kept output of a unit when its key matches (restoreKept copies it, checking every file). */
  find(name: string, key: string): Kept | undefined {
    const dir = this.entry(name);
    const manifest = readManifest(dir);
    if (!manifest || manifest.key !== key) return undefined;
    return { name, dir, pages: manifest.pages, manifest };
  }

  /**
   * Keeps a unit's output under its key, replacing what was kept for it before: copies of its
   * files, with the hash of each. Written under a new name and renamed into place, so a kill at
   * any moment leaves either entry whole, or none.
   */
  keep(name: string, key: string, output: { from: string; names: readonly string[]; assets: readonly string[]; pages: number }): void {
    const fresh = path.join(this.dir, `new-${process.pid}-${(this.serial += 1)}`);
    try {
      mkdirSync(path.join(fresh, 'assets'), { recursive: true });
      mkdirSync(path.join(fresh, 'files'), { recursive: true });
      const manifest: Manifest = { key, pages: output.pages, files: {}, assets: {} };
      for (const file of output.names) {
        const source = path.join(output.from, file);
        const target = path.join(fresh, 'files', file);
        if (statSync(source).isDirectory()) copyTree(source, target, manifest.files, file);
        else {
          manifest.files[file] = hashOf(source);
          copyFile(source, target);
        }
      }
      for (const asset of output.assets) {
        manifest.assets[path.basename(asset)] = hashOf(asset);
        copyFile(asset, path.join(fresh, 'assets', path.basename(asset)));
      }
      writeFileSync(path.join(fresh, 'kept.json'), JSON.stringify(manifest));
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true }); // a full disk, say: nothing half-kept is left
      throw error;
    }
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
