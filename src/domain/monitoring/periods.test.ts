import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../working-days.js';
import { currentPeriod, dueDate, isFuturePeriod, isLate, parsePeriod, periodLastDay, previousPeriod, recentPeriods } from './periods.js';
import { MONITORING_DEFAULTS } from './settings.js';

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
// 国务院办公厅关于2026年部分节假日安排的通知.
const cal: HolidayCalendar = {
  offDays: new Set([
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ]),
  workDays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
  maintainedYears: new Set([2026]),
};
const calendar = (dueDay: number) => ({ dueDay, dueMode: 'calendar' as const });
const working = (dueDay: number) => ({ dueDay, dueMode: 'working' as const });

describe('due dates of a month’s report', () => {
  it('is the 10th of the next month by default, kept when that is a working day (a 调休 Saturday counts)', () => {
    expect(dueDate({ year: 2026, month: 1 }, MONITORING_DEFAULTS, cal)).toBe('2026-02-10');
    // 2026-10-10 is a Saturday worked in exchange for 国庆节.
    expect(dueDate({ year: 2026, month: 9 }, MONITORING_DEFAULTS, cal)).toBe('2026-10-10');
  });

  it('moves a calendar due date that is no working day to the next working day (weekend, across 春节)', () => {
    // 2026-05-10 is a Sunday.
    expect(dueDate({ year: 2026, month: 4 }, calendar(10), cal)).toBe('2026-05-11');
    // 2026-02-16 is inside 春节 (15–23 February off): the next working day is the 24th.
    expect(dueDate({ year: 2026, month: 1 }, calendar(16), cal)).toBe('2026-02-24');
    // December's report is due in January of the next year (2027 not maintained: weekends only).
    expect(dueDate({ year: 2026, month: 12 }, calendar(10), cal)).toBe('2027-01-11');
  });

  it('counts the dueDay-th working day of the next month in working mode, skipping holidays and counting make-up days', () => {
    // February 2026: 2–6, 9–13 (10 working days).
    expect(dueDate({ year: 2026, month: 1 }, working(10), cal)).toBe('2026-02-13');
    // The 11th is Saturday 14 February (调休上班); the 12th comes after 春节, on the 24th.
    expect(dueDate({ year: 2026, month: 1 }, working(11), cal)).toBe('2026-02-14');
    expect(dueDate({ year: 2026, month: 1 }, working(12), cal)).toBe('2026-02-24');
    // October 2026: 国庆节 1–7 off; 8, 9, Saturday 10, 12, 13 …
    expect(dueDate({ year: 2026, month: 9 }, working(3), cal)).toBe('2026-10-10');
    expect(dueDate({ year: 2026, month: 9 }, working(5), cal)).toBe('2026-10-13');
  });

  it('is late only when first submitted after the due date’s Asia/Shanghai day', () => {
    expect(isLate('2026-02-10', new Date('2026-02-10T15:59:59Z'))).toBe(false); // 23:59:59 in Shanghai
    expect(isLate('2026-02-10', new Date('2026-02-10T16:00:00Z'))).toBe(true); // 00:00 on the 11th
  });
});

describe('periods', () => {
  it('parses YYYY-MM and refuses anything else', () => {
    expect(parsePeriod('2026-05')).toEqual({ year: 2026, month: 5 });
    for (const bad of ['2026-13', '2026-5', '202605', '2026-00', 'x']) expect(parsePeriod(bad)).toBeNull();
  });

  it('knows the current month in Asia/Shanghai and refuses only later months as future', () => {
    const now = new Date('2026-05-31T16:30:00Z'); // 1 June 00:30 in Shanghai
    expect(currentPeriod(now)).toEqual({ year: 2026, month: 6 });
    expect(isFuturePeriod({ year: 2026, month: 6 }, now)).toBe(false);
    expect(isFuturePeriod({ year: 2026, month: 7 }, now)).toBe(true);
    expect(isFuturePeriod({ year: 2025, month: 12 }, now)).toBe(false);
  });

  it('gives the last day, the previous month and the last n periods newest first', () => {
    expect(periodLastDay({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(periodLastDay({ year: 2026, month: 12 })).toBe('2026-12-31');
    expect(previousPeriod({ year: 2026, month: 1 })).toEqual({ year: 2025, month: 12 });
    expect(recentPeriods({ year: 2026, month: 2 }, 3)).toEqual([
      { year: 2026, month: 2 },
      { year: 2026, month: 1 },
      { year: 2025, month: 12 },
    ]);
  });
});
