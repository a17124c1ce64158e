/** A group accountable for work: a sub-group, task-and-finish group, board, or a role such as Business Manager. */
import { z } from 'astro/zod';
import { reference, slug } from './common.ts';

export const groupKindValues = ['board', 'executive', 'sub-group', 'task-and-finish-group', 'forum', 'role', 'members', 'other'] as const;

export const groupSchema = z.strictObject({
  /** The group's name as the plan writes it. */
  name: z.string().trim().min(1),
  /** What sort of group it is. */
  kind: z.enum(groupKindValues),
  /** Its usual abbreviation, if it has one. */
  acronym: z.string().trim().min(1).optional(),
  /** One sentence on what it is for; the file's body can say more. */
  remit: z.string().trim().min(1).optional(),
  /** The id of the group it reports to. */
  parent: reference.optional(),
  /** Ids of partnerships it is shared with, as declared in `partnership.md` under `jointWith`. */
  joint: z.array(slug).default([]),
  /** Its position in lists of groups: 1 comes first. Groups without one are listed by name. */
  order: z.number().int().positive().optional(),
});
export type GroupData = z.infer<typeof groupSchema>;
