import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { selectReviewsOfUser } from './expert-reviews.repo.js';
import { REVIEW_STATE_LABELS } from './recognition.schemas.js';

/** 专家评审: the applications the logged-in expert was drawn for, newest draw first, each pending or submitted. */
export async function listMyReviews(
  ctx: AppContext,
  actor: Actor | null,
  query: { status?: 'pending' | 'submitted'; page: number; pageSize: number },
) {
  const who = requireAccess(actor, 'recognition.review.mine');
  const { items, total } = await selectReviewsOfUser(ctx.db, who.userId, {
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const names = new Map((await selectEnterpriseNames(ctx.db, [...new Set(items.map((i) => i.enterpriseId))])).map((n) => [n.id, n.name]));
  return {
    items: items.map((i) => {
      const status = i.reviewSubmittedAt ? ('submitted' as const) : ('pending' as const);
      return {
        applicationId: i.applicationId,
        enterpriseName: names.get(i.enterpriseId) ?? '',
        tier: i.tier,
        tierLabel: TIER_LABELS[i.tier] ?? i.tier,
        roundName: i.roundName,
        submittedAt: i.submittedAt?.toISOString() ?? null,
        assignedAt: i.assignedAt.toISOString(),
        status,
        statusLabel: REVIEW_STATE_LABELS[status],
        editable: status === 'pending' && i.applicationStatus === 'expert_review',
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
