/**
 * The one Markdown renderer: every body, outcome, value and progress update on the site goes
 * through here, so GFM (tables, task lists, footnotes, autolinks, strikethrough) renders the
 * same everywhere. Authors' raw HTML is sanitised to GitHub's safe subset: no script, no event
 * handlers, no `javascript:` URLs can reach the published site.
 */
import { parseFragment, type DefaultTreeAdapterTypes as Html } from 'parse5';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { linkSchemes } from '../../schemas/values/urls.ts';
import type { Heading, Nodes, Root } from 'mdast';

/**
 * Headings in a body are shifted down so they sit under the page's own h1 and h2
 * (an author's "# Heading" becomes an h3), keeping the page's heading outline in order.
 */
function shiftHeadings(by: number): Plugin<[], Root> {
  return () => (tree) => {
    const visit = (node: Nodes) => {
      if (node.type === 'heading') node.depth = Math.min(6, node.depth + by) as Heading['depth'];
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/**
 * GitHub's safe subset. remark-rehype already prefixes footnote ids with "user-content-";
 * the sanitiser must not prefix them again or the footnote links would point nowhere.
 */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  // The check's link rule (schemas/values/urls.ts), again here so nothing else can reach a page; and no
  // pictures at all, since the site makes no requests to other sites and the check refuses them.
  protocols: { ...defaultSchema.protocols, href: [...linkSchemes], src: [] },
  tagNames: defaultSchema.tagNames?.filter((tag) => tag !== 'img'),
};

function processor(headingShift: number) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(shiftHeadings(headingShift))
      // Raw HTML stays an unparsed "raw" node, which the sanitiser then drops: it never reaches the page.
      .use(remarkRehype, { allowDangerousHtml: true, footnoteLabel: 'Notes', footnoteLabelTagName: 'h3' })
      .use(rehypeSanitize, schema)
      .use(rehypeStringify)
      .freeze()
  );
}

const block = processor(2);

/**
 * Each text is rendered once per build: the same body, outcome or update is shown on its own page,
 * in lists, in the annual report, the feed and the search index, and parsing it is most of what a
 * page costs. A build renders one unit of sites (src/builder/units.ts), so these maps hold one
 * unit's texts, not the country's.
 */
const rendered = new Map<string, string>();
const inline = new Map<string, string>();
const plain = new Map<string, string>();

function remembered(cache: Map<string, string>, markdown: string, render: (markdown: string) => string): string {
  let html = cache.get(markdown);
  if (html === undefined) cache.set(markdown, (html = render(markdown)));
  return html;
}

/** Renders a block of Markdown (a body, an outcome, an update) to safe HTML. */
export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  return remembered(rendered, markdown, (text) => String(block.processSync(text)));
}

/** Renders a one-line Markdown string without the surrounding paragraph. */
export function renderInline(markdown: string): string {
  return remembered(inline, markdown, (text) => {
    const html = renderMarkdown(text).trim();
    const match = /^<p>([\s\S]*)<\/p>$/.exec(html);
    return match && !match[1].includes('<p>') ? match[1] : html;
  });
}

/** The words of rendered HTML: each element's apart from the next, references read as what they stand for. */
function words(node: Html.ParentNode | Html.ChildNode): string {
  if (node.nodeName === '#text') return (node as Html.TextNode).value;
  if (!('childNodes' in node)) return '';
  const inner = node.childNodes.map(words).join('');
  return node.nodeName === '#document-fragment' ? inner : ` ${inner} `;
}

/**
 * Plain text of a Markdown string, for titles, meta descriptions and search excerpts: its
 * rendering read back by an HTML parser, never by searching it as text, so "A&E" and "5 < 6" stay
 * as written and a link's title="a>b" does not leak into the words.
 */
export function plainText(markdown: string): string {
  return remembered(plain, markdown, (text) =>
    words(parseFragment(renderMarkdown(text)))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
