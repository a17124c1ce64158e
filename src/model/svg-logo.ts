/**
 * An SVG logo, read as XML and kept only where it is a drawing. A logo opened on its own
 * address (/<site>/logo.svg) is a document at the site's origin: whatever it holds that runs,
 * redirects or loads from elsewhere does so there, with no page's Content-Security-Policy
 * around it. So the file is parsed by a strict XML parser (saxes: namespaces resolved, entities
 * limited to XML's five and character references, every well-formedness error refused), every
 * element and attribute is held against an allow-list of SVG that draws, and the copy the
 * sites publish is written from that checked tree: what is published is exactly what was
 * allowed, whatever a browser would have made of the original bytes.
 *
 * Refused, with the element or attribute and its line: anything outside the SVG namespace
 * (an `<h:script>` in XHTML is HTML), scripts under any prefix, event handlers, animation,
 * links, pictures, embedded pages, any href but `#id`, CSS that is not a plain list of
 * properties or names a function that could load, processing instructions, a DOCTYPE of its own
 * (where entities are defined), CDATA outside a `<style>` and markup in comments. Left out of
 * the copy: the XML declaration, the standard SVG 1.1 DOCTYPE Illustrator writes, comments,
 * `<metadata>` (which may hold only RDF and Dublin Core), namespace declarations and `data-`
 * attributes, none of which draws.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { readDeclarations, readStylesheet, unsafeCssValue, writeDeclarations, writeStylesheet, excerpt } from './svg-css.ts';
import {
  allowedElements,
  droppedElements,
  knownDoctype,
  metadataNamespaces,
  plainAttributes,
  presentationAttributes,
  refusedElements,
  svgNamespace,
  xhtmlNamespace,
  xlinkNamespace,
  xmlAttributes,
  xmlNamespace,
  xmlnsNamespace,
} from './svg-allowed.ts';

/** The logo as the sites publish it, or why it cannot be: the reason and the line it is on. */
export type SvgLogo = { ok: true; svg: string } | { ok: false; reason: string; line?: number };

/** Deeper than any drawing program nests layers; bounds the work and the writer's recursion. */
export const maxSvgDepth = 100;

interface SvgElement {
  name: string;
  /** Attribute name as published (`fill`, `xlink:href`, `xml:space`) and its value. */
  attributes: Array<[string, string]>;
  children: Array<SvgElement | string>;
}

class Refusal extends Error {
  readonly reason: string;
  readonly line: number;
  constructor(reason: string, line: number) {
    super(reason);
    this.reason = reason;
    this.line = line;
  }
}

/** Reads an SVG logo's text: the copy to publish, or the first thing that cannot be published. */
export function readSvgLogo(text: string): SvgLogo {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const reader = new TreeReader(parser);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, line: error.line };
    return notWellFormed((error as Error).message);
  }
  if (!reader.root) return { ok: false, reason: 'is not an SVG picture (it has no <svg> element)' };
  return { ok: true, svg: `${writeElement(reader.root, true, reader.usesXlink)}\n` };
}

/** saxes says "3:14: undefined entity."; the author reads the line apart from the words. */
function notWellFormed(message: string): SvgLogo {
  const found = /^(\d+):\d+: ([^]*?)\.?$/.exec(message);
  const what = found ? found[2] : message;
  const reason =
    what === 'undefined entity'
      ? 'uses an entity (like &name;) that XML does not define: a logo may use only &amp; &lt; &gt; &quot; &apos; and character numbers'
      : `is not a well-formed SVG (XML) file: ${what}`;
  return { ok: false, reason, line: found ? Number(found[1]) : undefined };
}

/** Builds the allowed tree from the parser's events, refusing at the first thing outside it. */
class TreeReader {
  root: SvgElement | undefined;
  usesXlink = false;
  private readonly open: SvgElement[] = [];
  /** How deep inside a dropped element (like <metadata>) the parser is; 0 when outside. */
  private dropping = 0;
  /** The line of what is being read: a tag's start, or where a text, comment or declaration began. */
  private line = 1;

  private readonly parser: SaxesParser<{ xmlns: true; position: true }>;

