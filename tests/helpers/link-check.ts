/**
 * The link checker: every address a built site gives to its readers that points into the site
 * itself must be a file the build wrote, and every fragment (`#outcome-2`) an id on the page it
 * points to. It reads what a reader's browser or feed reader would follow: links, images, scripts,
 * styles and forms in every HTML page (the search page's browse links, its form and the files its
 * script loads included), the links of the Atom feed, the `url` column of each CSV and every `url`
 * in the JSON open data.
 * Query strings are ignored (a static host serves the same file); other hosts are not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/open-data/csv.ts';
import { attr, elements, type Element } from './read-site.ts';
import { parse } from 'parse5';

/** The address the test builds give their sites (tests/helpers/global-setup.ts): links to it are the site's own. */
export const testSiteOrigin = 'https://plan.example.org.uk';

/** Where each element keeps an address a reader follows or loads. */
const linkAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** Metadata whose content is an address of the site, like a social card's image. */
const linkMetadata = new Set(['og:url', 'og:image', 'twitter:image']);

export interface LinkReport {
  /** How many of the site's own addresses were followed. */
  checked: number;
  /** Each broken one: the page it is on, the address as written, and what is missing. */
  broken: string[];
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

/** The address a built file is served at: "wrenfield/actions/x/index.html" is "/wrenfield/actions/x/". */
function addressOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** What the search page's script loads from the root it is given: Pagefind, and the site's words for spelling. */
const searchFiles = ['pagefind/pagefind.js', 'search/words.json'];

/** The addresses an HTML element gives, as written. */
function addressesIn(element: Element): string[] {
  const searchRoot = attr(element, 'data-site-root');
  if (searchRoot !== undefined) return searchFiles.map((file) => `${searchRoot}${file}`);
  if (element.tagName === 'meta') {
    const name = attr(element, 'property') ?? attr(element, 'name') ?? '';
    const content = attr(element, 'content');
    return linkMetadata.has(name) && content ? [content] : [];
  }
  return (linkAttributes[element.tagName] ?? []).flatMap((name) => {
    const value = attr(element, name);
    if (value === undefined) return [];
    // srcset: "a.png 1x, b.png 2x", each candidate an address then a size.
    return name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [value];
  });
}

class SiteLinks {
  private readonly ids = new Map<string, Set<string>>();
  readonly broken: string[] = [];
  checked = 0;
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The ids on a built HTML page. */
  private idsOn(file: string): Set<string> {
    let found = this.ids.get(file);
    if (!found) {
      const document = parse(readFileSync(path.join(this.root, file), 'utf8'));
      found = new Set(elements(document).flatMap((e) => attr(e, 'id') ?? []));
      this.ids.set(file, found);
    }
    return found;
  }

  /** Follows one address written on a page (or in a data file) served at `from`. */
  follow(from: string, written: string): void {
    const url = new URL(written, `${testSiteOrigin}${from}`);
    if (url.origin !== testSiteOrigin) return;
    this.checked += 1;
    const target = decodeURIComponent(url.pathname).replace(/^\//, '');
    const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
    if (!existsSync(path.join(this.root, file)) || statSync(path.join(this.root, file)).isDirectory()) {
      this.broken.push(`${from}: ${written} (the site has no ${file})`);
      return;
    }
    const id = decodeURIComponent(url.hash.slice(1));
    if (id && file.endsWith('.html') && !this.idsOn(file).has(id)) {
      this.broken.push(`${from}: ${written} (${addressOf(file)} has no element with id "${id}")`);
    }
  }

  page(file: string): void {
    const from = addressOf(file);
    const document = parse(readFileSync(path.join(this.root, file), 'utf8'));
    for (const element of elements(document)) for (const written of addressesIn(element)) this.follow(from, written);
  }

  /** An Atom feed's links: `<link href>` of the feed and of each entry. */
  feed(file: string): void {
    const from = addressOf(file);
    for (const match of readFileSync(path.join(this.root, file), 'utf8').matchAll(/<link\b[^>]*?\bhref="([^"]*)"/g)) {
      this.follow(from, match[1].replace(/&amp;/g, '&'));
    }
  }

  /** A CSV's `url` column, row by row. */
  csv(file: string): void {
    const [header = [], ...rows] = parseCsv(readFileSync(path.join(this.root, file), 'utf8')).rows;
    const column = header.findIndex((name) => name.replace(/^\uFEFF/, '') === 'url');
    if (column === -1) return;
    for (const row of rows) if (row[column]) this.follow(addressOf(file), row[column]);
  }

  /** Every `url` anywhere in a JSON file. */
  json(file: string): void {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'url' && typeof inner === 'string') this.follow(addressOf(file), inner);
          else walk(inner);
        }
      }
    };
    walk(JSON.parse(readFileSync(path.join(this.root, file), 'utf8')));
  }
}

/** Checks every link a built site (a `dist/` folder, every partnership in it) gives its readers. */
export function checkLinks(root: string): LinkReport {
  const site = new SiteLinks(root);
  // Pagefind's own files are its index, not pages a reader is given links in.
  const files = filesUnder(root).filter((file) => !file.split('/').includes('pagefind'));
  for (const file of files) {
    if (file.endsWith('.html')) site.page(file);
    else if (file.endsWith('.xml')) site.feed(file);
    else if (file.endsWith('.csv')) site.csv(file);
    else if (file.endsWith('.json') && !file.includes('/search/')) site.json(file);
  }
  return { checked: site.checked, broken: site.broken };
}
