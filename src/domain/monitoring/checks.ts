import { REPORT_FIELD_LABELS } from './report-status.js';
import type { MonitoringSettings } from './settings.js';

// The checks of a monthly report (月报审核). Hard checks (强制性审核) block submission: required fields,
// non-negative amounts, 累计 not below last month's 累计 in the same year, 当月 = 累计 − last month's
// 累计, 利润总额 ≤ 营业收入, 研发费用 ≤ 营业收入, employees a whole number, values within the
// database's range. Soft checks (提示性审核) ask for an explanation: |累计同比| beyond the limit, 当月
// 环比 beyond the limit, profit margin outside its band, zero where last year had a value, the R&D
// share of revenue moving more than the limit. Every threshold comes from the settings.

export interface ReportValues {
  revenueMonth?: number | null;
  revenueYtd: number;
  profitYtd: number;
  employees: number;
  rdExpenseYtd?: number | null;
  outputYtd?: number | null;
  exportYtd?: number | null;
  taxYtd?: number | null;
  electricityYtd?: number | null;
  newOrders?: number | null;
  survey?: { orders?: 'up' | 'flat' | 'down'; employment?: 'up' | 'flat' | 'down'; financing?: 'up' | 'flat' | 'down' };
  suggestions?: string | null;
}

export interface Check {
  id: string;
  level: 'hard' | 'soft';
  field: string;
  /** Chinese, names the field. */
  message: string;
}

export interface CheckContext {
  month: number;
  /** The same enterprise's report of the previous month of the same year (null in January or when absent). */
  lastMonth: ReportValues | null;
  /** The same enterprise's report of the same month of the previous year. */
  lastYear: ReportValues | null;
  /** Industry section B, C or D: 工业总产值 is required. */
  industrial: boolean;
  settings: MonitoringSettings;
}

type NumberField =
  | 'revenueMonth'
  | 'revenueYtd'
  | 'profitYtd'
  | 'employees'
  | 'rdExpenseYtd'
  | 'outputYtd'
  | 'exportYtd'
  | 'taxYtd'
  | 'electricityYtd'
  | 'newOrders';

const NUMBER_FIELDS: NumberField[] = [
  'revenueMonth',
  'revenueYtd',
  'profitYtd',
  'outputYtd',
  'employees',
  'rdExpenseYtd',
  'exportYtd',
  'taxYtd',
  'electricityYtd',
  'newOrders',
];
/** 利润总额 may be a loss; every other figure is non-negative. */
const MAY_BE_NEGATIVE: NumberField[] = ['profitYtd'];
/** Cumulative figures that cannot fall within a year. */
const CUMULATIVE: NumberField[] = ['revenueYtd', 'outputYtd', 'rdExpenseYtd', 'exportYtd', 'taxYtd', 'electricityYtd'];
/** 累计同比 is asked about for these. */
const YOY_FIELDS: NumberField[] = ['revenueYtd', 'profitYtd', 'outputYtd'];
/** A zero where last year had a positive value is asked about for these. */
const ZERO_FIELDS: NumberField[] = ['revenueYtd', 'outputYtd', 'rdExpenseYtd', 'exportYtd', 'taxYtd', 'electricityYtd', 'employees'];

/** The largest whole yuan (kWh) a report may carry: a PostgreSQL bigint read back exactly as a double. */
export const MAX_REPORT_AMOUNT = Number.MAX_SAFE_INTEGER;
/** The largest head count (a PostgreSQL integer). */
export const MAX_EMPLOYEES = 2_147_483_647;

