/**
 * A reporting year of a plan, like 2020-21 (April to March). Its id is its file name. Its body is
 * the year's foreword, which opens its annual progress report.
 */
import { z } from 'astro/zod';
import { isoDate, markdown, plainText, reference } from './common.ts';

/** The partnership's end-of-year statement on one priority, shown in that priority's section of the annual report. */
export const yearStatement = z.strictObject({
  /** The id of the priority it is about. */
  priority: reference,
  /** What the partnership says about the year's work on it, in Markdown. */
  text: markdown,
});

export const reportingYearSchema = z.strictObject({
  /** The id of the plan whose period it lies in, or "partnership/id" for a plan it shares. */
  plan: reference,
  /** How the year is named on the site; defaults to "2020-21". */
  title: plainText.optional(),
  /** First day of the year; defaults to 1 April. */
  starts: isoDate.optional(),
  /** Last day of the year; defaults to 31 March. */
  ends: isoDate.optional(),
  /** End-of-year statements, one per priority the partnership comments on. */
  statements: z.array(yearStatement).default([]),
});
export type ReportingYearData = z.infer<typeof reportingYearSchema>;
