/**
 * Stage 3, index: resolve every reference once into a graph of partnerships (and other bodies),
 * plans, levels, groups, years and strands, with links both ways. Every page reads this graph,
 * and the check reports every reference this resolver cannot follow, so a link the site renders
 * is a link the check has proved.
 *
 * Each node lives in the folder of the body that wrote it (its home). A body that owns or shares
 * a plan gets a site; what each site shows is a view of this graph (src/model/site-view.ts).
 */
import type { BodyKind, PlanPart } from '../../schemas/index.ts';
import type { AnyEntry, Entry } from './entries.ts';
import { levelName, type Level, type LevelName } from './labels.ts';
import { locateField } from './locate.ts';
import { byOrder, byPeriodEnd, planOrder, planOrdering } from './order.ts';
import type { Problem } from './problems.ts';
import { defaultRatingScale, type RatingLevel, type RatingScale } from './rating.ts';
import { siteViews } from './site-view.ts';
import { didYouMean, Suggester } from './suggest.ts';
import { isReportingYear, periodBounds, reportingYearOf, yearInPeriod, yearsInPeriod } from './years.ts';
import { periodText } from '../site/format.ts';

export interface JointPartner {
  id: string;
  name: string;
  shortName?: string;
  kind: BodyKind;
  url?: string;
  /** Its site in this build, when it has one (it owns or shares a plan). */
  site?: PartnershipNode;
}

export interface PartnershipNode {
  kind: 'partnership';
  id: string;
  entry: Entry<'partnership'>;
  /** Its plans, the current one first: the one whose period ends last (an open-ended one before all). */
  plans: PlanNode[];
  /** The plan the home page shows. */
  currentPlan?: PlanNode;
  groups: GroupNode[];
  years: YearNode[];
  priorities: PriorityNode[];
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  strands: StrandNode[];
  /** Its measures, in the order of the items they evidence, then by title. */
  measures: MeasureNode[];
  jointWith: JointPartner[];
  /** Its rating scale: its own, or red/amber/green. */
  ratingScale: RatingScale;
  /** True when it has a site: it owns or shares at least one plan. */
  hasSite: boolean;
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
  /** Its address on a site. */
  slug: string;
  entry: Entry<'plan'>;
  partnership: PartnershipNode;
  /** Every owner: the body whose folder holds it first, then those it names under `owners`. */
  owners: PartnershipNode[];
  parts: PartNode[];
  priorities: PriorityNode[];
  /** Every reporting year the period spans, with a file or not, in order. */
  yearIds: string[];
  years: YearNode[];
  /** The measures whose figures evidence its outcomes. */
  measures: MeasureNode[];
  /** The plan that replaced it, and the one it replaced. */
  successor?: PlanNode;
  predecessor?: PlanNode;
}

interface ItemBase<L extends Level> {
  kind: L;
  id: string;
  /** Its address on a site: its id, unless two items of its kind share one there. */
  slug: string;
  entry: Entry<L>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  part?: PartNode;
  groups: GroupNode[];
  years: YearNode[];
  strands: StrandNode[];
  joint: JointPartner[];
  /** Its rating, read on its plan's scale, with that scale's name. */
  rating?: RatingLevel & { scale: string };
  /** Singular and plural names of this item's level, in its part's words. */
  label: LevelName;
  /** The measure files it cites under `measures:`, each with the outcome it evidences, if one. */
  measureLinks: Array<{ measure: MeasureNode; outcome?: number }>;
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
  slug: string;
  entry: Entry<'group'>;
  partnership: PartnershipNode;
  parent?: GroupNode;
  children: GroupNode[];
  /** Every priority, objective and action that names this group. */
  items: ItemNode[];
  /** The partnerships and bodies it is shared with. */
  joint: JointPartner[];
}

export interface YearNode {
  kind: 'year';
  id: string;
  slug: string;
  entry: Entry<'year'>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  /** Every priority, objective and action that names this year. */
  items: ItemNode[];
  /** The partnership's end-of-year statement on each priority it comments on. */
  statements: Array<{ priority: PriorityNode; text: string }>;
}

