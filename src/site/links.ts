/**
 * The URL of every page, in one place. Pages render links with these functions, and the link
 * checker in the tests proves every one resolves in the built site.
 */
import { siteSettings } from '../config.ts';
import type { AnyNode, JointPartner, PartnershipNode } from '../model/graph/nodes.ts';

function base(): string {
  const url: string = import.meta.env.BASE_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The root of a partnership's site: `/hampshire/` when every site is built, the base path when one is. */
export function siteRoot(partnership: PartnershipNode | string): string {
  const id = typeof partnership === 'string' ? partnership : partnership.id;
  return siteSettings().partnership ? base() : `${base()}${id}/`;
}

/** The listing of every partnership, when more than one is built. */
export function allSitesRoot(): string {
  return base();
}

const folders = {
  plan: 'plans',
  priority: 'priorities',
  objective: 'objectives',
  action: 'actions',
  group: 'groups',
  year: 'years',
  strand: 'strands',
  measure: 'measures',
  review: 'reviews',
} as const;

/** A node's page on the site it is shown on (every node of a site view belongs to that site). */
export function hrefOf(node: AnyNode): string {
  if (node.kind === 'partnership') return siteRoot(node);
  return `${siteRoot(node.partnership)}${folders[node.kind]}/${node.slug}/`;
}

/** A page of a partnership's site that is not a content item: `search/`, `about/`... */
export function pageHref(partnership: PartnershipNode, page: string): string {
  return `${siteRoot(partnership)}${page}`;
}

/** Another partnership's site, when it is part of this build (not when one site is built alone). */
export function otherSiteHref(partnership: PartnershipNode): string | undefined {
  return partnership.hasSite && !siteSettings().partnership ? siteRoot(partnership) : undefined;
}

/** Where a joint partnership is: its site in this build, else its own website, else nowhere. */
export function jointHref(joint: JointPartner): string | undefined {
  return (joint.site && otherSiteHref(joint.site)) ?? joint.url;
}

/** The "Worried about a child?" page: who to call, linked from the panel on every page. */
export function worriedHref(partnership: PartnershipNode): string {
  return pageHref(partnership, 'worried-about-a-child/');
}

/** The page that states the status roll-up rule, linked wherever status is shown. */
export function statusRuleHref(partnership: PartnershipNode): string {
  return pageHref(partnership, 'how-status-is-worked-out/');
}

/** The site's icon, drawn in the partnership's colour; the root listing's for the listing. */
export function faviconHref(partnership?: PartnershipNode): string {
  return partnership ? pageHref(partnership, 'favicon.svg') : `${base()}favicon.svg`;
}