const label = (field: string): string => REPORT_FIELD_LABELS[field] ?? field;
const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;
const pct = (v: number): string => `${(Math.round(v * 10) / 10).toFixed(1)}%`;
const signedPct = (v: number): string => (v > 0 ? `+${pct(v)}` : pct(v));
const wan = (yuan: number): string => `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;

/** (cur − prev) ÷ |prev| × 100, unrounded; null when prev is 0 or missing. */
export function changePercent(cur: number | null | undefined, prev: number | null | undefined): number | null {
  if (!present(cur) || !present(prev) || prev === 0) return null;
  return ((cur - prev) / Math.abs(prev)) * 100;
}

/** Whether 研发费用（累计） is required in that month. */
export const rdRequired = (month: number, settings: MonitoringSettings): boolean => settings.rdMonths.includes(month);

/** Industry sections whose firms report 工业总产值 (采矿业, 制造业, 电力热力燃气及水生产和供应业). */
export const INDUSTRIAL_SECTIONS = ['B', 'C', 'D'];
export const isIndustrialSection = (section: string | null | undefined): boolean => !!section && INDUSTRIAL_SECTIONS.includes(section);

/** Every check the values fail, hard ones first. An empty list means the report is accepted as it is. */
export function runChecks(values: ReportValues, ctx: CheckContext): Check[] {
  const hard = hardChecks(values, ctx);
  if (hard.length > 0) return hard;
  return softChecks(values, ctx);
}

function hardChecks(v: ReportValues, ctx: CheckContext): Check[] {
  const out: Check[] = [];
  const add = (id: string, field: string, message: string) => out.push({ id, level: 'hard', field, message });
  const bad = new Set<string>();

  const required: NumberField[] = ['revenueYtd', 'profitYtd', 'employees'];
  if (ctx.industrial) required.push('outputYtd');
  if (rdRequired(ctx.month, ctx.settings)) required.push('rdExpenseYtd');
  for (const f of required) {
    if (!present(v[f])) {
      bad.add(f);
      const why = f === 'outputYtd' ? '（工业企业必填）' : f === 'rdExpenseYtd' ? `（${ctx.month}月须填报）` : '';
      add(`required.${f}`, f, `请填写${label(f)}${why}`);
    }
  }

  for (const f of NUMBER_FIELDS) {
    const x = v[f];
    if (!present(x) || bad.has(f)) continue;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      bad.add(f);
      add(`out_of_range.${f}`, f, `${label(f)}应为数字`);
      continue;
    }
    if (f === 'employees') {
      if (x > MAX_EMPLOYEES) {
        bad.add(f);
        add(`out_of_range.${f}`, f, `${label(f)}超出可填报的范围（最多 ${MAX_EMPLOYEES.toLocaleString('zh-CN')} 人）`);
      } else if (!Number.isInteger(x)) {
        bad.add(f);
        add('employees_integer', f, `${label(f)}应为整数（人）`);
      }
    } else if (Math.abs(x) > MAX_REPORT_AMOUNT) {
      bad.add(f);
      add(`out_of_range.${f}`, f, `${label(f)}超出可填报的范围`);
    } else if (!Number.isInteger(x)) {
      bad.add(f);
      add(`out_of_range.${f}`, f, `${label(f)}应为整数（${f === 'electricityYtd' ? '千瓦时' : '元'}）`);
    }
    if (!bad.has(f) && x < 0 && !MAY_BE_NEGATIVE.includes(f)) {
      bad.add(f);
      add(`negative.${f}`, f, `${label(f)}不能为负数`);
    }
  }
  const ok = (f: NumberField): number | null => {
    const x = v[f];
    return present(x) && !bad.has(f) ? x : null;
  };

  const last = ctx.month > 1 ? ctx.lastMonth : null;
  if (last) {
    for (const f of CUMULATIVE) {
      const cur = ok(f);
      const prev = last[f];
      if (cur !== null && present(prev) && cur < prev) {
        bad.add(f);
        add(`ytd_below_last_month.${f}`, f, `${label(f)}不能低于上月累计（上月 ${fmt(f, prev)}，本月 ${fmt(f, cur)}）`);
      }
    }
  }

  const month = ok('revenueMonth');
  const ytd = ok('revenueYtd');
  if (month !== null && ytd !== null) {
    // January's 当月 is its 累计; later months' is 累计 − last month's 累计 where last month exists.
    const before = ctx.month === 1 ? 0 : present(last?.revenueYtd) ? last.revenueYtd : null;
    if (before !== null) {
      const expected = ytd - before;
      if (Math.abs(month - expected) > ctx.settings.monthTolerance) {
        add(
          'month_mismatch.revenue',
          'revenueMonth',
          `${label('revenueMonth')}应等于本月累计减上月累计（${wan(expected)}），填报的是 ${wan(month)}`,
        );
      }
    }
  }

  const profit = ok('profitYtd');
  if (profit !== null && ytd !== null && profit > ytd) {
    add('profit_above_revenue', 'profitYtd', `${label('profitYtd')}不能大于${label('revenueYtd')}`);
  }
  const rd = ok('rdExpenseYtd');
  if (rd !== null && ytd !== null && rd > ytd) {
    add('rd_above_revenue', 'rdExpenseYtd', `${label('rdExpenseYtd')}不能大于${label('revenueYtd')}`);
  }
  return out;
}

function fmt(field: NumberField, value: number): string {
  if (field === 'employees') return `${value.toLocaleString('zh-CN')} 人`;
  if (field === 'electricityYtd') return `${(value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万千瓦时`;
  return wan(value);
}

function softChecks(v: ReportValues, ctx: CheckContext): Check[] {
  const out: Check[] = [];
  const add = (id: string, field: string, message: string) => out.push({ id, level: 'soft', field, message });
  const s = ctx.settings;
  const ly = ctx.lastYear;

  const zeroed = new Set<NumberField>();
  if (ly) {
    for (const f of ZERO_FIELDS) {
      const prev = ly[f];
      if (v[f] === 0 && present(prev) && prev > 0) zeroed.add(f);
    }
    for (const f of YOY_FIELDS) {
      if (zeroed.has(f)) continue;
      const yoy = changePercent(v[f], ly[f]);
      if (yoy !== null && Math.abs(yoy) > s.yoyLimit) {
        add(`yoy.${f}`, f, `${label(f)}同比${signedPct(yoy)}，超出 ±${s.yoyLimit}%，请说明原因`);
      }
    }
  }

  // 当月环比: this month's revenue against last month's (January has no last month in the same year).
  const last = ctx.month > 1 ? ctx.lastMonth : null;
  if (last) {
    const cur = present(v.revenueMonth) ? v.revenueMonth : present(last.revenueYtd) ? v.revenueYtd - last.revenueYtd : null;
    const prev = present(last.revenueMonth) ? last.revenueMonth : ctx.month === 2 ? last.revenueYtd : null;
    const mom = changePercent(cur, prev);
    if (mom !== null && Math.abs(mom) > s.momLimit) {
      add('mom.revenue', 'revenueMonth', `${label('revenueMonth')}环比${signedPct(mom)}，超出 ±${s.momLimit}%，请说明原因`);
    }
  }

  if (v.revenueYtd > 0) {
    const margin = (v.profitYtd / v.revenueYtd) * 100;
    if (margin < s.marginMin || margin > s.marginMax) {
      add(
        'margin',
        'profitYtd',
        `利润率（${label('profitYtd')}÷${label('revenueYtd')}）为 ${pct(margin)}，超出 ${s.marginMin}%～${s.marginMax}%，请说明原因`,
      );
    }
  }

  for (const f of zeroed) {
    add(`zero_vs_last_year.${f}`, f, `${label(f)}为 0，上年同期为 ${fmt(f, ly?.[f] as number)}，请说明原因`);
  }

  if (ly && present(v.rdExpenseYtd) && v.revenueYtd > 0 && present(ly.rdExpenseYtd) && ly.revenueYtd > 0) {
    const share = (v.rdExpenseYtd / v.revenueYtd) * 100;
    const before = (ly.rdExpenseYtd / ly.revenueYtd) * 100;
    const move = share - before;
    if (Math.abs(move) > s.rdShareMove) {
      add(
        'rd_share_move',
        'rdExpenseYtd',
        `研发费用占营业收入比重为 ${pct(share)}，上年同期 ${pct(before)}，变动 ${(Math.round(Math.abs(move) * 10) / 10).toFixed(1)} 个百分点，超出 ${s.rdShareMove} 个百分点，请说明原因`,
      );
    }
  }
  return out;
}

/** The soft checks among `checks` that have no non-empty explanation. */
export function unexplained(checks: Check[], explanations: Record<string, string> | null | undefined): Check[] {
  return checks.filter((c) => c.level === 'soft' && !(explanations?.[c.id] ?? '').trim());
}
