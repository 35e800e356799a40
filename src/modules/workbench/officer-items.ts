import { TIER_LABELS, TIERS } from '../../domain/enterprise-rules.js';
import { currentPeriod, formatPeriod, periodLabel, previousPeriod } from '../../domain/monitoring/periods.js';
import type { RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import {
  chineseDate,
  countText,
  expiryWindowEnd,
  TITLE_EXPIRY_WARNING_DAYS,
  toneOf,
  WORKBENCH_TOP_UNITS,
} from '../../domain/workbench/items.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { bulletinDue } from '../bulletins/bulletin-due.js';
import { listEnterprises } from '../enterprises/list-enterprises.js';
import { countReviewQuestions } from '../evaluation/count-review-questions.js';
import { countUnreadMessages } from '../messages/count-unread-messages.js';
import { getReportingRates } from '../monitoring/get-reporting-rates.js';
import { listNonReporters } from '../monitoring/list-non-reporters.js';
import { listReports } from '../monitoring/list-reports.js';
import { countApplicationsByDistrict } from '../recognition/count-applications-by-district.js';
import { listAnnualUpdates } from '../recognition/list-annual-updates.js';
import { listApplications } from '../recognition/list-applications.js';
import type { WorkbenchItem } from './workbench.schemas.js';

type Unit = NonNullable<WorkbenchItem['top']>[number];

/** A web path with its query string (the filters of the list it opens). */
export function pageUrl(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The largest non-zero units, each with its own list. */
function topUnits(rows: { code: string; label: string; count: number }[], url: (code: string) => string): Unit[] {
  return rows
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, WORKBENCH_TOP_UNITS)
    .map((r) => ({ ...r, url: url(r.code) }));
}

/**
 * The officer's workbench: a district its own work (初审, questions, 月报, titles, annual updates,
 * messages), the city the same across the districts with the districts that have the most, plus its
 * own 复审. Every count is the total of the list its url opens (the same use case with the same filters).
 */
export async function officerItems(ctx: AppContext, who: Actor, today: string): Promise<WorkbenchItem[]> {
  const isCity = who.role === 'city_admin';
  const where = isCity ? '全市' : '本区县';
  const period = previousPeriod(currentPeriod());
  const periodKey = formatPeriod(period);
  const expiresBy = expiryWindowEnd(today);
  const applications = (q: { status?: RecognitionStatus[]; overdue?: boolean; objection?: 'open' }) =>
    listApplications(ctx, who, { ...q, sort: 'districtDueOn', page: 1, pageSize: 1 }).then((r) => r.total);
  const byDistrict = (statuses: string[], overdue?: boolean) =>
    isCity ? countApplicationsByDistrict(ctx, who, { statuses, overdue }) : Promise.resolve([]);

  const [
    firstReview,
    overdue,
    secondReview,
    objectionsOpen,
    firstByDistrict,
    overdueByDistrict,
    questions,
    nonReporters,
    rates,
    explanations,
    expiring,
    annual,
    unread,
    bulletin,
  ] = await Promise.all([
    applications({ status: ['submitted'] }),
    applications({ overdue: true }),
    isCity ? applications({ status: ['district_approved'] }) : Promise.resolve(0),
    applications({ objection: 'open' }),
    byDistrict(['submitted']),
    byDistrict(['submitted'], true),
    countReviewQuestions(ctx, who),
    listNonReporters(ctx, who, { period: periodKey, page: 1, pageSize: 1 }),
    isCity ? getReportingRates(ctx, who, { period: periodKey }) : Promise.resolve(null),
    listReports(ctx, who, { period: periodKey, status: 'needs_explanation', page: 1, pageSize: 1 }),
    listEnterprises(ctx, who, { titleExpiresBy: expiresBy, page: 1, pageSize: 1 }),
    listAnnualUpdates(ctx, who, { status: 'missing', page: 1, pageSize: 1 }),
    countUnreadMessages(ctx, who),
    isCity ? bulletinDue(ctx.db, today) : Promise.resolve(null),
  ]);

  const items: WorkbenchItem[] = [];
  const applicationsUrl = (params: Record<string, string | undefined>) => pageUrl('/recognition/applications', params);
  items.push({
    key: 'recognition.first_review',
    label: '待初审申报',
    count: firstReview,
    url: applicationsUrl({ status: 'submitted' }),
    tone: isCity ? 'normal' : toneOf(firstReview, { urgent: true }),
    hint: isCity ? '各区县经信委待初审的认定申报' : '企业已提交、待本区县初审的认定申报',
    ...(isCity
      ? {
          top: topUnits(
            firstByDistrict.map((r) => ({ code: r.districtCode, label: r.districtName, count: r.count })),
            (code) => applicationsUrl({ status: 'submitted', district: code }),
          ),
        }
      : {}),
  });
  items.push({
    key: 'recognition.first_review_overdue',
    label: '初审逾期',
    count: overdue,
    url: applicationsUrl({ overdue: '1' }),
    tone: toneOf(overdue, { overdue: true }),
    hint: overdue > 0 ? '已超过区县初审截止日期仍未处理，请尽快初审' : '没有超过初审截止日期的申报',
    ...(isCity
      ? {
          top: topUnits(
            overdueByDistrict.map((r) => ({ code: r.districtCode, label: r.districtName, count: r.count })),
            (code) => applicationsUrl({ overdue: '1', district: code }),
          ),
        }
      : {}),
  });
  if (isCity)
    items.push({
      key: 'recognition.second_review',
      label: '待市级复审',
      count: secondReview,
      url: applicationsUrl({ status: 'district_approved' }),
      tone: toneOf(secondReview, { urgent: true }),
      hint: '区县初审通过、待市经信委复审的认定申报',
    });

  // 异议: the city finds them (and cannot announce the round before it has); a district sees its own waiting.
  items.push({
    key: 'recognition.objections_open',
    label: '公示异议待核查',
    count: objectionsOpen,
    url: applicationsUrl({ objection: 'open' }),
    tone: isCity ? toneOf(objectionsOpen, { urgent: true }) : 'normal',
    hint: isCity
      ? '公示期间收到异议、尚未登记核查结论的申报：核查后登记“成立”或“不成立”，全部核查完毕才能公告'
      : objectionsOpen > 0
        ? '本区县公示中的申报收到异议，待市经信委核查，结论登记后会通知本区县'
        : '本区县公示中的申报没有待核查的异议',
  });

  // 人工审核事项: one item per tier that has any (each opens 后备库 of that tier), or one empty item.
  const withQuestions = TIERS.filter((t) => questions[t] > 0);
  if (withQuestions.length)
    for (const tier of withQuestions)
      items.push({
        key: `evaluation.review_questions.${tier}`,
        label: `待人工审核（${TIER_LABELS[tier]}）`,
        count: questions[tier],
        url: pageUrl('/evaluations/pool', { tier, status: 'review' }),
        tone: 'warning',
        hint: '硬性条件均已满足，尚有评价规则留给人工判断的审核事项待答复',
      });
  else
    items.push({
      key: 'evaluation.review_questions',
      label: '待人工审核事项',
      count: 0,
      url: pageUrl('/evaluations/pool', { status: 'review' }),
      tone: 'normal',
      hint: '后备库中没有待答复的人工审核事项',
    });

  const pastDue = today > nonReporters.dueOn;
  items.push({
    key: 'monitoring.non_reporters',
    label: `${periodLabel(period)}月报未报送`,
    count: nonReporters.total,
    url: pageUrl('/monitoring/chase', { period: periodKey }),
    tone: toneOf(nonReporters.total, { overdue: pastDue, urgent: true }),
    hint: `${where}纳入监测的企业中尚未报送的，报送截止 ${chineseDate(nonReporters.dueOn)}${pastDue ? '（已过截止日）' : ''}`,
    ...(rates
      ? {
          top: topUnits(
            rates.rows.map((r) => ({ code: r.districtCode, label: r.districtName || '未知区县', count: r.sample - r.reported })),
            (code) => pageUrl('/monitoring/chase', { period: periodKey, district: code }),
          ),
        }
      : {}),
  });
  items.push({
    key: 'monitoring.needs_explanation',
    label: `${periodLabel(period)}月报待审核`,
    count: explanations.total,
    url: pageUrl('/monitoring/reports', { period: periodKey, status: 'needs_explanation' }),
    tone: toneOf(explanations.total, { urgent: true }),
    hint: '未通过提示性审核、已填写说明的月报：接受说明或退回企业',
  });
  items.push({
    key: 'titles.expiring',
    label: `称号${TITLE_EXPIRY_WARNING_DAYS}天内到期`,
    count: expiring.total,
    url: pageUrl('/enterprises', { titleExpiresBy: expiresBy }),
    tone: toneOf(expiring.total, { urgent: true }),
    hint: `有效期在 ${chineseDate(expiresBy)} 前届满、尚未进入复核的梯度称号企业`,
  });
  const annualPast = today > annual.dueOn;
  items.push({
    key: 'recognition.annual_update_missing',
    label: `${annual.dataYear}年度信息未更新`,
    count: annual.total,
    url: pageUrl('/recognition/annual-update', { status: 'missing' }),
    tone: toneOf(annual.total, { overdue: annualPast }),
    hint: `持有有效称号、尚未更新 ${annual.dataYear} 年度信息的企业，截止 ${chineseDate(annual.dueOn)}`,
  });
  if (isCity)
    items.push({
      key: 'bulletins.due',
      label: bulletin ? `待发布${bulletin.label}` : '定期通报',
      count: bulletin ? 1 : 0,
      url: bulletin ? pageUrl('/bulletins', { tab: 'draft', kind: bulletin.periodKind, period: bulletin.period }) : '/bulletins',
      tone: bulletin ? 'warning' : 'normal',
      hint: bulletin ? '草稿已按当前数据生成：核对各区县得分和排名后发布，发布后各区县会收到消息' : '已到期的定期通报都已发布',
    });
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
