import { todayInShanghai } from '../../domain/dates.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import { countDaysByYear, selectYears } from './calendar.repo.js';
import type { CalendarYearsView } from './calendar.schemas.js';

/** The maintained years with their counts of days: any logged-in user (reference data). */
export async function listCalendarYears(ctx: AppContext, actor: Actor | null): Promise<CalendarYearsView> {
  if (!actor) throw unauthenticated();
  const years = await selectYears(ctx.db);
  const counts = new Map((await countDaysByYear(ctx.db)).map((c) => [c.year, c]));
  return {
    years: years.map((y) => ({
      year: y.year,
      source: y.source,
      maintainedAt: y.maintainedAt,
      offCount: counts.get(y.year)?.off ?? 0,
      workCount: counts.get(y.year)?.work ?? 0,
    })),
    currentYear: Number(todayInShanghai().slice(0, 4)),
  };
}
