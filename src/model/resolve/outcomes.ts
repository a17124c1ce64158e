/** Each item's outcomes, numbered, with the objectives and actions that serve each and the measures that evidence it. */
import type { ItemNode, OutcomeFacts } from '../graph/nodes.ts';

/** Who serves which outcome: for every item, by outcome number, the items that serve it, in the order given. */
export function servedBy(items: readonly ItemNode[]): Map<ItemNode, Map<number, ItemNode[]>> {
  const found = new Map<ItemNode, Map<number, ItemNode[]>>();
  for (const item of items) {
    for (const { item: owner, number } of item.serves) {
      let byNumber = found.get(owner);
      if (!byNumber) found.set(owner, (byNumber = new Map<number, ItemNode[]>()));
      byNumber.set(number, [...(byNumber.get(number) ?? []), item]);
    }
  }
  return found;
}

export function outcomesOf(item: ItemNode, served: ReadonlyMap<ItemNode, ReadonlyMap<number, ItemNode[]>>): OutcomeFacts[] {
  return item.entry.data.outcomes.map((outcome, index) => {
    const number = index + 1;
    return {
      number,
      label: outcome.code ?? String(number),
      ...(outcome.id ? { id: outcome.id } : {}),
      text: outcome.text,
      servedBy: served.get(item)?.get(number) ?? [],
      measures: [...new Set(item.measureLinks.filter((l) => l.outcome === number).map((l) => l.measure))],
    };
  });
}
