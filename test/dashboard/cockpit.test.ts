import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/server/exceljs.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// The cockpit's figures behind the headline ones (issue 12, contract C): a figure broken down by
// district (every 区县 and zone, 0 included), 行业门类, cluster and tier; 有进有出 per year and tier; the
// titles behind one of those numbers; a chart's data as xlsx. Every row's rowsUrl is walked: its
// total equals its value, for the city, the city looking at a district or a zone, and a district officer.

type Row = { key: string; label: string; value: number; rowsUrl: string; kind?: string };
type Breakdown = { asOf: string; scope: { kind: string; code: string | null; name: string }; by: string; label: string; rows: Row[] };
type FlowRow = { year: number; tier: string; entered: number; left: number; enteredRowsUrl: string; leftRowsUrl: string };
type Flows = { fromYear: number; toYear: number; scope: { code: string | null }; rows: FlowRow[] };

const R = '500153'; // 荣昌区
const Y = '500112'; // 渝北区
const LJ = 'LJXQ'; // 两江新区

describe.each(DATABASE_KINDS)('cockpit breakdowns and flows on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => h.app.inject({ method: 'GET', url, headers: { cookie: cookies[user] } });
  const json = async <T>(user: string, url: string): Promise<T> => {
    const res = await get(user, url);
    expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const totalOf = async (user: string, rowsUrl: string) => {
    expect(rowsUrl.startsWith('/api/'), rowsUrl).toBe(true);
    return (await json<{ total: number }>(user, `${rowsUrl}${rowsUrl.includes('?') ? '&' : '?'}pageSize=1`)).total;
  };
  const walk = async (user: string, rows: { value: number; rowsUrl: string; label?: string }[], what: string) => {
    for (const r of rows) expect(await totalOf(user, r.rowsUrl), `${what} ${r.label ?? ''} ${r.rowsUrl}`).toBe(r.value);
  };
  const thisYear = () => Number(new Date().toISOString().slice(0, 4));
  let firms: string[] = [];

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    // Four firms of no title yet: two of 荣昌区, two of 渝北区 (one of them in 两江新区), with titles,
    // honours and a listing here, so that every dimension and both directions of the flows have something.
    // The test database's demo is small: four firms of no title, moved into 荣昌区 and 渝北区 here.
    firms = (
      await h.owner.query<{ id: string }>(
        `select id from enterprises e where not exists (select 1 from enterprise_titles t where t.enterprise_id = e.id)
          and not exists (select 1 from users u where u.enterprise_id = e.id) order by id limit 4`,
      )
    ).map((r) => r.id);
    expect(firms).toHaveLength(4);
    await h.owner.query(
      `update enterprises set district_code = case when id = any($1::uuid[]) then $2 else $3 end, zone_code = null where id = any($4::uuid[])`,
      [firms.slice(0, 2), R, Y, firms],
    );
    const [r1, r2, y1, y2] = firms;
    await h.owner.query(`update enterprises set zone_code = $2, industry_code = '39', cluster_code = null where id = $1`, [y2, LJ]);
    const year = thisYear();
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source, revoked_on, ended_on) values
        ($1, 'srdi', 'municipal', $5::date, $5::date + 1000, 'valid', 'import', null, null),
        ($2, 'srdi', 'municipal', $6::date, $6::date + 1000, 'revoked', 'import', $5::date + 10, null),
        ($3, 'innovative', 'municipal', $6::date, $6::date + 300, 'expired', 'import', null, $6::date + 300),
        ($4, 'little_giant', 'national', $5::date, $5::date + 1000, 'valid', 'import', null, null),
        ($4, 'srdi', 'municipal', $5::date, $5::date + 1000, 'valid', 'import', null, null)`,
      [r1, r2, y1, y2, `${year}-01-02`, `${year - 1}-02-01`],
    );
    await h.owner.query(
      `insert into enterprise_honours (enterprise_id, kind, name, level, obtained_on, valid_until) values
        ($1, 'high_tech', '高新技术企业', 'national', current_date - 30, current_date + 900),
        ($2, 'high_tech', '高新技术企业', 'national', current_date - 30, current_date + 900)`,
      [r1, y2],
    );
    await h.owner.query(
      `insert into enterprise_listings (enterprise_id, stage, reached_on, market) values ($1, 'listed', current_date - 10, '北交所')`,
      [y2],
    );
  });
  afterAll(() => h?.close());

  const breakdown = (user: string, by: string, figure: string, district?: string) =>
    json<Breakdown>(user, `/api/dashboard/breakdown?by=${by}&figure=${figure}${district ? `&district=${district}` : ''}`);
  const headline = async (user: string, district?: string) =>
    Object.fromEntries(
      (
        await json<{ figures: { key: string; value: number }[] }>(user, `/api/dashboard${district ? `?district=${district}` : ''}`)
      ).figures.map((f) => [f.key, f.value]),
    );

  it('breaks a figure down by district with every 区县 and zone (0 included), summing to the headline figure', async () => {
    const districts = await h.owner.query<{ code: string; kind: string }>('select code, kind from districts order by sort_order');
    const figures = await headline('city.admin');
    for (const figure of ['enterprises.total', 'titles.srdi', 'titles.little_giant']) {
      const b = await breakdown('city.admin', 'district', figure);
      expect(b.scope).toEqual({ kind: 'city', code: null, name: '全市' });
      expect(b.rows.map((r) => r.key)).toEqual(districts.map((d) => d.code));
      expect(b.rows.every((r) => /[\u4e00-\u9fa5]/.test(r.label))).toBe(true);
      // Each enterprise has one 区县: the 区县 rows add up to the figure; zones count their firms again.
      const onMap = b.rows.filter((r) => r.kind !== 'zone');
      expect(
        onMap.reduce((s, r) => s + r.value, 0),
        figure,
      ).toBe(figures[figure]);
      expect(b.rows.some((r) => r.value === 0)).toBe(true);
    }
    const srdi = await breakdown('city.admin', 'district', 'titles.srdi');
    const zone = srdi.rows.find((r) => r.key === LJ);
    expect(zone?.kind).toBe('zone');
    expect(zone?.value).toBeGreaterThanOrEqual(1);
  });

  it('walks every row of every dimension for the city: the rows total equals the value', async () => {
    for (const by of ['district', 'industry', 'cluster', 'tier']) {
      for (const figure of ['enterprises.total', 'titles.srdi']) {
        const b = await breakdown('city.admin', by, figure);
        expect(b.rows.length, `${by} ${figure}`).toBeGreaterThan(0);
        await walk('city.admin', b.rows, `city ${by} ${figure}`);
      }
    }
    // The other figures, by district (the map's selector).
    for (const figure of ['titles.innovative', 'titles.little_giant', 'honours.high_tech', 'listings.listed']) {
      const b = await breakdown('city.admin', 'district', figure);
      await walk('city.admin', b.rows, `city district ${figure}`);
      expect(b.rows.find((r) => r.key === LJ)?.value, figure).toBeGreaterThanOrEqual(figure === 'titles.innovative' ? 0 : 1);
    }
  });

  it('tiers partition the registry: 小巨人, 专精特新, 创新型 by the highest title held, and none', async () => {
    const b = await breakdown('city.admin', 'tier', 'enterprises.total');
    expect(b.rows.map((r) => r.key)).toEqual(['little_giant', 'srdi', 'innovative', 'none']);
    expect(b.rows.map((r) => r.label)).toEqual(['专精特新“小巨人”企业', '专精特新中小企业', '创新型中小企业', '暂无梯度称号']);
    expect(b.rows.reduce((s, r) => s + r.value, 0)).toBe(await h.count('select count(*) as n from enterprises'));
  });

  it('gives the industry breakdown by 门类 and the clusters with their names, every row equal to its list', async () => {
    const industry = await breakdown('city.admin', 'industry', 'enterprises.total');
    expect(industry.rows.every((r) => /^[A-T]$/.test(r.key) && /[\u4e00-\u9fa5]/.test(r.label) && r.value > 0)).toBe(true);
    const manufacturing = industry.rows.find((r) => r.key === 'C');
    expect(manufacturing?.label).toBe('制造业');
    expect(manufacturing?.value).toBe(await h.count("select count(*) as n from enterprises where industry_code between '13' and '43'"));
    const clusters = await breakdown('city.admin', 'cluster', 'enterprises.total');
    expect(clusters.rows.length).toBe(await h.count('select count(*) as n from clusters where active'));
  });

  it('reads a place for the city (a district, a zone) and its own for a district officer, every row equal to its list', async () => {
    for (const [user, district] of [
      ['city.admin', R],
      ['city.admin', Y],
      ['city.admin', LJ],
      ['rongchang.admin', undefined],
      ['yubei.admin', Y],
    ] as const) {
      const own = district ?? R;
      const figures = await headline(user, district);
      for (const by of ['district', 'tier', 'industry']) {
        const b = await breakdown(user, by, 'enterprises.total', district);
        expect(b.scope.code).toBe(own);
        await walk(user, b.rows, `${user} ${district} ${by}`);
        if (by === 'tier') expect(b.rows.reduce((s, r) => s + r.value, 0)).toBe(figures['enterprises.total']);
        if (by === 'district') expect(b.rows.find((r) => r.key === own)?.value).toBe(figures['enterprises.total']);
      }
      const srdi = await breakdown(user, 'district', 'titles.srdi', district);
      await walk(user, srdi.rows, `${user} ${district} srdi`);
      expect(srdi.rows.find((r) => r.key === own)?.value).toBe(figures['titles.srdi']);
    }
    // 渝北区 seen by the city: 两江新区's row is their overlap (the test's firm at least), others of 荣昌区 are 0.
    const yubei = await breakdown('city.admin', 'district', 'titles.srdi', Y);
    expect(yubei.rows.find((r) => r.key === LJ)?.value).toBeGreaterThanOrEqual(1);
    expect(yubei.rows.find((r) => r.key === R)?.value).toBe(0);
    // A district officer asking for its own place explicitly reads the same.
    expect(await breakdown('rongchang.admin', 'tier', 'titles.srdi', R)).toEqual(await breakdown('rongchang.admin', 'tier', 'titles.srdi'));
  });

  it('counts 有进有出 per year and tier as recognition does, every number equal to its titles', async () => {
    const year = thisYear();
    const city = await json<Flows>('city.admin', '/api/dashboard/flows');
    expect([city.fromYear, city.toYear]).toEqual([year - 4, year]);
    expect(city.rows).toHaveLength(5 * 3);
    for (const y of [year - 1, year]) {
      const recognition = await json<{ rows: { tier: string; entered: number; left: number }[] }>(
        'city.admin',
        `/api/recognition/flows?year=${y}`,
      );
      for (const tier of ['innovative', 'srdi', 'little_giant']) {
        const mine = city.rows.find((r) => r.year === y && r.tier === tier);
        const theirs = recognition.rows.filter((r) => r.tier === tier);
        expect(mine?.entered, `${y} ${tier} entered`).toBe(theirs.reduce((s, r) => s + r.entered, 0));
        expect(mine?.left, `${y} ${tier} left`).toBe(theirs.reduce((s, r) => s + r.left, 0));
      }
    }
    for (const r of city.rows) {
      expect(await totalOf('city.admin', r.enteredRowsUrl), r.enteredRowsUrl).toBe(r.entered);
      expect(await totalOf('city.admin', r.leftRowsUrl), r.leftRowsUrl).toBe(r.left);
    }
    // 荣昌区: this year one srdi entered (r1) and one left (r2's revocation); last year r2 entered.
    const rongchang = await json<Flows>('rongchang.admin', '/api/dashboard/flows');
    expect(rongchang.scope.code).toBe(R);
    const before = await h.count(
      `select count(*) as n from enterprise_titles t join enterprises e on e.id = t.enterprise_id
        where (e.district_code = $1 or e.zone_code = $1) and t.tier = 'srdi' and t.revoked_on between $2::date and $3::date`,
      [R, `${year}-01-01`, `${year}-12-31`],
    );
    const srdiNow = rongchang.rows.find((r) => r.year === year && r.tier === 'srdi');
    expect(srdiNow?.left).toBeGreaterThanOrEqual(before);
    for (const r of rongchang.rows) {
      expect(await totalOf('rongchang.admin', r.enteredRowsUrl)).toBe(r.entered);
      expect(await totalOf('rongchang.admin', r.leftRowsUrl)).toBe(r.left);
    }
    // The titles behind this year's srdi exits of 荣昌区 include r2's, revoked, with the day it left.
    const rows = await json<{
      items: { enterpriseId: string; enterpriseName: string; leftOn: string | null; leftHowLabel: string | null }[];
      total: number;
    }>('rongchang.admin', `${srdiNow?.leftRowsUrl}&pageSize=200`);
    const r2 = rows.items.find((i) => i.enterpriseId === firms[1]);
    expect(r2?.leftHowLabel).toBe('撤销');
    expect(r2?.leftOn).toBe(`${year}-01-12`);
    expect(r2?.enterpriseName).toMatch(/[\u4e00-\u9fa5]/);
    // A page past the end still says how many there are.
    const past = await json<{ items: unknown[]; total: number }>('rongchang.admin', `${srdiNow?.leftRowsUrl}&page=500`);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(srdiNow?.left);
    // The city looking at 荣昌区 reads the same numbers.
    expect((await json<Flows>('city.admin', `/api/dashboard/flows?district=${R}`)).rows).toEqual(rongchang.rows);
    const range = await json<Flows>('city.admin', '/api/dashboard/flows?fromYear=2020&toYear=2021');
    expect(range.rows.map((r) => r.year)).toEqual([2020, 2020, 2020, 2021, 2021, 2021]);
  });

  it('gives the monitoring trend of a named place to the city and only its own to a district officer', async () => {
    const year = thisYear();
    const own = await json<unknown>('rongchang.admin', `/api/monitoring/trend?year=${year}`);
    expect(await json<unknown>('city.admin', `/api/monitoring/trend?year=${year}&district=${R}`)).toEqual(own);
    expect(await json<unknown>('rongchang.admin', `/api/monitoring/trend?year=${year}&district=${R}`)).toEqual(own);
    for (const [user, district] of [
      ['rongchang.admin', Y],
      ['city.admin', '999999'],
    ] as const) {
      const res = await get(user, `/api/monitoring/trend?year=${year}&district=${district}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('writes a chart’s data to xlsx, numbers as numbers and formulas neutralised', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/dashboard/chart.xlsx',
      headers: { cookie: cookies['city.admin'] },
      payload: {
        title: '全市专精特新中小企业分布',
        columns: ['区县', '企业（家）'],
        rows: [
          ['荣昌区', 1234],
          ['=1+1', 0.5],
          ['空', null],
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('全市专精特新中小企业分布.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('全市专精特新中小企业分布');
    expect(sheet.getRow(2).values).toEqual([undefined, '区县', '企业（家）']);
    expect(sheet.getCell('B3').value).toBe(1234);
    expect(sheet.getCell('B3').numFmt).toBe('#,##0');
    expect(sheet.getCell('A4').value).toBe("'=1+1");
  });

  it('refuses bad input with a Chinese message and a code, another place with 404, and non-officers', async () => {
    for (const url of [
      '/api/dashboard/breakdown?by=street',
      '/api/dashboard/breakdown?by=district&figure=revenue',
      '/api/dashboard/breakdown',
      '/api/dashboard/flows?fromYear=2025&toYear=2020',
      '/api/dashboard/flows?fromYear=2000&toYear=2020',
      '/api/dashboard/flows?fromYear=abc',
      '/api/dashboard/flows/rows?year=2025&tier=srdi',
      '/api/dashboard/flows/rows?year=2025&tier=gold&direction=left',
      '/api/dashboard/flows/rows?year=2025&tier=srdi&direction=left&pageSize=1000',
    ]) {
      const res = await get('city.admin', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBeTruthy();
      expect(res.json().message, url).toMatch(/[\u4e00-\u9fa5]/);
    }
    const absent = await get('city.admin', '/api/dashboard/breakdown?by=district&district=999999');
    expect(absent.statusCode).toBe(404);
    for (const url of [
      `/api/dashboard/breakdown?by=district&district=${Y}`,
      `/api/dashboard/flows?district=${LJ}`,
      `/api/dashboard/flows/rows?year=2025&tier=srdi&direction=entered&district=${Y}`,
    ]) {
      const res = await get('rongchang.admin', url);
      expect(res.statusCode, url).toBe(404);
      // The same words as for a place that does not exist.
      expect(res.json()).toEqual(absent.json());
    }
    for (const url of ['/api/dashboard/breakdown?by=tier', '/api/dashboard/flows']) {
      expect((await get('demo.enterprise', url)).statusCode, url).toBe(404);
      expect((await h.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    for (const payload of [
      { title: '图', columns: [], rows: [] },
      { title: '图', columns: ['甲'], rows: [[{ formula: 'A1' }]] },
      { title: '', columns: ['甲'], rows: [] },
      { title: '图', columns: Array.from({ length: 21 }, (_, i) => `列${i}`), rows: [] },
    ]) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dashboard/chart.xlsx',
        headers: { cookie: cookies['city.admin'] },
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const enterprise = await h.app.inject({
      method: 'POST',
      url: '/api/dashboard/chart.xlsx',
      headers: { cookie: cookies['demo.enterprise'] },
      payload: { title: '图', columns: ['甲'], rows: [] },
    });
    expect(enterprise.statusCode).toBe(404);
  });
});
