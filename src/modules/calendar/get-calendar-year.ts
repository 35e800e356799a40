import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import { findUserById } from '../auth/users.repo.js';
import { selectYear, selectYearDays } from './calendar.repo.js';
import { CALENDAR_DAY_KIND_LABELS, type CalendarDayKind, type CalendarYearView } from './calendar.schemas.js';

/** A year's arrangement, day by day (an unmaintained year answers maintained: false and its days so far). */
export async function getCalendarYear(ctx: AppContext, actor: Actor | null, year: number): Promise<CalendarYearView> {
  if (!actor) throw unauthenticated();
  const row = await selectYear(ctx.db, year);
  const days = await selectYearDays(ctx.db, year);
  const by = row?.maintainedBy ? await findUserById(ctx.db, row.maintainedBy) : undefined;
  return {
    year,
    maintained: row !== undefined,
    source: row?.source ?? null,
    maintainedAt: row?.maintainedAt ?? null,
    maintainedByName: by ? by.displayName : null,
    days: days.map((d) => ({
      date: d.date,
      kind: d.kind as CalendarDayKind,
      kindLabel: CALENDAR_DAY_KIND_LABELS[d.kind as CalendarDayKind],
      name: d.name,
    })),
  };
}
