import { z } from 'zod';

// The settings of monitoring (监测设置): the due date of a month's report and every threshold of the
// checks. DEFAULTs from capabilities.md §2.3: due on the 10th of the next month, reminders 3 days
// before, |累计同比| > 50 %, 当月环比 beyond ±100 %, profit margin outside −50 %..+60 %, R&D share
// moving more than 5 points, R&D quarterly, small and micro firms at least 80 % of the sample.

export type MonitoringSettings = {
  /** The day of the next month a report is due (calendar) or the n-th working day (working). */
  dueDay: number;
  dueMode: 'calendar' | 'working';
  /** Reminders this many days before the due date (and on it). */
  reminderDaysBefore: number;
  /** Whole yuan: how far 当月 may differ from 累计 − last month's 累计 (rounding). */
  monthTolerance: number;
  /** Per cent: |累计同比| beyond it asks for an explanation. */
  yoyLimit: number;
  /** Per cent: |当月环比| beyond it asks for an explanation. */
  momLimit: number;
  /** Per cent: profit margin (利润总额 ÷ 营业收入) below it asks for an explanation. */
  marginMin: number;
  /** Per cent: profit margin above it asks for an explanation. */
  marginMax: number;
  /** Percentage points: the R&D share of revenue moving more than this against last year. */
  rdShareMove: number;
  /** Months in which 研发费用（累计） is required. */
  rdMonths: number[];
  /** Per cent: small and micro firms' least share of a locality's sample. */
  smallMicroShareMin: number;
};

export const MONITORING_DEFAULTS: MonitoringSettings = {
  dueDay: 10,
  dueMode: 'calendar',
  reminderDaysBefore: 3,
  monthTolerance: 1000,
  yoyLimit: 50,
  momLimit: 100,
  marginMin: -50,
  marginMax: 60,
  rdShareMove: 5,
  rdMonths: [3, 6, 9, 12],
  smallMicroShareMin: 80,
};

export const MONITORING_SETTING_LABELS: Record<keyof MonitoringSettings, string> = {
  dueDay: '报送截止日',
  dueMode: '截止日计算方式',
  reminderDaysBefore: '提前提醒天数',
  monthTolerance: '当月与累计差额容差（元）',
  yoyLimit: '累计同比提示阈值（%）',
  momLimit: '当月环比提示阈值（%）',
  marginMin: '利润率下限（%）',
  marginMax: '利润率上限（%）',
  rdShareMove: '研发费用占比变动阈值（百分点）',
  rdMonths: '填报研发费用的月份',
  smallMicroShareMin: '小微企业占比下限（%）',
};

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
const num = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

const L = MONITORING_SETTING_LABELS;

/** Every setting, validated; a stored row is merged over the defaults before it is parsed. */
export const monitoringSettingsSchema = z
  .object({
    dueDay: int(L.dueDay, 1, 28),
    dueMode: z.enum(['calendar', 'working'], { error: `${L.dueMode}应为“自然日”或“工作日”` }),
    reminderDaysBefore: int(L.reminderDaysBefore, 0, 15),
    monthTolerance: int(L.monthTolerance, 0, 1_000_000),
    yoyLimit: num(L.yoyLimit, 1, 10_000),
    momLimit: num(L.momLimit, 1, 10_000),
    marginMin: num(L.marginMin, -10_000, 100),
    marginMax: num(L.marginMax, -100, 10_000),
    rdShareMove: num(L.rdShareMove, 0.1, 100),
    rdMonths: z
      .array(int('月份', 1, 12), { error: `${L.rdMonths}应为月份列表` })
      .max(12, `${L.rdMonths}最多 12 个`)
      .refine((a) => new Set(a).size === a.length, `${L.rdMonths}不能重复`),
    smallMicroShareMin: num(L.smallMicroShareMin, 0, 100),
  })
  .strict()
  .refine((s) => s.marginMin < s.marginMax, { message: '利润率下限应小于上限', path: ['marginMin'] })
  .refine((s) => s.dueMode !== 'working' || s.dueDay <= 20, {
    message: '按工作日计算时，报送截止日应为次月第 1～20 个工作日',
    path: ['dueDay'],
  });

/** Stored values (possibly partial or from an older version) over the defaults; invalid keys fall back. */
export function mergeSettings(stored: unknown): MonitoringSettings {
  const merged: Record<string, unknown> = { ...MONITORING_DEFAULTS };
  if (stored && typeof stored === 'object') {
    for (const [k, v] of Object.entries(stored)) if (Object.hasOwn(MONITORING_DEFAULTS, k)) merged[k] = v;
  }
  const parsed = monitoringSettingsSchema.safeParse(merged);
  if (!parsed.success) return { ...MONITORING_DEFAULTS };
  return { ...parsed.data, rdMonths: [...parsed.data.rdMonths].sort((a, b) => a - b) };
}
