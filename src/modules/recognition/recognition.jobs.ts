// The recognition module's steps of the daily sweep (src/server/sweeps.ts DAILY_SWEEP_STEPS). Each
// part adds its steps here; every step is idempotent (a retried sweep repeats nothing).
import { todayInShanghai } from '../../domain/dates.js';
import { isIsoDay } from '../../domain/working-days.js';
import type { SweepStep } from '../../server/sweeps.js';
import { expireEndedTitles } from './expire-titles.js';
import { openDueRounds } from './open-due-rounds.js';
import { remindAnnualUpdates } from './remind-annual-updates.js';
import { remindOverdueReviews } from './remind-overdue-reviews.js';

/** The day of a sweep slot ('2026-12-01T01:00:00+08:00' is 1 December 2026 in Asia/Shanghai). */
export function dayOfSlot(slot: string): string {
  const day = slot.slice(0, 10);
  return isIsoDay(day) ? day : todayInShanghai();
}

// ---- R: district review ----

/** 初审逾期: each district with submitted applications past their due date is told once a day. */
export const OVERDUE_REVIEW_REMINDER_STEP: SweepStep = {
  name: 'recognition.overdue-reviews',
  async run(ctx, slot) {
    const today = dayOfSlot(slot);
    await ctx.db.transaction((tx) => remindOverdueReviews(tx, today));
  },
};

// ---- B: rounds and titles ----

/** 申报开始: rounds whose window opens today send their opening messages and invitations (once per round). */
export const ROUND_OPENING_STEP: SweepStep = {
  name: 'recognition.round-opening',
  run: (ctx, slot) => openDueRounds(ctx, dayOfSlot(slot)).then(() => {}),
};

/** 称号到期: titles whose validity ended expire (those under 复核 stay valid until the result). */
export const TITLE_EXPIRY_STEP: SweepStep = {
  name: 'recognition.title-expiry',
  run: (ctx, slot) => expireEndedTitles(ctx, dayOfSlot(slot)).then(() => {}),
};

// ---- D: annual update ----

/** 年度信息更新提醒: 30, 7 and 1 days before the deadline, holders that have not updated (once per threshold). */
export const ANNUAL_UPDATE_REMINDER_STEP: SweepStep = {
  name: 'recognition.annual-update-reminders',
  async run(ctx, slot) {
    const today = dayOfSlot(slot);
    await ctx.db.transaction((tx) => remindAnnualUpdates(tx, today));
  },
};
