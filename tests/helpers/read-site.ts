/**
 * Reading a built site as a reader does: its pages parsed with a real HTML parser (parse5), and
 * the words a reader sees in each place (a summary list's rows, a list's rows, a report's cells),
 * with no knowledge of how the tool worked them out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** Every element under a node (the node itself first, when it is one), in document order. */
export function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (at: Node) => {
    if (isElement(at)) found.push(at);
    const children = 'childNodes' in at ? at.childNodes : [];
    const content = isElement(at) && at.tagName === 'template' ? (at as DefaultTreeAdapterMap['template']).content.childNodes : [];
    for (const child of [...children, ...content]) walk(child);
  };
  walk(node);
  return found;
}

export const byTag = (node: Node, tag: string) => elements(node).filter((e) => e.tagName === tag);
export const byClass = (node: Node, name: string) => elements(node).filter((e) => hasClass(e, name));

/** What a reader sees of a node: its text, with runs of space made one, and hidden parts left out. */
export function text(node: Node): string {
  const parts: string[] = [];
  const walk = (at: Node) => {
    if (at.nodeName === '#text') parts.push((at as DefaultTreeAdapterMap['textNode']).value);
    if (!isElement(at)) return;
    if (attr(at, 'hidden') !== undefined || hasClass(at, 'visually-hidden') || at.tagName === 'script' || at.tagName === 'style') return;
    for (const child of at.childNodes) walk(child);
  };
  walk(node);
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1')
    .trim();
}

export interface SitePage {
  /** Its address, like "/hampshire/actions/x/". */
  url: string;
  document: DefaultTreeAdapterMap['document'];
  main: Element;
}

const pages = new Map<string, SitePage>();

/** A built page by its address, parsed once. */
export function readPage(root: string, url: string): SitePage {
  const file = path.join(root, url, url.endsWith('/') ? 'index.html' : '');
  const key = file;
  let found = pages.get(key);
  if (!found) {
    const document = parse(readFileSync(file, 'utf8'));
    const main = byTag(document, 'main')[0];
    if (!main) throw new Error(`${url} has no <main>`);
    pages.set(key, (found = { url, document, main }));
  }
  return found;
}

/** Every page of one site, as addresses, from its folder. */
export function sitePages(root: string, site: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const relative = path.posix.join(dir, name);
      if (statSync(path.join(root, relative)).isDirectory()) {
        if (name !== 'pagefind' && name !== 'data') walk(relative);
      } else if (name === 'index.html') found.push(`/${dir}/`);
    }
  };
  walk(site);
  return found.sort();
}

/** A summary list (`<dl>`) as its rows: each term's text to its definition element. */
export function summaryRows(dl: Element): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const row of byTag(dl, 'div')) {
    const dt = row.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'dt');
    const dd = row.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'dd');
    if (dt && dd) rows.set(text(dt), dd);
  }
  return rows;
}

/** The status words on the first status tag inside an element, if it has one. */
export function statusTag(node: Node): string | undefined {
  const tag = elements(node).find(
    (e) => e.tagName === 'strong' && hasClass(e, 'tag') && /tag--(?!rating|overdue|stale|measure)/.test(attr(e, 'class') ?? ''),
  );
  return tag && text(tag);
}

/** The rating words on the first rating tag inside an element ("Green"), if it has one. */
export function ratingTag(node: Node): string | undefined {
  const tag = elements(node).find((e) => e.tagName === 'strong' && hasClass(e, 'tag--rating'));
  return tag && text(tag);
}

export const hasOverdueTag = (node: Node) => elements(node).some((e) => hasClass(e, 'tag--overdue'));

/** The links inside a node, as [address, text]. */
export function linksIn(node: Node): Array<[string, string]> {
  return byTag(node, 'a').map((a) => [attr(a, 'href') ?? '', text(a)]);
}

/** The built file's text, for the open data. */
export function readData(root: string, file: string): string {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : '';
}
