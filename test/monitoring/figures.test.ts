import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 运行分析 reproduced by hand. Six enterprises, moved to 荣昌区 (R, 500153) and 渝北区 (Y, 500112), get
// titles, industries and sample membership set here (their own), then report May
// of 2022 and 2023 through the API (PUT, as their districts). The demo's reports start in 2024, so
// 2023-05 holds only these. Amounts in whole yuan.
//
//        district tier (2023-05-31)  industry  2022-05 revenue / profit   2023-05 revenue / profit   2023 status
//   E1   R        srdi               39        10,000,000 / 1,000,000     12,000,000 / 1,100,000     accepted (orders up)
//   E2   R        innovative         34         5,000,000 /         0     4,500,000 /   550,000      accepted (orders down)
//   E3   Y        srdi               34         8,000,000 /   800,000     8,800,000 /   720,000      accepted (orders up)
//   E4   Y        innovative         39                 —                  3,000,000 /   300,000      accepted (orders flat): unmatched
//   E5   Y        srdi               39         2,000,000 /   200,000     2,100,000 /   210,000      accepted, then returned: not counted
//   E6   R        innovative         34         1,000,000 /   100,000     2,000,000 /   200,000      +100 % without explanation: 待说明, not counted
// E1 also reports 2021-05: 8,000,000 / 900,000 (for 两年平均增长).

const R = '500153';
const Y = '500112';
const M = 1_000_000;

interface Firm {
  id: string;
  district: string;
  tier: 'srdi' | 'innovative';
  industry: string;
}

