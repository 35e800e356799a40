import { isWeekend } from '../../domain/working-days.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { calendarDateOutsideYear, calendarDayConflict, calendarDayDuplicate, calendarWorkDayNotWeekend } from './calendar.errors.js';
import { lockYear, replaceYearDays, selectYear, selectYearDays } from './calendar.repo.js';
import type { CalendarYearView, ReplaceYearInput } from './calendar.schemas.js';
import { getCalendarYear } from './get-calendar-year.js';
import { forgetCalendar } from './load-calendar.js';

const summary = (days: { date: string; kind: string; name: string }[], kind: 'off' | 'work') =>
  days
    .filter((d) => d.kind === kind)
    .map((d) => `${d.date}（${d.name}）`)
    .join('、');

/**
 * Replaces a year's holiday arrangement (city administrator only): every listed day must be in
 * that year, listed once, either off or working; a make-up working day is a Saturday or Sunday.
 * Nothing is written unless all of it is right. The year then counts as maintained.
 */
export async function replaceCalendarYear(
  ctx: AppContext,
  actor: Actor | null,
  year: number,
  input: ReplaceYearInput,
): Promise<CalendarYearView> {
  const admin = requireAccess(actor, 'reference.manage');
  const seen = new Map<string, string>();
  input.days.forEach((d, i) => {
    const field = `days.${i}.date`;
    if (Number(d.date.slice(0, 4)) !== year) throw calendarDateOutsideYear(d.date, year, field);
    const earlier = seen.get(d.date);
    if (earlier !== undefined) throw earlier === d.kind ? calendarDayDuplicate(d.date, field) : calendarDayConflict(d.date, field);
    seen.set(d.date, d.kind);
    if (d.kind === 'work' && !isWeekend(d.date)) throw calendarWorkDayNotWeekend(d.date, field);
  });
  const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const source = input.source ?? null;
  await ctx.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const beforeYear = await selectYear(tx, year);
    const beforeDays = await selectYearDays(tx, year);
    await replaceYearDays(tx, year, days, { source, maintainedBy: admin.userId, maintainedAt: new Date() });
    await writeAudit(tx, admin, {
      action: 'calendar.year_replace',
      entityType: 'calendar_year',
      entityId: String(year),
      before:
        beforeYear || beforeDays.length
          ? { year, source: beforeYear?.source ?? null, offDays: summary(beforeDays, 'off'), workDays: summary(beforeDays, 'work') }
          : undefined,
      after: { year, source, offDays: summary(days, 'off'), workDays: summary(days, 'work') },
    });
  });
  forgetCalendar(ctx.db);
  return getCalendarYear(ctx, admin, year);
}
