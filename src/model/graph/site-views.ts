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
  StrandNode,
  YearNode,
} from './nodes.ts';
import { byOrder, byPeriodEnd, planOrdering, sortMeasures } from './order.ts';

export function siteViews(bodies: readonly PartnershipNode[]): PartnershipNode[] {
  return bodies.filter((body) => body.hasSite).map((body) => viewOf(body, bodies));
}

type Viewed = Exclude<AnyNode, PartnershipNode> | PartNode;

function viewOf(site: PartnershipNode, bodies: readonly PartnershipNode[]): PartnershipNode {
  const plans = bodies
    .flatMap((b) => b.plans)
    .filter((plan) => plan.owners.includes(site))
    .sort(byPeriodEnd);

  // What the site shows, in the folders' graph.
  const shown = new Set<Viewed>();
  const show = (node: Viewed) => shown.add(node);
  const items: ItemNode[] = [];
  for (const plan of plans) {
    show(plan);
    plan.parts.forEach(show);
    plan.years.forEach(show);
    plan.measures.forEach(show);
    for (const priority of plan.priorities) {
      items.push(priority, ...priority.objectives, ...priority.actions);
    }
  }
  items.forEach(show);
  const groups = new Set<GroupNode>(site.groups);
  for (const item of items) {
    item.groups.forEach((g) => groups.add(g));
    item.strands.forEach(show);
  }
  site.strands.forEach(show);
  // A group's place in the tree needs the groups above it.
  for (const group of [...groups]) for (let at = group.parent; at; at = at.parent) groups.add(at);
  groups.forEach(show);

  // Copy each, then point every reference at the copies and cut lists to what is shown.
  const view: PartnershipNode = { ...site };
  const copies = new Map<Viewed, Viewed>();
  // A part of a plan has no partnership of its own; everything else moves onto this site.
  for (const node of shown) copies.set(node, 'kind' in node ? { ...node, partnership: view } : { ...node });
  const copy = <N extends Viewed>(node: N): N => copies.get(node) as N;
  const kept = <N extends Viewed>(list: readonly N[]): N[] => list.filter((n) => copies.has(n)).map(copy);
  const maybe = <N extends Viewed>(node: N | undefined): N | undefined => (node && copies.has(node) ? copy(node) : undefined);

  for (const [original, node] of copies) {
    if (!('kind' in node)) {
      const part = node;
      part.plan = copy((original as PartNode).plan);
      part.priorities = kept(part.priorities);
      continue;
    }
    switch (node.kind) {
      case 'plan':
        node.parts = kept(node.parts);
        node.priorities = kept(node.priorities);
        node.years = kept(node.years);
        node.measures = kept(node.measures);
        node.successor = maybe(node.successor) ?? node.successor;
        node.predecessor = maybe(node.predecessor) ?? node.predecessor;
        break;
      case 'priority':
        copyItem(node);
        node.objectives = kept(node.objectives);
        node.directActions = kept(node.directActions);
        node.actions = kept(node.actions);
        break;
      case 'objective':
        copyItem(node);
        node.priority = maybe(node.priority);
        node.actions = kept(node.actions);
        break;
      case 'action':
        copyItem(node);
        node.priority = maybe(node.priority);
        node.objective = maybe(node.objective);
        break;
      case 'group':
        node.parent = maybe(node.parent);
        node.children = kept(node.children);
        node.items = kept(node.items);
        break;
      case 'year':
        node.plan = maybe(node.plan);
        node.items = kept(node.items);
        node.statements = node.statements.filter((s) => copies.has(s.priority)).map((s) => ({ ...s, priority: copy(s.priority) }));
        break;
      case 'strand':
        node.items = kept(node.items);
        break;
      case 'measure':
        node.plan = maybe(node.plan);
        node.evidences = node.evidences.filter((e) => copies.has(e.item)).map((e) => ({ ...e, item: copy(e.item) }));
        break;
    }
  }
  function copyItem(node: ItemNode) {
    node.plan = maybe(node.plan);
    node.part = maybe(node.part);
    node.groups = kept(node.groups);
    node.years = kept(node.years);
    node.strands = kept(node.strands);
    node.measureLinks = node.measureLinks.filter((l) => copies.has(l.measure)).map((l) => ({ ...l, measure: copy(l.measure) }));
  }

  const viewedPlans = plans.map(copy);
  const inPlanOrder = planOrdering(viewedPlans.flatMap((plan) => plan.priorities));
  const all = <N extends Viewed>(kind: string) => [...copies.values()].filter((n): n is N => 'kind' in n && n.kind === kind);
  Object.assign(view, {
    plans: viewedPlans,
    currentPlan: viewedPlans[0],
    priorities: viewedPlans.flatMap((plan) => plan.priorities),
    objectives: all<ObjectiveNode>('objective').sort(inPlanOrder),
    actions: all<ActionNode>('action').sort(inPlanOrder),
    groups: all<GroupNode>('group').sort(byOrder),
    years: all<YearNode>('year').sort((a, b) => a.id.localeCompare(b.id)),
    strands: all<StrandNode>('strand'),
    measures: all<MeasureNode>('measure'),
  } satisfies Partial<PartnershipNode>);
  const home = (node: { entry: { partnership: string } }) => node.entry.partnership;
  giveUniqueSlugs(view.plans, home);
  giveUniqueSlugs(view.priorities, home);
  giveUniqueSlugs(view.objectives, (o) => o.priority?.id ?? home(o));
  giveUniqueSlugs(view.actions, home);
  giveUniqueSlugs(view.groups, home);
  giveUniqueSlugs(view.years, home);
  giveUniqueSlugs(view.strands, (s) => s.home);
  sortMeasures(view.measures, inPlanOrder);
  for (const plan of view.plans) sortMeasures(plan.measures, inPlanOrder);
  giveUniqueSlugs(view.measures, home);
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
