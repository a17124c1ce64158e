/** Reading the built site in tests: its pages as text, and the list of every page. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export function siteDir(): string {
  return inject('siteDir');
}

/** Every HTML file under a folder, as paths relative to it, like "hampshire/actions/x/index.html". */
export function htmlFiles(root: string, dir = ''): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const relative = path.posix.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) {
      if (name !== 'pagefind') found.push(...htmlFiles(root, relative));
    } else if (name.endsWith('.html')) found.push(relative);
  }
  return found.sort();
}

/** The HTML of a page by its URL path, like "/hampshire/groups/business-group/". */
export function page(urlPath: string, root = siteDir()): string {
  const file = path.join(root, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
  return readFileSync(file, 'utf8');
}

/** The hrefs of every link inside an element matched by a simple marker, or the whole page. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}
