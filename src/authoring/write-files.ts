/**
 * Writes a set of content files all or nothing, so an import that fails or is stopped part-way
 * never leaves the plan half-updated:
 *   1. each file is read, and must still hold the text the import planned its change against;
 *   2. the journal (src/authoring/import-journal.ts: every file, its original bytes, a hash of
 *      both versions) is written beside the content and forced to the disk;
 *   3. each new file is written in full beside its target and forced to the disk, so a full disk,
 *      a missing permission or a folder in the way stops the import before any target is touched,
 *      and the temporary files are deleted, a partly written one too;
 *   4. each is renamed over its target; if a rename fails (on Windows, a file open in another
 *      program), the files already renamed get their original bytes back;
 *   5. the folders are forced to the disk, then the journal is deleted.
 * A process stopped anywhere in 2 to 5 leaves the journal, and the next import (or `npm run
 * import -- --recover`) puts back every file it had replaced: recoverInterruptedImport.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isRunning } from '../builder/process-identity.ts';
import { importJournalName } from '../model/interrupted-import.ts';
import { displayPath } from './content.ts';
import {
  journalDraftPath,
  journalName,
  journalPath,
  journalTarget,
  journalText,
  parseJournal,
  sha256,
  type Journal,
  type JournalEntry,
} from './import-journal.ts';

/** The file operations used; a test passes one that fails part-way. */
export interface FileWriter {
  readFile(file: string): Buffer;
  /** Writes the whole file and forces it to the disk before returning. */
  writeFile(file: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
  /** Forces a folder's list of names to the disk, so a rename in it survives a power cut. */
  syncFolder(folder: string): void;
}

export const nodeWriter: FileWriter = {
  readFile: (file) => readFileSync(file),
  writeFile: (file, data) => {
    const fd = openSync(file, 'w');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
  remove: (file) => unlinkSync(file),
  syncFolder: (folder) => {
    // Windows cannot open a folder to sync it, and its renames are durable when they return.
    if (process.platform === 'win32') return;
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } catch (error) {
      // A file system that cannot sync a folder (some network ones) says so; there is nothing more to do.
      if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    } finally {
      closeSync(fd);
    }
  },
};

export interface FileWrite {
  absolutePath: string;
  /** The path as messages show it. */
  file: string;
  /** The text the file had when the change was planned; it must still have it. */
  before: string;
  after: string;
}

export type WriteOutcome =
  /** `journalLeft`: every file is written, but the journal could not be deleted (and why); it must be, or the next import undoes them. */
  | { ok: true; journalLeft?: string }
  | {
      ok: false;
      /** The file that could not be written, and why. */
      failed: { file: string; reason: string; changedMeanwhile?: boolean };
      /** Files written and then put back exactly as they were. */
      restored: string[];
      /** Files written that could not be put back: they hold the new text, and the journal is kept to put them back later. */
      notRestored: Array<{ file: string; reason: string }>;
    };

/** Where a file's new text waits before it replaces the file; a leading dot keeps `npm run check --watch` quiet. */
export function temporaryPath(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.import-${pid}.tmp`);
}

/** The process id in a temporary file's name, or undefined for any other name. */
function temporaryOwner(name: string): number | undefined {
  const match = /^\..+\.import-(\d+)\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EBUSY: 'it is in use by another program',
  EACCES: 'permission was refused',
  EPERM: 'permission was refused',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder is in the way',
  ENOENT: 'its folder no longer exists',
};

/** A file system error in words, with its code for whoever helps: "the disk is full (ENOSPC)". */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && reasons[code]) return `${reasons[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

const tryTo = (step: () => void) => {
  try {
    step();
  } catch {
    // Tidying up after a failure: the failure itself is what gets reported.
  }
};

type Failed = Extract<WriteOutcome, { ok: false }>;
const failure = (file: string, reason: string, changedMeanwhile?: boolean): Failed => ({
  ok: false,
  failed: { file, reason, ...(changedMeanwhile ? { changedMeanwhile } : {}) },
  restored: [],
  notRestored: [],
});

export function writeAllOrNothing(writes: readonly FileWrite[], contentDir: string, fs: FileWriter = nodeWriter): WriteOutcome {
  const originals = readOriginals(writes, fs);
  if (!Array.isArray(originals)) return originals;
  const journal = journalPath(contentDir);
  const entries = writes.map((write, i) => ({
    file: journalName(contentDir, write.absolutePath),
    before: originals[i].toString('base64'),
    beforeSha256: sha256(originals[i]),
    afterSha256: sha256(write.after),
  }));
  const placed = placeJournal(contentDir, { pid: process.pid, started: new Date().toISOString(), files: entries }, fs);
  if (placed) return placed;
  const folders = [...new Set(writes.map((write) => path.dirname(write.absolutePath)))];
  sweepStrayTemporaries(folders, fs);

  const temps: string[] = [];
  for (const write of writes) {
    const temp = temporaryPath(write.absolutePath);
    // Listed before it is written: a write that fails part-way leaves a partial file to delete.
    temps.push(temp);
    try {
      fs.writeFile(temp, write.after);
    } catch (error) {
      temps.forEach((t) => tryTo(() => fs.remove(t)));
      tryTo(() => fs.remove(journal));
      return failure(write.file, describeError(error));
    }
  }

  for (let i = 0; i < writes.length; i += 1) {
    try {
      fs.rename(temps[i], writes[i].absolutePath);
    } catch (error) {
      temps.slice(i).forEach((t) => tryTo(() => fs.remove(t)));
      const undone = putBack(writes.slice(0, i), originals, fs);
      // With every file put back the journal has nothing left to undo; otherwise it stays, for the next import.
      if (undone.notRestored.length === 0) tryTo(() => fs.remove(journal));
      return { ok: false, failed: { file: writes[i].file, reason: describeError(error) }, ...undone };
    }
  }
  // The renames reach the disk before the journal goes: after a power cut, either the journal
  // is still there to undo them, or every one of them was made.
  folders.forEach((folder) => tryTo(() => fs.syncFolder(folder)));
  try {
    fs.remove(journal);
  } catch (error) {
    return { ok: true, journalLeft: describeError(error) };
  }
  tryTo(() => fs.syncFolder(path.dirname(journal)));
  return { ok: true };
}

/** Every file's bytes, each still as planned; or the file that could not be read or has changed. */
function readOriginals(writes: readonly FileWrite[], fs: FileWriter): Buffer[] | Failed {
  const originals: Buffer[] = [];
  for (const write of writes) {
    let original: Buffer;
    try {
      original = fs.readFile(write.absolutePath);
    } catch (error) {
      return failure(write.file, describeError(error));
    }
    if (original.toString('utf8') !== write.before) return failure(write.file, 'it changed while the import was running', true);
    originals.push(original);
  }
  return originals;
}

/** Writes the journal in full under another name, then renames it into place and syncs its folder; undefined when it is in place. */
function placeJournal(contentDir: string, journal: Journal, fs: FileWriter): Failed | undefined {
  const draft = journalDraftPath(contentDir);
  const final = journalPath(contentDir);
  let renamed = false;
  try {
    fs.writeFile(draft, journalText(journal));
    // Another import's journal, placed since this one began: it is writing now, and this one must not.
    if (existsSync(final)) {
      tryTo(() => fs.remove(draft));
      return failure(displayPath(final), 'another import is writing these files right now; run this one again when it has finished');
    }
    fs.rename(draft, final);
    renamed = true;
    fs.syncFolder(path.dirname(final));
    return undefined;
  } catch (error) {
    tryTo(() => fs.remove(renamed ? final : draft));
    return failure(displayPath(final), describeError(error));
  }
}

/** Gives files already renamed their original bytes back, newest first. */
function putBack(written: readonly FileWrite[], originals: readonly Buffer[], fs: FileWriter) {
  const restored: string[] = [];
  const notRestored: Array<{ file: string; reason: string }> = [];
  for (let j = written.length - 1; j >= 0; j -= 1) {
    const back = temporaryPath(written[j].absolutePath);
    try {
      fs.writeFile(back, originals[j]);
      fs.rename(back, written[j].absolutePath);
      restored.unshift(written[j].file);
    } catch (restoreError) {
      tryTo(() => fs.remove(back));
      notRestored.unshift({ file: written[j].file, reason: describeError(restoreError) });
    }
  }
  return { restored, notRestored };
}

/** Deletes temporary files that imports of processes no longer running left in these folders (an import older than the journal could). */
function sweepStrayTemporaries(folders: readonly string[], fs: FileWriter): void {
  for (const folder of folders) {
    let names: string[] = [];
    tryTo(() => (names = readdirSync(folder)));
    for (const name of names) {
      const owner = temporaryOwner(name);
      if (owner !== undefined && owner !== process.pid && !isRunning(owner)) tryTo(() => fs.remove(path.join(folder, name)));
    }
  }
}

/** What the next import found of an earlier one, and did about it. */
export type Recovery =
  | { state: 'none' }
  /** The journal's process is still running: another import is writing right now. */
  | { state: 'running'; pid: number; started: string }
  /** The journal cannot be read, or is not one this version wrote: nothing was touched. */
  | { state: 'unreadable'; journal: string; reason: string }
  | {
      state: 'undone';
      pid: number;
      started: string;
      /** Files that held the stopped import's change, now back as they were before it. */
      restored: string[];
      /** Files that change never reached. */
      unchanged: string[];
      /** Files left as they are, and why: changed since, gone, or (stillChanged) could not be written back. */
      left: Array<{ file: string; reason: string; stillChanged?: true }>;
      /** True when a file could not be written back: the journal stays, to try again next time. */
      journalKept: boolean;
    };

/**
 * Undoes an import that stopped part-way, from its journal: every file that holds the version
 * it wrote gets its original bytes back, its temporary files are deleted, then the journal.
 * A file that holds neither version was changed by someone since, and is left as it is.
 * `force` undoes it even when the journal's process id belongs to a running process, which
 * after a restart can be an unrelated one.
 */
export function recoverInterruptedImport(contentDir: string, options: { force?: boolean; fs?: FileWriter } = {}): Recovery {
  const fs = options.fs ?? nodeWriter;
  const journalFile = journalPath(contentDir);
  sweepJournalDrafts(contentDir, fs);
  let text: string;
  try {
    text = fs.readFile(journalFile).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'unreadable', journal: displayPath(journalFile), reason: describeError(error) };
  }
  const journal = parseJournal(text);
  if (!journal)
    return { state: 'unreadable', journal: displayPath(journalFile), reason: 'it is not a journal this version of the tool wrote' };
  if (journal.pid !== process.pid && isRunning(journal.pid) && !options.force) {
    return { state: 'running', pid: journal.pid, started: journal.started };
  }
  const outcome = {
    restored: [] as string[],
    unchanged: [] as string[],
    left: [] as Array<{ file: string; reason: string; stillChanged?: true }>,
  };
  const folders = new Set<string>();
  let journalKept = false;
  for (const entry of journal.files) {
    const target = journalTarget(contentDir, entry.file);
    if (!target) {
      outcome.left.push({ file: entry.file, reason: 'the journal names a place outside the content folder, so nothing was written there' });
      continue;
    }
    tryTo(() => fs.remove(temporaryPath(target, journal.pid)));
    const result = undoOne(target, entry, fs);
    if (result === 'restored') folders.add(path.dirname(target));
    if (result === 'restored' || result === 'unchanged') outcome[result].push(displayPath(target));
    else {
      outcome.left.push({
        file: displayPath(target),
        reason: result.reason,
        ...(result.stillChanged ? { stillChanged: true as const } : {}),
      });
      if (result.stillChanged) journalKept = true;
    }
  }
  folders.forEach((folder) => tryTo(() => fs.syncFolder(folder)));
  if (!journalKept) {
    try {
      fs.remove(journalFile);
      tryTo(() => fs.syncFolder(path.dirname(journalFile)));
    } catch {
      // Every file is as it should be; the next import finds them so and deletes the journal then.
      journalKept = true;
    }
  }
  return { state: 'undone', pid: journal.pid, started: journal.started, ...outcome, journalKept };
}

/** Puts back one file the journal names, if it holds the version the import wrote. */
function undoOne(target: string, entry: JournalEntry, fs: FileWriter): 'restored' | 'unchanged' | { reason: string; stillChanged?: true } {
  let current: Buffer;
  try {
    if (lstatSync(target).isSymbolicLink()) return { reason: 'it has been replaced by a link since, so it was left as it is' };
    current = fs.readFile(target);
  } catch (error) {
    return { reason: `it cannot be read (${describeError(error)}), so it was left as it is` };
  }
  const hash = sha256(current);
  if (hash === entry.beforeSha256) return 'unchanged';
  if (hash !== entry.afterSha256) return { reason: 'it has changed since that import stopped, so it was left as it is' };
  const original = Buffer.from(entry.before, 'base64');
  if (sha256(original) !== entry.beforeSha256) return { reason: "the journal's copy of it is damaged, so it was left as it is" };
  const back = temporaryPath(target);
  try {
    fs.writeFile(back, original);
    fs.rename(back, target);
    return 'restored';
  } catch (error) {
    tryTo(() => fs.remove(back));
    return { reason: `it could not be written (${describeError(error)}): it still holds that import's change`, stillChanged: true };
  }
}

/** Deletes journals that a stopped import had not finished writing: no file was touched after them. */
function sweepJournalDrafts(contentDir: string, fs: FileWriter): void {
  const folder = path.resolve(contentDir);
  let names: string[] = [];
  tryTo(() => (names = readdirSync(folder)));
  for (const name of names) {
    const owner = name.startsWith(`${importJournalName}.`) ? /^\.(\d+)\.tmp$/.exec(name.slice(importJournalName.length))?.[1] : undefined;
    if (owner !== undefined && Number(owner) !== process.pid && !isRunning(Number(owner))) tryTo(() => fs.remove(path.join(folder, name)));
  }
}
