/**
 * The fields that priorities, objectives and actions have in common: every level of a plan
 * can state outcomes and measures, name accountable groups, a lead and reporting years, be due
 * by a date, belong to cross-cutting strands, be joint work with another partnership or body,
 * and carry a status, a rating and dated progress updates.
 */
import { z } from 'astro/zod';
import { due, measure, outcome, plainText, progressUpdate, rag, reference, reportingYearId, slug, status } from './common.ts';
import { relatedLink } from './link.ts';

export const planItemFields = {
  /** The item's name as the plan words it. */
  title: plainText,
  /**
   * A short name for a long title, in the plan's own words, like "Thresholds and MASH referrals":
   * its page shows it as the heading with the full title just below, and lists and breadcrumbs
   * use it, so a phone shows the item's status on the first screen.
   */
  short: plainText.optional(),
  /** Its position among its siblings: 1 comes first. */
  order: z.number().int().positive(),
  /** A short reference the plan uses for it, like "P1", "1a" or "1a.2", shown wherever it is named. */
  code: plainText.optional(),
  /**
   * What success looks like: one or several outcomes, numbered in this order from 1 (or coded as
   * the plan codes them). Each is its text in Markdown, or `text` with an `id` other files cite it
   * by and the plan's own `code` for it, like "1.1".
   */
  outcomes: z.array(outcome).default([]),
  /** How the work is judged: output or outcome measures, each text, or `text` with a `target`. */
  measures: z.array(measure).default([]),
  /** Ids of the groups accountable for it (files in `groups/`): none, one or several. */
  groups: z.array(reference).default([]),
  /**
   * The person or role who leads it, like "Head of Safeguarding, ICB": one, or a list. Kept apart
   * from the accountable groups, as plans keep a strategic lead and a lead sub-group apart.
   */
  lead: z
    .union([plainText, z.array(plainText)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default([]),
  /** When it is due: 2022-03-31, March 2022, Q3 2021-22, 2021-22 (the end of that year) or ongoing. */
  due: due.optional(),
  /** The reporting years it belongs to, like `2020-21` (files in `years/`). */
  years: z.array(reportingYearId).default([]),
  /** Ids of the partnership's cross-cutting strands it belongs to, as declared under `strands` in `partnership.md`. */
  strands: z.array(slug).default([]),
  /** Ids of partnerships or other bodies it is done jointly with: a folder in the content, or one declared under `jointWith`. */
  joint: z.array(slug).default([]),
  /**
   * Where it stands, when the plan or a progress report says. Left out, nothing is claimed: the
   * site says "No status reported". On a priority or objective it is worked out from the items below.
   */
  status: status.optional(),
  /** A rating on the partnership's scale (red, amber or green unless it declares its own). */
  rag: rag.optional(),
  /** Dated progress updates, oldest first or in any order. */
  progress: z.array(progressUpdate).default([]),

  // Further reading, apart from the plan's own words.
  /** Related documents and web pages, each a `title` and a `url`: a strategy, a toolkit, a training page, a learning review. */
  links: z.array(relatedLink).default([]),
};
