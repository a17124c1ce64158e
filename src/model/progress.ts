/** Progress updates: which one is the latest, for the CSV, the annual report, staleness and import. */
import type { ItemNode } from './plan-index.ts';

/** The latest progress update of an item: the newest date, the last written among equals. */
export function latestUpdate(item: ItemNode) {
  const updates = item.entry.data.progress;
  let latest: (typeof updates)[number] | undefined;
  for (const update of updates) if (!latest || update.date >= latest.date) latest = update;
  return latest;
}
