import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const XISHAN = makeUscc('500112', 'MA5XH7K1');

describe.each(DATABASE_KINDS)('enterprise registry API on %s', (kind) => {
  let h: Harness;
  let city: string;
  let rongchang: string;
  let yubei: string;
  let enterpriseUser: string;
  let xishanId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    rongchang = await h.login('rongchang.admin');
    yubei = await h.login('yubei.admin');
    enterpriseUser = await h.login('demo.enterprise');
  });
  afterAll(() => h.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  const base = {
    uscc: XISHAN,
    name: '重庆西山科技股份有限公司',
    districtCode: '500112',
    industryCode: '35',
    establishedOn: '2007-03-15',
    years: [
      {
        year: 2024,
        revenue: 300_000_000,
        mainRevenue: 290_000_000,
        totalAssets: 600_000_000,
        employees: 520,
        rdStaff: 150,
        rdExpense: 40_000_000,
      },
      {
        year: 2025,
        revenue: 330_000_000,
        mainRevenue: 320_000_000,
        totalAssets: 650_000_000,
        employees: 560,
        rdStaff: 160,
        rdExpense: 45_000_000,
      },
    ],
  };

  it('creates an enterprise with its years and derives sector, size class and search pairs', async () => {
    const created = await call(yubei, 'POST', '/api/enterprises', base);
    expect(created.statusCode, created.body).toBe(201);
    // The search columns are the registry's own, not part of the record.
    expect(Object.keys(created.json())).not.toContain('searchVector');
    expect(Object.keys(created.json())).not.toContain('searchText');
    xishanId = created.json().id;
    const detail = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    expect(detail).toMatchObject({
      uscc: XISHAN,
      districtCode: '500112',
      sector: 'industry',
      sizeClass: 'medium',
      latestYear: 2025,
      isSme: true,
      sizeClassLabel: '中型',
    });
    expect(detail.years[0]).toMatchObject({ year: 2025, revenue: 330_000_000 });
    expect(detail.years[0].yoy.revenue).toBe(10);
    expect(detail.history[0]).toMatchObject({ action: 'enterprise.create', actorName: '渝北区经信委（yubei.admin）' });
  });

  it('finds it by any part of its Chinese name and by USCC prefix', async () => {
    for (const q of ['西山', '西山科技', '山科', XISHAN.slice(0, 10), XISHAN.slice(0, 10).toLowerCase()]) {
      const found = await call(city, 'GET', `/api/enterprises?q=${encodeURIComponent(q)}`);
      expect(
        found.json().items.map((e: { id: string }) => e.id),
        q,
      ).toContain(xishanId);
    }
    const none = await call(city, 'GET', `/api/enterprises?q=${encodeURIComponent('东山科技')}`);
    expect(none.json().items.map((e: { id: string }) => e.id)).not.toContain(xishanId);
  });

  it('filters by district, tier, industry section and division, size, founding year, and sorts by revenue', async () => {
    const q = (s: string) => call(city, 'GET', `/api/enterprises?pageSize=200&${s}`).then((r) => r.json());
    expect(
      (await q('industry=C')).items.every((e: { industryCode: string }) => Number(e.industryCode) >= 13 && Number(e.industryCode) <= 43),
    ).toBe(true);
    expect((await q('industry=35')).items.every((e: { industryCode: string }) => e.industryCode === '35')).toBe(true);
    expect((await q('size=medium')).items.map((e: { id: string }) => e.id)).toContain(xishanId);
    expect((await q('tier=srdi')).items.every((e: { currentTier: string }) => e.currentTier === 'srdi')).toBe(true);
    expect((await q('tier=none')).items.every((e: { currentTier: string | null }) => e.currentTier === null)).toBe(true);
    const founded = await q('establishedFrom=2007&establishedTo=2007');
    expect(founded.items.every((e: { establishedOn: string }) => e.establishedOn.startsWith('2007'))).toBe(true);
    const sorted = (await q('sort=-revenue')).items
      .map((e: { latestRevenue: number | null }) => e.latestRevenue)
      .filter((v: number | null) => v !== null);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    const bad = await call(city, 'GET', '/api/enterprises?industry=ZZ');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a wrong check digit, a bad format and a duplicate USCC', async () => {
    const wrongDigit = XISHAN.slice(0, 17) + (XISHAN[17] === '0' ? '1' : '0');
    const bad = await call(city, 'POST', '/api/enterprises', { ...base, uscc: wrongDigit, years: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ENTERPRISE_USCC_INVALID', details: { field: 'uscc' } });
    expect(bad.json().message).toMatch(/校验位/);
    const format = await call(city, 'POST', '/api/enterprises', { ...base, uscc: '12345', years: [] });
    expect(format.json().code).toBe('ENTERPRISE_USCC_INVALID');
    const duplicate = await call(city, 'POST', '/api/enterprises', { ...base, name: '另一家公司', years: [] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('ENTERPRISE_USCC_DUPLICATE');
  });

  it('lets only the city administrator accept a real legacy code that fails the check digit, with the reason recorded', async () => {
    const legacy = { ...base, uscc: '91350100M0001TGQXM', name: '厦门早期试点企业', districtCode: '500153', years: [] };
    const district = await call(rongchang, 'POST', '/api/enterprises', { ...legacy, usccOverrideReason: '早期试点代码' });
    expect(district.json().code).toBe('ENTERPRISE_USCC_INVALID');
    const noReason = await call(city, 'POST', '/api/enterprises', legacy);
    expect(noReason.json().code).toBe('ENTERPRISE_USCC_INVALID');
    const accepted = await call(city, 'POST', '/api/enterprises', {
      ...legacy,
      usccOverrideReason: '2015 年福建试点期间合法核发，已核对营业执照',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().usccOverrideReason).toMatch(/福建试点/);
  });

  it.each([
    [{ years: [{ year: 2025, revenue: 100, mainRevenue: 101 }] }, 'MAIN_REVENUE_ABOVE_REVENUE', 'years.0.mainRevenue'],
    [{ years: [{ year: 2025, employees: 10, rdStaff: 11 }] }, 'RD_STAFF_ABOVE_EMPLOYEES', 'years.0.rdStaff'],
    [{ years: [{ year: 2025, revenue: -5 }] }, 'AMOUNT_NEGATIVE', 'years.0.revenue'],
    [{ years: [{ year: 2099, revenue: 5 }] }, 'YEAR_INVALID', 'years.0.year'],
    [{ establishedOn: '2099-01-01' }, 'DATE_IN_FUTURE', 'establishedOn'],
    [{ districtCode: 'LJXQ' }, 'DISTRICT_IS_ZONE', 'districtCode'],
    [{ industryCode: '99' }, 'INDUSTRY_UNKNOWN', 'industryCode'],
  ])('refuses %o with %s and writes nothing', async (change, code, field) => {
    const before = await h.count('select count(*) as n from enterprises');
    const response = await call(city, 'POST', '/api/enterprises', {
      ...base,
      uscc: makeUscc('500101', 'MA7BAD01'),
      name: '坏数据测试公司',
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, details: { field } });
    expect(await h.count('select count(*) as n from enterprises')).toBe(before);
  });

  it('edits with a version check: a stale version gets 409 and the record stays as it was', async () => {
    const { version } = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    const first = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, { version, mainProduct: '内窥镜手术器械' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    expect(Object.keys(first.json())).not.toContain('searchVector');
    const stale = await call(city, 'PATCH', `/api/enterprises/${xishanId}`, { version, mainProduct: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/已被他人修改/);
    const detail = (await call(city, 'GET', `/api/enterprises/${xishanId}`)).json();
    expect(detail.mainProduct).toBe('内窥镜手术器械');
    expect(detail.history[0]).toMatchObject({
      action: 'enterprise.update',
      before: { mainProduct: null },
      after: { mainProduct: '内窥镜手术器械' },
    });
  });

  it("keeps officers in their district: another district's enterprise is 404 to read and to edit, and cannot be moved out", async () => {
    const { version } = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    expect((await call(rongchang, 'GET', `/api/enterprises/${xishanId}`)).statusCode).toBe(404);
    expect((await call(rongchang, 'PATCH', `/api/enterprises/${xishanId}`, { version, name: '越权' })).statusCode).toBe(404);
    const move = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, { version, districtCode: '500153' });
    expect(move.statusCode).toBe(403);
    const create = await call(rongchang, 'POST', '/api/enterprises', {
      ...base,
      uscc: makeUscc('500112', 'MA7QUT01'),
      name: '越区新建',
      years: [],
    });
    expect(create.statusCode).toBe(403);
  });

  it('lets an enterprise user edit its own record, but not its USCC, district or another enterprise', async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    const own = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    const ok = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, { version: own.version, contactPhone: '023-46781234' });
    expect(ok.statusCode).toBe(200);
    for (const change of [{ uscc: XISHAN }, { districtCode: '500112' }, { zoneCode: 'LJXQ' }]) {
      const refused = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, { version: own.version + 1, ...change });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('ENTERPRISE_FIELD_FORBIDDEN');
    }
    expect((await call(enterpriseUser, 'PATCH', `/api/enterprises/${xishanId}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    // The facts the evaluation reads: checked field by field.
    const now = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    const facts = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, {
      version: now.version,
      facts: { ip: { classI: 4, classII: 9 }, rdInstitution: 'municipal', nicheMarketShare: 11.5 },
    });
    expect(facts.statusCode, facts.body).toBe(200);
    expect(facts.json().facts).toMatchObject({ ip: { classI: 4, classII: 9 }, rdInstitution: 'municipal', nicheMarketShare: 11.5 });
    const wrong = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, {
      version: now.version + 1,
      facts: { nicheMarketShare: 120 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.fields[0].field).toBe('facts.nicheMarketShare');
    // The national platform's development score and the 特色化 score are the officers' to set.
    const stored = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    for (const key of ['developmentScore', 'featuredScore']) {
      const refused = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, {
        version: stored.version,
        facts: { ...stored.facts, [key]: 14.5 },
      });
      expect(refused.statusCode, key).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'ENTERPRISE_FIELD_FORBIDDEN', details: { field: `facts.${key}` } });
    }
    const after = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    expect([after.version, after.facts]).toEqual([stored.version, stored.facts]);
    expect(
      (await call(enterpriseUser, 'POST', '/api/enterprises', { ...base, uscc: makeUscc('500153', 'MA7ENT01'), years: [] })).statusCode,
    ).toBe(403);
  });

  it('refuses every field an enterprise may not set about itself (scope, officers’ assessments, titles) and writes nothing', async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    const own = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    const audits = () => h.count('select count(*) as n from audit_log where entity_id = $1', [id]);
    const auditsBefore = await audits();
    const forbidden: [Record<string, unknown>, string][] = [
      [{ uscc: XISHAN }, 'uscc'],
      [{ districtCode: '500112' }, 'districtCode'],
      [{ zoneCode: 'LJXQ' }, 'zoneCode'],
      [{ usccOverrideReason: '自称早期代码' }, 'usccOverrideReason'],
      [{ facts: { ...own.facts, developmentScore: 99 } }, 'facts.developmentScore'],
      [{ facts: { ...own.facts, featuredScore: 15 } }, 'facts.featuredScore'],
      [{ facts: { ...own.facts, reviewerAnswers: { 'lg2026.field': true } } }, 'facts.reviewerAnswers'],
    ];
    for (const [change, field] of forbidden) {
      const refused = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, { version: own.version, ...change });
      expect(refused.statusCode, field).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'ENTERPRISE_FIELD_FORBIDDEN', details: { field } });
      expect(refused.json().message).toMatch(/企业不能修改/);
    }
    // Titles, honours and derived columns are not part of the record an enterprise sends at all.
    for (const change of [
      { currentTier: 'little_giant' },
      { titles: [{ tier: 'little_giant' }] },
      { honours: [] },
      { sizeClass: 'small' },
    ]) {
      const refused = await call(enterpriseUser, 'PATCH', `/api/enterprises/${id}`, { version: own.version, ...change });
      expect(refused.statusCode, JSON.stringify(change)).toBe(400);
      expect(refused.json().details.fields[0].field).toBe(Object.keys(change)[0]);
    }
    const after = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    expect([after.version, after.facts, after.currentTier]).toEqual([own.version, own.facts, own.currentTier]);
    expect(await audits()).toBe(auditsBefore);
    // The officers set what the enterprise may not.
    const officer = await call(rongchang, 'PATCH', `/api/enterprises/${id}`, {
      version: own.version,
      facts: { ...own.facts, developmentScore: 58, featuredScore: 11 },
    });
    expect(officer.statusCode, officer.body).toBe(200);
    expect(officer.json().facts).toMatchObject({ developmentScore: 58, featuredScore: 11 });
  });

  it('refuses a niche-entry year after this year instead of saving another, on create and edit', async () => {
    const nextYear = new Date().getFullYear() + 4;
    const created = await call(city, 'POST', '/api/enterprises', {
      ...base,
      uscc: makeUscc('500101', 'MA7NCH01'),
      name: '细分市场年份测试公司',
      nicheEntryYear: nextYear,
      years: [],
    });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ code: 'YEAR_IN_FUTURE', details: { field: 'nicheEntryYear' } });
    expect(created.json().message).toMatch(/进入细分市场年份不能晚于/);
    const { version, nicheEntryYear } = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    const edited = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, { version, nicheEntryYear: nextYear });
    expect(edited.statusCode).toBe(400);
    expect(edited.json()).toMatchObject({ code: 'YEAR_IN_FUTURE', details: { field: 'nicheEntryYear' } });
    expect((await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json()).toMatchObject({ version, nicheEntryYear });
  });

  it('writes nothing for a save without changes and says so (no history entry, no new version)', async () => {
    const detail = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    const audits = () => h.count('select count(*) as n from audit_log where entity_id = $1', [xishanId]);
    const before = await audits();
    const [latest] = detail.years as Record<string, unknown>[];
    const { yoy: _yoy, enterpriseId: _e, updatedAt: _u, ...sameYear } = latest;
    const same = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, {
      version: detail.version,
      name: detail.name,
      mainProduct: detail.mainProduct,
      zoneCode: detail.zoneCode,
      facts: detail.facts,
      establishedOn: detail.establishedOn,
      years: [sameYear],
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ changed: false, version: detail.version });
    expect(await audits()).toBe(before);
    const changed = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, {
      version: detail.version,
      mainProduct: detail.mainProduct,
      years: [{ ...sameYear, employees: (sameYear.employees as number) + 1 }],
    });
    expect(changed.json()).toMatchObject({ changed: true, version: detail.version + 1 });
    expect(await audits()).toBe(before + 1);
    const [entry] = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json().history;
    expect(entry.before).toEqual({});
    expect(entry.after.years).toEqual([expect.objectContaining({ year: sameYear.year, employees: (sameYear.employees as number) + 1 })]);
  });

  it('keeps a maker-contest result in the shape the evaluation reads, so the self-assessment prefill never fails', async () => {
    const { version, facts } = (await call(yubei, 'GET', `/api/enterprises/${xishanId}`)).json();
    const makerContest = { level: 'provincial', rank: 2, year: 2024 };
    const saved = await call(yubei, 'PATCH', `/api/enterprises/${xishanId}`, { version, facts: { ...facts, makerContest } });
    expect(saved.statusCode, saved.body).toBe(200);
    const input = await call(yubei, 'GET', `/api/evaluations/input/${xishanId}`);
    expect(input.statusCode, input.body).toBe(200);
    expect(input.json().enterprise.makerContest).toEqual(makerContest);
    // A row stored in the old shape (a free-text result) is read as no result, not as a 500.
    await h.database.query(
      `update enterprises set facts = jsonb_set(facts, '{makerContest}', '{"level":"national","result":"一等奖","year":2023}') where id = $1`,
      [xishanId],
    );
    const legacy = await call(yubei, 'GET', `/api/evaluations/input/${xishanId}`);
    expect(legacy.statusCode, legacy.body).toBe(200);
    expect(legacy.json().enterprise.makerContest).toBeNull();
  });

  it("shows an enterprise user the officer's office in its history, never the officer's name, account or IP address", async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    for (const cookie of [rongchang, city, enterpriseUser]) {
      const { version } = (await call(cookie, 'GET', `/api/enterprises/${id}`)).json();
      const saved = await call(cookie, 'PATCH', `/api/enterprises/${id}`, { version, mainProduct: `主导产品 ${version}` });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const seen = await call(enterpriseUser, 'GET', `/api/enterprises/${id}`);
    const history = seen.json().history as { actorName: string; actorRole: string; actorId: string | null; ip: string | null }[];
    expect(history.slice(0, 3).map((e) => e.actorName)).toEqual(['企业填报员（demo.enterprise）', '市经信委', '区县经信委']);
    for (const entry of history) {
      expect(entry.ip).toBeNull();
      if (entry.actorRole !== 'enterprise') expect(entry.actorId).toBeNull();
    }
    for (const secret of ['rongchang.admin', 'city.admin', '127.0.0.1']) expect(seen.body).not.toContain(secret);
    // Officers keep seeing who did it.
    const officerView = (await call(rongchang, 'GET', `/api/enterprises/${id}`)).json();
    expect(officerView.history[1].actorName).toContain('city.admin');
    expect(officerView.history[2].actorName).toContain('rongchang.admin');
  });
});
