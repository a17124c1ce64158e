/** Breadcrumbs: the way back up from a page, from the partnership's home (the page itself is its h1). */
import type { AnyNode, PartnershipNode } from '../model/graph/nodes.ts';
import { shortCodedTitle } from './wording.ts';
import { hrefOf, pageHref } from './links.ts';

/** One step back up: the text and where it leads. */
export interface Crumb {
  text: string;
  href: string;
}

/** The name a node is shown by in a breadcrumb: an item's with its code. */
function nameOf(n: AnyNode): string {
  switch (n.kind) {
    case 'partnership':
    case 'group':
      return n.entry.data.name;
    case 'year':
      return n.id;
    case 'strand':
      return n.name;
    case 'plan':
    case 'review':
      return n.entry.data.title;
    default:
      return shortCodedTitle(n);
  }
}

export function crumbsTo(node: AnyNode | undefined, partnership: PartnershipNode): Crumb[] {
  const home: Crumb = { text: 'Home', href: hrefOf(partnership) };
  if (!node || node.kind === 'partnership') return [home];
  const up = (n: AnyNode): Crumb => ({ text: nameOf(n), href: hrefOf(n) });
  switch (node.kind) {
    case 'plan':
      return [home];
    case 'group':
      return [home, { text: 'Groups', href: pageHref(partnership, 'groups/') }, ...(node.parent ? [up(node.parent)] : [])];
    case 'year':
      return [home, { text: 'Reporting years', href: pageHref(partnership, 'years/') }];
    case 'strand':
      return [home, { text: 'Strands', href: pageHref(partnership, 'strands/') }];
    case 'measure':
      return [home, { text: 'Measures', href: pageHref(partnership, 'measures/') }];
    case 'review':
      return [home, { text: 'Reviews', href: pageHref(partnership, 'reviews/') }];
    case 'priority':
      return [home, ...(node.plan ? [up(node.plan)] : [])];
    case 'objective':
      return [...crumbsTo(node.priority, partnership), ...(node.priority ? [up(node.priority)] : [])];
    case 'action': {
      const parent = node.objective ?? node.priority;
      return parent ? [...crumbsTo(parent, partnership), up(parent)] : [home];
    }
  }
}
