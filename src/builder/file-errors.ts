/** File-system errors in words: what the disk said, for someone who has never seen "ENOSPC". */
import { statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const meanings: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'there is no permission to write there',
  EPERM: 'the operating system did not allow it',
  EBUSY: 'another program is using the folder',
  EEXIST: 'something is already in the way there',
  ENOTDIR: 'a file is in the way where a folder should be',
  ENOTEMPTY: 'a folder that should be empty is not',
  ENOENT: 'a file or folder disappeared while it was being used',
  EMFILE: 'too many files are open',
};

/** "the disk is full (at /path)" for a Node.js file-system error; any other error's own message. */
export function explainFileError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path } = error as NodeJS.ErrnoException;
  const meaning = code ? meanings[code] : undefined;
  if (!meaning) return error.message;
  return `${meaning}${path ? ` (at ${path})` : ''}`;
}

export type DiskFull = 'ENOSPC' | 'EDQUOT';

/** Node's code, and the words Astro, Vite and Pagefind (Rust) print, for each. */
const diskFullWords: Array<[DiskFull, RegExp]> = [
  ['ENOSPC', /\bENOSPC\b|no space left on device/i],
  ['EDQUOT', /\bEDQUOT\b|disk quota exceeded/i],
];

/**
 * Whether an error says the disk is full or the quota used up: by its code, or in its words
 * (another process's output, like Astro's), following its cause and reason.
 */
export function diskFullCode(error: unknown, seen = new Set<unknown>()): DiskFull | undefined {
  if (error === undefined || error === null || seen.has(error)) return undefined;
  seen.add(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return code;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const found = diskFullWords.find(([, words]) => words.test(text))?.[0];
  if (found) return found;
  const { cause, reason } = error as { cause?: unknown; reason?: unknown };
  return diskFullCode(cause, seen) ?? diskFullCode(reason, seen);
}

/** The file the error names: Node's `path`, the first quoted absolute path in its words, or its cause's or reason's. */
function pathIn(error: unknown, seen = new Set<unknown>()): string | undefined {
  if (error === undefined || error === null || seen.has(error)) return undefined;
  seen.add(error);
  const own = (error as NodeJS.ErrnoException).path;
  if (own) return own;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const quoted = /'((?:\/|[A-Za-z]:\\)[^']+)'/.exec(text)?.[1];
  if (quoted) return quoted;
  const { cause, reason } = error as { cause?: unknown; reason?: unknown };
  return pathIn(cause, seen) ?? pathIn(reason, seen);
}

/** The folder to name for a file the build wrote: the one holding the output, the temporary folder, or its own. */
function diskOf(file: string, outDir: string): string {
  const inside = (folder: string) => file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
  if (inside(path.dirname(outDir))) return path.dirname(outDir);
  if (inside(os.tmpdir())) return os.tmpdir();
  return path.dirname(file);
}

/** Less room than this left, and a disk is taken to be the one that filled up (full means a few kB at most). */
const nearlyFullBytes = 1024 * 1024;

/**
 * Of the folders the build writes in, the first on a disk with (nearly) no room left: for
 * errors that do not say which file they were writing (a write to an open file, Astro's).
 */
function nearlyFull(folders: string[]): string | undefined {
  return folders.find((folder) => {
    try {
      const disk = statfsSync(folder);
      return disk.bavail * disk.bsize < nearlyFullBytes;
    } catch {
      return false;
    }
  });
}

/**
 * The one message a full disk gets, whatever the step: what happened, where, and what to do,
 * instead of a stack trace. `step` says what the build was doing ("rendering the pages").
 */
export function diskFullMessage(error: unknown, step: string, outDir: string): string | undefined {
  const code = diskFullCode(error);
  if (!code) return undefined;
  const file = pathIn(error);
  const folder = file ? diskOf(file, outDir) : nearlyFull([path.dirname(outDir), os.tmpdir()]);
  const where = folder ? ` (writing in ${folder})` : '';
  const what = code === 'ENOSPC' ? 'The disk is full' : 'The disk quota is used up';
  return `${what}: the build ran out of space while ${step}${where}. Free some space and build again; ${path.basename(outDir)}/ was left as it was.`;
}
