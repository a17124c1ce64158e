/**
 * The groups as the content relates them: trees from the groups that report to nobody, each
 * group under the one it reports to. The board comes first; groups the content places under
 * nobody follow, so the page never suggests a reporting line the plan does not give.
 */
import { groupKindValues } from '../../schemas/index.ts';
import type { GroupNode, PartnershipNode } from '../model/graph/nodes.ts';

export interface GroupTrees {
  /** Boards with every group below them. */
  boards: GroupNode[];
  /** Every other group that reports to nobody, with the groups below it. */
  unplaced: GroupNode[];
}

const rank = (group: GroupNode) => groupKindValues.indexOf(group.entry.data.kind);

export function groupTrees(partnership: PartnershipNode): GroupTrees {
  // partnership.groups is already in the content's order; a stable sort keeps it within each kind.
  const roots = partnership.groups.filter((g) => !g.parent).sort((a, b) => rank(a) - rank(b));
  return {
    boards: roots.filter((g) => g.entry.data.kind === 'board'),
    unplaced: roots.filter((g) => g.entry.data.kind !== 'board'),
  };
}
