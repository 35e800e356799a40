import type { Tier } from '../../domain/enterprise-rules.js';
import { currentPeriod, formatPeriod, parsePeriod, periodLabel, previousPeriod } from '../../domain/monitoring/periods.js';
import type { RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { chineseDate, countText, daysFrom, TITLE_EXPIRY_WARNING_DAYS } from '../../domain/workbench/items.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getNextTierGap } from '../evaluation/get-next-tier-gap.js';
import { countUnreadMessages } from '../messages/count-unread-messages.js';
import { listMyReports } from '../monitoring/list-my-reports.js';
import { getMyAnnualUpdate } from '../recognition/get-my-annual-update.js';
import { listApplications } from '../recognition/list-applications.js';
import { listRounds } from '../recognition/list-rounds.js';
import { pageUrl } from './officer-items.js';
import type { WorkbenchItem } from './workbench.schemas.js';

/** Statuses of the enterprise's own applications that wait for it: a draft to finish, a return to answer. */
export const APPLICATION_TODO_STATUSES: RecognitionStatus[] = ['draft', 'returned'];

/** A report of a month counts as made once accepted or waiting for its explanations' review. */
const MADE = new Set(['accepted', 'needs_explanation']);

/**
 * The reports the enterprise still has to make: the month just ended (due now) unless made, and any
 * month of the last twelve whose report was returned to it. Oldest first.
 */
export function reportsToMake(items: { period: string; status: string | null; dueOn: string }[]) {
  const due = formatPeriod(previousPeriod(currentPeriod()));
  return items
    .filter((i) => i.status === 'returned' || (i.period === due && !MADE.has(i.status ?? '')))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * The enterprise's workbench: its tier and how long the title runs, what its latest evaluation says is
 * missing for the next tier, the rounds open to it, its applications waiting for it, the monthly
 * reports to make (with the due date), the annual update, its unread messages.
 */
export async function enterpriseItems(ctx: AppContext, who: Actor, today: string): Promise<WorkbenchItem[]> {
  const enterpriseId = who.enterpriseId as string;
  const [annual, rounds, todo, reports, unread] = await Promise.all([
    getMyAnnualUpdate(ctx, who),
    listRounds(ctx, who, { page: 1, pageSize: 200 }),
    listApplications(ctx, who, { status: APPLICATION_TODO_STATUSES, sort: 'districtDueOn', page: 1, pageSize: 1 }),
    listMyReports(ctx, who),
    countUnreadMessages(ctx, who),
  ]);
  const held = (annual.title?.tier ?? null) as Tier | null;
  const gap = await getNextTierGap(ctx, who, held);
  const items: WorkbenchItem[] = [];

  const title = annual.title;
  const daysLeft = title?.validUntil ? daysFrom(today, title.validUntil) : null;
  items.push({
    key: 'tier.current',
    label: title ? `当前梯度：${title.tierLabel}` : '当前梯度：尚未获得梯度称号',
    count: title ? 1 : 0,
    url: pageUrl(`/enterprises/${enterpriseId}`, { tab: 'titles' }),
    tone: daysLeft !== null && daysLeft <= TITLE_EXPIRY_WARNING_DAYS ? 'warning' : 'normal',
    hint: title
      ? title.validUntil
        ? `有效期至 ${chineseDate(title.validUntil)}${daysLeft !== null && daysLeft <= TITLE_EXPIRY_WARNING_DAYS ? `，还有 ${countText(daysLeft)} 天到期，请关注复核安排` : ''}`
        : '称号长期有效'
      : '可先到“自评测算”看看离创新型中小企业还差什么',
  });

  if (gap.tier) {
    const missing = gap.result?.missing ?? [];
    items.push({
      key: 'tier.next',
      label: `距${gap.tierLabel}还差`,
      count: missing.length,
      url: gap.result ? pageUrl(`/enterprises/${enterpriseId}`, { tab: 'evaluation' }) : '/self-assessment',
      tone: 'normal',
      hint: !gap.result
        ? '尚无评价结果：可到“自评测算”即时测算'
        : gap.result.outcome === 'qualified'
          ? `最近一次评价已符合${gap.tierLabel}条件，可在申报批次开放时申报`
          : missing.length
            ? missing.slice(0, 3).join('；') + (missing.length > 3 ? `等 ${countText(missing.length)} 项` : '')
            : '最近一次评价未列出差距，可到“自评测算”重新测算',
    });
  }

  // An enterprise's rounds carry its application there and the precheck (listRounds' enterprise view).
  const enterpriseRounds = rounds.items as {
    name: string;
    closesOn: string;
    phase: string;
    myApplication?: unknown;
    eligibility?: { eligible: boolean };
  }[];
  const open = enterpriseRounds.filter((r) => r.phase === 'open' && !r.myApplication && r.eligibility?.eligible);
  items.push({
    key: 'recognition.open_rounds',
    label: '可申报批次',
    count: open.length,
    url: '/recognition/rounds',
    tone: open.length > 0 ? 'warning' : 'normal',
    hint: open.length
      ? `${open
          .slice(0, 2)
          .map((r) => `${r.name}（截止 ${chineseDate(r.closesOn)}）`)
          .join('、')}${open.length > 2 ? ` 等 ${countText(open.length)} 个批次` : ''}`
      : '当前没有本企业可申报的批次，批次开放时会在消息中心通知',
  });

  items.push({
    key: 'recognition.my_todo',
    label: '待完善的申报',
    count: todo.total,
    url: pageUrl('/recognition/applications', { status: APPLICATION_TODO_STATUSES.join(',') }),
    tone: todo.total > 0 ? 'warning' : 'normal',
    hint: todo.total > 0 ? '尚未提交的草稿或被退回、需修改后重新提交的申报' : '没有需要修改或提交的申报',
  });

  if (reports.inSample) {
    const due = reportsToMake(reports.items);
    const first = due[0];
    const late = due.some((d) => today > d.dueOn);
    items.push({
      key: 'monitoring.reports_due',
      label: '待报送月报',
      count: due.length,
      url: first ? `/monitoring/reports/${enterpriseId}/${first.period}` : '/monitoring/my-reports',
      tone: due.length === 0 ? 'normal' : late ? 'danger' : 'warning',
      hint: first
        ? `${periodLabel(parsePeriod(first.period) ?? currentPeriod())}月报${first.status === 'returned' ? '已退回，请修改后' : ''}报送截止 ${chineseDate(first.dueOn)}${today > first.dueOn ? '（已逾期）' : ''}`
        : '已报送的月报都已受理',
    });
  }

  if (annual.holder) {
    const due = annual.due.submittedAt === null && (annual.due.status === 'pending' || annual.due.status === 'late');
    items.push({
      key: 'recognition.annual_update',
      label: `${annual.due.dataYear}年度信息更新`,
      count: due ? 1 : 0,
      url: '/recognition/annual-update',
      tone: !due ? 'normal' : annual.due.status === 'late' ? 'danger' : 'warning',
      hint: due
        ? annual.due.status === 'late'
          ? `截止日期 ${chineseDate(annual.due.dueOn)} 已过，请尽快更新（未按期更新影响复核资格）`
          : `请在 ${chineseDate(annual.due.dueOn)} 前更新`
        : `${annual.due.statusLabel}`,
    });
  }

  items.push({
    key: 'messages.unread',
    label: '未读消息',
    count: unread.count,
    url: pageUrl('/messages', { view: 'unread' }),
    tone: 'normal',
    hint: unread.count > 0 ? `消息中心有 ${countText(unread.count)} 条未读消息` : '消息都已读过',
  });
  return items;
}
