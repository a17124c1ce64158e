/**
 * Putting a finished build in place so that dist/ is never missing or half-written, whatever
 * stops the build and whenever.
 *
 * Everything a build writes sits beside dist/, named after it, its process id and start time:
 *   dist.building-<pid>-<ms>   being rendered and indexed: incomplete, never published
 *   dist.ready-<pid>-<ms>      complete (renamed from building- as the very last step)
 *   dist.previous-<pid>-<ms>   the old site, moved out for the instant of the swap
 *   dist.deleting-<pid>-<ms>   on its way out: never put back, whatever it holds
 *   dist.lock                  the build that is running: its process (process-identity.ts), "started"
 * Publishing renames dist -> dist.previous-*, then dist.ready-* -> dist. Both are renames in
 * one folder, so each is all or nothing; a build killed between them leaves no dist/, and
 * the next build, before anything else, puts back the newest complete folder (the ready one,
 * else the previous one). Symbolic-link swaps would close that gap, but not on every host.
 *
 * One build at a time per output folder, by a lock held from before the content is read
 * until after publishing: a second build refuses to start, so an older content can never
 * replace a newer one. A lock whose process is gone (killed, or the machine restarted) is
 * taken over, also when its process id has since been given to another program: the lock
 * records the process's start time too (src/builder/process-identity.ts).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { isRunning, stillRunning, thisProcess, type ProcessIdentity } from './process-identity.ts';

/** The moments of a build that tests can stop it at. */
export type BuildStage =
  /** The content is checked; nothing is written yet. */
  | 'checked'
  /** Astro has rendered the pages; search indexing is next. */
  | 'rendered'
  /** A unit's sites are indexed for search; keeping them for the next build is next. */
  | 'indexed'
  /** The new site is complete (dist.ready-*); the old one is still in dist/. */
  | 'staged'
  /** The old site is out (dist.previous-*), the new one not yet in: there is no dist/. */
  | 'swapping';

export type StageHook = (stage: BuildStage) => void | Promise<void>;

type Kind = 'building' | 'ready' | 'previous' | 'deleting';

interface Leftover {
  kind: Kind;
  pid: number;
  time: number;
  path: string;
}

let lastTime = 0;

/** A new name beside `outDir` for a folder of the given kind, unique to this process and moment. */
function sibling(outDir: string, kind: Kind): string {
  lastTime = Math.max(Date.now(), lastTime + 1); // two names in one millisecond must still differ
  return `${outDir}.${kind}-${process.pid}-${lastTime}`;
}

/** Where a new build is rendered: beside the output, so publishing is a rename on one file system. */
export function stagingFolder(outDir: string): string {
  mkdirSync(path.dirname(outDir), { recursive: true });
  return sibling(outDir, 'building');
}

/** Every folder an earlier build left beside `outDir`. */
function leftoversOf(outDir: string): Leftover[] {
  const dir = path.dirname(outDir);
  if (!existsSync(dir)) return [];
  const prefix = `${path.basename(outDir)}.`;
  const found: Leftover[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(building|ready|previous|deleting)-(\d+)-(\d+)$/.exec(name.slice(prefix.length));
    if (match) found.push({ kind: match[1] as Kind, pid: Number(match[2]), time: Number(match[3]), path: path.join(dir, name) });
  }
  return found;
}

/** Deletes a folder, first renaming it so that a delete cut short can never be mistaken for a site. */
function discard(folder: string, outDir: string, inBackground = false): void {
  const doomed = path.basename(folder).startsWith(`${path.basename(outDir)}.deleting-`) ? folder : sibling(outDir, 'deleting');
  if (doomed !== folder) renameSync(folder, doomed);
  if (inBackground) deleteInBackground(doomed);
  else rmSync(doomed, { recursive: true, force: true });
}

/**
 * Deletes a folder in a process of its own that outlives the build. Deleting a big site is
 * slow (30,000 pages: about 6 s) and nobody waits for it: the new site is already in place,
 * and the folder's name says it is on its way out, so a delete cut short is finished by the
 * next build (recoverOutput).
 */
