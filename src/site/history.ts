/**
 * "Last updated" for each content file: the date of the last commit that changed it, read
 * from git once for the whole content folder; a file changed since its last commit, or a
 * folder outside git, falls back to the file's modification time. The build reads it once, in
 * its own process, and hands each unit of sites the dates of its files in the snapshot, so a
 * unit neither runs git again nor can see dates other than those its cache key was made from.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { contentFolder } from '../config.ts';
import type { FileHistory } from '../model/snapshot.ts';

interface History {
  /** The repository's top folder, when the content is in git. */
  top?: string;
  /** Absolute path -> YYYY-MM-DD of its last commit. */
  committed: Map<string, string>;
  /** Absolute paths with uncommitted changes. */
  dirty: Set<string>;
}

let cached: History | undefined;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

function readHistory(contentDir: string): History {
  const history: History = { committed: new Map(), dirty: new Set() };
  try {
    const top = git(contentDir, ['rev-parse', '--show-toplevel']).trim();
    history.top = top;
    // Newest first: the first date seen for a file is its last change.
    let date = '';
    for (const line of git(contentDir, ['log', '--format=%x00%cs', '--name-only', '--', '.']).split('\n')) {
      if (line.startsWith('\0')) date = line.slice(1);
      else if (line.trim() && date) {
        const file = path.join(top, line.trim());
        if (!history.committed.has(file)) history.committed.set(file, date);
      }
    }
    for (const line of git(contentDir, ['status', '--porcelain', '--untracked-files=all', '--', '.']).split('\n')) {
      if (line.length > 3)
        history.dirty.add(
          path.join(
            top,
            line
              .slice(3)
              .replace(/^.* -> /, '')
              .replace(/^"|"$/g, ''),
          ),
        );
    }
  } catch {
    // Not a git checkout, or git is not installed: file times only.
  }
  return history;
}

function history(): History {
  cached ??= readHistory(contentFolder());
  return cached;
}

/** What the site shows about one file's history. */
let provided: Readonly<Record<string, FileHistory>> | undefined;

/** The build's dates for the files of the content it hands over (src/model/snapshot.ts). */
export function useFileHistories(histories: Readonly<Record<string, FileHistory>> | undefined): void {
  provided = histories;
}

/** The history of each file, read once for the whole content folder: what the build hands to Astro. */
export function fileHistories(contentDir: string, files: readonly string[]): Record<string, FileHistory> {
  const h = readHistory(path.resolve(contentDir));
  const histories: Record<string, FileHistory> = {};
  for (const file of files) {
    const absolute = path.resolve(file);
    histories[absolute] = { updated: readLastUpdated(absolute, h), path: pathInRepository(absolute, h) };
  }
  return histories;
}

const known = new Map<string, string>();

/** When a content file last changed, YYYY-MM-DD. Asked once per file: list pages ask for every file. */
export function lastUpdated(file: string): string {
  const absolute = path.resolve(file);
  const handed = provided?.[absolute];
  if (handed) return handed.updated;
  let date = known.get(absolute);
  if (!date) known.set(absolute, (date = readLastUpdated(absolute, history())));
  return date;
}

function readLastUpdated(absolute: string, h: History): string {
  const committed = h.committed.get(absolute);
  if (committed && !h.dirty.has(absolute)) return committed;
  try {
    return statSync(absolute).mtime.toISOString().slice(0, 10);
  } catch {
    return committed ?? new Date().toISOString().slice(0, 10);
  }
}

/** The file's path inside its repository, for "Edit this page" links. */
export function repositoryPath(file: string): string {
  const absolute = path.resolve(file);
  return provided?.[absolute]?.path ?? pathInRepository(absolute, history());
}

function pathInRepository(absolute: string, h: History): string {
  return (h.top ? path.relative(h.top, absolute) : path.relative(process.cwd(), absolute)).split(path.sep).join('/');
}

export type { FileHistory } from '../model/snapshot.ts';
