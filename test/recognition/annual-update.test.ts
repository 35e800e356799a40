import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { addDays, dataYearsDueDuring, defaultAnnualUpdateDueOn } from '../../src/domain/recognition/annual-update.js';
import { hasCompletedAnnualUpdates } from '../../src/modules/recognition/check-annual-updates.js';
import { ANNUAL_UPDATE_REMINDER_STEP } from '../../src/modules/recognition/recognition.jobs.js';
import { remindAnnualUpdates } from '../../src/modules/recognition/remind-annual-updates.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const today = todayInShanghai();
const currentYear = Number(today.slice(0, 4));
/** Last year's figures are the ones due now. */
const dataYear = currentYear - 1;

describe('annual update deadlines (rule regime)', () => {
  it('2022 rules: 30 April; from the 2026 rules on: 31 May (the regime in force when the update year begins)', () => {
    expect(defaultAnnualUpdateDueOn(2024)).toBe('2025-04-30');
    expect(defaultAnnualUpdateDueOn(2025)).toBe('2026-04-30');
    expect(defaultAnnualUpdateDueOn(2026)).toBe('2027-05-31');
  });

  it('a deadline counts during a title’s validity only once it has passed', () => {
    const title = { recognisedOn: '2021-03-10', validUntil: '2024-03-09' };
    expect(dataYearsDueDuring(title, new Map(), '2026-01-01').map((d) => d.dataYear)).toEqual([2020, 2021, 2022]);
    expect(dataYearsDueDuring(title, new Map(), '2022-04-30').map((d) => d.dataYear)).toEqual([2020]);
    // A setting moves the deadline of its year (here 2020's to before the recognition: not due during the validity).
    expect(dataYearsDueDuring(title, new Map([[2020, '2021-03-01']]), '2026-01-01').map((d) => d.dataYear)).toEqual([2021, 2022]);
  });
});

