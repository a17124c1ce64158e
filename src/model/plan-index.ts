/**
 * Stage 3, index: resolve every reference once into a graph of partnerships, plans, levels,
 * groups and years, with links both ways. Every page reads this graph, and the validator
 * reports every reference this resolver cannot follow, so a link the site renders is a link
 * the check has proved.
 */
import type { PlanPart } from '../../schemas/index.ts';
import type { AnyEntry, Entry } from './entries.ts';
import { levelName, type Level, type LevelName } from './labels.ts';
import { locateField } from './locate.ts';
import type { Problem } from './problems.ts';
import { didYouMean, Suggester } from './suggest.ts';
import { yearInPeriod, yearsInPeriod } from './years.ts';

export interface JointPartner {
  id: string;
  name: string;
  shortName?: string;
  url?: string;
  /** Set when the joint partnership has its own site built from the same content. */
  site?: PartnershipNode;
}

export interface PartnershipNode {
  kind: 'partnership';
  id: string;
  entry: Entry<'partnership'>;
  plans: PlanNode[];
  /** The plan the home page shows: the one whose period ends last. */
  currentPlan?: PlanNode;
  groups: GroupNode[];
  years: YearNode[];
  priorities: PriorityNode[];
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  jointWith: JointPartner[];
}

export interface PartNode {
  id: string;
  part: PlanPart;
  plan: PlanNode;
  priorities: PriorityNode[];
  labels: Record<Level, LevelName>;
}

export interface PlanNode {
  kind: 'plan';
  id: string;
  entry: Entry<'plan'>;
  partnership: PartnershipNode;
  parts: PartNode[];
  priorities: PriorityNode[];
  /** Every reporting year the period spans, with a file or not, in order. */
  yearIds: string[];
  years: YearNode[];
}

interface ItemBase<L extends Level> {
  kind: L;
  id: string;
  entry: Entry<L>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  part?: PartNode;
  groups: GroupNode[];
  years: YearNode[];
  joint: JointPartner[];
  /** Singular and plural names of this item's level, in its part's words. */
  label: LevelName;
}

export interface PriorityNode extends ItemBase<'priority'> {
  objectives: ObjectiveNode[];
  /** Actions directly under the priority (two-level plans). */
  directActions: ActionNode[];
  /** Every action under it, through objectives or directly. */
  actions: ActionNode[];
}

export interface ObjectiveNode extends ItemBase<'objective'> {
  priority?: PriorityNode;
  actions: ActionNode[];
}

export interface ActionNode extends ItemBase<'action'> {
  priority?: PriorityNode;
  objective?: ObjectiveNode;
}

export type ItemNode = PriorityNode | ObjectiveNode | ActionNode;

export interface GroupNode {
  kind: 'group';
  id: string;
  entry: Entry<'group'>;
  partnership: PartnershipNode;
  parent?: GroupNode;
  children: GroupNode[];
  /** Every priority, objective and action that names this group. */
  items: ItemNode[];
  joint: JointPartner[];
}

export interface YearNode {
  kind: 'year';
  id: string;
  entry: Entry<'year'>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  /** Every priority, objective and action that names this year. */
  items: ItemNode[];
}

export type AnyNode = PartnershipNode | PlanNode | ItemNode | GroupNode | YearNode;

export interface PlanIndex {
  partnerships: PartnershipNode[];
  partnership(id: string): PartnershipNode | undefined;
}

const byOrder = <T extends { entry: { data: { order?: number; title?: string; name?: string } } }>(a: T, b: T) =>
  (a.entry.data.order ?? Infinity) - (b.entry.data.order ?? Infinity) ||
  String(a.entry.data.title ?? a.entry.data.name).localeCompare(String(b.entry.data.title ?? b.entry.data.name));

export interface IndexOptions {
  /**
   * Files that exist but failed their schema ("partnership/type/id"). References to them are
   * not reported as unknown: the file's own error already says what to fix.
   */
  invalid?: ReadonlySet<string>;
}

export const fileKey = (partnership: string, type: string, id: string) => `${partnership}/${type}/${id}`;

const typeOfNoun: Record<string, string> = {
  group: 'group',
  'reporting year': 'year',
  plan: 'plan',
  priority: 'priority',
  objective: 'objective',
  action: 'action',
};

