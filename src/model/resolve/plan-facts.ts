/** What a plan and each of its reporting years add up to, from the facts of their actions. */
import type { ActionNode, PlanFacts, PlanNode, YearFacts, YearNode } from '../graph/nodes.ts';
import { countByName } from '../labels.ts';
import { periodBounds, reportingYearOf, startYear } from '../years.ts';
import { statusAtEndOf, yearEnd, yearStart } from './year-status.ts';
import { yearlyReportFacts } from './yearly-report.ts';

export function planFacts(plan: PlanNode, today: string): PlanFacts {
  const ends = periodBounds(plan.entry.data.period).ends;
  const actions = plan.priorities.flatMap((p) => p.actions);
  return {
    ended: ends !== undefined && ends < today,
    reportsStatuses: plan.entry.data.statuses !== 'none',
    actions,
    reported: actions.filter((a) => a.facts.status.status).length,
    // Its levels top first, so the counts come in that order.
    levels: countByName([...plan.priorities, ...plan.priorities.flatMap((p) => p.objectives), ...actions]),
  };
}

/** The actions of a year, in plan order (its plans in the body's order, each as it lists them). */
function actionsOf(year: YearNode | undefined): ActionNode[] {
  if (!year) return [];
  return year.plans.flatMap((plan) => plan.priorities.flatMap((p) => p.actions)).filter((a) => a.years.includes(year));
}

/** The year before, of the same body, when it has one. */
function yearBefore(year: YearNode): YearNode | undefined {
  const before = reportingYearOf(startYear(year.id) - 1);
  return year.partnership.years.find((y) => y.id === before);
}

const completeAtEnd = (action: ActionNode, year: YearNode) => statusAtEndOf(action, year).status === 'complete';

/**
 * A year's actions against the year before's (of the same body, when it has one): what was
 * completed (complete at this year's end and not at the end of the year before), carried over
 * (in both years) and added (new this year).
 */
export function yearFacts(year: YearNode, today: string): Omit<YearFacts, 'littleProgress' | 'reviews'> {
  const ends = yearEnd(year);
  const actions = actionsOf(year);
  const previous = yearBefore(year);
  const before = new Set(actionsOf(previous));
  return {
    starts: yearStart(year),
    ends,
    ended: ends < today,
    judgedOn: ends < today ? ends : today,
    actions,
    reported: actions.filter((a) => statusAtEndOf(a, year).status).length,
    ...(previous ? { previous } : {}),
    completed: actions.filter((a) => completeAtEnd(a, year) && (!previous || !before.has(a) || !completeAtEnd(a, previous))),
    carriedOver: actions.filter((a) => before.has(a)),
    added: actions.filter((a) => !before.has(a)),
    report: yearlyReportFacts(year, ends, today),
  };
}
