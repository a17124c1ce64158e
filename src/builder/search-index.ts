/** One Pagefind index per site, written into the site, so no site's search can return another's pages. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds running at once in one process (a program calling build() twice, the test setup) share
 * Pagefind's one indexing process: it is stopped when the last of them is done with it.
 */
let users = 0;

/** Says a build will index sites; pair with closeSearchIndexer(). */
export function openSearchIndexer(): void {
  users += 1;
}

export async function indexSite(dir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
  // Pagefind's own writeFiles never answers when writing fails (its process dies mid-call),
  // which would hang the build on a full disk: take the files and write them here instead.
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`Pagefind could not make its index: ${built.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of built.files) {
    // Our search page uses Pagefind's JS API: its ready-made UIs, and the index for pages of
    // no known language (we force English), would only be dead weight on the host.
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(file.path) || file.path === 'wasm.unknown.pagefind') continue;
    const target = path.join(dir, 'pagefind', file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return added.page_count;
}

/** Says a build is done indexing; stops Pagefind's indexing process when no other build still uses it. */
export async function closeSearchIndexer(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users === 0) await pagefind.close();
}
