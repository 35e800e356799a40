import { type HolidayCalendar, WorkingDayInputError, type WorkingDayResult } from '../../domain/working-days.js';
import type { AppContext } from '../../server/context.js';
import { workingDayInputInvalid } from './calendar.errors.js';
import { loadCalendar } from './load-calendar.js';

/**
 * Runs a working-day computation on the maintained calendar. Bad input is a 400 naming the
 * request's field. A read writes nothing: the daily sweep tells the administrators about the due
 * years nobody maintained (calendar.jobs.ts), the answer names them (unmaintainedYears).
 */
export async function computeWithCalendar(
  ctx: AppContext,
  fields: { date: string; days: string },
  compute: (cal: HolidayCalendar) => WorkingDayResult,
): Promise<WorkingDayResult> {
  const cal = await loadCalendar(ctx.db);
  try {
    return compute(cal);
  } catch (e) {
    if (e instanceof WorkingDayInputError) throw workingDayInputInvalid(fields[e.field], e.message);
    throw e;
  }
}
