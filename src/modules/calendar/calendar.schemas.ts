import { z } from 'zod';
import { isIsoDay, MAX_WORKING_DAYS } from '../../domain/working-days.js';
import { text } from '../../server/validation.js';

/** A calendar day YYYY-MM-DD in a query or body, named for people in the message. */
const isoDay = (label: string) =>
  z
    .string()
    .trim()
    .max(20, `${label}应为有效日期，格式为 YYYY-MM-DD（如 2026-09-30）`)
    .refine(isIsoDay, `${label}应为有效日期，格式为 YYYY-MM-DD（如 2026-09-30），年份在 1900～2200 年之间`)
    .meta({ examples: ['2026-09-30'] });

/** A number of working days in a query string: a whole number min…MAX_WORKING_DAYS. */
const dayCount = (min: 0 | 1) => {
  const message = `工作日天数应为 ${min}～${MAX_WORKING_DAYS} 之间的整数`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(MAX_WORKING_DAYS, message))
    .meta({ examples: ['5'] });
};

export const addWorkingDaysQuery = z.strictObject({ from: isoDay('起始日期'), days: dayCount(0) });
export const periodEndQuery = z.strictObject({ start: isoDay('期限起始日'), days: dayCount(1) });

export const workingDayResponse = z.object({
  date: z.string().describe('结果日期 YYYY-MM-DD'),
  unmaintainedYears: z.array(z.number().int()).describe('计算经过的、尚未维护节假日安排的年度（这些年度只按周末计算）'),
});
export type WorkingDayResponse = z.output<typeof workingDayResponse>;

export const CALENDAR_DAY_KINDS = ['off', 'work'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = { off: '休', work: '班' };

/** The years the city administrator may maintain. */
export const MIN_MAINTAINED_YEAR = 2000;
export const MAX_MAINTAINED_YEAR = 2100;

export const yearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, '年度应为四位数字，如 2027')
    .transform(Number)
    .pipe(z.number().int().min(MIN_MAINTAINED_YEAR, '年度应在 2000～2100 年之间').max(MAX_MAINTAINED_YEAR, '年度应在 2000～2100 年之间')),
});

export const calendarDayInput = z.strictObject({
  date: isoDay('日期'),
  kind: z.enum(CALENDAR_DAY_KINDS, '类别应为放假（off）或上班（work）'),
  name: text(20),
});

export const replaceYearBody = z.strictObject({
  source: text(100).nullable().optional(),
  days: z.array(calendarDayInput).max(366, '一年最多列出 366 天'),
});
export type ReplaceYearInput = z.output<typeof replaceYearBody>;

export const calendarDayResponse = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  kindLabel: z.string(),
  name: z.string(),
});
export type CalendarDayView = z.output<typeof calendarDayResponse>;

export const calendarYearResponse = z.object({
  year: z.number().int(),
  maintained: z.boolean(),
  source: z.string().nullable(),
  maintainedAt: z.date().nullable(),
  /** Who entered it; null for the arrangement shipped with the program (or a year not maintained). */
  maintainedByName: z.string().nullable(),
  days: z.array(calendarDayResponse),
});
export type CalendarYearView = z.output<typeof calendarYearResponse>;

export const calendarYearSummary = z.object({
  year: z.number().int(),
  source: z.string().nullable(),
  maintainedAt: z.date(),
  offCount: z.number().int(),
  workCount: z.number().int(),
});
export const calendarYearsResponse = z.object({
  years: z.array(calendarYearSummary),
  /** Today's year in Asia/Shanghai, so that the page can point at the next year to maintain. */
  currentYear: z.number().int(),
});
export type CalendarYearsView = z.output<typeof calendarYearsResponse>;
