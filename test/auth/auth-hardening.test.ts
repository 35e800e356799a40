import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const attempt = (app: FastifyInstance, username: string, password: string, ip = '10.1.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });

/** Status and body with the lock's moment taken out: the only thing that may differ between two names. */
function shape(response: LightMyRequestResponse) {
  const body = response.json();
  return {
    status: response.statusCode,
    code: body.code,
    message: String(body.message).replace(/\d+\/\d+ \d\d:\d\d/, 'TIME'),
    details: { ...body.details, lockedUntil: body.details?.lockedUntil ? 'TIME' : undefined },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.each(DATABASE_KINDS)('lockout that tells nothing on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('answers an unknown name exactly like a real account with a wrong password, through to the lock', async () => {
    const real: ReturnType<typeof shape>[] = [];
    const unknown: ReturnType<typeof shape>[] = [];
    for (let i = 1; i <= 7; i++) {
      real.push(shape(await attempt(h.app, 'city.admin', `Wrong-pass-${i}`, '10.1.0.1')));
      unknown.push(shape(await attempt(h.app, 'no.such.admin', `Wrong-pass-${i}`, '10.1.0.1')));
    }
    expect(unknown).toEqual(real);
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(real.slice(0, 4).map((r) => r.message)).toEqual([
      '用户名或密码错误，还可尝试 4 次',
      '用户名或密码错误，还可尝试 3 次',
      '用户名或密码错误，还可尝试 2 次',
      '用户名或密码错误，还可尝试 1 次',
    ]);
    expect(real[0].details).toMatchObject({ remainingAttempts: 4 });
    expect(real[4]).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED' });
    expect(real[4].message).toMatch(/已锁定 15 分钟/);
  });

  it('does the same work for both: one counter row per address and one audit row per failure', async () => {
    const rows = (name: string) =>
      Promise.all([
        h.count('select count(*) as n from login_attempts where username = $1', [name]),
        h.count("select count(*) as n from audit_log where after->>'username' = $1", [name]),
      ]);
    await attempt(h.app, 'rongchang.admin', 'Wrong-pass-1', '10.1.0.9');
    await attempt(h.app, 'rongchang.nobody', 'Wrong-pass-1', '10.1.0.9');
    expect(await rows('rongchang.nobody')).toEqual(await rows('rongchang.admin'));
    expect(await rows('rongchang.admin')).toEqual([2, 1]);
  });

  it('takes as long for an unknown name as for a wrong password (a dummy hash is verified), and as little when locked', async () => {
    const time = async (username: string, ip: string) => {
      const started = performance.now();
      await attempt(h.app, username, 'Wrong-pass-x', ip);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternating, so that a slow moment of the machine hits both alike; 4 per address stays below the lock.
    for (let i = 0; i < 8; i++) {
      known.push(await time('city.admin', `10.2.0.${Math.floor(i / 4)}`));
      unknown.push(await time('city.nobody', `10.2.0.${Math.floor(i / 4)}`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('locks one address only: the owner logs in from another address', async () => {
    for (let i = 0; i < 5; i++) await attempt(h.app, 'rongchang.admin', `Wrong-pass-${i}`, '10.3.0.1');
    expect((await attempt(h.app, 'rongchang.admin', DEMO_PASSWORD, '10.3.0.1')).statusCode).toBe(423);
    const elsewhere = await attempt(h.app, 'rongchang.admin', DEMO_PASSWORD, '10.3.0.2');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('locks the account everywhere after 50 failures from anywhere in 15 minutes, and tells its owner at the next login', async () => {
    // Ten addresses, five failures each: no single address is enough.
    const answers: number[] = [];
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 5; i++) answers.push((await attempt(h.app, 'yubei.admin', `Wrong-pass-${i}`, `10.4.${a}.1`)).statusCode);
    }
    expect(answers.filter((s) => s === 401)).toHaveLength(40);
    const last = await attempt(h.app, 'yubei.admin', 'Wrong-pass-z', '10.4.99.1');
    expect(last.statusCode).toBe(423);
    expect(last.json().message).toMatch(/该账号 15 分钟内失败登录过多，已临时锁定/);
    // An unknown name hammered the same way answers the same.
    for (let a = 0; a < 10; a++) for (let i = 0; i < 5; i++) await attempt(h.app, 'yubei.nobody2', `Wrong-pass-${i}`, `10.5.${a}.1`);
    expect(shape(await attempt(h.app, 'yubei.nobody2', 'Wrong-pass-z', '10.5.99.1'))).toEqual(shape(last));

    const right = await attempt(h.app, 'yubei.admin', DEMO_PASSWORD, '10.4.200.1');
    expect(right.statusCode).toBe(423);
    const [lock] = await h.database.query<{ entity_id: string | null; after: { lock: string } }>(
      "select entity_id, after from audit_log where action = 'auth.locked' and after->>'username' = 'yubei.admin' and after->>'lock' = 'account'",
    );
    expect(lock.entity_id).not.toBeNull();

    // After the 15 minutes the owner logs in and is told.
    await h.database.query(
      "update login_attempts set locked_until = now() - interval '1 second', window_started_at = now() - interval '16 minutes' where username = 'yubei.admin'",
    );
    const back = await attempt(h.app, 'yubei.admin', DEMO_PASSWORD, '10.4.200.1');
    expect(back.statusCode).toBe(200);
    expect(back.json().securityNotice).toMatch(/期间有 50 次失败登录，并因此被临时锁定/);
    // Told once: the next login has nothing new to report.
    const again = await attempt(h.app, 'yubei.admin', DEMO_PASSWORD, '10.4.200.1');
    expect(again.json().securityNotice).toBeNull();
  });

  it('shares the lock between two processes on one database', async () => {
    const second = await h.restartApp();
    for (let i = 0; i < 3; i++) expect((await attempt(h.app, 'demo.enterprise', `Wrong-${i}`, '10.6.0.1')).statusCode).toBe(401);
    const fourth = await attempt(second, 'demo.enterprise', 'Wrong-3', '10.6.0.1');
    expect(fourth.json().message).toBe('用户名或密码错误，还可尝试 1 次');
    expect((await attempt(second, 'demo.enterprise', 'Wrong-4', '10.6.0.1')).statusCode).toBe(423);
    expect((await attempt(h.app, 'demo.enterprise', DEMO_PASSWORD, '10.6.0.1')).statusCode).toBe(423);
  });

  it('unlocks everywhere when an administrator resets the password', async () => {
    for (let i = 0; i < 5; i++) await attempt(h.app, 'demo.enterprise', `Wrong-${i}`, '10.7.0.1');
    const admin = await h.login('city.admin');
    const [user] = await h.database.query<{ id: string }>("select id from users where username = 'demo.enterprise'");
    const reset = await h.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: { cookie: admin },
      payload: { password: 'Reset-by-admin-2026' },
    });
    expect(reset.statusCode).toBe(200);
    expect(await h.count("select count(*) as n from login_attempts where username = 'demo.enterprise'")).toBe(0);
    expect((await attempt(h.app, 'demo.enterprise', 'Reset-by-admin-2026', '10.7.0.1')).statusCode).toBe(200);
  });
});

describe('login rate limit shared by processes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => h.close());

  it('counts the requests of one address on every app instance of the database', async () => {
    const second = await h.restartApp();
    expect((await attempt(h.app, 'x.y', 'z', '10.8.0.1')).statusCode).toBe(401);
    expect((await attempt(second, 'x.y', 'z', '10.8.0.1')).statusCode).toBe(401);
    expect((await attempt(h.app, 'x.y', 'z', '10.8.0.1')).statusCode).toBe(401);
    const limited = await attempt(second, 'x.y', 'z', '10.8.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await attempt(second, 'x.y', 'z', '10.8.0.2')).statusCode).toBe(401);
  });
});

describe.each(DATABASE_KINDS)('password changes on %s', (kind) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.login('city.admin');
  });
  afterAll(() => h.close());

  const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
  const sessionCookie = (response: LightMyRequestResponse) => {
    const cookie = response.cookies.find((c) => c.name === 'zjtx_session');
    if (!cookie) throw new Error('no session cookie');
    return `zjtx_session=${cookie.value}`;
  };

  it('makes a user whose password an administrator chose change it before anything else', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        username: 'fuling.admin',
        displayName: '涪陵区经信委',
        role: 'district_admin',
        districtCode: '500102',
        password: 'Fuling-start-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    const login = await attempt(h.app, 'fuling.admin', 'Fuling-start-2026');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ mustChangePassword: true, user: { username: 'fuling.admin' } });
    expect(login.json().expiresAt).toEqual(expect.any(String));
    const cookie = sessionCookie(login);

    const refused = await h.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码后再继续使用' });
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ mustChangePassword: true });

    const wrong = await changePassword(cookie, 'Not-the-current-1', 'Fuling-mine-2026');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'AUTH_CURRENT_PASSWORD_WRONG',
      message: '当前密码不正确，还可尝试 4 次',
      details: { field: 'currentPassword' },
    });
    const weak = await changePassword(cookie, 'Fuling-start-2026', 'Password123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword', rule: 'common' } });
    const same = await changePassword(cookie, 'Fuling-start-2026', 'Fuling-start-2026');
    expect(same.json()).toMatchObject({ code: 'PASSWORD_UNCHANGED', details: { field: 'newPassword' } });

    const changed = await changePassword(cookie, 'Fuling-start-2026', 'Fuling-mine-2026');
    expect(changed.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie } })).statusCode).toBe(200);
    const next = await attempt(h.app, 'fuling.admin', 'Fuling-mine-2026');
    expect(next.json().mustChangePassword).toBe(false);
    expect(await h.count("select count(*) as n from audit_log where action = 'user.change_password'")).toBe(1);
    expect(JSON.stringify(await h.database.query("select after from audit_log where action = 'user.change_password'"))).not.toContain(
      'Fuling',
    );

    // An administrator's reset makes it the administrator's password again.
    const [user] = await h.database.query<{ id: string }>("select id from users where username = 'fuling.admin'");
    await h.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: { cookie: admin },
      payload: { password: 'Fuling-reset-2026' },
    });
    expect((await attempt(h.app, 'fuling.admin', 'Fuling-reset-2026')).json().mustChangePassword).toBe(true);
  });

  it('refuses every route but password, me and logout until the change', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        username: 'wulong.admin',
        displayName: '武隆区经信委',
        role: 'district_admin',
        districtCode: '500156',
        password: 'Wulong-start-2026',
      },
    });
    const cookie = sessionCookie(await attempt(h.app, 'wulong.admin', 'Wulong-start-2026'));
    const spec = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const open = new Set(['POST /api/auth/password', 'GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/login']);
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (open.has(route) || !path.startsWith('/api/')) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await h.app.inject({ method: method.toUpperCase() as 'GET', url, headers: { cookie } });
        expect({ route, status: response.statusCode, code: response.json().code }).toEqual({
          route,
          status: 403,
          code: 'PASSWORD_CHANGE_REQUIRED',
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
  });

  it('lets every user change their own password, ending their other sessions', async () => {
    const first = await h.login('rongchang.admin');
    const second = await h.login('rongchang.admin');
    expect((await changePassword(second, DEMO_PASSWORD, 'Rongchang-mine-2026')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(200);
    expect((await attempt(h.app, 'rongchang.admin', DEMO_PASSWORD, '10.9.0.1')).statusCode).toBe(401);
    expect((await attempt(h.app, 'rongchang.admin', 'Rongchang-mine-2026', '10.9.0.1')).statusCode).toBe(200);
    // The password must not contain the username.
    const own = await changePassword(second, 'Rongchang-mine-2026', 'My-rongchang.admin-1');
    expect(own.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message: '密码不能包含用户名' });
  });

  it('keeps the demo accounts exempt in demo mode', async () => {
    const demo = await attempt(h.app, 'demo.enterprise', DEMO_PASSWORD, '10.9.1.1');
    expect(demo.json().mustChangePassword).toBe(false);
  });
});

describe('outside demo mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { demoMode: false });
  });
  afterAll(() => h.close());

  it('makes the demo accounts change the published password, and refuses it as a new one', async () => {
    const login = await attempt(h.app, 'city.admin', DEMO_PASSWORD);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = `zjtx_session=${login.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    expect((await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Zjtx-Demo-2026' },
    });
    expect(again.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword', rule: 'common' } });
    const own = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Chongqing-city-admin-own' },
    });
    expect(own.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
  });
});
