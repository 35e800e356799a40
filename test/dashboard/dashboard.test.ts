import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// GET /api/dashboard (issue 12 contract): the headline figures of the reader's scope, each with the API
// path of its rows, whose total equals the figure — walked for every figure, for the city, a district
// and a city officer's choice of a district.

type Figure = { key: string; label: string; value: number; rowsUrl: string };

describe.each(DATABASE_KINDS)('dashboard on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => h.app.inject({ method: 'GET', url, headers: { cookie: cookies[user] } });
  const figuresOf = async (user: string, url = '/api/dashboard') => {
    const res = await get(user, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { asOf: string; scope: { kind: string; code: string | null; name: string }; figures: Figure[] };
  };
  const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));

  let before: Record<string, number>;

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    before = byKey((await figuresOf('city.admin')).figures);
    // Titles of every kind of end, on three firms that never had one: held ones count, others not.
    const firms = await h.database.query<{ id: string }>(
      'select id from enterprises where not exists (select 1 from enterprise_titles t where t.enterprise_id = enterprises.id) order by id limit 3',
    );
    expect(firms).toHaveLength(3);
    const [a, b, c] = firms.map((f) => f.id);
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source) values
        ($1, 'innovative', 'municipal', current_date - 100, current_date + 500, 'valid', 'import'),
        ($1, 'srdi', 'municipal', current_date - 50, current_date + 900, 'valid', 'import'),
        ($2, 'srdi', 'municipal', current_date - 1200, current_date - 5, 'valid', 'import'),
        ($2, 'little_giant', 'national', current_date - 1200, current_date - 5, 'under_review', 'import'),
        ($3, 'innovative', 'municipal', current_date + 3, current_date + 900, 'valid', 'import'),
        ($3, 'srdi', 'municipal', current_date - 300, current_date + 300, 'revoked', 'import')`,
      [a, b, c],
    );
  });
  afterAll(() => h?.close());

  const held = (tier: string, district?: string) =>
    h.count(
      `select count(distinct t.enterprise_id) as n from enterprise_titles t join enterprises e on e.id = t.enterprise_id
        where t.tier = $1 and t.recognised_on <= current_date and t.status <> 'revoked'
          and (t.revoked_on is null or t.revoked_on > current_date) and (t.ended_on is null or t.ended_on >= current_date)
          and (t.status = 'under_review' or t.valid_until is null or t.valid_until >= current_date)
          and ($2::text is null or e.district_code = $2 or e.zone_code = $2)`,
      [tier, district ?? null],
    );

  it('gives the city the registry total and the holders of a valid title per tier, each equal to its rows', async () => {
    const body = await figuresOf('city.admin');
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.scope).toEqual({ kind: 'city', code: null, name: '全市' });
    const values = byKey(body.figures);
    expect(Object.keys(values)).toEqual(
      expect.arrayContaining(['enterprises.total', 'titles.innovative', 'titles.srdi', 'titles.little_giant']),
    );
    expect(values['enterprises.total']).toBe(await h.count('select count(*) as n from enterprises'));
    for (const tier of ['innovative', 'srdi', 'little_giant']) expect(values[`titles.${tier}`], tier).toBe(await held(tier));
    // a: innovative and srdi held (+1 each); b: srdi ended 5 days ago (not held), little giant past its
    // validity but under 复核 (held, +1); c: innovative from 3 days on and a revoked srdi (neither).
    expect(values['titles.innovative'] - before['titles.innovative']).toBe(1);
    expect(values['titles.srdi'] - before['titles.srdi']).toBe(1);
    expect(values['titles.little_giant'] - before['titles.little_giant']).toBe(1);
    expect(body.figures.every((f) => /[\u4e00-\u9fa5]/.test(f.label))).toBe(true);
  });

  it('walks every figure of the city, a district and the city looking at that district: the rows total equals the value', async () => {
    for (const [user, url] of [
      ['city.admin', '/api/dashboard'],
      ['rongchang.admin', '/api/dashboard'],
      ['city.admin', '/api/dashboard?district=500153'],
    ] as const) {
      const { figures } = await figuresOf(user, url);
      for (const f of figures) {
        expect(f.rowsUrl.startsWith('/api/'), f.rowsUrl).toBe(true);
        const rows = await get(user, `${f.rowsUrl}${f.rowsUrl.includes('?') ? '&' : '?'}pageSize=1`);
        expect(rows.statusCode, `${user} ${f.key} ${f.rowsUrl}: ${rows.body}`).toBe(200);
        expect((rows.json() as { total: number }).total, `${user} ${url} ${f.key}`).toBe(f.value);
      }
    }
  });

  it('gives a district officer its own district only', async () => {
    const body = await figuresOf('rongchang.admin');
    expect(body.scope).toEqual({ kind: 'district', code: '500153', name: '荣昌区' });
    const values = byKey(body.figures);
    expect(values['enterprises.total']).toBe(
      await h.count("select count(*) as n from enterprises where district_code = '500153' or zone_code = '500153'"),
    );
    expect(values['titles.srdi']).toBe(await held('srdi', '500153'));
    expect(values['titles.little_giant']).toBe(await held('little_giant', '500153'));
    expect(await figuresOf('rongchang.admin', '/api/dashboard?district=500153')).toEqual(body);
  });

  it("refuses another district's cockpit, an unknown one and an enterprise user: 404, as for what is not there", async () => {
    for (const url of ['/api/dashboard?district=500112', '/api/dashboard?district=LJXQ']) {
      const res = await get('rongchang.admin', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const unknown = await get('city.admin', '/api/dashboard?district=999999');
    expect(unknown.statusCode).toBe(404);
    const enterprise = await get('demo.enterprise', '/api/dashboard');
    expect(enterprise.statusCode).toBe(404);
    expect(enterprise.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
