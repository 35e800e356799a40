import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// Where the outbox reaches a user: e-mail and mobile, kept by the city administrator on the users page.
describe.each(DATABASE_KINDS)('users’ e-mail and mobile on %s', (kind) => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.login('city.admin');
  });
  afterAll(() => h.close());

  const call = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: admin }, payload });

  it('creates a user with an e-mail and a mobile, shows them, and an empty field clears one', async () => {
    const created = await call('POST', '/api/users', {
      username: 'jiangbei.admin',
      displayName: '江北区经信委',
      role: 'district_admin',
      districtCode: '500105',
      password: 'Jiangbei-pass-2026',
      email: 'jiangbei@example.cn',
      mobile: '13800138000',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email: 'jiangbei@example.cn', mobile: '13800138000' });
    const listed = (await call('GET', '/api/users?q=jiangbei')).json().items[0];
    expect(listed).toMatchObject({ email: 'jiangbei@example.cn', mobile: '13800138000' });

    const updated = await call('PATCH', `/api/users/${user.id}`, { version: user.version, email: '', mobile: '13900139000' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ email: null, mobile: '13900139000' });
    expect(
      await h.count("select count(*) as n from users where username = 'jiangbei.admin' and email is null and mobile = '13900139000'"),
    ).toBe(1);
  });

  it('refuses a malformed e-mail or mobile with the field and a Chinese message, and changes nothing', async () => {
    const [{ id, version }] = await h.database.query<{ id: string; version: number }>(
      "select id, version from users where username = 'yubei.admin'",
    );
    for (const [body, field, message] of [
      [{ email: 'not-an-address' }, 'email', '电子邮箱格式不正确'],
      [{ mobile: '12345' }, 'mobile', '手机号码应为 1 开头的 11 位数字'],
    ] as const) {
      const r = await call('PATCH', `/api/users/${id}`, { version, ...body });
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json())).toContain(message);
      expect(JSON.stringify(r.json())).toContain(field);
    }
    expect(await h.count("select count(*) as n from users where username = 'yubei.admin' and email is null and mobile is null")).toBe(1);
  });
});
