/**
 * Writes a set of files all or nothing, so an import that fails part-way never leaves the plan
 * half-updated. Every new file is first written beside its target, so a full disk, a missing
 * permission or a folder in the way stops the import before any target is touched; only then
 * is each renamed over its target. If a rename fails (on Windows, a file open in another
 * program), the files already renamed get their original bytes back.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file operations used; a test passes one that fails part-way. */
export interface FileWriter {
  readFile(file: string): Buffer;
  writeFile(file: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
}

export const nodeWriter: FileWriter = {
  readFile: (file) => readFileSync(file),
  writeFile: (file, data) => writeFileSync(file, data),
  rename: (from, to) => renameSync(from, to),
  remove: (file) => unlinkSync(file),
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
  | { ok: true }
  | {
      ok: false;
      /** The file that could not be written, and why. */
      failed: { file: string; reason: string; changedMeanwhile?: boolean };
      /** Files written and then put back exactly as they were. */
      restored: string[];
      /** Files written that could not be put back: they hold the new text. */
      notRestored: Array<{ file: string; reason: string }>;
    };

/** Where a file's new text waits before it replaces the file; a leading dot keeps `npm run check --watch` quiet. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.import-${process.pid}.tmp`);
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
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

export function writeAllOrNothing(writes: readonly FileWrite[], fs: FileWriter = nodeWriter): WriteOutcome {
  const originals: Buffer[] = [];
  const temps: string[] = [];
  const removeTemps = () => temps.forEach((temp) => tryTo(() => fs.remove(temp)));

  for (const write of writes) {
    let original: Buffer;
    try {
      original = fs.readFile(write.absolutePath);
    } catch (error) {
      return { ok: false, failed: { file: write.file, reason: describeError(error) }, restored: [], notRestored: [] };
    }
    if (original.toString('utf8') !== write.before) {
      return {
        ok: false,
        failed: { file: write.file, reason: 'it changed while the import was running', changedMeanwhile: true },
        restored: [],
        notRestored: [],
      };
    }
    originals.push(original);
  }

  for (const write of writes) {
    const temp = temporaryPath(write.absolutePath);
    try {
      fs.writeFile(temp, write.after);
      temps.push(temp);
    } catch (error) {
      removeTemps();
      return { ok: false, failed: { file: write.file, reason: describeError(error) }, restored: [], notRestored: [] };
    }
  }

  for (let i = 0; i < writes.length; i += 1) {
    try {
      fs.rename(temps[i], writes[i].absolutePath);
    } catch (error) {
      removeTemps();
      const restored: string[] = [];
      const notRestored: Array<{ file: string; reason: string }> = [];
      for (let j = i - 1; j >= 0; j -= 1) {
        const back = temporaryPath(writes[j].absolutePath);
        try {
          fs.writeFile(back, originals[j]);
          fs.rename(back, writes[j].absolutePath);
          restored.unshift(writes[j].file);
        } catch (restoreError) {
          tryTo(() => fs.remove(back));
          notRestored.unshift({ file: writes[j].file, reason: describeError(restoreError) });
        }
      }
      return { ok: false, failed: { file: writes[i].file, reason: describeError(error) }, restored, notRestored };
    }
  }
  return { ok: true };
}
