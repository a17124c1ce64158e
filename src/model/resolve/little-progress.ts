/**
 * The areas of a year with little or no evidence of progress, which the guidance asks the yearly
 * report to analyse: worked out once from the resolved plan, by the rule below (printed with the
 * section, so a board member can see why each item is listed). As of the year's end, or the build
 * date while it runs.
 */
import type { ActionNode, ActionShortfall, LittleProgress, YearNode } from '../graph/nodes.ts';
import type { MeasureStatusKind } from './measure-status.ts';
import { statusAtEndOf } from './year-status.ts';

export const littleProgressRule =
  "An action of the year is listed when, at the year's end, it was delayed, rated at the lowest level of the partnership's rating scale, overdue, or had no status and no progress update reported. A measure is listed when its figures at the year's end were getting worse, not on track for its target, or had missed it.";

const shortfallKinds: ReadonlySet<MeasureStatusKind> = new Set(['worse', 'not-on-track', 'target-missed']);

function shortfallsOf(action: ActionNode, year: YearNode): ActionShortfall[] {
  const atEnd = statusAtEndOf(action, year);
  const lowest = action.partnership.ratingScale.levels[0]?.id;
  return [
    atEnd.status === 'delayed' && ('delayed' as const),
    atEnd.rating !== undefined && atEnd.rating.id === lowest && ('lowest rating' as const),
    atEnd.overdue && ('overdue' as const),
    // A plan that reports no statuses (`statuses: none`) is judged by its measures instead.
    action.plan?.facts.reportsStatuses !== false && !atEnd.status && !atEnd.latestUpdate && !atEnd.rating && ('nothing reported' as const),
  ].filter((why): why is ActionShortfall => why !== false);
}

export function littleProgress(year: YearNode): LittleProgress {
  const actions = year.facts.actions
    .map((action) => ({ action, priority: action.priority, why: shortfallsOf(action, year) }))
    .filter((row) => row.why.length > 0);
  const cited = [...new Set(year.plans.flatMap((plan) => plan.measures))];
  const measures = cited.flatMap((measure) => {
    const status = measure.facts.atYearEnd.get(year.id);
    return status && shortfallKinds.has(status.kind) ? [{ measure, label: status.label }] : [];
  });
  return { actions, measures, judged: year.facts.actions.length > 0 || cited.length > 0 };
}
