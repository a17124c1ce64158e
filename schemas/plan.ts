/** A business plan: its period, its parts in order and how it was agreed. Its body is the plan's introduction. */
import { z } from 'astro/zod';
import { isoDate, levelLabels, markdown, slug } from './common.ts';

/** A period of whole years, written like `2020-2023` or `2019-2021`. */
export const period = z.string().check((ctx) => {
  const value = ctx.value;
  if (!/^\d{4}-\d{4}$/.test(value)) {
    ctx.issues.push({ code: 'custom', message: 'a period written like "2020-2023"', input: value });
  } else if (Number(value.slice(5)) <= Number(value.slice(0, 4))) {
    ctx.issues.push({ code: 'custom', message: 'a period that ends after it starts, as in "2020-2023"', input: value });
  }
});

export const planPartSchema = z.strictObject({
  /** The part's id, used by priorities' `part` field, like "part-a". */
  id: slug,
  /** The part's heading as the plan writes it, like "Part A: Strategic Objectives 2020-2023". */
  title: z.string().trim().min(1),
  /** What this part holds, in Markdown. */
  summary: markdown.optional(),
  /** The names this part gives its levels, where they differ from the partnership's. */
  labels: levelLabels.optional(),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const planSchema = z.strictObject({
  /** The plan's title, like "Business Plan 2020-23". */
  title: z.string().trim().min(1),
  /** The years it covers, like "2020-2023": reporting years run from April of the first to March of the last. */
  period,
  /** Its parts or sections, in the order the plan presents them. Leave out for a plan with no parts. */
  parts: z.array(planPartSchema).default([]),
  /** When it was agreed. */
  agreedOn: isoDate.optional(),
  /** How or by whom it was agreed, like "by the partnership at its Development Day". */
  agreedBy: z.string().trim().min(1).optional(),
  /** How progress is reported, like "via the HSCP's annual reports". */
  reporting: markdown.optional(),
});
export type PlanData = z.infer<typeof planSchema>;
