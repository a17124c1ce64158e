/**
 * The levels of each plan: priorities in their plans (and parts), objectives under their
 * priorities, actions under their objectives or priorities, each with the references every
 * level may make (item-references.ts), and the end-of-year statements on priorities.
 */
import type { AnyEntry } from '../entries.ts';
import { levelName } from '../labels.ts';
import { didYouMean } from '../suggest.ts';
import { GraphContext, type FieldPath } from './context.ts';
import { linkItemReferences } from './item-references.ts';
import type { ActionNode, ItemNode, PlanNode, PriorityNode, YearNode } from './nodes.ts';
import { plansOf } from './link-years.ts';
import { yearInPeriod } from '../years.ts';

/** The names of an item's level, in its part's words, then its plan owner's (or its own folder's). */
function labelItem(node: ItemNode): void {
  const labels = (node.plan ?? node).partnership.entry.data.labels;
  node.label = levelName(node.kind, node.part?.part.labels, labels);
}

function linkPart(context: GraphContext, priority: PriorityNode, plan: PlanNode): void {
  const wanted = priority.entry.data.part;
  const ids = plan.parts.map((p) => p.id);
  if (!wanted) {
    if (plan.parts.length > 0) {
      context.report(
        priority.entry,
        ['part'],
        `required field is missing: the plan "${plan.id}" has parts, so each priority must name one`,
        `add part: with one of ${ids.join(', ')}`,
      );
    }
    return;
  }
  const part = plan.parts.find((p) => p.id === wanted);
  if (part) {
    priority.part = part;
    part.priorities.push(priority);
    return;
  }
  const suggestion = didYouMean(wanted, ids);
  context.report(
    priority.entry,
    ['part'],
    `unknown part "${wanted}" of plan "${plan.id}"${suggestion ? `; ${suggestion}` : ''}`,
    plan.parts.length ? `the plan's parts are ${ids.join(', ')}` : 'the plan has no parts: remove this field',
  );
}

export function linkPriorities(context: GraphContext): void {
  for (const priority of GraphContext.all(context.priorities)) {
    const data = priority.entry.data;
    const plan = context.find(context.plans, 'plan', priority.entry, ['plan'], data.plan);
    if (plan && context.mayUsePlan(priority.entry, plan, ['plan'], data.plan)) {
      priority.plan = plan;
      plan.priorities.push(priority);
      linkPart(context, priority, plan);
    }
    labelItem(priority);
    linkItemReferences(context, priority);
    priority.partnership.priorities.push(priority);
  }
}

/** The plans a body's year file can speak of: those it owns or shares that run in the year. */
function plansInYear(context: GraphContext, year: YearNode): PlanNode[] {
  const named = year.entry?.data.plan ? year.plans : [];
  const running = plansOf(context, year.partnership).filter(
    (p) => p.entry.data.years !== 'none' && yearInPeriod(year.id, p.entry.data.period),
  );
  return [...new Set([...named, ...running])];
}

/** End-of-year statements name priorities of the plans the body reports on that year. */
export function linkStatements(context: GraphContext): void {
  for (const year of GraphContext.all(context.years)) {
    if (!year.entry) continue;
    const priorities = plansInYear(context, year).flatMap((plan) => plan.priorities);
    year.entry.data.statements.forEach((statement, index) => {
      const [home, id] = context.split(year.entry!, statement.priority);
      const priority = priorities.find((p) => p.id === id && p.entry.partnership === home) ?? priorities.find((p) => p.id === id);
      if (priority) year.statements.push({ priority, text: statement.text });
      else if (priorities.length > 0) {
        const ids = priorities.map((p) => p.id);
        const suggestion = didYouMean(id, ids);
        context.report(
          year.entry!,
          ['statements', index, 'priority'],
          `unknown priority "${statement.priority}" of the plans ${year.partnership.id} reports on in ${year.id}${suggestion ? `; ${suggestion}` : ''}`,
          `a year's statements are about priorities of those plans: ${ids.join(', ')}`,
        );
      }
    });
  }
}

/** A priority another item names, in its folder or a shared plan's. */
function findPriority(context: GraphContext, from: AnyEntry, field: FieldPath, reference: string): PriorityNode | undefined {
  const priority = context.find(context.priorities, 'priority', from, field, reference);
  return priority && context.mayUsePlan(from, priority.plan, field, reference, 'priority') ? priority : undefined;
}

export function linkObjectives(context: GraphContext): void {
  for (const objective of GraphContext.all(context.objectives).flat()) {
    const priority = findPriority(context, objective.entry, ['priority'], objective.entry.data.priority);
    if (priority) {
      objective.priority = priority;
      objective.plan = priority.plan;
      objective.part = priority.part;
      priority.objectives.push(objective);
    }
    labelItem(objective);
    linkItemReferences(context, objective);
    objective.partnership.objectives.push(objective);
  }
}

/** Links an action to the objective it names, reporting one that is unknown, ambiguous or under another priority. */
function linkObjectiveOf(context: GraphContext, action: ActionNode, priority: PriorityNode | undefined): void {
  const reference = action.entry.data.objective!;
  const [target, id] = context.split(action.entry, reference);
  const named = context.objectives.get(target)?.get(id) ?? [];
  const candidates = priority ? named.filter((o) => o.priority === priority) : named;
  if (candidates.length === 1) {
    if (!context.mayUsePlan(action.entry, candidates[0].plan, ['objective'], reference, 'objective')) return;
    action.objective = candidates[0];
    action.priority = candidates[0].priority;
    candidates[0].actions.push(action);
  } else if (candidates.length > 1) {
    context.report(
      action.entry,
      ['objective'],
      `the objective "${reference}" is ambiguous: each of the priorities ${candidates.map((o) => `"${o.priority?.id}"`).join(', ')} has one`,
      'add priority: with the id of the priority whose objective this action delivers',
    );
  } else if (named.length > 0 && priority) {
    context.report(
      action.entry,
      ['priority'],
      `the action's objective "${reference}" belongs to the priority "${named[0].priority?.id}", not "${priority.id}"`,
      'remove priority: (it follows from the objective) or correct it',
    );
  } else if (named.length === 0) {
    context.reportUnknown(context.objectives, 'objective', action.entry, ['objective'], reference);
  }
}

function linkAction(context: GraphContext, action: ActionNode): void {
  const data = action.entry.data;
  if (!data.objective && !data.priority) {
    context.report(
      action.entry,
      [],
      'this action belongs to nothing: it names neither an objective nor a priority',
      'add objective: (or, in a plan without objectives, priority:) with the id of the item it delivers',
    );
  }
  const priority = data.priority ? findPriority(context, action.entry, ['priority'], data.priority) : undefined;
  if (data.objective) linkObjectiveOf(context, action, priority);
  else if (priority) {
    action.priority = priority;
    priority.directActions.push(action);
  }
  action.plan = action.priority?.plan;
  action.part = action.priority?.part;
}

export function linkActions(context: GraphContext): void {
  for (const action of GraphContext.all(context.actions)) {
    linkAction(context, action);
    labelItem(action);
    linkItemReferences(context, action);
    action.partnership.actions.push(action);
  }
}
