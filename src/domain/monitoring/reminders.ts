// 催报: which automatic reminder a day calls for (pure). The sweep sends each kind once per
// enterprise and period; the windows let a day missed while the platform was down catch up.

/** before_due | due_day | overdue (automatic, once per period) | opening (the 1st) | manual (再次提醒, once a day). */
export type ReminderKind = 'before_due' | 'due_day' | 'overdue' | 'opening' | 'manual';

/** Days after the due date within which the overdue message still goes. */
export const OVERDUE_WINDOW_DAYS = 3;

/** YYYY-MM-DD plus n calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The automatic reminder of `today` for a period due on `dueOn`: before_due from daysBefore days
 * before until the day before, due_day on the due date, overdue from the day after for
 * OVERDUE_WINDOW_DAYS days; null otherwise.
 */
export function reminderKindOn(today: string, dueOn: string, daysBefore: number): ReminderKind | null {
  if (today === dueOn) return 'due_day';
  if (daysBefore > 0 && today < dueOn && today >= addDays(dueOn, -daysBefore)) return 'before_due';
  if (today > dueOn && today <= addDays(dueOn, OVERDUE_WINDOW_DAYS)) return 'overdue';
  return null;
}
