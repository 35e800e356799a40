import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import { combineScores, flagScores, hasFeaturedBlock, reviewQuestionsOf } from '../../domain/recognition/expert-review.js';
import { RECOGNITION_STATUS_LABELS, type RecognitionStatus, SCORE_METHOD_LABELS } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { cityAdminIds } from '../auth/find-recipients.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { selectConflict } from '../experts/experts.repo.js';
import { sendMessages } from '../messages/send-messages.js';
import { selectReviewOfUserForUpdate, selectReviewsOf, updateExpertReview, updateReviewFlags } from './expert-reviews.repo.js';
import { loadApplication } from './load-application.js';
import {
  featuredNotApplicable,
  featuredRequired,
  opinionRequired,
  reviewClosed,
  reviewConflict,
  reviewIncomplete,
  reviewQuestionUnknown,
  reviewSubmitted,
} from './recognition.errors.js';
import type { ReviewBody } from './recognition.schemas.js';
import { recordTransition } from './record-transition.js';
import { selectRound } from './rounds.repo.js';

/**
 * An expert saves (or submits) its review of an application it was drawn for: answers to the
 * `needs_review` questions of the frozen evaluation, the 特色化 score where the rule set has that
 * block, a score and an opinion. Any other application is 404 (as absent) and nothing is stored.
 * When the last drawn expert submits, the application gets the final score (the round's mean or
 * median), the flags (a score further than the round's margin from the others' mean) and an
 * 'experts_scored' history entry, and the city is told; all in one transaction, the application
 * locked so that two experts submitting at once both count.
 */
export async function saveExpertReview(ctx: AppContext, actor: Actor | null, applicationId: string, input: ReviewBody) {
  const who = requireAccess(actor, 'recognition.review');
  return ctx.db.transaction(async (tx) => {
    const app = await loadApplication(tx, who, applicationId, { forUpdate: true });
    const review = await selectReviewOfUserForUpdate(tx, app.id, who.userId);
    if (!review) throw notFound();
    if (app.status !== 'expert_review') throw reviewClosed(RECOGNITION_STATUS_LABELS[app.status as RecognitionStatus] ?? app.status);
    if (review.submittedAt) throw reviewSubmitted();
    if (await selectConflict(tx, review.expertId, app.enterpriseId)) throw reviewConflict();
    const round = await selectRound(tx, app.roundId);
    if (!round) throw notFound();

    const questions = reviewQuestionsOf(app.evaluation);
    const known = new Set(questions.map((q) => q.id));
    const unknown = Object.keys(input.answers).filter((id) => !known.has(id));
    if (unknown.length) throw reviewQuestionUnknown(unknown);
    const featured = hasFeaturedBlock(round.ruleSet, app.evaluation);
    const featuredScore = input.featuredScore ?? null;
    if (!featured && featuredScore !== null) throw featuredNotApplicable(ruleSetName(round.ruleSet));
    if (input.submit) {
      const open = questions.filter((q) => input.answers[q.id] === undefined);
      if (open.length) throw reviewIncomplete(open.map((q) => q.question));
      if (featured && featuredScore === null) throw featuredRequired();
      if (!input.opinion) throw opinionRequired();
    }

    const saved = await updateExpertReview(
      tx,
      { applicationId: app.id, expertId: review.expertId },
      {
        answers: input.answers,
        featuredScore,
        score: input.score,
        opinion: input.opinion,
        submittedAt: input.submit ? new Date() : null,
      },
    );
    await writeAudit(tx, who, {
      action: input.submit ? 'recognition.expert_review_submit' : 'recognition.expert_review_save',
      entityType: 'recognition_application',
      entityId: app.id,
      after: {
        expertId: saved.expertId,
        answers: saved.answers,
        featuredScore: saved.featuredScore,
        score: saved.score,
        opinion: saved.opinion,
      },
    });
    if (!input.submit) return { submitted: false, expertScore: null, expertScoreFlagged: false };

    const all = await selectReviewsOf(tx, app.id);
    if (!all.every((r) => r.submittedAt)) return { submitted: true, expertScore: null, expertScoreFlagged: false };
    const scores = all.map((r) => r.score ?? 0);
    const expertScore = combineScores(scores, round.scoreMethod);
    const flags = flagScores(scores, round.scoreMargin);
    const flagged = flags.some(Boolean);
    await updateReviewFlags(
      tx,
      app.id,
      all.filter((_, i) => flags[i]).map((r) => r.expertId),
    );
    const method = SCORE_METHOD_LABELS[round.scoreMethod];
    await recordTransition(tx, who, app, {
      action: 'experts_scored',
      to: 'expert_review',
      reason: `${all.length} 位专家评审完成，专家评分 ${expertScore} 分（${method}）${flagged ? `；有专家评分与其他专家平均分相差超过 ${round.scoreMargin} 分，请复核` : ''}`,
      set: { expertScore, expertScoreFlagged: flagged },
    });
    const [enterprise] = await selectEnterpriseNames(tx, [app.enterpriseId]);
    await sendMessages(
      tx,
      (await cityAdminIds(tx)).map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `专家评审完成：${enterprise?.name ?? ''}`.slice(0, 200),
        body: `“${enterprise?.name ?? ''}”（${round.name}）的 ${all.length} 位专家已全部提交评审意见，专家评分 ${expertScore} 分（${method}）${flagged ? `，有评分相差超过 ${round.scoreMargin} 分` : ''}。`,
        link: `/recognition/applications/${app.id}`,
      })),
    );
    return { submitted: true, expertScore, expertScoreFlagged: flagged };
  });
}
