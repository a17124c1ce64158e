/**
 * The first use of each abbreviation on a page, explained: `CSE` becomes
 * `<abbr title="Child sexual exploitation">CSE</abbr>` the first time it appears in the page's
 * main content, wherever that is (a title, an outcome, the body, a progress update), and is left
 * alone after that. Works on the finished page (src/site/finish-page.ts) so "first" means first
 * as a reader meets it, whichever component wrote the words.
 *
 * The page is read as a browser reads it (src/site/page-source.ts), never searched as text: only
 * the words of text inside the page's real <main> element are marked, so a field that holds
 * "<main>" or a term, in an attribute or anywhere else, is never mistaken for either. Never inside
 * <abbr>, <script>, <style>, <noscript>, <textarea>, <template>, <title>, the elements whose content
 * is raw text, SVG or MathML, or anything `hidden` or marked `data-no-abbr` (the glossary itself).
 * Terms match case-sensitively and as whole words, so "SEND" is explained and the verb "send" is not.
 */
import { escapeMarkup } from '../model/markup-text.ts';
import {
  applyEdits,
  firstElement,
  hasAttribute,
  isElement,
  isHtml,
  parsePage,
  sourceOffsets,
  type Edit,
  type Element,
  type PageTree,
  type TextNode,
} from '../site/page-source.ts';
import { meaningText, type GlossaryEntry } from './glossary.ts';

const skipped = new Set([
  ...['abbr', 'script', 'style', 'noscript', 'textarea', 'template', 'title'],
  // Their content is raw text: a tag written into it would show as written.
  ...['iframe', 'noembed', 'noframes', 'xmp', 'plaintext'],
]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text a reader meets inside an element, in order, without the parts never marked. */
function* markableText(element: Element): Generator<TextNode> {
  for (const child of element.childNodes) {
    if (isElement(child)) {
      if (isHtml(child) && !skipped.has(child.tagName) && !hasAttribute(child, 'hidden') && !hasAttribute(child, 'data-no-abbr')) {
        yield* markableText(child);
      }
    } else if (child.nodeName === '#text') yield child;
  }
}

/** A term, or its plural, standing as a word of its own; the longest term first. */
function termPattern(terms: readonly string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
}

/** The edits that mark the first use of each term inside the page's <main>: none if it has none. */
export function firstUseEdits(html: string, page: PageTree, entries: readonly GlossaryEntry[]): Edit[] {
  const main = firstElement(page, 'main');
  if (!main || !entries.length) return [];
  const byTerm = new Map(entries.map((e) => [e.term, e]));
  const pattern = termPattern([...byTerm.keys()]);
  const seen = new Set<string>();
  const edits: Edit[] = [];
  for (const text of markableText(main)) {
    let at: number[] | undefined;
    for (const match of text.value.matchAll(pattern)) {
      const term = match[1];
      if (seen.has(term)) continue;
      at ??= sourceOffsets(html, text);
      if (!at) break;
      const [from, to] = [at[match.index], at[match.index + match[0].length]];
      if (from < 0 || to < 0) continue; // inside what a single character reference stands for
      seen.add(term);
      edits.push(
        { from, to: from, text: `<abbr title="${escapeMarkup(meaningText(byTerm.get(term)!))}">` },
        { from: to, to, text: '</abbr>' },
      );
    }
    if (seen.size === byTerm.size) break;
  }
  return edits;
}

/** Marks the first use of each term inside the page's <main>; returns the page unchanged if it has none. */
export function markFirstUses(html: string, entries: readonly GlossaryEntry[]): string {
  if (!entries.length) return html;
  return applyEdits(html, firstUseEdits(html, parsePage(html), entries));
}
