/**
 * feed.xml stays well-formed XML whatever a progress update holds: XML 1.0 cannot carry most
 * control characters, lone surrogates or U+FFFE/U+FFFF, not even as &#x1b;, and a feed
 * reader that meets one rejects the whole feed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { atomFeed } from '../../src/open-data/feed.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** Every C0 control, DEL, C1 controls (NEL, CSI), both lone surrogates and the two non-characters. */
const unwanted = `${Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('')}\u007f\u0085\u009b\ud800 \udc00\ufffe\uffff`;

/** A YAML double-quoted scalar: YAML may not hold these characters raw either, only as escapes. */
const yamlString = (text: string) =>
  `"${[...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char === '"' || char === '\\') return `\\${char}`;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff && char.length === 1) || code >= 0xfffe
        ? `\\u${code.toString(16).padStart(4, '0')}`
        : char;
    })
    .join('')}"`;

/** XML 1.0's Char production (section 2.2): the only characters a document may hold. */
const xmlChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

interface Entry {
  title: string;
  author: { name: string };
  content: string;
}

describe('feed.xml', () => {
  it('is well-formed XML when a progress update holds control characters, lone surrogates and non-characters', () => {
    const base = validTree();
    tree = writeTree({
      ...base,
      'hampshire/actions/deliver-training.md': base['hampshire/actions/deliver-training.md']
        .replace('title: Deliver neglect training', `title: ${yamlString('Deliver \u001b[31mneglect\u0007 training')}`)
        .replace(
          'text: First sessions delivered.',
          `by: ${yamlString('Chair\u0000\u0085')}\n    text: ${yamlString(`Audit${unwanted}done 😀`)}`,
        ),
    });
    const { index, problems } = checkContent(tree.contentDir);
    expect(problems).toEqual([]);
    const partnership = index.partnership('hampshire')!;
    expect(partnership.actions[0].entry.data.progress[1].text).toBe(`Audit${unwanted}done 😀`);

    const xml = atomFeed(partnership, {
      site: 'https://plan.example.org.uk',
      hrefOf: (item) => `/hampshire/actions/${item.id}/`,
      homeHref: '/hampshire/',
      feedHref: '/hampshire/feed.xml',
      generated: '2022-01-10',
    });
    expect(xml).toMatch(xmlChars);
    // Allowed by XML 1.0, but discouraged there and shown as junk by feed readers.
    expect(xml).not.toMatch(/[\u007f-\u009f]/);
    expect(XMLValidator.validate(xml)).toBe(true);

    const entry = (new XMLParser().parse(xml) as { feed: { entry: Entry[] } }).feed.entry[0];
    expect(entry.title).toBe('Deliver [31mneglect training: In progress');
    expect(entry.author.name).toBe('Chair');
    // Markdown itself turns NUL into U+FFFD; the rest is dropped, and the emoji's surrogate pair kept.
    expect(entry.content).toMatch(/^<p>Audit\uFFFD\s+done 😀<\/p>$/u);
  });
});
