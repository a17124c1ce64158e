/**
 * Every page of a partnership's site, once rendered: the first use of each abbreviation in its
 * main content is explained with <abbr> (src/glossary/abbr.ts), from that site's glossary.
 */
import { defineMiddleware } from 'astro:middleware';
import { markFirstUses } from './glossary/abbr.ts';
import { siteGlossary, type GlossaryEntry } from './glossary/glossary.ts';
import type { PartnershipNode } from './model/graph/nodes.ts';
import { publishedPartnerships } from './site/data.ts';
import { siteRoot } from './site/links.ts';

const glossaries = new Map<string, GlossaryEntry[]>();

/** The partnership whose site a path is in: the one with the longest root that starts it. */
function partnershipAt(pathname: string): PartnershipNode | undefined {
  return publishedPartnerships()
    .filter((p) => pathname.startsWith(siteRoot(p)))
    .sort((a, b) => siteRoot(b).length - siteRoot(a).length)[0];
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const partnership = partnershipAt(context.url.pathname);
  if (!partnership) return response;
  let glossary = glossaries.get(partnership.id);
  if (!glossary) glossaries.set(partnership.id, (glossary = siteGlossary(partnership)));
  const html = await response.text();
  return new Response(markFirstUses(html, glossary), { status: response.status, headers: response.headers });
});
