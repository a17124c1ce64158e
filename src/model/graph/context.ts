/**
 * What every step of stage 3 shares while it links the content: the nodes by folder and id, and
 * the one way a reference that cannot be followed is reported (the file, its line and field,
 * what was expected, and the nearest id or the file that is missing).
 */
import type { AnyEntry } from '../entries.ts';
import { locateField } from '../locate.ts';
import type { Problem } from '../problems.ts';
import { didYouMean, Suggester } from '../suggest.ts';
import {
  fileKey,
  type ActionNode,
  type GroupNode,
  type JointPartner,
  type MeasureNode,
  type ReviewNode,
  type ObjectiveNode,
  type PartnershipNode,
  type PlanNode,
  type PriorityNode,
  type StrandNode,
  type YearNode,
} from './nodes.ts';

/** Nodes of one type by the folder (partnership) that holds them, then by id. */
export type Lookup<N> = Map<string, Map<string, N>>;

export type FieldPath = Array<string | number>;

export interface LinkOptions {
  /**
   * Files that exist but failed their schema ("partnership/type/id"). References to them are
   * not reported as unknown: the file's own error already says what to fix.
   */
  invalid?: ReadonlySet<string>;
  /** The day the sites are built as of, YYYY-MM-DD: a site leads with the plans still running on it. */
  today?: string;
}

const typeOfNoun: Record<string, string> = {
  group: 'group',
  'reporting year': 'year',
  plan: 'plan',
  priority: 'priority',
  objective: 'objective',
  action: 'action',
  measure: 'measure',
  review: 'review',
};

const folderOfNoun: Record<string, string> = {
  group: 'groups',
  'reporting year': 'years',
  plan: 'plans',
  priority: 'priorities',
  objective: 'objectives',
  action: 'actions',
  measure: 'measures',
  review: 'reviews',
};

export class GraphContext {
  readonly problems: Problem[] = [];
  readonly invalid: ReadonlySet<string>;
  readonly partnerships = new Map<string, PartnershipNode>();
  readonly plans: Lookup<PlanNode> = new Map();
  readonly years: Lookup<YearNode> = new Map();
  readonly groups: Lookup<GroupNode> = new Map();
  readonly priorities: Lookup<PriorityNode> = new Map();
  /** Objectives by id, each id possibly under several priorities. */
  readonly objectives: Lookup<ObjectiveNode[]> = new Map();
  readonly actions: Lookup<ActionNode> = new Map();
  readonly measures: Lookup<MeasureNode> = new Map();
  readonly reviews: Lookup<ReviewNode> = new Map();
  /** The strands each partnership declares, by id. */
  readonly strands = new Map<PartnershipNode, Map<string, StrandNode>>();
  private readonly suggesters = new Map<Map<string, unknown>, Suggester>();

  constructor(options: LinkOptions = {}) {
    this.invalid = options.invalid ?? new Set<string>();
  }

  /** Every node of a lookup, folder by folder. */
  static all<N>(map: Lookup<N>): N[] {
    return [...map.values()].flatMap((byId) => [...byId.values()]);
  }

  put<N>(map: Lookup<N>, partnership: string, id: string, node: N): void {
    if (!map.has(partnership)) map.set(partnership, new Map());
    map.get(partnership)!.set(id, node);
  }

  /** The partnership whose folder holds the entry; none when the folder has no partnership.md. */
  ownerOf(entry: AnyEntry): PartnershipNode | undefined {
    return this.partnerships.get(entry.partnership);
  }

  report(entry: AnyEntry, field: FieldPath, message: string, hint?: string): void {
    const line = entry.frontmatterLines ? locateField(entry.frontmatterLines, field) : undefined;
    const path = field.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    this.problems.push({ file: entry.file, line: line === undefined ? undefined : line + 2, field: path || undefined, message, hint });
  }

  /** Where the content folder is, as messages show it ("content/"), so hints name real paths. */
  contentPrefix(entry: AnyEntry): string {
    const at = entry.file.lastIndexOf(`${entry.partnership}/`);
    return at === -1 ? '' : entry.file.slice(0, at);
  }

  /** The parts of a reference: `id` in the item's own folder, or `partnership/id` in another's. */
  split(from: AnyEntry, reference: string): [string, string] {
    const [target, id] = reference.includes('/') ? reference.split('/', 2) : [from.partnership, reference];
    return [target, id];
  }

  /** One suggester per set of ids, built the first time a reference to that set is wrong. */
  private suggesterFor(candidates: Map<string, unknown>): Suggester {
    let suggester = this.suggesters.get(candidates);
    if (!suggester) this.suggesters.set(candidates, (suggester = new Suggester(candidates.keys())));
    return suggester;
  }

