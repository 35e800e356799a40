import type { DbOrTx } from '../../db/database.js';
import { ANNUAL_UPDATE_REMINDER_DAYS, annualUpdateDueOn, daysBetween } from '../../domain/recognition/annual-update.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';
import { claimReminders, selectDeadlineSettings } from './annual-updates.repo.js';
import { dueDataYear } from './get-my-annual-update.js';

/** Where the enterprise fills in its annual update. */
export const ANNUAL_UPDATE_LINK = '/recognition/annual-update';

/**
 * Step of the daily sweep: 30, 7 and 1 days before the deadline of last year's update, the holders of
 * a valid title that have not updated are told — once per enterprise and threshold (a sweep that
 * missed a day sends the nearest threshold only; a retried sweep sends nothing twice). Returns the
 * threshold used and the enterprises told.
 */
export async function remindAnnualUpdates(tx: DbOrTx, today: string): Promise<{ daysBefore: number | null; enterprises: string[] }> {
  const dataYear = dueDataYear(today);
  const dueOn = annualUpdateDueOn(dataYear, await selectDeadlineSettings(tx, [dataYear]));
  const days = daysBetween(today, dueOn);
  const daysBefore = [...ANNUAL_UPDATE_REMINDER_DAYS].sort((a, b) => a - b).find((k) => days >= 0 && days <= k) ?? null;
  if (daysBefore === null) return { daysBefore, enterprises: [] };
  const told = await claimReminders(tx, { day: today, dataYear, daysBefore });
  if (!told.length) return { daysBefore, enterprises: [] };
  const users = await enterpriseUserIdsOf(tx, told);
  const when = days === 0 ? '今天截止' : `还有 ${days} 天`;
  await sendMessages(
    tx,
    told.flatMap((id) =>
      (users.get(id) ?? []).map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `请于 ${dueOn} 前完成 ${dataYear} 年度信息更新`,
        body:
          `本企业持有有效的梯度培育称号，须在 ${dueOn} 前（${when}）在“年度信息更新”中填报 ${dataYear} 年度的经营数据。` +
          '逾期未更新的，称号到期时不具备复核资格。',
        link: ANNUAL_UPDATE_LINK,
      })),
    ),
  );
  return { daysBefore, enterprises: told };
}
