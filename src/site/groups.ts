import type { GroupData } from '../../schemas/index.ts';

export const groupKindNames: Record<GroupData['kind'], { singular: string; plural: string }> = {
  board: { singular: 'Board', plural: 'Boards and the partnership' },
  executive: { singular: 'Executive group', plural: 'Executive groups' },
  'sub-group': { singular: 'Sub-group', plural: 'Sub-groups' },
  'task-and-finish-group': { singular: 'Task and finish group', plural: 'Task and finish groups' },
  forum: { singular: 'Forum', plural: 'Forums' },
  role: { singular: 'Role', plural: 'Roles' },
  members: { singular: 'Members', plural: 'Members' },
  other: { singular: 'Group', plural: 'Other groups' },
};
