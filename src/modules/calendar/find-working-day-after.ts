import { addWorkingDays } from '../../domain/working-days.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import type { WorkingDayResponse } from './calendar.schemas.js';
import { computeWithCalendar } from './compute-with-calendar.js';

/** The n-th working day after `from` (GET /api/calendar/add-working-days): any logged-in user. */
export function findWorkingDayAfter(ctx: AppContext, actor: Actor | null, from: string, days: number): Promise<WorkingDayResponse> {
  if (!actor) throw unauthenticated();
  return computeWithCalendar(ctx, { date: 'from', days: 'days' }, (cal) => addWorkingDays(cal, from, days));
}
