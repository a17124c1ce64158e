/**
 * The import's journal: before `npm run import` changes any content file it records, in
 * `content/.plan-publisher-import.journal`, every file it is about to replace, the original
 * bytes of each and a hash of both versions, and forces that record to the disk. Only then are
 * the new files written and renamed into place; the journal is deleted when the last rename is
 * on the disk. So an import stopped at any moment (killed, a power cut, a full disk) leaves
 * either no journal and no change, or a journal that says exactly how to undo what it did.
 *
 * Undoing is all the next import does with it (src/authoring/write-files.ts): every file that
 * holds the new version gets its original back, and the temporary files are deleted. Finishing
 * the stopped import instead would need the new text, which the spreadsheet still has: running
 * the import again writes it, checked against the content as it is then.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'astro/zod';
import { importJournalName } from '../model/interrupted-import.ts';

/** One file the import replaces: where it is, and how to tell and put back its original. */
export interface JournalEntry {
  /** Inside the content folder, with "/". */
  file: string;
  /** The original bytes, base64. */
  before: string;
  beforeSha256: string;
  afterSha256: string;
}

export interface Journal {
  /** The import's process, whose id names its temporary files. */
  pid: number;
  started: string;
  files: JournalEntry[];
}

const journalSchema = z.strictObject({
  journal: z.literal('plan-publisher import'),
  version: z.literal(1),
  pid: z.number().int().positive(),
  started: z.string(),
  files: z.array(
    z.strictObject({
      file: z.string().min(1),
      before: z.string(),
      beforeSha256: z.string().regex(/^[0-9a-f]{64}$/),
      afterSha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function journalPath(contentDir: string): string {
  return path.join(path.resolve(contentDir), importJournalName);
}

/** Where the journal is written before it is renamed into place, so it is never found half-written. */
export function journalDraftPath(contentDir: string, pid = process.pid): string {
  return `${journalPath(contentDir)}.${pid}.tmp`;
}

export function journalText(journal: Journal): string {
  return JSON.stringify({ journal: 'plan-publisher import', version: 1, ...journal });
}

/** The journal, or why it cannot be trusted. */
export function parseJournal(text: string): Journal | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = journalSchema.safeParse(data);
  return parsed.success ? { pid: parsed.data.pid, started: parsed.data.started, files: parsed.data.files } : undefined;
}

/**
 * The absolute path of a file the journal names, or undefined when it names anything but a
 * Markdown file inside the content folder: the journal sits among the author's files, and undoing
 * an import must never write anywhere else, whatever the journal says.
 */
export function journalTarget(contentDir: string, file: string): string | undefined {
  const root = path.resolve(contentDir);
  const segments = file.split('/');
  if (path.isAbsolute(file) || file.includes('\\') || !file.endsWith('.md')) return undefined;
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  const absolute = path.join(root, ...segments);
  return absolute.startsWith(root + path.sep) ? absolute : undefined;
}

/** A file's place in the content folder, as the journal records it. */
export function journalName(contentDir: string, absolutePath: string): string {
  return path.relative(path.resolve(contentDir), absolutePath).split(path.sep).join('/');
}
