/**
 * Who answers for an item, and who leads it: the ONE inheritance rule, stated in the guide.
 *
 * An item's accountable groups are those its own file names; where it names none, those of the
 * nearest item above it that names some (an action's objective, then its priority), "through"
 * that item; for a priority or objective that has none either way, the groups the items beneath
 * it name, the one named most first ("through its actions"); otherwise none. Its plan may say
 * `groups: none`, and then no group is expected anywhere.
 *
 * Its lead is the `lead:` its own file gives, or, where it gives none, the nearest item above's.
 */
import type { Accountability, GroupNode, ItemNode, Leads } from '../graph/nodes.ts';

/** The items above an item, nearest first: an action's objective and priority, an objective's priority. */
export function ancestorsOf(item: ItemNode): ItemNode[] {
  if (item.kind === 'priority') return [];
  const above = item.kind === 'action' ? [item.objective, item.priority] : [item.priority];
  return above.filter((node): node is NonNullable<typeof node> => node !== undefined);
}

/** The groups the items beneath a priority or objective name, the one named by most first (ties in plan order). */
function groupsBeneath(item: ItemNode): GroupNode[] {
  if (item.kind === 'action') return [];
  const below: ItemNode[] = item.kind === 'priority' ? [...item.objectives, ...item.actions] : item.actions;
  const named = new Map<GroupNode, number>();
  for (const other of below) for (const group of other.groups) named.set(group, (named.get(group) ?? 0) + 1);
  return [...named].sort((a, b) => b[1] - a[1]).map(([group]) => group);
}

export function accountabilityOf(item: ItemNode): Accountability {
  const noneByDesign = item.plan?.entry.data.groups === 'none';
  if (item.groups.length > 0) return { groups: item.groups, source: 'own', noneByDesign };
  const from = ancestorsOf(item).find((above) => above.groups.length > 0);
  if (from) return { groups: from.groups, source: 'inherited', from, noneByDesign };
  const beneath = groupsBeneath(item);
  if (beneath.length > 0) return { groups: beneath, source: 'beneath', noneByDesign };
  return { groups: [], source: 'none', noneByDesign };
}

/** The items a group answers for: those whose accountable groups, named or inherited, include it, in the order given. */
export function answeredFor(group: GroupNode, items: readonly ItemNode[]): ItemNode[] {
  return items.filter((item) => {
    const { groups, source } = item.facts.accountable;
    return (source === 'own' || source === 'inherited') && groups.includes(group);
  });
}

export function leadsOf(item: ItemNode): Leads {
  const own = item.entry.data.lead;
  if (own.length > 0) return { names: own, source: 'own' };
  const from = ancestorsOf(item).find((above) => above.entry.data.lead.length > 0);
  return from ? { names: from.entry.data.lead, source: 'inherited', from } : { names: [], source: 'none' };
}
