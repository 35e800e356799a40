import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { REPORT_COLUMNS } from '../../src/modules/monitoring/import-columns.js';
import ExcelJS from '../../src/server/exceljs.js';
import { type CellInput, multipart, readXlsx, xlsx } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 月报导入导出 (part I of issue 11): the template, the import (preview → commit, all or nothing,
// idempotent) and the export, on PGlite and PostgreSQL.

const HEADERS = REPORT_COLUMNS.map((c) => c.header);
const col = (key: string) => REPORT_COLUMNS.find((c) => c.key === key)?.header as string;

interface Firm {
  id: string;
  uscc: string;
  name: string;
}

/** A data row in the template's layout: amounts in 万元. */
function row(firm: { uscc: string; name: string }, v: Partial<Record<string, CellInput>>): CellInput[] {
  return REPORT_COLUMNS.map((c) => (c.key === 'uscc' ? firm.uscc : c.key === 'name' ? firm.name : (v[c.key] ?? null)));
}
const good = (revenue: number, profit: number) => ({
  revenueYtd: revenue,
  profitYtd: profit,
  outputYtd: revenue,
  employees: 80,
  taxYtd: 20,
  'survey.orders': '增加',
});

describe.each(DATABASE_KINDS)('monthly report import on %s', (kind) => {
  let h: Harness;
  let city: string;
  let rongchang: string;
  let firms: Firm[];
  let yubei: Firm;

  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    rongchang = await h.login('rongchang.admin');
    // Firms of our own (the demo data has few per district): eight of 荣昌区, one of 渝北区, all manufacturers.
    const add = async (district: string, n: number) => {
      const [firm] = await h.owner.query<Firm>(
        `insert into enterprises (uscc, name, district_code, industry_code, size_class) values ($1, $2, $3, '39', 'small') returning id, uscc, name`,
        [makeUscc(district, `MT${String(n).padStart(6, '0')}`), `重庆月报导入测试${n}号科技有限公司`, district],
      );
      return firm;
    };
    firms = [];
    for (let n = 1; n <= 8; n++) firms.push(await add('500153', n));
    yubei = await add('500112', 9);
    // All of them in the sample (the 'in' rows a district adds); the last one of 荣昌区 taken out.
    for (const f of [...firms, yubei])
      await h.owner.query(
        `insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'in', '测试') on conflict (enterprise_id) do update set status = 'in'`,
        [f.id],
      );
    await h.owner.query(`update monitoring_sample set status = 'out' where enterprise_id = $1`, [firms[7].id]);
  });
  afterAll(() => h.close());

  async function upload(file: Buffer, period: string, mode: 'preview' | 'commit', cookie = rongchang) {
    const body = await multipart(file, '月报.xlsx');
    return h.app.inject({
      method: 'POST',
      url: `/api/monitoring/import?period=${period}&mode=${mode}`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
  }
  const reports = (period: string) =>
    h.count(`select count(*) as n from monitoring_reports where year = $1 and month = $2`, [
      Number(period.slice(0, 4)),
      Number(period.slice(5)),
    ]);
  const versions = () => h.count('select count(*) as n from monitoring_report_versions');
  const aggregateSum = () => h.count('select coalesce(sum(revenue_cur + matched + unmatched), 0) as n from monitoring_aggregates');

  it('offers a template of the district: its sample firms without an accepted report, the fields in 万元', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/import-template.xlsx?period=2026-11',
      headers: { cookie: rongchang },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [header, ...rows] = await readXlsx(response.rawPayload);
    expect(header).toEqual(HEADERS);
    expect(header).toContain('营业收入（累计）（万元）');
    expect(header).toContain('用电量（累计）（万千瓦时）');
    expect(header).toContain('从业人员（期末）（人）');
    expect(header).toContain('说明');
    const usccs = rows.map((r) => r[0]);
    for (const f of firms.slice(0, 7)) expect(usccs).toContain(f.uscc);
    expect(usccs).not.toContain(firms[7].uscc); // out of the sample
    expect(usccs).not.toContain(yubei.uscc); // another district
    const help = new ExcelJS.Workbook();
    await help.xlsx.load(response.rawPayload as never);
    const helpText = help.worksheets[1].getColumn(1).values.join('\n');
    expect(helpText).toContain('3、6、9、12 月须填研发费用（累计）');
    expect(helpText).toContain('累计同比超出 ±50%');
    const cityTemplate = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/import-template.xlsx?period=2026-11',
      headers: { cookie: city },
    });
    expect((await readXlsx(cityTemplate.rawPayload)).map((r) => r[0])).toContain(yubei.uscc);
  });

  it('imports last year and last month, then refuses a file with one bad row among many: errors by row and column, nothing stored', async () => {
    const lastYear = await xlsx([HEADERS, ...firms.slice(0, 6).map((f) => row(f, good(1000, 100)))]);
    const a = await upload(lastYear, '2025-11', 'commit');
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ created: 6, updated: 0, errorCount: 0, committed: true });
    const lastMonth = await xlsx([HEADERS, ...firms.slice(0, 6).map((f) => row(f, good(1000, 100)))]);
    expect((await upload(lastMonth, '2026-10', 'commit')).json()).toMatchObject({ created: 6, committed: true });
    expect(await reports('2026-10')).toBe(6);

    const before = { reports: await reports('2026-11'), versions: await versions(), aggregates: await aggregateSum() };
    const rows = [
      ['2026年11月 荣昌区专精特新企业月报'], // a title above the header
      HEADERS,
      ...firms.slice(0, 3).map((f) => row(f, good(1100, 110))), // rows 3–5 good
      row(firms[3], { ...good(1100, 110), revenueYtd: 900 }), // row 6: 累计 below last month's 1000 万元
      row(firms[4], { ...good(1100, 110), profitYtd: '12a3' }), // row 7: letters in an amount
      row({ uscc: '91500153MA0000000X', name: '查无此企业' }, good(1100, 110)), // row 8: unknown USCC (bad check digit)
      row({ uscc: makeUscc('500153', 'MX999999'), name: '查无此企业' }, good(1100, 110)), // row 9: valid-looking but unknown
      row(firms[7], good(1100, 110)), // row 10: out of the sample
      row(firms[5], good(1100, 110)), // row 11 good
    ];
    const file = await xlsx(rows as CellInput[][]);
    const preview = await upload(file, '2026-11', 'preview');
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json();
    expect(result.committed).toBe(false);
    const at = (r: number) => result.errors.filter((e: { row: number }) => e.row === r);
    expect(at(6)).toEqual([expect.objectContaining({ column: col('revenueYtd'), code: 'ytd_below_last_month.revenueYtd' })]);
    expect(at(6)[0].message).toContain('不能低于上月累计');
    expect(at(7)).toEqual([expect.objectContaining({ column: col('profitYtd'), code: 'AMOUNT_INVALID' })]);
    expect(at(7)[0].message).toContain('12a3');
    expect(at(8)).toEqual([expect.objectContaining({ column: '统一社会信用代码', code: 'ENTERPRISE_USCC_INVALID' })]);
    expect(at(10)).toEqual([expect.objectContaining({ column: '统一社会信用代码', code: 'MONITORING_NOT_IN_SAMPLE' })]);
    expect(at(3)).toEqual([]);
    expect(at(11)).toEqual([]);
    expect(result.created).toBe(4);
    // A valid code of no registered firm: the same error as another district's firm.
    const unknown = at(9);
    expect(unknown).toEqual([expect.objectContaining({ column: '统一社会信用代码', code: 'MONITORING_IMPORT_ENTERPRISE_UNKNOWN' })]);

    const commit = await upload(file, '2026-11', 'commit');
    expect(commit.statusCode, commit.body).toBe(400);
    expect(commit.json()).toMatchObject({ code: 'MONITORING_IMPORT_HAS_ERRORS' });
    expect(commit.json().message).toContain('未导入任何数据');
    expect(commit.json().details.errorCount).toBe(result.errorCount);
    expect({ reports: await reports('2026-11'), versions: await versions(), aggregates: await aggregateSum() }).toEqual(before);
  });

  it('commits a good file that the figures count, and the same file again changes nothing', async () => {
    const file = await xlsx([HEADERS, ...firms.slice(0, 6).map((f) => row(f, { ...good(1100, 110), revenueMonth: 100 }))]);
    const first = await upload(file, '2026-11', 'commit');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 6, created: 6, updated: 0, unchanged: 0, errorCount: 0, committed: true });
    const stored = await h.owner.query<{ status: string; entered_by: string; revenue_ytd: string; version: number }>(
      `select status, entered_by, revenue_ytd::text, version from monitoring_reports where enterprise_id = $1 and year = 2026 and month = 11`,
      [firms[0].id],
    );
    expect(stored).toEqual([{ status: 'accepted', entered_by: 'district', revenue_ytd: '11000000', version: 1 }]);
    expect(
      await h.count(`select count(*) as n from monitoring_report_versions where year = 2026 and month = 11 and action = 'import'`),
    ).toBe(6);

    const stats = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/stats?period=2026-11&groupBy=district',
      headers: { cookie: rongchang },
    });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().all).toMatchObject({
      enterprises: 6,
      unmatched: 0,
      revenueYtd: 66_000_000,
      revenueYtdPrev: 60_000_000,
      revenueYoY: 10,
    });

    const before = { versions: await versions(), aggregates: await aggregateSum() };
    const again = await upload(file, '2026-11', 'commit');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6, committed: true });
    expect({ versions: await versions(), aggregates: await aggregateSum() }).toEqual(before);
    expect(await reports('2026-11')).toBe(6);

    // The template of the month now leaves them out (accepted), and the export lists them.
    const template = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/import-template.xlsx?period=2026-11',
      headers: { cookie: rongchang },
    });
    const left = (await readXlsx(template.rawPayload)).map((r) => r[0]);
    expect(left).not.toContain(firms[0].uscc);
    expect(left).toContain(firms[6].uscc);
    const exported = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/reports.xlsx?period=2026-11',
      headers: { cookie: rongchang },
    });
    expect(exported.statusCode).toBe(200);
    const [header, ...lines] = await readXlsx(exported.rawPayload);
    expect(header.slice(0, HEADERS.length)).toEqual(HEADERS);
    expect(lines).toHaveLength(6);
    const first0 = lines.find((l) => l[0] === firms[0].uscc) as unknown[];
    expect(first0[header.indexOf(col('revenueYtd'))]).toBe(1100);
    expect(first0[header.indexOf('审核状态')]).toBe('已通过');
    expect(first0[header.indexOf('填报方式')]).toBe('区县代报');
    // The export, re-imported unchanged, is a no-op too.
    const back = await upload(exported.rawPayload, '2026-11', 'commit');
    expect(back.json()).toMatchObject({ unchanged: 6, created: 0, updated: 0, errorCount: 0 });
  });

  it("refuses another district's enterprise as an unknown one; nothing stored", async () => {
    const file = await xlsx([HEADERS, row(firms[6], good(500, 50)), row(yubei, good(500, 50))]);
    const before = await versions();
    const preview = (await upload(file, '2026-11', 'preview')).json();
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 3, column: '统一社会信用代码', code: 'MONITORING_IMPORT_ENTERPRISE_UNKNOWN' }),
    ]);
    expect(preview.errors[0].message).not.toContain(yubei.name);
    const commit = await upload(file, '2026-11', 'commit');
    expect(commit.statusCode).toBe(400);
    expect(await versions()).toBe(before);
    expect(await h.count(`select count(*) as n from monitoring_reports where enterprise_id = $1`, [firms[6].id])).toBe(0);
    // The city imports the 渝北区 firm.
    const byCity = await upload(await xlsx([HEADERS, row(yubei, good(500, 50))]), '2026-11', 'commit', city);
    expect(byCity.json()).toMatchObject({ created: 1, committed: true });
    // The export: the city's of one district, and a district's own only (the filter cannot widen the scope).
    const exportOf = async (cookie: string, district: string) =>
      (
        await readXlsx(
          (
            await h.app.inject({
              method: 'GET',
              url: `/api/monitoring/reports.xlsx?period=2026-11&district=${district}`,
              headers: { cookie },
            })
          ).rawPayload,
        )
      )
        .slice(1)
        .map((r) => r[0]);
    expect(await exportOf(city, '500112')).toEqual([yubei.uscc]);
    expect(await exportOf(rongchang, '500112')).toEqual([]);
  });

  it('asks for 说明 where a soft check fails, and accepts the row with it', async () => {
    // 利润率 80 % (beyond 60 %): a soft check.
    const bare = await xlsx([HEADERS, row(firms[6], good(1000, 800))]);
    const preview = (await upload(bare, '2026-11', 'preview')).json();
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, column: '说明', code: 'margin' })]);
    expect(preview.errors[0].message).toContain('请在“说明”列填写原因');
    const explained = await xlsx([HEADERS, row(firms[6], { ...good(1000, 800), explanation: '本月收到一笔大额投资收益' })]);
    const commit = await upload(explained, '2026-11', 'commit');
    expect(commit.json()).toMatchObject({ created: 1, explained: 1, committed: true });
    const [stored] = await h.owner.query<{ status: string; explanations: Record<string, string> }>(
      `select status, explanations from monitoring_reports where enterprise_id = $1 and year = 2026 and month = 11`,
      [firms[6].id],
    );
    expect(stored).toEqual({ status: 'accepted', explanations: { margin: '本月收到一笔大额投资收益' } });
  });

  it('fills the empty yearly indicators from an imported December (最多报一次), never one already entered', async () => {
    await h.owner.query(`delete from enterprise_years where enterprise_id = any($1::uuid[]) and year = 2025`, [[firms[0].id, firms[1].id]]);
    await h.owner.query(`insert into enterprise_years (enterprise_id, year, revenue) values ($1, 2025, 99990000)`, [firms[1].id]);
    const december = { ...good(1200, 120), rdExpenseYtd: 60, exportYtd: 30 };
    const file = await xlsx([HEADERS, row(firms[0], december), row(firms[1], december)]);
    expect((await upload(file, '2025-12', 'commit')).json()).toMatchObject({ created: 2, committed: true });
    const years = await h.owner.query<{ enterprise_id: string; revenue: string; rd_expense: string; employees: number }>(
      `select enterprise_id, revenue::text, rd_expense::text, employees from enterprise_years where enterprise_id = any($1::uuid[]) and year = 2025`,
      [[firms[0].id, firms[1].id]],
    );
    const of = (id: string) => years.find((y) => y.enterprise_id === id);
    expect(of(firms[0].id)).toMatchObject({ revenue: '12000000', rd_expense: '600000', employees: 80 });
    expect(of(firms[1].id)).toMatchObject({ revenue: '99990000', rd_expense: '600000' });
  });

  it('names the row of a firm listed twice, and an amount beyond what can be stored', async () => {
    const file = await xlsx([
      HEADERS,
      row(firms[6], good(1000, 100)),
      row(firms[6], good(1000, 100)),
      row(firms[5], { ...good(1000, 100), taxYtd: '9999999999999999' }),
    ]);
    const { errors } = (await upload(file, '2026-08', 'preview')).json();
    expect(errors).toEqual([
      expect.objectContaining({ row: 3, column: '统一社会信用代码', code: 'IMPORT_DUPLICATE_ROW' }),
      expect.objectContaining({ row: 4, column: col('taxYtd'), code: 'AMOUNT_OUT_OF_RANGE' }),
    ]);
    expect(errors[0].message).toContain('与第 2 行是同一企业');
    expect(errors[1].message).toContain('超出可保存的范围');
  });

  it('reads a CSV in GBK as offices save it, headers without units read as 万元', async () => {
    const csv = [
      '统一社会信用代码,企业名称,营业收入,利润总额,工业总产值,从业人员,订单情况',
      `${firms[5].uscc},${firms[5].name},"1,000.5",100,900,60,减少`,
    ].join('\r\n');
    const body = await multipart(iconv.encode(csv, 'gbk'), '月报.csv');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/monitoring/import?period=2026-07&mode=preview',
      headers: { cookie: rongchang, ...body.headers },
      payload: body.payload,
    });
    expect(response.json()).toMatchObject({ rows: 1, created: 1, errorCount: 0, committed: false });
  });

  it('refuses a future month, and the enterprise', async () => {
    const file = await xlsx([HEADERS, row(firms[0], good(1100, 110))]);
    const future = await upload(file, '2099-01', 'preview');
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('MONITORING_PERIOD_FUTURE');
    const enterprise = await h.login('demo.enterprise');
    expect((await upload(file, '2026-11', 'commit', enterprise)).statusCode).toBe(403);
    const template = await h.app.inject({
      method: 'GET',
      url: '/api/monitoring/import-template.xlsx?period=2026-11',
      headers: { cookie: enterprise },
    });
    expect(template.statusCode).toBe(404);
    const bad = await h.app.inject({ method: 'GET', url: '/api/monitoring/reports.xlsx?period=2026-13', headers: { cookie: city } });
    expect(bad.statusCode).toBe(400);
  });
});
