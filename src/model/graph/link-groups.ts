/** Groups: who each is shared with, and the group it reports to, with no loops. */
import { GraphContext } from './context.ts';
import type { GroupNode } from './nodes.ts';

export function linkGroups(context: GraphContext): void {
  const groups = GraphContext.all(context.groups);
  for (const group of groups) {
    group.joint = context.resolveBodies(group.entry, group.entry.data.joint, 'joint');
    const home = context.bodyById(undefined, group.entry.partnership);
    group.owners = [...(home ? [home] : []), ...group.joint.filter((j) => j.id !== home?.id)];
    if (group.entry.data.parent) {
      const parent = context.resolveGroup(group.entry, ['parent'], group.entry.data.parent, group.entry.data.joint);
      if (parent) {
        group.parent = parent;
        parent.children.push(group);
      }
    }
    group.partnership.groups.push(group);
  }
  cutLoops(context, groups);
}

/**
 * A parent chain that loops back on itself is reported once, on the first group of the loop
 * met, and cut there; groups that merely lead into the loop keep their parents.
 */
function cutLoops(context: GraphContext, groups: readonly GroupNode[]): void {
  const walked = new Map<GroupNode, 'walking' | 'done'>();
  for (const group of groups) {
    const trail: GroupNode[] = [];
    let at: GroupNode | undefined = group;
    while (at && !walked.has(at)) {
      walked.set(at, 'walking');
      trail.push(at);
      at = at.parent;
    }
    if (at && walked.get(at) === 'walking') {
      const loop = trail.slice(trail.indexOf(at));
      context.report(
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
