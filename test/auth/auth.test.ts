import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('login, sessions and lockout on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const login = (username: string, password: string, app = h.app) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const me = (cookie: string, app = h.app) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('logs in each demo account and sets an httpOnly SameSite session cookie', async () => {
    for (const [username, role, district] of [
      ['city.admin', 'city_admin', null],
      ['rongchang.admin', 'district_admin', '500153'],
      ['yubei.admin', 'district_admin', '500112'],
      ['demo.enterprise', 'enterprise', null],
    ] as const) {
      const response = await login(username, DEMO_PASSWORD);
      expect(response.statusCode, username).toBe(200);
      expect(response.json().user).toMatchObject({ username, role, districtCode: district });
      const header = String(response.headers['set-cookie']);
      expect(header).toMatch(/zjtx_session=/);
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Lax/i);
    }
  });

  it('accepts the username in any case', async () => {
    expect((await login('RongChang.Admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers me with the actor, and 401 without a session', async () => {
    const cookie = await h.login('rongchang.admin');
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ districtName: '荣昌区', roleLabel: '区县经信委' });
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' });
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await login('yubei.admin', 'Wrong-password-1');
    const unknown = await login('nobody.here', 'Wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误，还可尝试 4 次' });
    // The failed attempt is counted for the name and the address, and the address's count ends with a good login.
    const failures = () =>
      h.count("select coalesce(sum(failures), 0) as n from login_attempts where username = 'yubei.admin' and ip <> '*'");
    expect(await failures()).toBe(1);
    await h.login('yubei.admin');
    expect(await failures()).toBe(0);
  });

  it('locks a name for an address for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('demo.enterprise', `Wrong-pass-${i}`)).statusCode).toBe(401);
    const fifth = await login('demo.enterprise', 'Wrong-pass-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(fifth.json().message).toMatch(/已锁定 15 分钟/);
    const right = await login('demo.enterprise', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    const minutes = await h.count(
      "select round(extract(epoch from locked_until - now()) / 60) as n from login_attempts where username = 'demo.enterprise' and ip <> '*'",
    );
    expect(minutes).toBeGreaterThanOrEqual(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await h.count("select count(*) as n from audit_log where action = 'auth.locked'")).toBe(1);
    // Once the 15 minutes have passed, the right password works again.
    await h.database.query(
      "update login_attempts set locked_until = now() - interval '1 second', window_started_at = now() - interval '16 minutes' where username = 'demo.enterprise'",
    );
    expect((await login('demo.enterprise', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ends the session at logout', async () => {
    const cookie = await h.login('city.admin');
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/zjtx_session=;/);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const cookie = await h.login('yubei.admin');
    await h.database.query(
      "update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'yubei.admin')",
    );
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses a made-up token', async () => {
    expect((await me('zjtx_session=not-a-real-token')).statusCode).toBe(401);
  });

  it('keeps sessions across a restart and shares them between processes (stored in the database)', async () => {
    const cookie = await h.login('rongchang.admin');
    const second = await h.restartApp();
    expect((await me(cookie, second)).statusCode).toBe(200);
  });

  it('slides the expiry forward on use but never past the maximum session length', async () => {
    const cookie = await h.login('city.admin');
    // Make the newest session old: 5 minutes short of the maximum, idle for 10 minutes.
    await h.database.query(
      `update sessions set last_seen_at = now() - interval '10 minutes', created_at = now() - interval '${h.config.sessionMaxHours} hours' + interval '5 minutes', expires_at = now() + interval '1 minute'
       where created_at = (select max(created_at) from sessions)`,
    );
    expect((await me(cookie)).statusCode).toBe(200);
    const minutesLeft = await h.count(
      "select round(extract(epoch from expires_at - now()) / 60) as n from sessions where created_at < now() - interval '1 hour' and last_seen_at > now() - interval '1 minute'",
    );
    expect(minutesLeft).toBeGreaterThanOrEqual(4);
    expect(minutesLeft).toBeLessThanOrEqual(5);
  });

  it('refuses a disabled account at login and ends its sessions', async () => {
    const admin = await h.login('city.admin');
    const cookie = await h.login('yubei.admin');
    const [user] = await h.database.query<{ id: string; version: number }>("select id, version from users where username = 'yubei.admin'");
    const disabled = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { version: user.version, disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const again = await login('yubei.admin', DEMO_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});

describe('login rate limit per IP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => h.close());

  it('answers 429 in Chinese after the limit, per IP', async () => {
    const attempt = (ip: string) =>
      h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'x.y', password: 'z' } });
    for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).toBe(401);
    const limited = await attempt('10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    expect((await attempt('10.0.0.2')).statusCode).toBe(401);
  });
});
