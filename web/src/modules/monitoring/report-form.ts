// The monthly report (月报) between the API (whole yuan, whole kWh) and the form on screen (万元 and
// 万千瓦时, as the official form asks). Pure, so that it can be tested on its own.

import { formatWan, parseAmount } from '../../../../src/domain/amounts';
import {
  REPORT_FIELD_LABELS,
  SURVEY_ANSWERS,
  SURVEY_ITEM_LABELS,
  SURVEY_ITEMS as SURVEY_KEYS,
  SURVEY_LABELS,
  type SurveyAnswer,
} from '../../../../src/domain/monitoring/report-status';
import type { ReportInput, ReportValues } from './api';

export type Unit = 'wan' | 'wanKwh' | 'persons';
export type FieldKey =
  | 'revenueYtd'
  | 'revenueMonth'
  | 'profitYtd'
  | 'outputYtd'
  | 'employees'
  | 'rdExpenseYtd'
  | 'exportYtd'
  | 'taxYtd'
  | 'electricityYtd'
  | 'newOrders';

export interface FieldDef {
  key: FieldKey;
  label: string;
  unit: Unit;
  help: string;
  /** A loss or a fall may be negative (利润总额 only). */
  signed?: boolean;
}

export const UNIT_LABELS: Record<Unit, string> = { wan: '万元', wanKwh: '万千瓦时', persons: '人' };

/** The figures of the form in the official order (营业收入（当月） is computed and shown beside 累计). */
export const REPORT_FIELDS: FieldDef[] = [
  { key: 'revenueYtd', label: REPORT_FIELD_LABELS.revenueYtd, unit: 'wan', help: '本年1月至本月的营业收入合计' },
  { key: 'revenueMonth', label: REPORT_FIELD_LABELS.revenueMonth, unit: 'wan', help: '本月的营业收入' },
  { key: 'profitYtd', label: REPORT_FIELD_LABELS.profitYtd, unit: 'wan', help: '本年1月至本月的利润总额，亏损填负数', signed: true },
  { key: 'outputYtd', label: REPORT_FIELD_LABELS.outputYtd, unit: 'wan', help: '工业企业填写：本年1月至本月的工业总产值（当年价格）' },
  { key: 'employees', label: REPORT_FIELD_LABELS.employees, unit: 'persons', help: '本月末的从业人员数' },
  { key: 'rdExpenseYtd', label: REPORT_FIELD_LABELS.rdExpenseYtd, unit: 'wan', help: '本年1月至本月的研发费用' },
  { key: 'exportYtd', label: REPORT_FIELD_LABELS.exportYtd, unit: 'wan', help: '本年1月至本月的出口额，没有填 0' },
  { key: 'taxYtd', label: REPORT_FIELD_LABELS.taxYtd, unit: 'wan', help: '本年1月至本月的应交税金合计' },
  { key: 'electricityYtd', label: REPORT_FIELD_LABELS.electricityYtd, unit: 'wanKwh', help: '本年1月至本月的用电量' },
  { key: 'newOrders', label: REPORT_FIELD_LABELS.newOrders, unit: 'wan', help: '本月新签订的订单金额' },
];

/** The Chinese name of every field of the API (check messages use the same names). */
export const FIELD_LABELS = REPORT_FIELD_LABELS;

const SURVEY_HELP: Record<(typeof SURVEY_KEYS)[number], string> = {
  orders: '与上月相比，本月订单',
  employment: '与上月相比，本月用工需求',
  financing: '与上月相比，本月融资需求',
};
export const SURVEY_ITEMS = SURVEY_KEYS.map((key) => ({ key, label: SURVEY_ITEM_LABELS[key], help: SURVEY_HELP[key] }));
export const SURVEY_OPTIONS = SURVEY_ANSWERS.map((value) => ({ value, label: SURVEY_LABELS[value] }));

/** The values as the form holds them: numbers as typed (万元, 万千瓦时, persons). */
export type FormValues = Partial<Record<FieldKey, number | null>> & {
  survey?: { orders?: SurveyAnswer; employment?: SurveyAnswer; financing?: SurveyAnswer };
  suggestions?: string | null;
};

const present = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whole yuan (or kWh) → 万 as a number for the input, exact (12,345,678 → 1234.5678). */
export const toWan = (whole: unknown): number | null => (present(whole) ? Number(formatWan(whole)) : null);

