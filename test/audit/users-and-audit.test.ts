import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../support/evaluation.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('user management and audit log on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await h.login('city.admin');
    [{ id: adminId }] = await h.database.query<{ id: string }>("select id from users where username = 'city.admin'");
  });
  afterAll(() => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: admin }, payload: payload as object });

  it('creates an officer, writes the audit row in the same transaction, and the officer can log in', async () => {
    const created = await call('POST', '/api/users', {
      username: 'Dazu.Admin',
      displayName: '大足区经信委',
      role: 'district_admin',
      districtCode: '500111',
      password: 'Dazu-pass-2026',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ username: 'dazu.admin', role: 'district_admin', districtCode: '500111', disabled: false, version: 1 });
    expect(user).not.toHaveProperty('passwordHash');
    const [audit] = await h.database.query<{ actor_id: string; after: { username: string } }>(
      "select actor_id, after from audit_log where action = 'user.create' and entity_id = $1",
      [user.id],
    );
    expect(audit.actor_id).toBe(adminId);
    expect(audit.after.username).toBe('dazu.admin');
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
    await h.login('dazu.admin', 'Dazu-pass-2026');
  });

  it('refuses a duplicate username with a clear message', async () => {
    const again = await call('POST', '/api/users', {
      username: 'CITY.ADMIN',
      displayName: '重复',
      role: 'city_admin',
      password: 'Dup-pass-2026',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'USERNAME_TAKEN', details: { field: 'username' } });
  });

  it('binds an enterprise user to an enterprise and an outside role to its organisation', async () => {
    const [enterprise] = await h.database.query<{ id: string }>('select id from enterprises limit 1');
    const ent = await call('POST', '/api/users', {
      username: 'ent.user',
      displayName: '填报员',
      role: 'enterprise',
      enterpriseId: enterprise.id,
      password: 'Ent-pass-2026',
    });
    expect(ent.statusCode).toBe(201);
    expect(ent.json().enterpriseId).toBe(enterprise.id);
    const bank = await call('POST', '/api/users', {
      username: 'bank.user',
      displayName: '客户经理',
      role: 'bank',
      organization: '重庆银行',
      password: 'Bank-pass-2026',
    });
    expect(bank.json()).toMatchObject({ organization: '重庆银行', districtCode: null, enterpriseId: null });
  });

  it('changes role and binding with a version check: a stale edit gets 409 and changes nothing', async () => {
    const [user] = await h.database.query<{ id: string; version: number }>("select id, version from users where username = 'dazu.admin'");
    const first = await call('PATCH', `/api/users/${user.id}`, {
      version: user.version,
      districtCode: '500118',
      displayName: '永川区经信委',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ districtCode: '500118', version: user.version + 1 });
    const stale = await call('PATCH', `/api/users/${user.id}`, { version: user.version, displayName: '覆盖他人修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(stale.json().message).toMatch(/已被他人修改/);
    const [after] = await h.database.query<{ display_name: string }>('select display_name from users where id = $1', [user.id]);
    expect(after.display_name).toBe('永川区经信委');
  });

  it('ends the sessions of a user whose role or binding changes', async () => {
    const cookie = await h.login('rongchang.admin');
    const [user] = await h.database.query<{ id: string; version: number }>(
      "select id, version from users where username = 'rongchang.admin'",
    );
    const moved = await call('PATCH', `/api/users/${user.id}`, { version: user.version, districtCode: '500112' });
    expect(moved.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    await call('PATCH', `/api/users/${user.id}`, { version: user.version + 1, districtCode: '500153' });
  });

  it('refuses to let the administrator disable or demote themself', async () => {
    const [me] = await h.database.query<{ version: number }>('select version from users where id = $1', [adminId]);
    const disable = await call('PATCH', `/api/users/${adminId}`, { version: me.version, disabled: true });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().code).toBe('USER_SELF_LOCKOUT');
    const demote = await call('PATCH', `/api/users/${adminId}`, { version: me.version, role: 'expert', organization: 'x' });
    expect(demote.json().code).toBe('USER_SELF_LOCKOUT');
  });

  it('resets a password: unlocks the account, ends its sessions, is audited without the password', async () => {
    const old = await h.login('yubei.admin');
    // Locked everywhere (the account-wide counter of the login attempts).
    await h.database.query(
      "insert into login_attempts (username, ip, failures, window_started_at, locked_until) values ('yubei.admin', '*', 50, now(), now() + interval '15 minutes')",
    );
    const [user] = await h.database.query<{ id: string }>("select id from users where username = 'yubei.admin'");
    const reset = await call('POST', `/api/users/${user.id}/reset-password`, { password: 'Brand-new-2026' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().lockedUntil).toBeNull();
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(401);
    await h.login('yubei.admin', 'Brand-new-2026');
    const rows = await h.database.query<{ after: unknown }>(
      "select after from audit_log where action = 'user.reset_password' and entity_id = $1",
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Brand-new-2026');
  });

  it('lists and filters users', async () => {
    const districtAdmins = await call('GET', '/api/users?role=district_admin&pageSize=100');
    expect(districtAdmins.json().items.every((u: { role: string }) => u.role === 'district_admin')).toBe(true);
    const search = await call('GET', '/api/users?q=%E8%8D%A3%E6%98%8C');
    expect(search.json().items.map((u: { username: string }) => u.username)).toEqual(['rongchang.admin']);
    expect(search.json().items[0].districtName).toBe('荣昌区');
  });

  it('filters the audit log by actor, entity, action and time', async () => {
    const [user] = await h.database.query<{ id: string }>("select id from users where username = 'dazu.admin'");
    const byEntity = await call('GET', `/api/audit?entityType=user&entityId=${user.id}`);
    expect(byEntity.statusCode).toBe(200);
    const actions = byEntity.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'auth.login']));
    const byActor = await call('GET', `/api/audit?actor=${adminId}&action=user`);
    expect(byActor.json().total).toBeGreaterThanOrEqual(3);
    expect(
      byActor.json().items.every((e: { actorId: string; action: string }) => e.actorId === adminId && e.action.startsWith('user.')),
    ).toBe(true);
    const byName = await call('GET', `/api/audit?actor=${encodeURIComponent('市经信委管理员')}&action=user.create`);
    expect(byName.json().items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    const future = await call('GET', `/api/audit?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`);
    expect(future.json().total).toBe(0);
    const backwards = await call('GET', '/api/audit?from=2026-02-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().code).toBe('DATE_RANGE_INVALID');
  });

  it('answers in Chinese: action and record names, the enterprise by name, changed fields with units in 万元', async () => {
    const [e] = await h.database.query<{ id: string; name: string; version: number }>(
      "select e.id, e.name, e.version from enterprises e join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'",
    );
    const patched = await call('PATCH', `/api/enterprises/${e.id}`, { version: e.version, registeredCapital: 15_000_000 });
    expect(patched.statusCode, patched.body).toBe(200);
    const again = await call('PATCH', `/api/enterprises/${e.id}`, { version: patched.json().version, registeredCapital: 20_000_000 });
    expect(again.statusCode, again.body).toBe(200);
    await runEvaluation(h, admin, { enterpriseId: e.id });
    const published = await call('POST', '/api/evaluations/rule-sets/srdi-2022/versions', { values: { passScore: 65 }, note: '测试修正' });
    expect(published.statusCode, published.body).toBe(201);

    // Filtered by a part of the enterprise's name, server-side: only that enterprise's rows.
    const part = e.name.slice(2, 6);
    const byName = await call('GET', `/api/audit?enterprise=${encodeURIComponent(part)}&action=enterprise.update`);
    expect(byName.statusCode).toBe(200);
    const rows = byName.json().items as {
      entityId: string;
      actionLabel: string;
      entityTypeLabel: string;
      entityLabel: string;
      changes: { field: string; label: string; before: string | null; after: string | null }[];
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.entityLabel.includes(part))).toBe(true);
    expect(rows.find((r) => r.entityId === e.id)).toMatchObject({
      actionLabel: '修改企业信息',
      entityTypeLabel: '企业',
      entityLabel: e.name,
    });
    expect(rows[0].changes).toContainEqual({
      field: 'registeredCapital',
      label: '注册资本（万元）',
      before: '1,500.00',
      after: '2,000.00',
    });
    const nobody = await call('GET', `/api/audit?enterprise=${encodeURIComponent('不存在的企业名称甲乙')}`);
    expect(nobody.json().total).toBe(0);

    // The run and the correction by their Chinese names; the correction's parameter too.
    const run = (await call('GET', '/api/audit?action=evaluation.run')).json().items[0];
    expect(run).toMatchObject({ actionLabel: '运行梯度评价', entityTypeLabel: '梯度评价' });
    expect(run.entityLabel).toContain(e.name);
    const publish = (await call('GET', '/api/audit?action=ruleset.publish')).json().items[0];
    expect(publish).toMatchObject({ actionLabel: '发布评价规则修正', entityLabel: '专精特新中小企业认定标准（2022）第 2 版' });
    expect(publish.changes).toEqual([
      { field: 'passScore', label: '评价得分及格线（分）', before: '60', after: '65' },
      { field: 'note', label: '修正说明', before: null, after: '测试修正' },
    ]);

    // Exports are named in words too.
    const exported = await call('GET', '/api/evaluations/pool/export?tier=little_giant');
    expect(exported.statusCode).toBe(200);
    expect(decodeURIComponent(String(exported.headers['content-disposition']))).toMatch(
      /filename\*=UTF-8''后备库-专精特新“小巨人”企业-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );

    // The enterprise's own history says the same.
    const detail = (await call('GET', `/api/enterprises/${e.id}`)).json();
    expect(detail.history[0]).toMatchObject({ actionLabel: '修改企业信息' });
    expect(detail.history[0].changes).toContainEqual({
      field: 'registeredCapital',
      label: '注册资本（万元）',
      before: '1,500.00',
      after: '2,000.00',
    });

    // Every action in the log is one the filter offers, and no row shows a code, a key or an id.
    const offered = (await call('GET', '/api/audit/actions')).json() as { action: string; label: string }[];
    const inLog = await h.database.query<{ action: string }>('select distinct action from audit_log');
    expect(offered.map((a) => a.action)).toEqual(expect.arrayContaining(inLog.map((r) => r.action)));
    const all = (await call('GET', '/api/audit?pageSize=100')).json().items as typeof rows;
    const code = /[a-z]+[._][a-z]+|[0-9a-f]{8}-[0-9a-f]{4}-/i;
    for (const r of all) {
      expect(r.actionLabel).not.toMatch(code);
      expect(r.entityLabel).not.toMatch(code);
      for (const c of r.changes) {
        expect(c.label).not.toMatch(/[A-Za-z]/);
        expect(c.label, `${r.actionLabel} ${c.field}`).not.toBe('其他信息');
      }
    }
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/audit/actions', headers: { cookie: await h.login('rongchang.admin') } })).statusCode,
    ).toBe(404);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    // Even the tables' owner is refused by the trigger (the app's own role lacks the privilege: app-role.test.ts).
    await expect(h.owner.query("update audit_log set action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(h.owner.query('delete from audit_log')).rejects.toThrow(/append-only/);
    expect(await h.count("select count(*) as n from audit_log where action = 'tampered'")).toBe(0);
  });

  it('leaves no half-written rows when a request fails after its first write', async () => {
    // Make the audit insert fail: the user row written just before it must roll back with it.
    await h.owner.query("alter table audit_log add constraint test_refuse_user_create check (action <> 'user.create') not valid");
    try {
      const usersBefore = await h.count('select count(*) as n from users');
      const response = await call('POST', '/api/users', {
        username: 'half.written',
        displayName: '半途',
        role: 'city_admin',
        password: 'Half-pass-2026',
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await h.count('select count(*) as n from users')).toBe(usersBefore);
      expect(await h.count("select count(*) as n from users where username = 'half.written'")).toBe(0);
    } finally {
      await h.owner.query('alter table audit_log drop constraint test_refuse_user_create');
    }
  });
});