export interface StrandNode {
  kind: 'strand';
  id: string;
  slug: string;
  /** The partnership that declares it. */
  home: string;
  /** The strand as its partnership declares it. */
  name: string;
  description?: string;
  partnership: PartnershipNode;
  /** Every priority, objective and action tagged with it, in plan order. */
  items: ItemNode[];
}

export interface MeasureNode {
  kind: 'measure';
  id: string;
  slug: string;
  entry: Entry<'measure'>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  /** The priorities, objectives and actions that cite it, in plan order, each with the outcome it evidences, if one. */
  evidences: Array<{ item: ItemNode; outcome?: number }>;
}

export type AnyNode = PartnershipNode | PlanNode | ItemNode | GroupNode | YearNode | StrandNode | MeasureNode;

export interface PlanIndex {
  /** Every partnership and body, as written in its own folder, by name. */
  partnerships: PartnershipNode[];
  partnership(id: string): PartnershipNode | undefined;
  /** What each site shows: every body that owns or shares a plan, with everything on its site. */
  sites: PartnershipNode[];
  site(id: string): PartnershipNode | undefined;
}

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
  measure: 'measure',
};

const folderOfNoun: Record<string, string> = {
  group: 'groups',
  'reporting year': 'years',
  plan: 'plans',
  priority: 'priorities',
  objective: 'objectives',
  action: 'actions',
  measure: 'measures',
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

  // Duplicates first: two files with one id would make every reference to it ambiguous. An
  // objective's id need only be unique under its priority: two priorities may each have a "prevent".
  const seen = new Map<string, AnyEntry>();
  const unique: AnyEntry[] = [];
  for (const entry of entries) {
    const scope = entry.type === 'objective' ? `\u0000${entry.data.priority}` : '';
    const key = `${entry.partnership}\u0000${entry.type}\u0000${entry.id}${scope}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: entry.file,
        message: `duplicate id "${entry.id}": ${first.file} has the same id`,
        hint:
          entry.type === 'objective'
            ? "an objective's id comes from its file name and must be unique under its priority: rename one of the files"
            : 'ids come from file names and must be unique within a partnership: rename one of the files',
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
      strands: [],
      measures: [],
      jointWith: entry.data.jointWith.map((joint) => ({ ...joint })),
      ratingScale: entry.data.ratingScale ?? defaultRatingScale,
      hasSite: false,
    });
  }
  const owner = (entry: AnyEntry) => partnerships.get(entry.partnership);

  /** A body named in `joint:` or `owners:`: one declared under jointWith, or a folder in the content. */
  const bodyById = (from: PartnershipNode | undefined, id: string): JointPartner | undefined => {
    const declared = from?.jointWith.find((j) => j.id === id);
    if (declared) return declared;
    const folder = partnerships.get(id);
    if (!folder || folder === from) return undefined;
    const data = folder.entry.data;
    return {
      id,
      name: data.name,
      shortName: data.shortName,
      kind: data.kind,
      url: data.website,
      site: folder.hasSite ? folder : undefined,
    };
  };

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
  /** Objectives by id, each id possibly under several priorities. */
  const objectives = lookup<ObjectiveNode[]>();
  const actions = lookup<ActionNode>();
  const measures = lookup<MeasureNode>();

  for (const entry of unique) {
    const partnership = owner(entry);
    if (!partnership) continue; // reported by the loader: the folder has no partnership.md
    const base = { id: entry.id, slug: entry.id, partnership };
    const item = { groups: [], years: [], strands: [], joint: [], measureLinks: [] };
    switch (entry.type) {
      case 'plan': {
        const node: PlanNode = {
          ...base,
          kind: 'plan',
          entry,
          owners: [partnership],
          parts: [],
          priorities: [],
          yearIds: [],
          years: [],
          measures: [],
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
        put(years, entry.partnership, entry.id, { ...base, kind: 'year', entry, items: [], statements: [] });
        break;
      case 'group':
        put(groups, entry.partnership, entry.id, { ...base, kind: 'group', entry, children: [], items: [], joint: [] });
        break;
      case 'priority':
        put(priorities, entry.partnership, entry.id, {
          ...base,
          ...item,
          kind: 'priority',
          entry,
          objectives: [],
          directActions: [],
          actions: [],
          label: levelName('priority'),
        });
        break;
      case 'objective': {
        const node: ObjectiveNode = { ...base, ...item, kind: 'objective', entry, actions: [], label: levelName('objective') };
        const same = objectives.get(entry.partnership)?.get(entry.id);
        if (same) same.push(node);
        else put(objectives, entry.partnership, entry.id, [node]);
        break;
      }
      case 'action':
        put(actions, entry.partnership, entry.id, { ...base, ...item, kind: 'action', entry, label: levelName('action') });
        break;
      case 'measure':
        put(measures, entry.partnership, entry.id, { ...base, kind: 'measure', entry, evidences: [] });
        break;
    }
  }

  // Strands are declared in partnership.md; items tag themselves with them.
  const strandsOf = new Map<PartnershipNode, Map<string, StrandNode>>();
  for (const partnership of partnerships.values()) {
    const declared = new Map<string, StrandNode>();
    partnership.entry.data.strands.forEach((strand, index) => {
      if (declared.has(strand.id)) {
        report(partnership.entry, ['strands', index, 'id'], `duplicate strand id "${strand.id}"`, 'each strand needs its own id');
        return;
      }
      const node: StrandNode = {
        kind: 'strand',
        id: strand.id,
        slug: strand.id,
        home: partnership.id,
        name: strand.name,
        description: strand.description,
        partnership,
        items: [],
      };
      declared.set(strand.id, node);
      partnership.strands.push(node);
    });
    strandsOf.set(partnership, declared);
  }

  // One suggester per set of ids, built the first time a reference to that set is wrong.
  const suggesters = new Map<Map<string, unknown>, Suggester>();
  const suggesterFor = (candidates: Map<string, unknown>) => {
    let suggester = suggesters.get(candidates);
    if (!suggester) suggesters.set(candidates, (suggester = new Suggester(candidates.keys())));
    return suggester;
  };

  /** The parts of a reference: `id` in the item's own folder, or `partnership/id` in another's. */
  const split = (from: AnyEntry, reference: string): [string, string] => {
    const [target, id] = reference.includes('/') ? reference.split('/', 2) : [from.partnership, reference];
    return [target, id];
  };

  /** Reports a reference to an id that has no file, with the nearest id or the file that is missing. */
  const reportUnknown = (
    candidatesByFolder: Lookup<unknown>,
    noun: string,
    from: AnyEntry,
    field: Array<string | number>,
    reference: string,
  ) => {
    const [target, id] = split(from, reference);
    const candidates = candidatesByFolder.get(target);
    if (invalid.has(fileKey(target, typeOfNoun[noun], id))) return;
    const elsewhere = [...candidatesByFolder.entries()].find(([p, m]) => p !== target && m.has(id))?.[0];
    const suggestion = candidates ? didYouMean(id, suggesterFor(candidates)) : undefined;
    report(
      from,
      field,
      `unknown ${noun} "${reference}"${suggestion ? `; ${suggestion}` : ''}`,
      elsewhere && target === from.partnership
        ? `"${id}" is a ${noun} of ${elsewhere}; for joint work write "${elsewhere}/${id}" and list "${elsewhere}" under joint`
        : suggestion
          ? undefined
          : `no file ${contentPrefix(from)}${target}/${folderOfNoun[noun]}/${id}.md exists`,
    );
  };

  /** Finds an id in a folder, reporting it when there is none. */
  const find = <N>(map: Lookup<N>, noun: string, from: AnyEntry, field: Array<string | number>, reference: string): N | undefined => {
    const [target, id] = split(from, reference);
    const found = map.get(target)?.get(id);
    if (found === undefined) reportUnknown(map, noun, from, field, reference);
    return found;
  };

  /**
   * A plan another folder's file names is open to it only when that folder is one of the plan's
   * owners: a partnership cannot add to, or publish, another partnership's plan by naming it.
   */
  const mayUsePlan = (
    from: AnyEntry,
    plan: PlanNode | undefined,
    field: Array<string | number>,
    reference: string,
    noun = 'plan',
  ): boolean => {
    if (!plan || plan.partnership.id === from.partnership || plan.owners.some((o) => o.id === from.partnership)) return true;
    const whole = `${plan.partnership.id}/${plan.id}`;
    report(
      from,
      field,
      noun === 'plan'
        ? `the plan "${whole}" is not ${from.partnership}'s: ${from.partnership} is not one of its owners`
        : `the ${noun} "${reference}" belongs to the plan "${whole}", which ${from.partnership} does not own`,
      `a partnership cannot use another partnership's plan unless it is a declared owner: add "${from.partnership}" to owners: in ${plan.entry.file}`,
    );
    return false;
  };

  const resolveBodies = (from: AnyEntry, ids: readonly string[], field: string): JointPartner[] => {
    const partnership = owner(from);
    const list: JointPartner[] = [];
    ids.forEach((id, index) => {
      const body = bodyById(partnership, id);
      if (body) list.push(body);
      else {
        const known = [
          ...(partnership?.jointWith.map((j) => j.id) ?? []),
          ...[...partnerships.keys()].filter((k) => k !== from.partnership),
        ];
        const suggestion = didYouMean(id, known);
        report(
          from,
          [field, index],
          `unknown ${field === 'owners' ? 'owner' : 'joint partnership'} "${id}"${suggestion ? `; ${suggestion}` : ''}`,
          field === 'owners'
            ? `an owner is a partnership or body with a folder in ${contentPrefix(from) || 'the content folder'}`
            : `name a partnership or body with a folder in ${contentPrefix(from) || 'the content folder'}, or declare it under jointWith in ${contentPrefix(from)}${from.partnership}/partnership.md`,
        );
      }
    });
    return list;
  };

  /**
   * A group of another folder (`partnership/id`) is open to an item when the group is shared
   * with the item's partnership, or when the item is marked as joint work with the group's.
   */
  const resolveGroup = (
    from: AnyEntry,
    field: Array<string | number>,
    reference: string,
    joint: readonly string[],
  ): GroupNode | undefined => {
    const [target] = split(from, reference);
    const group = find(groups, 'group', from, field, reference);
    if (!group || target === from.partnership) return group;
    const sharedWith = group.entry.data.joint.includes(from.partnership);
    if (sharedWith || joint.includes(target)) return group;
    const declared = owner(from)?.jointWith.some((j) => j.id === target) || partnerships.has(target);
    report(
      from,
      field,
      `group "${reference}" belongs to another partnership ("${target}")`,
      declared
        ? `add "${target}" to this file's joint list to show it is joint work, or list "${from.partnership}" under joint: in the group's file to share it`
        : `declare "${target}" under jointWith in ${contentPrefix(from)}${from.partnership}/partnership.md and add it to this file's joint list, or name a group of ${from.partnership}`,
    );
    return undefined;
  };

  // Plans first: who owns them, what replaced them.
  for (const [, map] of plans) {
    for (const plan of map.values()) {
      for (const body of resolveBodies(plan.entry, plan.entry.data.owners, 'owners')) {
        const node = partnerships.get(body.id);
        if (node && !plan.owners.includes(node)) plan.owners.push(node);
      }
      for (const ownerNode of plan.owners) ownerNode.hasSite = true;
    }
  }
  for (const [, map] of plans) {
    for (const plan of map.values()) {
      if (!plan.entry.data.successor) continue;
      const successor = find(plans, 'plan', plan.entry, ['successor'], plan.entry.data.successor);
      if (successor === plan) report(plan.entry, ['successor'], 'a plan cannot be its own successor', 'name the plan that replaced it');
      else if (successor) {
        plan.successor = successor;
        successor.predecessor = plan;
      }
    }
  }

  // Years belong to a plan; items name years of their own plan.
  for (const [, map] of years) {
    for (const year of map.values()) {
      if (!isReportingYear(year.id)) {
        report(
          year.entry,
          [],
          `the file name "${year.id}.md" is not a reporting year`,
          `a reporting year's file is named after it, like ${reportingYearOf(Number(year.id.slice(0, 4)) || 2020)}.md`,
        );
        year.partnership.years.push(year);
        continue;
      }
      const plan = find(plans, 'plan', year.entry, ['plan'], year.entry.data.plan);
      if (plan && mayUsePlan(year.entry, plan, ['plan'], year.entry.data.plan)) {
        if (plan.entry.data.years === 'none') {
          report(
            year.entry,
            ['plan'],
            `the plan "${plan.id}" says it has no reporting years (years: none)`,
            'remove years: none from the plan, or delete this file',
          );
        } else if (!yearInPeriod(year.id, plan.entry.data.period)) {
          report(
            year.entry,
            [],
            `reporting year ${year.id} is outside its plan's period (${plan.entry.data.period})`,
            `the plan spans ${yearsInPeriod(plan.entry.data.period).join(', ')}`,
          );
        } else {
          year.plan = plan;
          plan.years.push(year);
        }
      }
      year.partnership.years.push(year);
    }
  }
  for (const [, map] of plans) {
    for (const plan of map.values()) {
      plan.years.sort((a, b) => a.id.localeCompare(b.id));
      plan.yearIds =
        plan.entry.data.years === 'none'
          ? []
          : yearsInPeriod(
              plan.entry.data.period,
              plan.years.map((y) => y.id),
            );
    }
  }

  // Measures belong to a plan, and set their targets within its period.
  for (const [, map] of measures) {
    for (const measure of map.values()) {
      const data = measure.entry.data;
      const plan = find(plans, 'plan', measure.entry, ['plan'], data.plan);
      if (plan && mayUsePlan(measure.entry, plan, ['plan'], data.plan)) {
        measure.plan = plan;
        plan.measures.push(measure);
        const { starts, ends } = periodBounds(plan.entry.data.period);
        data.targets.forEach((target, index) => {
          if (target.date < starts || (ends !== undefined && target.date > ends)) {
            report(
              measure.entry,
              ['targets', index, 'date'],
              `the target date ${target.date} is outside the plan "${plan.id}" (${periodText(plan.entry.data.period)})`,
              `a target is set for the plan's period: give a date from ${starts}${ends ? ` to ${ends}` : ''}, or name the plan that sets it`,
            );
          }
        });
      }
      measure.partnership.measures.push(measure);
    }
  }

  for (const [, map] of groups) {
    for (const group of map.values()) {
      group.joint = resolveBodies(group.entry, group.entry.data.joint, 'joint');
      if (group.entry.data.parent) {
        const parent = resolveGroup(group.entry, ['parent'], group.entry.data.parent, group.entry.data.joint);
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

  /** What every level shares: joint work, groups, years (of its plan), strands and a rating. */
  const attachCommon = (node: ItemNode) => {
    const data = node.entry.data;
    const home = node.partnership;
    node.joint = resolveBodies(node.entry, data.joint, 'joint');
    data.groups.forEach((ref, index) => {
      const group = resolveGroup(node.entry, ['groups', index], ref, data.joint);
      if (group && !node.groups.includes(group)) {
        node.groups.push(group);
        group.items.push(node);
      }
    });
    const plan = node.plan;
    data.years.forEach((ref, index) => {
      const field = ['years', index];
      if (plan?.entry.data.years === 'none') {
        report(node.entry, field, `the plan "${plan.id}" says it has no reporting years (years: none)`, 'remove years: from this file');
        return;
      }
      const year = plan ? plan.years.find((y) => y.id === ref) : years.get(node.entry.partnership)?.get(ref);
      if (year) {
        if (!node.years.includes(year)) {
          node.years.push(year);
          year.items.push(node);
        }
        return;
      }
      if (!plan) {
        if (!invalid.has(fileKey(node.entry.partnership, 'year', ref))) reportUnknown(years, 'reporting year', node.entry, field, ref);
        return;
      }
      const other = [...(years.get(node.entry.partnership)?.values() ?? [])].find((y) => y.id === ref && y.plan && y.plan !== plan);
      if (other?.plan) {
        report(
          node.entry,
          field,
          `reporting year "${ref}" belongs to the plan "${other.plan.id}", not to this item's plan "${plan.id}"`,
          `use one of ${plan.yearIds.join(', ')}`,
        );
      } else if (plan.yearIds.includes(ref)) {
        report(
          node.entry,
          field,
          `unknown reporting year "${ref}": the plan "${plan.id}" spans it, but it has no file yet`,
          `add ${contentPrefix(plan.entry)}${plan.partnership.id}/years/${ref}.md with "plan: ${plan.id}" in its frontmatter`,
        );
      } else if (!invalid.has(fileKey(plan.partnership.id, 'year', ref))) {
        const suggestion = didYouMean(ref, plan.yearIds);
        report(
          node.entry,
          field,
          `unknown reporting year "${ref}"${suggestion ? `; ${suggestion}` : ''}`,
          `the plan "${plan.id}" spans ${plan.yearIds.join(', ') || 'no reporting years yet'}`,
        );
      }
    });
    // Strands and ratings are the home partnership's words, or the plan's owner's for a shared plan.
    const strandHomes = [...new Set([home, plan?.partnership])].filter((p): p is PartnershipNode => p !== undefined);
    data.strands.forEach((id, index) => {
      const strand = strandHomes.map((p) => strandsOf.get(p)?.get(id)).find(Boolean);
      if (strand) {
        if (!node.strands.includes(strand)) {
          node.strands.push(strand);
          strand.items.push(node);
        }
        return;
      }
      const declared = strandHomes.flatMap((p) => p.strands.map((s) => s.id));
      const suggestion = didYouMean(id, declared);
      report(
        node.entry,
        ['strands', index],
        `unknown strand "${id}"${suggestion ? `; ${suggestion}` : ''}`,
        declared.length
          ? `the strands declared in ${contentPrefix(node.entry)}${home.id}/partnership.md are ${declared.join(', ')}`
          : `declare it under strands: in ${contentPrefix(node.entry)}${home.id}/partnership.md, with an id and a name`,
      );
    });
    data.measures.forEach((cited, index) => {
      if (!('measure' in cited)) return;
      const measure = find(measures, 'measure', node.entry, ['measures', index, 'measure'], cited.measure);
      if (!measure) return;
      if (measure.plan && plan && measure.plan !== plan) {
        report(
          node.entry,
          ['measures', index, 'measure'],
          `the measure "${cited.measure}" belongs to the plan "${measure.plan.id}", not to this item's plan "${plan.id}"`,
          `a measure evidences items of its own plan: change plan: in ${measure.entry.file}, or cite another measure`,
        );
        return;
      }
      if (cited.outcome !== undefined && cited.outcome > data.outcomes.length) {
        report(
          node.entry,
          ['measures', index, 'outcome'],
          `there is no outcome ${cited.outcome}: this item states ${data.outcomes.length} ${data.outcomes.length === 1 ? 'outcome' : 'outcomes'}`,
          data.outcomes.length > 0
            ? `outcomes are counted from 1 in the order of outcomes:; use a number from 1 to ${data.outcomes.length}`
            : 'add the outcome under outcomes:, or remove outcome: from this measure',
        );
        return;
      }
      if (node.measureLinks.some((link) => link.measure === measure && link.outcome === cited.outcome)) return;
      node.measureLinks.push({ measure, ...(cited.outcome === undefined ? {} : { outcome: cited.outcome }) });
      measure.evidences.push({ item: node, ...(cited.outcome === undefined ? {} : { outcome: cited.outcome }) });
    });
    if (data.rag) {
      const scale = (plan?.partnership ?? home).ratingScale;
      const level = scale.levels.find((l) => l.id === data.rag);
      if (level) node.rating = { ...level, scale: scale.name };
      else {
        const ids = scale.levels.map((l) => l.id);
        const suggestion = didYouMean(data.rag, ids);
        report(
          node.entry,
          ['rag'],
          `unknown rating "${data.rag}"${suggestion ? `; ${suggestion}` : ''}`,
          `the ${scale.name} scale has ${ids.join(', ')}${scale === defaultRatingScale ? '; a partnership can declare its own under ratingScale: in partnership.md' : ''}`,
        );
      }
    }
    data.progress.forEach((update, index) => {
      if (!update.rag) return;
      const scale = (plan?.partnership ?? home).ratingScale;
      if (!scale.levels.some((level) => level.id === update.rag)) {
        const ids = scale.levels.map((l) => l.id);
        const suggestion = didYouMean(update.rag, ids);
        report(
          node.entry,
          ['progress', index, 'rag'],
          `unknown rating "${update.rag}"${suggestion ? `; ${suggestion}` : ''}`,
          `the ${scale.name} scale has ${ids.join(', ')}`,
        );
      }
    });
  };

  for (const [, map] of priorities) {
    for (const priority of map.values()) {
      const data = priority.entry.data;
      const plan = find(plans, 'plan', priority.entry, ['plan'], data.plan);
      if (plan && mayUsePlan(priority.entry, plan, ['plan'], data.plan)) {
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
      priority.label = levelName('priority', priority.part?.part.labels, (plan ?? priority).partnership.entry.data.labels);
      attachCommon(priority);
      priority.partnership.priorities.push(priority);
    }
  }
  // End-of-year statements name priorities of the year's own plan.
  for (const [, map] of years) {
    for (const year of map.values()) {
      year.entry.data.statements.forEach((statement, index) => {
        const field = ['statements', index, 'priority'];
        const [, id] = split(year.entry, statement.priority);
        const priority = year.plan?.priorities.find((p) => p.id === id);
        if (priority) year.statements.push({ priority, text: statement.text });
        else if (year.plan) {
          const suggestion = didYouMean(
            id,
            year.plan.priorities.map((p) => p.id),
          );
          report(
            year.entry,
            field,
            `unknown priority "${statement.priority}" of the plan "${year.plan.id}"${suggestion ? `; ${suggestion}` : ''}`,
            `a year's statements are about priorities of its own plan: ${year.plan.priorities.map((p) => p.id).join(', ')}`,
          );
        }
      });
    }
  }
  /** A priority another item names, in its folder or a shared plan's. */
  const findPriority = (from: AnyEntry, field: Array<string | number>, reference: string) => {
    const priority = find(priorities, 'priority', from, field, reference);
    return priority && mayUsePlan(from, priority.plan, field, reference, 'priority') ? priority : undefined;
  };
  for (const [, map] of objectives) {
    for (const list of map.values()) {
      for (const objective of list) {
        const priority = findPriority(objective.entry, ['priority'], objective.entry.data.priority);
        if (priority) {
          objective.priority = priority;
          objective.plan = priority.plan;
          objective.part = priority.part;
          priority.objectives.push(objective);
        }
        objective.label = levelName('objective', objective.part?.part.labels, (objective.plan ?? objective).partnership.entry.data.labels);
        attachCommon(objective);
        objective.partnership.objectives.push(objective);
      }
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
      const priority = data.priority ? findPriority(action.entry, ['priority'], data.priority) : undefined;
      if (data.objective) {
        const [target, id] = split(action.entry, data.objective);
        const named = objectives.get(target)?.get(id) ?? [];
        const candidates = priority ? named.filter((o) => o.priority === priority) : named;
        if (candidates.length === 1 && mayUsePlan(action.entry, candidates[0].plan, ['objective'], data.objective, 'objective')) {
          action.objective = candidates[0];
          action.priority = candidates[0].priority;
          candidates[0].actions.push(action);
        } else if (candidates.length > 1) {
          report(
            action.entry,
            ['objective'],
            `the objective "${data.objective}" is ambiguous: each of the priorities ${candidates.map((o) => `"${o.priority?.id}"`).join(', ')} has one`,
            'add priority: with the id of the priority whose objective this action delivers',
          );
        } else if (named.length > 0 && priority) {
          report(
            action.entry,
            ['priority'],
            `the action's objective "${data.objective}" belongs to the priority "${named[0].priority?.id}", not "${priority.id}"`,
            'remove priority: (it follows from the objective) or correct it',
          );
        } else if (named.length === 0) {
          reportUnknown(objectives, 'objective', action.entry, ['objective'], data.objective);
        }
      }
      if (priority && !data.objective) {
        action.priority = priority;
        priority.directActions.push(action);
      }
      action.plan = action.priority?.plan;
      action.part = action.priority?.part;
      action.label = levelName('action', action.part?.part.labels, (action.plan ?? action).partnership.entry.data.labels);
      attachCommon(action);
      action.partnership.actions.push(action);
    }
  }

  // Sort everything once, so every page lists in the plan's order.
  for (const partnership of partnerships.values()) {
    partnership.plans.sort(byPeriodEnd);
    partnership.currentPlan = partnership.plans[0];
    partnership.groups.sort(byOrder);
    partnership.years.sort((a, b) => a.id.localeCompare(b.id));
    partnership.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
    for (const plan of partnership.plans) {
      plan.priorities.sort((a, b) => planOrder(a) - planOrder(b) || byOrder(a, b));
      for (const part of plan.parts) part.priorities.sort(byOrder);
    }
  }
  const inPlanOrder = planOrdering([...partnerships.values()].flatMap((p) => p.priorities));
  for (const partnership of partnerships.values()) {
    partnership.objectives.sort(inPlanOrder);
    partnership.actions.sort(inPlanOrder);
    for (const group of partnership.groups) {
      group.items.sort(inPlanOrder);
      group.children.sort(byOrder);
    }
    for (const year of partnership.years) year.items.sort(inPlanOrder);
    for (const strand of partnership.strands) strand.items.sort(inPlanOrder);
    for (const measure of partnership.measures) measure.evidences.sort((a, b) => inPlanOrder(a.item, b.item));
    sortMeasures(partnership.measures, inPlanOrder);
    for (const plan of partnership.plans) sortMeasures(plan.measures, inPlanOrder);
  }
  for (const partnership of partnerships.values()) {
    for (const joint of partnership.jointWith) {
      const folder = partnerships.get(joint.id);
      if (folder?.hasSite) joint.site = folder;
    }
  }

  const list = [...partnerships.values()].sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name));
  const sites = siteViews(list);
  const siteById = new Map(sites.map((s) => [s.id, s]));
  return {
    index: { partnerships: list, partnership: (id) => partnerships.get(id), sites, site: (id) => siteById.get(id) },
    problems,
  };
}

/** Measures in the order of the first item each evidences (those evidencing nothing last), then by title. */
export function sortMeasures(list: MeasureNode[], inPlanOrder: (a: ItemNode, b: ItemNode) => number): void {
  list.sort((a, b) => {
    const [x, y] = [a.evidences[0]?.item, b.evidences[0]?.item];
    const byItem = x && y ? inPlanOrder(x, y) : x ? -1 : y ? 1 : 0;
    return byItem || a.entry.data.title.localeCompare(b.entry.data.title);
  });
}

/** The measures a priority's work is judged by: those its own file, its objectives and its actions cite, each once. */
export function measuresUnder(priority: PriorityNode): MeasureNode[] {
  const cited = [priority, ...priority.objectives, ...priority.actions].flatMap((item) => item.measureLinks.map((link) => link.measure));
  return [...new Set(cited)];
}
