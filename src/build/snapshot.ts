/**
 * The hand-over from the check to Astro: the entries `checkContent` accepted, written to one file
 * that the site reads (src/site/data.ts) instead of the content folder. Versioned, so a site built
 * by one version of the tool never misreads a snapshot written by another.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AnyEntry } from '../model/entries.ts';

const version = 1;

interface ContentSnapshot {
  version: typeof version;
  entries: AnyEntry[];
}

export function writeSnapshot(file: string, entries: readonly AnyEntry[]): void {
  // Line positions only serve the check's messages; the site has no use for them.
  const snapshot: ContentSnapshot = { version, entries: entries.map((entry) => ({ ...entry, frontmatterLines: undefined })) };
  writeFileSync(file, JSON.stringify(snapshot));
}

export function readSnapshot(file: string): AnyEntry[] {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as ContentSnapshot;
  if (snapshot.version !== version) throw new Error(`${file} was written by another version of Plan Publisher; build again`);
  return snapshot.entries;
}
