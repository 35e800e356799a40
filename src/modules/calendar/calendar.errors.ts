import { AppError } from '../../server/errors.js';

// The calendar module's error codes, each with the Chinese message people read.

/** A date or a number of working days the computation cannot take (the field is named). */
export const workingDayInputInvalid = (field: string, message: string) => new AppError('CALENDAR_INPUT_INVALID', 400, message, { field });

/** A year that cannot be maintained (outside the years the calendar covers). */
export const calendarYearInvalid = (year: number) =>
  new AppError('CALENDAR_YEAR_INVALID', 400, `年度 ${year} 超出可维护的范围（2000～2100 年）`, { field: 'year' });

/** One date listed both as a day off and as a make-up working day. */
export const calendarDayConflict = (date: string, field: string) =>
  new AppError('CALENDAR_DAY_CONFLICT', 400, `${date} 同时被列为放假日和上班日，一天只能是其中一种`, { field, date });

/** One date listed twice. */
export const calendarDayDuplicate = (date: string, field: string) =>
  new AppError('CALENDAR_DAY_DUPLICATE', 400, `${date} 被重复列出`, { field, date });

/** A date that is not in the year being maintained. */
export const calendarDateOutsideYear = (date: string, year: number, field: string) =>
  new AppError('CALENDAR_DATE_OUTSIDE_YEAR', 400, `${date} 不在 ${year} 年内，只能维护本年度的日期`, { field, date });

/** A make-up working day on a Monday to Friday (those are working days already). */
export const calendarWorkDayNotWeekend = (date: string, field: string) =>
  new AppError('CALENDAR_WORKDAY_NOT_WEEKEND', 400, `${date} 是周一至周五，本来就是工作日；调休上班日应为周六或周日`, { field, date });
