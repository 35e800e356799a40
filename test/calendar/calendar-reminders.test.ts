import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { CALENDAR_MAINTENANCE_STEP } from '../../src/modules/calendar/calendar.jobs.js';
import type { AppContext } from '../../src/server/context.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('telling the city administrators to maintain the calendar on %s', (kind) => {
  let h: Harness;
  let ctx: AppContext;
  let cityAdmins: number;

  beforeAll(async () => {
    h = await startHarness(kind);
    ctx = { database: h.database, db: h.database.db, config: h.config };
    cityAdmins = await h.count("select count(*) as n from users where role = 'city_admin' and not disabled");
  });
  afterAll(() => h?.close());

  const calendarMessages = (year: number) =>
    h.count("select count(*) as n from messages where category = 'calendar' and title like $1", [`%${year} 年工作日历%`]);

  it('is a step of the daily sweep', () => {
    expect(DAILY_SWEEP_STEPS).toContain(CALENDAR_MAINTENANCE_STEP);
  });

  it('before 1 December: nothing for next year; the current (maintained) year needs nothing either', async () => {
    await CALENDAR_MAINTENANCE_STEP.run(ctx, '2026-11-30T01:00:00+08:00');
    expect(await calendarMessages(2027)).toBe(0);
    expect(await h.count("select count(*) as n from messages where category = 'calendar'")).toBe(0);
  });

  it('from 1 December: the next year unmaintained → one message to each city administrator, once', async () => {
    expect(cityAdmins).toBeGreaterThan(0);
    await CALENDAR_MAINTENANCE_STEP.run(ctx, '2026-12-01T01:00:00+08:00');
    expect(await calendarMessages(2027)).toBe(cityAdmins);
    const [m] = await h.database.query<{ title: string; body: string; link: string }>(
      "select title, body, link from messages where category = 'calendar' limit 1",
    );
    expect(m).toMatchObject({ title: '请维护 2027 年工作日历', link: '/reference?tab=calendar' });
    expect(m.body).toContain('参考数据');
    // The next days' sweeps (and a slot run twice) tell nobody again.
    await CALENDAR_MAINTENANCE_STEP.run(ctx, '2026-12-01T01:00:00+08:00');
    await CALENDAR_MAINTENANCE_STEP.run(ctx, '2026-12-02T01:00:00+08:00');
    expect(await calendarMessages(2027)).toBe(cityAdmins);
  });

  it('a maintained next year needs no message', async () => {
    // 2026 is shipped: on 1 December 2025 nothing is due.
    await CALENDAR_MAINTENANCE_STEP.run(ctx, '2025-12-01T01:00:00+08:00');
    expect(await calendarMessages(2026)).toBe(0);
    expect(await calendarMessages(2025)).toBe(0);
  });

  it('a computation through the current year, unmaintained, still answers and writes nothing; the daily sweep tells the administrators', async () => {
    const year = Number(todayInShanghai().slice(0, 4));
    await h.owner.query('delete from calendar_years where year = $1', [year]);
    await h.owner.query('delete from calendar_reminders where year = $1', [year]);
    const before = await calendarMessages(year);
    const cookie = await h.login('demo.enterprise');
    const url = `/api/calendar/period-end?start=${year}-03-02&days=3`;
    const first = await h.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(first.statusCode).toBe(200);
    expect(first.json().unmaintainedYears).toEqual([year]);
    // A read is a read: the reminder belongs to the sweep, which checks the same due years every day.
    expect(await calendarMessages(year)).toBe(before);
    await CALENDAR_MAINTENANCE_STEP.run(ctx, `${todayInShanghai()}T01:00:00+08:00`);
    expect(await calendarMessages(year)).toBe(before + cityAdmins);
    // A far year (2150) is answered and named, but nobody is told to maintain it yet.
    const far = await h.app.inject({ method: 'GET', url: '/api/calendar/add-working-days?from=2150-03-02&days=1', headers: { cookie } });
    expect(far.json()).toStrictEqual({ date: '2150-03-03', unmaintainedYears: [2150] });
    expect(await calendarMessages(2150)).toBe(0);
  });
});