  constructor(parser: SaxesParser<{ xmlns: true; position: true }>) {
    this.parser = parser;
    parser.on('xmldecl', (declaration) => {
      this.line = parser.line;
      const encoding = declaration.encoding?.toLowerCase();
      if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
        this.refuse(`says it is written in ${declaration.encoding}: save it as UTF-8`);
      }
    });
    parser.on('doctype', (doctype) => {
      this.startedAt(doctype);
      if (!knownDoctype.test(doctype)) this.refuse('has a DOCTYPE of its own, where entities (text that expands) can be declared');
    });
    parser.on('processinginstruction', (instruction) => {
      this.startedAt(instruction.body);
      this.refuse(`holds a processing instruction (<?${instruction.target} ...?>), which can load a stylesheet`);
    });
    parser.on('comment', (comment) => {
      this.startedAt(comment);
      if (comment.includes('<')) this.refuse('holds markup (<) hidden in a comment');
    });
    parser.on('cdata', (cdata) => this.text(cdata, true));
    parser.on('text', (text) => this.text(text, false));
    parser.on('opentagstart', () => {
      this.line = parser.line;
    });
    parser.on('opentag', (tag) => this.openTag(tag));
    parser.on('closetag', () => {
      if (this.dropping > 0) this.dropping--;
      else this.open.pop();
    });
  }

  /** Sets the line to where `text`, just read, began: the parser is at its end. */
  private startedAt(text: string): void {
    this.line = this.parser.line - (text.match(/\n/g)?.length ?? 0);
  }

  private refuse(reason: string): never {
    throw new Refusal(reason, this.line);
  }

  private openTag(tag: SaxesTagNS): void {
    if (this.dropping > 0) {
      if (!metadataNamespaces.has(tag.uri)) {
        this.refuse(`holds <${tag.name}> in its <metadata>, which may hold only a description of the picture (RDF, Dublin Core)`);
      }
      this.dropping++;
      return;
    }
    const element = this.element(tag);
    if (!element) {
      this.dropping = 1;
      return;
    }
    const parent = this.open.at(-1);
    if (parent?.name === 'style') this.refuse(`holds an element (<${element.name}>) inside its <style>, which holds only rules`);
    if (parent) parent.children.push(element);
    else this.root = element;
    if (this.open.length >= maxSvgDepth) this.refuse(`nests its parts more than ${maxSvgDepth} deep`);
    this.open.push(element);
  }

  /** The element as published, or undefined when it is left out with its contents. */
  private element(tag: SaxesTagNS): SvgElement | undefined {
    const shown = `<${tag.name}>`;
    if (tag.uri !== svgNamespace) {
      if (!this.root && tag.uri === '')
        this.refuse(`has an <${tag.name}> element without xmlns="${svgNamespace}", so browsers do not draw it`);
      if (tag.uri === '') this.refuse(`holds an element ${shown} outside SVG's namespace, which a logo does not need`);
      const language = tag.uri === xhtmlNamespace ? 'HTML' : `the namespace ${tag.uri}`;
      this.refuse(
        `holds an element from outside SVG (${shown}, in ${language}), which a logo does not need: it could run a script or load from elsewhere`,
      );
    }
    if (!this.root && tag.local !== 'svg') this.refuse(`starts with ${shown}, not <svg>`);
    if (droppedElements.has(tag.local)) return undefined;
    const refused = Object.hasOwn(refusedElements, tag.local) ? refusedElements[tag.local] : undefined;
    if (refused) this.refuse(`${refused[0]} (${shown})${refused[1] ? `, ${refused[1]}` : ''}`);
    if (!allowedElements.has(tag.local)) this.refuse(`holds a ${shown} element, which is not part of a drawing SVG a logo may use`);
    const attributes: Array<[string, string]> = [];
    for (const attribute of Object.values(tag.attributes)) {
      const published = this.attribute(tag.local, attribute);
      if (published) attributes.push(published);
    }
    return { name: tag.local, attributes, children: [] };
  }

  /** The attribute as published, or undefined when it is left out (it never draws). */
  private attribute(element: string, attribute: SaxesAttributeNS): [string, string] | undefined {
    const { uri, local, name, value } = attribute;
    const shown = `${name}="${excerpt(value)}"`;
    if (uri === xmlnsNamespace || (uri === '' && local.startsWith('data-'))) return undefined;
    if (uri === xmlNamespace && xmlAttributes.has(local)) return [`xml:${local}`, value];
    if ((uri === xlinkNamespace || uri === '') && local === 'href') {
      if (!/^#[^\s#]+$/.test(value)) {
        this.refuse(`refers to another file or site (${shown}): a logo may refer only to its own parts, like href="#shape"`);
      }
      if (uri === xlinkNamespace) this.usesXlink = true;
      return [uri === xlinkNamespace ? 'xlink:href' : 'href', value];
    }
    if (uri !== '') this.refuse(`has the attribute ${name} on <${element}>, from outside SVG, which a logo does not need`);
    if (/^on/i.test(local)) this.refuse(`holds an event handler (${shown} on <${element}>), which is a script`);
    if (local === 'style') return ['style', this.style(value, element)];
    if (presentationAttributes.has(local)) {
      const unsafe = unsafeCssValue(value);
      if (unsafe) this.refuse(`${unsafe}, in ${shown} on <${element}>`);
      return [local, value];
    }
    if (element === 'style' && local === 'type' && value !== 'text/css') this.refuse(`has a <style type="${value}">, not text/css`);
    if (plainAttributes.has(local)) return [local, value];
    this.refuse(`has the attribute ${name} on <${element}>, which is not part of a drawing SVG a logo may use`);
  }

  private style(value: string, element: string): string {
    const declarations = readDeclarations(value);
    if (typeof declarations === 'string') this.refuse(`${declarations}, on <${element}>`);
    return writeDeclarations(declarations);
  }

  /** Text and CDATA: words in the drawing, or the rules of a <style>. */
  private text(text: string, cdata: boolean): void {
    if (this.dropping > 0) return;
    const parent = this.open.at(-1);
    if (!parent) return;
    this.startedAt(text);
    if (parent.name === 'style') {
      const rules = readStylesheet(text);
      if (typeof rules === 'string') this.refuse(rules);
      parent.children.push(writeStylesheet(rules));
    } else if (cdata) {
      this.refuse(`holds a CDATA section (<![CDATA[...]]>) in <${parent.name}>: write its text as plain text`);
    } else {
      parent.children.push(text);
    }
  }
}

function writeElement(element: SvgElement, root: boolean, usesXlink: boolean): string {
  const namespaces = root ? ` xmlns="${svgNamespace}"${usesXlink ? ` xmlns:xlink="${xlinkNamespace}"` : ''}` : '';
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const start = `<${element.name}${namespaces}${attributes}`;
  if (element.children.length === 0) return `${start}/>`;
  const children = element.children.map((child) => (typeof child === 'string' ? escapeText(child) : writeElement(child, false, false)));
  return `${start}>${children.join('')}</${element.name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
