/** Breadcrumbs: the way back up from a page, from the partnership's home (the page itself is its h1). */
import type { AnyNode, PartnershipNode } from '../model/plan-index.ts';
import { hrefOf, pageHref } from './links.ts';
import { itemName } from './names.ts';

/** One step back up: the text and where it leads. */
export interface Crumb {
  text: string;
  href: string;
}

/** The name a node is shown by in a breadcrumb. */
function nameOf(n: AnyNode): string {
  switch (n.kind) {
    case 'partnership':
    case 'group':
      return n.entry.data.name;
    case 'year':
      return n.id;
    case 'plan':
      return n.entry.data.title;
    default:
      return itemName(n);
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
