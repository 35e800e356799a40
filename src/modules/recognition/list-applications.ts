import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import type { Tier } from '../../domain/evaluation/types.js';
import {
  RECOGNITION_STATUS_LABELS,
  RETURN_REASONS,
  type RecognitionStatus,
  type ReturnReasonCode,
} from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectApplicationPage } from './applications-review.repo.js';
import type { ApplicationListItem, ApplicationListQuery } from './recognition.schemas.js';

/** Officers and experts do not see an enterprise's drafts unless they ask for them by status. */
const HIDDEN_FROM_OFFICERS = ['draft'];

/**
 * 申报审核 / 我的申报: the applications the actor may read (city all, a district its own and its
 * zone's, an enterprise its own, an expert those it was drawn for), filtered and paged in the query.
 */
export async function listApplications(
  ctx: AppContext,
  actor: Actor | null,
  query: ApplicationListQuery,
): Promise<{ items: ApplicationListItem[]; total: number; page: number; pageSize: number }> {
  const who = requireAccess(actor, 'recognition.read');
  const today = todayInShanghai();
  const { items, total } = await selectApplicationPage(ctx.db, who, {
    roundId: query.roundId,
    statuses: query.status,
    tier: query.tier,
    scoreMin: query.scoreMin,
    scoreMax: query.scoreMax,
    industryCode: query.industryCode,
    districtCode: query.districtCode,
    overdue: query.overdue,
    objection: query.objection,
    q: query.q,
    hiddenStatuses: who.role === 'enterprise' ? [] : HIDDEN_FROM_OFFICERS,
    sort: query.sort,
    today,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: items.map((r) => {
      const status = r.status as RecognitionStatus;
      const code = r.returnReasonCode as ReturnReasonCode | null;
      return {
        id: r.id,
        roundId: r.roundId,
        roundName: r.roundName,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        uscc: r.uscc,
        districtCode: r.districtCode,
        districtName: r.districtName ?? '未知区县',
        industryCode: r.industryCode,
        industryName: r.industryName,
        tier: r.tier,
        tierLabel: TIER_LABELS[r.tier as Tier] ?? '未知层级',
        status,
        statusLabel: RECOGNITION_STATUS_LABELS[status] ?? '未知状态',
        score: r.score,
        outcome: r.outcome,
        expertScore: r.expertScore,
        expertScoreFlagged: r.expertScoreFlagged,
        submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
        districtDueOn: r.districtDueOn,
        overdue: status === 'submitted' && r.districtDueOn !== null && r.districtDueOn < today,
        returnReasonLabel: code && Object.hasOwn(RETURN_REASONS, code) ? RETURN_REASONS[code] : null,
        returnReason: r.returnReason,
        objection: r.objection,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
