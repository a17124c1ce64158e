/** Measures with figures: each belongs to a plan, and sets its targets within the plan's period. */
import { periodText } from '../../../schemas/values/dates.ts';
import { dateInPeriod, periodBounds } from '../years.ts';
import { GraphContext } from './context.ts';
import type { MeasureNode, PlanNode } from './nodes.ts';

function checkTargetDates(context: GraphContext, measure: MeasureNode, plan: PlanNode): void {
  const { starts, ends } = periodBounds(plan.entry.data.period);
  measure.entry.data.targets.forEach((target, index) => {
    if (dateInPeriod(target.date, { starts, ends })) return;
    context.report(
      measure.entry,
      ['targets', index, 'date'],
      `the target date ${target.date} is outside the plan "${plan.id}" (${periodText(plan.entry.data.period)})`,
      `a target is set for the plan's period: give a date from ${starts}${ends ? ` to ${ends}` : ''}, or name the plan that sets it`,
    );
  });
}

export function linkMeasures(context: GraphContext): void {
  for (const measure of GraphContext.all(context.measures)) {
    const data = measure.entry.data;
    const plan = context.find(context.plans, 'plan', measure.entry, ['plan'], data.plan);
    if (plan && context.mayUsePlan(measure.entry, plan, ['plan'], data.plan)) {
      measure.plan = plan;
      plan.measures.push(measure);
      checkTargetDates(context, measure, plan);
    }
    measure.partnership.measures.push(measure);
  }
}
