/**
 * What a partnership adds to its site from its content, beyond the plan: its own pages
 * (content/<id>/pages/*.md), its logo and its footer links (branding: in partnership.md).
 */
import { siteLogo } from '../model/branding.ts';
import type { Entry } from '../model/entries.ts';
import type { PartnershipNode } from '../model/graph/nodes.ts';
import { siteEntries } from './data.ts';
import { pageHref } from './links.ts';

/** A partnership's own pages, in footer order: by `order`, then by title. */
export function ownPages(partnership: PartnershipNode): Array<Entry<'page'>> {
  return siteEntries()
    .filter((entry): entry is Entry<'page'> => entry.type === 'page' && entry.partnership === partnership.id)
    .sort(
      (a, b) =>
        (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) || a.data.title.localeCompare(b.data.title),
    );
}

/** An own page's address: /pages/<id>/ on its partnership's site. */
export function ownPageHref(partnership: PartnershipNode, page: Entry<'page'>): string {
  return pageHref(partnership, `pages/${page.id}/`);
}

/** The links a partnership adds to its footer: its own pages, then its footer links. */
export function ownFooterLinks(partnership: PartnershipNode): Array<{ title: string; href: string }> {
  return [
    ...ownPages(partnership).map((page) => ({ title: page.data.title, href: ownPageHref(partnership, page) })),
    ...(partnership.entry.data.branding?.footerLinks ?? []).map((link) => ({ title: link.title, href: link.url })),
  ];
}

/** The logo in the header, as published by the build beside the site's home page. */
export function headerLogo(partnership: PartnershipNode): { src: string; alt: string } | undefined {
  const logo = siteLogo(partnership.entry);
  return logo ? { src: pageHref(partnership, logo.name), alt: logo.alt } : undefined;
}
