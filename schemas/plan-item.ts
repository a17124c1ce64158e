/**
 * The fields that priorities, objectives and actions have in common: every level of a plan
 * can state outcomes, name accountable groups and reporting years, be joint work with another
 * partnership, and carry a status and dated progress updates.
 */
import { z } from 'astro/zod';
import { markdown, progressUpdate, rag, reference, reportingYearId, slug, status } from './common.ts';
import { relatedLink } from './link.ts';

export const planItemFields = {
  /** The item's name as the plan words it. */
  title: z.string().trim().min(1),
  /** Its position among its siblings: 1 comes first. */
  order: z.number().int().positive(),
  /** A short reference the plan uses for it, like "P1". */
  code: z.string().trim().min(1).optional(),
  /** What success looks like: one or several statements, in Markdown. */
  outcomes: z.array(markdown).default([]),
  /** Ids of the groups accountable for it (files in `groups/`): none, one or several. */
  groups: z.array(reference).default([]),
  /** The reporting years it belongs to, like `2020-21` (files in `years/`). */
  years: z.array(reportingYearId).default([]),
  /** Ids of partnerships it is done jointly with, as declared in `partnership.md` under `jointWith`. */
  joint: z.array(slug).default([]),
  /** Where it stands. Left out on a priority or objective, it is rolled up from the items below it. */
  status: status.optional(),
  /** An optional red/amber/green rating. */
  rag: rag.optional(),
  /** Dated progress updates, oldest first or in any order. */
  progress: z.array(progressUpdate).default([]),

  // Further reading, apart from the plan's own words.
  /** Related documents and web pages, each a `title` and a `url`: a strategy, a toolkit, a training page, a learning review. */
  links: z.array(relatedLink).default([]),
};
