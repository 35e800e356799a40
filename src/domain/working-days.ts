// Official working days (工作日). China moves working days around its public holidays each year
// (调休): the 国务院办公厅 notice of a year lists the days off (放假) and the make-up working days
// (上班, often a Saturday or Sunday). A day is a working day when it is a listed make-up working
// day, or a Monday to Friday that is not a listed day off. A year whose arrangement nobody has
// maintained is computed with weekends only, and every answer names such years.
//
// Dates are ISO calendar days (YYYY-MM-DD) without a time zone: the calendar of China.

export interface HolidayCalendar {
  /** Days off on a day that would otherwise be a working day (holidays, the days moved into them). */
  offDays: ReadonlySet<string>;
  /** Make-up working days (调休上班) on a Saturday or Sunday. */
  workDays: ReadonlySet<string>;
  /** Years whose official arrangement has been entered (maintained); others count weekends only. */
  maintainedYears: ReadonlySet<number>;
}

export interface WorkingDayResult {
  date: string;
  /** Years the computation ran through that have no maintained arrangement, ascending. */
  unmaintainedYears: number[];
}

/** The largest number of working days one computation accepts (about four years). */
export const MAX_WORKING_DAYS = 1000;
/** The years a date may be in. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2200;

/** Bad input to a working-day computation: a Chinese message and the argument it is about. */
export class WorkingDayInputError extends Error {
  constructor(
    readonly field: 'date' | 'days',
    message: string,
  ) {
    super(message);
    this.name = 'WorkingDayInputError';
  }
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, or null when it is not a real calendar day in range. */
export function parseIsoDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_CALENDAR_YEAR || y > MAX_CALENDAR_YEAR) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** Whether a string is a real calendar day YYYY-MM-DD in the years the calendar covers. */
export const isIsoDay = (date: string): boolean => parseIsoDay(date) !== null;

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const day = parseIsoDay(date);
  if (day === null) throw new WorkingDayInputError('date', `日期不正确：${date}（应为 YYYY-MM-DD 格式的有效日期）`);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether the day is an official working day under the calendar. */
export function isWorkingDay(cal: HolidayCalendar, date: string): boolean {
  if (cal.workDays.has(date)) return true;
  if (cal.offDays.has(date)) return false;
  return !isWeekend(date);
}

function requireDate(date: string): number {
  const day = parseIsoDay(date);
  if (day === null) throw new WorkingDayInputError('date', `日期不正确：${date}（应为 YYYY-MM-DD 格式的有效日期）`);
  return day;
}

function requireDays(days: number, min: 0 | 1): void {
  if (!Number.isInteger(days) || days < min || days > MAX_WORKING_DAYS) {
    throw new WorkingDayInputError('days', `工作日天数应为 ${min}～${MAX_WORKING_DAYS} 之间的整数`);
  }
}

/** Walks day by day from `first`, counting working days, until the n-th; collects unmaintained years. */
function walk(cal: HolidayCalendar, first: number, n: number): WorkingDayResult {
  const unmaintained = new Set<number>();
  let day = first;
  let counted = 0;
  for (;;) {
    const date = isoOf(day);
    const year = yearOf(date);
    if (year > MAX_CALENDAR_YEAR) throw new WorkingDayInputError('days', `计算结果超出 ${MAX_CALENDAR_YEAR} 年，无法计算`);
    if (!cal.maintainedYears.has(year)) unmaintained.add(year);
    if (isWorkingDay(cal, date)) {
      counted += 1;
      if (counted === n) return { date, unmaintainedYears: [...unmaintained].sort((a, b) => a - b) };
    }
    day += 1;
  }
}

/**
 * The n-th working day after `from` (`from` itself does not count, whether or not it is a working
 * day). n = 0 answers `from` itself. Example: 2026-09-30 plus 5 working days is 2026-10-13 (国庆节
 * 1–7 October off; 8, 9, Saturday 10 (调休上班), 12 and 13 October count).
 */
export function addWorkingDays(cal: HolidayCalendar, from: string, days: number): WorkingDayResult {
  const start = requireDate(from);
  requireDays(days, 0);
  if (days === 0) {
    const year = yearOf(from);
    return { date: from, unmaintainedYears: cal.maintainedYears.has(year) ? [] : [year] };
  }
  return walk(cal, start + 1, days);
}

/**
 * The last day of a period of n working days that starts on `start`: `start` counts as the first
 * working day when it is one, otherwise the period begins on the next working day. n must be at
 * least 1. Example: a 5-working-day period from Monday 2026-09-28 ends on 2026-10-09 (28, 29, 30
 * September, then 国庆节 1–7 October off, then 8 and 9 October).
 */
export function periodEnd(cal: HolidayCalendar, start: string, days: number): WorkingDayResult {
  const first = requireDate(start);
  requireDays(days, 1);
  return walk(cal, first, days);
}

/**
 * The years whose arrangement should be maintained by `today` (YYYY-MM-DD): the current year, and
 * from 1 December the next one (the 国务院办公厅 notice for a year comes out in November or so).
 */
export function yearsDueForMaintenance(today: string): number[] {
  requireDate(today);
  const year = yearOf(today);
  return today.slice(5) >= '12-01' ? [year, year + 1] : [year];
}
