import { type HolidayCalendar, WorkingDayInputError, type WorkingDayResult } from '../../domain/working-days.js';
import type { AppContext } from '../../server/context.js';
import { workingDayInputInvalid } from './calendar.errors.js';
import { loadCalendar } from './load-calendar.js';
import { remindCalendarMaintenance } from './remind-calendar-maintenance.js';

/**
 * Runs a working-day computation on the maintained calendar. Bad input is a 400 naming the
 * request's field; a computation through a due year nobody maintained tells the administrators.
 */
export async function computeWithCalendar(
  ctx: AppContext,
  fields: { date: string; days: string },
  compute: (cal: HolidayCalendar) => WorkingDayResult,
): Promise<WorkingDayResult> {
  const cal = await loadCalendar(ctx.db);
  let result: WorkingDayResult;
  try {
    result = compute(cal);
  } catch (e) {
    if (e instanceof WorkingDayInputError) throw workingDayInputInvalid(fields[e.field], e.message);
    throw e;
  }
  if (result.unmaintainedYears.length) await ctx.db.transaction((tx) => remindCalendarMaintenance(tx, result.unmaintainedYears));
  return result;
}
