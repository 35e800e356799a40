import { defineScopeCases } from '../support/scope-cases.js';

const days2027 =
  "select count(*)::int as n, coalesce(string_agg(date::text || kind, ',' order by date), '') as days from calendar_days where year = 2027";

export default defineScopeCases({
  module: 'calendar',
  unscoped: {
    'GET /api/calendar/add-working-days': 'working-day arithmetic on the official calendar, the same for everyone',
    'GET /api/calendar/period-end': 'working-day arithmetic on the official calendar, the same for everyone',
    'GET /api/calendar/years': 'the maintained years of the official calendar, the same for everyone',
    'GET /api/calendar/years/:year': 'the official holiday arrangement of a year, the same for everyone',
  },
  // The calendar is the city's reference data: only the city administrator maintains it.
  cases: () => [
    {
      method: 'PUT',
      url: '/api/calendar/years/2027',
      actor: 'rongchang.admin',
      expect: 403,
      body: { source: null, days: [{ date: '2027-10-01', kind: 'off', name: '国庆节' }] },
      unchanged: days2027,
    },
    {
      method: 'PUT',
      url: '/api/calendar/years/2027',
      actor: 'demo.enterprise',
      expect: 403,
      body: { source: null, days: [{ date: '2027-10-01', kind: 'off', name: '国庆节' }] },
      unchanged: days2027,
    },
  ],
});
