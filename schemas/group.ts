/** A group accountable for work: a sub-group, task-and-finish group, board, or a role such as Business Manager. */
import { z } from 'astro/zod';
import { plainText, reference, slug, webAddress } from './common.ts';

export const groupKindValues = ['board', 'executive', 'sub-group', 'task-and-finish-group', 'forum', 'role', 'members', 'other'] as const;

export const groupSchema = z.strictObject({
  /** The group's name as the plan writes it. */
  name: plainText,
  /** What sort of group it is. */
  kind: z.enum(groupKindValues),
  /** Its usual abbreviation, if it has one. */
  acronym: plainText.optional(),
  /** One sentence on what it is for; the file's body can say more. */
  remit: plainText.optional(),
  /** The id of the group it reports to. */
  parent: reference.optional(),
  /** Ids of partnerships it is shared with, as declared in `partnership.md` under `jointWith`. */
  joint: z.array(slug).default([]),
  /** Its position in lists of groups: 1 comes first. Groups without one are listed by name. */
  order: z.number().int().positive().optional(),
  /** Who chairs or leads it, as a role, like "Director of Children's Services" (a role, not a person's name, so it stays true). */
  chair: plainText.optional(),
  /** The agencies that sit on it, like "Hampshire Constabulary". */
  memberAgencies: z.array(plainText).default([]),
  /** How often it meets, like "every two months" or "four times a year". */
  meets: plainText.optional(),
  /** The web address of its terms of reference. */
  termsOfReference: webAddress.optional(),
});
export type GroupData = z.infer<typeof groupSchema>;
