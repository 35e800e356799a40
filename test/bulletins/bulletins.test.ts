import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_DEFAULTS } from '../../src/domain/bulletins/settings.js';
import { bulletinDue } from '../../src/modules/bulletins/bulletin-due.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 定期通报 on PGlite and PostgreSQL: the draft's numbers equal hand-computed ones for data inserted
// in 2019 (the demo data hold nothing that old), publication freezes them, the same period twice is
// refused, a correction is a new revision, the settings' weights must sum to 100, district officers
// read but do not publish, and the Word and xlsx files open with real parsers.

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = Record<string, any>;
const RONGCHANG = '500153';
const YUBEI = '500112';
const round2 = (n: number) => Math.round(n * 100) / 100;

describe.each(DATABASE_KINDS)('定期通报 on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  /** 荣昌区 firms A–F (A–C 专精特新, D–F 创新型) and 渝北区 firm G (专精特新), all put in today's sample. */
  let rc: string[];
  let yb: string;
  let sampleRc: number;
  let sampleYb: number;

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const draft = async (period = '2019-05', periodKind = 'month') => {
    const res = await as('city.admin', 'GET', `/api/bulletins/draft?periodKind=${periodKind}&period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };
  const unit = (d: Json, code: string) => d.units.find((u: Json) => u.code === code) as Json;
  const item = (u: Json, key: string) => u.items.find((i: Json) => i.key === key) as Json;
  const inSample = (code: string) =>
    h.count(
      `select count(*) as n from enterprises e where (e.district_code = $1 or e.zone_code = $1)
        and (e.id in (select enterprise_id from monitoring_sample where status = 'in')
          or (e.current_tier is not null and e.id not in (select enterprise_id from monitoring_sample where status = 'out')))`,
      [code],
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    expect(await h.count(`select count(*) as n from enterprise_titles where recognised_on < '2020-01-01'`)).toBe(0);
    const pick = async (code: string, n: number) =>
      (
        await h.owner.query<{ id: string }>(
          `select id from enterprises where district_code = $1 and zone_code is null order by id limit ${n}`,
          [code],
        )
      ).map((r) => r.id);
    const q = (sql: string, params: unknown[] = []) => h.owner.query(sql, params);
    // Six firms of other districts move to 荣昌区 (the demo data have only a few there).
    rc = (
      await h.owner.query<{ id: string }>(
        `update enterprises set district_code = $1 where id in (select id from enterprises
          where zone_code is null and district_code not in ($1, $2) order by id limit 6) returning id`,
        [RONGCHANG, YUBEI],
      )
    )
      .map((r) => r.id)
      .sort();
    [yb] = await pick(YUBEI, 1);
    expect(rc.length).toBe(6);
    // All seven in the monitoring sample (the district added them).
    for (const id of [...rc, yb])
      await q(
        `insert into monitoring_sample (enterprise_id, status) values ($1, 'in') on conflict (enterprise_id) do update set status = 'in'`,
        [id],
      );
    // Targets of 2019: 荣昌 专精特新 4, 创新型 2; 渝北 专精特新 2.
    for (const [unitCode, indicator, value] of [
      [RONGCHANG, 'srdi', 4],
      [RONGCHANG, 'innovative', 2],
      [YUBEI, 'srdi', 2],
    ] as const)
      await q(
        `insert into targets (level, unit_code, indicator, measure, year, baseline_on, value, source)
          values ('district', $1, $2, 'stock', 2019, '2019-01-01', $3, 'manual')`,
        [unitCode, indicator, value],
      );
    // Titles recognised 2019-02-01: A–C and G 专精特新, D–F 创新型.
    const title = (id: string, tier: string) =>
      q(
        `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
          values ($1, $2, 'municipal', '2019-02-01', '2022-01-31', 'valid')`,
        [id, tier],
      );
    for (const id of rc.slice(0, 3)) await title(id, 'srdi');
    for (const id of rc.slice(3)) await title(id, 'innovative');
    await title(yb, 'srdi');
    // 复核 announced 2019-03-15: A, B passed, C not.
    const [{ id: roundId }] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, announced_on)
        values ('srdi', 'review', 2019, '2019年专精特新复核', '2019-01-01', '2019-01-31', 'srdi-2022', '2019-03-15') returning id`,
    );
    for (const [id, status] of [
      [rc[0], 'recognised'],
      [rc[1], 'recognised'],
      [rc[2], 'not_recognised'],
    ])
      await q(
        `insert into recognition_applications (round_id, enterprise_id, district_code, tier, status) values ($1, $2, $3, 'srdi', $4)`,
        [roundId, id, RONGCHANG, status],
      );
    // 2018 年度信息更新 (due 2019-04-30): A and D by 20 April, B only in June (after the as-of day).
    for (const [id, at] of [
      [rc[0], '2019-04-20T10:00:00+08:00'],
      [rc[3], '2019-04-20T10:00:00+08:00'],
      [rc[1], '2019-06-15T10:00:00+08:00'],
    ])
      await q(`insert into annual_updates (enterprise_id, data_year, submitted_at, on_time) values ($1, 2018, $2, $3)`, [
        id,
        at,
        at < '2019-05',
      ]);
    // April 2019 月报 (due in May): A on time, D late, E returned.
    for (const [id, status, late] of [
      [rc[0], 'accepted', false],
      [rc[3], 'accepted', true],
      [rc[4], 'returned', false],
    ] as const)
      await q(
        `insert into monitoring_reports (enterprise_id, year, month, status, district_code, tier, revenue_ytd, profit_ytd, employees, due_on, entered_by, late)
          values ($1, 2019, 4, $2, $3, 'srdi', 1000000, 100000, 20, '2019-05-10', 'enterprise', $4)`,
        [id, status, RONGCHANG, late],
      );
    sampleRc = await inSample(RONGCHANG);
    sampleYb = await inSample(YUBEI);
  });
  afterAll(() => h?.close());

  it('the draft: every unit, scores equal to the hand-computed ones, figures behind each, ranks', async () => {
    const d = await draft();
    expect(d).toMatchObject({
      periodKind: 'month',
      period: '2019-05',
      periodLabel: '2019年5月',
      asOf: '2019-05-31',
      fullMark: 80,
      previous: null,
    });
    expect(d.title).toBe('关于2019年5月全市专精特新企业培育工作情况的通报');
    expect(d.units.length).toBe(await h.count('select count(*) as n from districts'));
    const r = unit(d, RONGCHANG);
    expect(item(r, 'new_innovative')).toMatchObject({ x: 1.2, score: 18 }); // 3 ÷ 2, capped at 120 %
    expect(item(r, 'new_srdi')).toMatchObject({ x: 0.75, score: 15 }); // 3 ÷ 4 × 20
    expect(item(r, 'new_little_giant')).toMatchObject({ x: null, score: 0, note: '未设定目标，本项不得分' });
    expect(item(r, 'review_pass_rate').score).toBe(6.67); // 2 of 3 × 10
    expect(item(r, 'annual_update_rate').score).toBe(3.33); // 2 of 6 by 31 May × 10
    const monitoring = round2(10 * ((2 / sampleRc + 1 / sampleRc) / 2)); // reported 2, on time 1
    expect(item(r, 'monitoring_rate').score).toBe(monitoring);
    expect(item(r, 'appeals')).toMatchObject({ score: null, note: '暂无数据，本项未计分' });
    expect(r.total).toBe(round2(18 + 15 + 6.67 + 3.33 + monitoring));
    expect(r.rank).toBe(1);
    // The figures behind the scores, with links to the rows.
    const srdiFigures = item(r, 'new_srdi').figures as Json[];
    expect(srdiFigures.map((f) => f.value)).toEqual(expect.arrayContaining([4, 3]));
    const annual = item(r, 'annual_update_rate').figures as Json[];
    expect(annual.map((f) => [f.value, f.link])).toEqual([
      [6, `/recognition/annual-update?dataYear=2018&district=${RONGCHANG}`],
      [2, `/recognition/annual-update?dataYear=2018&district=${RONGCHANG}&status=done`],
      [4, `/recognition/annual-update?dataYear=2018&district=${RONGCHANG}&status=missing`],
      [2 / 6, null],
    ]);
    expect((item(r, 'monitoring_rate').figures as Json[])[0]).toMatchObject({
      value: sampleRc,
      link: `/monitoring/chase?period=2019-04&district=${RONGCHANG}`,
    });
    // 渝北: 专精特新 1 of 2 → 10; no 复核 → not applicable, the mean of the units with one (荣昌's 6.67);
    // 0 of 1 updated; nobody reported April.
    const y = unit(d, YUBEI);
    expect(item(y, 'new_srdi').score).toBe(10);
    expect(item(y, 'review_pass_rate')).toMatchObject({ score: 6.67, note: '本期不涉及，按各区县平均得分计' });
    expect(item(y, 'annual_update_rate').score).toBe(0);
    expect(item(y, 'monitoring_rate').score).toBe(sampleYb > 0 ? 0 : 10);
    // Ranks: competition ranking over the totals, highest first.
    const totals = d.units.map((u: Json) => u.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const u of d.units) expect(u.rank).toBe(1 + d.units.filter((o: Json) => o.total > u.total).length);
  });

  it('bad input: a period that is not one, one not begun, an unknown kind: 400 with a Chinese message', async () => {
    const bad = async (url: string, code: string) => {
      const res = await as('city.admin', 'GET', url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await bad('/api/bulletins/draft?periodKind=month&period=2019-13', 'BULLETIN_PERIOD_INVALID');
    await bad('/api/bulletins/draft?periodKind=quarter&period=2019-05', 'BULLETIN_PERIOD_INVALID');
    await bad('/api/bulletins/draft?periodKind=month&period=2099-01', 'BULLETIN_PERIOD_FUTURE');
    const res = await as('city.admin', 'GET', '/api/bulletins/draft?periodKind=year&period=2019');
    expect(res.statusCode).toBe(400);
  });

  it('settings: weights not summing to 100 → 400 BULLETIN_WEIGHTS_SUM, nothing written; a district may not change them', async () => {
    const before = await h.count('select count(*) as n from bulletin_settings');
    const off = structuredClone(BULLETIN_DEFAULTS);
    off.indicators[0].weight = 25;
    const res = await as('city.admin', 'PUT', '/api/bulletins/settings', off);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BULLETIN_WEIGHTS_SUM', message: '各项指标权重之和应为 100，当前为 110，请调整后再保存' });
    const frac = structuredClone(BULLETIN_DEFAULTS);
    frac.indicators[0].weight = 14.5;
    frac.indicators[1].weight = 20.5;
    expect((await as('city.admin', 'PUT', '/api/bulletins/settings', frac)).json().code).toBe('BULLETIN_SETTINGS_INVALID');
    expect((await as('rongchang.admin', 'PUT', '/api/bulletins/settings', BULLETIN_DEFAULTS)).statusCode).toBe(403);
    expect(await h.count('select count(*) as n from bulletin_settings')).toBe(before);
    expect(await h.count(`select count(*) as n from audit_log where action = 'bulletin.settings_update'`)).toBe(0);
    // District officers read them.
    const read = await as('rongchang.admin', 'GET', '/api/bulletins/settings');
    expect(read.statusCode).toBe(200);
    expect(read.json().indicators.find((i: Json) => i.key === 'appeals')).toMatchObject({ weight: 10, hasData: false });
  });

  it('settings saved move the weights and the draft follows them', async () => {
    const moved = structuredClone(BULLETIN_DEFAULTS);
    for (const i of moved.indicators) i.weight = i.key === 'new_srdi' ? 70 : i.key === 'review_pass_rate' ? 30 : 0;
    const res = await as('city.admin', 'PUT', '/api/bulletins/settings', moved);
    expect(res.statusCode, res.body).toBe(200);
    expect(await h.count(`select count(*) as n from audit_log where action = 'bulletin.settings_update'`)).toBe(1);
    const d = await draft();
    expect(d.fullMark).toBe(100);
    expect(unit(d, RONGCHANG).total).toBe(round2(70 * 0.75 + 30 * (2 / 3)));
    expect((await as('city.admin', 'PUT', '/api/bulletins/settings', BULLETIN_DEFAULTS)).statusCode).toBe(200);
  });

  let publishedId: string;
  let frozen: Json;

  it('a district officer may neither read the draft (404) nor publish (403); nothing written', async () => {
    expect((await as('rongchang.admin', 'GET', '/api/bulletins/draft?periodKind=month&period=2019-05')).statusCode).toBe(404);
    const res = await as('rongchang.admin', 'POST', '/api/bulletins', { periodKind: 'month', period: '2019-05' });
    expect(res.statusCode).toBe(403);
    expect(await h.count('select count(*) as n from bulletins')).toBe(0);
  });

  it('publishing freezes the draft, is audited and tells every district officer; the same period twice → 409', async () => {
    const expected = await draft();
    const res = await as('city.admin', 'POST', '/api/bulletins', {
      periodKind: 'month',
      period: '2019-05',
      documentNo: '渝经信中小〔2019〕12号',
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json() as Json;
    publishedId = b.id;
    frozen = b.snapshot;
    expect(b).toMatchObject({ revision: 0, title: expected.title, documentNo: '渝经信中小〔2019〕12号', asOf: '2019-05-31' });
    const { published: _p, ...expectedSnapshot } = expected;
    expect(frozen).toEqual(expectedSnapshot);
    expect(await h.count(`select count(*) as n from audit_log where action = 'bulletin.publish' and entity_id = $1`, [b.id])).toBe(1);
    const officers = await h.count(`select count(*) as n from users where role = 'district_admin' and not disabled`);
    expect(await h.count(`select count(*) as n from messages where category = 'bulletin' and link = $1`, [`/bulletins/${b.id}`])).toBe(
      officers,
    );
    const [msg] = await h.database.query<{ body: string }>(
      `select m.body from messages m join users u on u.id = m.user_id where u.username = 'rongchang.admin' and m.category = 'bulletin'`,
    );
    expect(msg.body).toContain('荣昌区总分');
    expect(msg.body).toContain('排名第 1 位');

    const again = await as('city.admin', 'POST', '/api/bulletins', { periodKind: 'month', period: '2019-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'BULLETIN_ALREADY_PUBLISHED' });
    expect(await h.count('select count(*) as n from bulletins')).toBe(1);
  });

  it('numbers of a published 通报 never change when the data do; the draft does; a correction is a new revision', async () => {
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
        values ($1, 'srdi', 'municipal', '2019-03-01', '2022-02-28', 'valid')`,
      [rc[5]],
    );
    const read = await as('rongchang.admin', 'GET', `/api/bulletins/${publishedId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().snapshot).toEqual(frozen);
    expect(read.json()).toMatchObject({ ownUnitCode: RONGCHANG, own: { rank: 1 } });
    const now = await draft();
    expect(item(unit(now, RONGCHANG), 'new_srdi').score).toBe(20); // 4 ÷ 4
    expect(now.published.map((p: Json) => p.id)).toEqual([publishedId]);

    const wrong = await as('city.admin', 'POST', '/api/bulletins', {
      periodKind: 'month',
      period: '2019-05',
      correctsId: '00000000-0000-4000-8000-000000000000',
    });
    expect(wrong.json().code).toBe('BULLETIN_CORRECTS_INVALID');
    const fix = await as('city.admin', 'POST', '/api/bulletins', { periodKind: 'month', period: '2019-05', correctsId: publishedId });
    expect(fix.statusCode, fix.body).toBe(201);
    expect(fix.json()).toMatchObject({ revision: 1, correctsId: publishedId, title: `${now.title}（更正）` });
    expect(item(unit(fix.json().snapshot, RONGCHANG), 'new_srdi').score).toBe(20);
    expect((await as('city.admin', 'GET', `/api/bulletins/${publishedId}`)).json().snapshot).toEqual(frozen);

    const list = await as('yubei.admin', 'GET', '/api/bulletins');
    expect(list.json().items.map((i: Json) => i.revision)).toEqual([1, 0]);
    expect(list.json().items[0].own).toMatchObject({ rank: unit(fix.json().snapshot, YUBEI).rank });
  });

  it('较上期: the next month compares with the latest revision of the last published 通报', async () => {
    const june = await draft('2019-06');
    expect(june.previous).toMatchObject({ period: '2019-05', periodLabel: '2019年5月' });
    const r = unit(june, RONGCHANG);
    expect(r.previousRank).toBe(1);
    expect(r.rankChange).toBe(1 - r.rank);
  });

  it('the Word file: a zip whose document.xml holds the title, 文号 and every unit; the xlsx reads back', async () => {
    const doc = await as('rongchang.admin', 'GET', `/api/bulletins/${publishedId}/document.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const files = unzipSync(new Uint8Array(doc.rawPayload));
    const xml = strFromU8(files['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2019年5月全市专精特新企业培育工作情况的通报');
    expect(text).toContain('渝经信中小〔2019〕12号');
    expect(text).toContain('各区县（自治县）经济信息委');
    expect(text).toContain('排名前三位');
    for (const u of frozen.units) expect(text).toContain(u.name);

    const xlsx = await as('city.admin', 'GET', `/api/bulletins/${publishedId}/ranking.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('排名');
    expect(sheet?.getCell('A1').value).toBe(frozen.title ?? '关于2019年5月全市专精特新企业培育工作情况的通报');
    expect(sheet?.getRow(4).values).toEqual(expect.arrayContaining([1, '荣昌区', frozen.units[0].total]));
    expect(sheet?.rowCount).toBe(3 + frozen.units.length);
    expect((book.getWorksheet('指标数据')?.rowCount ?? 0) > frozen.units.length).toBe(true);
  });

  it('bulletinDue: the quarter just ended in its next month, else last month, while unpublished', async () => {
    expect(await bulletinDue(h.database.db, '2019-06-10')).toBeNull(); // May is out
    expect(await bulletinDue(h.database.db, '2019-07-05')).toEqual({
      periodKind: 'quarter',
      period: '2019-Q2',
      label: '2019年第二季度通报',
    });
    expect(await bulletinDue(h.database.db, '2019-08-05')).toEqual({ periodKind: 'month', period: '2019-07', label: '2019年7月工作通报' });
  });
});
