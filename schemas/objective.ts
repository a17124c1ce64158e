/** An objective: the middle level of a three-level plan, below a priority. */
import { z } from 'astro/zod';
import { markdown, outcomeReference, reference } from './common.ts';
import { planItemFields } from './plan-item.ts';

export const objectiveSchema = z.strictObject({
  ...planItemFields,
  /** What the objective is for, in a sentence or two (Markdown): shown first on its page. */
  aim: markdown.optional(),
  /** The outcomes of its priority it serves, by number (from 1) or id: `serves: [1, 3]`. */
  serves: z.array(outcomeReference).default([]),
  /** The id of the priority it serves (a file in `priorities/`), or "partnership/id" in a shared plan. */
  priority: reference,
});
export type ObjectiveData = z.infer<typeof objectiveSchema>;
