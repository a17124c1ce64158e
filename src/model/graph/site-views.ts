/**
 * What each site shows. A body's site shows every plan it owns or shares, whoever's folder holds
 * it, with everything under those plans, the groups and strands they name, and the body's own
 * groups. On each site every node belongs to that site (its links stay on it, under its name and
 * colour): nodes are copied per site, their references pointed at the copies, and lists cut to
 * what the site shows. The graph in the folders (build-graph.ts) stays as the check built it.
 */
import type {
  ActionNode,
  AnyNode,
  GroupNode,
  ItemNode,
  MeasureNode,
  ObjectiveNode,
  PartNode,
  PartnershipNode,
  PlanNode,
  PriorityNode,
  RecommendationNode,
  ReviewNode,
  StrandNode,
  YearFacts,
  YearNode,
} from './nodes.ts';
import { periodBounds } from '../years.ts';
import { byOrder, byPeriodEnd, planOrdering, sortMeasures } from './order.ts';
import { unresolved } from './unresolved.ts';

export function siteViews(bodies: readonly PartnershipNode[], today: string): PartnershipNode[] {
  return bodies.filter((body) => body.hasSite).map((body) => viewOf(body, bodies, today));
}

type Viewed = Exclude<AnyNode, PartnershipNode> | PartNode;

/**
 * The plans a site shows, every plan it owns or shares: those still running before those that
 * have ended, and among them its own (in its own folder) before those it shares, each by when it
 * ends, latest first. The first is the plan its home page leads with.
 */
function plansOf(site: PartnershipNode, bodies: readonly PartnershipNode[], today: string): PlanNode[] {
  const ended = (plan: PlanNode) => {
    const ends = periodBounds(plan.entry.data.period).ends;
    return ends !== undefined && ends < today ? 1 : 0;
  };
  const shared = (plan: PlanNode) => (plan.partnership === site ? 0 : 1);
  return bodies
    .flatMap((b) => b.plans)
    .filter((plan) => plan.owners.includes(site))
    .sort((a, b) => ended(a) - ended(b) || shared(a) - shared(b) || byPeriodEnd(a, b));
}

/** What a site shows, in the folders' graph: its plans with everything under them, the groups and strands they name, its own. */
function shownOn(site: PartnershipNode, plans: readonly PlanNode[]): Set<Viewed> {
  const shown = new Set<Viewed>();
  const show = (node: Viewed) => shown.add(node);
  const items: ItemNode[] = [];
  for (const plan of plans) {
    show(plan);
    plan.parts.forEach(show);
    plan.measures.forEach(show);
    for (const priority of plan.priorities) items.push(priority, ...priority.objectives, ...priority.actions);
  }
  items.forEach(show);
  // The site's own strands first, in the order its partnership.md declares them (the order its
  // strand headings and Strands page follow), then any other body's its items are tagged with.
  site.strands.forEach(show);
  const groups = new Set<GroupNode>(site.groups);
  for (const item of items) {
    item.groups.forEach((g) => groups.add(g));
    item.strands.forEach(show);
  }
  // A group's place in the tree needs the groups above it.
  for (const group of [...groups]) for (let at = group.parent; at; at = at.parent) groups.add(at);
  groups.forEach(show);
  return shown;
}

/** The shown nodes copied onto one site, with every reference pointed at the copies and lists cut to what is shown. */
class SiteCopy {
  readonly copies = new Map<Viewed, Viewed>();

  constructor(shown: Iterable<Viewed>, view: PartnershipNode) {
    // A part of a plan has no partnership of its own; everything else moves onto this site.
    for (const node of shown) this.copies.set(node, 'kind' in node ? { ...node, partnership: view } : { ...node });
    for (const [original, node] of this.copies) this.relink(original, node);
  }

  copy<N extends Viewed>(node: N): N {
    return this.copies.get(node) as N;
  }

  kept<N extends Viewed>(list: readonly N[]): N[] {
    return list.filter((n) => this.copies.has(n)).map((n) => this.copy(n));
  }

  maybe<N extends Viewed>(node: N | undefined): N | undefined {
    return node && this.copies.has(node) ? this.copy(node) : undefined;
  }

