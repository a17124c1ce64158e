/** The orders the plans give: one place, so the check's index and every site list alike. */
import type { ItemNode, MeasureNode, PartnershipNode, PlanNode, PriorityNode } from './nodes.ts';

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

/** Measures in the order of the first item each evidences (those evidencing nothing last), then by title. */
export function sortMeasures(list: MeasureNode[], inPlanOrder: (a: ItemNode, b: ItemNode) => number): void {
  list.sort((a, b) => {
    const [x, y] = [a.evidences[0]?.item, b.evidences[0]?.item];
    const byItem = x && y ? inPlanOrder(x, y) : x ? -1 : y ? 1 : 0;
    return byItem || a.entry.data.title.localeCompare(b.entry.data.title);
  });
}

/** Sorts everything each partnership's folder holds once, so every list is in the plan's order. */
export function sortGraph(partnerships: readonly PartnershipNode[]): void {
  for (const partnership of partnerships) {
    partnership.plans.sort(byPeriodEnd);
    partnership.currentPlan = partnership.plans[0];
    partnership.groups.sort(byOrder);
    partnership.years.sort((a, b) => a.id.localeCompare(b.id));
    partnership.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
    for (const plan of partnership.plans) {
      plan.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
      for (const part of plan.parts) part.priorities.sort(byOrder);
    }
  }
  const inPlanOrder = planOrdering(partnerships.flatMap((p) => p.priorities));
  for (const partnership of partnerships) {
    partnership.objectives.sort(inPlanOrder);
    partnership.actions.sort(inPlanOrder);
    for (const group of partnership.groups) {
      group.items.sort(inPlanOrder);
      group.children.sort(byOrder);
    }
    for (const year of partnership.years) year.items.sort(inPlanOrder);
    for (const strand of partnership.strands) strand.items.sort(inPlanOrder);
    for (const measure of partnership.measures) measure.evidences.sort((a, b) => inPlanOrder(a.item, b.item));
    sortMeasures(partnership.measures, inPlanOrder);
    for (const plan of partnership.plans) sortMeasures(plan.measures, inPlanOrder);
  }
}