  /** Reports a reference to an id that has no file, with the nearest id or the file that is missing. */
  reportUnknown(candidatesByFolder: Lookup<unknown>, noun: string, from: AnyEntry, field: FieldPath, reference: string): void {
    const [target, id] = this.split(from, reference);
    if (this.invalid.has(fileKey(target, typeOfNoun[noun], id))) return;
    const candidates = candidatesByFolder.get(target);
    const elsewhere = [...candidatesByFolder.entries()].find(([p, m]) => p !== target && m.has(id))?.[0];
    const suggestion = candidates ? didYouMean(id, this.suggesterFor(candidates)) : undefined;
    this.report(
      from,
      field,
      `unknown ${noun} "${reference}"${suggestion ? `; ${suggestion}` : ''}`,
      elsewhere && target === from.partnership
        ? `"${id}" is a ${noun} of ${elsewhere}; for joint work write "${elsewhere}/${id}" and list "${elsewhere}" under joint`
        : suggestion
          ? undefined
          : `no file ${this.contentPrefix(from)}${target}/${folderOfNoun[noun]}/${id}.md exists`,
    );
  }

  /** Finds an id in a folder, reporting it when there is none. */
  find<N>(map: Lookup<N>, noun: string, from: AnyEntry, field: FieldPath, reference: string): N | undefined {
    const [target, id] = this.split(from, reference);
    const found = map.get(target)?.get(id);
    if (found === undefined) this.reportUnknown(map, noun, from, field, reference);
    return found;
  }

  /**
   * A plan another folder's file names is open to it only when that folder is one of the plan's
   * owners: a partnership cannot add to, or publish, another partnership's plan by naming it.
   */
  mayUsePlan(from: AnyEntry, plan: PlanNode | undefined, field: FieldPath, reference: string, noun = 'plan'): boolean {
    if (!plan || plan.partnership.id === from.partnership || plan.owners.some((o) => o.id === from.partnership)) return true;
    const whole = `${plan.partnership.id}/${plan.id}`;
    this.report(
      from,
      field,
      noun === 'plan'
        ? `the plan "${whole}" is not ${from.partnership}'s: ${from.partnership} is not one of its owners`
        : `the ${noun} "${reference}" belongs to the plan "${whole}", which ${from.partnership} does not own`,
      `a partnership cannot use another partnership's plan unless it is a declared owner: add "${from.partnership}" to owners: in ${plan.entry.file}`,
    );
    return false;
  }

  /**
   * A body named in `joint:` or `owners:`: a folder in the content, as its own partnership.md
   * describes it (its kind above all: an adults' board declared under jointWith without a kind
   * is still an adults' board), or else one declared under jointWith.
   */
  bodyById(from: PartnershipNode | undefined, id: string): JointPartner | undefined {
    const declared = from?.jointWith.find((j) => j.id === id);
    const folder = this.partnerships.get(id);
    if (!folder || folder === from) return declared;
    const data = folder.entry.data;
    const url = data.website ?? declared?.url;
    return {
      id,
      name: data.name,
      ...(data.shortName ? { shortName: data.shortName } : {}),
      kind: data.kind,
      ...(url ? { url } : {}),
      site: folder.hasSite ? folder : undefined,
    };
  }

  /** The bodies a file names under `joint:` or `owners:`, reporting each it cannot find. */
  resolveBodies(from: AnyEntry, ids: readonly string[], field: 'joint' | 'owners'): JointPartner[] {
    const partnership = this.ownerOf(from);
    const list: JointPartner[] = [];
    ids.forEach((id, index) => {
      const body = this.bodyById(partnership, id);
      if (body) list.push(body);
      else this.reportUnknownBody(from, partnership, id, [field, index]);
    });
    return list;
  }

  private reportUnknownBody(from: AnyEntry, partnership: PartnershipNode | undefined, id: string, field: ['joint' | 'owners', number]) {
    const known = [
      ...(partnership?.jointWith.map((j) => j.id) ?? []),
      ...[...this.partnerships.keys()].filter((k) => k !== from.partnership),
    ];
    const suggestion = didYouMean(id, known);
    const folder = this.contentPrefix(from) || 'the content folder';
    this.report(
      from,
      field,
      `unknown ${field[0] === 'owners' ? 'owner' : 'joint partnership'} "${id}"${suggestion ? `; ${suggestion}` : ''}`,
      field[0] === 'owners'
        ? `an owner is a partnership or body with a folder in ${folder}`
        : `name a partnership or body with a folder in ${folder}, or declare it under jointWith in ${this.contentPrefix(from)}${from.partnership}/partnership.md`,
    );
  }

  /**
   * A group of another folder (`partnership/id`) is open to an item when the group is shared
   * with the item's partnership, or when the item is marked as joint work with the group's.
   */
  resolveGroup(from: AnyEntry, field: FieldPath, reference: string, joint: readonly string[]): GroupNode | undefined {
    const [target] = this.split(from, reference);
    const group = this.find(this.groups, 'group', from, field, reference);
    if (!group || target === from.partnership) return group;
    if (group.entry.data.joint.includes(from.partnership) || joint.includes(target)) return group;
    const declared = this.ownerOf(from)?.jointWith.some((j) => j.id === target) || this.partnerships.has(target);
    this.report(
      from,
      field,
      `group "${reference}" belongs to another partnership ("${target}")`,
      declared
        ? `add "${target}" to this file's joint list to show it is joint work, or list "${from.partnership}" under joint: in the group's file to share it`
        : `declare "${target}" under jointWith in ${this.contentPrefix(from)}${from.partnership}/partnership.md and add it to this file's joint list, or name a group of ${from.partnership}`,
    );
    return undefined;
  }
}