/** Builds the graph and returns, beside it, every reference it could not resolve. */
export function buildIndex(entries: AnyEntry[], options: IndexOptions = {}): { index: PlanIndex; problems: Problem[] } {
  const problems: Problem[] = [];
  const invalid = options.invalid ?? new Set<string>();
  const report = (entry: AnyEntry, field: Array<string | number>, message: string, hint?: string) => {
    const line = entry.frontmatterLines ? locateField(entry.frontmatterLines, field) : undefined;
    const path = field.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    problems.push({ file: entry.file, line: line === undefined ? undefined : line + 2, field: path || undefined, message, hint });
  };
  /** Where the content folder is, as messages show it ("content/"), so hints name real paths. */
  const contentPrefix = (entry: AnyEntry) => {
    const at = entry.file.lastIndexOf(`${entry.partnership}/`);
    return at === -1 ? '' : entry.file.slice(0, at);
  };

  // Duplicates first: two files with one id would make every reference to it ambiguous.
  const seen = new Map<string, AnyEntry>();
  const unique: AnyEntry[] = [];
  for (const entry of entries) {
    const key = `${entry.partnership}\u0000${entry.type}\u0000${entry.id}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: entry.file,
        message: `duplicate id "${entry.id}": ${first.file} has the same id`,
        hint: 'ids come from file names and must be unique within a partnership: rename one of the files',
      });
      continue;
    }
    seen.set(key, entry);
    unique.push(entry);
  }

  const partnerships = new Map<string, PartnershipNode>();
  for (const entry of unique) {
    if (entry.type !== 'partnership') continue;
    partnerships.set(entry.partnership, {
      kind: 'partnership',
      id: entry.partnership,
      entry,
      plans: [],
      groups: [],
      years: [],
      priorities: [],
      objectives: [],
      actions: [],
      jointWith: entry.data.jointWith.map((joint) => ({ ...joint })),
    });
  }
  for (const node of partnerships.values()) {
    for (const joint of node.jointWith) joint.site = partnerships.get(joint.id);
  }

  type Lookup<N> = Map<string, Map<string, N>>;
  const lookup = <N>(): Lookup<N> => new Map();
  const put = <N>(map: Lookup<N>, partnership: string, id: string, node: N) => {
    if (!map.has(partnership)) map.set(partnership, new Map());
    map.get(partnership)!.set(id, node);
  };
  const plans = lookup<PlanNode>();
  const years = lookup<YearNode>();
  const groups = lookup<GroupNode>();
  const priorities = lookup<PriorityNode>();
  const objectives = lookup<ObjectiveNode>();
  const actions = lookup<ActionNode>();

  const owner = (entry: AnyEntry) => partnerships.get(entry.partnership);

  for (const entry of unique) {
    const partnership = owner(entry);
    if (!partnership) continue; // reported by the loader: the folder has no partnership.md
    const base = { id: entry.id, partnership };
    switch (entry.type) {
      case 'plan': {
        const node: PlanNode = {
          ...base,
          kind: 'plan',
          entry,
          parts: [],
          priorities: [],
          yearIds: yearsInPeriod(entry.data.period),
          years: [],
        };
        const partIds = new Set<string>();
        entry.data.parts.forEach((part, index) => {
          if (partIds.has(part.id)) report(entry, ['parts', index, 'id'], `duplicate part id "${part.id}"`, 'each part needs its own id');
          partIds.add(part.id);
          node.parts.push({
            id: part.id,
            part,
            plan: node,
            priorities: [],
            labels: {
              priority: levelName('priority', part.labels, partnership.entry.data.labels),
              objective: levelName('objective', part.labels, partnership.entry.data.labels),
              action: levelName('action', part.labels, partnership.entry.data.labels),
            },
          });
        });
        put(plans, entry.partnership, entry.id, node);
        partnership.plans.push(node);
        break;
      }
      case 'year':
        put(years, entry.partnership, entry.id, { ...base, kind: 'year', entry, items: [] });
        break;
      case 'group':
        put(groups, entry.partnership, entry.id, { ...base, kind: 'group', entry, children: [], items: [], joint: [] });
        break;
      case 'priority':
        put(priorities, entry.partnership, entry.id, {
          ...base,
          kind: 'priority',
          entry,
          objectives: [],
          directActions: [],
          actions: [],
          groups: [],
          years: [],
          joint: [],
          label: levelName('priority'),
        });
        break;
      case 'objective':
        put(objectives, entry.partnership, entry.id, {
          ...base,
          kind: 'objective',
          entry,
          actions: [],
          groups: [],
          years: [],
          joint: [],
          label: levelName('objective'),
        });
        break;
      case 'action':
        put(actions, entry.partnership, entry.id, {
          ...base,
          kind: 'action',
          entry,
          groups: [],
          years: [],
          joint: [],
          label: levelName('action'),
        });
        break;
    }
  }

  // One suggester per set of ids, built the first time a reference to that set is wrong.
  const suggesters = new Map<Map<string, unknown>, Suggester>();
  const suggesterFor = (candidates: Map<string, unknown>) => {
    let suggester = suggesters.get(candidates);
    if (!suggester) suggesters.set(candidates, (suggester = new Suggester(candidates.keys())));
    return suggester;
  };

  /**
   * The one resolver. A reference is an id in the same partnership, or `partnership/id`
   * for another partnership's item, allowed only where that partnership is declared joint.
   */
  const resolve = <N extends { partnership: PartnershipNode }>(
    map: Lookup<N>,
    noun: string,
    from: AnyEntry,
    field: Array<string | number>,
    reference: string,
    joint: readonly string[] = [],
  ): N | undefined => {
    const [target, id] = reference.includes('/') ? reference.split('/', 2) : [from.partnership, reference];
    if (target !== from.partnership) {
      const declared = owner(from)?.jointWith.some((j) => j.id === target);
      if (!declared || !joint.includes(target)) {
        report(
          from,
          field,
          `${noun} "${reference}" belongs to another partnership ("${target}")`,
          declared
            ? `add "${target}" to this file's joint list to show it is joint work`
            : `declare "${target}" under jointWith in ${contentPrefix(from)}${from.partnership}/partnership.md and add it to this file's joint list, or name a ${noun} of ${from.partnership}`,
        );
        return undefined;
      }
    }
    const candidates = map.get(target);
    const found = candidates?.get(id);
    if (found) return found;
    if (invalid.has(fileKey(target, typeOfNoun[noun], id))) return undefined;
    if (noun === 'reporting year') {
      const plan = owner(from)?.plans.find((p) => p.yearIds.includes(id));
      if (plan) {
        report(
          from,
          field,
          `unknown reporting year "${id}": the plan "${plan.id}" spans it, but it has no file yet`,
          `add ${contentPrefix(from)}${target}/years/${id}.md with "plan: ${plan.id}" in its frontmatter`,
        );
        return undefined;
      }
    }
    const elsewhere = [...map.entries()].find(([p, m]) => p !== target && m.has(id))?.[0];
    const suggestion = candidates ? didYouMean(id, suggesterFor(candidates)) : undefined;
    report(
      from,
      field,
      `unknown ${noun} "${reference}"${suggestion ? `; ${suggestion}` : ''}`,
      elsewhere && target === from.partnership
        ? `"${id}" is a ${noun} of ${elsewhere}; for joint work write "${elsewhere}/${id}" and list "${elsewhere}" under joint`
        : suggestion
          ? undefined
          : `no file ${contentPrefix(from)}${target}/${pluralFolder(noun)}/${id}.md exists`,
    );
    return undefined;
  };

  const resolveJoint = (from: AnyEntry, ids: readonly string[]): JointPartner[] => {
    const partnership = owner(from);
    const list: JointPartner[] = [];
    ids.forEach((id, index) => {
      const joint = partnership?.jointWith.find((j) => j.id === id);
      if (joint) list.push(joint);
      else {
        const suggestion = didYouMean(id, partnership?.jointWith.map((j) => j.id) ?? []);
        report(
          from,
          ['joint', index],
          `unknown joint partnership "${id}"${suggestion ? `; ${suggestion}` : ''}`,
          `declare it under jointWith in ${contentPrefix(from)}${from.partnership}/partnership.md`,
        );
      }
    });
    return list;
  };

  const attachCommon = (node: ItemNode) => {
    const data = node.entry.data;
    node.joint = resolveJoint(node.entry, data.joint);
    data.groups.forEach((ref, index) => {
      const group = resolve(groups, 'group', node.entry, ['groups', index], ref, data.joint);
      if (group && !node.groups.includes(group)) {
        node.groups.push(group);
        group.items.push(node);
      }
    });
    data.years.forEach((ref, index) => {
      const year = resolve(years, 'reporting year', node.entry, ['years', index], ref);
      if (!year) return;
      const plan = node.plan;
      if (plan && year.plan && year.plan !== plan) {
        report(
          node.entry,
          ['years', index],
          `reporting year "${ref}" belongs to the plan "${year.plan.id}", not to this item's plan "${plan.id}"`,
          `use one of ${plan.yearIds.join(', ')}`,
        );
        return;
      }
      if (!node.years.includes(year)) {
        node.years.push(year);
        year.items.push(node);
      }
    });
  };

  // Years and groups first: items attach themselves to them.
  for (const [, map] of years) {
    for (const year of map.values()) {
      const plan = resolve(plans, 'plan', year.entry, ['plan'], year.entry.data.plan);
      if (plan) {
        if (!yearInPeriod(year.id, plan.entry.data.period)) {
          report(
            year.entry,
            [],
            `reporting year ${year.id} is outside its plan's period (${plan.entry.data.period})`,
            `the plan spans ${plan.yearIds.join(', ')}`,
          );
        } else {
          year.plan = plan;
          plan.years.push(year);
        }
      }
      year.partnership.years.push(year);
    }
  }
  for (const [, map] of groups) {
    for (const group of map.values()) {
      group.joint = resolveJoint(group.entry, group.entry.data.joint);
      if (group.entry.data.parent) {
        const parent = resolve(groups, 'group', group.entry, ['parent'], group.entry.data.parent, group.entry.data.joint);
        if (parent) {
          group.parent = parent;
          parent.children.push(group);
        }
      }
      group.partnership.groups.push(group);
    }
  }
  // A parent chain that loops back on itself is reported once, on the first group of the loop
  // met, and cut there; groups that merely lead into the loop keep their parents.
  const walked = new Map<GroupNode, 'walking' | 'done'>();
  for (const [, map] of groups) {
    for (const group of map.values()) {
      const trail: GroupNode[] = [];
      let at: GroupNode | undefined = group;
      while (at && !walked.has(at)) {
        walked.set(at, 'walking');
        trail.push(at);
        at = at.parent;
      }
      if (at && walked.get(at) === 'walking') {
        const loop = trail.slice(trail.indexOf(at));
        report(
          at.entry,
          ['parent'],
          loop.length === 1
            ? `the group "${at.id}" is its own parent`
            : `groups report to each other in a loop: ${[...loop, at].map((g) => g.id).join(' → ')}`,
          `a group cannot report to itself, even through others: change the parent of "${at.id}"`,
        );
        at.parent!.children.splice(at.parent!.children.indexOf(at), 1);
        at.parent = undefined;
      }
      for (const visited of trail) walked.set(visited, 'done');
    }
  }

  for (const [, map] of priorities) {
    for (const priority of map.values()) {
      const data = priority.entry.data;
      const plan = resolve(plans, 'plan', priority.entry, ['plan'], data.plan);
      if (plan) {
        priority.plan = plan;
        plan.priorities.push(priority);
        if (data.part) {
          const part = plan.parts.find((p) => p.id === data.part);
          if (part) {
            priority.part = part;
            part.priorities.push(priority);
          } else {
            const suggestion = didYouMean(
              data.part,
              plan.parts.map((p) => p.id),
            );
            report(
              priority.entry,
              ['part'],
              `unknown part "${data.part}" of plan "${plan.id}"${suggestion ? `; ${suggestion}` : ''}`,
              plan.parts.length
                ? `the plan's parts are ${plan.parts.map((p) => p.id).join(', ')}`
                : 'the plan has no parts: remove this field',
            );
          }
        } else if (plan.parts.length > 0) {
          report(
            priority.entry,
            ['part'],
            `required field is missing: the plan "${plan.id}" has parts, so each priority must name one`,
            `add part: with one of ${plan.parts.map((p) => p.id).join(', ')}`,
          );
        }
      }
      priority.label = levelName('priority', priority.part?.part.labels, priority.partnership.entry.data.labels);
      attachCommon(priority);
      priority.partnership.priorities.push(priority);
    }
  }
  for (const [, map] of objectives) {
    for (const objective of map.values()) {
      const priority = resolve(priorities, 'priority', objective.entry, ['priority'], objective.entry.data.priority);
      if (priority) {
        objective.priority = priority;
        objective.plan = priority.plan;
        objective.part = priority.part;
        priority.objectives.push(objective);
      }
      objective.label = levelName('objective', objective.part?.part.labels, objective.partnership.entry.data.labels);
      attachCommon(objective);
      objective.partnership.objectives.push(objective);
    }
  }
  for (const [, map] of actions) {
    for (const action of map.values()) {
      const data = action.entry.data;
      if (!data.objective && !data.priority) {
        report(
          action.entry,
          [],
          'this action belongs to nothing: it names neither an objective nor a priority',
          'add objective: (or, in a plan without objectives, priority:) with the id of the item it delivers',
        );
      }
      if (data.objective) {
        const objective = resolve(objectives, 'objective', action.entry, ['objective'], data.objective);
        if (objective) {
          action.objective = objective;
          action.priority = objective.priority;
          objective.actions.push(action);
        }
      }
      if (data.priority) {
        const priority = resolve(priorities, 'priority', action.entry, ['priority'], data.priority);
        if (priority && action.objective && action.priority && action.priority !== priority) {
          report(
            action.entry,
            ['priority'],
            `the action's objective "${action.objective.id}" belongs to the priority "${action.priority.id}", not "${priority.id}"`,
            'remove priority: (it follows from the objective) or correct it',
          );
        } else if (priority && !action.objective) {
          action.priority = priority;
          priority.directActions.push(action);
        }
      }
      action.plan = action.priority?.plan;
      action.part = action.priority?.part;
      action.label = levelName('action', action.part?.part.labels, action.partnership.entry.data.labels);
      attachCommon(action);
      action.partnership.actions.push(action);
    }
  }

  // Sort everything once, so every page lists in the plan's order.
  for (const partnership of partnerships.values()) {
    partnership.plans.sort((a, b) => b.entry.data.period.localeCompare(a.entry.data.period));
    partnership.currentPlan = partnership.plans[0];
    partnership.groups.sort(byOrder);
    partnership.years.sort((a, b) => a.id.localeCompare(b.id));
    partnership.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
    for (const plan of partnership.plans) {
      plan.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
      plan.years.sort((a, b) => a.id.localeCompare(b.id));
      for (const part of plan.parts) part.priorities.sort(byOrder);
    }
    for (const priority of partnership.priorities) {
      priority.objectives.sort(byOrder);
      priority.directActions.sort(byOrder);
      for (const objective of priority.objectives) objective.actions.sort(byOrder);
      priority.actions = [...priority.objectives.flatMap((o) => o.actions), ...priority.directActions];
    }
    const position = new Map<ItemNode, number>();
    let counter = 0;
    for (const priority of partnership.priorities) {
      position.set(priority, counter++);
      for (const objective of priority.objectives) {
        position.set(objective, counter++);
        for (const action of objective.actions) position.set(action, counter++);
      }
      for (const action of priority.directActions) position.set(action, counter++);
    }
    const inPlanOrder = (a: ItemNode, b: ItemNode) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity);
    partnership.objectives.sort(inPlanOrder);
    partnership.actions.sort(inPlanOrder);
    for (const group of partnership.groups) {
      group.items.sort(inPlanOrder);
      group.children.sort(byOrder);
    }
    for (const year of partnership.years) year.items.sort(inPlanOrder);
  }

  const list = [...partnerships.values()].sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name));
  return { index: { partnerships: list, partnership: (id) => partnerships.get(id) }, problems };
}

/** Where a priority's part sits in its plan, so Part A comes before Part B. */
function planOrder(priority: PriorityNode): number {
  return priority.part ? priority.part.plan.parts.indexOf(priority.part) : 0;
}

function pluralFolder(noun: string): string {
  return (
    (
      {
        group: 'groups',
        'reporting year': 'years',
        plan: 'plans',
        priority: 'priorities',
        objective: 'objectives',
        action: 'actions',
      } as Record<string, string>
    )[noun] ?? noun
  );
}
