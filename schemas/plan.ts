/**
 * A business plan: its period, its parts in order, who owns it and how it was agreed. Its body is
 * the plan's introduction. A plan is written once, in one owner's folder, and published on the
 * site of every owner.
 */
import { z } from 'astro/zod';
import { dateRangeHint, yearInRange, yearRangeText } from './values/ranges.ts';
import { isoDate, levelLabels, markdown, plainText, reference, slug } from './common.ts';

/**
 * A period of whole years, written like `2020-2023` (reporting years April 2020 to March 2023),
 * or `2024-onwards` for a plan with no end date; from 1990 to 2100 (schemas/values/ranges.ts).
 */
export const period = z.string().check((ctx) => {
  const value = ctx.value;
  const onwards = /^\d{4}-onwards$/.test(value);
  if (!onwards && !/^\d{4}-\d{4}$/.test(value)) {
    ctx.issues.push({
      code: 'custom',
      message: 'a period written like "2020-2023", or "2024-onwards" for a plan with no end date',
      input: value,
    });
    return;
  }
  const from = Number(value.slice(0, 4));
  const to = onwards ? from + 1 : Number(value.slice(5));
  if (to <= from) {
    ctx.issues.push({ code: 'custom', message: 'a period that ends after it starts, as in "2020-2023"', input: value });
  } else if (!yearInRange(from) || !yearInRange(to)) {
    ctx.issues.push({ code: 'custom', message: `a period ${yearRangeText}`, input: value, params: { hint: dateRangeHint } });
  }
});

export const planPartSchema = z.strictObject({
  /** The part's id, used by priorities' `part` field, like "part-a". */
  id: slug,
  /** The part's heading as the plan writes it, like "Part A: Strategic Objectives 2020-2023". */
  title: plainText,
  /** What this part holds, in Markdown. */
  summary: markdown.optional(),
  /** The names this part gives its levels, where they differ from the partnership's. */
  labels: levelLabels.optional(),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const planSchema = z.strictObject({
  /** The plan's title, like "Business Plan 2020-23". */
  title: plainText,
  /** The years it covers, like "2020-2023": reporting years run from April of the first to March of the last. */
  period,
  /** Its parts or sections, in the order the plan presents them. Leave out for a plan with no parts. */
  parts: z.array(planPartSchema).default([]),
  /** When it was agreed. */
  agreedOn: isoDate.optional(),
  /** Who agreed it, like "the partnership at its Development Day" (the site writes "by" before it). */
  agreedBy: plainText.optional(),
  /** How progress is reported, like "via the HSCP's annual reports". */
  reporting: markdown.optional(),
  /**
   * Other partnerships or bodies that own this plan with the partnership whose folder holds it
   * (their folder names). The plan is published on each owner's site, and their files may add to it.
   */
  owners: z.array(slug).default([]),
  /** The plan that replaced this one, once it has ended (its id, or "partnership/id"). */
  successor: reference.optional(),
  /** Write `none` when the plan deliberately names no accountable groups: nothing then asks for them. */
  groups: z.literal('none').optional(),
  /** Write `none` when the plan deliberately has no reporting years: nothing then asks for them. */
  years: z.literal('none').optional(),
  /**
   * Write `none` when the plan reports its outcomes and measures, not a status for each piece of
   * work: no page, list, filter or report then shows a status or asks for one.
   */
  statuses: z.literal('none').optional(),
  /**
   * How a priority's page lists its actions: by `year` (the years they are planned for: the
   * default), by `strand` (the plan's cross-cutting strands) or by `outcome` (the outcomes they serve).
   */
  listActionsBy: z.enum(['year', 'strand', 'outcome']).default('year'),
});
export type PlanData = z.infer<typeof planSchema>;
