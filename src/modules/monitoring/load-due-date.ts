import type { DbOrTx } from '../../db/database.js';
import { dueDate, type Period } from '../../domain/monitoring/periods.js';
import type { MonitoringSettings } from '../../domain/monitoring/settings.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { loadMonitoringSettings } from './load-settings.js';

/** The settings and the due dates of some periods (the working-day calendar as maintained now). */
export async function loadDueDates(db: DbOrTx, periods: Period[]): Promise<{ settings: MonitoringSettings; dueOn: string[] }> {
  const [settings, calendar] = await Promise.all([loadMonitoringSettings(db), loadCalendar(db)]);
  return { settings, dueOn: periods.map((p) => dueDate(p, settings, calendar)) };
}
