import type { DbOrTx } from '../../db/database.js';
import { formatPeriod, type Period, periodLabel } from '../../domain/monitoring/periods.js';
import { daysBetween, type ReminderKind } from '../../domain/monitoring/reminders.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';

function wording(kind: ReminderKind, label: string, dueOn: string, daysLeft: number): { title: string; body: string } {
  switch (kind) {
    case 'opening':
      return {
        title: `${label}运行监测月报已开始报送，截止日期 ${dueOn}`,
        body: `贵企业是运行监测企业，请于 ${dueOn} 前在“月报填报”中报送${label}的运行监测月报（营业收入、利润总额、从业人员等）。`,
      };
    case 'before_due':
      return {
        title: `请于 ${dueOn} 前报送${label}运行监测月报`,
        body: `${label}运行监测月报还有 ${daysLeft} 天截止（${dueOn}），贵企业尚未报送，请尽快在“月报填报”中报送。`,
      };
    case 'due_day':
      return {
        title: `${label}运行监测月报今天截止`,
        body: `${label}运行监测月报今天（${dueOn}）截止，贵企业尚未报送，请今天内在“月报填报”中报送。`,
      };
    case 'overdue':
      return {
        title: `${label}运行监测月报已逾期，请尽快补报`,
        body: `${label}运行监测月报已于 ${dueOn} 截止，贵企业尚未报送。逾期报送的月报仍可提交，将标记为迟报，请尽快在“月报填报”中补报。`,
      };
    case 'manual':
      return {
        title: `区县工信部门提醒：请报送${label}运行监测月报`,
        body: `贵企业尚未报送${label}的运行监测月报（截止日期 ${dueOn}），请尽快在“月报填报”中报送；如有困难请联系所在区县工信部门。`,
      };
  }
}

/** Tells the users of the enterprises (message centre, category 运行监测) to report the month. */
export async function sendReminderMessages(
  tx: DbOrTx,
  enterpriseIds: string[],
  p: Period & { kind: ReminderKind; dueOn: string; today: string },
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  const users = await enterpriseUserIdsOf(tx, enterpriseIds);
  const daysLeft = daysBetween(p.today, p.dueOn);
  const { title, body } = wording(p.kind, periodLabel(p), p.dueOn, daysLeft);
  const period = formatPeriod(p);
  await sendMessages(
    tx,
    enterpriseIds.flatMap((id) =>
      (users.get(id) ?? []).map((userId) => ({
        userId,
        category: 'monitoring' as const,
        title,
        body,
        link: `/monitoring/reports/${id}/${period}`,
      })),
    ),
  );
}
