import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../src/modules/monitoring/keep-aggregates.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 月报审核: the officers' list, 审核通过 (accept the explanations) and 退回 (the report leaves the
// figures until resubmitted), on PGlite and PostgreSQL.

type Json = Record<string, unknown>;

describe.each(DATABASE_KINDS)('the officers review monthly reports on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let district: string;
  let otherFirm: string;

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const clean = (revenueYtd: number, extra: Json = {}): Json => ({
    revenueYtd,
    profitYtd: Math.round(revenueYtd / 10),
    employees: 80,
    outputYtd: revenueYtd,
    rdExpenseYtd: Math.round(revenueYtd / 25),
    ...extra,
  });
  const cell = async (year: number, month: number) => {
    const rows = await h.database.query<{ n: number | string; revenue: number | string }>(
      `select matched + unmatched as n, revenue_cur as revenue from monitoring_aggregates
        where year = $1 and month = $2 and unit_kind = 'district' and unit_code = $3 and dim = 'all' and dim_key = ''`,
      [year, month, district],
    );
    return rows[0] ? Number(rows[0].n) : 0;
  };
  const aggregates = async () =>
    JSON.stringify(await h.owner.query('select * from monitoring_aggregates where year in (2019, 2020) order by 1, 2, 3, 4, 5, 6'));
  const inbox = () =>
    h.database.query<{ title: string; body: string; link: string }>(
      `select m.title, m.body, m.link from messages m join users u on u.id = m.user_id
        where u.username = 'demo.enterprise' and m.category = 'monitoring' order by m.created_at`,
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [{ id: demoId, district }] = await h.database.query<{ id: string; district: string }>(
      "select e.id, e.district_code as district from users u join enterprises e on e.id = u.enterprise_id where u.username = 'demo.enterprise'",
    );
    [{ id: otherFirm }] = await h.database.query<{ id: string }>(
      'select id from enterprises where district_code = $1 and id <> $2 order by current_tier nulls last, id limit 1',
      [district, demoId],
    );
    await h.owner.query(
      "insert into monitoring_sample (enterprise_id, status) values ($1, 'in') on conflict (enterprise_id) do update set status = 'in'",
      [otherFirm],
    );
    for (const t of ['monitoring_report_versions', 'monitoring_reports'])
      await h.owner.query(`delete from ${t} where enterprise_id = any($1) and year in (2018, 2019)`, [[demoId, otherFirm]]);
    await rebuildAggregates(h.owner.db, { years: [2018, 2019, 2020] });
  });
  afterAll(() => h?.close());

  it('lists the month’s reports of the scope, waiting ones first, with explanations counted; another district sees none of them', async () => {
    const explained = await as('demo.enterprise', 'PUT', `/api/monitoring/reports/${demoId}/2019-04`, {
      ...clean(10_000_000, { profitYtd: 7_000_000 }),
      explanations: { margin: '当期收到一笔大额政府补助' },
    });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json()).toMatchObject({ status: 'accepted', version: 1 });
    const pending = await as(
      'rongchang.admin',
      'PUT',
      `/api/monitoring/reports/${otherFirm}/2019-04`,
      clean(20_000_000, { profitYtd: 15_000_000 }),
    );
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({ status: 'needs_explanation' });

    const list = await as('rongchang.admin', 'GET', '/api/monitoring/reports?period=2019-04&pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Json[];
    const mine = items.filter((i) => i.enterpriseId === demoId || i.enterpriseId === otherFirm);
    expect(mine.map((i) => [i.enterpriseId, i.status, i.statusLabel, i.explanationCount, i.reviewed, i.enteredByLabel, i.late])).toEqual([
      [otherFirm, 'needs_explanation', '待说明', 0, false, '区县代报', true],
      [demoId, 'accepted', '已通过', 1, false, '企业报送', true],
    ]);
    expect(items[0].enterpriseId).toBe(otherFirm);
    const explainedOnly = await as('rongchang.admin', 'GET', '/api/monitoring/reports?period=2019-04&explained=true&reviewed=false');
    expect((explainedOnly.json().items as Json[]).map((i) => i.enterpriseId)).toContain(demoId);
    expect((explainedOnly.json().items as Json[]).map((i) => i.enterpriseId)).not.toContain(otherFirm);
    const byStatus = await as('city.admin', 'GET', '/api/monitoring/reports?period=2019-04&status=needs_explanation&pageSize=200');
    expect((byStatus.json().items as Json[]).map((i) => i.enterpriseId)).toContain(otherFirm);
    expect((byStatus.json().items as Json[]).map((i) => i.enterpriseId)).not.toContain(demoId);

    const yubei = await as('yubei.admin', 'GET', '/api/monitoring/reports?period=2019-04&pageSize=200');
    expect(yubei.statusCode).toBe(200);
    expect(yubei.body).not.toContain(demoId);
    expect(yubei.body).not.toContain(otherFirm);
    expect((await as('demo.enterprise', 'GET', '/api/monitoring/reports?period=2019-04')).statusCode).toBe(404);
  });

  it('accepts the explanations: reviewed, a version row, audited; a stale version is 409 and a 待说明 report cannot be accepted', async () => {
    const url = `/api/monitoring/reports/${demoId}/2019-04/accept`;
    const stale = await as('rongchang.admin', 'POST', url, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('MONITORING_REPORT_STALE');
    expect((await as('yubei.admin', 'POST', url, { version: 1 })).statusCode).toBe(404);
    expect((await as('demo.enterprise', 'POST', url, { version: 1 })).statusCode).toBe(403);
    const before = await aggregates();

    const ok = await as('rongchang.admin', 'POST', url, { version: 1, note: '说明合理' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', statusLabel: '已通过', version: 2 });
    expect(await aggregates()).toBe(before);
    const [row] = await h.database.query<{ reviewed_by: string | null; version: number }>(
      'select reviewed_by, version from monitoring_reports where enterprise_id = $1 and year = 2019 and month = 4',
      [demoId],
    );
    expect(row.reviewed_by).not.toBeNull();
    expect(row.version).toBe(2);
    const versions = await h.database.query<{ version: number; action: string; note: string | null }>(
      'select version, action, note from monitoring_report_versions where enterprise_id = $1 and year = 2019 and month = 4 order by version',
      [demoId],
    );
    expect(versions).toEqual([
      { version: 1, action: 'submit', note: null },
      { version: 2, action: 'accept', note: '说明合理' },
    ]);
    expect(
      await h.count("select count(*) as n from audit_log where action = 'monitoring.report_accept' and entity_id = $1", [
        `${demoId}/2019-04`,
      ]),
    ).toBe(1);
    const again = await as('rongchang.admin', 'POST', url, { version: 1 });
    expect(again.statusCode).toBe(409);

    const pending = await as('rongchang.admin', 'POST', `/api/monitoring/reports/${otherFirm}/2019-04/accept`, { version: 1 });
    expect(pending.statusCode).toBe(400);
    expect(pending.json()).toMatchObject({ code: 'MONITORING_REVIEW_NOT_ALLOWED' });
    expect(pending.json().message).toContain('待说明');
    const absent = await as('rongchang.admin', 'POST', `/api/monitoring/reports/${demoId}/2019-05/accept`, { version: 1 });
    expect(absent.statusCode).toBe(404);
    const list = await as('rongchang.admin', 'GET', '/api/monitoring/reports?period=2019-04&reviewed=true');
    expect((list.json().items as Json[]).map((i) => i.enterpriseId)).toEqual([demoId]);
  });

  it('returns a report with a reason: it leaves the figures, the enterprise is told; resubmitted it counts again', async () => {
    const url = `/api/monitoring/reports/${demoId}/2019-04/return`;
    const counted = await cell(2019, 4);
    expect(counted).toBeGreaterThanOrEqual(1);
    const noReason = await as('rongchang.admin', 'POST', url, { version: 2 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'MONITORING_REASON_REQUIRED', message: '退回月报须填写原因' });
    expect((await as('yubei.admin', 'POST', url, { version: 2, reason: '数据有误' })).statusCode).toBe(404);
    expect((await as('demo.enterprise', 'POST', url, { version: 2, reason: '数据有误' })).statusCode).toBe(403);
    expect((await as('rongchang.admin', 'POST', url, { version: 1, reason: '数据有误' })).statusCode).toBe(409);
    expect(await cell(2019, 4)).toBe(counted);
    const messagesBefore = (await inbox()).length;

    const returned = await as('rongchang.admin', 'POST', url, { version: 2, reason: '利润总额与财务报表不一致' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', statusLabel: '已退回', version: 3 });
    expect(await cell(2019, 4)).toBe(counted - 1);
    const told = (await inbox()).slice(messagesBefore);
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe('2019年4月月报已退回，请修改后重新报送');
    expect(told[0].body).toContain('利润总额与财务报表不一致');
    expect(told[0].link).toBe(`/monitoring/reports/${demoId}/2019-04`);
    const twice = await as('rongchang.admin', 'POST', url, { version: 3, reason: '再退一次' });
    expect(twice.statusCode).toBe(400);

    const detail = await as('demo.enterprise', 'GET', `/api/monitoring/reports/${demoId}/2019-04`);
    expect(detail.json()).toMatchObject({ status: 'returned', returnReason: '利润总额与财务报表不一致', version: 3 });
    const resubmitted = await as('demo.enterprise', 'PUT', `/api/monitoring/reports/${demoId}/2019-04`, {
      ...clean(10_000_000),
      version: 3,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'accepted', version: 4 });
    expect(await cell(2019, 4)).toBe(counted);
    const [row] = await h.database.query<{ first_pass: boolean }>(
      'select first_pass from monitoring_reports where enterprise_id = $1 and year = 2019 and month = 4',
      [demoId],
    );
    expect(row.first_pass).toBe(false);
    const actions = await h.database.query<{ action: string }>(
      'select action from monitoring_report_versions where enterprise_id = $1 and year = 2019 and month = 4 order by version',
      [demoId],
    );
    expect(actions.map((a) => a.action)).toEqual(['submit', 'accept', 'return', 'revise']);

    // A pending report can be returned too (it was never counted): the figures do not move.
    const pendingCell = await cell(2019, 4);
    const pending = await as('rongchang.admin', 'POST', `/api/monitoring/reports/${otherFirm}/2019-04/return`, {
      version: 1,
      reason: '请补充说明',
    });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(await cell(2019, 4)).toBe(pendingCell);

    // The kept aggregates equal a recomputation from the rows.
    const kept = await aggregates();
    await rebuildAggregates(h.owner.db, { years: [2019, 2020] });
    expect(await aggregates()).toBe(kept);
  });
});
