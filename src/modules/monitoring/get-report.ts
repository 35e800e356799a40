import type { Check, ReportValues } from '../../domain/monitoring/checks.js';
import { isLate } from '../../domain/monitoring/periods.js';
import { type ReportStatus, reportActionLabel, reportStatusLabel } from '../../domain/monitoring/report-status.js';
import { type Actor, can, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { userContacts } from '../auth/users.repo.js';
import { loadReportContext } from './report-context.js';
import { reportKey, selectReportsAround, selectReportVersions, valuesOfRow } from './reports.repo.js';

/**
 * One enterprise's report of a month as the form shows it: the stored values (or none yet), the
 * checks they fail and their explanations, last month's and last year's values beside them, and
 * every version. The enterprise itself and its district's or the city's officers (404 otherwise).
 */
export async function getReport(ctx: AppContext, actor: Actor | null, enterpriseId: string, periodText: string) {
  const who = requireAccess(actor, 'monitoring.report.read');
  const rc = await loadReportContext(ctx.db, who, enterpriseId, periodText);
  const key = { enterpriseId, year: rc.period.year, month: rc.period.month };
  const [aroundMap, versions] = await Promise.all([selectReportsAround(ctx.db, [key]), selectReportVersions(ctx.db, key)]);
  const around = aroundMap.get(reportKey(key));
  const current = around?.current ?? null;
  const names = new Map(
    (await userContacts(ctx.db, [...new Set(versions.map((v) => v.actorId).filter((id): id is string => !!id))])).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const status = (current?.status ?? null) as ReportStatus | null;
  return {
    enterpriseId,
    enterpriseName: rc.dims.enterpriseName,
    period: rc.periodText,
    dueOn: current?.dueOn ?? rc.dueOn,
    late: current ? current.late : isLate(rc.dueOn),
    status,
    statusLabel: reportStatusLabel(status),
    version: current?.version ?? 0,
    values: current ? valuesOfRow(current) : (null as ReportValues | null),
    explanations: (current?.explanations ?? {}) as Record<string, string>,
    checks: (current?.checks ?? []) as Check[],
    returnReason: current?.returnReason ?? null,
    lastMonth: around?.lastMonth ? valuesOfRow(around.lastMonth) : null,
    lastYear: around?.lastYear ? valuesOfRow(around.lastYear) : null,
    industrial: rc.industrial,
    rdRequired: rc.rdRequired,
    inSample: rc.inSample,
    canWrite: rc.inSample && can(who, 'monitoring.report.write'),
    history: versions
      .map((v) => ({
        version: v.version,
        action: v.action,
        actionLabel: reportActionLabel(v.action),
        status: v.status,
        statusLabel: reportStatusLabel(v.status),
        at: v.at.toISOString(),
        actorName: v.actorId ? (names.get(v.actorId) ?? null) : null,
        afterDue: v.afterDue,
        note: v.note,
      }))
      .reverse(),
  };
}
