import { currentPeriod, dueDate, formatPeriod, isLate, recentPeriods } from '../../domain/monitoring/periods.js';
import { type ReportStatus, reportStatusLabel } from '../../domain/monitoring/report-status.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { loadMonitoringSettings } from './load-settings.js';
import { selectEnterpriseReports } from './reports.repo.js';
import { isInSample } from './sample.repo.js';

/** 我的月报: the enterprise's last 12 periods up to the current month, newest first, with their status. */
export async function listMyReports(ctx: AppContext, actor: Actor | null) {
  const who = requireAccess(actor, 'monitoring.report.read');
  if (who.role !== 'enterprise' || !who.enterpriseId) throw notFound();
  const enterpriseId = who.enterpriseId;
  const periods = recentPeriods(currentPeriod(), 12);
  const years = [...new Set(periods.map((p) => p.year))];
  const [inSample, settings, calendar, rows] = await Promise.all([
    isInSample(ctx.db, enterpriseId),
    loadMonitoringSettings(ctx.db),
    loadCalendar(ctx.db),
    selectEnterpriseReports(ctx.db, enterpriseId, years),
  ]);
  const byPeriod = new Map(rows.map((r) => [`${r.year}-${r.month}`, r]));
  return {
    inSample,
    items: periods.map((p) => {
      const row = byPeriod.get(`${p.year}-${p.month}`);
      const dueOn = row?.dueOn ?? dueDate(p, settings, calendar);
      const status = (row?.status ?? null) as ReportStatus | null;
      return { period: formatPeriod(p), dueOn, status, statusLabel: reportStatusLabel(status), late: row ? row.late : isLate(dueOn) };
    }),
  };
}
