/**
 * Where work stood at the end of each reporting year, and how one year compares with the one
 * before. Worked out from what the content says, never guessed:
 *
 * An action's status at the end of a year is the status given by its latest progress update
 * dated on or before the year's last day. With no such update, it is the action's own status
 * (the one written in its file) for the last reporting year it belongs to, since that status is
 * the latest word on it; for an earlier year, no status was reported. A priority or objective
 * rolls up its actions' statuses for that year by the one roll-up rule (src/model/status.ts).
 */
import type { Status } from '../../schemas/index.ts';
import type { ActionNode, ItemNode, YearNode } from './plan-index.ts';
import { rollUp } from './status.ts';
import { yearBounds } from './years.ts';

/** The last day of a reporting year, as its file gives it or 31 March. */
function yearEnd(year: YearNode): string {
  return year.entry.data.ends ?? yearBounds(year.id).ends;
}

export function actionStatusAtYearEnd(action: ActionNode, year: YearNode): Status | undefined {
  const ends = yearEnd(year);
  let latest: { date: string; status: Status } | undefined;
  for (const update of action.entry.data.progress) {
    if (update.status && update.date <= ends && (!latest || update.date >= latest.date))
      latest = { date: update.date, status: update.status };
  }
  if (latest) return latest.status;
  const lastYear = [...action.years].sort((a, b) => a.id.localeCompare(b.id)).at(-1);
  return lastYear === undefined || lastYear.id <= year.id ? action.entry.data.status : undefined;
}

/** An item's status at the end of a year: an action's own, or rolled up from the actions of that year under it. */
export function statusAtYearEnd(item: ItemNode, year: YearNode): Status | undefined {
  if (item.kind === 'action') return actionStatusAtYearEnd(item, year);
  return rollUp(
    item.entry.data.status,
    item.actions.filter((a) => a.years.includes(year)).map((a) => actionStatusAtYearEnd(a, year)),
  );
}

export interface YearComparison {
  /** The year before, in the same plan, when it has a file. */
  previous?: YearNode;
  /** Actions of this year, and of the year before. */
  actions: ActionNode[];
  previousActions: ActionNode[];
  /** Actions of this year that were complete at its end, and not at the end of the year before. */
  completed: ActionNode[];
  /** Actions that belong to both years: work carried over. */
  carriedOver: ActionNode[];
  /** Actions of this year that were not in the year before. */
  added: ActionNode[];
}

/** This year's actions against the year before's: what was completed, carried over and added. */
export function compareWithPreviousYear(year: YearNode): YearComparison {
  const years = year.plan?.years ?? [];
  const previous = years[years.indexOf(year) - 1];
  const actionsOf = (y: YearNode | undefined) => (y ? y.items.filter((i): i is ActionNode => i.kind === 'action') : []);
  const actions = actionsOf(year);
  const previousActions = actionsOf(previous);
  const before = new Set(previousActions);
  return {
    previous,
    actions,
    previousActions,
    completed: actions.filter(
      (a) =>
        actionStatusAtYearEnd(a, year) === 'complete' && (!previous || !before.has(a) || actionStatusAtYearEnd(a, previous) !== 'complete'),
    ),
    carriedOver: actions.filter((a) => before.has(a)),
    added: actions.filter((a) => !before.has(a)),
  };
}
