/**
 * "No recent update": plan trackers fail when owners stop updating them, so the site flags
 * open work whose latest progress update is too old to trust.
 *
 * An action is flagged when its reported status says it is still open (not started, in
 * progress, delayed or ongoing) and its latest update (or, with none, the start of its first
 * reporting year) is more than `months` (default 6) before the reference date: the build date,
 * or the end of the action's last reporting year if that year is already over (a finished year
 * is judged as it stood when it ended). An action with no status reported is not flagged:
 * nobody has said it is still open.
 */
import type { ActionNode, Staleness, StatusFact } from '../graph/nodes.ts';
import { yearBounds } from '../years.ts';
import { latestOf } from './progress.ts';

export const defaultStaleMonths = 6;

/** The date `months` calendar months before `iso`, as YYYY-MM-DD (clamped to the month's end). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whether an action, with the status worked out for it, has gone too long without an update. */
export function staleness(action: ActionNode, status: StatusFact, buildDate: string, months = defaultStaleMonths): Staleness {
  const years = action.years.map((y) => y.id).sort();
  const lastYearEnd = years.length ? yearBounds(years[years.length - 1]).ends : undefined;
  const asOfYearEnd = lastYearEnd !== undefined && lastYearEnd < buildDate;
  const asOf = asOfYearEnd ? lastYearEnd : buildDate;
  const open = status.status !== undefined && status.status !== 'complete' && status.status !== 'cancelled';
  // Only what was known by then: an update dated after the day judged is not yet written.
  const latest = latestOf(action.entry.data.progress.filter((u) => u.date <= asOf))?.date;
  const since = latest ?? (years.length ? yearBounds(years[0]).starts : undefined);
  const sinceUpdate = latest !== undefined;
  if (!open || !since) return { stale: false, asOf, asOfYearEnd, sinceUpdate };
  // Work whose first year has not started yet cannot be behind.
  if (since > asOf) return { stale: false, since, asOf, asOfYearEnd, sinceUpdate };
  return { stale: since < monthsBefore(asOf, months), since, asOf, asOfYearEnd, sinceUpdate };
}
