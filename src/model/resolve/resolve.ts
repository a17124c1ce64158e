/**
 * Stage 4, resolve: every fact the sites, the open data and the report state, worked out once
 * per node from the linked graph, by one small resolver per concern, and frozen. Views read
 * `node.facts` and never work a fact out again, so no two of them can disagree.
 *
 * Facts are worked out for the graph in the folders (which the check's warnings read) and for
 * each site's view of it (which the pages read), by the same resolvers.
 */
import type { ActionNode, ItemNode, MeasureNode, PartnershipNode, PlanIndex, YearFacts } from '../graph/nodes.ts';
import { accountabilityOf, answeredFor, leadsOf } from './accountability.ts';
import { measureFacts } from './measure-facts.ts';
import { isOverdue } from './overdue.ts';
import { outcomesOf, servedBy } from './outcomes.ts';
import { progressOf } from './progress.ts';
import { ratingOf } from './rating.ts';
import { defaultStaleMonths, staleness } from './staleness.ts';
import { aboveStatus, actionStatus } from './status.ts';
import { actionYears, itemYears } from './year-status.ts';
import { planFacts, yearFacts } from './plan-facts.ts';
import { littleProgress } from './little-progress.ts';
import { recommendationFacts, reviewsInYear } from './reviews.ts';

export interface ResolveOptions {
  /** The day the facts are judged as of (the build date), YYYY-MM-DD. */
  today: string;
}

const freeze = <T extends object>(facts: T): T => Object.freeze(facts);

/** What every resolver of a set of nodes shares: the day, and who serves which outcome. */
interface Resolving extends ResolveOptions {
  served: ReturnType<typeof servedBy>;
}

/** A field only where it has a value, so frozen facts hold no `undefined` keys. */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The measures an item's work is judged by: those it and every item beneath it cite, each once. */
function measuresOf(item: ItemNode): MeasureNode[] {
  const items: ItemNode[] =
    item.kind === 'action' ? [item] : item.kind === 'priority' ? [item, ...item.objectives, ...item.actions] : [item, ...item.actions];
  return [...new Set(items.flatMap((i) => i.measureLinks.map((link) => link.measure)))];
}

function resolveAction(action: ActionNode, options: Resolving): void {
  const status = actionStatus(action);
  const months = action.partnership.entry.data.staleAfterMonths ?? defaultStaleMonths;
  const due = action.entry.data.due;
  action.facts = freeze({
    status,
    ...optional('rating', ratingOf(action)),
    years: actionYears(action, options.today),
    accountable: accountabilityOf(action),
    lead: leadsOf(action),
    progress: progressOf(action),
    ...(due ? { due } : {}),
    overdue: isOverdue(due, status.status, options.today),
    staleness: staleness(action, status, options.today, months),
    measures: measuresOf(action),
    outcomes: outcomesOf(action, options.served),
  });
}

/** A priority or objective: its actions' facts must be worked out first. */
function resolveAbove(item: Exclude<ItemNode, ActionNode>, options: Resolving): void {
  const status = aboveStatus(
    item.entry.data.status,
    item.entry.data.progress,
    item.actions.map((a) => a.facts.status),
  );
  const due = item.entry.data.due;
  item.facts = freeze({
    status,
    ...optional('rating', ratingOf(item)),
    years: itemYears(item, options.today),
    accountable: accountabilityOf(item),
    lead: leadsOf(item),
    progress: progressOf(item),
    ...(due ? { due } : {}),
    overdue: isOverdue(due, status.status, options.today),
    measures: measuresOf(item),
    outcomes: outcomesOf(item, options.served),
  });
}

/** Every priority, objective and action of the plans the bodies hold, in plan order. */
function inPlanOrder(bodies: readonly PartnershipNode[]): ItemNode[] {
  const plans = [...new Set(bodies.flatMap((b) => b.plans))];
  return plans.flatMap((plan) =>
    plan.priorities.flatMap((p) => [p, ...p.objectives.flatMap((o) => [o, ...o.actions]), ...p.directActions]),
  );
}

/** Works out the facts of a set of nodes that holds every action beneath its priorities and objectives. */
function resolveNodes(bodies: readonly PartnershipNode[], options: ResolveOptions): void {
  const all = <N>(pick: (p: PartnershipNode) => readonly N[]) => bodies.flatMap(pick);
  const items = inPlanOrder(bodies);
  const resolving: Resolving = { ...options, served: servedBy(items) };
  for (const action of all((p) => p.actions)) resolveAction(action, resolving);
  for (const item of [...all((p) => p.objectives), ...all((p) => p.priorities)]) resolveAbove(item, resolving);
  for (const plan of all((p) => p.plans)) plan.facts = freeze(planFacts(plan, options.today));
  for (const group of all((p) => p.groups)) group.facts = freeze({ answersFor: answeredFor(group, items) });
  for (const year of all((p) => p.years)) year.facts = freeze(yearFacts(year, options.today)) as YearFacts;
  for (const measure of all((p) => p.measures)) measure.facts = freeze(measureFacts(measure, options.today));
  for (const recommendation of all((p) => p.reviews.flatMap((r) => r.recommendations))) {
    recommendation.facts = freeze(recommendationFacts(recommendation));
  }
  // Last: it reads the measures' facts as well as the actions'.
  for (const year of all((p) => p.years))
    year.facts = freeze({
      ...year.facts,
      littleProgress: littleProgress(year),
      reviews: reviewsInYear(year, options.today),
    });
}

/**
 * Works out the facts of the graph in the folders (all at once: a shared plan's actions may be
 * in another folder than its priorities) and of every site's view of it (each whole in itself).
 */
export function resolveIndex(index: PlanIndex, options: ResolveOptions): PlanIndex {
  resolveNodes(index.partnerships, options);
  for (const site of index.sites) resolveNodes([site], options);
  return index;
}
