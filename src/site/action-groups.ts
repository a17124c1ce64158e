/**
 * How an item's page lists its actions, as its plan declares (`listActionsBy`): by the reporting
 * years they are planned for (the default), by the plan's strands, or by the outcomes they serve.
 * An action in two strands or serving two outcomes is listed under each; one in none, last.
 */
import type { ActionNode, ItemNode } from '../model/graph/nodes.ts';

export interface ActionGroup {
  /** The group's heading: "2020-21, 2021-22", "Prevent", "Outcome 1.2: Fewer children go missing". */
  heading: string;
  actions: ActionNode[];
}

function grouped(
  actions: readonly ActionNode[],
  keys: (action: ActionNode) => string[],
  order: readonly string[],
  none: string,
): ActionGroup[] {
  const groups = new Map<string, ActionNode[]>(order.map((key) => [key, []]));
  for (const action of actions) {
    const found = keys(action);
    for (const key of found.length ? found : [none]) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(action);
    }
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([heading, list]) => ({ heading, actions: list }));
}

export function actionGroups(item: ItemNode, actions: readonly ActionNode[]): ActionGroup[] {
  const by = item.plan?.entry.data.listActionsBy ?? 'year';
  if (by === 'strand') {
    const order = item.partnership.strands.map((s) => s.name);
    return grouped(actions, (a) => a.strands.map((s) => s.name), order, 'In no strand');
  }
  if (by === 'outcome') {
    const outcomes = item.facts.outcomes;
    const heading = (n: number) => `Outcome ${outcomes[n - 1].label}`;
    return grouped(
      actions,
      (a) =>
        a.serves
          .filter((s) => s.item === item || (a.objective && s.item === a.objective))
          .map((s) =>
            s.item === item
              ? heading(s.number)
              : `${s.item.label.singular} ${s.item.entry.data.code ?? s.item.entry.data.title}, outcome ${s.number}`,
          ),
      outcomes.map((o) => heading(o.number)),
      'Serving no stated outcome',
    );
  }
  const yearsOf = (action: ActionNode) => action.years.map((y) => y.id).join(', ') || 'No reporting year';
  return grouped(actions, (a) => [yearsOf(a)], [], 'No reporting year');
}
