import { periodEnd } from '../../domain/working-days.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import type { WorkingDayResponse } from './calendar.schemas.js';
import { computeWithCalendar } from './compute-with-calendar.js';

/** The last day of a period of n working days from `start` (GET /api/calendar/period-end): any logged-in user. */
export function findPeriodEnd(ctx: AppContext, actor: Actor | null, start: string, days: number): Promise<WorkingDayResponse> {
  if (!actor) throw unauthenticated();
  return computeWithCalendar(ctx, { date: 'start', days: 'days' }, (cal) => periodEnd(cal, start, days));
}
