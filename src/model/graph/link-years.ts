/** Reporting years: each belongs to a plan, and lies in its period. */
import { isReportingYear, reportingYearOf, yearInPeriod, yearsInPeriod } from '../years.ts';
import { GraphContext } from './context.ts';
import type { YearNode } from './nodes.ts';

function linkYear(context: GraphContext, year: YearNode): void {
  if (!isReportingYear(year.id)) {
    context.report(
      year.entry,
      [],
      `the file name "${year.id}.md" is not a reporting year`,
      `a reporting year's file is named after it, like ${reportingYearOf(Number(year.id.slice(0, 4)) || 2020)}.md`,
    );
    return;
  }
  const plan = context.find(context.plans, 'plan', year.entry, ['plan'], year.entry.data.plan);
  if (!plan || !context.mayUsePlan(year.entry, plan, ['plan'], year.entry.data.plan)) return;
  if (plan.entry.data.years === 'none') {
    context.report(
      year.entry,
      ['plan'],
      `the plan "${plan.id}" says it has no reporting years (years: none)`,
      'remove years: none from the plan, or delete this file',
    );
  } else if (!yearInPeriod(year.id, plan.entry.data.period)) {
    context.report(
      year.entry,
      [],
      `reporting year ${year.id} is outside its plan's period (${plan.entry.data.period})`,
      `the plan spans ${yearsInPeriod(plan.entry.data.period).join(', ')}`,
    );
  } else {
    year.plan = plan;
    plan.years.push(year);
  }
}

export function linkYears(context: GraphContext): void {
  for (const year of GraphContext.all(context.years)) {
    linkYear(context, year);
    year.partnership.years.push(year);
  }
  for (const plan of GraphContext.all(context.plans)) {
    plan.years.sort((a, b) => a.id.localeCompare(b.id));
    plan.yearIds =
      plan.entry.data.years === 'none'
        ? []
        : yearsInPeriod(
            plan.entry.data.period,
            plan.years.map((y) => y.id),
          );
  }
}
