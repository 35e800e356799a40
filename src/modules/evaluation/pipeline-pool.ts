// The pipeline pool (后备库): enterprises that already qualify for a tier they do not hold, or are
// within reach of it (one condition, or a few points, away), from the latest stored evaluations.
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { districts, enterprises, evaluationResults } from '../../db/schema/index.js';
import { isReviewQuestion, REVIEW_QUESTIONS, type ReviewQuestionId } from '../../domain/evaluation/reviews.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { listConditions } from '../enterprises/enterprises.repo.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { selectHistoryOf, selectResultsOf } from './evaluation.repo.js';

export interface PoolFilter {
  tier: 'innovative' | 'srdi' | 'little_giant';
  /** qualified: already qualifies; review: every hard condition met, a question open; near: one condition or a few points away. */
  status?: 'qualified' | 'review' | 'near';
  district?: string;
  industry?: string;
  page: number;
  pageSize: number;
}

const TIER_ORDER = sql.raw(`array['innovative','srdi','little_giant']`);

function poolConditions(actor: Actor, filter: Omit<PoolFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    // The enterprise scope and filters are the registry's own (one definition of "in scope").
    listConditions(scopeOf(actor), { district: filter.district, industry: filter.industry }),
    eq(evaluationResults.tier, filter.tier),
    eq(evaluationResults.withinReach, true),
    filter.status === 'qualified' ? eq(evaluationResults.outcome, 'qualified') : undefined,
    filter.status === 'review' ? eq(evaluationResults.outcome, 'needs_review') : undefined,
    filter.status === 'near' ? eq(evaluationResults.outcome, 'not_qualified') : undefined,
    // Not holding this tier (or a higher one) already.
    sql`coalesce(array_position(${TIER_ORDER}, ${enterprises.currentTier}), 0) < array_position(${TIER_ORDER}, ${evaluationResults.tier})`,
  );
}

export async function listPipelinePool(ctx: AppContext, actor: Actor | null, filter: PoolFilter) {
  const who = requireAccess(actor, 'evaluation.pool');
  const where = poolConditions(who, filter);
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        enterpriseId: enterprises.id,
        uscc: enterprises.uscc,
        name: enterprises.name,
        districtCode: enterprises.districtCode,
        districtName: districts.name,
        industryCode: enterprises.industryCode,
        currentTier: enterprises.currentTier,
        tier: evaluationResults.tier,
        ruleSet: evaluationResults.ruleSet,
        outcome: evaluationResults.outcome,
        score: evaluationResults.score,
        failed: evaluationResults.failed,
        missing: evaluationResults.missing,
        explanation: evaluationResults.explanation,
        evaluatedAt: evaluationResults.evaluatedAt,
      })
      .from(evaluationResults)
      .innerJoin(enterprises, eq(enterprises.id, evaluationResults.enterpriseId))
      .innerJoin(districts, eq(districts.code, enterprises.districtCode))
      .where(where)
      .orderBy(sql`${evaluationResults.outcome} = 'qualified' desc`, sql`${evaluationResults.score} desc nulls last`, asc(enterprises.name))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    ctx.db
      .select({ total: count() })
      .from(evaluationResults)
      .innerJoin(enterprises, eq(enterprises.id, evaluationResults.enterpriseId))
      .where(where),
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
