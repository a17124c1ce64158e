/** Progress: an item's own dated updates, and those of the items beneath it. */
import type { ProgressUpdate } from '../../../schemas/index.ts';
import type { ItemNode, ProgressFacts } from '../graph/nodes.ts';

/** The latest of some updates: the newest date, the last written among equals. */
export function latestOf(updates: readonly ProgressUpdate[]): ProgressUpdate | undefined {
  let latest: ProgressUpdate | undefined;
  for (const update of updates) if (!latest || update.date >= latest.date) latest = update;
  return latest;
}

/** The latest progress update of an item: the newest date, the last written among equals. */
export function latestUpdate(item: ItemNode): ProgressUpdate | undefined {
  return latestOf(item.entry.data.progress);
}

/** The items beneath an item: a priority's objectives and actions, an objective's actions. */
function beneath(item: ItemNode): ItemNode[] {
  if (item.kind === 'action') return [];
  return item.kind === 'priority' ? [...item.objectives, ...item.actions] : item.actions;
}

export function progressOf(item: ItemNode): ProgressFacts {
  const updates = [...item.entry.data.progress].sort((a, b) => b.date.localeCompare(a.date));
  const below = beneath(item);
  let latestBeneath: ProgressFacts['latestBeneath'];
  for (const other of below) {
    const update = latestUpdate(other);
    if (update && (!latestBeneath || update.date > latestBeneath.update.date)) latestBeneath = { item: other, update };
  }
  return {
    updates,
    latest: latestUpdate(item),
    beneath: below.reduce((total, other) => total + other.entry.data.progress.length, 0),
    ...(latestBeneath ? { latestBeneath } : {}),
  };
}
