import { hasFeaturedBlock, reviewQuestionsOf } from '../../domain/recognition/expert-review.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectReviewOfUser } from './expert-reviews.repo.js';
import { loadApplication } from './load-application.js';
import { selectRound } from './rounds.repo.js';

/**
 * The logged-in expert's own review of an application it was drawn for (to continue a draft), with
 * the questions it answers and whether it scores the 特色化 block. Any other application: 404.
 */
export async function getMyReview(ctx: AppContext, actor: Actor | null, applicationId: string) {
  const who = requireAccess(actor, 'recognition.review.mine');
  const app = await loadApplication(ctx.db, who, applicationId);
  const [review, round] = await Promise.all([selectReviewOfUser(ctx.db, app.id, who.userId), selectRound(ctx.db, app.roundId)]);
  if (!review || !round) throw notFound();
  return {
    applicationId: app.id,
    questions: reviewQuestionsOf(app.evaluation),
    featuredApplicable: hasFeaturedBlock(round.ruleSet, app.evaluation),
    answers: review.answers as Record<string, boolean>,
    featuredScore: review.featuredScore,
    score: review.score,
    opinion: review.opinion,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    editable: !review.submittedAt && app.status === 'expert_review',
  };
}
