import { reviewQuestionsOf } from '../../domain/recognition/expert-review.js';
import { SCORE_METHOD_LABELS } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { expertNamesOf } from '../experts/review-pool.js';
import { selectReviewsOf } from './expert-reviews.repo.js';
import { loadApplication } from './load-application.js';
import { selectRound } from './rounds.repo.js';

/**
 * The city's view of an application's expert reviews: each drawn expert's score, 特色化 score,
 * answers and opinion (drafts show as not submitted, without their content), the flags, and the
 * final score with the round's method.
 */
export async function listApplicationReviews(ctx: AppContext, actor: Actor | null, applicationId: string) {
  const who = requireAccess(actor, 'recognition.reviews.read');
  const app = await loadApplication(ctx.db, who, applicationId);
  const [reviews, round] = await Promise.all([selectReviewsOf(ctx.db, app.id), selectRound(ctx.db, app.roundId)]);
  if (!round) throw notFound();
  const names = await expertNamesOf(
    ctx.db,
    reviews.map((r) => r.expertId),
  );
  return {
    items: reviews.map((r) => {
      const submitted = r.submittedAt !== null;
      const expert = names.get(r.expertId);
      return {
        expertName: expert?.name ?? '',
        organization: expert?.organization ?? '',
        score: submitted ? r.score : null,
        featuredScore: submitted ? r.featuredScore : null,
        opinion: submitted ? r.opinion : null,
        answers: submitted ? (r.answers as Record<string, boolean>) : {},
        submittedAt: r.submittedAt?.toISOString() ?? null,
        flagged: r.flagged,
      };
    }),
    questions: reviewQuestionsOf(app.evaluation),
    scoreMethod: round.scoreMethod,
    scoreMethodLabel: SCORE_METHOD_LABELS[round.scoreMethod],
    scoreMargin: round.scoreMargin,
    expertScore: app.expertScore,
    expertScoreFlagged: app.expertScoreFlagged,
  };
}
