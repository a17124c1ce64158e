/** Breadcrumbs: the way back up from a page, from the partnership's home (the page itself is its h1). */
import type { Crumb } from '../components/Breadcrumbs.astro';
import type { AnyNode, PartnershipNode } from '../model/plan-index.ts';
import { hrefOf, pageHref } from './links.ts';

export function crumbsTo(node: AnyNode | undefined, partnership: PartnershipNode): Crumb[] {
  const home: Crumb = { text: 'Home', href: hrefOf(partnership) };
  if (!node || node.kind === 'partnership') return [home];
  const up = (n: AnyNode): Crumb => ({ text: n.kind === 'group' ? n.entry.data.name : n.kind === 'year' ? n.id : n.entry.data.title, href: hrefOf(n) });
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
