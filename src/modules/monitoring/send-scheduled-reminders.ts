import type { DbOrTx } from '../../db/database.js';
import { type Period, previousPeriod } from '../../domain/monitoring/periods.js';
import { type ReminderKind, reminderKindOn } from '../../domain/monitoring/reminders.js';
import { claimAutomaticReminders } from './chasing.repo.js';
import { loadDueDates } from './load-due-date.js';
import { sendReminderMessages } from './reminder-messages.js';

const periodOfDay = (day: string): Period => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });

/**
 * The daily reminders of 催报 (sweep step): for the months whose due date is near (the last two),
 * reminderDaysBefore days before the due date, on the due date and the day after, every sample
 * enterprise that has not reported is told once per kind (monitoring_reminders). Idempotent.
 */
export async function sendScheduledReminders(
  tx: DbOrTx,
  today: string,
): Promise<{ period: Period; kind: ReminderKind; enterprises: number }[]> {
  const last = previousPeriod(periodOfDay(today));
  const periods = [last, previousPeriod(last)];
  const { settings, dueOn } = await loadDueDates(tx, periods);
  const sent: { period: Period; kind: ReminderKind; enterprises: number }[] = [];
  for (const [i, period] of periods.entries()) {
    const kind = reminderKindOn(today, dueOn[i], settings.reminderDaysBefore);
    if (!kind) continue;
    const told = await claimAutomaticReminders(tx, { ...period, kind, day: today });
    await sendReminderMessages(tx, told, { ...period, kind, dueOn: dueOn[i], today });
    sent.push({ period, kind, enterprises: told.length });
  }
  return sent;
}

/** On the 1st (monthly reminder): the last month is open for reporting; its due date. Once per enterprise and month. */
export async function sendOpeningReminders(tx: DbOrTx, today: string): Promise<{ period: Period; enterprises: number }> {
  const period = previousPeriod(periodOfDay(today));
  const {
    dueOn: [dueOn],
  } = await loadDueDates(tx, [period]);
  const told = await claimAutomaticReminders(tx, { ...period, kind: 'opening', day: today });
  await sendReminderMessages(tx, told, { ...period, kind: 'opening', dueOn, today });
  return { period, enterprises: told.length };
}
