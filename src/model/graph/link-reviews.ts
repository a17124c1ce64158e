/**
 * Reviews: each recommendation is linked to the actions that answer it (`answeredBy`), and each
 * of those actions back to it, so a review's page lists the work and an action's page the
 * recommendations it answers. An id with no action file is reported like every reference.
 */
import type { RecommendationFacts, RecommendationNode, ReviewNode } from './nodes.ts';
import { GraphContext } from './context.ts';
import { unresolved } from './unresolved.ts';

function linkReview(context: GraphContext, review: ReviewNode): void {
  review.entry.data.recommendations.forEach((data, index) => {
    const recommendation: RecommendationNode = {
      review,
      index: index + 1,
      number: data.number ?? String(index + 1),
      answeredBy: [],
      facts: unresolved<RecommendationFacts>('recommendation'),
    };
    review.recommendations.push(recommendation);
    data.answeredBy.forEach((reference, at) => {
      const field = ['recommendations', index, 'answeredBy', at];
      const action = context.find(context.actions, 'action', review.entry, field, reference);
      if (!action || recommendation.answeredBy.includes(action)) return;
      recommendation.answeredBy.push(action);
      action.answers.push(recommendation);
    });
  });
}

/** The latest published first; undated ones after, by title. */
const byPublished = (a: ReviewNode, b: ReviewNode) =>
  (b.entry.data.published ?? '').localeCompare(a.entry.data.published ?? '') || a.entry.data.title.localeCompare(b.entry.data.title);

export function linkReviews(context: GraphContext): void {
  for (const review of GraphContext.all(context.reviews)) {
    linkReview(context, review);
    review.partnership.reviews.push(review);
  }
  for (const partnership of context.partnerships.values()) partnership.reviews.sort(byPublished);
}
