/** An objective: the middle level of a three-level plan, below a priority. */
import { z } from 'astro/zod';
import { reference } from './common.ts';
import { planItemFields } from './plan-item.ts';

export const objectiveSchema = z.strictObject({
  ...planItemFields,
  /** The id of the priority it serves (a file in `priorities/`), or "partnership/id" in a shared plan. */
  priority: reference,
});
export type ObjectiveData = z.infer<typeof objectiveSchema>;
