/** A priority: the top level of a plan (Hampshire's "Strategic Objective", Hounslow's "Priority"). */
import { z } from 'astro/zod';
import { markdown, reference, slug } from './common.ts';
import { planItemFields } from './plan-item.ts';

export const prioritySchema = z.strictObject({
  ...planItemFields,
  /** What the priority is for, in a sentence or two (Markdown): shown first on its page, and with it on the home and plan pages. */
  aim: markdown.optional(),
  /** The id of the plan it belongs to (a file in `plans/`), or "partnership/id" for a plan it shares. */
  plan: reference,
  /** The id of the part of the plan it sits in, as listed in the plan's `parts`; needed when the plan has parts. */
  part: slug.optional(),
});
export type PriorityData = z.infer<typeof prioritySchema>;
