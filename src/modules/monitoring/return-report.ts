import { formatPeriod, isLate, parsePeriod, periodLabel } from '../../domain/monitoring/periods.js';
import { reportStatusLabel } from '../../domain/monitoring/report-status.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { enterpriseUserIds } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';
import { keepAggregates } from './keep-aggregates.js';
import { alreadyReturned, reasonRequired, reviewStale } from './monitoring.errors.js';
import { insertReportVersions, valuesOfRow } from './reports.repo.js';
import { markReturned, selectReportInScope } from './review.repo.js';

/**
 * 退回: an officer returns a report with a reason. Through keepAggregates the report leaves the
 * figures (it counts again once resubmitted and accepted); a version row 'return'; the enterprise's
 * users are told in the message centre. Stale version → 409.
 */
export async function returnReport(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  periodText: string,
  input: { version: number; reason?: string | null },
) {
  const officer = requireAccess(actor, 'monitoring.report.review');
  const period = parsePeriod(periodText);
  if (!period) throw notFound();
  const key = { enterpriseId, year: period.year, month: period.month };
  const scope = scopeOf(officer);
  const found = await selectReportInScope(ctx.db, scope, key);
  if (!found) throw notFound();
  const reason = input.reason?.trim();
  if (!reason) throw reasonRequired('退回月报');
  const label = periodLabel(period);
  return ctx.db.transaction((tx) =>
    keepAggregates(tx, [key], async () => {
      const again = await selectReportInScope(tx, scope, key);
      if (!again) throw notFound();
      if (again.report.version !== input.version) throw reviewStale();
      if (again.report.status === 'returned') throw alreadyReturned();
      const now = new Date();
      const row = await markReturned(tx, key, input.version, officer.userId, reason, now);
      if (!row) throw reviewStale();
      await insertReportVersions(tx, [
        {
          ...key,
          version: row.version,
          status: row.status,
          values: { ...valuesOfRow(row), explanations: row.explanations },
          action: 'return',
          afterDue: isLate(row.dueOn, now),
          actorId: officer.userId,
          actorRole: officer.role,
          note: reason,
          at: now,
        },
      ]);
      const users = await enterpriseUserIds(tx, enterpriseId);
      await sendMessages(
        tx,
        users.map((userId) => ({
          userId,
          category: 'monitoring' as const,
          title: `${label}月报已退回，请修改后重新报送`,
          body: `贵企业${label}的运行监测月报已被退回。退回原因：${reason}。请按原因修改后重新报送，报送截止日期为 ${row.dueOn}。`,
          link: `/monitoring/reports/${enterpriseId}/${formatPeriod(period)}`,
        })),
      );
      await writeAudit(tx, officer, {
        action: 'monitoring.report_return',
        entityType: 'monitoring_report',
        entityId: `${enterpriseId}/${formatPeriod(period)}`,
        before: { status: again.report.status, version: again.report.version },
        after: { enterpriseName: found.enterpriseName, period: formatPeriod(period), status: row.status, version: row.version, reason },
      });
      return {
        enterpriseId,
        period: formatPeriod(period),
        status: row.status,
        statusLabel: reportStatusLabel(row.status),
        version: row.version,
        reviewedAt: now,
      };
    }),
  );
}
