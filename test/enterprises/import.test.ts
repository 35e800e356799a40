import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { IMPORT_COLUMNS, SAMPLE_USCC } from '../../src/modules/enterprises/import/columns.js';
import { type CellInput, multipart, readXlsx, xlsx } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '所属区县',
  '行业大类代码',
  '成立日期',
  '年度',
  '营业收入（万元）',
  '主营业务收入（万元）',
  '从业人员（人）',
  '研发人员（人）',
  '资产总额（万元）',
];
const code = (area: string, n: number) => makeUscc(area, `MB${String(n).padStart(6, '0')}`);
const row = (n: number, over: Partial<Record<string, CellInput>> = {}): CellInput[] => {
  const base: Record<string, CellInput> = {
    uscc: code('500153', n),
    name: `重庆测试导入${n}号科技有限公司`,
    district: '荣昌区',
    industry: '39',
    established: '2015-04-01',
    year: 2025,
    revenue: '1234.5678',
    mainRevenue: '1200',
    employees: 80,
    rdStaff: 12,
    assets: '3000',
    ...over,
  };
  return [
    base.uscc,
    base.name,
    base.district,
    base.industry,
    base.established,
    base.year,
    base.revenue,
    base.mainRevenue,
    base.employees,
    base.rdStaff,
    base.assets,
  ];
};

