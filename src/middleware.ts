/**
 * Every page, once rendered, is finished (src/site/finish-page.ts): its Content-Security-Policy
 * first in <head>, no attribute value that looks like a tag, and, on a partnership's site, the
 * first use of each abbreviation in its main content explained from that site's glossary.
 */
import { defineMiddleware } from 'astro:middleware';
import { siteGlossary, type GlossaryEntry } from './glossary/glossary.ts';
import type { PartnershipNode } from './model/graph/nodes.ts';
import { publishedPartnerships } from './site/data.ts';
import { finishPage } from './site/finish-page.ts';
import { siteRoot } from './site/links.ts';

const glossaries = new Map<string, GlossaryEntry[]>();

/** The partnership whose site a path is in: the one with the longest root that starts it. */
function partnershipAt(pathname: string): PartnershipNode | undefined {
  return publishedPartnerships()
    .filter((p) => pathname.startsWith(siteRoot(p)))
    .sort((a, b) => siteRoot(b).length - siteRoot(a).length)[0];
}

/** The glossary of the site a path is in: none outside a partnership's site. */
function glossaryAt(pathname: string): readonly GlossaryEntry[] {
  const partnership = partnershipAt(pathname);
  if (!partnership) return [];
  let glossary = glossaries.get(partnership.id);
  if (!glossary) glossaries.set(partnership.id, (glossary = siteGlossary(partnership)));
  return glossary;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(finishPage(html, glossaryAt(context.url.pathname)), { status: response.status, headers: response.headers });
});
