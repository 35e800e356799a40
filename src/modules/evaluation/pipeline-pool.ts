// The pipeline pool (后备库): enterprises that already qualify for a tier they do not hold, or are
// within reach of it (one condition, or a few points, away), from the latest stored evaluations.
import { isReviewQuestion, REVIEW_QUESTIONS, type ReviewQuestionId } from '../../domain/evaluation/reviews.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { selectHistoryOf, selectResultsOf } from './evaluation.repo.js';
import { countPool, type PoolQuery, selectPoolPage } from './pool.repo.js';

export interface PoolFilter extends PoolQuery {
  page: number;
  pageSize: number;
}

export async function listPipelinePool(ctx: AppContext, actor: Actor | null, filter: PoolFilter) {
  const who = requireAccess(actor, 'evaluation.pool');
  const scope = scopeOf(who);
  const [items, total] = await Promise.all([
    selectPoolPage(ctx.db, scope, filter, { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }),
    countPool(ctx.db, scope, filter),
  ]);
  return {
    items: items.map(({ explanation, ...i }) => ({
      ...i,
      failed: i.failed as string[],
      missing: [...openQuestionsOf(explanation), ...(i.missing as string[])],
    })),
    total,
  };
}

/** "待人工审核：细分市场地位" when a result waits for a person's answer: the pool says what to do next. */
function openQuestionsOf(explanation: unknown): string[] {
  const open = reviewConditionsOf(explanation).filter(([, status]) => status === 'needs_review');
  return open.length ? [`待人工审核：${open.map(([id]) => REVIEW_QUESTIONS[id].name).join('、')}`] : [];
}

/** The review questions among a stored result's conditions, with their status. */
function reviewConditionsOf(explanation: unknown): [ReviewQuestionId, string][] {
  const conditions = (explanation as { conditions?: [string, string][] }).conditions ?? [];
  return conditions.filter((c): c is [ReviewQuestionId, string] => isReviewQuestion(c[0]));
}

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
