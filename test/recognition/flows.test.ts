import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

type FlowRow = {
  districtCode: string;
  districtName: string;
  tier: string;
  tierLabel: string;
  entered: number;
  left: number;
  revoked: number;
  expired: number;
  renewed: number;
  heldAtYearEnd: number;
};
const COUNTS = ['entered', 'left', 'revoked', 'expired', 'renewed', 'heldAtYearEnd'] as const;

describe.each(DATABASE_KINDS)('有进有出 and the title story on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  /** Six new enterprises of 荣昌区, E[0]…E[5], with only the titles seeded here. */
  let E: string[];
  let yubeiId: string;
  let baseline: Map<string, FlowRow>;

  const as = (user: string, url: string) => h.app.inject({ method: 'GET', url, headers: { cookie: cookies[user] } });
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => h.owner.query<T>(sql, params);
  const title = (
    enterpriseId: string,
    tier: string,
    recognisedOn: string,
    validUntil: string,
    status: string,
    extra: { endedOn?: string; revokedOn?: string; category?: string; reason?: string; applicationId?: string; documentNo?: string } = {},
  ) =>
    q<{ id: string }>(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, ended_on, revoked_on,
         revocation_category, revocation_reason, application_id, document_no, certificate_no, source)
       values ($1, $2, 'municipal', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'recognition') returning id`,
      [
        enterpriseId,
        tier,
        recognisedOn,
        validUntil,
        status,
        extra.endedOn ?? null,
        extra.revokedOn ?? null,
        extra.category ?? null,
        extra.reason ?? null,
        extra.applicationId ?? null,
        extra.documentNo ?? null,
        extra.documentNo ? `CQ-ZJTX-${recognisedOn.slice(0, 4)}-00001` : null,
      ],
    ).then((r) => r[0].id);
  const flows = async (user: string, query: string) => {
    const r = await as(user, `/api/recognition/flows?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { year: number; rows: FlowRow[] };
  };
  const byKey = (rows: FlowRow[]) => new Map(rows.map((r) => [`${r.districtCode}/${r.tier}`, r]));
  const delta = (rows: FlowRow[], key: string) => {
    const now = byKey(rows).get(key);
    const before = baseline.get(key);
    return Object.fromEntries(COUNTS.map((c) => [c, (now?.[c] ?? 0) - (before?.[c] ?? 0)]));
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    E = (
      await q<{ id: string }>(
        `insert into enterprises (uscc, name, district_code, industry_code)
         select '91500153FLOW' || lpad(i::text, 6, '0'), '荣昌流量测试企业' || i, '500153', '39' from generate_series(1, 6) as i
         returning id`,
      )
    ).map((r) => r.id);
    yubeiId = (await q<{ id: string }>("select id from enterprises where district_code = '500112' order by id limit 1"))[0].id;
    baseline = byKey((await flows('city.admin', 'year=2023&districtCode=500153')).rows);

    // E0: recognised in 2023 (entered, held at the end of 2023).
    await title(E[0], 'srdi', '2023-03-01', '2026-02-28', 'expired', { endedOn: '2026-02-28' });
    // E1: expired in 2023 without 复核 (left: expired).
    await title(E[1], 'srdi', '2020-06-01', '2023-05-31', 'expired', { endedOn: '2023-05-31' });
    // E2: passed 复核 in 2023: the old title ended the day before the new one (renewed; neither entered nor left).
    const reviewed = await title(E[2], 'srdi', '2020-07-01', '2023-06-30', 'expired', { endedOn: '2023-06-30' });
    const renewal = await title(E[2], 'srdi', '2023-07-01', '2026-06-30', 'valid');
    const [reviewRound] = await q<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'review', 2023, '2023年专精特新中小企业复核', '2023-02-01', '2023-03-31', 'srdi-2022') returning id`,
    );
    const [reviewApp] = await q<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, tier, status, reviewed_title_id, title_id)
       values ($1, $2, '500153', 'srdi', 'recognised', $3, $4) returning id`,
      [reviewRound.id, E[2], reviewed, renewal],
    );
    await q(
      `insert into recognition_history (application_id, action, from_status, to_status, at) values
       ($1, 'submit', 'draft', 'submitted', '2023-03-01T02:00:00Z'), ($1, 'announce', 'in_publicity', 'recognised', '2023-07-01T02:00:00Z')`,
      [reviewApp.id],
    );
    // E3: revoked for 数据造假 in 2023 (left: revoked), with the application it was granted on.
    const [round] = await q<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'new', 2020, '2020年专精特新中小企业新申报', '2020-09-01', '2020-10-31', 'srdi-2022') returning id`,
    );
    const [app] = await q<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, tier, status)
       values ($1, $2, '500153', 'srdi', 'recognised') returning id`,
      [round.id, E[3]],
    );
    await q(
      `insert into recognition_history (application_id, action, from_status, to_status, reason, actor_name, at) values
       ($1, 'district_approve', 'submitted', 'district_approved', null, '荣昌区经信委（rongchang.admin）', '2020-11-10T02:00:00Z'),
       ($1, 'submit', 'draft', 'submitted', null, '企业填报员（e3）', '2020-10-20T02:00:00Z'),
       ($1, 'announce', 'in_publicity', 'recognised', null, '市经信委（city.admin）', '2020-12-31T02:00:00Z')`,
      [app.id],
    );
    const revoked = await title(E[3], 'srdi', '2020-12-31', '2023-12-30', 'revoked', {
      revokedOn: '2023-09-01',
      category: 'data_falsification',
      reason: '申报材料中研发费用造假',
      applicationId: app.id,
      documentNo: '渝经信中小〔2020〕9号',
    });
    await q('update recognition_applications set title_id = $1 where id = $2', [revoked, app.id]);
    await q(
      `insert into annual_updates (enterprise_id, data_year, submitted_at, on_time) values ($1, 2020, '2021-04-20T02:00:00Z', true)`,
      [E[3]],
    );
    // E4: a 创新型 title of 2023 (entered, held).
    await title(E[4], 'innovative', '2023-05-05', '2026-05-04', 'valid');
    // 渝北区: a title of 2023 the 荣昌 officer must not see.
    await title(yubeiId, 'srdi', '2023-04-01', '2026-03-31', 'valid');
    // E5: validity ran out in January 2025 and no sweep marked it yet: held at the end of 2023, expired in 2025.
    await title(E[5], 'srdi', '2022-01-10', '2025-01-09', 'valid');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts entered, left (revoked, expired), renewed and held per district and tier', async () => {
    const { year, rows } = await flows('city.admin', 'year=2023&districtCode=500153');
    expect(year).toBe(2023);
    expect(delta(rows, '500153/srdi')).toEqual({ entered: 1, left: 2, revoked: 1, expired: 1, renewed: 1, heldAtYearEnd: 3 });
    expect(delta(rows, '500153/innovative')).toEqual({ entered: 1, left: 0, revoked: 0, expired: 0, renewed: 0, heldAtYearEnd: 1 });
    expect(byKey(rows).get('500153/srdi')).toMatchObject({ districtName: '荣昌区', tierLabel: '专精特新中小企业' });
    for (const r of rows) expect(r.left).toBe(r.revoked + r.expired);
    // 2025: E5's validity ran out (expired although still marked valid); E0 and E2's new title are still held.
    const y2025 = await flows('city.admin', 'year=2025&districtCode=500153');
    const srdi2025 = byKey(y2025.rows).get('500153/srdi');
    expect(srdi2025?.expired).toBeGreaterThanOrEqual(1);
    // 2020: E3's title entered, and E1/E2's.
    const y2020 = byKey((await flows('city.admin', 'year=2020&districtCode=500153')).rows).get('500153/srdi');
    expect(y2020?.entered).toBeGreaterThanOrEqual(3);
  });

  it('the xlsx has the same rows and numbers, and a total', async () => {
    const json = await flows('city.admin', 'year=2023&districtCode=500153');
    const r = await as('city.admin', '/api/recognition/flows.xlsx?year=2023&districtCode=500153');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(r.rawPayload);
    expect(sheet[0]).toEqual(['区县', '梯度层级', '新进入', '退出合计', '其中：撤销', '其中：到期', '复核通过', '年末有效']);
    const body = sheet.slice(1, -1);
    expect(body).toEqual(json.rows.map((row) => [row.districtName, row.tierLabel, ...COUNTS.map((c) => row[c])]));
    const total = sheet[sheet.length - 1];
    expect(total[0]).toBe('合计');
    COUNTS.forEach((c, i) => {
      expect(total[2 + i]).toBe(json.rows.reduce((n, row) => n + row[c], 0));
    });
  });

  it('a district sees its own enterprises only; enterprises and wrong queries are refused', async () => {
    const own = await flows('rongchang.admin', 'year=2023');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.districtCode === '500153')).toBe(true);
    expect(delta(own.rows, '500153/srdi')).toMatchObject({ entered: 1, revoked: 1, renewed: 1 });
    const other = await flows('yubei.admin', 'year=2023&districtCode=500153');
    expect(other.rows).toEqual([]);
    const city = await flows('city.admin', 'year=2023');
    expect(city.rows.some((r) => r.districtCode === '500112' && r.entered > 0)).toBe(true);
    const yubei = await flows('yubei.admin', 'year=2023');
    expect(yubei.rows.some((r) => r.districtCode === '500112' && r.entered > 0)).toBe(true);
    expect(yubei.rows.some((r) => r.districtCode === '500153')).toBe(false);
    expect((await as('demo.enterprise', '/api/recognition/flows?year=2023')).statusCode).toBe(404);
    expect((await as('demo.enterprise', '/api/recognition/flows.xlsx?year=2023')).statusCode).toBe(404);
    const noYear = await as('city.admin', '/api/recognition/flows');
    expect(noYear.statusCode).toBe(400);
    const xlsx = await readXlsx((await as('yubei.admin', '/api/recognition/flows.xlsx?year=2023&districtCode=500153')).rawPayload);
    expect(xlsx.slice(1, -1)).toEqual([]);
  });

  it('the title story: events in order from the application to the revocation; scoped like the enterprise', async () => {
    const r = await as('rongchang.admin', `/api/recognition/enterprises/${E[3]}/story`);
    expect(r.statusCode, r.body).toBe(200);
    const story = r.json();
    expect(story.titles).toHaveLength(1);
    const t = story.titles[0];
    expect(t).toMatchObject({
      tier: 'srdi',
      tierLabel: '专精特新中小企业',
      status: 'revoked',
      statusLabel: '已撤销',
      documentNo: '渝经信中小〔2020〕9号',
      revokedOn: '2023-09-01',
      revocationCategoryLabel: '提供虚假材料、数据造假',
      revocationReason: '申报材料中研发费用造假',
    });
    expect(t.events.map((e: { kind: string; label: string; on: string }) => [e.on, e.kind, e.label])).toEqual([
      ['2020-10-20', 'application', '提交申报'],
      ['2020-11-10', 'application', '区县初审通过'],
      ['2020-12-31', 'application', '公告认定'],
      ['2020-12-31', 'recognised', '认定为专精特新中小企业'],
      ['2021-04-20', 'annual_update', '年度信息更新'],
      ['2022-04-30', 'annual_update_missed', '未按期更新年度信息'],
      ['2023-04-30', 'annual_update_missed', '未按期更新年度信息'],
      ['2023-09-01', 'revoked', '撤销称号'],
    ]);
    expect(t.events[3].detail).toContain('文号 渝经信中小〔2020〕9号');
    expect(t.events[4].detail).toBe('2020 年度，按期（截止 2021-04-30）');
    expect(t.events[5].detail).toBe('2021 年度信息未在 2022-04-30 前更新，不具备复核资格');
    expect(t.events[7].detail).toBe('提供虚假材料、数据造假：申报材料中研发费用造假');
    expect(story.applications).toHaveLength(1);
    expect(story.applications[0]).toMatchObject({ roundName: '2020年专精特新中小企业新申报', status: 'recognised', statusLabel: '已认定' });
    expect(story.applications[0].history.map((x: { action: string }) => x.action)).toEqual(['submit', 'district_approve', 'announce']);
    expect(story.applications[0].history[1].actorName).toBe('荣昌区经信委（rongchang.admin）');

    // A renewal after 复核 ends the old title as 复核通过, not as an expiry.
    const renewed = (await as('city.admin', `/api/recognition/enterprises/${E[2]}/story`)).json();
    const old = renewed.titles.find((x: { recognisedOn: string }) => x.recognisedOn === '2020-07-01');
    const steps = old.events.filter((e: { kind: string }) => e.kind === 'review' || e.kind === 'renewed' || e.kind === 'expired');
    expect(steps.map((e: { on: string; kind: string; label: string }) => [e.on, e.kind, e.label])).toEqual([
      ['2023-03-01', 'review', '复核：提交申报'],
      ['2023-06-30', 'renewed', '复核通过，称号接续'],
      ['2023-07-01', 'review', '复核：公告认定'],
    ]);
    const next = renewed.titles.find((x: { recognisedOn: string }) => x.recognisedOn === '2023-07-01');
    expect(next.events.slice(0, 3).map((e: { kind: string }) => e.kind)).toEqual(['application', 'application', 'recognised']);
    expect(renewed.applications.map((a: { roundName: string }) => a.roundName)).toEqual(['2023年专精特新中小企业复核']);
    const expired = (await as('city.admin', `/api/recognition/enterprises/${E[1]}/story`)).json();
    expect(expired.titles[0].events.at(-1)).toMatchObject({ on: '2023-05-31', kind: 'expired', label: '有效期届满' });

    // Outside the reader's scope: 404 as for an absent enterprise.
    const absent = await as('yubei.admin', '/api/recognition/enterprises/00000000-0000-4000-8000-000000000000/story');
    expect(absent.statusCode).toBe(404);
    for (const user of ['yubei.admin', 'demo.enterprise']) {
      const refused = await as(user, `/api/recognition/enterprises/${E[3]}/story`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toEqual(absent.json());
    }
    expect((await as('rongchang.admin', `/api/recognition/enterprises/${yubeiId}/story`)).statusCode).toBe(404);
  });

  it('an enterprise reads its own story; officers’ names are not shown to it', async () => {
    const demoId = (await q<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'"))[0].id;
    const [app] = await q<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, tier, status)
       select id, $1, '500153', 'srdi', 'returned' from recognition_rounds where name = '2020年专精特新中小企业新申报' returning id`,
      [demoId],
    );
    await q(
      `insert into recognition_history (application_id, action, from_status, to_status, reason_code, reason, actor_name, at) values
       ($1, 'submit', 'draft', 'submitted', null, null, '企业填报员（demo.enterprise）', '2020-10-01T02:00:00Z'),
       ($1, 'return', 'submitted', 'returned', 'incomplete', '缺少研发费用专项审计报告', '荣昌区经信委（rongchang.admin）', '2020-10-05T02:00:00Z')`,
      [app.id],
    );
    const r = await as('demo.enterprise', `/api/recognition/enterprises/${demoId}/story`);
    expect(r.statusCode, r.body).toBe(200);
    const mine = r.json().applications.find((a: { id: string }) => a.id === app.id);
    expect(mine.history.map((x: { actorName: string | null }) => x.actorName)).toEqual(['企业填报员（demo.enterprise）', '经信部门']);
    expect(mine.history[1]).toMatchObject({ actionLabel: '退回企业', reason: '缺少研发费用专项审计报告' });
  });
});
