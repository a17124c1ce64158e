/**
 * Where work stood at the end of each reporting year (or, while a year runs, on the build date).
 * Worked out from what the content says by then, never guessed, and never from anything dated
 * after that day:
 *
 * An action's status at the end of a year is the status given by its latest progress update
 * dated on or before the year's last day. With no such update, it is the action's own status
 * (the one written in its file) for the last reporting year it belongs to, since that status is
 * the latest word on it; for an earlier year, no status was reported. Its rating follows the same
 * rule. It was overdue at the year's end if that status was open and its due date had passed;
 * its latest update is the latest dated by then. A priority or objective rolls up its actions'
 * statuses for that year by the one roll-up rule (status.ts).
 */
import type { ActionNode, ItemNode, StatusFact, YearNode, YearStatusFact } from '../graph/nodes.ts';
import { yearBounds } from '../years.ts';
import { isOverdue } from './overdue.ts';
import { latestOf } from './progress.ts';
import { latestRatedUpdate, ratingOn } from './rating.ts';
import { defaultStaleMonths, staleness } from './staleness.ts';
import { aboveStatus, latestStatusUpdate } from './status.ts';

/** The last day of a reporting year, as its file gives it or 31 March. */
export function yearEnd(year: YearNode): string {
  return year.entry?.data.ends ?? yearBounds(year.id).ends;
}

/** The first day of a reporting year, as its file gives it or 1 April. */
export function yearStart(year: YearNode): string {
  return year.entry?.data.starts ?? yearBounds(year.id).starts;
}

/** The day a year is judged as of: its last day, or the build date while it runs. */
export function judgedAsOf(year: YearNode, today: string): string {
  const ends = yearEnd(year);
  return ends < today ? ends : today;
}

/** Whether this is the last reporting year an action belongs to, or later: its own words speak for it. */
function isLastYear(action: ActionNode, year: YearNode): boolean {
  const lastYear = [...action.years].sort((a, b) => a.id.localeCompare(b.id)).at(-1);
  return lastYear === undefined || lastYear.id <= year.id;
}

function actionStatusAsOf(action: ActionNode, year: YearNode, asOf: string): StatusFact {
  const update = latestStatusUpdate(action.entry.data.progress, asOf);
  if (update) return { status: update.status, source: 'update', update };
  const own = action.entry.data.status;
  return own && isLastYear(action, year) ? { status: own, source: 'own' } : { none: 'not-reported' };
}

function actionYear(action: ActionNode, year: YearNode, today: string): YearStatusFact {
  const asOf = judgedAsOf(year, today);
  const status = actionStatusAsOf(action, year, asOf);
  const progress = action.entry.data.progress;
  const rated = latestRatedUpdate(progress, asOf)?.rag ?? (isLastYear(action, year) ? action.entry.data.rag : undefined);
  const months = action.partnership.entry.data.staleAfterMonths ?? defaultStaleMonths;
  const latestUpdate = latestOf(progress.filter((u) => u.date <= asOf));
  const rating = ratingOn(action, rated);
  return {
    year,
    asOf,
    ...status,
    ...(rating ? { rating } : {}),
    overdue: isOverdue(action.entry.data.due, status.status, asOf),
    stale: staleness(action, status, asOf, months).stale,
    ...(latestUpdate ? { latestUpdate } : {}),
  };
}

/** An action's status at the end of each of its reporting years. */
export function actionYears(action: ActionNode, today: string): YearStatusFact[] {
  return action.years.map((year) => actionYear(action, year, today));
}

/**
 * A priority's or objective's status at the end of each year in which it, or an action under it,
 * is planned: its own status, or rolled up from the year-end statuses of that year's actions.
 * The actions' facts must be worked out first.
 */
export function itemYears(item: Exclude<ItemNode, ActionNode>, today: string): YearStatusFact[] {
  const years = new Set<YearNode>(item.years);
  for (const action of item.actions) for (const year of action.years) years.add(year);
  const progress = item.entry.data.progress;
  const sorted = [...years].sort((a, b) => a.id.localeCompare(b.id));
  const last = sorted.at(-1);
  return sorted.map((year) => {
    const asOf = judgedAsOf(year, today);
    // Its own undated status and rating speak for its last year only, as an action's do.
    const own = year === last ? item.entry.data : { status: undefined, rag: undefined };
    const actions = item.actions.flatMap((a) => a.facts.years.filter((y) => y.year === year));
    const status = aboveStatus(own.status, progress, actions, asOf);
    const rating = ratingOn(item, latestRatedUpdate(progress, asOf)?.rag ?? own.rag);
    const latestUpdate = latestOf(progress.filter((u) => u.date <= asOf));
    return {
      year,
      asOf,
      ...status,
      ...(rating ? { rating } : {}),
      overdue: isOverdue(item.entry.data.due, status.status, asOf),
      stale: false,
      ...(latestUpdate ? { latestUpdate } : {}),
    };
  });
}

/** An item's facts at the end of a year; none reported where it has no work that year. */
export function statusAtEndOf(item: ItemNode, year: YearNode): YearStatusFact {
  const found = item.facts.years.find((y) => y.year === year);
  return found ?? { year, asOf: yearEnd(year), none: item.kind === 'action' ? 'not-reported' : 'no-actions', overdue: false, stale: false };
}
