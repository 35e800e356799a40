import type { DbOrTx } from '../../db/database.js';
import { todayInShanghai } from '../../domain/dates.js';
import { yearsDueForMaintenance } from '../../domain/working-days.js';
import { cityAdminIds } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';
import { claimReminders, selectYears } from './calendar.repo.js';

/** Where the city administrator maintains the calendar (参考数据 → 工作日历). */
export const CALENDAR_PAGE_LINK = '/reference?tab=calendar';

/**
 * Tells the city administrators to maintain the years among `years` that are due by `today` (the
 * current year; the next one from 1 December) and have no maintained arrangement: one message per
 * administrator and year, at most once per year ever. Returns the years told now.
 */
export async function remindCalendarMaintenance(tx: DbOrTx, years: readonly number[], today = todayInShanghai()): Promise<number[]> {
  const due = new Set(yearsDueForMaintenance(today));
  const candidates = [...new Set(years)].filter((y) => due.has(y));
  if (!candidates.length) return [];
  const maintained = new Set((await selectYears(tx)).map((y) => y.year));
  const missing = candidates.filter((y) => !maintained.has(y));
  const told = await claimReminders(tx, missing);
  if (!told.length) return [];
  const admins = await cityAdminIds(tx);
  await sendMessages(
    tx,
    told.flatMap((year) =>
      admins.map((userId) => ({
        userId,
        category: 'calendar' as const,
        title: `请维护 ${year} 年工作日历`,
        body:
          `${year} 年的节假日安排尚未维护，涉及该年度的工作日期限暂只按周末计算。` +
          `请按国务院办公厅关于 ${year} 年部分节假日安排的通知，在“参考数据 — 工作日历”中录入放假日和调休上班日并保存。`,
        link: CALENDAR_PAGE_LINK,
      })),
    ),
  );
  return told;
}
