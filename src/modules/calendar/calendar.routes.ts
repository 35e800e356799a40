import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import {
  addWorkingDaysQuery,
  calendarYearResponse,
  calendarYearsResponse,
  periodEndQuery,
  replaceYearBody,
  workingDayResponse,
  yearParams,
} from './calendar.schemas.js';
import { findPeriodEnd } from './find-period-end.js';
import { findWorkingDayAfter } from './find-working-day-after.js';
import { getCalendarYear } from './get-calendar-year.js';
import { listCalendarYears } from './list-calendar-years.js';
import { replaceCalendarYear } from './replace-calendar-year.js';

const tags = ['工作日历'];

export const calendarRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: '某日之后的第 n 个工作日（按国务院办公厅节假日安排，含调休）',
        querystring: addWorkingDaysQuery,
        response: { 200: workingDayResponse, 400: errorBody, 401: errorBody },
      },
    },
    (request) => findWorkingDayAfter(ctx, request.actor, request.query.from, request.query.days),
  );
  app.get(
    '/api/calendar/period-end',
    {
      schema: {
        tags,
        summary: '自某日起 n 个工作日的期限截止日（起始日为工作日时计入）',
        querystring: periodEndQuery,
        response: { 200: workingDayResponse, 400: errorBody, 401: errorBody },
      },
    },
    (request) => findPeriodEnd(ctx, request.actor, request.query.start, request.query.days),
  );
  app.get(
    '/api/calendar/years',
    { schema: { tags, summary: '已维护节假日安排的年度', response: { 200: calendarYearsResponse, 401: errorBody } } },
    (request) => listCalendarYears(ctx, request.actor),
  );
  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '某年度的放假日和调休上班日',
        params: yearParams,
        response: { 200: calendarYearResponse, 400: errorBody, 401: errorBody },
      },
    },
    (request) => getCalendarYear(ctx, request.actor, request.params.year),
  );
  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '维护某年度的节假日安排（市经信委，整年替换）',
        params: yearParams,
        body: replaceYearBody,
        response: { 200: calendarYearResponse, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    (request) => replaceCalendarYear(ctx, request.actor, request.params.year, request.body),
  );
};
