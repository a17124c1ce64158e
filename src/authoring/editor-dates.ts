/**
 * The days each plan runs, for the form's hints. A plan item's due date and its progress updates'
 * dates should fall within its plan's period; whether one does is the check's warning alone
 * (src/model/plan-dates.ts), which the page asks the server for before saving. What is worked out
 * here is only the range each plan, priority and objective allows, from the content as the check
 * links it, put on the pickers' choices so the form can show it beside the dates as a hint.
 */
import type { ContentType } from '../../schemas/index.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { planRange, type PlanRange } from '../model/plan-dates.ts';
import type { Choice, EditorField } from './editor-fields.ts';

/** The levels of a plan, whose due date and progress updates fall within it. */
const planLevels: ReadonlySet<ContentType> = new Set(['priority', 'objective', 'action']);

/** The dates that fall within the item's plan, by path: its due date, and each progress update's date. */
const datedFields = ['due', 'progress.date'];

/**
 * The paths of a content type's dates that should fall within its plan (none for other types):
 * a field's name, or a list's name and its entries' field, as both forms look them up.
 */
export function withinPlanFields(type: ContentType, fields: EditorField[]): string[] {
  return planLevels.has(type) ? datedFields.filter((path) => fields.some((field) => field.name === path.split('.')[0])) : [];
}

/** The pickers that say which plan a file belongs to. */
const planPickers = ['objective', 'priority', 'plan'] as const;

/** The range each of a partnership's plans, priorities and objectives allows, keyed "type:id". */
export function planRanges(index: PlanIndex, partnership: string): Map<string, PlanRange> {
  const node = index.partnership(partnership);
  const ranges = new Map<string, PlanRange>();
  if (!node) return ranges;
  for (const plan of node.plans) if (plan.partnership === node) ranges.set(`plan:${plan.id}`, planRange(plan));
  for (const item of [...node.priorities, ...node.objectives]) if (item.plan) ranges.set(`${item.kind}:${item.id}`, planRange(item.plan));
  return ranges;
}

/** The pickers' choices with the range of the plan each plan, priority and objective is in. */
export function withRanges(files: Partial<Record<string, Choice[]>>, ranges: Map<string, PlanRange>): void {
  for (const type of planPickers) {
    for (const choice of files[type] ?? []) {
      const range = ranges.get(`${type}:${choice.value}`);
      if (range) choice.range = range;
    }
  }
}
