/**
 * The last step of every page, once Astro has rendered it (src/middleware.ts): the page is read
 * once, as a browser reads it (./page-source.ts), and edited only where these say, every other
 * byte staying as Astro wrote it.
 *
 * - The Content-Security-Policy <meta> moves to straight after <meta charset>. A browser applies
 *   it only to what follows it, and Astro writes it at the end of <head>, after the title, the
 *   description and the feed link, which hold the partnership's words: so whatever those hold,
 *   nothing but the policy comes first.
 * - `<` and `>` in attribute values are written as references. Astro escapes `&` and `"`, which
 *   is all a browser needs; but anything that later reads the page as text (a host adding its
 *   own snippet before </head>, a script searching for <main>, as the glossary once did) could
 *   mistake a field that holds "<script>" for a tag. Now no field can look like one.
 * - The first use of each of the site's abbreviations in <main> is explained (src/glossary/abbr.ts).
 */
import { firstUseEdits } from '../glossary/abbr.ts';
import type { GlossaryEntry } from '../glossary/glossary.ts';
import { applyEdits, elementsUnder, firstElement, parsePage, type Edit, type Element, type PageTree } from './page-source.ts';

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** Moves the policy <meta> in <head> to follow <meta charset> (or open <head>); nothing if it is there already. */
export function policyFirstEdits(html: string, page: PageTree): Edit[] {
  const head = firstElement(page, 'head');
  const metas = head?.childNodes.filter((node): node is Element => 'tagName' in node && node.tagName === 'meta') ?? [];
  const policy = metas.find((meta) => attribute(meta, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  const charset = metas.find((meta) => attribute(meta, 'charset') !== undefined);
  const policyAt = policy?.sourceCodeLocation;
  const after = (charset ?? head)?.sourceCodeLocation;
  const to = charset ? after?.endOffset : after?.startTag?.endOffset;
  if (!policyAt || to === undefined) return [];
  if (to <= policyAt.startOffset && html.slice(to, policyAt.startOffset).trim() === '') return [];
  return [
    { from: to, to, text: html.slice(policyAt.startOffset, policyAt.endOffset) },
    { from: policyAt.startOffset, to: policyAt.endOffset, text: '' },
  ];
}

/** `<` and `>` in every attribute value written as `&lt;` and `&gt;`. */
export function attributeEdits(html: string, page: PageTree): Edit[] {
  const edits: Edit[] = [];
  for (const element of elementsUnder(page)) {
    for (const at of Object.values(element.sourceCodeLocation?.attrs ?? {})) {
      // `name="value"` as written; a name may start with "=", and holds no other.
      const equals = html.indexOf('=', at.startOffset + 1);
      if (equals === -1 || equals >= at.endOffset) continue;
      const value = html.slice(equals, at.endOffset);
      if (/[<>]/.test(value)) edits.push({ from: equals, to: at.endOffset, text: value.replace(/</g, '&lt;').replace(/>/g, '&gt;') });
    }
  }
  return edits;
}

/** The page, finished: policy first, attribute values that cannot look like tags, abbreviations explained. */
export function finishPage(html: string, glossary: readonly GlossaryEntry[]): string {
  const page = parsePage(html);
  const edits = [...policyFirstEdits(html, page), ...attributeEdits(html, page), ...firstUseEdits(html, page, glossary)];
  return edits.length ? applyEdits(html, edits) : html;
}
