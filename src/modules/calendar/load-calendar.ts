import type { DbOrTx } from '../../db/database.js';
import type { HolidayCalendar } from '../../domain/working-days.js';
import { selectAllDays, selectYears } from './calendar.repo.js';

/** The working-day calendar as it is maintained now: every listed day and the maintained years. */
export async function loadCalendar(db: DbOrTx): Promise<HolidayCalendar> {
  const [days, years] = await Promise.all([selectAllDays(db), selectYears(db)]);
  const offDays = new Set<string>();
  const workDays = new Set<string>();
  for (const d of days) (d.kind === 'work' ? workDays : offDays).add(d.date);
  return { offDays, workDays, maintainedYears: new Set(years.map((y) => y.year)) };
}
