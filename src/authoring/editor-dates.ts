/**
 * Dates within the plan, checked before a save. A plan item's due date and its progress updates'
 * dates fall within its plan's period, by the check's own rule and bounds (periodBounds and
 * dateInPeriod in src/model/years.ts, which the check applies to a measure's targets). The range
 * each plan, priority and objective allows is worked out once here, from the content as the check
 * links it (which plan each priority and objective belongs to), and goes into the editor's
 * configuration on the pickers' choices: the form shows it as the fields' hint and min/max, asks
 * the server before saving, and the server refuses the same dates when they are sent to it directly.
 */
import { isDeepStrictEqual } from 'node:util';
import { formatDate } from '../../schemas/values/dates.ts';
import { parseDue } from '../../schemas/values/due.ts';
import type { ContentType } from '../../schemas/index.ts';
import type { PlanIndex, PlanNode } from '../model/graph/nodes.ts';
import { dateInPeriod, periodBounds } from '../model/years.ts';
import type { Choice, EditorField, PlanRange } from './editor-fields.ts';

/** A date the editor will not save, with what was given and what is allowed, for the field it is in. */
export interface DateProblem {
  field: string;
  message: string;
}

/** The levels of a plan, whose due date and progress updates fall within it. */
const planLevels: ReadonlySet<ContentType> = new Set(['priority', 'objective', 'action']);

/** The fields whose dates fall within the item's plan: its due date, and each progress update's date. */
const datedFields = ['due', 'progress'];

/** The fields of a content type whose dates must fall within its plan (none for other types). */
export function withinPlanFields(type: ContentType, fields: EditorField[]): string[] {
  return planLevels.has(type) ? datedFields.filter((name) => fields.some((field) => field.name === name)) : [];
}

/** The pickers that say which plan a file belongs to, most particular first. */
const planPickers = ['objective', 'priority', 'plan'] as const;

function rangeOfPlan(plan: PlanNode): PlanRange {
  const { starts, ends } = periodBounds(plan.entry.data.period);
  const text = ends ? `from ${formatDate(starts)} to ${formatDate(ends)}` : `from ${formatDate(starts)}`;
  return { plan: plan.entry.data.title, starts, ends, text };
}

/** The range each of a partnership's plans, priorities and objectives allows, keyed "type:id". */
export function planRanges(index: PlanIndex, partnership: string): Map<string, PlanRange> {
  const node = index.partnership(partnership);
  const ranges = new Map<string, PlanRange>();
  if (!node) return ranges;
  for (const plan of node.plans) if (plan.partnership === node) ranges.set(`plan:${plan.id}`, rangeOfPlan(plan));
  for (const item of [...node.priorities, ...node.objectives]) if (item.plan) ranges.set(`${item.kind}:${item.id}`, rangeOfPlan(item.plan));
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

/** The range a file's dates must fall within: that of the objective, priority or plan it names. */
export function rangeOf(fields: EditorField[], data: Record<string, unknown>): PlanRange | undefined {
  for (const name of planPickers) {
    const picker = fields.find((field) => field.name === name && field.widget === 'relation');
    const chosen = picker?.options?.find((option) => option.value === data[name]);
    if (chosen?.range) return chosen.range;
  }
  return undefined;
}

/** "after the plan "Business Plan 2020-23" ends", or "before ... starts". */
function whereOutside(date: string, range: PlanRange): string {
  return date < range.starts ? `before the plan "${range.plan}" starts` : `after the plan "${range.plan}" ends`;
}

function dueProblem(due: unknown, range: PlanRange): DateProblem[] {
  const parsed = typeof due === 'string' ? parseDue(due) : undefined;
  // A due date that is not one (its form is the schema's to report), or ongoing work, has no day to compare.
  if (!parsed?.by || dateInPeriod(parsed.by, range)) return [];
  const given = parsed.kind === 'date' ? `"${parsed.written}"` : `"${parsed.written}" (${formatDate(parsed.by)})`;
  return [
    {
      field: 'due',
      message: `The due date ${given} is ${whereOutside(parsed.by, range)}. Give a date ${range.text}.`,
    },
  ];
}

function updateProblems(updates: unknown, earlier: unknown, range: PlanRange): DateProblem[] {
  if (!Array.isArray(updates)) return [];
  const before = Array.isArray(earlier) ? earlier : [];
  // Only the updates this save adds or changes: one already in the file is not this save's to refuse.
  const added = updates.filter((update) => !before.some((old) => isDeepStrictEqual(old, update)));
  return added
    .map((update) => (update as Record<string, unknown> | null)?.date)
    .filter((date): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !dateInPeriod(date, range))
    .map((date) => ({
      field: 'progress',
      message: `The progress update dated ${formatDate(date)} (${date}) is ${whereOutside(date, range)}. Give a date ${range.text}.`,
    }));
}

/**
 * The dates a save would write outside the file's plan: its due date, when the save changes it or
 * the plan it is in, and the progress updates it adds. What the file already says is the check's to report.
 */
export function datesOutsidePlan(
  type: ContentType,
  fields: EditorField[],
  changes: Record<string, unknown>,
  before: Record<string, unknown> = {},
): DateProblem[] {
  const dated = withinPlanFields(type, fields);
  const after = { ...before, ...changes };
  const range = dated.length > 0 ? rangeOf(fields, after) : undefined;
  if (!range) return [];
  // A due date kept as it was is checked again when the file moves to another plan.
  const dueChanged = 'due' in changes || planPickers.some((name) => name in changes);
  return [
    ...(dated.includes('due') && dueChanged ? dueProblem(after.due, range) : []),
    ...(dated.includes('progress') && 'progress' in changes ? updateProblems(changes.progress, before.progress, range) : []),
  ];
}
