/**
 * "Say it once": where nothing in a list reports a status, the list says so in one sentence
 * instead of a "No status reported" on every row, which tells a reader nothing the first one
 * did not. Rows that do report a status keep their tags; a list of mixed rows tags each.
 */
import type { ItemNode } from '../model/graph/nodes.ts';

/** "No status has been reported for any of these 37 actions." */
export function noneReportedSentence(n: number, noun: string, options: { singular?: string; past?: boolean } = {}): string {
  const has = options.past ? 'was' : 'has been';
  if (n === 1) return `No status ${has} reported for this ${options.singular ?? noun.replace(/s$/, '')}.`;
  return `No status ${has} reported for any of these ${n} ${noun}.`;
}

/** True when no item of the list reports a status: its rows then carry no "No status reported" tag. */
export function noneReported(items: readonly ItemNode[]): boolean {
  return items.every((item) => item.facts.status.status === undefined);
}

/** Whether an item's plan reports a status for its work; a plan that says `statuses: none` is believed everywhere. */
export function showsStatus(item: ItemNode): boolean {
  return item.plan?.facts.reportsStatuses ?? true;
}

/** Whether any plan a site shows reports statuses: otherwise it links to no page about them. */
export function siteShowsStatuses(site: { plans: ReadonlyArray<{ facts: { reportsStatuses: boolean } }> }): boolean {
  return site.plans.length === 0 || site.plans.some((plan) => plan.facts.reportsStatuses);
}

/**
 * Whether a site has a progress feed: when a plan it shows reports statuses, or any of its work has
 * a progress update. A plan of outcomes with no update yet has none, rather than an empty feed.
 */
export function siteHasProgressFeed(site: {
  plans: ReadonlyArray<{ facts: { reportsStatuses: boolean } }>;
  priorities: readonly ItemNode[];
  objectives: readonly ItemNode[];
  actions: readonly ItemNode[];
}): boolean {
  return (
    siteShowsStatuses(site) ||
    [...site.priorities, ...site.objectives, ...site.actions].some((item) => item.facts.progress.updates.length > 0)
  );
}
