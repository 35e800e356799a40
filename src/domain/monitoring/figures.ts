// The figures of 运行分析 (capabilities.md §2.3): 累计同比, 两年平均增长, percentage points against all
// monitored SMEs, the period's label and the summary sentence an officer copies. Pure: no I/O.
import { TIER_LABELS } from '../enterprise-rules.js';

/** The tier of a report (highest valid title at the period's end), 'none' for other monitored SMEs. */
export type MonitoringTier = 'little_giant' | 'srdi' | 'innovative' | 'none';
export const MONITORING_TIERS: MonitoringTier[] = ['little_giant', 'srdi', 'innovative', 'none'];
export const MONITORING_TIER_LABELS: Record<MonitoringTier, string> = { ...TIER_LABELS, none: '其他监测中小企业' };

/** The metrics of the figures, in the order they are shown, with their Chinese names. */
export const FIGURE_METRICS = ['revenue', 'profit', 'output', 'rd', 'export', 'tax', 'employees', 'electricity'] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];
export const FIGURE_METRIC_LABELS: Record<FigureMetric, string> = {
  revenue: '营业收入',
  profit: '利润总额',
  output: '工业总产值',
  rd: '研发费用',
  export: '出口额',
  tax: '应交税金',
  employees: '从业人员',
  electricity: '用电量',
};
export { SURVEY_ITEM_LABELS, SURVEY_ITEMS, type SurveyItem } from './report-status.js';

/** One decimal, half away from zero (−0 shown as 0). */
export function round1(value: number): number {
  const r = (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
  return r === 0 ? 0 : r;
}

/** 累计同比 in percent, unrounded: (cur − prev) ÷ |prev| × 100; null when prev is 0. */
export function growthRate(cur: number, prev: number): number | null {
  if (prev === 0) return null;
  return ((cur - prev) / Math.abs(prev)) * 100;
}

/** 累计同比 in percent, one decimal; null when prev is 0. */
export function yoy(cur: number, prev: number): number | null {
  const g = growthRate(cur, prev);
  return g === null ? null : round1(g);
}

/**
 * 两年平均增长 (geometric, NBS): √((1 + g₁)(1 + g₂)) − 1, in percent with one decimal, from this
 * year's growth g₁ and last year's g₂ (unrounded percents). Null when either is unknown or the
 * product is negative (a fall of more than 100 %: no real root).
 */
export function twoYearAverage(g1: number | null, g2: number | null): number | null {
  if (g1 === null || g2 === null) return null;
  const product = (1 + g1 / 100) * (1 + g2 / 100);
  if (product < 0) return null;
  return round1((Math.sqrt(product) - 1) * 100);
}

/** Percentage points of a group's (rounded) growth above all's: what the sentence says, so a − b of the shown values. */
export function ppDifference(group: number | null, all: number | null): number | null {
  if (group === null || all === null) return null;
  return round1(group - all);
}

/** '1—5月' for May (the cumulative months of the year); January alone is '1月'. */
export function periodLabel(month: number): string {
  return month === 1 ? '1月' : `1—${month}月`;
}

/** '2026年1—5月'. */
export function periodLabelWithYear(year: number, month: number): string {
  return `${year}年${periodLabel(month)}`;
}

const pct = (v: number) => `${Math.abs(v).toFixed(1)}%`;

/** '同比增长14.7%' / '同比下降3.2%' / '与上年同期持平' / '上年同期为零，无法计算同比'. */
export function growthPhrase(value: number | null): string {
  if (value === null) return '上年同期为零，无法计算同比';
  if (value === 0) return '与上年同期持平';
  return value > 0 ? `同比增长${pct(value)}` : `同比下降${pct(value)}`;
}

/** '高于全部监测中小企业4.0个百分点' / '低于…' / '与全部监测中小企业持平'; '' when unknown. */
export function comparisonPhrase(pp: number | null, against = '全部监测中小企业'): string {
  if (pp === null) return '';
  if (pp === 0) return `与${against}持平`;
  return `${pp > 0 ? '高于' : '低于'}${against}${Math.abs(pp).toFixed(1)}个百分点`;
}

export interface SentenceFigures {
  enterprises: number;
  revenueYoY: number | null;
  profitYoY: number | null;
}

/**
 * The summary sentence in the seeds' style:
 * "1—5月，全市纳入监测的专精特新中小企业营业收入同比增长14.7%，高于全部监测中小企业4.0个百分点；
 *  利润总额同比增长7.2%，高于全部监测中小企业14.5个百分点。"
 * `scopeName` is '全市' for the city or the district's name. The group is 专精特新 = srdi ∪
 * little_giant (the seeds' "专精特新企业" counts the 小巨人 among them: every 小巨人 is also a 专精特新
 * enterprise), computed by the caller from both tiers' sums; `all` is every monitored SME in scope.
 */
export function summarySentence(args: {
  month: number;
  scopeName: string;
  group: SentenceFigures;
  all: SentenceFigures;
  groupName?: string;
}): string {
  const { month, scopeName, group, all } = args;
  const groupName = args.groupName ?? '专精特新中小企业';
  const head = `${periodLabel(month)}，${scopeName}`;
  if (all.enterprises === 0) return `${head}暂无可比的监测数据（本年和上年同期均已通过审核的月报）。`;
  if (group.enterprises === 0) {
    return `${head}全部监测中小企业营业收入${growthPhrase(all.revenueYoY)}；利润总额${growthPhrase(all.profitYoY)}。${scopeName}暂无可比的${groupName}监测数据。`;
  }
  const part = (label: string, g: number | null, a: number | null) => {
    const cmp = comparisonPhrase(ppDifference(g, a));
    return `${label}${growthPhrase(g)}${cmp ? `，${cmp}` : ''}`;
  };
  return `${head}纳入监测的${groupName}${part('营业收入', group.revenueYoY, all.revenueYoY)}；${part('利润总额', group.profitYoY, all.profitYoY)}。`;
}

/** Share in percent with one decimal; null when the denominator is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round1((part / whole) * 100);
}
