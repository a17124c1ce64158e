/**
 * No field can open or close markup. A partnership is built with the same hostile text in every
 * field a reader sees (tests/helpers/hostile-content.ts), one for each text, and every page is
 * read with parse5, the HTML standard's parsing algorithm, as a browser reads it: each page has
 * exactly the elements it has when the fields hold plain words, nothing runs, redirects or loads
 * from another site, the policy <meta> comes before anything a field fills, and the text is
 * there as text, in <head>, in attributes, in the glossary's JSON, in the feed and in the icon.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, inject, it } from 'vitest';
import { fieldValue, hostileTexts, ownTerm, plainSite } from '../helpers/hostile-content.ts';

/** Every HTML page under a folder, as a path under it. */
function htmlPages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

interface Page {
  source: string;
  document: T.Document;
  elements: T.Element[];
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node;

function elementsOf(node: T.ParentNode): T.Element[] {
  const children = 'content' in node ? [...node.childNodes, ...node.content.childNodes] : node.childNodes;
  return children.filter(isElement).flatMap((child) => [child, ...elementsOf(child)]);
}

function readPage(site: string, file: string): Page {
  const source = readFileSync(path.join(site, file), 'utf8');
  const document = parse(source, { sourceCodeLocationInfo: true });
  return { source, document, elements: elementsOf(document) };
}

const attr = (element: T.Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
const words = (node: T.Node) => textOf(node).replace(/\s+/g, ' ').trim();

/**
 * A page's shape: every element in order, with the names (not the values) of its attributes. A
 * heading over 90 characters gets a class that sets it smaller on phones (src/site/wording.ts,
 * `longHeading`): that follows the text's length, not its markup, so a heading's class is left out.
 */
const shape = (page: Page) =>
  page.elements.map((e) => {
    const attrs = e.attrs.filter((a) => !(/^h[1-6]$/.test(e.tagName) && a.name === 'class' && a.value === 'heading--long'));
    return `${e.tagName}${attrs.length ? `[${attrs.map((a) => a.name).join(' ')}]` : ''}`;
  });

/** What a page must never hold, whatever its fields say: each thing found, named. */
function dangers(page: Page): string[] {
  const found: string[] = [];
  for (const e of page.elements) {
    const where = `<${e.tagName}>`;
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(e.tagName)) found.push(where);
    if (e.tagName === 'img' && !/^\/[\w-]+\/logo\.svg$/.test(attr(e, 'src') ?? '')) found.push(`${where} src=${attr(e, 'src')}`);
    if (e.tagName === 'script' && attr(e, 'type') !== 'application/json' && !attr(e, 'src')?.startsWith('/_astro/')) {
      found.push(`${where} ${textOf(e).slice(0, 40)}`);
    }
    if (e.tagName === 'meta' && attr(e, 'http-equiv') !== undefined && attr(e, 'http-equiv') !== 'content-security-policy') {
      found.push(`${where} http-equiv=${attr(e, 'http-equiv')}`);
    }
    if (e.tagName === 'link' && !/^\//.test(attr(e, 'href') ?? '')) found.push(`${where} href=${attr(e, 'href')}`);
    for (const a of e.attrs) if (/^on/i.test(a.name)) found.push(`${where} ${a.name}`);
  }
  return found;
}

/** Attribute values, as written in the page, that hold `<` or `>`. */
function anglesInAttributes(page: Page): string[] {
  return page.elements.flatMap((e) =>
    Object.values(e.sourceCodeLocation?.attrs ?? {})
      .map((at) => page.source.slice(at.startOffset, at.endOffset))
      .filter((written) => /[<>]/.test(written.slice(written.indexOf('=', 1) + 1))),
  );
}

function find(page: Page, test: (e: T.Element) => boolean, what: string): T.Element {
  const found = page.elements.find(test);
  if (!found) throw new Error(`no ${what} on the page`);
  return found;
}

/** The hostile sites, built once per run (the global setup). */
const built = { outDir: inject('hostileDir'), plain: plainSite };

/** The pages of one partnership's site, as paths under it. */
const sitePages = (id: string) => htmlPages(path.join(built.outDir, id));

describe.each(hostileTexts.map((text, i) => [text, `text-${i + 1}`]))('every field holding %s', (text, id) => {
  const value = fieldValue(text);
  const page = (file: string) => readPage(path.join(built.outDir, id), file);

  it('leaves every page with exactly the elements it has when the fields hold plain words', () => {
    const files = sitePages(id);
    expect(files).toEqual(sitePages(built.plain.id));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(shape(page(file)), file).toEqual(shape(readPage(path.join(built.outDir, built.plain.id), file)));
  });

  it('puts nothing on any page that runs, redirects or loads from another site', () => {
    for (const file of sitePages(id)) expect(dangers(page(file)), file).toEqual([]);
  });

  it('writes no < or > in any attribute, and puts the policy <meta> straight after <meta charset>', () => {
    for (const file of sitePages(id)) {
      const p = page(file);
      expect(anglesInAttributes(p), file).toEqual([]);
      const heads = p.elements.filter((e) => e.tagName === 'head');
      expect(heads, file).toHaveLength(1);
      const [first, second] = heads[0].childNodes.filter(isElement);
      expect(attr(first, 'charset'), file).toBe('utf-8');
      expect(attr(second, 'http-equiv'), file).toBe('content-security-policy');
    }
  });

  it('shows the text as text: in the title, the feed link, the logo, a footer link and its address, the description and the headings', () => {
    const home = page('index.html');
    expect(words(find(home, (e) => e.tagName === 'title', '<title>'))).toBe(`Home - ${value} - ${value}`);
    expect(
      attr(
        find(home, (e) => attr(e, 'rel') === 'alternate', 'feed link'),
        'title',
      ),
    ).toBe(`${value} progress updates`);
    expect(
      attr(
        find(home, (e) => attr(e, 'class') === 'header__logo', 'logo'),
        'alt',
      ),
    ).toBe(value);
    const footer = find(home, (e) => e.tagName === 'footer', '<footer>');
    // The own page's link and the footer link both say the text.
    const footerLinks = elementsOf(footer).filter((e) => e.tagName === 'a' && words(e) === value);
    expect(footerLinks.map((a) => attr(a, 'href'))).toEqual([`/${id}/pages/about-us/`, `https://www.example.org.uk/reports?q=${value}`]);

    const own = page('pages/about-us/index.html');
    expect(
      attr(
        find(own, (e) => attr(e, 'name') === 'description', 'description'),
        'content',
      ),
    ).toBe(value);
    expect(words(find(own, (e) => e.tagName === 'h1', '<h1>'))).toBe(value);
    for (const file of ['priorities/neglect', 'actions/deliver-training', 'groups/training-sub-group', 'strands/prevent']) {
      expect(words(find(page(`${file}/index.html`), (e) => e.tagName === 'h1', '<h1>')), file).toContain(value);
    }
  });

  it('describes an item page by the words its outcome shows, read as a reader reads them', () => {
    const item = page('actions/deliver-training/index.html');
    const outcome = find(item, (e) => attr(e, 'aria-labelledby') === 'outcomes', 'outcome');
    const shown = words(elementsOf(outcome).find((e) => attr(e, 'class') === 'prose')!);
    expect(
      attr(
        find(item, (e) => attr(e, 'name') === 'description', 'description'),
        'content',
      ),
    ).toBe(shown.slice(0, 160));
  });

  it("explains the partnership's own term with the text as its title, and keeps it and its vocabulary as data in the search page's JSON", () => {
    const about = page('about/index.html');
    expect(about.elements.filter((e) => e.tagName === 'abbr' && words(e) === ownTerm).map((e) => attr(e, 'title'))).toEqual([value]);
    const search = page('search/index.html');
    const json = find(search, (e) => attr(e, 'id') === 'search-glossary', 'glossary JSON');
    expect((JSON.parse(textOf(json)) as Array<{ term: string; meaning: string }>).find((e) => e.term === ownTerm)?.meaning).toBe(value);
    const vocabulary = find(search, (e) => attr(e, 'id') === 'search-vocabulary', 'vocabulary JSON');
    expect((JSON.parse(textOf(vocabulary)) as Array<{ words: string[]; finds: string[] }>).at(-1)).toEqual({
      words: [value],
      finds: [value],
    });
  });

  it('keeps the feed and the icon well-formed XML, with the text as text', () => {
    const feed = readFileSync(path.join(built.outDir, id, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed) as {
      feed: { title: string; entry: { author: { name: string } } };
    };
    expect(parsed.feed.title).toBe(`${value}: progress updates`);
    expect(parsed.feed.entry.author.name).toBe(value);
    const icon = readFileSync(path.join(built.outDir, id, 'favicon.svg'), 'utf8');
    expect(XMLValidator.validate(icon)).toBe(true);
    expect((new XMLParser().parse(icon) as { svg: { text: string } }).svg.text).toBe(value[0]);
  });
});

describe('the pages outside the sites, which name every partnership', () => {
  it('hold nothing that runs, redirects or loads, no < or > in an attribute, and every name as text', () => {
    for (const file of ['index.html', '404.html']) {
      const p = readPage(built.outDir, file);
      expect(dangers(p), file).toEqual([]);
      expect(anglesInAttributes(p), file).toEqual([]);
    }
    const names = readPage(built.outDir, 'index.html')
      .elements.filter((e) => e.tagName === 'a')
      .map(words);
    for (const text of hostileTexts) expect(names).toContain(fieldValue(text));
  });
});
