import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type HolidayCalendar,
  isIsoDay,
  isWorkingDay,
  MAX_WORKING_DAYS,
  periodEnd,
  WorkingDayInputError,
  yearsDueForMaintenance,
} from './working-days.js';

/** Expands "2026-10-01..2026-10-07" into its days. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as written there.
const OFF_2026 = [
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
const WORK_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
// 国办发明电〔2024〕12号 (2025).
const OFF_2025 = [
  '2025-01-01',
  ...range('2025-01-28', '2025-02-04'),
  ...range('2025-04-04', '2025-04-06'),
  ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'),
  ...range('2025-10-01', '2025-10-08'),
];
const WORK_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

const official: HolidayCalendar = {
  offDays: new Set([...OFF_2025, ...OFF_2026]),
  workDays: new Set([...WORK_2025, ...WORK_2026]),
  maintainedYears: new Set([2025, 2026]),
};
const weekendsOnly: HolidayCalendar = { offDays: new Set(), workDays: new Set(), maintainedYears: new Set() };

describe('working days', () => {
  it('answers the API examples of issue 9', () => {
    expect(addWorkingDays(official, '2026-09-30', 5)).toEqual({ date: '2026-10-13', unmaintainedYears: [] });
    expect(periodEnd(official, '2026-09-28', 5)).toEqual({ date: '2026-10-09', unmaintainedYears: [] });
  });

  it('counts a 调休 Saturday as a working day and a holiday weekday as a day off', () => {
    expect(isWorkingDay(official, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(official, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay(official, '2026-10-05')).toBe(false); // Monday, 国庆节
    expect(isWorkingDay(weekendsOnly, '2026-10-10')).toBe(false);
    expect(isWorkingDay(weekendsOnly, '2026-10-05')).toBe(true);
    // Friday 2026-10-09 plus one working day is the make-up Saturday.
    expect(addWorkingDays(official, '2026-10-09', 1).date).toBe('2026-10-10');
    // A period that starts on a make-up Saturday counts that Saturday.
    expect(periodEnd(official, '2026-02-14', 1).date).toBe('2026-02-14');
    expect(periodEnd(official, '2026-02-14', 2).date).toBe('2026-02-24');
    // Sunday 2025-09-28 is a make-up working day: 27 Sep (Sat) + 1 → 28 Sep.
    expect(addWorkingDays(official, '2025-09-27', 1).date).toBe('2025-09-28');
  });

  it('addWorkingDays does not count `from`; periodEnd counts `start` only when it is a working day', () => {
    expect(addWorkingDays(official, '2026-09-28', 1).date).toBe('2026-09-29');
    expect(periodEnd(official, '2026-09-28', 1).date).toBe('2026-09-28');
    // Starting on a holiday: the period begins on the next working day.
    expect(periodEnd(official, '2026-10-01', 1).date).toBe('2026-10-08');
    expect(periodEnd(official, '2026-10-03', 3).date).toBe('2026-10-10');
    // 春节 2026: from the last day before the holiday.
    expect(addWorkingDays(official, '2026-02-13', 1).date).toBe('2026-02-14');
    expect(addWorkingDays(official, '2026-02-14', 1).date).toBe('2026-02-24');
  });

  it('n = 0: addWorkingDays answers `from` itself; periodEnd needs at least one day', () => {
    expect(addWorkingDays(official, '2026-10-03', 0)).toEqual({ date: '2026-10-03', unmaintainedYears: [] });
    expect(addWorkingDays(official, '2028-10-03', 0)).toEqual({ date: '2028-10-03', unmaintainedYears: [2028] });
    expect(() => periodEnd(official, '2026-10-03', 0)).toThrow(WorkingDayInputError);
  });

  it('refuses negative, fractional, huge and non-numeric day counts with a Chinese message naming days', () => {
    for (const bad of [-1, 1.5, MAX_WORKING_DAYS + 1, 1e12, Number.NaN, Number.POSITIVE_INFINITY]) {
      for (const f of [addWorkingDays, periodEnd]) {
        let caught: unknown;
        try {
          f(official, '2026-01-05', bad);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(WorkingDayInputError);
        expect((caught as WorkingDayInputError).field).toBe('days');
        expect((caught as Error).message).toMatch(/工作日天数/);
      }
    }
    // The largest accepted count answers (weekends only, years named).
    const far = addWorkingDays(weekendsOnly, '2026-01-01', MAX_WORKING_DAYS);
    expect(far.date).toBe('2029-11-01'); // 200 weeks after Thursday 2026-01-01
    expect(far.unmaintainedYears).toEqual([2026, 2027, 2028, 2029]);
  });

  it('refuses dates that are not real calendar days', () => {
    for (const bad of [
      '2026-02-29',
      '2025-13-01',
      '2026-1-5',
      '20260105',
      '',
      '2026-04-31',
      '0000-01-01',
      '9999-12-31',
      '2026-01-05T00:00',
    ]) {
      expect(isIsoDay(bad)).toBe(false);
      expect(() => addWorkingDays(official, bad, 1)).toThrow(expect.objectContaining({ field: 'date' }));
      expect(() => periodEnd(official, bad, 1)).toThrow(expect.objectContaining({ field: 'date' }));
    }
  });

  it('handles leap years', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2100-02-29')).toBe(false); // not a leap year
    expect(isIsoDay('2000-02-29')).toBe(true);
    // Monday 2028-02-28 + 1 → Tuesday 29 February.
    expect(addWorkingDays(weekendsOnly, '2028-02-28', 1).date).toBe('2028-02-29');
    expect(addWorkingDays(weekendsOnly, '2028-02-29', 1).date).toBe('2028-03-01');
    // Friday 2027-02-26 + 1 → Monday 1 March (no 29 February in 2027).
    expect(addWorkingDays(weekendsOnly, '2027-02-26', 1).date).toBe('2027-03-01');
  });

  it('crosses year boundaries and names the unmaintained years it ran through', () => {
    // 2025-12-31 (Wed) + 1: 1 January 2026 is 元旦 off, 2 Jan off, 3 Jan Sat off, 4 Jan Sun 调休上班.
    expect(addWorkingDays(official, '2025-12-31', 1)).toEqual({ date: '2026-01-04', unmaintainedYears: [] });
    // Into an unmaintained year: weekends only, the year is named.
    expect(addWorkingDays(official, '2026-12-31', 1)).toEqual({ date: '2027-01-01', unmaintainedYears: [2027] });
    expect(periodEnd(official, '2027-12-30', 3)).toEqual({ date: '2028-01-03', unmaintainedYears: [2027, 2028] });
    // 2028 alone: weekends only.
    expect(addWorkingDays(official, '2028-09-29', 5)).toEqual({ date: '2028-10-06', unmaintainedYears: [2028] });
    // `from` itself is not part of an addWorkingDays computation.
    expect(addWorkingDays(official, '2024-12-31', 1)).toEqual({ date: '2025-01-02', unmaintainedYears: [] });
    expect(periodEnd(official, '2024-12-31', 2)).toEqual({ date: '2025-01-02', unmaintainedYears: [2024] });
  });

  it('a listed day off that is not maintained still counts (a year being entered), but the year is named', () => {
    const partial: HolidayCalendar = { offDays: new Set(['2027-10-01']), workDays: new Set(), maintainedYears: new Set() };
    expect(addWorkingDays(partial, '2027-09-30', 1)).toEqual({ date: '2027-10-04', unmaintainedYears: [2027] });
  });

  it('refuses a result beyond the covered years', () => {
    expect(() => addWorkingDays(weekendsOnly, '2200-12-30', 5)).toThrow(expect.objectContaining({ field: 'days' }));
  });
});

describe('years due for maintenance', () => {
  it('is the current year, and from 1 December the next one too', () => {
    expect(yearsDueForMaintenance('2026-01-01')).toEqual([2026]);
    expect(yearsDueForMaintenance('2026-11-30')).toEqual([2026]);
    expect(yearsDueForMaintenance('2026-12-01')).toEqual([2026, 2027]);
    expect(yearsDueForMaintenance('2026-12-31')).toEqual([2026, 2027]);
    expect(() => yearsDueForMaintenance('2026-13-01')).toThrow(WorkingDayInputError);
  });
});
