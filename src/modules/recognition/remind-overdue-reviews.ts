import type { DbOrTx } from '../../db/database.js';
import { districtOfficerIds } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';
import { claimOverdueReminders, countOverdueByDistrict } from './applications-review.repo.js';

/** Where a district officer finds its overdue items (申报审核, filtered). */
export const OVERDUE_LIST_LINK = '/recognition/applications?overdue=true';

/**
 * Daily: every district (and functional zone) with submitted applications past their 初审 due date
 * gets one message per officer with the count, at most once per day (a retried sweep tells no one
 * twice). Returns the districts told now.
 */
export async function remindOverdueReviews(tx: DbOrTx, today: string): Promise<{ districtCode: string; overdue: number }[]> {
  const counts = await countOverdueByDistrict(tx, today);
  const claimed = new Set(await claimOverdueReminders(tx, today, counts));
  const told = counts.filter((c) => claimed.has(c.districtCode));
  for (const { districtCode, overdue } of told) {
    const officers = await districtOfficerIds(tx, districtCode);
    await sendMessages(
      tx,
      officers.map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `初审逾期提醒：${overdue.toLocaleString('zh-CN')} 份申报已超过初审期限`,
        body: `截至 ${today}，本区县有 ${overdue.toLocaleString('zh-CN')} 份认定申报已超过区县初审截止日期仍未处理，请尽快在“申报审核”中完成初审（通过、不通过或退回企业）。`,
        link: OVERDUE_LIST_LINK,
      })),
    );
  }
  return told;
}
