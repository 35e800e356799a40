import { type Check, runChecks } from '../../domain/monitoring/checks.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notInSample } from './monitoring.errors.js';
import type { ReportBody } from './monitoring.schemas.js';
import { loadReportContext } from './report-context.js';
import { valuesOfBody } from './report-values.js';
import { reportKey, selectReportsAround, valuesOfRow } from './reports.repo.js';

/** The checks a report body would meet if submitted now (the form checks as the user types); nothing stored. */
export async function checkReport(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  periodText: string,
  body: ReportBody,
): Promise<{ checks: Check[] }> {
  const who = requireAccess(actor, 'monitoring.report.write');
  const rc = await loadReportContext(ctx.db, who, enterpriseId, periodText);
  if (!rc.inSample) throw notInSample();
  const key = { enterpriseId, year: rc.period.year, month: rc.period.month };
  const around = (await selectReportsAround(ctx.db, [key])).get(reportKey(key));
  const checks = runChecks(valuesOfBody(body), {
    month: rc.period.month,
    lastMonth: around?.lastMonth ? valuesOfRow(around.lastMonth) : null,
    lastYear: around?.lastYear ? valuesOfRow(around.lastYear) : null,
    industrial: rc.industrial,
    settings: rc.settings,
  });
  return { checks };
}
