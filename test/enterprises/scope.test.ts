import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('roles and data scope on %s', (kind) => {
  let h: Harness;
  let cookies: Record<string, string>;
  let yubeiEnterprise: { id: string };
  let rongchangEnterprise: { id: string };
  let demoEnterpriseId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    cookies = {};
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [yubeiEnterprise] = await h.database.query<{ id: string }>("select id from enterprises where district_code = '500112' limit 1");
    [rongchangEnterprise] = await h.database.query<{ id: string }>(
      "select e.id from enterprises e where district_code = '500153' and not exists (select 1 from users u where u.enterprise_id = e.id) limit 1",
    );
    [{ id: demoEnterpriseId }] = await h.database.query<{ id: string }>(
      "select enterprise_id as id from users where username = 'demo.enterprise'",
    );
  });
  afterAll(() => h.close());

  const get = (user: string | null, url: string) => h.app.inject({ method: 'GET', url, headers: user ? { cookie: cookies[user] } : {} });

  it('shows a district officer only the enterprises of their district (or zone)', async () => {
    const mine = await get('rongchang.admin', '/api/enterprises?pageSize=200');
    expect(mine.statusCode).toBe(200);
    const expected = await h.count("select count(*) as n from enterprises where district_code = '500153' or zone_code = '500153'");
    expect(expected).toBeGreaterThan(0);
    expect(mine.json().total).toBe(expected);
    expect(mine.json().items.every((e: { districtCode: string }) => e.districtCode === '500153')).toBe(true);
    // Asking for another district through the filter still returns nothing outside the scope.
    const other = await get('rongchang.admin', '/api/enterprises?district=500112');
    expect(other.json().total).toBe(0);
  });

  it("answers 404 when a district officer opens another district's enterprise", async () => {
    const refused = await get('rongchang.admin', `/api/enterprises/${yubeiEnterprise.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('NOT_FOUND');
    expect((await get('yubei.admin', `/api/enterprises/${yubeiEnterprise.id}`)).statusCode).toBe(200);
    expect((await get('city.admin', `/api/enterprises/${yubeiEnterprise.id}`)).statusCode).toBe(200);
  });

  it('shows an enterprise user its own enterprise only', async () => {
    const list = await get('demo.enterprise', '/api/enterprises');
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].id).toBe(demoEnterpriseId);
    expect((await get('demo.enterprise', `/api/enterprises/${demoEnterpriseId}`)).statusCode).toBe(200);
    expect((await get('demo.enterprise', `/api/enterprises/${rongchangEnterprise.id}`)).statusCode).toBe(404);
  });

  it("never names another district's enterprise when its USCC is registered again; names and links one in scope", async () => {
    const [other] = await h.database.query<{ id: string; uscc: string; name: string }>(
      "select id, uscc, name from enterprises where district_code = '500112' and zone_code is null limit 1",
    );
    const [own] = await h.database.query<{ id: string; uscc: string; name: string }>(
      "select id, uscc, name from enterprises where district_code = '500153' limit 1",
    );
    const before = await h.count('select count(*) as n from enterprises');
    const payload = (uscc: string) => ({
      uscc,
      name: '重复登记测试公司',
      districtCode: '500153',
      industryCode: '35',
      establishedOn: '2010-01-01',
    });
    const create = (uscc: string) =>
      h.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie: cookies['rongchang.admin'] }, payload: payload(uscc) });
    const elsewhere = await create(other.uscc);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toEqual({
      code: 'ENTERPRISE_USCC_DUPLICATE',
      message: '该统一社会信用代码已在其他区县登记，请联系市经信委',
      details: { field: 'uscc' },
    });
    expect(elsewhere.body).not.toContain(other.name);
    expect(elsewhere.body).not.toContain(other.id);
    const inScope = await create(own.uscc);
    expect(inScope.statusCode).toBe(409);
    expect(inScope.json().message).toContain(own.name);
    expect(inScope.json().details).toEqual({ field: 'uscc', enterpriseId: own.id });
    // Changing a USCC to another district's follows the same rule.
    const [{ version }] = await h.database.query<{ version: number }>('select version from enterprises where id = $1', [own.id]);
    const patch = await h.app.inject({
      method: 'PATCH',
      url: `/api/enterprises/${own.id}`,
      headers: { cookie: cookies['rongchang.admin'] },
      payload: { version, uscc: other.uscc },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.body).not.toContain(other.name);
    expect(await h.count('select count(*) as n from enterprises')).toBe(before);
  });

  it('answers every refused or absent read with the same 404 body, whatever the kind of record', async () => {
    const absent = '7f0c8a52-3c2e-4c5e-9b7a-0d2f3e4a5b6c';
    const expected = { code: 'NOT_FOUND', message: '记录不存在或无权查看' };
    const cases: [string, 'GET' | 'PATCH' | 'POST', string, unknown?][] = [
      ['rongchang.admin', 'GET', `/api/enterprises/${yubeiEnterprise.id}`],
      ['rongchang.admin', 'GET', `/api/enterprises/${absent}`],
      ['rongchang.admin', 'PATCH', `/api/enterprises/${yubeiEnterprise.id}`, { version: 1, name: '越权' }],
      ['rongchang.admin', 'PATCH', `/api/enterprises/${absent}`, { version: 1, name: '越权' }],
      ['rongchang.admin', 'GET', `/api/evaluations/input/${yubeiEnterprise.id}`],
      ['rongchang.admin', 'GET', `/api/evaluations/input/${absent}`],
      ['rongchang.admin', 'GET', `/api/evaluations/enterprise/${yubeiEnterprise.id}`],
      ['rongchang.admin', 'GET', `/api/evaluations/enterprise/${absent}`],
      ['rongchang.admin', 'GET', `/api/evaluations/runs/${absent}`],
      ['rongchang.admin', 'POST', '/api/evaluations/runs', { enterpriseId: yubeiEnterprise.id }],
      ['rongchang.admin', 'POST', '/api/evaluations/runs', { enterpriseId: absent }],
      ['rongchang.admin', 'GET', `/api/enterprises/import-jobs/${absent}`],
      ['rongchang.admin', 'GET', '/api/evaluations/rule-sets/no-such-rules/parameters'],
      ['demo.enterprise', 'GET', `/api/enterprises/${rongchangEnterprise.id}`],
      ['demo.enterprise', 'GET', '/api/users'],
      ['city.admin', 'PATCH', `/api/users/${absent}`, { version: 1, displayName: '无此人' }],
      ['city.admin', 'PATCH', '/api/reference/clusters/ZZ99', { version: 1, name: '无此集群' }],
    ];
    for (const [user, method, url, payload] of cases) {
      const response = await h.app.inject({ method, url, headers: { cookie: cookies[user] }, payload: payload as object });
      expect([response.statusCode, response.json()], `${user} ${method} ${url}`).toEqual([404, expected]);
    }
  });

  it('shows the city administrator every enterprise', async () => {
    const all = await get('city.admin', '/api/enterprises?pageSize=1');
    expect(all.json().total).toBe(await h.count('select count(*) as n from enterprises'));
  });

  it('scopes a district officer of a functional zone to the enterprises of that zone', async () => {
    const admin = cookies['city.admin'];
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        username: 'liangjiang.admin',
        displayName: '两江新区经济运行局',
        role: 'district_admin',
        districtCode: 'LJXQ',
        password: 'Liangjiang-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    const zone = await h.login('liangjiang.admin', 'Liangjiang-2026');
    // The administrator's password is replaced at the first login before anything else works.
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: zone },
      payload: { currentPassword: 'Liangjiang-2026', newPassword: 'Liangjiang-own-2026' },
    });
    expect(changed.statusCode).toBe(200);
    const list = await h.app.inject({ method: 'GET', url: '/api/enterprises?pageSize=200', headers: { cookie: zone } });
    const inZone = await h.count("select count(*) as n from enterprises where zone_code = 'LJXQ'");
    expect(inZone).toBeGreaterThan(0);
    expect(list.json().total).toBe(inZone);
    expect(list.json().items.every((e: { zoneCode: string }) => e.zoneCode === 'LJXQ')).toBe(true);
  });

  it('refuses user management and the audit log to everyone but the city administrator (read 404, write 403)', async () => {
    for (const user of ['rongchang.admin', 'demo.enterprise']) {
      expect((await get(user, '/api/users')).statusCode).toBe(404);
      expect((await get(user, '/api/audit')).statusCode).toBe(404);
      const write = await h.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: cookies[user] },
        payload: { username: 'sneaky.user', displayName: '越权', role: 'city_admin', password: 'Sneaky-pass-2026' },
      });
      expect(write.statusCode).toBe(403);
      expect(write.json().code).toBe('FORBIDDEN');
    }
    expect(await h.count("select count(*) as n from users where username = 'sneaky.user'")).toBe(0);
    expect((await get('city.admin', '/api/users')).statusCode).toBe(200);
    expect((await get('city.admin', '/api/audit')).statusCode).toBe(200);
  });

  it('answers 401 to anonymous reads of data', async () => {
    for (const url of [
      '/api/enterprises',
      `/api/enterprises/${yubeiEnterprise.id}`,
      '/api/users',
      '/api/audit',
      '/api/reference/districts',
    ]) {
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
  });

  it('lets only the city administrator edit the cluster reference table', async () => {
    const [cluster] = await h.database.query<{ code: string; version: number }>("select code, version from clusters where code = 'F01'");
    const refused = await h.app.inject({
      method: 'PATCH',
      url: `/api/reference/clusters/${cluster.code}`,
      headers: { cookie: cookies['rongchang.admin'] },
      payload: { version: cluster.version, name: '越权修改' },
    });
    expect(refused.statusCode).toBe(403);
    const done = await h.app.inject({
      method: 'PATCH',
      url: `/api/reference/clusters/${cluster.code}`,
      headers: { cookie: cookies['city.admin'] },
      payload: { version: cluster.version, note: '已核实：2023 行动方案' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ note: '已核实：2023 行动方案', version: cluster.version + 1 });
    expect(await h.count("select count(*) as n from audit_log where action = 'cluster.update' and entity_id = 'F01'")).toBe(1);
    const stale = await h.app.inject({
      method: 'PATCH',
      url: `/api/reference/clusters/${cluster.code}`,
      headers: { cookie: cookies['city.admin'] },
      payload: { version: cluster.version, note: '旧版本上的修改' },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe.each(DATABASE_KINDS)('cross-site requests on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('refuses a mutating request from a foreign Origin and writes nothing', async () => {
    const admin = await h.login('city.admin');
    const before = await h.count('select count(*) as n from users');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin, origin: 'https://evil.example', host: 'zjtx.example' },
      payload: { username: 'csrf.victim', displayName: '跨站', role: 'city_admin', password: 'Csrf-pass-2026' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ORIGIN_FORBIDDEN', message: '拒绝来自其他站点的请求' });
    expect(await h.count('select count(*) as n from users')).toBe(before);
  });

  it('refuses a cross-site login and logout too', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://attacker.test', host: '127.0.0.1:3000' },
      payload: { username: 'city.admin', password: 'Zjtx-demo-2026' },
    });
    expect(login.statusCode).toBe(403);
    const fetchSite = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.statusCode).toBe(403);
  });

  it('accepts the same origin, and reads from anywhere', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      payload: { username: 'city.admin', password: 'Zjtx-demo-2026' },
    });
    expect(login.statusCode).toBe(200);
    const health = await h.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(health.statusCode).toBe(200);
  });
});
