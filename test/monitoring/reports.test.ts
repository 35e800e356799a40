import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPeriod, formatPeriod, nextPeriod } from '../../src/domain/monitoring/periods.js';
import { rebuildAggregates } from '../../src/modules/monitoring/keep-aggregates.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// The monthly report (月报) API: PUT/GET /api/monitoring/reports/:enterpriseId/:period, /check,
// /my-reports and the settings, on PGlite and PostgreSQL.

type Json = Record<string, unknown>;

describe.each(DATABASE_KINDS)('monthly reports on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let district: string;
  let otherDistrictFirm: string;
  let outsideSample: string;

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const put = (user: string, id: string, period: string, body: Json) => as(user, 'PUT', `/api/monitoring/reports/${id}/${period}`, body);
  const cell = async (year: number, month: number) => {
    const rows = await h.database.query<{ matched: number; unmatched: number; revenue_cur: string }>(
      `select matched, unmatched, revenue_cur from monitoring_aggregates
        where year = $1 and month = $2 and unit_kind = 'district' and unit_code = $3 and dim = 'all' and dim_key = ''`,
      [year, month, district],
    );
    return rows[0]
      ? { matched: Number(rows[0].matched), unmatched: Number(rows[0].unmatched), revenue: Number(rows[0].revenue_cur) }
      : { matched: 0, unmatched: 0, revenue: 0 };
  };
  const allAggregates = async () =>
    JSON.stringify(await h.database.query('select * from monitoring_aggregates order by year, month, unit_kind, unit_code, dim, dim_key'));
  const rowCount = (id: string, year: number, month: number) =>
    h.count('select count(*) as n from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3', [id, year, month]);
  const versionCount = (id: string, year: number, month: number) =>
    h.count('select count(*) as n from monitoring_report_versions where enterprise_id = $1 and year = $2 and month = $3', [
      id,
      year,
      month,
    ]);

  /** A clean report: margin 10 %, every optional figure, 当月 consistent with no last month. */
  const clean = (revenueYtd: number, extra: Json = {}): Json => ({
    revenueYtd,
    profitYtd: Math.round(revenueYtd / 10),
    employees: 120,
    outputYtd: revenueYtd,
    rdExpenseYtd: Math.round(revenueYtd / 25),
    exportYtd: 0,
    taxYtd: Math.round(revenueYtd / 20),
    electricityYtd: 300_000,
    newOrders: 5_000_000,
    survey: { orders: 'up', employment: 'flat', financing: 'down' },
    ...extra,
  });

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [{ id: demoId, district }] = await h.database.query<{ id: string; district: string }>(
      "select e.id, e.district_code as district from users u join enterprises e on e.id = u.enterprise_id where u.username = 'demo.enterprise'",
    );
    [{ id: otherDistrictFirm }] = await h.database.query<{ id: string }>(
      "select id from enterprises where district_code = '500112' and current_tier is not null limit 1",
    );
    [{ id: outsideSample }] = await h.database.query<{ id: string }>(
      `select id from enterprises e where district_code = $1 and current_tier is null
          and not exists (select 1 from monitoring_sample s where s.enterprise_id = e.id) limit 1`,
      [district],
    );
    // The periods these tests write start empty for the demo enterprise (demo data may have reports).
    await h.owner.query('delete from monitoring_report_versions where enterprise_id = $1 and year between 2017 and 2021', [demoId]);
    await h.owner.query('delete from monitoring_reports where enterprise_id = $1 and year between 2017 and 2021', [demoId]);
    await rebuildAggregates(h.owner.db, { years: [2017, 2018, 2019, 2020, 2021] });
  });
  afterAll(() => h?.close());

  it('accepts a clean report: stored, one version row, counted (unmatched without last year), marked late when past due', async () => {
    const before = await cell(2018, 5);
    const res = await put('demo.enterprise', demoId, '2018-05', clean(10_000_000));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'accepted',
      checks: [],
      version: 1,
      late: true,
      dueOn: expect.stringMatching(/^2018-06-1\d$/),
      period: '2018-05',
    });
    expect(await rowCount(demoId, 2018, 5)).toBe(1);
    expect(await versionCount(demoId, 2018, 5)).toBe(1);
    const after = await cell(2018, 5);
    expect(after.unmatched).toBe(before.unmatched + 1);

    const got = await as('demo.enterprise', 'GET', `/api/monitoring/reports/${demoId}/2018-05`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({
      enterpriseId: demoId,
      status: 'accepted',
      statusLabel: '已通过',
      version: 1,
      late: true,
      inSample: true,
      canWrite: true,
      values: { revenueYtd: 10_000_000, employees: 120, survey: { orders: 'up', employment: 'flat', financing: 'down' } },
      history: [{ version: 1, action: 'submit', actionLabel: '提交', statusLabel: '已通过', afterDue: true, actorName: '企业填报员' }],
    });
  });

  it('stores a report failing a soft check as 待说明, not counted; sent again with the explanation it is 已通过 and counted (matched)', async () => {
    expect((await put('demo.enterprise', demoId, '2018-07', clean(10_000_000))).statusCode).toBe(200);
    const before = await cell(2019, 7);
    // 累计同比 +80 % (> 50 %).
    const first = await put('demo.enterprise', demoId, '2019-07', clean(18_000_000));
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.status).toBe('needs_explanation');
    // Revenue, profit and output all +80 %.
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual(['yoy.revenueYtd', 'yoy.profitYtd', 'yoy.outputYtd']);
    expect(body.checks[0]).toMatchObject({ level: 'soft', field: 'revenueYtd' });
    expect(body.checks[0].message).toBe('营业收入（累计）同比+80.0%，超出 ±50%，请说明原因');
    expect(await cell(2019, 7)).toEqual(before);

    const got = await as('rongchang.admin', 'GET', `/api/monitoring/reports/${demoId}/2019-07`);
    expect(got.json()).toMatchObject({ status: 'needs_explanation', statusLabel: '待说明', lastYear: { revenueYtd: 10_000_000 } });

    // Two explanations of three: still 待说明.
    const partial = { 'yoy.revenueYtd': '新产线投产，订单大幅增加', 'yoy.profitYtd': '规模效应' };
    const half = await put('demo.enterprise', demoId, '2019-07', { ...clean(18_000_000), explanations: partial, version: 1 });
    expect(half.json()).toMatchObject({ status: 'needs_explanation', version: 2 });
    expect(await cell(2019, 7)).toEqual(before);
    const explanations = { ...partial, 'yoy.outputYtd': '同上', margin: '不适用的说明不保存' };
    const second = await put('demo.enterprise', demoId, '2019-07', { ...clean(18_000_000), explanations, version: 2 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'accepted', version: 3 });
    const after = await cell(2019, 7);
    expect(after.matched).toBe(before.matched + 1);
    expect(after.revenue).toBe(before.revenue + 18_000_000);
    const stored = await h.database.query<{ explanations: Json; first_pass: boolean }>(
      'select explanations, first_pass from monitoring_reports where enterprise_id = $1 and year = 2019 and month = 7',
      [demoId],
    );
    expect(stored[0]).toEqual({ explanations: { ...partial, 'yoy.outputYtd': '同上' }, first_pass: false });
    expect(await versionCount(demoId, 2019, 7)).toBe(3);
  });

  it('refuses a report failing a hard check (累计 below last month’s) with 400 and details.checks, storing nothing', async () => {
    expect((await put('demo.enterprise', demoId, '2020-02', clean(6_000_000))).statusCode).toBe(200);
    const aggregates = await allAggregates();
    const res = await put('demo.enterprise', demoId, '2020-03', clean(5_000_000));
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json();
    expect(err.code).toBe('MONITORING_CHECK_FAILED');
    expect(err.details.checks).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'ytd_below_last_month.revenueYtd', level: 'hard', field: 'revenueYtd' })]),
    );
    expect(err.message).toContain('营业收入（累计）不能低于上月累计');
    expect(await rowCount(demoId, 2020, 3)).toBe(0);
    expect(await versionCount(demoId, 2020, 3)).toBe(0);
    expect(await allAggregates()).toBe(aggregates);

    // 当月 ≠ 累计 − last month's 累计, profit above revenue, a missing required figure: each named.
    const many = await put('demo.enterprise', demoId, '2020-03', {
      ...clean(9_000_000),
      revenueMonth: 1_000_000,
      profitYtd: 9_500_000,
      employees: undefined,
    });
    expect(many.statusCode).toBe(400);
    const ids = many.json().details.checks.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['required.employees', 'month_mismatch.revenue', 'profit_above_revenue']));
    expect(await rowCount(demoId, 2020, 3)).toBe(0);
  });

  it('refuses an amount beyond the database’s range with 400 naming the field, and Infinity as a bad field', async () => {
    const res = await put('demo.enterprise', demoId, '2020-04', clean(10_000_000, { exportYtd: Number.MAX_SAFE_INTEGER + 2 }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('MONITORING_CHECK_FAILED');
    expect(res.json().details.checks).toEqual([expect.objectContaining({ id: 'out_of_range.exportYtd', field: 'exportYtd' })]);
    expect(res.json().message).toContain('出口额（累计）超出可填报的范围');
    const inf = await h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${demoId}/2020-04`,
      headers: { cookie: cookies['demo.enterprise'], 'content-type': 'application/json' },
      payload: '{"revenueYtd":1e309,"profitYtd":1,"employees":1}',
    });
    expect(inf.statusCode).toBe(400);
    expect(inf.json().message).toContain('revenueYtd');
    expect(await rowCount(demoId, 2020, 4)).toBe(0);
  });

  it('marks the current month’s report on time; refuses a future month and an enterprise outside the sample with 400', async () => {
    const now = formatPeriod(currentPeriod());
    const next = formatPeriod(nextPeriod(currentPeriod()));
    // The current month may be reported (explanations for whatever the demo's history makes it fail).
    const check = await as('demo.enterprise', 'POST', `/api/monitoring/reports/${demoId}/${now}/check`, clean(50_000_000));
    expect(check.statusCode, check.body).toBe(200);
    const checks = check.json().checks as { id: string; level: string }[];
    expect(checks.filter((c) => c.level === 'hard')).toEqual([]);
    const current = (await as('demo.enterprise', 'GET', `/api/monitoring/reports/${demoId}/${now}`)).json();
    const explanations = Object.fromEntries(checks.map((c) => [c.id, '测试说明']));
    const res = await put('demo.enterprise', demoId, now, { ...clean(50_000_000), explanations, version: current.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', late: false });
    expect(res.json().dueOn > `${now}-28`).toBe(true);

    const future = await put('demo.enterprise', demoId, next, clean(1_000_000));
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('MONITORING_PERIOD_FUTURE');
    expect(future.json().message).toContain('未来月份');

    const outside = await put('rongchang.admin', outsideSample, '2020-05', clean(1_000_000));
    expect(outside.statusCode, outside.body).toBe(400);
    expect(outside.json().code).toBe('MONITORING_NOT_IN_SAMPLE');
    expect(await rowCount(outsideSample, 2020, 5)).toBe(0);
  });

  it('answers 404 for another district’s or another enterprise’s report, 403 for a role that may not write', async () => {
    for (const [user, id] of [
      ['yubei.admin', demoId],
      ['demo.enterprise', otherDistrictFirm],
      ['rongchang.admin', otherDistrictFirm],
    ] as const) {
      const w = await put(user, id, '2020-06', clean(1_000_000));
      expect(w.statusCode, `${user} PUT`).toBe(404);
      expect(w.json().message).toBe('记录不存在或无权查看');
      const r = await as(user, 'GET', `/api/monitoring/reports/${id}/2020-06`);
      expect(r.statusCode, `${user} GET`).toBe(404);
    }
    const city = await put('city.admin', demoId, '2020-06', clean(1_000_000));
    expect(city.statusCode).toBe(403);
    expect(await rowCount(demoId, 2020, 6)).toBe(0);
    // The district enters for its firm (代报): entered_by district.
    const district = await put('rongchang.admin', demoId, '2020-06', clean(1_000_000));
    expect(district.statusCode, district.body).toBe(200);
    const [row] = await h.database.query<{ entered_by: string }>(
      'select entered_by from monitoring_reports where enterprise_id = $1 and year = 2020 and month = 6',
      [demoId],
    );
    expect(row.entered_by).toBe('district');
  });

  it('lets one of two racing revisions at the same version through: one 200, one 409, one new version row', async () => {
    expect((await put('demo.enterprise', demoId, '2020-08', clean(8_000_000))).statusCode).toBe(200);
    const [a, b] = await Promise.all([
      put('demo.enterprise', demoId, '2020-08', clean(8_100_000, { version: 1 })),
      put('rongchang.admin', demoId, '2020-08', clean(8_200_000, { version: 1 })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().code).toBe('MONITORING_REPORT_STALE');
    expect(await versionCount(demoId, 2020, 8)).toBe(2);
    const stale = await put('demo.enterprise', demoId, '2020-08', clean(8_300_000, { version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(await versionCount(demoId, 2020, 8)).toBe(2);
  });

  it('marks an accepted report revised after its due date (revised_after_due, version afterDue)', async () => {
    expect((await put('demo.enterprise', demoId, '2020-09', clean(9_000_000))).statusCode).toBe(200);
    const res = await put('demo.enterprise', demoId, '2020-09', clean(9_100_000, { version: 1 }));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await h.database.query<{ revised_after_due: boolean; late: boolean }>(
      'select revised_after_due, late from monitoring_reports where enterprise_id = $1 and year = 2020 and month = 9',
      [demoId],
    );
    expect(row).toEqual({ revised_after_due: true, late: true });
    const got = (await as('demo.enterprise', 'GET', `/api/monitoring/reports/${demoId}/2020-09`)).json();
    expect(got.history.map((v: { action: string }) => v.action)).toEqual(['revise', 'submit']);
  });

  it('fills only the empty yearly indicators from an accepted December report (最多报一次), audited', async () => {
    await h.owner.query('delete from enterprise_years where enterprise_id = $1 and year = 2021', [demoId]);
    await h.owner.query('insert into enterprise_years (enterprise_id, year, revenue, employees) values ($1, 2021, 123456789, 77)', [
      demoId,
    ]);
    const body = clean(100_000_000, { exportYtd: 2_000_000 });
    const needs = await put('demo.enterprise', demoId, '2021-12', { ...body, profitYtd: -60_000_000 });
    expect(needs.json().status).toBe('needs_explanation');
    let [year] = await h.database.query<Json>('select * from enterprise_years where enterprise_id = $1 and year = 2021', [demoId]);
    expect(year.total_profit).toBeNull();

    const res = await put('demo.enterprise', demoId, '2021-12', { ...body, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');
    [year] = await h.database.query<Json>('select * from enterprise_years where enterprise_id = $1 and year = 2021', [demoId]);
    expect(Number(year.revenue)).toBe(123_456_789);
    expect(Number(year.employees)).toBe(77);
    expect(Number(year.total_profit)).toBe(10_000_000);
    expect(Number(year.rd_expense)).toBe(4_000_000);
    expect(Number(year.exports)).toBe(2_000_000);
    expect(Number(year.taxes_paid)).toBe(5_000_000);
    expect(year.main_revenue).toBeNull();
    expect(
      await h.count(
        "select count(*) as n from audit_log where action = 'enterprise.monitoring_prefill' and entity_id = $1 and after->>'year' = '2021'",
        [demoId],
      ),
    ).toBe(1);
  });

  it('derives the enterprise’s latest year and revenue from a year the December report created (最多报一次)', async () => {
    // No year from 2019 on: the 2019 report's year becomes the latest with data.
    await h.owner.query('delete from enterprise_years where enterprise_id = $1 and year >= 2019', [demoId]);
    const res = await put('demo.enterprise', demoId, '2019-12', clean(87_654_321));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');
    const [e] = await h.database.query<Json>('select latest_year, latest_revenue from enterprises where id = $1', [demoId]);
    expect(Number(e.latest_year)).toBe(2019);
    expect(Number(e.latest_revenue)).toBe(87_654_321);
  });

  it('shows an accepted December report’s figures in the annual information update (年度信息更新) when the year had none', async () => {
    const dataYear = Number(formatPeriod(currentPeriod()).slice(0, 4)) - 1;
    await h.owner.query('delete from enterprise_years where enterprise_id = $1 and year = $2', [demoId, dataYear]);
    const before = (await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me')).json();
    expect(before.figures.revenue).toBeNull();

    const period = `${dataYear}-12`;
    const current = (await as('demo.enterprise', 'GET', `/api/monitoring/reports/${demoId}/${period}`)).json();
    // Above whatever November the demo data holds, so that 累计 does not fall.
    const revenue = Math.max(200_000_000, Math.ceil((current.lastMonth?.revenueYtd ?? 0) * 1.05));
    const body = clean(revenue, {
      outputYtd: Math.max(revenue, current.lastMonth?.outputYtd ?? 0),
      taxYtd: Math.max(Math.round(revenue / 20), current.lastMonth?.taxYtd ?? 0),
      electricityYtd: Math.max(300_000, current.lastMonth?.electricityYtd ?? 0),
      rdExpenseYtd: Math.max(Math.round(revenue / 25), current.lastMonth?.rdExpenseYtd ?? 0),
      exportYtd: Math.max(0, current.lastMonth?.exportYtd ?? 0),
    });
    const check = await as('demo.enterprise', 'POST', `/api/monitoring/reports/${demoId}/${period}/check`, body);
    expect(check.statusCode, check.body).toBe(200);
    const checks = check.json().checks as { id: string; level: string }[];
    expect(
      checks.filter((c) => c.level === 'hard'),
      check.body,
    ).toEqual([]);
    const explanations = Object.fromEntries(checks.map((c) => [c.id, '测试说明']));
    const res = await put('demo.enterprise', demoId, period, { ...body, explanations, version: current.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');

    const after = (await as('demo.enterprise', 'GET', '/api/recognition/annual-updates/me')).json();
    expect(after.figures).toMatchObject({
      revenue,
      totalProfit: body.profitYtd,
      employees: 120,
      rdExpense: body.rdExpenseYtd,
      taxesPaid: body.taxYtd,
      exports: body.exportYtd,
    });
  });

  it('lists the enterprise’s last 12 periods newest first (my-reports); officers are refused', async () => {
    const res = await as('demo.enterprise', 'GET', '/api/monitoring/my-reports');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.inSample).toBe(true);
    expect(body.items).toHaveLength(12);
    expect(body.items[0]).toMatchObject({ period: formatPeriod(currentPeriod()), status: 'accepted', statusLabel: '已通过', late: false });
    expect(body.items.every((i: { statusLabel: string }) => i.statusLabel)).toBe(true);
    expect((await as('rongchang.admin', 'GET', '/api/monitoring/my-reports')).statusCode).toBe(404);
  });

  it('reads the settings (defaults), lets the city change them (validated, audited) and the checks follow', async () => {
    const got = await as('demo.enterprise', 'GET', '/api/monitoring/settings');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      dueDay: 10,
      dueMode: 'calendar',
      yoyLimit: 50,
      momLimit: 100,
      marginMin: -50,
      marginMax: 60,
      rdMonths: [3, 6, 9, 12],
    });
    const settings = got.json();

    const bad = await as('city.admin', 'PUT', '/api/monitoring/settings', { ...settings, marginMin: 70 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MONITORING_SETTINGS_INVALID');
    expect(bad.json().message).toContain('利润率下限应小于上限');
    expect((await as('rongchang.admin', 'PUT', '/api/monitoring/settings', settings)).statusCode).toBe(403);

    const ok = await as('city.admin', 'PUT', '/api/monitoring/settings', { ...settings, yoyLimit: 90 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await h.count("select count(*) as n from audit_log where action = 'monitoring.settings_update'")).toBe(1);
    // +80 % no longer asks for an explanation at a 90 % limit.
    const check = await as('demo.enterprise', 'POST', `/api/monitoring/reports/${demoId}/2019-07/check`, clean(18_000_000));
    expect(check.json().checks).toEqual([]);
    await as('city.admin', 'PUT', '/api/monitoring/settings', settings);
  });
});
