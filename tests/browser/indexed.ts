/**
 * What the search ought to find, read from the built HTML rather than guessed: each page
 * Pagefind indexes (its <main data-pagefind-body>), the words it indexes (the main's text
 * without data-pagefind-ignore and the elements Pagefind drops) and its filters.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from '../helpers/site.ts';

export interface IndexedPage {
  /** Like "/hampshire/actions/neglect-deliver-training/". */
  url: string;
  text: string;
  filters: Record<string, string[]>;
}

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#x27|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e] ?? '',
  );

export function indexedPages(root: string, site: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const file of htmlFiles(path.join(root, site))) {
    const html = readFileSync(path.join(root, site, file), 'utf8');
    const main = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
    if (main === undefined) continue;
    const filters: Record<string, string[]> = {};
    for (const m of main.matchAll(/<span data-pagefind-filter="([^"]+)">([^<]*)<\/span>/g)) (filters[m[1]] ??= []).push(decode(m[2]));
    const text = main
      .replace(/<div hidden data-pagefind-ignore>[\s\S]*?<\/div>/g, ' ')
      .replace(/<(nav|form|label|svg|footer|noscript|script|style|template)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    pages.push({ url: `/${site}/${file.replace(/index\.html$/, '')}`, text: decode(text).replace(/\s+/g, ' '), filters });
  }
  return pages;
}

/** The pages with a word that starts with `word` (Pagefind matches the start of words). */
export function containing(pages: IndexedPage[], word: string): IndexedPage[] {
  const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
  return pages.filter((page) => pattern.test(page.text));
}

/** The pages with every word of a query (Pagefind finds pages with all the words). */
export function containingAll(pages: IndexedPage[], query: string): IndexedPage[] {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .reduce((found, word) => containing(found, word), pages);
}

export const urls = (pages: IndexedPage[]) => pages.map((page) => page.url).sort();

/** The partnerships built into the site: its folders with a pagefind index. */
export function sites(root: string): string[] {
  return readdirSync(root).filter(
    (name) => statSync(path.join(root, name)).isDirectory() && readdirSync(path.join(root, name)).includes('pagefind'),
  );
}

/**
 * One page of every type on a site, as URL paths: home, plan, priority, action, groups, group,
 * years, year, annual report, open data, about, accessibility, search, "Worried about a child?",
 * "How status is worked out", and an address that does not exist (served the site's 404 page).
 */
export function pageTypes(root: string, site: string): Record<string, string> {
  const first = (folder: string) => {
    const dir = path.join(root, site, folder);
    const name = readdirSync(dir)
      .filter((n) => statSync(path.join(dir, n)).isDirectory())
      .sort()[0];
    if (!name) throw new Error(`no page in ${site}/${folder}`);
    return `/${site}/${folder}/${name}/`;
  };
  return {
    home: `/${site}/`,
    plan: first('plans'),
    priority: first('priorities'),
    action: first('actions'),
    'group index': `/${site}/groups/`,
    group: first('groups'),
    'years index': `/${site}/years/`,
    year: first('years'),
    'annual report': `${first('years')}report/`,
    'open data': `/${site}/data/`,
    about: `/${site}/about/`,
    accessibility: `/${site}/accessibility/`,
    'search with results': `/${site}/search/?q=neglect`,
    'worried about a child': `/${site}/worried-about-a-child/`,
    'how status is worked out': `/${site}/how-status-is-worked-out/`,
    'page not found': `/${site}/no-such-page/`,
  };
}
