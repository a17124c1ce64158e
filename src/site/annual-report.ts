/**
 * What a year's annual progress report shows, laid out from the resolved plan's facts: its
 * sections (a priority with work, a statement or measures that year), each section's tables of
 * actions, and which columns a table needs. "Say it once": a column every row would leave empty
 * is dropped, and what nothing in the year reports is said once, at the top.
 */
import type { ActionNode, ObjectiveNode, PlanNode, PriorityNode, YearNode, YearStatusFact } from '../model/graph/nodes.ts';
import { statusAtEndOf } from '../model/resolve/year-status.ts';
import { formatDate } from './wording.ts';

/** "at the end of 2021-22", or, while the year runs, "on 30 June 2023": the day its facts are judged as of. */
export function yearAsOfWords(year: YearNode): string {
  return year.facts.ended ? `at the end of ${year.id}` : `on ${formatDate(year.facts.judgedOn)}`;
}

export interface ReportColumns {
  status: boolean;
  leadAndGroup: boolean;
  due: boolean;
  update: boolean;
}

export interface ReportTable {
  /** The objective the actions deliver; none for a priority's own actions. */
  objective?: ObjectiveNode;
  actions: ActionNode[];
  columns: ReportColumns;
}

export interface ReportSection {
  priority: PriorityNode;
  /** Its status at the end of the year. */
  status: YearStatusFact;
  /** Its actions planned for the year. */
  actions: ActionNode[];
  statement?: string;
  tables: ReportTable[];
  /** Measures evidence its work. */
  evidenced: boolean;
}

/** One plan's part of a year's report: the site's own plan, or one it shares, with whom. */
export interface ReportPlan {
  plan: PlanNode;
  /** The other partnerships and bodies that own it, when the site shares it. */
  sharedWith: string[];
  /** Every priority of the plan, with its status and actions that year, for the summary table. */
  rows: ReportSection[];
  /** The priorities with something to report that year: actions, a statement or measures. */
  sections: ReportSection[];
}

export interface ReportLayout {
  year: YearNode;
  /** The plans that run in the year, the site's own first, then those it shares. */
  plans: ReportPlan[];
  /** Some action or priority reports a status at the year's end. */
  reported: boolean;
  /** Some priority or action of the year has a rating by then. */
  rated: boolean;
  /** The priorities with actions planned for the year. */
  withActions: PriorityNode[];
  /** What no action of the year has, said once: "a status at the end of the year", "a due date"... */
  missing: string[];
}

const inYear = (year: YearNode) => (action: ActionNode) => action.years.includes(year);

function columnsOf(actions: readonly ActionNode[], year: YearNode): ReportColumns {
  return {
    status: actions.some((a) => {
      const atEnd = statusAtEndOf(a, year);
      return atEnd.status || atEnd.rating || atEnd.overdue || atEnd.stale;
    }),
    leadAndGroup: actions.some((a) => a.facts.lead.names.length > 0 || a.facts.accountable.groups.length > 0),
    due: actions.some((a) => a.entry.data.due),
    update: actions.some((a) => statusAtEndOf(a, year).latestUpdate),
  };
}

function tablesOf(priority: PriorityNode, year: YearNode): ReportTable[] {
  const parts = [
    ...priority.objectives.map((objective) => ({ objective, actions: objective.actions.filter(inYear(year)) })),
    { objective: undefined, actions: priority.directActions.filter(inYear(year)) },
  ];
  return parts.filter((p) => p.actions.length > 0).map((p) => ({ ...p, columns: columnsOf(p.actions, year) }));
}

function sectionOf(priority: PriorityNode, year: YearNode): ReportSection {
  return {
    priority,
    status: statusAtEndOf(priority, year),
    actions: priority.actions.filter(inYear(year)),
    statement: year.statements.find((s) => s.priority === priority)?.text,
    tables: tablesOf(priority, year),
    evidenced: priority.facts.measures.length > 0,
  };
}

function planPart(plan: PlanNode, year: YearNode): ReportPlan {
  const rows = plan.priorities.map((priority) => sectionOf(priority, year));
  const site = year.partnership.id;
  const sharedWith = plan.owners.filter((o) => o.id !== site).map((o) => o.entry.data.name);
  return { plan, sharedWith, rows, sections: rows.filter((row) => row.actions.length > 0 || row.statement || row.evidenced) };
}

export function reportLayout(year: YearNode): ReportLayout {
  const plans = year.plans.map((plan) => planPart(plan, year));
  const rows = plans.flatMap((p) => p.rows);
  const actions = year.facts.actions;
  const all = columnsOf(actions, year);
  const statuses = year.plans.some((p) => p.facts.reportsStatuses);
  const missing = [
    !all.status && statuses && 'a status at the end of the year',
    !all.leadAndGroup && 'a lead or a group responsible',
    !all.due && 'a due date',
    !all.update && 'a progress update',
  ].filter((text): text is string => typeof text === 'string');
  return {
    year,
    plans,
    reported: year.facts.reported > 0 || rows.some((row) => row.status.status),
    rated: [...actions, ...rows.map((r) => r.priority)].some((item) => statusAtEndOf(item, year).rating),
    withActions: rows.filter((row) => row.actions.length > 0).map((row) => row.priority),
    missing: actions.length > 0 ? missing : [],
  };
}

/** One written section of the report, or the one the plan's own facts fill (little or no progress). */
export interface NarrativeSection {
  id: string;
  heading: string;
  /** The partnership's Markdown; empty for a section only the plan's facts fill. */
  text: string;
  /** It carries the plan's own analysis of little or no progress. */
  littleProgress: boolean;
  /** It carries the record built from the review files (year.facts.reviews). */
  reviews: boolean;
}

/**
 * The report's written sections in order: the guidance's, as written, then the partnership's
 * own. The section on little or no progress is there even when not written, when the year has
 * work or measures to judge: the plan's facts fill it.
 */
export function narrativeSections(year: YearNode): NarrativeSection[] {
  const { required, own } = year.facts.report;
  const judged = year.facts.littleProgress.judged;
  const guidance = required
    .filter((r) => r.written || r.fromReviews || (r.section.id === 'little-progress' && judged))
    .map((r) => ({
      id: `section-${r.section.id}`,
      heading: r.section.heading,
      text: r.written?.text ?? '',
      littleProgress: r.section.id === 'little-progress',
      reviews: r.fromReviews === true,
    }));
  const owned = own.map((s, i) => ({ id: `own-${i + 1}`, heading: s.heading, text: s.text, littleProgress: false, reviews: false }));
  return [...guidance, ...owned];
}
