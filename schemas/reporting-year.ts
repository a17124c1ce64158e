/**
 * A partnership's reporting year, like 2020-21 (April to March): its id is its file name, and a
 * period is the same for every partnership, so each of them writes its own year file in its own
 * folder, for every plan it owns or shares that runs in the year. Its body is the year's foreword,
 * which opens the partnership's annual report. The file is optional: every year a plan spans has a
 * page and a report without one.
 *
 * The body writes the yearly report: what comes before the first `## ` heading is the foreword;
 * each `## ` heading then opens a section, those named as the guidance's required topics
 * (schemas/report-sections.ts) filling them, any other being the partnership's own section.
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
  /**
   * Needed only in content written for older versions: the id of the one plan the year reported
   * on ("partnership/id" for one it shares). A year now reports on every plan of the partnership
   * that runs in it.
   */
  plan: reference.optional(),
  /** How the year is named on the site; defaults to "2020-21". */
  title: plainText.optional(),
  /** First day of the year; defaults to 1 April. */
  starts: isoDate.optional(),
  /** Last day of the year; defaults to 31 March. */
  ends: isoDate.optional(),
  /** End-of-year statements, one per priority the partnership comments on. */
  statements: z.array(yearStatement).default([]),
  /** The day the year's report was published on the partnership's website. */
  published: isoDate.optional(),
  /**
   * The day the published report was sent to the Child Safeguarding Practice Review Panel and
   * Foundations, which the guidance asks for within seven days of publication.
   */
  sent: isoDate.optional(),
});
export type ReportingYearData = z.infer<typeof reportingYearSchema>;
