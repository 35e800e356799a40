import { REVIEW_QUESTIONS, type ReviewQuestionId } from '../../domain/evaluation/reviews.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { selectHistoryOf, selectResultsOf } from './evaluation.repo.js';
import { reviewConditionsOf } from './review-conditions.js';

/** The latest evaluation of one enterprise, tier by tier, and its history. */
export async function enterpriseEvaluations(ctx: AppContext, actor: Actor | null, enterpriseId: string) {
  requireAccess(actor, 'evaluation.read');
  const enterprise = await getEnterprise(ctx, actor, enterpriseId); // scope: 404 outside it
  const [latest, history] = await Promise.all([selectResultsOf(ctx.db, enterpriseId), selectHistoryOf(ctx.db, enterpriseId)]);
  if (!latest.length && !history.length) throw notFound();
  return { latest, history, questions: reviewQuestionsOf(latest, enterprise.facts as { reviewerAnswers?: Record<string, boolean> }) };
}

/** The review questions the latest results ask, with the answer on record (null: not answered yet). */
function reviewQuestionsOf(latest: { tier: string; explanation: unknown }[], facts: { reviewerAnswers?: Record<string, boolean> } | null) {
  const out: { id: ReviewQuestionId; tier: string; name: string; question: string; answer: boolean | null }[] = [];
  for (const r of latest)
    for (const [id] of reviewConditionsOf(r.explanation))
      out.push({ id, tier: r.tier, ...REVIEW_QUESTIONS[id], answer: facts?.reviewerAnswers?.[id] ?? null });
  return out;
}
