/** A reporting year of a plan, like 2020-21 (April to March). Its id is its file name. */
import { z } from 'astro/zod';
import { isoDate, reference } from './common.ts';

export const reportingYearSchema = z.strictObject({
  /** The id of the plan whose period it lies in, or "partnership/id" for a plan it shares. */
  plan: reference,
  /** How the year is named on the site; defaults to "2020-21". */
  title: z.string().trim().min(1).optional(),
  /** First day of the year; defaults to 1 April. */
  starts: isoDate.optional(),
  /** Last day of the year; defaults to 31 March. */
  ends: isoDate.optional(),
});
export type ReportingYearData = z.infer<typeof reportingYearSchema>;
