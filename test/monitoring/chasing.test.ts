import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPeriod, formatPeriod } from '../../src/domain/monitoring/periods.js';
import { addDays } from '../../src/domain/monitoring/reminders.js';
import { rebuildAggregates } from '../../src/modules/monitoring/keep-aggregates.js';
import { sendOpeningReminders, sendScheduledReminders } from '../../src/modules/monitoring/send-scheduled-reminders.js';
import { DAILY_SWEEP_STEPS, MONTHLY_REMINDER_STEPS } from '../../src/server/sweeps.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 催报: the non-reporters of a month, 再次提醒 (once a day), the scheduled reminders (once per kind)
// and 上报率 / 及时率 / 一次审核通过率, on PGlite and PostgreSQL.

type Json = Record<string, unknown>;

describe.each(DATABASE_KINDS)('chasing monthly reports on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  /** Firms of 渝北区 (district_code 500112) in the sample (titled or added). */
  let firms: string[];
  let outFirm: string;
  let addedFirm: string;
  let otherRongchang: string;
  const now = currentPeriod();
  const period = formatPeriod(now);

  const as = (user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const clean = (revenueYtd: number, extra: Json = {}): Json => ({
    revenueYtd,
    profitYtd: Math.round(revenueYtd / 10),
    employees: 60,
    outputYtd: revenueYtd,
    rdExpenseYtd: Math.round(revenueYtd / 25),
    ...extra,
  });
  const report = async (id: string, p: string, body: Json) => {
    const res = await as('yubei.admin', 'PUT', `/api/monitoring/reports/${id}/${p}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; version: number };
  };
  const demoInbox = () =>
    h.count(
      `select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise' and m.category = 'monitoring'`,
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [{ id: demoId }] = await h.database.query<{ id: string }>(
      "select e.id from users u join enterprises e on e.id = u.enterprise_id where u.username = 'demo.enterprise'",
    );
    // Six firms of 渝北区 (demo.enterprise is of 荣昌区): the untitled ones are added to the sample, one taken out again.
    const six = (
      await h.database.query<{ id: string }>(
        `select id from enterprises where district_code = '500112' order by current_tier nulls last, id limit 6`,
      )
    ).map((r) => r.id);
    expect(six.length).toBe(6);
    firms = six.slice(0, 4);
    outFirm = six[4];
    addedFirm = six[5];
    [{ id: otherRongchang }] = await h.database.query<{ id: string }>(
      "select id from enterprises where (district_code = '500153' or zone_code = '500153') and id <> $1 order by id limit 1",
      [demoId],
    );
    // These firms start without reports in this year and the last (demo data may hold some), nor reminders.
    const ids = [demoId, otherRongchang, ...firms, outFirm, addedFirm];
    for (const t of ['monitoring_report_versions', 'monitoring_reports', 'monitoring_reminders'])
      await h.owner.query(`delete from ${t} where enterprise_id = any($1) and year >= $2`, [ids, now.year - 1]);
    await rebuildAggregates(h.owner.db, { years: [now.year - 1, now.year, now.year + 1] });
    for (const id of [...firms, outFirm, addedFirm])
      expect((await as('yubei.admin', 'PUT', `/api/monitoring/sample/${id}`, { reason: '区县增补' })).statusCode).toBe(200);
    expect((await as('yubei.admin', 'DELETE', `/api/monitoring/sample/${outFirm}`, { reason: '企业已迁出' })).statusCode).toBe(200);
  });
  afterAll(() => h?.close());

  it('lists the non-reporters of the scope: not those who reported, nor those out of the sample; a returned report is chased again', async () => {
    const [a, b, c, d] = firms;
    expect((await report(a, period, clean(10_000_000))).status).toBe('accepted');
    expect((await report(b, period, { ...clean(10_000_000, { profitYtd: 7_000_000 }), explanations: { margin: '大额补助' } })).status).toBe(
      'accepted',
    );
    expect((await report(c, period, clean(10_000_000, { profitYtd: 7_000_000 }))).status).toBe('needs_explanation');
    const returned = await report(d, period, clean(10_000_000));
    const back = await as('yubei.admin', 'POST', `/api/monitoring/reports/${d}/${period}/return`, {
      version: returned.version,
      reason: '数据有误',
    });
    expect(back.statusCode, back.body).toBe(200);

    const res = await as('yubei.admin', 'GET', `/api/monitoring/chase?period=${period}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const ids = (body.items as { enterpriseId: string }[]).map((i) => i.enterpriseId);
    for (const reported of [a, b, c, outFirm]) expect(ids).not.toContain(reported);
    for (const chased of [d, addedFirm]) expect(ids).toContain(chased);
    expect(ids).not.toContain(demoId);
    expect(body.items.find((i: Json) => i.enterpriseId === d)).toMatchObject({ returned: true, reminders: 0, lastRemindedOn: null });
    expect(body.items.find((i: Json) => i.enterpriseId === addedFirm)).toMatchObject({ returned: false });
    expect(body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The total is the in-sample firms of the scope minus the three that reported, by an independent count.
    const inSample = await h.count(
      `select count(*) as n from enterprises e where (e.district_code = '500112' or e.zone_code = '500112')
        and ((e.current_tier is not null and e.id not in (select enterprise_id from monitoring_sample where status = 'out'))
             or e.id in (select enterprise_id from monitoring_sample where status = 'in'))
        and not exists (select 1 from monitoring_reports r where r.enterprise_id = e.id and r.year = $1 and r.month = $2
                        and r.status <> 'returned')`,
      [now.year, now.month],
    );
    expect(body.total).toBe(inSample);

    const rongchang = await as('rongchang.admin', 'GET', `/api/monitoring/chase?period=${period}&pageSize=200`);
    expect(rongchang.statusCode).toBe(200);
    expect((rongchang.json().items as Json[]).map((i) => i.enterpriseId)).toEqual([demoId]);
    expect(rongchang.json().items[0]).toMatchObject({ districtName: '荣昌区', reminders: 0 });
    expect((await as('demo.enterprise', 'GET', `/api/monitoring/chase?period=${period}`)).statusCode).toBe(404);
    const future = await as('yubei.admin', 'GET', `/api/monitoring/chase?period=${now.year + 1}-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('MONITORING_PERIOD_FUTURE');
  });

  it('reminds the non-reporters once a day: the second reminder the same day is skipped; another district’s firm is 404', async () => {
    const inboxBefore = await demoInbox();
    const list = await as('rongchang.admin', 'GET', `/api/monitoring/chase?period=${period}&pageSize=200`);
    const total = list.json().total as number;
    const first = await as('rongchang.admin', 'POST', '/api/monitoring/chase/remind', { period });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ reminded: total, skipped: 0 });
    expect(await demoInbox()).toBe(inboxBefore + 1);
    const audited = () => h.count("select count(*) as n from audit_log where action = 'monitoring.remind' and entity_id = $1", [period]);
    expect(await audited()).toBe(1);
    const second = await as('rongchang.admin', 'POST', '/api/monitoring/chase/remind', { period, enterpriseIds: [demoId, otherRongchang] });
    expect(second.json()).toEqual({ reminded: 0, skipped: 2 });
    const all = await as('rongchang.admin', 'POST', '/api/monitoring/chase/remind', { period });
    expect(all.json()).toEqual({ reminded: 0, skipped: total });
    expect(await audited()).toBe(1);
    expect(await demoInbox()).toBe(inboxBefore + 1);
    const after = await as('rongchang.admin', 'GET', `/api/monitoring/chase?period=${period}&pageSize=200`);
    expect(after.json().items.find((i: Json) => i.enterpriseId === demoId)).toMatchObject({ reminders: 1 });
    expect(after.json().items.find((i: Json) => i.enterpriseId === demoId).lastRemindedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const rows = await h.count('select count(*) as n from monitoring_reminders');
    const other = await as('yubei.admin', 'POST', '/api/monitoring/chase/remind', { period, enterpriseIds: [demoId] });
    expect(other.statusCode).toBe(404);
    expect((await as('demo.enterprise', 'POST', '/api/monitoring/chase/remind', { period })).statusCode).toBe(403);
    expect(await h.count('select count(*) as n from monitoring_reminders')).toBe(rows);
  });

  it('computes 上报率, 及时率 and 一次审核通过率 per district as counted by hand', async () => {
    // 500112 now: sample = in-sample firms registered there; reported = a (clean), b (explained), c (待说明); d returned.
    const sample = await h.count(
      `select count(*) as n from enterprises e where e.district_code = '500112'
        and ((e.current_tier is not null and e.id not in (select enterprise_id from monitoring_sample where status = 'out'))
             or e.id in (select enterprise_id from monitoring_sample where status = 'in'))`,
    );
    const others = await h.count(
      `select count(*) as n from monitoring_reports r join enterprises e on e.id = r.enterprise_id
        where e.district_code = '500112' and r.year = $1 and r.month = $2 and r.enterprise_id <> all($3)`,
      [now.year, now.month, firms],
    );
    expect(others).toBe(0);
    const res = await as('yubei.admin', 'GET', `/api/monitoring/chase/rates?period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().rows as Json[]).map((r) => r.districtCode)).toEqual(['500112']);
    const row = (res.json().rows as Json[]).find((r) => r.districtCode === '500112');
    const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
    // Reported this month (the current one) = on time; only a was accepted at once without a soft check.
    expect(row).toEqual({
      districtCode: '500112',
      districtName: '渝北区',
      sample,
      reported: 3,
      onTime: 3,
      firstPass: 1,
      reportRate: pct(3, sample),
      timelyRate: pct(3, sample),
      firstPassRate: pct(1, 3),
    });
    // A district officer sees its district only; the city every district, summed in `all`.
    const rongchang = await as('rongchang.admin', 'GET', `/api/monitoring/chase/rates?period=${period}`);
    expect((rongchang.json().rows as Json[]).map((r) => r.districtCode)).toEqual(['500153']);
    expect(rongchang.json().rows[0]).toMatchObject({ sample: 1, reported: 0, reportRate: 0, firstPassRate: null });
    const city = (await as('city.admin', 'GET', `/api/monitoring/chase/rates?period=${period}`)).json();
    const sum = (k: string) => (city.rows as Json[]).reduce((s, r) => s + (r[k] as number), 0);
    expect(city.all).toMatchObject({
      sample: sum('sample'),
      reported: sum('reported'),
      onTime: sum('onTime'),
      firstPass: sum('firstPass'),
    });
    expect(city.rows.find((r: Json) => r.districtCode === '500112')).toEqual(row);
    expect((await as('demo.enterprise', 'GET', `/api/monitoring/chase/rates?period=${period}`)).statusCode).toBe(404);

    // A past month reported now is late: on time 0 of 1 reported.
    const past = formatPeriod(
      now.month === 1
        ? { year: now.year - 1, month: 11 }
        : now.month === 2
          ? { year: now.year - 1, month: 12 }
          : { year: now.year, month: now.month - 2 },
    );
    await report(firms[0], past, clean(5_000_000));
    const late = (await as('yubei.admin', 'GET', `/api/monitoring/chase/rates?period=${past}`)).json();
    const lateRow = (late.rows as Json[]).find((r) => r.districtCode === '500112') as Json;
    expect(lateRow.reported as number).toBeGreaterThanOrEqual(1);
    const [{ n: onTimeByHand }] = await h.database.query<{ n: number }>(
      `select count(*)::int as n from monitoring_reports r join enterprises e on e.id = r.enterprise_id
        where e.district_code = '500112' and r.year = $1 and r.month = $2 and not r.late and r.status <> 'returned'
          and ((e.current_tier is not null and e.id not in (select enterprise_id from monitoring_sample where status = 'out'))
               or e.id in (select enterprise_id from monitoring_sample where status = 'in'))`,
      [Number(past.slice(0, 4)), Number(past.slice(5, 7))],
    );
    expect(lateRow.onTime).toBe(onTimeByHand);
    const [{ late: firmLate }] = await h.database.query<{ late: boolean }>(
      'select late from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3',
      [firms[0], Number(past.slice(0, 4)), Number(past.slice(5, 7))],
    );
    expect(firmLate).toBe(true);
  });

  it('the daily sweep reminds non-reporters 3 days before, on and the day after the due date, once each even when run twice', async () => {
    expect(DAILY_SWEEP_STEPS.map((s) => s.name)).toContain('monitoring.reminders');
    expect(MONTHLY_REMINDER_STEPS.map((s) => s.name)).toContain('monitoring.opening');
    // The month before last: its due date and the days around it.
    const p =
      now.month === 1
        ? { year: now.year - 1, month: 11 }
        : now.month === 2
          ? { year: now.year - 1, month: 12 }
          : { year: now.year, month: now.month - 2 };
    const pText = formatPeriod(p);
    const dueOn = (await as('city.admin', 'GET', `/api/monitoring/chase?period=${pText}`)).json().dueOn as string;
    // firms[0] reported that month (previous test): it is never reminded.
    const kinds = () =>
      h.database.query<{ enterprise_id: string; kind: string }>(
        'select enterprise_id, kind from monitoring_reminders where year = $1 and month = $2 and enterprise_id = any($3) order by kind',
        [p.year, p.month, [demoId, firms[0]]],
      );
    const sweep = (day: string) => h.database.db.transaction((tx) => sendScheduledReminders(tx, day));
    const inbox0 = await demoInbox();

    expect(await sweep(addDays(dueOn, -5))).toEqual([]);
    expect(await kinds()).toEqual([]);

    const before = await sweep(addDays(dueOn, -3));
    expect(before).toEqual([expect.objectContaining({ period: p, kind: 'before_due' })]);
    expect(before[0].enterprises).toBeGreaterThan(0);
    expect((await sweep(addDays(dueOn, -3)))[0].enterprises).toBe(0);
    expect((await sweep(addDays(dueOn, -2)))[0].enterprises).toBe(0);
    expect(await kinds()).toEqual([{ enterprise_id: demoId, kind: 'before_due' }]);
    expect(await demoInbox()).toBe(inbox0 + 1);

    expect((await sweep(dueOn))[0]).toMatchObject({ kind: 'due_day' });
    expect((await sweep(dueOn))[0].enterprises).toBe(0);
    expect((await sweep(addDays(dueOn, 1)))[0]).toMatchObject({ kind: 'overdue' });
    expect((await sweep(addDays(dueOn, 1)))[0].enterprises).toBe(0);
    expect((await sweep(addDays(dueOn, 2)))[0].enterprises).toBe(0);
    expect((await kinds()).map((r) => `${r.enterprise_id === demoId ? 'demo' : 'reporter'}:${r.kind}`)).toEqual([
      'demo:before_due',
      'demo:due_day',
      'demo:overdue',
    ]);
    expect(await demoInbox()).toBe(inbox0 + 3);
    const titles = await h.database.query<{ title: string }>(
      `select m.title from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise' and m.category = 'monitoring'
        order by m.created_at desc limit 3`,
    );
    expect(titles.map((t) => t.title)).toEqual([
      `${p.year}年${p.month}月运行监测月报已逾期，请尽快补报`,
      `${p.year}年${p.month}月运行监测月报今天截止`,
      `请于 ${dueOn} 前报送${p.year}年${p.month}月运行监测月报`,
    ]);
  });

  it('on the 1st the sample is told the last month is open and its due date, once', async () => {
    const first = `${now.year}-${String(now.month).padStart(2, '0')}-01`;
    const inbox0 = await demoInbox();
    const sent = await h.database.db.transaction((tx) => sendOpeningReminders(tx, first));
    expect(sent.enterprises).toBeGreaterThan(0);
    expect(await demoInbox()).toBe(inbox0 + 1);
    const again = await h.database.db.transaction((tx) => sendOpeningReminders(tx, first));
    expect(again.enterprises).toBe(0);
    expect(await demoInbox()).toBe(inbox0 + 1);
  });
});
