/**
 * Dates outside their plan: a priority's, objective's or action's due date, or one of its progress
 * updates, that falls before its plan starts or after it ends. A warning, not an error: real plans
 * have work that runs on past the plan's end (an extended plan, a part whose heading and column
 * disagree), so such a date is worth a question, not a refusal. The one rule for "within the plan"
 * is dateInPeriod (years.ts); the one set of words is outsidePlanWords. `npm run check` prints
 * these warnings, and the local editor shows the same ones before a save (src/authoring/editor-store.ts).
 */
import { formatDate } from '../../schemas/values/dates.ts';
import type { Due } from '../../schemas/values/due.ts';
import type { ItemNode, PlanIndex, PlanNode } from './graph/nodes.ts';
import { locateField } from './locate.ts';
import type { Problem } from './problems.ts';
import { fieldPath } from './validate.ts';
import { dateInPeriod, periodBounds } from './years.ts';

/** The days a plan runs, and those days in words. */
export interface PlanRange {
  /** The plan's title. */
  plan: string;
  starts: string;
  /** None for an open-ended plan. */
  ends?: string;
  /** In words: "from 1 April 2020 to 31 March 2023", or "from 1 April 2024" for an open-ended plan. */
  text: string;
  /** The sentence both editors show beside a date: 'The plan "Business Plan 2020-23" runs from 1 April 2020 to 31 March 2023.' */
  sentence: string;
}

export function planRange(plan: PlanNode): PlanRange {
  const { starts, ends } = periodBounds(plan.entry.data.period);
  const text = ends ? `from ${formatDate(starts)} to ${formatDate(ends)}` : `from ${formatDate(starts)}`;
  const title = plan.entry.data.title;
  return { plan: title, starts, ends, text, sentence: `The plan "${title}" runs ${text}.` };
}

/**
 * What is said of a date outside its plan, in the check and in the editor alike: `given` names
 * the date as the author wrote it ('the due date "Q1 2023-24" (30 June 2023)'), `date` is the day it
 * stands for.
 */
export function outsidePlanWords(given: string, date: string, range: PlanRange): { message: string; hint: string } {
  const where = date < range.starts ? `before the plan "${range.plan}" starts` : `after the plan "${range.plan}" ends`;
  return {
    message: `${given} is ${where}: the plan runs ${range.text}`,
    hint: 'check the date; if the work really does run outside the plan, leave it (this is a warning, not an error), or move the item to the plan it belongs to',
  };
}

/** A date outside the plan, at the field it is written in. */
interface OutsideDate {
  path: Array<string | number>;
  given: string;
  date: string;
}

/** The due date, unless it is ongoing work or falls within the plan. */
function dueOutside(due: Due | undefined, range: PlanRange): OutsideDate[] {
  if (!due?.by || dateInPeriod(due.by, range)) return [];
  const given = due.kind === 'date' ? `the due date "${due.written}"` : `the due date "${due.written}" (${formatDate(due.by)})`;
  return [{ path: ['due'], given, date: due.by }];
}

/** Each progress update dated before the plan starts or after it ends. */
function updatesOutside(progress: ReadonlyArray<{ date: string }>, range: PlanRange): OutsideDate[] {
  return progress.flatMap((update, index) =>
    dateInPeriod(update.date, range)
      ? []
      : [{ path: ['progress', index, 'date'], given: `the progress update dated ${formatDate(update.date)}`, date: update.date }],
  );
}

function itemWarnings(item: ItemNode, plan: PlanNode): Problem[] {
  const range = planRange(plan);
  const lines = item.entry.frontmatterLines;
  return [...dueOutside(item.entry.data.due, range), ...updatesOutside(item.entry.data.progress, range)].map(({ path, given, date }) => {
    const index = lines ? locateField(lines, path) : undefined;
    return {
      severity: 'warning',
      file: item.entry.file,
      line: index === undefined ? undefined : index + 2,
      field: fieldPath(path),
      ...outsidePlanWords(given, date, range),
    };
  });
}

/**
 * Every due date and progress update outside its plan, of every priority, objective and action
 * in a plan, as the partnerships' own folders hold them (so a shared plan's items are told once).
 */
export function planDateWarnings(index: PlanIndex): Problem[] {
  return index.partnerships.flatMap((partnership) =>
    [...partnership.priorities, ...partnership.objectives, ...partnership.actions].flatMap((item) =>
      item.plan ? itemWarnings(item, item.plan) : [],
    ),
  );
}