describe.each(DATABASE_KINDS)('运行分析 figures on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const E: Firm[] = [];
  const as = (user: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const officerOf = (f: Firm) => (f.district === R ? 'rongchang.admin' : 'yubei.admin');
  const put = async (f: Firm, period: string, revenue: number, profit: number, extra: Record<string, unknown> = {}) => {
    const res = await as(officerOf(f), 'PUT', `/api/monitoring/reports/${f.id}/${period}`, {
      revenueYtd: revenue,
      profitYtd: profit,
      outputYtd: revenue,
      employees: 50,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; version: number };
  };
  const stats = async (user: string, groupBy: string, period = '2023-05') => {
    const res = await as(user, 'GET', `/api/monitoring/stats?period=${period}&groupBy=${groupBy}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { period: string; groups: Record<string, unknown>[]; all: Record<string, unknown> };
  };
  const group = (s: { groups: Record<string, unknown>[] }, key: string) => s.groups.find((g) => g.key === key);

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    // Six enterprises of other districts, moved into R and Y here (the test database's demo is small).
    const ids = (
      await h.owner.query<{ id: string }>(
        `select e.id from enterprises e where e.district_code not in ($1, $2) and e.zone_code is null
         order by e.id limit 6`,
        [R, Y],
      )
    ).map((r) => r.id);
    const [r1, r2, y3, y4, y5, r6] = ids;
    E.push(
      { id: r1, district: R, tier: 'srdi', industry: '39' },
      { id: r2, district: R, tier: 'innovative', industry: '34' },
      { id: y3, district: Y, tier: 'srdi', industry: '34' },
      { id: y4, district: Y, tier: 'innovative', industry: '39' },
      { id: y5, district: Y, tier: 'srdi', industry: '39' },
      { id: r6, district: R, tier: 'innovative', industry: '34' },
    );
    for (const f of E) {
      expect(f.id).toBeTruthy();
      await h.owner.query('update enterprises set industry_code = $2, district_code = $3 where id = $1', [f.id, f.industry, f.district]);
      // The test's own titles decide the tier in 2021–2023: earlier ones of the demo are taken out.
      await h.owner.query("delete from enterprise_titles where enterprise_id = $1 and recognised_on <= '2023-12-31'", [f.id]);
      await h.owner.query(
        `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
         values ($1, $2, 'municipal', '2022-01-01', '2024-12-31', 'expired', 'import')`,
        [f.id, f.tier],
      );
      await h.owner.query(
        `insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'in', '运行分析测试')
         on conflict (enterprise_id) do update set status = 'in'`,
        [f.id],
      );
    }
    const [e1, e2, e3, e4, e5, e6] = E;
    await put(e1, '2021-05', 8 * M, 900_000);
    await put(e1, '2022-05', 10 * M, 1 * M);
    await put(e2, '2022-05', 5 * M, 0);
    await put(e3, '2022-05', 8 * M, 800_000);
    await put(e5, '2022-05', 2 * M, 200_000);
    await put(e6, '2022-05', 1 * M, 100_000);
    expect((await put(e1, '2023-05', 12 * M, 1_100_000, { survey: { orders: 'up' } })).status).toBe('accepted');
    expect((await put(e2, '2023-05', 4_500_000, 550_000, { survey: { orders: 'down' } })).status).toBe('accepted');
    expect((await put(e3, '2023-05', 8_800_000, 720_000, { survey: { orders: 'up' } })).status).toBe('accepted');
    expect((await put(e4, '2023-05', 3 * M, 300_000, { survey: { orders: 'flat' } })).status).toBe('accepted');
    const e5Report = await put(e5, '2023-05', 2_100_000, 210_000);
    expect(e5Report.status).toBe('accepted');
    expect((await put(e6, '2023-05', 2 * M, 200_000)).status).toBe('needs_explanation');
    // Before the return E5 counts: all = E1 + E2 + E3 + E5 matched.
    expect((await stats('city.admin', 'tier')).all).toMatchObject({ enterprises: 4, unmatched: 1, revenueYtd: 27_400_000 });
    const returned = await as('yubei.admin', 'POST', `/api/monitoring/reports/${e5.id}/2023-05/return`, {
      version: e5Report.version,
      reason: '数据与报表不符，请核实后重报',
    });
    expect(returned.statusCode, returned.body).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reproduces the city figures by tier, district and industry from the hand computation', async () => {
    const byTier = await stats('city.admin', 'tier');
    expect(byTier.period).toBe('2023-05');
    // all: matched E1 + E2 + E3, unmatched E4.
    //   revenue 12,000,000 + 4,500,000 + 8,800,000 = 25,300,000 against 10,000,000 + 5,000,000 + 8,000,000 = 23,000,000
    //           → 2,300,000 ÷ 23,000,000 = 10.0 %
    //   profit  1,100,000 + 550,000 + 720,000 = 2,370,000 against 1,000,000 + 0 + 800,000 = 1,800,000 → 570,000 ÷ 1,800,000 = 31.67 → 31.7 %
    expect(byTier.all).toMatchObject({
      enterprises: 3,
      unmatched: 1,
      revenueYtd: 25_300_000,
      revenueYtdPrev: 23_000_000,
      revenueYoY: 10,
      profitYtd: 2_370_000,
      profitYtdPrev: 1_800_000,
      profitYoY: 31.7,
    });
    // The four tiers in order, 小巨人 first, even when empty.
    expect(byTier.groups.map((g) => g.key)).toEqual(['little_giant', 'srdi', 'innovative', 'none']);
    expect(byTier.groups.map((g) => g.label)).toEqual(['专精特新“小巨人”企业', '专精特新中小企业', '创新型中小企业', '其他监测中小企业']);
    // srdi: E1 + E3: 20,800,000 vs 18,000,000 → 15.56 → 15.6 %; profit 1,820,000 vs 1,800,000 → 1.11 → 1.1 %
    expect(group(byTier, 'srdi')).toMatchObject({
      enterprises: 2,
      unmatched: 0,
      revenueYtd: 20_800_000,
      revenueYtdPrev: 18_000_000,
      revenueYoY: 15.6,
      profitYtd: 1_820_000,
      profitYtdPrev: 1_800_000,
      profitYoY: 1.1,
    });
    // innovative: E2 matched (E4 unmatched): 4,500,000 vs 5,000,000 → −10.0 %; profit 550,000 vs 0 → null
    expect(group(byTier, 'innovative')).toMatchObject({
      enterprises: 1,
      unmatched: 1,
      revenueYtd: 4_500_000,
      revenueYtdPrev: 5_000_000,
      revenueYoY: -10,
      profitYtd: 550_000,
      profitYtdPrev: 0,
      profitYoY: null,
    });
    expect(group(byTier, 'little_giant')).toMatchObject({ enterprises: 0, unmatched: 0, revenueYtd: 0, revenueYoY: null, profitYoY: null });

    const byDistrict = await stats('city.admin', 'district');
    // R: E1 + E2: 16,500,000 vs 15,000,000 → 10.0 %; profit 1,650,000 vs 1,000,000 → 65.0 %
    expect(group(byDistrict, R)).toMatchObject({
      label: '荣昌区',
      enterprises: 2,
      unmatched: 0,
      revenueYtd: 16_500_000,
      revenueYtdPrev: 15_000_000,
      revenueYoY: 10,
      profitYtd: 1_650_000,
      profitYtdPrev: 1_000_000,
      profitYoY: 65,
    });
    // Y: E3 (E4 unmatched): 8,800,000 vs 8,000,000 → 10.0 %; profit 720,000 vs 800,000 → −10.0 %
    expect(group(byDistrict, Y)).toMatchObject({
      label: '渝北区',
      enterprises: 1,
      unmatched: 1,
      revenueYtd: 8_800_000,
      revenueYtdPrev: 8_000_000,
      revenueYoY: 10,
      profitYoY: -10,
    });
    expect(byDistrict.groups).toHaveLength(2);

    const byIndustry = await stats('city.admin', 'industry');
    // 39: E1 (E4 unmatched): 12,000,000 vs 10,000,000 → 20.0 %; profit 1,100,000 vs 1,000,000 → 10.0 %
    expect(group(byIndustry, '39')).toMatchObject({
      label: '计算机、通信和其他电子设备制造业',
      enterprises: 1,
      unmatched: 1,
      revenueYtd: 12_000_000,
      revenueYoY: 20,
      profitYoY: 10,
    });
    // 34: E2 + E3: 13,300,000 vs 13,000,000 → 2.31 → 2.3 %; profit 1,270,000 vs 800,000 → 58.75 → 58.8 %
    expect(group(byIndustry, '34')).toMatchObject({
      enterprises: 2,
      unmatched: 0,
      revenueYtd: 13_300_000,
      revenueYtdPrev: 13_000_000,
      revenueYoY: 2.3,
      profitYtd: 1_270_000,
      profitYtdPrev: 800_000,
      profitYoY: 58.8,
    });
    expect(byIndustry.groups).toHaveLength(2);
  });

  it('analysis: 两年平均增长, points above all, survey shares and the sentence', async () => {
    const res = await as('city.admin', 'GET', '/api/monitoring/analysis?period=2023-05&groupBy=tier');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.periodLabel).toBe('1—5月');
    const srdi = a.groups.find((g: { key: string }) => g.key === 'srdi');
    // srdi revenue: 15.6 % this year; 2022-05's srdi matched sample is E1 alone: 10,000,000 vs 8,000,000 = 25 %.
    // √(1.155556 × 1.25) − 1 = √1.444444 − 1 = 0.20185 → 20.2 %; points above all: 15.6 − 10.0 = 5.6.
    expect(srdi.metrics.revenue).toEqual({ cur: 20_800_000, prev: 18_000_000, yoy: 15.6, twoYear: 20.2, ppVsAll: 5.6 });
    // output = revenue here; employees 50 each: 100 vs 100 → 0.0 %.
    expect(srdi.metrics.output.yoy).toBe(15.6);
    expect(srdi.metrics.employees).toMatchObject({ cur: 100, prev: 100, yoy: 0 });
    // optional metrics nobody reported: 0 and null.
    expect(srdi.metrics.export).toEqual({ cur: 0, prev: 0, yoy: null, twoYear: null, ppVsAll: null });
    // orders: srdi E1 up, E3 up → 2 of 2; all: E1 up, E2 down, E3 up, E4 flat → 2 of 4 = 50.0 %.
    expect(srdi.survey.orders).toEqual({ up: 2, answered: 2, upShare: 100 });
    expect(a.all.survey.orders).toEqual({ up: 2, answered: 4, upShare: 50 });
    // all: 10.0 % this year; 2022-05's matched sample is E1 alone (25 %): √(1.1 × 1.25) − 1 = √1.375 − 1 = 0.1726 → 17.3 %.
    expect(a.all.metrics.revenue).toMatchObject({ yoy: 10, twoYear: 17.3, ppVsAll: null });
    // innovative: no matched firm in 2022 → no 两年平均增长.
    expect(a.groups.find((g: { key: string }) => g.key === 'innovative').metrics.revenue.twoYear).toBeNull();
    // The 专精特新 group (srdi ∪ little_giant) against all: revenue 15.6 vs 10.0, profit 1.1 vs 31.7 (30.6 below).
    expect(a.sentence).toBe(
      '1—5月，全市纳入监测的专精特新中小企业营业收入同比增长15.6%，高于全部监测中小企业5.6个百分点；利润总额同比增长1.1%，低于全部监测中小企业30.6个百分点。',
    );
    expect(a.revisedNote).toBeNull();
  });

  it('a district officer sees its district only, and names it in the sentence', async () => {
    const s = await stats('rongchang.admin', 'tier');
    // R: E1 (srdi) 12,000,000 vs 10,000,000 = 20.0 %, profit 10.0 %; E2 (innovative) −10.0 %, profit null.
    expect(s.all).toMatchObject({ enterprises: 2, unmatched: 0, revenueYtd: 16_500_000, revenueYoY: 10, profitYoY: 65 });
    expect(group(s, 'srdi')).toMatchObject({ enterprises: 1, revenueYtd: 12_000_000, revenueYoY: 20, profitYoY: 10 });
    expect(group(s, 'innovative')).toMatchObject({ enterprises: 1, unmatched: 0, revenueYoY: -10, profitYoY: null });
    const d = await stats('rongchang.admin', 'district');
    expect(d.groups.map((g) => g.key)).toEqual([R]);
    const y = await stats('yubei.admin', 'tier');
    expect(y.all).toMatchObject({ enterprises: 1, unmatched: 1, revenueYtd: 8_800_000, revenueYtdPrev: 8_000_000 });
    const a = (await as('rongchang.admin', 'GET', '/api/monitoring/analysis?period=2023-05&groupBy=tier')).json();
    expect(a.sentence).toBe(
      '1—5月，荣昌区纳入监测的专精特新中小企业营业收入同比增长20.0%，高于全部监测中小企业10.0个百分点；利润总额同比增长10.0%，低于全部监测中小企业55.0个百分点。',
    );
    // Neither an enterprise nor an unknown grouping.
    expect((await as('demo.enterprise', 'GET', '/api/monitoring/stats?period=2023-05&groupBy=tier')).statusCode).toBe(404);
    const bad = await as('city.admin', 'GET', '/api/monitoring/stats?period=2023-05&groupBy=colour');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('分组应为');
    expect((await as('city.admin', 'GET', '/api/monitoring/stats?period=2023-13&groupBy=tier')).statusCode).toBe(400);
  });

  it('the rows behind each number add up to the figure', async () => {
    const rows = async (user: string, q: string) => {
      const res = await as(user, 'GET', `/api/monitoring/rows?period=2023-05&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Record<string, unknown>[]; total: number };
    };
    const [e1, e2, e3, e4] = E;
    const all = await rows('city.admin', 'dim=all&sample=matched');
    expect(all.total).toBe(3);
    expect(all.items.map((r) => r.enterpriseId)).toEqual([e1.id, e3.id, e2.id]); // by revenue, largest first
    expect(all.items.reduce((n, r) => n + Number(r.revenueYtd), 0)).toBe(25_300_000);
    expect(all.items.reduce((n, r) => n + Number(r.revenueYtdPrev), 0)).toBe(23_000_000);
    expect(all.items[0]).toMatchObject({ districtName: '荣昌区', tier: 'srdi', tierLabel: '专精特新中小企业', revisedAfterDue: false });
    const unmatched = await rows('city.admin', 'dim=tier&key=innovative&sample=unmatched');
    expect(unmatched.items.map((r) => r.enterpriseId)).toEqual([e4.id]);
    expect(unmatched.items[0].revenueYtdPrev).toBeNull();
    expect((await rows('city.admin', 'dim=industry&key=34&sample=matched')).total).toBe(2);
    expect((await rows('city.admin', 'dim=all&sample=all')).total).toBe(4);
    const rongchang = await rows('rongchang.admin', 'dim=all&sample=all');
    expect(rongchang.items.map((r) => r.enterpriseId).sort()).toEqual([e1.id, e2.id].sort());
    expect((await rows('yubei.admin', `dim=district&key=${R}&sample=all`)).total).toBe(0);
  });

  it('exports the analysis as xlsx with the same numbers', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/analysis.xlsx?period=2023-05&groupBy=tier',
      headers: { cookie: cookies['city.admin'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('运行分析-2023年1—5月-按梯度层级.xlsx'));
    const { default: ExcelJS } = await import('../../src/server/exceljs.js');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('运行分析');
    if (!sheet) throw new Error('no sheet 运行分析');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('梯度层级');
    const srdiRow = sheet.getRow(3).values as unknown[];
    expect(srdiRow[1]).toBe('专精特新中小企业');
    expect(srdiRow[2]).toBe(2);
    // 营业收入 in 万元: 2,080.0 and 1,800.0; 同比 15.6.
    expect(srdiRow.slice(5, 8)).toEqual([2080, 1800, 15.6]);
    const allRow = sheet.getRow(6).values as unknown[];
    expect(allRow[1]).toBe('全部监测中小企业');
  });
});
