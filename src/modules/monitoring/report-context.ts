import type { DbOrTx } from '../../db/database.js';
import { isIndustrialSection, rdRequired } from '../../domain/monitoring/checks.js';
import { dueDate, isFuturePeriod, type Period, parsePeriod, periodLastDay } from '../../domain/monitoring/periods.js';
import type { MonitoringSettings } from '../../domain/monitoring/settings.js';
import type { HolidayCalendar } from '../../domain/working-days.js';
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

/** The settings and the working-day calendar a report is checked and dated by. */
export interface ReportRules {
  settings: MonitoringSettings;
  calendar: HolidayCalendar;
}

/**
 * Kept 2 s in this process (read on every report, changed a few times a year). Read them from the
 * database handle, not a transaction's: the cache is per handle, and a transaction's is new each time.
 */
export async function loadReportRules(db: DbOrTx): Promise<ReportRules> {
  const [settings, calendar] = await Promise.all([loadMonitoringSettingsCached(db), loadCalendarCached(db)]);
  return { settings, calendar };
}

/**
 * Loads the enterprise's dimensions at the period's end and sample membership (one statement), the
 * settings and the due date; 404 when the enterprise is absent or outside the actor's scope (the
 * caller checked the role), 400 for a future month. `lock` (inside a transaction) locks the
 * enterprise for a write of its reports, in the same statement; such a caller passes the `rules` it
 * loaded before the transaction (loadReportRules), so that they come from the cache.
 */
export async function loadReportContext(
  db: DbOrTx,
  who: Actor,
  enterpriseId: string,
  periodText: string,
  // A locking caller runs in a transaction, whose handle the cache does not know: it must bring the rules.
  opts: { lock?: false; rules?: ReportRules } | { lock: true; rules: ReportRules } = {},
): Promise<ReportContext> {
  const period = parsePeriod(periodText);
  if (!period) throw notFound();
  const [subject, { settings, calendar }] = await Promise.all([
    selectReportSubject(db, enterpriseId, periodLastDay(period), opts.lock ?? false),
    opts.rules ?? loadReportRules(db),
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
