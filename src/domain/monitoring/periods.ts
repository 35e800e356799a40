import { todayInShanghai } from '../dates.js';
import { addWorkingDays, type HolidayCalendar, isWorkingDay, periodEnd } from '../working-days.js';
import type { MonitoringSettings } from './settings.js';

// Periods of the monthly report: 'YYYY-MM' in the API, (year, month) in the tables. A month's report
// is due in the next month: on the dueDay-th day (moved to the next working day when that is not
// one) in 'calendar' mode, or on the dueDay-th working day in 'working' mode. Late = first submitted
// after the due date (the Asia/Shanghai day).

export interface Period {
  year: number;
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

export const formatPeriod = (p: Period): string => `${p.year}-${pad(p.month)}`;

/** 2026年5月 */
export const periodLabel = (p: Period): string => `${p.year}年${p.month}月`;

/** The month before (December of the year before for January). */
export const previousPeriod = (p: Period): Period =>
  p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };

export const nextPeriod = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 });

/** The current month in Asia/Shanghai: the latest period that may be reported. */
export function currentPeriod(now = new Date()): Period {
  const today = todayInShanghai(now);
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

export const comparePeriods = (a: Period, b: Period): number => a.year * 12 + a.month - (b.year * 12 + b.month);

/** Later than the current month (Asia/Shanghai): such a report is refused. */
export const isFuturePeriod = (p: Period, now = new Date()): boolean => comparePeriods(p, currentPeriod(now)) > 0;

/** The last day of the period, YYYY-MM-DD (the day the tier and the dimensions are read at). */
export function periodLastDay(p: Period): string {
  const day = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${p.year}-${pad(p.month)}-${pad(day)}`;
}

/** The due date of a period's report, YYYY-MM-DD. */
export function dueDate(p: Period, settings: Pick<MonitoringSettings, 'dueDay' | 'dueMode'>, cal: HolidayCalendar): string {
  const next = nextPeriod(p);
  if (settings.dueMode === 'working') return periodEnd(cal, `${next.year}-${pad(next.month)}-01`, settings.dueDay).date;
  const day = `${next.year}-${pad(next.month)}-${pad(settings.dueDay)}`;
  return isWorkingDay(cal, day) ? day : addWorkingDays(cal, day, 1).date;
}

/** Submitted on `at` (an instant): late when its Asia/Shanghai day is after the due date. */
export const isLate = (dueOn: string, at = new Date()): boolean => todayInShanghai(at) > dueOn;

/** The last `n` periods up to and including `until`, newest first. */
export function recentPeriods(until: Period, n: number): Period[] {
  const out: Period[] = [];
  let p = until;
  for (let i = 0; i < n; i++) {
    out.push(p);
    p = previousPeriod(p);
  }
  return out;
}