  all<N extends Viewed>(kind: string): N[] {
    return [...this.copies.values()].filter((n): n is N => 'kind' in n && n.kind === kind);
  }

  private relink(original: Viewed, node: Viewed): void {
    if (!('kind' in node)) {
      node.plan = this.copy((original as PartNode).plan);
      node.priorities = this.kept(node.priorities);
      return;
    }
    switch (node.kind) {
      case 'plan':
        Object.assign(node, {
          parts: this.kept(node.parts),
          priorities: this.kept(node.priorities),
          measures: this.kept(node.measures),
          successor: this.maybe(node.successor) ?? node.successor,
          predecessor: this.maybe(node.predecessor) ?? node.predecessor,
        });
        break;
      case 'priority':
      case 'objective':
      case 'action':
        this.relinkItem(node);
        break;
      case 'group':
        Object.assign(node, { parent: this.maybe(node.parent), children: this.kept(node.children), items: this.kept(node.items) });
        break;
      case 'strand':
        node.items = this.kept(node.items);
        break;
      case 'measure':
        node.plan = this.maybe(node.plan);
        node.evidences = node.evidences.filter((e) => this.copies.has(e.item)).map((e) => ({ ...e, item: this.copy(e.item) }));
        break;
    }
  }

  private relinkItem(node: ItemNode): void {
    node.serves = node.serves.filter((s) => this.copies.has(s.item)).map((s) => ({ ...s, item: this.copy(s.item) }));
    node.plan = this.maybe(node.plan);
    node.part = this.maybe(node.part);
    node.groups = this.kept(node.groups);
    node.strands = this.kept(node.strands);
    node.measureLinks = node.measureLinks.filter((l) => this.copies.has(l.measure)).map((l) => ({ ...l, measure: this.copy(l.measure) }));
    if (node.kind === 'priority') {
      Object.assign(node, {
        objectives: this.kept(node.objectives),
        directActions: this.kept(node.directActions),
        actions: this.kept(node.actions),
      });
    } else if (node.kind === 'objective') {
      Object.assign(node, { priority: this.maybe(node.priority), actions: this.kept(node.actions) });
    } else {
      Object.assign(node, { priority: this.maybe(node.priority), objective: this.maybe(node.objective) });
    }
  }
}

/** The year file that speaks for a period on a site: the site's own, else (content for older versions) one its plan's folder wrote for it. */
function yearFile(site: PartnershipNode, plans: readonly PlanNode[], id: string): YearNode['entry'] {
  const own = site.years.find((y) => y.id === id && y.entry)?.entry;
  if (own) return own;
  for (const plan of plans) {
    const file = plan.years.find((y) => y.id === id)?.entry;
    if (file && (file.data.plan === undefined || file.data.plan.endsWith(plan.id))) return file;
  }
  return undefined;
}

/**
 * The years a site shows: one per period its plans span, each listing the plans that run in it
 * (in the site's order), with the site's own year file where it wrote one. The copied items,
 * plans and measures are pointed at them.
 */
