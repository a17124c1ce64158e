/**
 * The first step of linking: one node per file (a file whose id another file of its type already
 * has is reported, not linked), and one per strand a partnership declares. Nothing is linked yet.
 */
import type { AnyEntry } from '../entries.ts';
import { levelName } from '../labels.ts';
import { defaultRatingScale } from '../../../schemas/values/rating.ts';
import type { GraphContext } from './context.ts';
import type {
  GroupFacts,
  ItemFacts,
  MeasureFacts,
  ObjectiveNode,
  PartnershipNode,
  PlanFacts,
  PlanNode,
  StrandNode,
  YearFacts,
} from './nodes.ts';
import { unresolved } from './unresolved.ts';

/**
 * Drops every file whose id another file of its type in its folder already has, reporting it. An
 * objective's id need only be unique under its priority: two priorities may each have a "prevent".
 */
export function withoutDuplicates(context: GraphContext, entries: readonly AnyEntry[]): AnyEntry[] {
  const seen = new Map<string, AnyEntry>();
  const unique: AnyEntry[] = [];
  for (const entry of entries) {
    const scope = entry.type === 'objective' ? `\u0000${entry.data.priority}` : '';
    const key = `${entry.partnership}\u0000${entry.type}\u0000${entry.id}${scope}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, entry);
      unique.push(entry);
      continue;
    }
    context.problems.push({
      file: entry.file,
      message: `duplicate id "${entry.id}": ${first.file} has the same id`,
      hint:
        entry.type === 'objective'
          ? "an objective's id comes from its file name and must be unique under its priority: rename one of the files"
          : 'ids come from file names and must be unique within a partnership: rename one of the files',
    });
  }
  return unique;
}

export function createPartnerships(context: GraphContext, entries: readonly AnyEntry[]): void {
  for (const entry of entries) {
    if (entry.type !== 'partnership') continue;
    context.partnerships.set(entry.partnership, {
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
      reviews: [],
      jointWith: entry.data.jointWith.map((joint) => ({ ...joint })),
      ratingScale: entry.data.ratingScale ?? defaultRatingScale,
      hasSite: false,
    });
  }
}

function createPlan(context: GraphContext, entry: Extract<AnyEntry, { type: 'plan' }>, partnership: PartnershipNode): void {
  const node: PlanNode = {
    kind: 'plan',
    id: entry.id,
    slug: entry.id,
    partnership,
    entry,
    // A joint arrangement is the shared home of its plans, not one of their owners: they are those the plan names.
    owners: partnership.entry.data.kind === 'joint-arrangement' ? [] : [partnership],
    parts: [],
    priorities: [],
    yearIds: [],
    years: [],
    measures: [],
    facts: unresolved<PlanFacts>('plan'),
  };
  const partIds = new Set<string>();
  entry.data.parts.forEach((part, index) => {
    if (partIds.has(part.id)) context.report(entry, ['parts', index, 'id'], `duplicate part id "${part.id}"`, 'each part needs its own id');
    partIds.add(part.id);
    const partnershipLabels = partnership.entry.data.labels;
    node.parts.push({
      id: part.id,
      part,
      plan: node,
      priorities: [],
      labels: {
        priority: levelName('priority', part.labels, partnershipLabels),
        objective: levelName('objective', part.labels, partnershipLabels),
        action: levelName('action', part.labels, partnershipLabels),
      },
    });
  });
  context.put(context.plans, entry.partnership, entry.id, node);
  partnership.plans.push(node);
}

/** What every priority, objective and action starts with, before linking. */
function itemBase(entry: AnyEntry, partnership: PartnershipNode) {
  return {
    id: entry.id,
    slug: entry.id,
    partnership,
    groups: [],
    years: [],
    strands: [],
    joint: [],
    measureLinks: [],
    serves: [],
    facts: unresolved<ItemFacts>('item'),
  };
}

/** One node per file of every type but the partnership's own, each in its folder's lookup. */
export function createNodes(context: GraphContext, entries: readonly AnyEntry[]): void {
  for (const entry of entries) {
    const partnership = context.ownerOf(entry);
    if (!partnership) continue; // reported by the loader: the folder has no partnership.md
    const base = { id: entry.id, slug: entry.id, partnership };
    switch (entry.type) {
      case 'plan':
        createPlan(context, entry, partnership);
        break;
      case 'year':
        context.put(context.years, entry.partnership, entry.id, {
          ...base,
          kind: 'year',
          entry,
          plans: [],
          items: [],
          statements: [],
          facts: unresolved<YearFacts>('year'),
        });
        break;
      case 'group':
        context.put(context.groups, entry.partnership, entry.id, {
          ...base,
          kind: 'group',
          entry,
          children: [],
          items: [],
          joint: [],
          owners: [],
          facts: unresolved<GroupFacts>('group'),
        });
        break;
      case 'priority':
        context.put(context.priorities, entry.partnership, entry.id, {
          ...itemBase(entry, partnership),
          kind: 'priority',
          entry,
          objectives: [],
          directActions: [],
          actions: [],
          label: levelName('priority'),
        });
        break;
      case 'objective': {
        const node: ObjectiveNode = {
          ...itemBase(entry, partnership),
          kind: 'objective',
          entry,
          actions: [],
          label: levelName('objective'),
        };
        const same = context.objectives.get(entry.partnership)?.get(entry.id);
        if (same) same.push(node);
        else context.put(context.objectives, entry.partnership, entry.id, [node]);
        break;
      }
      case 'action':
        context.put(context.actions, entry.partnership, entry.id, {
          ...itemBase(entry, partnership),
          kind: 'action',
          entry,
          label: levelName('action'),
          answers: [],
        });
        break;
      case 'review':
        context.put(context.reviews, entry.partnership, entry.id, { ...base, kind: 'review', entry, recommendations: [] });
        break;
      case 'measure':
        context.put(context.measures, entry.partnership, entry.id, {
          ...base,
          kind: 'measure',
          entry,
          evidences: [],
          facts: unresolved<MeasureFacts>('measure'),
        });
        break;
    }
  }
}

/** Strands are declared in partnership.md; items tag themselves with them. */
export function createStrands(context: GraphContext): void {
  for (const partnership of context.partnerships.values()) {
    const declared = new Map<string, StrandNode>();
    partnership.entry.data.strands.forEach((strand, index) => {
      if (declared.has(strand.id)) {
        context.report(partnership.entry, ['strands', index, 'id'], `duplicate strand id "${strand.id}"`, 'each strand needs its own id');
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
    context.strands.set(partnership, declared);
  }
}
