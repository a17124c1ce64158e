/**
 * Markdown as an author wrote it, read the way the renderer will read it (remark with GFM), to
 * decide what is published: comments (`<!-- -->`) are private notes and are cut out here, before
 * any output (pages, search, plan.json, CSV, feed) sees the text; links and pictures the site will
 * not carry are reported, each on its own line, so the check refuses what the page could not show.
 */
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isAllowedLink, isSameSite } from './urls.ts';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export interface MarkdownProblem {
  /** Line inside the Markdown text, from 1. */
  line: number;
  message: string;
  hint: string;
}

export interface PublishedMarkdown {
  /** The text as published: the author's words, without their comments. */
  text: string;
  problems: MarkdownProblem[];
}

/**
 * Parsing costs, and most text needs none: it holds no comment, picture, reference definition or
 * autolink (the marks below), and every inline link in it plainly goes to an address the site
 * accepts. Anything less plain (an entity, an escape, a space or a bracket in the address, which
 * could hide a scheme) is parsed, so the quick answer is only ever given when it is certain.
 */
const needsParsing = /<!--|!\[|\]:|<[a-z][a-z0-9+.-]*:/i;
const inlineLink = /\]\(([^)]*)\)?/g;
const plainlyAllowed =
  /^(?:https?:\/\/[^\s\\&<>"'()]+|mailto:[^\s\\&<>"'()]+|tel:[+\d][\d ()-]*|#[\w-]*|(?:\/(?![/\\])|\.{1,2}\/|[\w-]+\/?)[^\s\\&<>"'():]*)$/i;

function isPlain(markdown: string): boolean {
  if (needsParsing.test(markdown)) return false;
  for (const link of markdown.matchAll(inlineLink)) if (!plainlyAllowed.test(link[1] ?? '')) return false;
  return true;
}

const linkHint = 'links may go to https://, http://, mailto: or tel: addresses, or to a page of this site';

/** What an author reads as the text of a link or a picture. */
function textOf(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/** Reads one Markdown text: what is published, and what the site will not carry. */
export function publishedMarkdown(markdown: string): PublishedMarkdown {
  if (isPlain(markdown)) return { text: markdown, problems: [] };
  const tree = parser.parse(markdown);
  const problems: MarkdownProblem[] = [];
  const cuts: Array<[number, number]> = [];
  const definitions = new Map<string, string>();
  const visit = (node: Nodes, collect: (node: Nodes) => void) => {
    collect(node);
    if ('children' in node) for (const child of node.children) visit(child, collect);
  };
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'html': {
        const start = node.position?.start.offset;
        if (start === undefined || !node.value.includes('<!--')) break;
        // An unclosed comment runs to the end of its HTML, as the renderer reads it.
        for (const comment of node.value.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) {
          cuts.push([start + comment.index, start + comment.index + comment[0].length]);
        }
        break;
      }
      case 'link':
      case 'definition':
        if (!isAllowedLink(node.url)) {
          const text = node.type === 'definition' ? (node.label ?? node.identifier) : textOf(node);
          problems.push({
            line,
            message: `the link ${quoted(text)} goes to ${quoted(node.url)}, which the site will not link to`,
            hint: linkHint,
          });
        }
        break;
      case 'image':
      case 'imageReference': {
        const url = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '');
        const alt = node.alt ?? '';
        problems.push(
          isSameSite(url)
            ? {
                line,
                message: `the picture ${quoted(alt)} cannot be published: pictures in the text are not supported`,
                hint: `describe it in words, or link to it instead, like [${alt || 'picture'}](https://...)`,
              }
            : {
                line,
                message: `the picture ${quoted(alt)} would be loaded from ${url}, another site`,
                hint: `the site makes no requests to other sites: link to it instead, like [${alt || 'picture'}](${url})`,
              },
        );
        break;
      }
    }
  });
  let text = markdown;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) text = text.slice(0, from) + text.slice(to);
  const code: Array<[number, number]> = [];
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position)
      code.push([node.position.start.offset!, node.position.end.offset!]);
  });
  const early = closedEarly(markdown, cuts, code);
  if (early) problems.push(early);
  return { text, problems };
}

/**
 * A comment that holds "-->" ends there, and publishes the rest of the note, with its own "-->"
 * at the end for everyone to read (as the starter files of older versions did). Found as a "-->"
 * left in the text after a comment was cut out.
 */
function closedEarly(
  markdown: string,
  cuts: ReadonlyArray<[number, number]>,
  code: ReadonlyArray<[number, number]>,
): MarkdownProblem | undefined {
  const first = Math.min(...cuts.map(([from]) => from));
  if (!Number.isFinite(first)) return undefined;
  // A "-->" inside a comment, or shown as code, is not published as a stray end of a comment.
  const covered = (at: number) => [...cuts, ...code].some(([from, to]) => at >= from && at < to);
  for (let at = markdown.indexOf('-->', first); at !== -1; at = markdown.indexOf('-->', at + 3)) {
    if (covered(at)) continue;
    // What would be published: from the end of the comment before it to this "-->".
    const from = Math.max(...cuts.map(([, to]) => to).filter((to) => to <= at));
    const leaked = markdown
      .slice(from, at + 3)
      .replace(/\s+/g, ' ')
      .trim();
    const line = markdown.slice(0, from).split('\n').length;
    return {
      line,
      message: `a comment ends early: ${quoted(leaked)} would be published, because a "-->" inside the comment closes it before its end`,
      hint: 'take the "-->" (or "<!--") out of the middle of the note, so the comment ends only at its last line',
    };
  }
  return undefined;
}
