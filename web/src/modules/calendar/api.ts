import type { z } from 'zod';
import type { calendarYearResponse, calendarYearsResponse, ReplaceYearInput } from '../../../../src/modules/calendar/calendar.schemas';
import { api } from '../../shared/api';
import type { Json } from '../../shared/json';

export type CalendarYear = Json<z.output<typeof calendarYearResponse>>;
export type CalendarYears = Omit<z.output<typeof calendarYearsResponse>, 'years'> & {
  years: Json<z.output<typeof calendarYearsResponse>['years'][number]>[];
};
export type CalendarDay = CalendarYear['days'][number];
export type { ReplaceYearInput };

export const calendarKeys = {
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'years', year] as const,
};

export const fetchCalendarYears = () => api<CalendarYears>('/api/calendar/years');
export const fetchCalendarYear = (year: number) => api<CalendarYear>(`/api/calendar/years/${year}`);
export const saveCalendarYear = (year: number, body: ReplaceYearInput) =>
  api<CalendarYear>(`/api/calendar/years/${year}`, { method: 'PUT', body });
