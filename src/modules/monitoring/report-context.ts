import type { DbOrTx } from '../../db/database.js';
import { isIndustrialSection, rdRequired } from '../../domain/monitoring/checks.js';
import { dueDate, isFuturePeriod, type Period, parsePeriod, periodLastDay } from '../../domain/monitoring/periods.js';
import type { MonitoringSettings } from '../../domain/monitoring/settings.js';
import { type Actor, inScope, scopeOf } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { loadCalendarCached } from '../calendar/load-calendar.js';
import { loadMonitoringSettingsCached } from './load-settings.js';
import { periodFuture } from './monitoring.errors.js';
import { type Dimensions, reportDimensions } from './report-dimensions.js';
import { isInSample } from './sample.repo.js';

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
 * Loads the enterprise's dimensions at the period's end, the settings, the due date and sample
 * membership; 404 when the enterprise is absent or outside the actor's scope (the caller checked the
 * role), 400 for a future month.
 */
export async function loadReportContext(db: DbOrTx, who: Actor, enterpriseId: string, periodText: string): Promise<ReportContext> {
  const period = parsePeriod(periodText);
  if (!period) throw notFound();
  const [dimsMap, inSample, settings, calendar] = await Promise.all([
    reportDimensions(db, [enterpriseId], periodLastDay(period)),
    isInSample(db, enterpriseId),
    // Kept 2 s in this process: read on every report, changed a few times a year.
    loadMonitoringSettingsCached(db),
    loadCalendarCached(db),
  ]);
  const dims = dimsMap.get(enterpriseId);
  if (!dims || !inScope(scopeOf(who), { enterpriseId, districtCode: dims.districtCode, zoneCode: dims.zoneCode })) throw notFound();
  if (isFuturePeriod(period)) throw periodFuture();
  return {
    period,
    periodText,
    dims,
    settings,
    dueOn: dueDate(period, settings, calendar),
    inSample,
    industrial: isIndustrialSection(dims.sectionCode),
    rdRequired: rdRequired(period.month, settings),
  };
}
