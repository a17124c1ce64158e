/**
 * While `npm run import` (or `npm run migrate`) changes content files it keeps a journal beside
 * them, in the content folder (src/authoring/import-journal.ts), and deletes it when every file
 * is written. A journal that is still there means one is running or was stopped part-way, so some
 * files may hold its changes and others not: the check refuses such content, so no site is built
 * from half an import, and says how to put the files back.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems.ts';

/** The journal's name, in the content folder; the leading dot keeps it out of the walk of content files. */
export const importJournalName = '.plan-publisher-import.journal';

export function interruptedImport(contentDir: string, displayPathOf: (absolutePath: string) => string): Problem[] {
  const journal = path.join(path.resolve(contentDir), importJournalName);
  if (!existsSync(journal)) return [];
  return [
    {
      file: displayPathOf(journal),
      message: 'an import (or migrate) is running, or stopped part-way, so some files may hold part of its changes',
      hint: 'if none is running, run `npm run import -- --recover` to put back every file it changed, then run it again',
    },
  ];
}
