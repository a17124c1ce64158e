/** The orders the plans give: one place, so the check's index and every site list alike. */
import type { ItemNode, PlanNode, PriorityNode } from './plan-index.ts';

/** By `order` (1 first; none last), then by title or name. */
export const byOrder = <T extends { entry: { data: { order?: number; title?: string; name?: string } } }>(a: T, b: T) =>
  (a.entry.data.order ?? Infinity) - (b.entry.data.order ?? Infinity) ||
  String(a.entry.data.title ?? a.entry.data.name).localeCompare(String(b.entry.data.title ?? b.entry.data.name));

/** Plans in order, the current first: open-ended, then by the year they end, latest first. */
export function byPeriodEnd(a: PlanNode, b: PlanNode): number {
  const end = (p: PlanNode) => (p.entry.data.period.endsWith('-onwards') ? '9999' : p.entry.data.period.slice(5));
  return end(b).localeCompare(end(a)) || b.entry.data.period.localeCompare(a.entry.data.period);
}

/** Where a priority's part sits in its plan, so Part A comes before Part B. */
export function planOrder(priority: PriorityNode): number {
  return priority.part ? priority.part.plan.parts.indexOf(priority.part) : 0;
}

/**
 * Orders items as their plans do: each priority, then its objectives each followed by their
 * actions, then its direct actions. Also sorts each priority's own lists, and fills its `actions`.
 */
export function planOrdering(priorities: readonly PriorityNode[]): (a: ItemNode, b: ItemNode) => number {
  const position = new Map<ItemNode, number>();
  let counter = 0;
  for (const priority of priorities) {
    priority.objectives.sort(byOrder);
    priority.directActions.sort(byOrder);
    for (const objective of priority.objectives) objective.actions.sort(byOrder);
    priority.actions = [...priority.objectives.flatMap((o) => o.actions), ...priority.directActions];
    position.set(priority, counter++);
    for (const objective of priority.objectives) {
      position.set(objective, counter++);
      for (const action of objective.actions) position.set(action, counter++);
    }
    for (const action of priority.directActions) position.set(action, counter++);
  }
  return (a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity);
}
