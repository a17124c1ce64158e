/**
 * The hand-over from the check to Astro: the entries `checkContent` accepted, written to one file
 * that the site reads (src/site/data.ts) instead of the content folder, with each file's history
 * ("Last updated", "Edit this page"). Versioned, so a site built by one version of the tool never
 * misreads a snapshot written by another. Each unit of sites gets a snapshot of the entries its
 * sites show (src/builder/units.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AnyEntry } from './entries.ts';

/** When a file of the content last changed, and where it is, for "Last updated" and "Edit this page". */
export interface FileHistory {
  /** YYYY-MM-DD */
  updated: string;
  /** Its path inside its repository. */
  path: string;
}

const version = 2;

export interface ContentSnapshot {
  version: typeof version;
  entries: AnyEntry[];
  /** By each entry's absolute path. */
  histories: Record<string, FileHistory>;
}

/** The snapshot's text: also what a unit's cache key is made from, so both see the same bytes. */
export function snapshotText(entries: readonly AnyEntry[], histories: Readonly<Record<string, FileHistory>>): string {
  // Line positions only serve the check's messages; the site has no use for them.
  const snapshot: ContentSnapshot = {
    version,
    entries: entries.map((entry) => ({ ...entry, frontmatterLines: undefined })),
    histories: Object.fromEntries(entries.filter((e) => histories[e.absolutePath]).map((e) => [e.absolutePath, histories[e.absolutePath]])),
  };
  return JSON.stringify(snapshot);
}

export function writeSnapshot(file: string, text: string): void {
  writeFileSync(file, text);
}

export function readSnapshot(file: string): ContentSnapshot {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as ContentSnapshot;
  if (snapshot.version !== version) throw new Error(`${file} was written by another version of Plan Publisher; build again`);
  return snapshot;
}
