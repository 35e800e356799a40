import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let counts: () => Promise<number[]>;
  let before: number[];

  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.login('city.admin');
    counts = async () => [await h.count('select count(*) as n from users'), await h.count('select count(*) as n from audit_log')];
  });
  beforeEach(async () => {
    before = await counts();
  });
  afterAll(() => h.close());

  const createUser = (payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin, ...headers }, payload: payload as string });
  const valid = { username: 'new.officer', displayName: '新用户', role: 'city_admin', password: 'Valid-pass-2026' };

  async function expectRefused(response: Awaited<ReturnType<typeof createUser>>, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    const body = response.json();
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await counts()).toEqual(before);
    return body;
  }

  it('refuses an empty body', async () => {
    await expectRefused(await createUser('', { 'content-type': 'application/json' }), 400, 'BODY_EMPTY');
  });

  it('refuses a body that is not JSON', async () => {
    await expectRefused(await createUser('{"username":', { 'content-type': 'application/json' }), 400, 'INVALID_JSON');
  });

  it('refuses a huge body', async () => {
    const huge = { ...valid, displayName: 'x'.repeat(2 * 1024 * 1024) };
    await expectRefused(await createUser(JSON.stringify(huge), { 'content-type': 'application/json' }), 413, 'BODY_TOO_LARGE');
  });

  it('refuses wrong types and names the field', async () => {
    const body = await expectRefused(await createUser({ ...valid, displayName: 42 }), 400, 'VALIDATION_FAILED');
    expect(body.details.fields[0].field).toBe('displayName');
    expect(body.message).toContain('displayName');
  });

  it('refuses unknown fields and names them', async () => {
    const body = await expectRefused(await createUser({ ...valid, isSuperuser: true }), 400, 'VALIDATION_FAILED');
    expect(body.details.fields[0].field).toBe('isSuperuser');
  });

  it('refuses a missing field', async () => {
    const { role: _role, ...withoutRole } = valid;
    const body = await expectRefused(await createUser(withoutRole), 400, 'VALIDATION_FAILED');
    expect(body.details.fields[0].field).toBe('role');
  });

  it('refuses overlong strings', async () => {
    const body = await expectRefused(await createUser({ ...valid, displayName: '长'.repeat(51) }), 400, 'VALIDATION_FAILED');
    expect(body.details.fields[0].message).toBe('不能超过 50 个字符');
  });

  it('refuses control characters such as NUL', async () => {
    await expectRefused(await createUser({ ...valid, displayName: 'a\u0000b' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"username":"bad.utf","displayName":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('","role":"city_admin","password":"Valid-pass-2026"}'),
    ]);
    await expectRefused(await createUser(bytes as never, { 'content-type': 'application/json' }), 400, 'INVALID_UTF8');
  });

  it('refuses another content type', async () => {
    await expectRefused(
      await createUser('username=a', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses a weak password', async () => {
    await expectRefused(await createUser({ ...valid, password: 'short' }), 400, 'PASSWORD_TOO_WEAK');
  });

  it('refuses an unknown district and a missing binding', async () => {
    await expectRefused(await createUser({ ...valid, role: 'district_admin', districtCode: '梁平县' }), 400, 'DISTRICT_UNKNOWN');
    await expectRefused(await createUser({ ...valid, role: 'district_admin' }), 400, 'USER_BINDING_REQUIRED');
    await expectRefused(
      await createUser({ ...valid, role: 'enterprise', enterpriseId: '00000000-0000-4000-8000-000000000000' }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses malformed ids and paging', async () => {
    const badId = await h.app.inject({ method: 'GET', url: "/api/enterprises/1' OR '1'='1", headers: { cookie: admin } });
    expect(badId.statusCode).toBe(400);
    const badPage = await h.app.inject({ method: 'GET', url: '/api/users?page=0&pageSize=100000', headers: { cookie: admin } });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().details.part).toBe('querystring');
  });

  it.each([
    ['from=0000-01-01', 'from'],
    ['to=%2B275760-09-13T00:00:00.000Z', 'to'],
    ['from=9999-12-31', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=yesterday', 'from'],
    ['from=1e309', 'from'],
  ])('refuses the audit time filter %s with 400 naming the field', async (query, field) => {
    const response = await h.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part: 'querystring', fields: [{ field }] } });
    expect(response.json().message).toContain(field);
  });

  it('reads audit time filters as dates in Asia/Shanghai or times with an offset', async () => {
    for (const query of ['from=2026-01-01', 'from=2026-01-01T00:00:00%2B08:00&to=2026-12-31T16:00:00.000Z']) {
      const response = await h.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: { cookie: admin } });
      expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    }
  });

  it.each(['0000-01-01', '0001-01-01', '1899-12-31', '+275760-09-13'])(
    'refuses the founding date %s on create and edit with 400 naming establishedOn',
    async (establishedOn) => {
      const [{ id, version }] = await h.database.query<{ id: string; version: number }>('select id, version from enterprises limit 1');
      const create = await h.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: { cookie: admin },
        payload: { uscc: makeUscc('500153', 'MA7DATE1'), name: '日期测试公司', districtCode: '500153', industryCode: '35', establishedOn },
      });
      const patch = await h.app.inject({
        method: 'PATCH',
        url: `/api/enterprises/${id}`,
        headers: { cookie: admin },
        payload: { version, establishedOn },
      });
      for (const response of [create, patch]) {
        expect(response.statusCode, response.body).toBe(400);
        const body = response.json();
        expect(body.details.field ?? body.details.fields[0].field).toBe('establishedOn');
      }
      expect(await counts()).toEqual(before);
    },
  );

  it.each([
    ['/api/enterprises/%C3%28', 400, 'BAD_URL'],
    ['/api/enterprises/%ED%A0%80', 400, 'BAD_URL'],
    [`/api/enterprises/import-jobs/${'x'.repeat(250)}/commit`, 414, 'URL_TOO_LONG'],
  ])('answers the malformed address %s in Chinese with its own code', async (url, status, code) => {
    const response = await h.app.inject({ method: url.endsWith('/commit') ? 'POST' : 'GET', url, headers: { cookie: admin } });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['GET', '/api/users?districtCode=a%00b', 'querystring', 'districtCode'],
    ['GET', '/api/evaluations/pool?tier=srdi&district=%00', 'querystring', 'district'],
    ['GET', '/api/enterprises/export?district=a%00b', 'querystring', 'district'],
    ['GET', '/api/audit?entityType=%00', 'querystring', 'entityType'],
    ['PATCH', '/api/reference/clusters/F%00', 'params', 'code'],
  ])('refuses a control character in %s %s with 400 naming the field', async (method, url, part, field) => {
    const response = await h.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: admin },
      ...(method === 'PATCH' ? { payload: { version: 1, name: 'x' } } : {}),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { part, fields: [{ field }] } });
  });

  it('refuses a control character anywhere in a JSON body, keys included, naming the field', async () => {
    const nested = await createUser({ ...valid, organization: 'a\u0001b' });
    expect((await expectRefused(nested, 400, 'VALIDATION_FAILED')).details.fields[0].field).toBe('organization');
    const deep = JSON.stringify({ values: { 'bad\u0000key': 1 } });
    const impact = await h.app.inject({
      method: 'POST',
      url: '/api/evaluations/rule-sets/srdi-2022/impact',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(impact.statusCode).toBe(400);
    expect(impact.json().details.fields[0].field).toBe('values.bad\u0000key');
  });

  it('refuses a rule-set parameter too large to compute with, on the impact preview and on publication', async () => {
    const versions = () => h.count('select count(*) as n from rule_set_versions');
    const published = await versions();
    for (const url of ['/api/evaluations/rule-sets/srdi-2026/impact', '/api/evaluations/rule-sets/srdi-2026/versions']) {
      const response = await h.app.inject({
        method: 'POST',
        url,
        headers: { cookie: admin },
        payload: { values: { minMainShare: 1e308 }, ...(url.endsWith('versions') ? { note: '越界测试' } : {}) },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'PARAMETER_INVALID', details: { field: 'minMainShare' } });
    }
    expect(await versions()).toBe(published);
  });

  it.each(['/api/evaluations/runs', '/api/evaluations/preview'])(
    'refuses the assessment date 0000-01-01 on %s naming the field',
    async (url) => {
      const response = await h.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { assessmentDate: '0000-01-01' } });
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json();
      expect(body.details.field ?? body.details.fields[0].field).toBe('assessmentDate');
    },
  );

  it('stores SQL-looking strings as plain text and searches them safely', async () => {
    const sqlish = "Robert'); DROP TABLE users;--";
    const created = await createUser({ ...valid, username: 'bobby.tables', displayName: sqlish });
    expect(created.statusCode).toBe(201);
    expect(created.json().displayName).toBe(sqlish);
    const found = await h.app.inject({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent("'); DROP TABLE users;--")}`,
      headers: { cookie: admin },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((u: { username: string }) => u.username)).toEqual(['bobby.tables']);
    const wildcard = await h.app.inject({ method: 'GET', url: '/api/enterprises?q=%25', headers: { cookie: admin } });
    expect(wildcard.json().total).toBe(0);
    expect(await h.count('select count(*) as n from users')).toBe(before[0] + 1);
  });
});
