/**
 * Where work stood at the end of each reporting year. Worked out from what the content says,
 * never guessed:
 *
 * An action's status at the end of a year is the status given by its latest progress update
 * dated on or before the year's last day. With no such update, it is the action's own status
 * (the one written in its file) for the last reporting year it belongs to, since that status is
 * the latest word on it; for an earlier year, no status was reported. A priority or objective
 * rolls up its actions' statuses for that year by the one roll-up rule (status.ts).
 */
import type { ActionNode, ItemNode, StatusFact, YearNode, YearStatusFact } from '../graph/nodes.ts';
import { yearBounds } from '../years.ts';
import { latestStatusUpdate, rolledUpStatus } from './status.ts';

/** The last day of a reporting year, as its file gives it or 31 March. */
export function yearEnd(year: YearNode): string {
  return year.entry.data.ends ?? yearBounds(year.id).ends;
}

/** The first day of a reporting year, as its file gives it or 1 April. */
export function yearStart(year: YearNode): string {
  return year.entry.data.starts ?? yearBounds(year.id).starts;
}

export function actionStatusAtYearEnd(action: ActionNode, year: YearNode): StatusFact {
  const update = latestStatusUpdate(action.entry.data.progress, yearEnd(year));
  if (update) return { status: update.status, source: 'update', update };
  const lastYear = [...action.years].sort((a, b) => a.id.localeCompare(b.id)).at(-1);
  const own = action.entry.data.status;
  return own && (lastYear === undefined || lastYear.id <= year.id) ? { status: own, source: 'own' } : { none: 'not-reported' };
}

/** An action's status at the end of each of its reporting years. */
export function actionYears(action: ActionNode): YearStatusFact[] {
  return action.years.map((year) => ({ year, ...actionStatusAtYearEnd(action, year) }));
}

/**
 * A priority's or objective's status at the end of each year in which it, or an action under it,
 * is planned: its own status, or rolled up from the year-end statuses of that year's actions.
 * The actions' facts must be worked out first.
 */
export function itemYears(item: Exclude<ItemNode, ActionNode>): YearStatusFact[] {
  const years = new Set<YearNode>(item.years);
  for (const action of item.actions) for (const year of action.years) years.add(year);
  return [...years]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((year) => {
      const actions = item.actions.flatMap((a) => a.facts.years.filter((y) => y.year === year));
      return { year, ...rolledUpStatus(item.entry.data.status, actions) };
    });
}

/** An item's status at the end of a year, as its facts give it; none where it has no work that year. */
export function statusAtEndOf(item: ItemNode, year: YearNode): StatusFact {
  return item.facts.years.find((y) => y.year === year) ?? { none: item.kind === 'action' ? 'not-reported' : 'no-actions' };
}
