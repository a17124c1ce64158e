/**
 * A finished page read the way a browser reads it, so that changing it never goes by text search:
 * parse5 (a parser that follows the HTML standard) builds its tree, with where in the source each
 * element, attribute and text comes from. A change is then an edit of exactly those characters,
 * and every other byte of the page stays as Astro wrote it.
 */
import { html as spec, parse, parseFragment, type DefaultTreeAdapterTypes as Tree } from 'parse5';

export type PageTree = Tree.Document;
export type Element = Tree.Element;
export type TextNode = Tree.TextNode;

/** Replace the source from `from` up to (not including) `to` with `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

export function parsePage(html: string): PageTree {
  return parse(html, { sourceCodeLocationInfo: true });
}

export const isElement = (node: Tree.Node): node is Element => 'tagName' in node;

/** Whether an element is an HTML one, not SVG or MathML written inside the page. */
export const isHtml = (element: Element): boolean => element.namespaceURI === spec.NS.HTML;

/** Every element under a node, in document order (not inside a <template>'s inert content). */
export function* elementsUnder(node: Tree.ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsUnder(child);
  }
}

/** The first element with the tag name under a node, in document order. */
export function firstElement(node: Tree.ParentNode, tagName: string): Element | undefined {
  for (const element of elementsUnder(node)) if (element.tagName === tagName && isHtml(element)) return element;
  return undefined;
}

export const hasAttribute = (element: Element, name: string): boolean => element.attrs.some((a) => a.name === name);

/** The page with the edits made; they must not overlap. */
export function applyEdits(html: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.from < at) throw new Error(`overlapping edits of the page at ${edit.from}`);
    out += html.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return out + html.slice(at);
}

// A character reference as our pages write them (always with its semicolon); what it stands for,
// read by the parser itself so no table of names is needed here.
const reference = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const referenceText = new Map<string, string>();

function readReference(source: string): string {
  let text = referenceText.get(source);
  if (text === undefined) {
    const node = parseFragment(source).childNodes[0];
    referenceText.set(source, (text = node && 'value' in node ? node.value : ''));
  }
  return text;
}

/**
 * Where each character of a text node's value is in the page: `at[i]` is the offset in `html` of
 * the source that gives the value's character `i` (`at[value.length]` is where the text ends),
 * or -1 where `i` falls inside what one character reference gives. Undefined when the source is
 * anything but plain characters and whole references (a tag the parser left out, a line break
 * it normalised): such text is left as it is.
 */
export function sourceOffsets(html: string, node: TextNode): number[] | undefined {
  const location = node.sourceCodeLocation;
  if (!location) return undefined;
  const at: number[] = [];
  let text = '';
  for (let i = location.startOffset; i < location.endOffset;) {
    reference.lastIndex = i;
    const match = html[i] === '&' ? reference.exec(html) : null;
    const piece = match ? readReference(match[0]) : html[i];
    at.push(i, ...Array<number>(Math.max(0, piece.length - 1)).fill(-1));
    text += piece;
    i += match ? match[0].length : 1;
  }
  at.push(location.endOffset);
  return text === node.value && at.length === node.value.length + 1 ? at : undefined;
}
