/**
 * Counts of items by status, for "11 actions: 6 Complete, 5 Not started". An item with no status
 * is counted too, under `undefined`, so a tally never hides work nobody has reported on.
 */
import { statusValues, type Status } from '../../schemas/index.ts';

export interface TallyRow {
  status: Status | undefined;
  count: number;
}

/** In the fixed order of the statuses, then the items with none; statuses with no items are left out. */
export function tally(statuses: ReadonlyArray<Status | undefined>): TallyRow[] {
  return [...statusValues, undefined]
    .map((status) => ({ status, count: statuses.filter((s) => s === status).length }))
    .filter((row) => row.count > 0);
}
