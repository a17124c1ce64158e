/**
 * A review: a local or national child safeguarding practice review, or a rapid review, with
 * the recommendations it made. Each recommendation names the actions of the plan that answer
 * it, and carries its own status and dated progress updates, so the review's page and the
 * yearly report can say what was decided and done about it.
 */
import { z } from 'astro/zod';
import { isoDate, markdown, plainText, progressUpdate, reference, status, webAddress } from './common.ts';

/** The kinds of review, each shown in plain words (src/model/labels.ts `reviewKindNames`). */
export const reviewKindValues = ['local-cspr', 'national-review', 'rapid-review', 'learning-review', 'other'] as const;
export const reviewKind = z.enum(reviewKindValues);
export type ReviewKind = z.infer<typeof reviewKind>;

export const recommendationSchema = z.strictObject({
  /** What the review recommends, in Markdown. */
  text: markdown,
  /**
   * How the review numbers it, like "3" or "R3"; left out, its place in the list (1 is the
   * first). Other places name it by this: "Recommendation 3".
   */
  number: z.union([plainText, z.number().int().positive().transform(String)]).optional(),
  /**
   * Where the partners' work on it stands (the same words as an action's status). Left out, the
   * status of its latest progress update that gives one, else "No status reported".
   */
  status: status.optional(),
  /** Dated progress updates on it, each a date, a text and optionally a status. */
  progress: z.array(progressUpdate).default([]),
  /** Ids of the actions (files in `actions/`) that answer it. */
  answeredBy: z.array(reference).default([]),
});
export type RecommendationData = z.infer<typeof recommendationSchema>;

export const reviewSchema = z.strictObject({
  /** The review's name as published, like "Child Q: local child safeguarding practice review". */
  title: plainText,
  /**
   * What kind of review it is: `local-cspr` (a local child safeguarding practice review),
   * `national-review` (one by the national Panel), `rapid-review`, `learning-review` or `other`.
   */
  kind: reviewKind,
  /** The day it was published, like 2021-09-30. */
  published: isoDate.optional(),
  /** Where to read it: its web address, starting https://. */
  url: webAddress.optional(),
  /** A short summary of what it found, in Markdown. */
  summary: markdown.optional(),
  /** Its recommendations, in the review's order. */
  recommendations: z.array(recommendationSchema).default([]),
});
export type ReviewData = z.infer<typeof reviewSchema>;
