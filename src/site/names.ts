/** How an item is named wherever it appears: with the plan's code first, as the plan itself refers to it. */
import type { ItemNode } from '../model/plan-index.ts';

/** "P2: Neglect", or the title alone when the plan gives the item no code. */
export function itemName(item: ItemNode): string {
  const { code, title } = item.entry.data;
  return code ? `${code}: ${title}` : title;
}
