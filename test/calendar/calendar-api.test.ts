import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 国务院办公厅 notices as they were published, to check the shipped table against.
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const NOTICES = {
  2025: {
    source: '国办发明电〔2024〕12号',
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国办发明电〔2025〕7号',
    off: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe.each(DATABASE_KINDS)('working-day calendar API on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let district: string;
  let enterprise: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.login('city.admin');
    district = await h.login('rongchang.admin');
    enterprise = await h.login('demo.enterprise');
  });
  afterAll(() => h?.close());

  const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const put = (year: number | string, body: unknown, cookie = admin) =>
    h.app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, headers: { cookie }, payload: body as object });
  const snapshot = (year: number) =>
    h.database.query<{ days: string | null; years: number }>(
      `select (select string_agg(date::text || kind || name, ',' order by date) from calendar_days where year = $1) as days,
              (select count(*)::int from calendar_years where year = $1) as years`,
      [year],
    );

  it('answers the two examples of issue 9 exactly', async () => {
    const a = await get('/api/calendar/add-working-days?from=2026-09-30&days=5', enterprise);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toStrictEqual({ date: '2026-10-13', unmaintainedYears: [] });
    const p = await get('/api/calendar/period-end?start=2026-09-28&days=5', district);
    expect(p.statusCode).toBe(200);
    expect(p.json()).toStrictEqual({ date: '2026-10-09', unmaintainedYears: [] });
  });

  it('ships 2025 and 2026 exactly as the 国务院办公厅 notices say', async () => {
    for (const [year, notice] of Object.entries(NOTICES)) {
      const r = await get(`/api/calendar/years/${year}`, enterprise);
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.maintained).toBe(true);
      expect(body.source).toBe(notice.source);
      const days = body.days as { date: string; kind: string; kindLabel: string }[];
      expect(days.filter((d) => d.kind === 'off').map((d) => d.date)).toEqual(notice.off);
      expect(days.filter((d) => d.kind === 'work').map((d) => d.date)).toEqual(notice.work);
      expect(new Set(days.map((d) => d.kindLabel))).toEqual(new Set(['休', '班']));
    }
    const list = await get('/api/calendar/years', district);
    expect(list.json().years.map((y: { year: number; offCount: number; workCount: number }) => [y.year, y.offCount, y.workCount])).toEqual([
      [2025, 28, 5],
      [2026, 33, 6],
    ]);
  });

  it('asks for a login (401) on every calendar route', async () => {
    for (const url of [
      '/api/calendar/add-working-days?from=2026-09-30&days=5',
      '/api/calendar/period-end?start=2026-09-28&days=5',
      '/api/calendar/years',
      '/api/calendar/years/2026',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(401);
      expect(r.json().code).toBe('AUTH_REQUIRED');
    }
    const w = await h.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', payload: { days: [] } });
    expect(w.statusCode).toBe(401);
  });

  it('refuses bad dates and day counts with a 400 naming the field in Chinese', async () => {
    const cases: [string, string][] = [
      ['/api/calendar/add-working-days?from=2026-02-30&days=5', 'from'],
      ['/api/calendar/add-working-days?from=tomorrow&days=5', 'from'],
      ['/api/calendar/add-working-days?days=5', 'from'],
      ['/api/calendar/add-working-days?from=2026-09-30&days=-1', 'days'],
      ['/api/calendar/add-working-days?from=2026-09-30&days=1.5', 'days'],
      ['/api/calendar/add-working-days?from=2026-09-30&days=99999999', 'days'],
      ['/api/calendar/add-working-days?from=2026-09-30&days=abc', 'days'],
      ['/api/calendar/add-working-days?from=2026-09-30', 'days'],
      ['/api/calendar/period-end?start=2026-09-28&days=0', 'days'],
      ['/api/calendar/period-end?start=9999-01-01&days=1', 'start'],
    ];
    for (const [url, field] of cases) {
      const r = await get(url, enterprise);
      expect(r.statusCode, url).toBe(400);
      const body = r.json();
      expect(body.message, url).toContain(field);
      expect(body.message, url).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(body.details), url).toContain(field);
    }
    // A computation whose answer would leave the calendar's years: a 400 from the use case, not a 500.
    const far = await get('/api/calendar/add-working-days?from=2200-12-30&days=5', enterprise);
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({ code: 'CALENDAR_INPUT_INVALID', details: { field: 'days' } });
    // n = 0: the date itself.
    expect((await get('/api/calendar/add-working-days?from=2026-10-03&days=0', enterprise)).json()).toStrictEqual({
      date: '2026-10-03',
      unmaintainedYears: [],
    });
  });

  it('answers through an unmaintained year with weekends only and names it', async () => {
    // Friday 2028-09-29 + 5: Monday 2 October to Friday 6 October count (no 国庆节 in an unmaintained year).
    const r = await get('/api/calendar/add-working-days?from=2028-09-29&days=5', enterprise);
    expect(r.json()).toStrictEqual({ date: '2028-10-06', unmaintainedYears: [2028] });
    const p = await get('/api/calendar/period-end?start=2027-12-30&days=3', enterprise);
    expect(p.json()).toStrictEqual({ date: '2028-01-03', unmaintainedYears: [2027, 2028] });
    const y = await get('/api/calendar/years/2028', enterprise);
    expect(y.json()).toMatchObject({ year: 2028, maintained: false, days: [] });
  });

  it('lets only the city administrator maintain a year (403 for others, nothing written)', async () => {
    const before = await snapshot(2027);
    for (const cookie of [district, enterprise]) {
      const r = await put(2027, { source: null, days: [{ date: '2027-10-01', kind: 'off', name: '国庆节' }] }, cookie);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
    }
    expect(await snapshot(2027)).toEqual(before);
  });

  it('refuses a table with a day both off and working, and days outside the year, writing nothing', async () => {
    const before = await snapshot(2026);
    const audits = await h.count("select count(*) as n from audit_log where action = 'calendar.year_replace'");
    const both = await put(2026, {
      source: '测试',
      days: [
        { date: '2026-10-01', kind: 'off', name: '国庆节' },
        { date: '2026-10-10', kind: 'work', name: '国庆节' },
        { date: '2026-10-10', kind: 'off', name: '国庆节' },
      ],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ code: 'CALENDAR_DAY_CONFLICT', details: { field: 'days.2.date', date: '2026-10-10' } });
    expect(both.json().message).toContain('同时被列为放假日和上班日');
    const outside = await put(2026, { days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'CALENDAR_DATE_OUTSIDE_YEAR', details: { field: 'days.0.date' } });
    const weekday = await put(2026, { days: [{ date: '2026-10-09', kind: 'work', name: '国庆节' }] });
    expect(weekday.json()).toMatchObject({ code: 'CALENDAR_WORKDAY_NOT_WEEKEND' });
    const twice = await put(2026, {
      days: [
        { date: '2026-10-01', kind: 'off', name: '国庆节' },
        { date: '2026-10-01', kind: 'off', name: '国庆节' },
      ],
    });
    expect(twice.json()).toMatchObject({ code: 'CALENDAR_DAY_DUPLICATE' });
    const badDate = await put(2026, { days: [{ date: '2026-02-30', kind: 'off', name: '春节' }] });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('days.0.date');
    const badYear = await put(1800, { days: [] });
    expect(badYear.statusCode).toBe(400);
    const badKind = await put(2026, { days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }] });
    expect(badKind.statusCode).toBe(400);
    expect(await snapshot(2026)).toEqual(before);
    expect(await h.count("select count(*) as n from audit_log where action = 'calendar.year_replace'")).toBe(audits);
    // And the computations still use the shipped table.
    expect((await get('/api/calendar/add-working-days?from=2026-09-30&days=5', admin)).json().date).toBe('2026-10-13');
  });

  it('maintains a year: the computations use it at once, the year is maintained, an audit row records it', async () => {
    const days = [
      { date: '2028-10-02', kind: 'off', name: '国庆节' },
      { date: '2028-10-03', kind: 'off', name: '国庆节' },
      { date: '2028-10-04', kind: 'off', name: '国庆节' },
      { date: '2028-10-07', kind: 'work', name: '国庆节' },
    ];
    const saved = await put(2028, { source: '测试通知', days });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2028, maintained: true, source: '测试通知', maintainedByName: '市经信委管理员' });
    expect(saved.json().days).toHaveLength(4);
    // Friday 29 Sep + 5: Thursday 5, Friday 6, Saturday 7 (调休上班), Monday 9, Tuesday 10 October.
    expect((await get('/api/calendar/add-working-days?from=2028-09-29&days=5', enterprise)).json()).toStrictEqual({
      date: '2028-10-10',
      unmaintainedYears: [],
    });
    const [audit] = await h.database.query<{ entity_id: string; after: { offDays: string; workDays: string } }>(
      "select entity_id, after from audit_log where action = 'calendar.year_replace' order by id desc limit 1",
    );
    expect(audit.entity_id).toBe('2028');
    expect(audit.after.workDays).toBe('2028-10-07（国庆节）');
    // Replacing again replaces the whole table.
    const again = await put(2028, { source: '测试通知', days: [{ date: '2028-01-01', kind: 'off', name: '元旦' }] });
    expect(again.json().days).toEqual([{ date: '2028-01-01', kind: 'off', kindLabel: '休', name: '元旦' }]);
    expect((await get('/api/calendar/add-working-days?from=2028-09-29&days=5', enterprise)).json().date).toBe('2028-10-06');
  });
});