function siteYears(site: PartnershipNode, view: PartnershipNode, plans: readonly PlanNode[], copied: SiteCopy): YearNode[] {
  const byId = new Map<string, YearNode>();
  const yearFor = (id: string): YearNode => {
    let node = byId.get(id);
    if (!node) {
      const entry = yearFile(site, plans, id);
      node = {
        kind: 'year',
        id,
        slug: id,
        partnership: view,
        ...(entry ? { entry } : {}),
        plans: [],
        items: [],
        statements: [],
        facts: unresolved<YearFacts>('year'),
      };
      byId.set(id, node);
    }
    return node;
  };
  for (const plan of plans) {
    const viewed = copied.copy(plan);
    viewed.years = plan.years.map((y) => yearFor(y.id));
    for (const year of viewed.years) year.plans.push(viewed);
  }
  for (const item of [...copied.all<ItemNode>('priority'), ...copied.all<ItemNode>('objective'), ...copied.all<ItemNode>('action')]) {
    item.years = item.years.map((y) => yearFor(y.id));
    for (const year of item.years) year.items.push(item);
  }
  const priorities = copied.all<PriorityNode>('priority');
  for (const year of byId.values()) {
    for (const statement of year.entry?.data.statements ?? []) {
      const [home, id] = statement.priority.includes('/')
        ? statement.priority.split('/', 2)
        : [year.entry!.partnership, statement.priority];
      const priority =
        priorities.find((p) => p.id === id && p.entry.partnership === home && year.plans.includes(p.plan!)) ??
        priorities.find((p) => p.id === id && year.plans.includes(p.plan!));
      if (priority) year.statements.push({ priority, text: statement.text });
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The reviews a site shows: its own, each recommendation keeping the actions the site shows, and
 * each of those actions pointed back at the copied recommendations (none from other folders).
 */
function siteReviews(site: PartnershipNode, view: PartnershipNode, copied: SiteCopy): ReviewNode[] {
  const copyOf = new Map<RecommendationNode, RecommendationNode>();
  const reviews = site.reviews.map((original) => {
    const review: ReviewNode = { ...original, partnership: view, recommendations: [] };
    for (const recommendation of original.recommendations) {
      const copy = { ...recommendation, review, answeredBy: copied.kept(recommendation.answeredBy) };
      copyOf.set(recommendation, copy);
      review.recommendations.push(copy);
    }
    return review;
  });
  for (const action of copied.all<ActionNode>('action')) {
    action.answers = action.answers.filter((r) => copyOf.has(r)).map((r) => copyOf.get(r)!);
  }
  return reviews;
}

/** Gives every node of a site's view an address of its own on the site. */
function giveSlugs(view: PartnershipNode): void {
  const home = (node: { entry: { partnership: string } }) => node.entry.partnership;
  giveUniqueSlugs(view.plans, home);
  giveUniqueSlugs(view.priorities, home);
  giveUniqueSlugs(view.objectives, (o) => o.priority?.id ?? home(o));
  giveUniqueSlugs(view.actions, home);
  giveUniqueSlugs(view.groups, home);
  giveUniqueSlugs(view.strands, (s) => s.home);
  giveUniqueSlugs(view.measures, home);
  giveUniqueSlugs(view.reviews, home);
}

function viewOf(site: PartnershipNode, bodies: readonly PartnershipNode[], today: string): PartnershipNode {
  const plans = plansOf(site, bodies, today);
  const view: PartnershipNode = { ...site };
  const copied = new SiteCopy(shownOn(site, plans), view);
  const viewedPlans = plans.map((plan) => copied.copy(plan));
  const inPlanOrder = planOrdering(viewedPlans.flatMap((plan) => plan.priorities));
  Object.assign(view, {
    plans: viewedPlans,
    currentPlan: viewedPlans[0],
    priorities: viewedPlans.flatMap((plan) => plan.priorities),
    objectives: copied.all<ObjectiveNode>('objective').sort(inPlanOrder),
    actions: copied.all<ActionNode>('action').sort(inPlanOrder),
    groups: copied.all<GroupNode>('group').sort(byOrder),
    years: siteYears(site, view, plans, copied),
    strands: copied.all<StrandNode>('strand'),
    measures: copied.all<MeasureNode>('measure'),
    reviews: siteReviews(site, view, copied),
  } satisfies Partial<PartnershipNode>);
  sortMeasures(view.measures, inPlanOrder);
  for (const plan of view.plans) sortMeasures(plan.measures, inPlanOrder);
  giveSlugs(view);
  return view;
}

/**
 * Two things of one kind may share an id on one site (a shared plan's "neglect" priority beside
 * the site's own, two priorities' "prevent" objectives): each gets an address of its own, its id
 * after its priority's or its home's id. Ids unique on the site keep their plain address.
 */
function giveUniqueSlugs<N extends { id: string; slug: string }>(nodes: readonly N[], qualifier: (node: N) => string): void {
  const count = new Map<string, number>();
  for (const node of nodes) count.set(node.id, (count.get(node.id) ?? 0) + 1);
  const used = new Set<string>();
  for (const node of nodes) {
    let slug = count.get(node.id)! > 1 ? `${qualifier(node)}-${node.id}` : node.id;
    for (let n = 2; used.has(slug); n += 1) slug = `${qualifier(node)}-${node.id}-${n}`;
    used.add(slug);
    node.slug = slug;
  }
}
