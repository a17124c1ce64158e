/**
 * Ratings, by the same rule as statuses: an item's rating is its own `rag:`; without one, that of
 * its latest dated progress update that gives one. At the end of a year: its latest update by
 * then that gives one, else its own for its last reporting year (see year-status.ts).
 */
import type { ProgressUpdate } from '../../../schemas/index.ts';
import { scaleOf } from '../graph/item-references.ts';
import type { ItemNode, Rating } from '../graph/nodes.ts';

/** The latest update that gives a rating, up to a day if given (the last written among equal dates). */
export function latestRatedUpdate(updates: readonly ProgressUpdate[], upTo?: string): ProgressUpdate | undefined {
  let latest: ProgressUpdate | undefined;
  for (const update of updates) {
    if (!update.rag || (upTo !== undefined && update.date > upTo)) continue;
    if (!latest || update.date >= latest.date) latest = update;
  }
  return latest;
}

/** A rating id read on the item's scale; undefined for one the scale lacks (the check has reported it). */
export function ratingOn(item: ItemNode, id: string | undefined): Rating | undefined {
  if (!id) return undefined;
  const scale = scaleOf(item);
  const level = scale.levels.find((l) => l.id === id);
  return level && { ...level, scale: scale.name };
}

export function ratingOf(item: ItemNode): Rating | undefined {
  return item.rating ?? ratingOn(item, latestRatedUpdate(item.entry.data.progress)?.rag);
}
