import type { DbOrTx } from '../../db/database.js';
import { isIndustrialSection, rdRequired } from '../../domain/monitoring/checks.js';
import { dueDate, isFuturePeriod, type Period, parsePeriod, periodLastDay } from '../../domain/monitoring/periods.js';
import type { MonitoringSettings } from '../../domain/monitoring/settings.js';
import { type Actor, inScope, scopeOf } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { loadCalendarCached } from '../calendar/load-calendar.js';
import { loadMonitoringSettingsCached } from './load-settings.js';
import { periodFuture } from './monitoring.errors.js';
import { type Dimensions, dimensionsOf } from './report-dimensions.js';
import { selectReportSubject } from './sample.repo.js';

/** What every report use case needs about one enterprise's month, loaded in parallel. */
export interface ReportContext {
  period: Period;
  periodText: string;
  dims: Dimensions;
  settings: MonitoringSettings;
  dueOn: string;
  inSample: boolean;
  industrial: boolean;
  rdRequired: boolean;
}

/**
 * Loads the enterprise's dimensions at the period's end and sample membership (one statement), the
 * settings and the due date; 404 when the enterprise is absent or outside the actor's scope (the
 * caller checked the role), 400 for a future month. `lock` (inside a transaction) locks the
 * enterprise for a write of its reports, in the same statement.
 */
export async function loadReportContext(
  db: DbOrTx,
  who: Actor,
  enterpriseId: string,
  periodText: string,
  opts: { lock?: boolean } = {},
): Promise<ReportContext> {
  const period = parsePeriod(periodText);
  if (!period) throw notFound();
  const [subject, settings, calendar] = await Promise.all([
    selectReportSubject(db, enterpriseId, periodLastDay(period), opts.lock ?? false),
    // Kept 2 s in this process: read on every report, changed a few times a year.
    loadMonitoringSettingsCached(db),
    loadCalendarCached(db),
  ]);
  if (!subject) throw notFound();
  const dims = dimensionsOf(subject);
  if (!inScope(scopeOf(who), { enterpriseId, districtCode: dims.districtCode, zoneCode: dims.zoneCode })) throw notFound();
  if (isFuturePeriod(period)) throw periodFuture();
  return {
    period,
    periodText,
    dims,
    settings,
    dueOn: dueDate(period, settings, calendar),
    inSample: subject.inSample,
    industrial: isIndustrialSection(dims.sectionCode),
    rdRequired: rdRequired(period.month, settings),
  };
}
