/**
 * What the search ought to find, read from the built HTML rather than guessed: each page
 * Pagefind indexes (the one element marked data-pagefind-body, written by SearchData.astro),
 * its title, the words it indexes (that element's text less its data-pagefind-ignore parts, with
 * the text it shares with other pages, searched as its "context" metadata) and its filters.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from '../helpers/site.ts';

export interface IndexedPage {
  /** Like "/hampshire/actions/neglect-deliver-training/". */
  url: string;
  title: string;
  /** The indexed content, without the title, with the text it shares with other pages at the end. */
  text: string;
  filters: Record<string, string[]>;
}

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#x27|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e] ?? '',
  );

/** The element that starts at `start`, to its matching close (SearchData's markup is plain divs, spans and paragraphs). */
function element(html: string, start: number): string {
  let depth = 0;
  for (const m of html.slice(start).matchAll(/<(\/?)div\b[^>]*>/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, start + m.index + m[0].length);
  }
  return html.slice(start);
}

export function indexedPages(root: string, site: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const file of htmlFiles(path.join(root, site))) {
    const html = readFileSync(path.join(root, site, file), 'utf8');
    const at = html.search(/<div\b[^>]*\bdata-pagefind-body\b/);
    if (at === -1) continue;
    const body = element(html, at);
    const filters: Record<string, string[]> = {};
    for (const m of body.matchAll(/<span data-pagefind-filter="([^"]+)"[^>]*>([^<]*)<\/span>/g)) (filters[m[1]] ??= []).push(decode(m[2]));
    const title = decode(/data-pagefind-meta="title"[^>]*>([^<]*)</.exec(body)?.[1] ?? '');
    const code = decode(/data-pagefind-meta="code"[^>]*>([^<]*)</.exec(body)?.[1] ?? '');
    const context = /data-pagefind-meta="context"[^>]*>([^<]*)</.exec(body)?.[1] ?? '';
    const text = `${body.replace(/<span\b[^>]*data-pagefind-ignore[^>]*>[^<]*<\/span>/g, ' ').replace(/<[^>]+>/g, ' ')} ${context}`;
    pages.push({
      url: `/${site}/${file.replace(/index\.html$/, '')}`,
      title: `${title} ${code}`.trim(),
      text: decode(text).replace(/\s+/g, ' ').trim(),
      filters,
    });
  }
  return pages;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pages with a word that starts with `word`, in their title or content (enough for words whose longer forms share their stem, like neglect). */
export function containing(pages: IndexedPage[], word: string): IndexedPage[] {
  const pattern = new RegExp(`\\b${escape(word)}`, 'i');
  return pages.filter((page) => pattern.test(`${page.title} ${page.text}`));
}

/** The pages with any of the phrases as whole words (a trailing "s" allowed), in their title or content. */
export function containingPhrase(pages: IndexedPage[], ...phrases: string[]): IndexedPage[] {
  const patterns = phrases.map(
    (p) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(p).replace(/[\s-]+/g, '[\\s-]+')}s?(?![\\p{L}\\p{N}])`, 'iu'),
  );
  return pages.filter((page) => patterns.some((pattern) => pattern.test(`${page.title} ${page.text}`)));
}

/** The pages with every word of a query. */
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
    glossary: `/${site}/glossary/`,
    'search with results': `/${site}/search/?q=neglect`,
    'search with no results': `/${site}/search/?q=xylophone`,
    'worried about a child': `/${site}/worried-about-a-child/`,
    'how status is worked out': `/${site}/how-status-is-worked-out/`,
    'page not found': `/${site}/no-such-page/`,
  };
}
