import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { proRata } from '../../src/domain/targets/progress.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 目标考核 (issue 12): the published targets on a fresh start; progress computed from the registry
// (equal to independent counts of rows this test inserts or finds); every target's rows total equal to
// its actual; setting targets with every bad input refused in Chinese with nothing written; the split.

type Item = {
  id: string;
  unitCode: string | null;
  unitName: string;
  indicator: string;
  measure: string;
  year: number;
  baselineOn: string;
  value: number;
  actual: number;
  completion: number;
  proRata: number;
  expected: number;
  band: string;
  documentNo: string | null;
  version: number;
  rowsUrl: string | null;
};
type View = { year: number; asOf: string; units: { code: string | null; name: string; editable: boolean }[]; items: Item[] };

const RONGCHANG = '500153';
const CHENGKOU = '500229';

describe.each(DATABASE_KINDS)('targets on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const call = (user: string, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, payload: payload as object });
  const view = async (user: string, year: number): Promise<View> => {
    const res = await call(user, 'GET', `/api/targets?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const find = (v: View, unitCode: string | null, indicator: string) =>
    v.items.find((i) => i.unitCode === unitCode && i.indicator === indicator);
  const targetsCount = () => h.count('select count(*) as n from targets');
  const auditCount = () => h.count("select count(*) as n from audit_log where action = 'target.set'");

  /** Independent count: enterprises of the place holding a title of the tier at the day (new: none of the tier before `since`). */
  const titleHolders = (tier: string, day: string, place: string | null, since?: string) =>
    h.count(
      `select count(distinct t.enterprise_id) as n from enterprise_titles t join enterprises e on e.id = t.enterprise_id
        where t.tier = $1 and t.recognised_on <= $2::date and t.status <> 'revoked'
          and (t.revoked_on is null or t.revoked_on > $2::date) and (t.ended_on is null or t.ended_on >= $2::date)
          and (t.status = 'under_review' or t.valid_until is null or t.valid_until >= $2::date)
          and ($3::text is null or e.district_code = $3 or e.zone_code = $3)
          and ($4::date is null or not exists (select 1 from enterprise_titles t0 where t0.enterprise_id = t.enterprise_id
                and t0.tier = t.tier and t0.recognised_on < $4::date))`,
      [tier, day, place, since ?? null],
    );
  const honourHolders = (kindOf: string, day: string, place: string | null) =>
    h.count(
      `select count(distinct h.enterprise_id) as n from enterprise_honours h join enterprises e on e.id = h.enterprise_id
        where h.kind = $1 and (h.obtained_on is null or h.obtained_on <= $2::date) and (h.valid_until is null or h.valid_until >= $2::date)
          and ($3::text is null or e.district_code = $3 or e.zone_code = $3)`,
      [kindOf, day, place],
    );

  /** Independent count: enterprises of the place listed by the day (and on or after `since`). */
  const listed = (day: string, place: string | null, since?: string) =>
    h.count(
      `select count(*) as n from enterprise_listings l join enterprises e on e.id = l.enterprise_id
        where l.stage = 'listed' and l.reached_on <= $1::date and ($2::text is null or e.district_code = $2 or e.zone_code = $2)
          and ($3::date is null or l.reached_on >= $3::date)`,
      [day, place, since ?? null],
    );

  let firms: string[] = [];

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    // Four firms: smart factories (one expired, one in the future) and listings (one before the 2025 plan's baseline).
    firms = (
      await h.database.query<{ id: string }>(
        `select id from enterprises where not exists (select 1 from enterprise_listings l where l.enterprise_id = enterprises.id) order by id limit 4`,
      )
    ).map((r) => r.id);
    expect(firms).toHaveLength(4);
    const [a, b, c, d] = firms;
    await h.owner.query(
      `insert into enterprise_honours (enterprise_id, kind, name, level, obtained_on, valid_until) values
        ($1, 'smart_factory', '重庆市智能工厂', 'municipal', '2023-05-01', null),
        ($2, 'smart_factory', '重庆市智能工厂', 'municipal', '2024-05-01', '2027-04-30'),
        ($3, 'smart_factory', '重庆市智能工厂', 'municipal', '2021-05-01', '2024-04-30'),
        ($4, 'smart_factory', '重庆市智能工厂', 'municipal', current_date + 10, null)`,
      [a, b, c, d],
    );
    // A 小巨人 held since 2021 (renewed, valid today): held, but not new since the 2027 plan's baseline.
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
        values ($1, 'little_giant', 'national', '2021-07-01', current_date + 400, 'valid', 'import')`,
      [d],
    );
    await h.owner.query(
      `insert into enterprise_listings (enterprise_id, stage, reached_on, market) values
        ($1, 'shareholding_reform', '2021-03-01', null),
        ($1, 'listed', '2023-06-30', '深交所创业板'),
        ($2, 'listed', '2021-11-15', '北交所'),
        ($3, 'tutoring_filed', '2024-01-10', '上交所主板')`,
      [a, b, c],
    );
  });
  afterAll(() => h?.close());

  it('has the published targets on a fresh start, with their documents and baselines', async () => {
    const y2025 = await view('city.admin', 2025);
    expect(y2025.asOf).toBe('2025-12-31');
    const city = (indicator: string) => find(y2025, null, indicator);
    expect(city('innovative')).toMatchObject({
      value: 25000,
      documentNo: '渝府办发〔2022〕23号',
      baselineOn: '2022-01-01',
      measure: 'stock',
    });
    expect(city('srdi')?.value).toBe(2500);
    expect(city('little_giant')?.value).toBe(300);
    expect(city('listed')).toMatchObject({ value: 25, measure: 'new' });
    expect([city('digital_workshop')?.value, city('smart_factory')?.value, city('green_factory')?.value]).toEqual([400, 50, 100]);
    const rongchang = y2025.items.filter((i) => i.unitCode === RONGCHANG);
    expect(Object.fromEntries(rongchang.map((i) => [i.indicator, i.value]))).toEqual({
      tech_sme: 1300,
      high_tech: 300,
      srdi: 100,
      little_giant: 10,
      listed: 1,
    });
    expect(rongchang.every((i) => i.documentNo === '荣昌府办规〔2022〕2号' && i.unitName === '荣昌区')).toBe(true);
    expect(y2025.items.filter((i) => i.unitCode === '500112').map((i) => [i.indicator, i.value, i.documentNo])).toEqual([
      ['srdi', 180, '渝北府办发〔2022〕38号'],
      ['little_giant', 23, '渝北府办发〔2022〕38号'],
    ]);
    // City first, then the districts.
    expect(y2025.items[0].unitCode).toBeNull();
    const y2027 = await view('city.admin', 2027);
    expect(y2027.items.map((i) => [i.indicator, i.measure, i.value, i.baselineOn])).toEqual([
      ['srdi', 'stock', 5000, '2024-01-01'],
      ['little_giant', 'new', 120, '2024-01-01'],
      ['tech_sme', 'stock', 86000, '2024-01-01'],
      ['high_tech', 'stock', 12800, '2024-01-01'],
    ]);
    expect(y2027.items.every((i) => i.documentNo === '渝府办发〔2024〕14号')).toBe(true);
  });

  it('computes progress from the registry: titles at the day, new ones since the baseline, honours, listings', async () => {
    const today = todayInShanghai();
    const y2025 = await view('city.admin', 2025);
    for (const tier of ['innovative', 'srdi', 'little_giant']) {
      expect(find(y2025, null, tier)?.actual, tier).toBe(await titleHolders(tier, '2025-12-31', null));
    }
    expect(find(y2025, RONGCHANG, 'srdi')?.actual).toBe(await titleHolders('srdi', '2025-12-31', RONGCHANG));
    expect(find(y2025, RONGCHANG, 'high_tech')?.actual).toBe(await honourHolders('high_tech', '2025-12-31', RONGCHANG));
    expect(find(y2025, RONGCHANG, 'tech_sme')?.actual).toBe(await honourHolders('tech_sme', '2025-12-31', RONGCHANG));
    // Listed since 2022-01-01 by 2025-12-31: firm a (2023) counts; b listed in 2021 is not new; c only filed for tutoring.
    expect(find(y2025, RONGCHANG, 'listed')).toMatchObject({
      actual: await listed('2025-12-31', RONGCHANG, '2022-01-01'),
      proRata: 1,
      expected: 1,
    });
    const cityListed = await listed('2025-12-31', null, '2022-01-01');
    expect(cityListed).toBe((await listed('2025-12-31', null)) - (await listed('2021-12-31', null)));
    expect(cityListed).toBeGreaterThanOrEqual(1);
    expect(find(y2025, null, 'listed')).toMatchObject({ actual: cityListed, completion: cityListed / 25 });
    // Smart factories held on 2025-12-31: a (no end) and b (until 2027); c expired in 2024, d not yet obtained.
    // The demo data hold smart factories of their own: the four firms above add two (a, b), not c (expired) nor d (future).
    const smart = await honourHolders('smart_factory', '2025-12-31', null);
    const others = await h.count(
      `select count(distinct enterprise_id) as n from enterprise_honours
        where kind = 'smart_factory' and not (enterprise_id = any($1::uuid[])) and obtained_on <= '2025-12-31'`,
      [firms],
    );
    expect(smart).toBe(2 + others);
    expect(find(y2025, null, 'smart_factory')).toMatchObject({
      actual: smart,
      value: 50,
      completion: smart / 50,
      proRata: 1,
      expected: 50,
    });

    const y2027 = await view('city.admin', 2027);
    expect(y2027.asOf).toBe(today);
    const newGiants = find(y2027, null, 'little_giant');
    expect(newGiants?.actual).toBe(await titleHolders('little_giant', today, null, '2024-01-01'));
    expect(newGiants?.actual).toBeLessThan(await titleHolders('little_giant', today, null));
    const share = proRata('2024-01-01', 2027, today);
    expect(newGiants?.proRata).toBeCloseTo(share, 10);
    expect(newGiants?.expected).toBe(Math.round(120 * share));
    expect(find(y2027, null, 'srdi')?.actual).toBe(await titleHolders('srdi', today, null));
  });

  it("gives every target's rows through the enterprise list, whose total equals the actual (city and district readers)", async () => {
    let walked = 0;
    for (const user of ['city.admin', 'rongchang.admin']) {
      for (const year of [2025, 2027]) {
        for (const item of (await view(user, year)).items) {
          if (user === 'rongchang.admin' && item.unitCode === null) {
            // The district's list would show only its own part of a city figure: no link.
            expect(item.rowsUrl).toBeNull();
            continue;
          }
          expect(item.rowsUrl, `${item.unitName} ${item.indicator}`).toMatch(/^\/api\/enterprises\?/);
          const rows = await call(user, 'GET', `${item.rowsUrl}&pageSize=1`);
          expect(rows.statusCode, rows.body).toBe(200);
          expect(rows.json().total, `${user} ${year} ${item.unitName} ${item.indicator} ${item.rowsUrl}`).toBe(item.actual);
          walked++;
        }
      }
    }
    expect(walked).toBeGreaterThan(20);
  });

  it('shows a district the city targets and its own only; refuses an enterprise user (404)', async () => {
    const v = await view('rongchang.admin', 2025);
    expect(new Set(v.items.map((i) => i.unitCode))).toEqual(new Set([null, RONGCHANG]));
    expect(v.units.map((u) => [u.code, u.editable])).toEqual([
      [null, false],
      [RONGCHANG, true],
    ]);
    const refused = await call('demo.enterprise', 'GET', '/api/targets?year=2025');
    expect(refused.statusCode).toBe(404);
  });

  it('lets the city set a target for any unit and a district its own; audited', async () => {
    const before = await auditCount();
    const created = await call('city.admin', 'PUT', '/api/targets', {
      unitCode: CHENGKOU,
      indicator: 'innovative',
      measure: 'stock',
      year: 2026,
      value: 30,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ unitCode: CHENGKOU, unitName: '城口县', value: 30, baselineOn: '2026-01-01', version: 1 });
    expect(created.json().actual).toBe(await titleHolders('innovative', todayInShanghai(), CHENGKOU));
    const changed = await call('city.admin', 'PUT', '/api/targets', {
      unitCode: CHENGKOU,
      indicator: 'innovative',
      year: 2026,
      value: 35,
      documentNo: '城口府办发〔2026〕1号',
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ value: 35, version: 2, documentNo: '城口府办发〔2026〕1号' });
    const own = await call('rongchang.admin', 'PUT', '/api/targets', {
      unitCode: RONGCHANG,
      indicator: 'smart_factory',
      year: 2026,
      value: 3,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      actual: await honourHolders('smart_factory', todayInShanghai(), RONGCHANG),
      value: 3,
      source: 'split',
    });
    expect(await auditCount()).toBe(before + 3);
    const [row] = await h.database.query<{ actor_name: string; after: { value: number; unitCode: string } }>(
      "select actor_name, after from audit_log where action = 'target.set' order by id desc limit 1",
    );
    expect(row.after).toMatchObject({ value: 3, unitCode: RONGCHANG });
    expect(row.actor_name).toContain('rongchang.admin');
  });

  it('refuses every bad target in Chinese with a stable code, and writes nothing', async () => {
    const base = { unitCode: CHENGKOU, indicator: 'srdi', measure: 'stock', year: 2026, value: 5 };
    const cases: [string, string, unknown, number, string][] = [
      ['city.admin', 'unknown district', { ...base, unitCode: '999999' }, 400, 'TARGET_UNIT_UNKNOWN'],
      ['city.admin', 'unknown indicator', { ...base, indicator: 'unicorn' }, 400, 'TARGET_INDICATOR_UNKNOWN'],
      ['city.admin', 'unknown measure', { ...base, measure: 'flow' }, 400, 'TARGET_MEASURE_UNKNOWN'],
      ['city.admin', 'negative', { ...base, value: -1 }, 400, 'TARGET_VALUE_INVALID'],
      ['city.admin', 'non-integer', { ...base, value: 2.5 }, 400, 'TARGET_VALUE_INVALID'],
      ['city.admin', 'too large', { ...base, value: 1e12 }, 400, 'TARGET_VALUE_INVALID'],
      ['city.admin', 'baseline after the year', { ...base, baselineOn: '2027-01-01' }, 400, 'TARGET_BASELINE_INVALID'],
      ['rongchang.admin', "the city's target", { ...base, unitCode: null }, 403, 'TARGET_NOT_OWN_UNIT'],
      ['rongchang.admin', "another district's", { ...base, unitCode: '500112' }, 403, 'TARGET_NOT_OWN_UNIT'],
      ['demo.enterprise', 'an enterprise user', { ...base, unitCode: RONGCHANG }, 403, 'FORBIDDEN'],
      ['city.admin', 'a stale version', { ...base, indicator: 'innovative', value: 40, version: 1 }, 409, 'TARGET_VERSION_CONFLICT'],
      ['city.admin', 'a change without version', { ...base, indicator: 'innovative', value: 40 }, 409, 'TARGET_VERSION_REQUIRED'],
      ['city.admin', 'a version for a new one', { ...base, version: 3 }, 409, 'TARGET_VERSION_CONFLICT'],
    ];
    const targets = await targetsCount();
    const audits = await auditCount();
    const snapshot = async () => JSON.stringify(await h.database.query('select id, value, version from targets order by id'));
    const before = await snapshot();
    for (const [user, what, body, status, code] of cases) {
      const res = await call(user, 'PUT', '/api/targets', body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().code, what).toBe(code);
      expect(res.json().message, what).toMatch(/[\u4e00-\u9fa5]/);
    }
    // A value that is no number at all: the schema's 400, in Chinese.
    const text = await call('city.admin', 'PUT', '/api/targets', { ...base, value: '五十' });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await targetsCount()).toBe(targets);
    expect(await auditCount()).toBe(audits);
    expect(await snapshot()).toBe(before);
  });

  it('suggests a split of the city target by each district’s share of the pool, summing to the city value', async () => {
    const res = await call('city.admin', 'GET', '/api/targets/split-suggestion?indicator=srdi&year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { cityValue: number; rows: { unitCode: string; pool: number; suggested: number; current: number | null }[] };
    expect(body.cityValue).toBe(2500);
    expect(body.rows).toHaveLength(38);
    expect(body.rows.reduce((s, r) => s + r.suggested, 0)).toBe(2500);
    const rongchang = body.rows.find((r) => r.unitCode === RONGCHANG);
    expect(rongchang?.current).toBe(100);
    expect(rongchang?.pool).toBe(
      await h.count(
        `select count(distinct t.enterprise_id) as n from enterprise_titles t join enterprises e on e.id = t.enterprise_id
          where t.tier = 'srdi' and e.district_code = $1 and t.recognised_on <= current_date and t.status <> 'revoked'
            and (t.revoked_on is null or t.revoked_on > current_date) and (t.ended_on is null or t.ended_on >= current_date)
            and (t.status = 'under_review' or t.valid_until is null or t.valid_until >= current_date)`,
        [RONGCHANG],
      ),
    );
    // The larger pool gets the larger part.
    const sorted = [...body.rows].sort((a, b) => b.pool - a.pool);
    expect(sorted[0].suggested).toBeGreaterThanOrEqual(sorted[sorted.length - 1].suggested);

    const district = await call('rongchang.admin', 'GET', '/api/targets/split-suggestion?indicator=srdi&year=2025');
    expect(district.json().rows.map((r: { unitCode: string }) => r.unitCode)).toEqual([RONGCHANG]);
    const unknown = await call('city.admin', 'GET', '/api/targets/split-suggestion?indicator=unicorn&year=2025');
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'TARGET_INDICATOR_UNKNOWN']);
    const missing = await call('city.admin', 'GET', '/api/targets/split-suggestion?indicator=green_factory&year=2027');
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'TARGET_CITY_MISSING']);
    expect(missing.json().message).toContain('绿色工厂');
  });
});