describe.each(DATABASE_KINDS)('annual update (年度信息更新) on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let rongchangOther: { id: string; name: string };
  let yubei: { id: string; name: string };

  const as = (user: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => h.owner.query<T>(sql, params);
  const giveTitle = (
    enterpriseId: string,
    tier = 'srdi',
    recognisedOn = `${currentYear - 2}-06-01`,
    validUntil = `${currentYear + 1}-05-31`,
  ) =>
    q(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
       values ($1, $2, 'municipal', $3, $4, 'valid', 'recognition')`,
      [enterpriseId, tier, recognisedOn, validUntil],
    );
  const figures = {
    revenue: 52_000_000,
    mainRevenue: 50_000_000,
    totalAssets: 80_000_000,
    employees: 120,
    rdExpense: 2_600_000,
    rdStaff: 20,
  };
  const registryState = async (id: string) =>
    (
      await q<{ s: string }>(
        `select coalesce((select json_agg(y order by y.year)::text from enterprise_years y where y.enterprise_id = $1), '') ||
           (select version::text from enterprises where id = $1) ||
           (select count(*)::text from annual_updates where enterprise_id = $1) as s`,
        [id],
      )
    )[0].s;

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    demoId = (await q<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'"))[0].id;
    rongchangOther = (
      await q<{ id: string; name: string }>(
        "select id, name from enterprises where district_code = '500153' and zone_code is null and id <> $1 order by id limit 1",
        [demoId],
      )
    )[0];
    yubei = (
      await q<{ id: string; name: string }>("select id, name from enterprises where district_code = '500112' order by id limit 1")
    )[0];
    // Known starting point: these three hold no title until a test gives them one.
    await q('delete from enterprise_titles where enterprise_id = any($1::uuid[])', [[demoId, rongchangOther.id, yubei.id]]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an enterprise without a valid title cannot update: 403 in Chinese, nothing written', async () => {
    const me = await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ holder: false, title: null, due: { dataYear, status: 'not_required', statusLabel: '无需更新' } });
    expect(me.json().notHolderReason).toContain('没有有效的梯度培育称号');
    const before = await registryState(demoId);
    const put = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures });
    expect(put.statusCode, put.body).toBe(403);
    expect(put.json()).toMatchObject({ code: 'ANNUAL_UPDATE_NOT_HOLDER' });
    expect(put.json().message).toContain('没有有效的梯度培育称号');
    // An expired title does not make a holder either.
    await q(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, ended_on)
       values ($1, 'innovative', 'municipal', '2019-01-01', '2021-12-31', 'expired', '2021-12-31')`,
      [demoId],
    );
    expect((await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures })).statusCode).toBe(403);
    // Nor one still marked valid whose validity ran out (before the sweep marks it expired).
    await q(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', '2022-01-01', '2024-12-31', 'valid')`,
      [demoId],
    );
    expect((await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures })).statusCode).toBe(403);
    expect((await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me')).json().holder).toBe(false);
    expect(await registryState(demoId)).toBe(before);
  });

  it('officers and the city cannot use the enterprise form; the city alone sets deadlines', async () => {
    expect((await as('city.admin', 'GET', '/api/recognition/annual-updates/me')).statusCode).toBe(404);
    expect((await as('rongchang.admin', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures })).statusCode).toBe(403);
    const district = await as('rongchang.admin', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, {
      dueOn: `${currentYear}-12-31`,
    });
    expect(district.statusCode).toBe(403);
    const enterprise = await as('demo.enterprise', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, {
      dueOn: `${currentYear}-12-31`,
    });
    expect(enterprise.statusCode).toBe(403);
    expect(await h.count('select count(*) as n from annual_update_deadlines')).toBe(0);
    const wrongYear = await as('city.admin', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, { dueOn: `${dataYear}-12-31` });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json()).toMatchObject({ code: 'ANNUAL_UPDATE_DEADLINE_INVALID' });
    expect(wrongYear.json().message).toBe(`${dataYear} 年度信息的更新截止日期应在 ${currentYear} 年内`);
    const shown = await as('rongchang.admin', 'GET', `/api/recognition/annual-update-deadlines/${dataYear}`);
    expect(shown.json()).toEqual({
      dataYear,
      dueOn: defaultAnnualUpdateDueOn(dataYear),
      defaultDueOn: defaultAnnualUpdateDueOn(dataYear),
      source: 'default',
    });
    expect((await as('demo.enterprise', 'GET', `/api/recognition/annual-update-deadlines/${dataYear}`)).statusCode).toBe(404);
  });

  it('a holder updates on time by the deadline setting; the registry shows the figures and its history the update', async () => {
    await giveTitle(demoId);
    const set = await as('city.admin', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, { dueOn: `${currentYear}-12-31` });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ dataYear, dueOn: `${currentYear}-12-31`, source: 'setting' });

    const me = await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me');
    expect(me.json()).toMatchObject({
      holder: true,
      title: { tier: 'srdi' },
      due: { dataYear, dueOn: `${currentYear}-12-31`, status: 'pending' },
    });

    // Bad figures: the registry's own rules, in Chinese; nothing written.
    const before = await registryState(demoId);
    const bad = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, {
      figures: { ...figures, mainRevenue: figures.revenue + 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('主营业务收入不能大于营业收入');
    const empty = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures: { revenue: 1 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'ANNUAL_UPDATE_FIGURES_REQUIRED', message: '年度信息更新须填写资产总额、从业人员' });
    const future = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${currentYear}`, { figures });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'ANNUAL_UPDATE_YEAR_INVALID' });
    const unknownField = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, {
      figures: { ...figures, x: 1 },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(await registryState(demoId)).toBe(before);

    const put = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ changed: true, due: { dataYear, status: 'done', statusLabel: '已按期更新', onTime: true } });

    const detail = await as('city.admin', 'GET', `/api/enterprises/${demoId}`);
    const year = detail.json().years.find((y: { year: number }) => y.year === dataYear);
    expect(year).toMatchObject(figures);
    expect(detail.json().latestYear).toBeGreaterThanOrEqual(dataYear);
    const entry = detail.json().history.find((e: { action: string }) => e.action === 'enterprise.annual_update');
    expect(entry).toMatchObject({ actionLabel: '年度信息更新' });
    expect(entry.changes.some((c: { label: string }) => c.label === `${dataYear} 年营业收入（万元）`)).toBe(true);
    expect(
      await h.count('select count(*) as n from annual_updates where enterprise_id = $1 and data_year = $2 and on_time', [demoId, dataYear]),
    ).toBe(1);

    // A correction after the deadline (moved earlier here) keeps the year on time: the first update decided.
    await as('city.admin', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, { dueOn: `${currentYear}-01-01` });
    const correction = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, {
      figures: { ...figures, rdStaff: 21 },
    });
    expect(correction.json()).toMatchObject({ changed: true, due: { status: 'done', onTime: true } });
    await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${dataYear}`, { figures });
    await as('city.admin', 'PUT', `/api/recognition/annual-update-deadlines/${dataYear}`, { dueOn: `${currentYear}-12-31` });

    const after = await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me');
    expect(after.json()).toMatchObject({ due: { status: 'done', onTime: true }, figures: { revenue: figures.revenue, employees: 120 } });
    expect(after.json().history).toHaveLength(1);
  });

  it('late by the deadline: an update after it is recorded late, and a correction does not make it on time', async () => {
    const late = dataYear - 1; // default deadline long passed
    const put = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${late}`, { figures });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().due).toMatchObject({
      dataYear: late,
      dueOn: defaultAnnualUpdateDueOn(late),
      status: 'late',
      statusLabel: '逾期',
      onTime: false,
    });
    // A deadline moved to the end of its (past) year is still passed: the correction stays late.
    await as('city.admin', 'PUT', `/api/recognition/annual-update-deadlines/${late}`, { dueOn: `${late + 1}-12-31` });
    const again = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${late}`, {
      figures: { ...figures, employees: 121 },
    });
    expect(again.json().due).toMatchObject({ status: 'late', onTime: false });
    // The same figures a second time change nothing in the registry.
    const same = await as('demo.enterprise', 'PUT', `/api/recognition/annual-updates/me/${late}`, {
      figures: { ...figures, employees: 121 },
    });
    expect(same.json()).toMatchObject({ changed: false });
  });

  it('officers list the holders who have not updated, a district only its own', async () => {
    await giveTitle(rongchangOther.id, 'innovative');
    await giveTitle(yubei.id, 'little_giant');
    const missing = async (user: string, extra = '') => {
      const r = await as(user, 'GET', `/api/recognition/annual-updates?dataYear=${dataYear}&status=missing&pageSize=200${extra}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const city = await missing('city.admin', '&districtCode=500153');
    expect(city.dueOn).toBe(`${currentYear}-12-31`);
    const ids = city.items.map((i: { enterpriseId: string }) => i.enterpriseId);
    expect(ids).toContain(rongchangOther.id);
    expect(ids).not.toContain(demoId);
    expect(city.items.find((i: { enterpriseId: string }) => i.enterpriseId === rongchangOther.id)).toMatchObject({
      enterpriseName: rongchangOther.name,
      districtName: '荣昌区',
      tier: 'innovative',
      tierLabel: '创新型中小企业',
      status: 'pending',
      statusLabel: '待更新',
    });
    const cityAll = await missing('city.admin', '&districtCode=500112');
    expect(cityAll.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toContain(yubei.id);

    const rongchang = await missing('rongchang.admin');
    const rIds = rongchang.items.map((i: { enterpriseId: string }) => i.enterpriseId);
    expect(rIds).toContain(rongchangOther.id);
    expect(rIds).not.toContain(yubei.id);
    expect(rongchang.items.every((i: { districtCode: string }) => i.districtCode === '500153')).toBe(true);
    // Asking for another district answers nothing of it.
    const other = await missing('rongchang.admin', '&districtCode=500112');
    expect(other.items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(yubei.id);

    const done = await as('rongchang.admin', 'GET', `/api/recognition/annual-updates?dataYear=${dataYear}&status=done`);
    expect(done.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([demoId]);
    expect(done.json().items[0]).toMatchObject({ status: 'done', onTime: true });

    expect((await as('demo.enterprise', 'GET', '/api/recognition/annual-updates')).statusCode).toBe(404);
    const badStatus = await as('city.admin', 'GET', '/api/recognition/annual-updates?status=all');
    expect(badStatus.statusCode).toBe(400);
  });

  it('reminders go out 30, 7 and 1 days before the deadline, once per enterprise and threshold', async () => {
    expect(DAILY_SWEEP_STEPS.map((s) => s.name)).toContain('recognition.annual-update-reminders');
    const dueOn = `${currentYear}-12-31`;
    const userOf = (await q<{ id: string }>("select id from users where username = 'demo.enterprise'"))[0].id;
    const holderUsers = await q<{ id: string }>("select id from users where enterprise_id = $1 and role = 'enterprise' and not disabled", [
      rongchangOther.id,
    ]);
    const messagesTo = (ids: string[]) =>
      h.count(
        "select count(*) as n from messages where user_id = any($1::uuid[]) and category = 'recognition' and title like '%年度信息更新%'",
        [ids],
      );
    const run = (day: string) => h.database.db.transaction((tx) => remindAnnualUpdates(tx, day));

    expect(await run(addDays(dueOn, -31))).toEqual({ daysBefore: null, enterprises: [] });
    // The daily sweep's step on the slot of that day (01:00 Asia/Shanghai).
    await ANNUAL_UPDATE_REMINDER_STEP.run(
      { database: h.database, db: h.database.db, config: h.config },
      `${addDays(dueOn, -30)}T01:00:00+08:00`,
    );
    const first = await q<{ enterprise_id: string; days_before: number }>(
      'select enterprise_id, days_before from annual_update_reminders where data_year = $1',
      [dataYear],
    );
    const told = first.map((r) => r.enterprise_id);
    expect(first.every((r) => r.days_before === 30)).toBe(true);
    expect(told).toContain(rongchangOther.id);
    expect(told).toContain(yubei.id);
    // Updated already: never told.
    expect(told).not.toContain(demoId);
    expect((await run(addDays(dueOn, -30))).enterprises).toEqual([]);
    expect((await run(addDays(dueOn, -29))).enterprises).toEqual([]);
    expect((await run(addDays(dueOn, -7))).enterprises).toContain(rongchangOther.id);
    expect((await run(addDays(dueOn, -7))).enterprises).toEqual([]);
    // A sweep that missed day −1 sends the 1-day reminder on the deadline day itself, once.
    expect((await run(dueOn)).daysBefore).toBe(1);
    expect((await run(addDays(dueOn, -1))).enterprises).toEqual([]);
    expect(await run(addDays(dueOn, 1))).toEqual({ daysBefore: null, enterprises: [] });
    expect(await h.count('select count(*) as n from annual_update_reminders where enterprise_id = $1', [rongchangOther.id])).toBe(3);
    expect(await h.count('select count(*) as n from annual_update_reminders where enterprise_id = $1', [demoId])).toBe(0);
    if (holderUsers.length) expect(await messagesTo(holderUsers.map((u) => u.id))).toBe(3 * holderUsers.length);
    expect(await messagesTo([userOf])).toBe(0);
  });

  it('hasCompletedAnnualUpdates names the missed years (none, or late) of the title’s validity', async () => {
    const db = h.database.db;
    const id = rongchangOther.id;
    const title = { recognisedOn: '2021-03-10', validUntil: '2024-03-09' };
    // Due during validity: 2020 (2021-04-30), 2021 (2022-04-30), 2022 (2023-04-30); 2023's is after the end.
    expect(await hasCompletedAnnualUpdates(db, id, title, '2026-01-01')).toEqual({
      ok: false,
      missing: [2020, 2021, 2022],
      reasons: [
        '2020 年度信息未在 2021-04-30 前更新，不具备复核资格',
        '2021 年度信息未在 2022-04-30 前更新，不具备复核资格',
        '2022 年度信息未在 2023-04-30 前更新，不具备复核资格',
      ],
    });
    await q(
      `insert into annual_updates (enterprise_id, data_year, submitted_at, on_time) values
       ($1, 2020, '2021-04-01', true), ($1, 2021, '2022-06-01', false), ($1, 2022, '2023-04-30', true)`,
      [id],
    );
    expect(await hasCompletedAnnualUpdates(db, id, title, '2026-01-01')).toEqual({
      ok: false,
      missing: [2021],
      reasons: ['2021 年度信息未在 2022-04-30 前更新，不具备复核资格'],
    });
    await q('update annual_updates set on_time = true where enterprise_id = $1 and data_year = 2021', [id]);
    expect(await hasCompletedAnnualUpdates(db, id, title, '2026-01-01')).toEqual({ ok: true, missing: [], reasons: [] });
    // The brief's case: 2025 data not updated by 2026-04-30 (the default of the 2022 rules) bars the 复核 of a title expiring in 2026.
    await q('delete from annual_update_deadlines where data_year = 2025');
    const review = await hasCompletedAnnualUpdates(db, yubei.id, { recognisedOn: '2023-06-15', validUntil: '2026-06-14' }, '2026-06-01');
    expect(review.missing).toEqual([2023, 2024, 2025]);
    expect(review.reasons).toContain('2025 年度信息未在 2026-04-30 前更新，不具备复核资格');
  });
});
