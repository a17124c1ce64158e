/**
 * An action: one line of work. It sits under an objective (three-level plans) or directly
 * under a priority (two-level plans); name one of the two, or both if they agree.
 */
import { z } from 'astro/zod';
import { outcomeReference, reference } from './common.ts';
import { planItemFields } from './plan-item.ts';

export const actionSchema = z.strictObject({
  ...planItemFields,
  /**
   * The outcomes it serves, by number (from 1) or id: `serves: [1, 3]`. They are the outcomes of
   * the nearest item above it that states some: its objective's, else its priority's.
   */
  serves: z.array(outcomeReference).default([]),
  /**
   * The id of the objective it delivers (a file in `objectives/`). When two priorities each have an
   * objective with this id, give `priority:` too.
   */
  objective: reference.optional(),
  /**
   * The id of the priority it delivers (a file in `priorities/`), for plans without objectives;
   * "partnership/id" for a priority of a plan this partnership shares with another.
   */
  priority: reference.optional(),
});
export type ActionData = z.infer<typeof actionSchema>;
