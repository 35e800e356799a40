import { todayInShanghai } from '../../domain/dates.js';
import { isIsoDay, yearsDueForMaintenance } from '../../domain/working-days.js';
import type { SweepStep } from '../../server/sweeps.js';
import { remindCalendarMaintenance } from './remind-calendar-maintenance.js';

/** The day of a sweep slot ('2026-12-01T01:00:00+08:00' is 1 December 2026 in Asia/Shanghai). */
function dayOfSlot(slot: string): string {
  const day = slot.slice(0, 10);
  return isIsoDay(day) ? day : todayInShanghai();
}

/**
 * Step of the daily sweep: the current year, and from 1 December the next one, must be maintained;
 * the city administrators are told once per year that is not.
 */
export const CALENDAR_MAINTENANCE_STEP: SweepStep = {
  name: 'calendar.maintenance',
  async run(ctx, slot) {
    const today = dayOfSlot(slot);
    await ctx.db.transaction((tx) => remindCalendarMaintenance(tx, yearsDueForMaintenance(today), today));
  },
};
