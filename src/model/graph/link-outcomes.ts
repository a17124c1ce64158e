/**
 * Outcomes as things with identity: an item's outcomes are numbered from 1 in the order it states
 * them (or known by an id), and objectives and actions say which they serve (`serves: [1, 3]`),
 * measures which they evidence (`outcome: 2`). Every such reference is checked like any other.
 */
import { didYouMean } from '../suggest.ts';
import type { FieldPath, GraphContext } from './context.ts';
import type { ItemNode } from './nodes.ts';

/** The number of one of an item's outcomes, by number or id; undefined, reported, when it has none such. */
export function outcomeNumber(
  context: GraphContext,
  from: ItemNode,
  owner: ItemNode,
  ref: number | string,
  field: FieldPath,
): number | undefined {
  const outcomes = owner.entry.data.outcomes;
  const whose = owner === from ? 'this item' : `its ${owner.label.singular.toLowerCase()} "${owner.id}"`;
  if (typeof ref === 'number') {
    if (ref <= outcomes.length) return ref;
    context.report(
      from.entry,
      field,
      `there is no outcome ${ref}: ${whose} states ${outcomes.length} ${outcomes.length === 1 ? 'outcome' : 'outcomes'}`,
      outcomes.length > 0
        ? `outcomes are counted from 1 in the order of outcomes:; use a number from 1 to ${outcomes.length}`
        : `add the outcome under outcomes: of ${whose}, or remove the reference`,
    );
    return undefined;
  }
  const index = outcomes.findIndex((o) => o.id === ref);
  if (index !== -1) return index + 1;
  const ids = outcomes.flatMap((o) => (o.id ? [o.id] : []));
  const suggestion = didYouMean(ref, ids);
  context.report(
    from.entry,
    field,
    `unknown outcome "${ref}" of ${whose}${suggestion ? `; ${suggestion}` : ''}`,
    ids.length
      ? `its outcomes' ids are ${ids.join(', ')}; or cite one by its number, from 1`
      : 'cite the outcome by its number, from 1, or give it an id: under outcomes:',
  );
  return undefined;
}

/** The nearest item above one that states outcomes: an action's objective, else its priority; an objective's priority. */
function outcomesAbove(item: ItemNode): ItemNode | undefined {
  const above = item.kind === 'action' ? [item.objective, item.priority] : item.kind === 'objective' ? [item.priority] : [];
  return above.find((node): node is NonNullable<typeof node> => node !== undefined && node.entry.data.outcomes.length > 0);
}

/** Links what an objective or action serves. */
export function linkServes(context: GraphContext, node: ItemNode): void {
  if (node.kind === 'priority') return;
  const refs = node.entry.data.serves;
  if (refs.length === 0) return;
  const owner = outcomesAbove(node);
  if (!owner) {
    context.report(
      node.entry,
      ['serves'],
      `nothing above this ${node.kind} states outcomes for it to serve`,
      `add outcomes: to its ${node.kind === 'action' ? 'objective or priority' : 'priority'}, or remove serves:`,
    );
    return;
  }
  refs.forEach((ref, index) => {
    const number = outcomeNumber(context, node, owner, ref, ['serves', index]);
    if (number !== undefined && !node.serves.some((s) => s.item === owner && s.number === number))
      node.serves.push({ item: owner, number });
  });
}
