// Consistency rules of the registry data, shared by the forms and the import.
import { checkCount, checkStatYear, checkYuan } from './field-rules.js';

export const YEAR_FIELDS = [
  'revenue',
  'mainRevenue',
  'totalProfit',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
  'rdExpense',
  'employees',
  'rdStaff',
  'exports',
  'taxesPaid',
  'equityFinancing',
] as const;
export type YearField = (typeof YEAR_FIELDS)[number];
export type YearValues = Partial<Record<YearField, number | null>>;

export const YEAR_FIELD_LABELS: Record<YearField, string> = {
  revenue: '营业收入',
  mainRevenue: '主营业务收入',
  totalProfit: '利润总额',
  netProfit: '净利润',
  totalAssets: '资产总额',
  totalLiabilities: '负债总额',
  rdExpense: '研发费用',
  employees: '从业人员',
  rdStaff: '研发人员',
  exports: '出口额',
  taxesPaid: '纳税额',
  equityFinancing: '新增股权融资',
};

/** Profit and loss may be negative; nothing else may. */
const MAY_BE_NEGATIVE: readonly YearField[] = ['totalProfit', 'netProfit'];
/** Head counts; every other yearly field is whole yuan. */
export const COUNT_FIELDS: readonly YearField[] = ['employees', 'rdStaff'];

export interface RuleProblem {
  field: string;
  code: string;
  message: string;
}

/** What is wrong with one year's indicators, field by field, in the rule's own words. */
export function checkYearValues(year: number, values: YearValues, currentYear: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const yearProblem = checkStatYear(year, currentYear);
  if (yearProblem) problems.push({ field: 'year', code: yearProblem.code, message: `年度 ${year} 无效：${yearProblem.message}` });
  for (const field of YEAR_FIELDS) {
    const v = values[field];
    if (v === null || v === undefined) continue;
    // The limits of the columns (integer head counts, bigint yuan): what passes here, the database takes.
    const p = COUNT_FIELDS.includes(field) ? checkCount(v) : checkYuan(v, { mayBeNegative: MAY_BE_NEGATIVE.includes(field) });
    if (p) problems.push({ field, code: p.code, message: `${YEAR_FIELD_LABELS[field]}${p.message}` });
  }
  const { revenue, mainRevenue, employees, rdStaff } = values;
  if (revenue != null && mainRevenue != null && mainRevenue > revenue) {
    problems.push({ field: 'mainRevenue', code: 'MAIN_REVENUE_ABOVE_REVENUE', message: '主营业务收入不能大于营业收入' });
  }
  if (employees != null && rdStaff != null && rdStaff > employees) {
    problems.push({ field: 'rdStaff', code: 'RD_STAFF_ABOVE_EMPLOYEES', message: '研发人员不能多于从业人员' });
  }
  return problems;
}

/** Year-on-year change in per cent, one decimal; null when the base is missing or zero. */
export function yearOnYear(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return Math.round(((current - previous) * 1000) / Math.abs(previous)) / 10;
}

export const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

/** The highest tier among titles held on `date` (YYYY-MM-DD): valid, or under 复核 (still valid until the result); or null. */
export function currentTierOf(titles: { tier: string; status: string; validUntil: string | null }[], date: string): Tier | null {
  let best = -1;
  for (const t of titles) {
    if (t.status !== 'under_review' && (t.status !== 'valid' || (t.validUntil !== null && t.validUntil < date))) continue;
    best = Math.max(best, TIERS.indexOf(t.tier as Tier));
  }
  return best >= 0 ? TIERS[best] : null;
}
