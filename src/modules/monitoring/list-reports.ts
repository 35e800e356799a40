import { parsePeriod } from '../../domain/monitoring/periods.js';
import { reportStatusLabel } from '../../domain/monitoring/report-status.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { type ReviewFilter, selectReviewPage } from './review.repo.js';

export const ENTERED_BY_LABELS: Record<string, string> = { enterprise: '企业报送', district: '区县代报' };

/** 月报审核: the reports of a month in the officer's scope, those waiting for a review first. */
export async function listReports(ctx: AppContext, actor: Actor | null, query: Omit<ReviewFilter, 'year' | 'month'> & { period: string }) {
  const officer = requireAccess(actor, 'monitoring.review.read');
  const period = parsePeriod(query.period);
  if (!period) throw notFound();
  const { period: _, ...rest } = query;
  const page = await selectReviewPage(ctx.db, scopeOf(officer), { ...rest, ...period });
  return {
    items: page.items.map((r) => ({
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      uscc: r.uscc,
      districtName: r.districtName ?? '',
      period: query.period,
      status: r.status,
      statusLabel: reportStatusLabel(r.status),
      late: r.late,
      revenueYtd: r.revenueYtd,
      profitYtd: r.profitYtd,
      employees: r.employees,
      explanationCount: r.explanationCount,
      reviewed: r.reviewedAt !== null,
      enteredBy: r.enteredBy,
      enteredByLabel: ENTERED_BY_LABELS[r.enteredBy] ?? '其他',
      submittedAt: r.submittedAt,
      version: r.version,
    })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
