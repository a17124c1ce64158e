/**
 * The content model: every content type, the folder its files live in and its schema.
 * Astro's content collections and the standalone validator both read this table, so there
 * is one source of truth for what a valid file is.
 */
import type { z } from 'astro/zod';
import { actionSchema } from './action.ts';
import { groupSchema } from './group.ts';
import { measureSchema } from './measure.ts';
import { objectiveSchema } from './objective.ts';
import { pageSchema } from './page.ts';
import { partnershipSchema } from './partnership.ts';
import { planSchema } from './plan.ts';
import { prioritySchema } from './priority.ts';
import { reportingYearSchema } from './reporting-year.ts';
import { reviewSchema } from './review.ts';

export const contentTypes = {
  partnership: { folder: '', schema: partnershipSchema, noun: 'partnership' },
  plan: { folder: 'plans', schema: planSchema, noun: 'plan' },
  year: { folder: 'years', schema: reportingYearSchema, noun: 'reporting year' },
  group: { folder: 'groups', schema: groupSchema, noun: 'group' },
  priority: { folder: 'priorities', schema: prioritySchema, noun: 'priority' },
  objective: { folder: 'objectives', schema: objectiveSchema, noun: 'objective' },
  action: { folder: 'actions', schema: actionSchema, noun: 'action' },
  measure: { folder: 'measures', schema: measureSchema, noun: 'measure' },
  review: { folder: 'reviews', schema: reviewSchema, noun: 'review' },
  page: { folder: 'pages', schema: pageSchema, noun: 'page' },
} as const satisfies Record<string, { folder: string; schema: z.ZodType; noun: string }>;

export type ContentType = keyof typeof contentTypes;
export const contentTypeNames = Object.keys(contentTypes) as ContentType[];

/** The file every partnership folder must have. */
export const partnershipFile = 'partnership.md';

export * from './accessibility.ts';
export * from './action.ts';
export * from './branding.ts';
export * from './common.ts';
export * from './contact.ts';
export * from './group.ts';
export * from './link.ts';
export * from './measure.ts';
export * from './objective.ts';
export * from './page.ts';
export * from './partnership.ts';
export * from './plan.ts';
export * from './priority.ts';
export * from './reporting-year.ts';
export * from './review.ts';
