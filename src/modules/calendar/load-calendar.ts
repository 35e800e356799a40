import type { DbOrTx } from '../../db/database.js';
import type { HolidayCalendar } from '../../domain/working-days.js';
import { shortCache } from '../../server/short-cache.js';
import { selectAllDays, selectYears } from './calendar.repo.js';

/** The working-day calendar as it is maintained now: every listed day and the maintained years. */
export async function loadCalendar(db: DbOrTx): Promise<HolidayCalendar> {
  // One after the other: inside a transaction both would share its one connection.
  const days = await selectAllDays(db);
  const years = await selectYears(db);
  const offDays = new Set<string>();
  const workDays = new Set<string>();
  for (const d of days) (d.kind === 'work' ? workDays : offDays).add(d.date);
  return { offDays, workDays, maintainedYears: new Set(years.map((y) => y.year)) };
}

const calendars = shortCache<HolidayCalendar>(2000);

/** The same, kept for 2 s per database in this process (the report PUT's path); cleared by a calendar change here. */
export function loadCalendarCached(db: DbOrTx): Promise<HolidayCalendar> {
  return calendars.get(db, () => loadCalendar(db));
}

/** After a change of the calendar: this process reads it again at once. */
export function forgetCalendar(db: DbOrTx): void {
  calendars.clear(db);
}