/** 万 as typed → whole yuan (or kWh); null when empty or not a number the form accepts. */
export function fromWan(wan: unknown): number | null {
  if (!present(wan)) return null;
  const parsed = parseAmount(wan, 'wan');
  return 'yuan' in parsed ? parsed.yuan : null;
}

/** Why a typed amount cannot be sent, in Chinese; null when it can. `initial` (the stored value) passes as it is. */
export function amountProblem(
  wan: unknown,
  unit: Unit,
  { signed = false, initial }: { signed?: boolean; initial?: number | null } = {},
): string | null {
  if (wan === null || wan === undefined) return null;
  if (!present(wan)) return '请填写数字';
  if (!signed && wan < 0) return '不能为负数';
  if (unit === 'persons') return Number.isInteger(wan) ? (wan > 10_000_000 ? '人数超出范围' : null) : '从业人员应为整数';
  const parsed = parseAmount(wan, 'wan');
  if ('problem' in parsed) return parsed.problem === 'too_large' ? '数值超出范围' : `以${UNIT_LABELS[unit]}填写，最多一位小数`;
  if (initial !== undefined && initial !== null && wan === initial) return null;
  // One decimal of 万 = whole thousands.
  return parsed.yuan % 1000 === 0 ? null : `以${UNIT_LABELS[unit]}填写，最多一位小数`;
}

/** The API's values → the form. */
export function toFormValues(values: ReportValues | null | undefined): FormValues {
  if (!values) return { survey: {} };
  const out: FormValues = { survey: { ...(values.survey ?? {}) }, suggestions: values.suggestions ?? null };
  for (const f of REPORT_FIELDS) {
    const v = values[f.key];
    out[f.key] = f.unit === 'persons' ? (present(v) ? v : null) : toWan(v);
  }
  return out;
}

/**
 * 营业收入（当月） follows from 累计: in January it is 累计 itself, later 累计 − last month's 累计 when
 * last month was reported (yuan). Null when it cannot be computed (the enterprise types it then).
 */
export function computedRevenueMonth(month: number, revenueYtd: number | null, lastMonth: ReportValues | null): number | null {
  if (revenueYtd === null) return null;
  if (month === 1) return revenueYtd;
  if (lastMonth && present(lastMonth.revenueYtd)) return revenueYtd - lastMonth.revenueYtd;
  return null;
}

/** Whether 当月 is computed (not typed) for this period. */
export const revenueMonthComputed = (month: number, lastMonth: ReportValues | null) =>
  month === 1 || (lastMonth !== null && present(lastMonth.revenueYtd));

/**
 * The form → the API's body (whole yuan; empty optional fields left out). Null when a required figure
 * (营业收入累计, 利润总额累计, 从业人员) is missing or a typed value cannot be sent: nothing to check yet.
 */
export function toReportInput(
  form: FormValues,
  ctx: { month: number; lastMonth: ReportValues | null; industrial: boolean },
): ReportInput | null {
  const body: ReportInput = {};
  for (const f of REPORT_FIELDS) {
    if (f.key === 'revenueMonth') continue;
    if (f.key === 'outputYtd' && !ctx.industrial) continue;
    const v = form[f.key];
    if (v === null || v === undefined) continue;
    if (f.unit === 'persons') {
      if (!Number.isInteger(v)) return null;
      body[f.key] = v;
      continue;
    }
    const whole = fromWan(v);
    if (whole === null) return null;
    body[f.key] = whole;
  }
  if (body.revenueYtd === undefined || body.profitYtd === undefined || body.employees === undefined) return null;
  if (revenueMonthComputed(ctx.month, ctx.lastMonth)) {
    body.revenueMonth = computedRevenueMonth(ctx.month, body.revenueYtd, ctx.lastMonth);
  } else if (form.revenueMonth !== null && form.revenueMonth !== undefined) {
    const whole = fromWan(form.revenueMonth);
    if (whole === null) return null;
    body.revenueMonth = whole;
  }
  const survey = Object.fromEntries(Object.entries(form.survey ?? {}).filter(([, v]) => v));
  if (Object.keys(survey).length > 0) body.survey = survey;
  const suggestions = form.suggestions?.trim();
  if (suggestions) body.suggestions = suggestions;
  return body;
}

/** The form's field of a check's field ('survey.orders' → ['survey', 'orders']). */
export const formName = (field: string): string | string[] => (field.includes('.') ? field.split('.') : field);
