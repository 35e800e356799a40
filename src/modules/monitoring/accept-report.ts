import { formatPeriod, isLate, parsePeriod } from '../../domain/monitoring/periods.js';
import { reportStatusLabel } from '../../domain/monitoring/report-status.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { notAcceptable, reviewStale } from './monitoring.errors.js';
import { insertReportVersions, valuesOfRow } from './reports.repo.js';
import { markReviewed, selectReportInScope } from './review.repo.js';

/**
 * 审核通过: an officer of the enterprise's district (or the city) accepts the explanations of an
 * accepted report: reviewed_by/at, a version row 'accept'. The report's figures do not change (it
 * is counted already). A report waiting for explanations (待说明) or returned cannot be accepted:
 * the enterprise explains or resubmits first. Stale version → 409.
 */
export async function acceptReport(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  periodText: string,
  input: { version: number; note?: string | null },
) {
  const officer = requireAccess(actor, 'monitoring.report.review');
  const period = parsePeriod(periodText);
  if (!period) throw notFound();
  const key = { enterpriseId, year: period.year, month: period.month };
  const note = input.note?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const found = await selectReportInScope(tx, scopeOf(officer), key);
    if (!found) throw notFound();
    const current = found.report;
    if (current.version !== input.version) throw reviewStale();
    if (current.status !== 'accepted') throw notAcceptable(reportStatusLabel(current.status));
    const now = new Date();
    const row = await markReviewed(tx, key, input.version, officer.userId, now);
    if (!row) throw reviewStale();
    await insertReportVersions(tx, [
      {
        ...key,
        version: row.version,
        status: row.status,
        values: { ...valuesOfRow(row), explanations: row.explanations },
        action: 'accept',
        afterDue: isLate(row.dueOn, now),
        actorId: officer.userId,
        actorRole: officer.role,
        note,
        at: now,
      },
    ]);
    await writeAudit(tx, officer, {
      action: 'monitoring.report_accept',
      entityType: 'monitoring_report',
      entityId: `${enterpriseId}/${formatPeriod(period)}`,
      after: { enterpriseName: found.enterpriseName, period: formatPeriod(period), version: row.version, note },
    });
    return {
      enterpriseId,
      period: formatPeriod(period),
      status: row.status,
      statusLabel: reportStatusLabel(row.status),
      version: row.version,
      reviewedAt: now,
    };
  });
}
