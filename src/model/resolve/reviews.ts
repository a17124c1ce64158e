/**
 * Reviews' facts: where the work on each recommendation stands, and, for each reporting year,
 * the record the yearly report gives of decisions and actions on reviews.
 *
 * A recommendation's status as of a day is that of its latest progress update dated by then that
 * gives one; with none, its own `status:` when no update is dated after that day (the file's
 * word is then the latest word on it); otherwise none was reported. A year lists every review
 * published by its end (or undated), each recommendation with its status at the year's end and
 * the updates dated within the year.
 */
import type { ProgressUpdate } from '../../../schemas/index.ts';
import type {
  PartnershipNode,
  RecommendationFacts,
  RecommendationNode,
  ReviewNode,
  ReviewsInYear,
  StatusFact,
  YearNode,
} from '../graph/nodes.ts';
import { latestStatusUpdate, ownOrLatestStatus } from './status.ts';
import { judgedAsOf, yearStart } from './year-status.ts';

const newestFirst = (updates: readonly ProgressUpdate[]) => [...updates].sort((a, b) => b.date.localeCompare(a.date));

export function recommendationFacts(recommendation: RecommendationNode): RecommendationFacts {
  const data = recommendation.review.entry.data.recommendations[recommendation.index - 1];
  return { status: ownOrLatestStatus(data.status, data.progress), updates: newestFirst(data.progress) };
}

function statusAsOf(recommendation: RecommendationNode, asOf: string): StatusFact {
  const { status, progress } = recommendation.review.entry.data.recommendations[recommendation.index - 1];
  const update = latestStatusUpdate(progress, asOf);
  if (update) return { status: update.status, source: 'update', update };
  const later = progress.some((u) => u.date > asOf);
  return status && !later ? { status, source: 'own' } : { none: 'not-reported' };
}

/** The reviews a year's report records: those published by the day it is judged as of, or undated. */
export function reviewsPublishedBy(partnership: PartnershipNode, asOf: string): ReviewNode[] {
  return partnership.reviews.filter((review) => (review.entry.data.published ?? '') <= asOf);
}

export function reviewsInYear(year: YearNode, today: string): ReviewsInYear {
  const asOf = judgedAsOf(year, today);
  const starts = yearStart(year);
  const reviews = reviewsPublishedBy(year.partnership, asOf);
  return {
    reviews: reviews.map((review) => ({
      review,
      recommendations: review.recommendations.map((recommendation) => ({
        recommendation,
        status: statusAsOf(recommendation, asOf),
        updates: review.entry.data.recommendations[recommendation.index - 1].progress
          .filter((u) => u.date >= starts && u.date <= asOf)
          .sort((a, b) => a.date.localeCompare(b.date)),
      })),
    })),
  };
}