function deleteInBackground(folder: string): void {
  try {
    const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => rmSync(folder, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Puts dist/ back if an interrupted build left none, then deletes everything interrupted
 * builds left beside it. Run only while holding the lock, so none of it is in use.
 * Returns a sentence for the log when it had to restore the site.
 */
export function recoverOutput(outDir: string): string | undefined {
  let restored: string | undefined;
  const found = leftoversOf(outDir);
  if (!existsSync(outDir)) {
    const newest = (kind: Kind) => found.filter((l) => l.kind === kind).sort((a, b) => b.time - a.time)[0];
    const candidate = newest('ready') ?? newest('previous');
    if (candidate) {
      renameSync(candidate.path, outDir);
      const which = candidate.kind === 'ready' ? 'the new site it had finished' : 'the site it was replacing';
      restored = `A build was interrupted while publishing, leaving no ${path.basename(outDir)}/ folder: put back ${which}.`;
    }
  }
  for (const leftover of leftoversOf(outDir)) {
    try {
      discard(leftover.path, outDir);
    } catch (error) {
      // A folder already on its way out may be being deleted by the build before (in the
      // background): what is left of it is deleted next time.
      if (leftover.kind !== 'deleting') throw error;
    }
  }
  return restored;
}

const cachePrefix = 'plan-publisher-cache-';

/** A fresh temporary cache for Astro, named with this process's id so a later build can tell when it is abandoned. */
export function cacheFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), `${cachePrefix}${process.pid}-`));
}

/** Deletes the temporary caches of builds whose process is no longer running. */
export function removeAbandonedCaches(tmp = os.tmpdir()): void {
  for (const name of readdirSync(tmp)) {
    const pid = name.startsWith(cachePrefix) ? Number(/^(\d+)-/.exec(name.slice(cachePrefix.length))?.[1]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

/** The build holding a lock: its process, and when it took the lock (ISO 8601, UTC). */
export interface LockHolder extends ProcessIdentity {
  started: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; holder?: LockHolder; lockFile: string };

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (typeof data.pid !== 'number' || typeof data.started !== 'string') return undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      pid: data.pid,
      started: data.started,
      host: text(data.host),
      start: text(data.start),
      bootId: text(data.bootId),
      bootTime: typeof data.bootTime === 'number' ? data.bootTime : undefined,
    };
  } catch {
    return undefined;
  }
}

function sameHolder(a: LockHolder | undefined, b: LockHolder | undefined): boolean {
  return a?.pid === b?.pid && a?.started === b?.started && a?.start === b?.start;
}

/** A lock file with no readable holder is being written, unless it has been that way for a while. */
const unreadableGrace = 10_000;

/**
 * Takes `<outDir>.lock`, created exclusively so that of two builds starting together only
 * one succeeds. A lock left by a process that is no longer running is taken over, whether or
 * not another process now has its id.
 */
export function takeLock(outDir: string): LockResult {
  const lockFile = `${outDir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      const mine: LockHolder = { ...thisProcess(), started: new Date().toISOString() };
      try {
        writeSync(fd, JSON.stringify(mine));
      } catch (error) {
        // A lock that cannot be written (a full disk) must not be left to stop the next build.
        closeSync(fd);
        rmSync(lockFile, { force: true });
        throw error;
      }
      closeSync(fd);
      return {
        ok: true,
        release: () => {
          if (sameHolder(readHolder(lockFile), mine)) rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockFile);
    if (holder ? stillRunning(holder) : Date.now() - mtime(lockFile) < unreadableGrace) return { ok: false, holder, lockFile };
    // Stale. Move it aside rather than delete it: of two builds taking it over at once, only
    // one can move this file, and the other then finds the new lock, or nothing, and retries.
    const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
    try {
      renameSync(lockFile, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    rmSync(aside, { force: true });
    if (!sameHolder(moved, holder)) return { ok: false, holder: moved, lockFile };
  }
  return { ok: false, holder: readHolder(lockFile), lockFile };
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** What to tell someone whose build found another one running. */
export function lockMessage(outDir: string, lock: { holder?: LockHolder; lockFile: string }): { error: string; hint: string } {
  const name = path.basename(outDir);
  const who = lock.holder
    ? `Another build (process ${lock.holder.pid}, started ${lock.holder.started.replace('T', ' ').slice(0, 19)} UTC)`
    : 'Another build';
  return {
    error: `${who} is building ${name}/ right now, so this one did not start.`,
    hint: `Wait for it to finish, then build again. If no build is running (the computer restarted during one, say), delete ${path.basename(lock.lockFile)} beside ${name}/ and build again.`,
  };
}

/**
 * Swaps a complete staging folder into `outDir`. On a failure here the old site is put back
 * before the error is passed on; on a kill, recoverOutput() finishes the job next time.
 */
export async function publish(
  staging: string,
  outDir: string,
  onStage?: StageHook,
  options: { discardInBackground?: boolean } = {},
): Promise<void> {
  const ready = sibling(outDir, 'ready');
  renameSync(staging, ready);
  let previous: string | undefined;
  try {
    await onStage?.('staged');
    if (existsSync(outDir)) {
      previous = sibling(outDir, 'previous');
      renameSync(outDir, previous);
    }
    await onStage?.('swapping');
    renameSync(ready, outDir);
  } catch (error) {
    if (previous && !existsSync(outDir)) renameSync(previous, outDir);
    if (existsSync(ready)) discard(ready, outDir);
    throw error;
  }
  if (previous) discard(previous, outDir, options.discardInBackground);
}
