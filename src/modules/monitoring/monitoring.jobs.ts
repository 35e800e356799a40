// The monitoring module's steps of the sweeps (src/server/sweeps.ts). Every step is idempotent:
// each reminder kind goes once per enterprise and period (monitoring_reminders).
import { todayInShanghai } from '../../domain/dates.js';
import { isIsoDay } from '../../domain/working-days.js';
import type { SweepStep } from '../../server/sweeps.js';
import { sendOpeningReminders, sendScheduledReminders } from './send-scheduled-reminders.js';

/** The day of a sweep slot ('2026-12-01T01:00:00+08:00' is 1 December 2026 in Asia/Shanghai). */
const dayOfSlot = (slot: string): string => {
  const day = slot.slice(0, 10);
  return isIsoDay(day) ? day : todayInShanghai();
};

/** 催报 (daily): before the due date, on it and the day after, to the sample's non-reporters. */
export const MONITORING_REMINDER_STEP: SweepStep = {
  name: 'monitoring.reminders',
  run: (ctx, slot) => ctx.db.transaction((tx) => sendScheduledReminders(tx, dayOfSlot(slot))).then(() => {}),
};

/** 月报开始报送 (the 1st): the sample's enterprises are told the last month is open and its due date. */
export const MONITORING_OPENING_STEP: SweepStep = {
  name: 'monitoring.opening',
  run: (ctx, slot) => ctx.db.transaction((tx) => sendOpeningReminders(tx, dayOfSlot(slot))).then(() => {}),
};
