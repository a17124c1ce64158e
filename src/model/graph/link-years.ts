/**
 * Reporting years are periods, the same for every partnership: a plan spans the years of its
 * period, and each body may write its own file for a year (its title, dates, statements and
 * foreword) in its own folder. In the folders' graph there is one year node per folder and
 * period: a body's year file, or a period one of its folder's plans spans.
 */
import type { AnyEntry } from '../entries.ts';
import { unresolved } from './unresolved.ts';
import { isReportingYear, reportingYearOf, yearInPeriod, yearsInPeriod } from '../years.ts';
import { GraphContext } from './context.ts';
import type { PartnershipNode, PlanNode, YearFacts, YearNode } from './nodes.ts';

/** The year node of a folder for a period: its year file, or one without a file, made once. */
export function periodNode(context: GraphContext, body: PartnershipNode, id: string): YearNode {
  const found = context.years.get(body.id)?.get(id);
  if (found) return found;
  const node: YearNode = {
    kind: 'year',
    id,
    slug: id,
    partnership: body,
    plans: [],
    items: [],
    statements: [],
    facts: unresolved<YearFacts>('year'),
  };
  context.put(context.years, body.id, id, node);
  body.years.push(node);
  return node;
}

/** The plans a body owns or shares. */
export function plansOf(context: GraphContext, body: PartnershipNode): PlanNode[] {
  return GraphContext.all(context.plans).filter((plan) => plan.owners.includes(body));
}

/** A year file that names the one plan it reported on, as content for older versions did. */
function linkNamedPlan(context: GraphContext, year: YearNode, entry: Extract<AnyEntry, { type: 'year' }>, reference: string): void {
  const plan = context.find(context.plans, 'plan', entry, ['plan'], reference);
  if (!plan || !context.mayUsePlan(entry, plan, ['plan'], reference)) return;
  if (plan.entry.data.years === 'none') {
    context.report(
      entry,
      ['plan'],
      `the plan "${plan.id}" says it has no reporting years (years: none)`,
      'remove years: none from the plan, or delete this file',
    );
  } else if (!yearInPeriod(year.id, plan.entry.data.period)) {
    context.report(
      entry,
      [],
      `reporting year ${year.id} is outside its plan's period (${plan.entry.data.period})`,
      `the plan spans ${yearsInPeriod(plan.entry.data.period).join(', ')}`,
    );
  } else year.plans.push(plan);
}

/** A year file must be a reporting year of some plan its body owns or shares. */
function checkYearFile(context: GraphContext, year: YearNode): void {
  const entry = year.entry!;
  if (!isReportingYear(year.id)) {
    context.report(
      entry,
      [],
      `the file name "${year.id}.md" is not a reporting year`,
      `a reporting year's file is named after it, like ${reportingYearOf(Number(year.id.slice(0, 4)) || 2020)}.md`,
    );
    return;
  }
  if (entry.data.plan) {
    linkNamedPlan(context, year, entry, entry.data.plan);
    return;
  }
  const running = plansOf(context, year.partnership).filter((plan) => plan.entry.data.years !== 'none');
  if (running.some((plan) => yearInPeriod(year.id, plan.entry.data.period))) return;
  context.report(
    entry,
    [],
    `no plan of ${year.partnership.id} runs in ${year.id}`,
    running.length
      ? `its plans span ${[...new Set(running.flatMap((p) => yearsInPeriod(p.entry.data.period)))].join(', ')}: rename the file, or delete it`
      : `add the plan ${year.partnership.id} reports on in ${year.id} (npm run new -- plan), or delete this file`,
  );
}

/** The years a plan spans: its period's; for an open-ended one, up to the latest any of its owners writes a file for. */
function yearIdsOf(context: GraphContext, plan: PlanNode): string[] {
  if (plan.entry.data.years === 'none') return [];
  const known = plan.owners.flatMap((owner) => [...(context.years.get(owner.id)?.keys() ?? [])]).filter(isReportingYear);
  return yearsInPeriod(plan.entry.data.period, known);
}

/**
 * A year an item names in its plan's period: for an open-ended plan it may be later than any
 * year file, and joins the plan's years.
 */
export function yearOfPlan(context: GraphContext, plan: PlanNode, id: string): YearNode | undefined {
  const found = plan.years.find((y) => y.id === id);
  if (found || plan.entry.data.years === 'none' || !isReportingYear(id) || !yearInPeriod(id, plan.entry.data.period)) return found;
  const node = periodNode(context, plan.partnership, id);
  if (!node.plans.includes(plan)) node.plans.push(plan);
  plan.years.push(node);
  plan.years.sort((a, b) => a.id.localeCompare(b.id));
  plan.yearIds = plan.years.map((y) => y.id);
  return node;
}

export function linkYears(context: GraphContext): void {
  const files = GraphContext.all(context.years);
  for (const year of files) year.partnership.years.push(year);
  for (const year of files) checkYearFile(context, year);
  for (const plan of GraphContext.all(context.plans)) {
    plan.yearIds = yearIdsOf(context, plan);
    plan.years = plan.yearIds.map((id) => periodNode(context, plan.partnership, id));
    for (const year of plan.years) if (!year.plans.includes(plan)) year.plans.push(plan);
  }
}
