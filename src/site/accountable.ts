/** Who answers for an item, for lists that have room for one line. */
import type { GroupNode, ItemNode } from '../model/plan-index.ts';

export interface Accountable {
  groups: GroupNode[];
  /** True when the item names no group itself and these are the groups its actions name. */
  throughActions: boolean;
}

/**
 * The groups an item names; for a priority or objective that names none, the groups its actions
 * name, the group named by most actions first (ties in the plan's order), so the lead comes first.
 */
export function accountableFor(item: ItemNode): Accountable {
  if (item.groups.length > 0 || item.kind === 'action') return { groups: item.groups, throughActions: false };
  const named = new Map<GroupNode, number>();
  for (const action of item.actions) for (const group of action.groups) named.set(group, (named.get(group) ?? 0) + 1);
  const groups = [...named].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  return { groups, throughActions: groups.length > 0 };
}