describe.each(DATABASE_KINDS)('enterprise import on %s', (kind) => {
  let h: Harness;
  let city: string;
  let rongchang: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    rongchang = await h.login('rongchang.admin');
  });
  afterAll(() => h.close());

  async function upload(file: Buffer, name: string, mode: 'preview' | 'commit', cookie = city, url = '/api/enterprises/import') {
    const body = await multipart(file, name);
    return h.app.inject({
      method: 'POST',
      url: `${url}${url.includes('?') ? '&' : '?'}mode=${mode}`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
  }
  const counts = async () => [
    await h.count('select count(*) as n from enterprises'),
    await h.count('select count(*) as n from enterprise_years'),
    await h.count('select count(*) as n from audit_log'),
  ];

  it('offers a template whose header row the import recognises', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/enterprises/import-template', headers: { cookie: city } });
    expect(response.statusCode).toBe(200);
    const [header, example] = await readXlsx(response.rawPayload);
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(example[0]).toBe(SAMPLE_USCC);
  });

  it('previews a real-looking sheet (title row, full-width and spaced headers, 万元, dates, formulas) without writing, then commits it exactly', async () => {
    const before = await counts();
    const file = await xlsx(
      [
        ['荣昌区2025年专精特新培育企业名单', null, null, null],
        [
          '统一社会信用代码',
          '企业名称',
          ' 所属 区县 ',
          '行业代码',
          '成立时间',
          '年度',
          '营业收入（万元）',
          '主营业务收入(万元)',
          '从业人员',
          '研发人员',
          '资产总额（万元）',
        ],
        row(1),
        row(2, {
          district: '梁平县',
          established: new Date(Date.UTC(2012, 5, 18)),
          revenue: 86.25,
          mainRevenue: { formula: 'G4*0.9', result: 77.625 },
        }),
        row(3, { district: '500153', industry: '39 计算机、通信和其他电子设备制造业', established: '2018年3月9日' }),
      ],
      { merges: ['A1:D1'] },
    );
    const preview = await upload(file, '荣昌名单.xlsx', 'preview');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: [], errorCount: 0, committed: false });
    expect(await counts()).toEqual(before);

    const commit = await upload(file, '荣昌名单.xlsx', 'commit');
    expect(commit.json()).toMatchObject({ created: 3, committed: true });
    const [one] = await h.database.query<{ revenue: string; main_revenue: string }>(
      'select y.revenue::text, y.main_revenue::text from enterprise_years y join enterprises e on e.id = y.enterprise_id where e.uscc = $1',
      [code('500153', 1)],
    );
    expect(one).toEqual({ revenue: '12345678', main_revenue: '12000000' });
    const [two] = await h.database.query<{ district_code: string; established_on: string; main_revenue: string }>(
      'select e.district_code, e.established_on::text, y.main_revenue::text from enterprises e join enterprise_years y on y.enterprise_id = e.id where e.uscc = $1',
      [code('500153', 2)],
    );
    expect(two).toEqual({ district_code: '500155', established_on: '2012-06-18', main_revenue: '776250' });
    const timeline = await h.database.query<{ action: string }>(
      "select action from audit_log where entity_type = 'enterprise' and entity_id = (select id::text from enterprises where uscc = $1)",
      [code('500153', 1)],
    );
    expect(timeline.map((t) => t.action)).toEqual(['enterprise.import_create']);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const file = await xlsx([
      HEADERS,
      row(1),
      row(2, { district: '梁平县', established: '2012-06-18', revenue: 86.25, mainRevenue: 77.625 }),
      row(3, { established: '2018-03-09' }),
    ]);
    const before = await counts();
    const again = await upload(file, 'again.xlsx', 'commit');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, committed: true });
    expect((await counts()).slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('takes the development and 特色化 scores into the facts, checks them, and keeps the other facts', async () => {
    const headers = [...HEADERS, '专精特新发展评价得分', '特色化指标得分'];
    const [{ id, facts }] = await h.database.query<{ id: string; facts: Record<string, unknown> }>(
      'select id, facts from enterprises where uscc = $1',
      [code('500153', 1)],
    );
    const withScores = await xlsx([
      headers,
      [...row(1), 63.5, 9],
      [...row(2, { district: '梁平县', established: '2012-06-18', revenue: 86.25, mainRevenue: 77.625 }), null, null],
    ]);
    const committed = await upload(withScores, 'scores.xlsx', 'commit');
    expect(committed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1, committed: true });
    const [after] = await h.database.query<{ facts: Record<string, unknown> }>('select facts from enterprises where id = $1', [id]);
    expect(after.facts).toEqual({ ...facts, developmentScore: 63.5, featuredScore: 9 });
    const [audit] = await h.database.query<{ after: { facts: unknown } }>(
      "select after from audit_log where entity_id = $1 and action = 'enterprise.import_update' order by id desc limit 1",
      [id],
    );
    expect(audit.after.facts).toEqual({ developmentScore: 63.5, featuredScore: 9 });
    // The same scores again change nothing.
    expect((await upload(withScores, 'scores.xlsx', 'commit')).json()).toMatchObject({ updated: 0, unchanged: 2 });
    // Out of range, too precise, not a number, or two rows of one enterprise that disagree: row and column named, nothing written.
    const before = await counts();
    const bad = await xlsx([
      headers,
      [...row(1), 101, 9],
      [...row(2, { district: '梁平县', established: '2012-06-18', revenue: 86.25, mainRevenue: 77.625 }), 60.125, 16],
      [...row(3, { established: '2018-03-09' }), '优秀', null],
      [...row(4), 70, null],
      [...row(4, { year: 2024 }), 71, null],
    ]);
    const refused = await upload(bad, 'bad-scores.xlsx', 'commit');
    expect(refused.statusCode).toBe(400);
    const errors = refused.json().details.errors as { row: number; column: string; code: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '专精特新发展评价得分', code: 'SCORE_INVALID' }),
        expect.objectContaining({ row: 3, column: '专精特新发展评价得分', code: 'SCORE_INVALID' }),
        expect.objectContaining({ row: 3, column: '特色化指标得分', code: 'SCORE_INVALID', message: expect.stringContaining('0～15') }),
        expect.objectContaining({ row: 4, column: '专精特新发展评价得分', code: 'SCORE_INVALID' }),
        expect.objectContaining({ row: 6, column: '专精特新发展评价得分', code: 'IMPORT_ROWS_DISAGREE' }),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('reads CSV in GBK and in UTF-8 with BOM', async () => {
    const lines = [HEADERS.join(','), row(10).join(','), row(11, { district: '重庆市荣昌区' }).join(',')].join('\r\n');
    const gbk = await upload(iconv.encode(lines, 'gbk'), 'gbk.csv', 'preview');
    expect(gbk.json()).toMatchObject({ created: 2, errorCount: 0 });
    const utf8 = await upload(Buffer.from(`\uFEFF${lines}`, 'utf8'), 'utf8.csv', 'preview');
    expect(utf8.json()).toMatchObject({ created: 2, errorCount: 0 });
  });

  it('reports every bad row by row and column in Chinese, and a commit with errors writes nothing', async () => {
    const wrongDigit = code('500153', 20).slice(0, 17) + (code('500153', 20)[17] === '0' ? '1' : '0');
    const file = await xlsx([
      HEADERS,
      row(20, { uscc: wrongDigit }),
      row(21),
      row(21, { name: '重复' }),
      row(22, { district: '成都市' }),
      row(23, { revenue: '-5' }),
      row(24, { revenue: '100', mainRevenue: '120' }),
      row(25, { employees: 10, rdStaff: 11 }),
      row(26, { established: '2099-01-01' }),
      row(27, { revenue: '12.34567' }),
      row(28, { industry: '恐龙养殖' }),
      row(29),
    ]);
    const before = await counts();
    const preview = await upload(file, 'bad.xlsx', 'preview');
    const { errors, errorCount, created } = preview.json();
    expect(created).toBe(2);
    const byRow: Record<number, { code: string; column: string; message: string }> = {};
    for (const e of errors) byRow[e.row] ??= e;
    expect(byRow[2]).toMatchObject({ code: 'ENTERPRISE_USCC_INVALID', column: '统一社会信用代码' });
    const row4 = errors.filter((e: { row: number }) => e.row === 4);
    expect(row4).toEqual([
      expect.objectContaining({ code: 'IMPORT_ROWS_DISAGREE', column: '企业名称' }),
      expect.objectContaining({ code: 'IMPORT_DUPLICATE_ROW', message: expect.stringMatching(/第 3 行/) }),
    ]);
    expect(byRow[5]).toMatchObject({ code: 'DISTRICT_UNKNOWN', column: '所属区县' });
    expect(byRow[6]).toMatchObject({ code: 'AMOUNT_NEGATIVE', column: '营业收入（万元）' });
    expect(byRow[7]).toMatchObject({ code: 'MAIN_REVENUE_ABOVE_REVENUE', message: '主营业务收入不能大于营业收入' });
    expect(byRow[8]).toMatchObject({ code: 'RD_STAFF_ABOVE_EMPLOYEES' });
    expect(byRow[9]).toMatchObject({ code: 'DATE_IN_FUTURE', column: '成立日期' });
    expect(byRow[10]).toMatchObject({ code: 'AMOUNT_INVALID' });
    expect(byRow[10].message).toMatch(/4 位小数/);
    expect(byRow[11]).toMatchObject({ code: 'INDUSTRY_UNKNOWN' });
    // Row 4: another name for the same code, and the same year again. Row 6: negative revenue, so the main revenue is above it.
    expect(errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '2:ENTERPRISE_USCC_INVALID',
      '4:IMPORT_ROWS_DISAGREE',
      '4:IMPORT_DUPLICATE_ROW',
      '5:DISTRICT_UNKNOWN',
      '6:AMOUNT_NEGATIVE',
      '6:MAIN_REVENUE_ABOVE_REVENUE',
      '7:MAIN_REVENUE_ABOVE_REVENUE',
      '8:RD_STAFF_ABOVE_EMPLOYEES',
      '9:DATE_IN_FUTURE',
      '10:AMOUNT_INVALID',
      '11:INDUSTRY_UNKNOWN',
    ]);
    expect(errorCount).toBe(11);
    const commit = await upload(file, 'bad.xlsx', 'commit');
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(await counts()).toEqual(before);
  });

  it('refuses merged cells among the data', async () => {
    const file = await xlsx([HEADERS, row(30), row(31)], { merges: ['C2:C3'] });
    const { errors } = (await upload(file, 'merged.xlsx', 'preview')).json();
    const merged = errors.find((e: { code: string }) => e.code === 'MERGED_CELLS');
    expect(merged).toMatchObject({ row: 2, column: 'C2:C3' });
    expect(merged.message).toMatch(/合并单元格/);
  });

  it.each([
    ['an empty sheet', async () => xlsx([]), 'x.xlsx', 'IMPORT_FILE_EMPTY'],
    ['a header only', async () => xlsx([HEADERS]), 'x.xlsx', 'IMPORT_FILE_EMPTY'],
    [
      'no recognisable header',
      async () =>
        xlsx([
          ['甲', '乙'],
          ['1', '2'],
        ]),
      'x.xlsx',
      'IMPORT_HEADER_NOT_FOUND',
    ],
    ['a CSV named .xlsx', async () => Buffer.from('统一社会信用代码,企业名称\n'), 'x.xlsx', 'IMPORT_FILE_TYPE_MISMATCH'],
    ['an xlsx named .csv', async () => xlsx([HEADERS, row(40)]), 'x.csv', 'IMPORT_FILE_TYPE_MISMATCH'],
    ['an old .xls', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'x.xls', 'IMPORT_XLS_UNSUPPORTED'],
    ['a PDF', async () => Buffer.from('%PDF-1.4 ...'), 'x.pdf', 'IMPORT_FILE_TYPE_UNSUPPORTED'],
    [
      'a broken zip',
      async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
      'x.xlsx',
      'IMPORT_FILE_CORRUPT',
    ],
    ['an empty file', async () => Buffer.alloc(0), 'x.xlsx', 'IMPORT_FILE_EMPTY'],
  ])('refuses %s with a Chinese message', async (_label, make, name, errorCode) => {
    const before = await counts();
    const response = await upload(await make(), name, 'commit');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(errorCode);
    expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await counts()).toEqual(before);
  });

  it('reads what a zip holds, not what it declares (sizes can lie; bombs: import-hardening.test.ts)', async () => {
    const file = await xlsx([HEADERS, row(50)]);
    // Declare a 1 GB sheet in the central directory, as a bomb would.
    const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let offset = file.readUInt32LE(eocd + 16);
    while (file.readUInt32LE(offset) === 0x02014b50) {
      const nameLength = file.readUInt16LE(offset + 28);
      if (file.toString('utf8', offset + 46, offset + 46 + nameLength).startsWith('xl/worksheets/'))
        file.writeUInt32LE(1_000_000_000, offset + 24);
      offset += 46 + nameLength + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    }
    const response = await upload(file, 'bomb.xlsx', 'preview');
    expect(response.json()).toMatchObject({ created: 1, errorCount: 0 });
  });

  it('refuses a file of 1,000,000 rows', async () => {
    const line = `${code('500153', 60)},某公司,荣昌区,39,2015-01-01\n`;
    const file = Buffer.from(`统一社会信用代码,企业名称,所属区县,行业代码,成立日期\n${line.repeat(1_000_000)}`);
    const response = await upload(file, 'huge.csv', 'preview');
    expect(response.json()).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
  });

  it("keeps a district officer's import inside the district", async () => {
    const file = await xlsx([HEADERS, row(70), row(71, { uscc: code('500112', 71), district: '渝北区' })]);
    const { errors, created } = (await upload(file, 'district.xlsx', 'preview', rongchang)).json();
    expect(created).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ row: 3, code: 'IMPORT_OUT_OF_SCOPE' })]);
    const enterpriseUser = await h.login('demo.enterprise');
    expect((await upload(file, 'district.xlsx', 'preview', enterpriseUser)).statusCode).toBe(403);
  });

  it('exports exactly what is filtered, and the export imports back unchanged', async () => {
    const exported = await h.app.inject({ method: 'GET', url: '/api/enterprises/export?district=500153', headers: { cookie: city } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await readXlsx(exported.rawPayload);
    const expected = await h.count("select count(*) as n from enterprises where district_code = '500153' or zone_code = '500153'");
    expect(rows.length - 1).toBe(expected);
    expect(rows.slice(1).every((r) => r[2] === '荣昌区')).toBe(true);
    const back = await upload(exported.rawPayload, 'export.xlsx', 'preview');
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: expected, errorCount: 0 });
  });

  it('runs as a job with progress and offers the errors as an xlsx report', async () => {
    const file = await xlsx([HEADERS, row(80), row(81, { district: '火星区' })]);
    const body = await multipart(file, 'job.xlsx');
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/enterprises/import-jobs',
      headers: { cookie: city, ...body.headers },
      payload: body.payload,
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    let job: { status: string; result: { errorCount: number } | null } = { status: 'queued', result: null };
    for (let i = 0; i < 100 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await h.app.inject({ method: 'GET', url: `/api/enterprises/import-jobs/${id}`, headers: { cookie: city } })).json();
    }
    expect(job).toMatchObject({ status: 'done', result: { errorCount: 1 } });
    const report = await h.app.inject({ method: 'GET', url: `/api/enterprises/import-jobs/${id}/error-report`, headers: { cookie: city } });
    const [header, first] = await readXlsx(report.rawPayload);
    expect(header).toEqual(['行号', '列', '错误代码', '说明']);
    expect(first).toEqual([3, '所属区县', 'DISTRICT_UNKNOWN', '未知的区县“火星区”']);
    const refusedCommit = await h.app.inject({
      method: 'POST',
      url: `/api/enterprises/import-jobs/${id}/commit`,
      headers: { cookie: city },
    });
    // A preview with errors cannot be committed: refused at once, nothing queued.
    expect(refusedCommit.statusCode).toBe(400);
    expect(refusedCommit.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    // Another officer cannot see the job.
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/enterprises/import-jobs/${id}`, headers: { cookie: rongchang } })).statusCode,
    ).toBe(404);
  });

  it('imports a published title list by USCC or exact name and keeps the current tier in step', async () => {
    const file = await xlsx([
      ['第七批专精特新"小巨人"企业名单'],
      ['序号', '企业名称', '统一社会信用代码', '认定日期', '证书编号'],
      [1, '重庆测试导入1号科技有限公司', code('500153', 1), '2025-08-01', 'GJ2025001'],
      [2, '重庆测试导入3号科技有限公司', null, '2025-08-01', 'GJ2025002'],
      [3, '不存在的公司', null, '2025-08-01', null],
    ]);
    const preview = await upload(file, 'titles.xlsx', 'preview', city, '/api/enterprises/titles/import?tier=little_giant');
    expect(preview.json()).toMatchObject({ created: 2, errorCount: 1 });
    expect(preview.json().errors[0]).toMatchObject({ row: 5, code: 'ENTERPRISE_NOT_FOUND' });
    const refused = await upload(file, 'titles.xlsx', 'commit', city, '/api/enterprises/titles/import?tier=little_giant');
    expect(refused.statusCode).toBe(400);
    const good = await xlsx([
      ['企业名称', '统一社会信用代码', '认定日期', '证书编号'],
      ['重庆测试导入1号科技有限公司', code('500153', 1), '2025-08-01', 'GJ2025001'],
      ['重庆测试导入3号科技有限公司', null, '2025-08-01', 'GJ2025002'],
    ]);
    const body = await multipart(good, 'titles.xlsx');
    const commit = await h.app.inject({
      method: 'POST',
      url: '/api/enterprises/titles/import?mode=commit&tier=little_giant',
      headers: { cookie: city, ...body.headers },
      payload: body.payload,
    });
    expect(commit.json()).toMatchObject({ created: 2, committed: true });
    const tiers = await h.database.query<{ current_tier: string; valid_until: string; level: string }>(
      'select e.current_tier, t.valid_until::text, t.level from enterprises e join enterprise_titles t on t.enterprise_id = e.id where e.uscc = $1',
      [code('500153', 1)],
    );
    expect(tiers).toEqual([{ current_tier: 'little_giant', valid_until: '2028-08-01', level: 'national' }]);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/enterprises/titles/import?mode=commit&tier=little_giant',
      headers: { cookie: city, ...body.headers },
      payload: body.payload,
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});
