import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { appRoleRisk } from '../../src/db/migrate.js';
import { type Harness, startHarness } from '../support/harness.js';
import { withDatabaseName } from '../support/postgres.js';
import { runCli } from '../support/processes.js';
import { asAppRole, postgresAdminUrl, postgresAppRole } from '../support/test-config.js';

// On PostgreSQL the app must not be able to undo the audit guard: it connects as a role that owns nothing.
describe.skipIf(!postgresAdminUrl)('the application role on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres');
  });
  afterAll(() => h?.close());

  it.each([
    ['disable the audit trigger', 'ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
    ['disable one audit trigger', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update', /must be owner/],
    ['drop the trigger', 'DROP TRIGGER audit_log_no_update ON audit_log', /must be owner/],
    ['alter a table', 'ALTER TABLE users ADD COLUMN backdoor text', /must be owner/],
    ['drop a table', 'DROP TABLE enterprises CASCADE', /must be owner/],
    ['create a table', 'CREATE TABLE public.intruder (id int)', /permission denied/],
    [
      'replace the guard function',
      'CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
      /must be owner|permission denied/,
    ],
    ['update the audit log', "UPDATE audit_log SET action = 'tampered'", /permission denied/],
    ['delete from the audit log', 'DELETE FROM audit_log', /permission denied/],
    ['truncate the audit log', 'TRUNCATE audit_log', /permission denied/],
  ])('cannot %s', async (_what, statement, refusal) => {
    await expect(h.database.query(statement)).rejects.toThrow(refusal);
    expect(
      await h.owner.query<{ n: number }>("select count(*)::int as n from pg_trigger where tgname like 'audit_log_%' and tgenabled = 'O'"),
    ).toEqual([{ n: 2 }]);
  });

  it('cannot give itself the rights it lacks', async () => {
    // PostgreSQL only warns "no privileges were granted": what counts is that nothing changed.
    await h.database.query(`GRANT UPDATE, DELETE ON audit_log TO "${postgresAppRole}"`).catch(() => {});
    await expect(h.database.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/permission denied/);
  });

  it('is neither owner nor superuser, and the app still reads, writes and appends to the audit log', async () => {
    expect(await appRoleRisk(h.database)).toBeNull();
    expect(await appRoleRisk(h.owner)).toMatch(/超级用户|所有者/);
    const auditBefore = await h.count('select count(*) as n from audit_log');
    const cookie = await h.login('city.admin');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'role.check', displayName: '角色检查', role: 'city_admin', password: 'Role-check-2026!' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await h.count('select count(*) as n from audit_log')).toBeGreaterThan(auditBefore);
  });

  it('can use a table that a later migration (run by the owner) creates', async () => {
    await h.owner.query('CREATE TABLE later_migration (id bigserial primary key, note text)');
    await h.database.query("insert into later_migration (note) values ('ok')");
    expect(await h.count('select count(*) as n from later_migration')).toBe(1);
    await expect(h.database.query('DROP TABLE later_migration')).rejects.toThrow(/must be owner/);
  });
});

describe.skipIf(!postgresAdminUrl)('migrate with a separate owner (the production set-up)', () => {
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `zjtx_test_owner_${suffix}`;
  const dbName = `zjtx_test_roles_${suffix}`;
  const admin = () => openDatabase({ databaseUrl: postgresAdminUrl as string, poolSize: 1 });
  let ownerUrl: string;
  let appUrl: string;
  beforeAll(async () => {
    // README's recipe: an owner role that owns the database, and the application role (created by global setup).
    const a = await admin();
    await a.query(`CREATE ROLE ${ownerRole} LOGIN PASSWORD 'owner-pass'`);
    await a.query(`CREATE DATABASE ${dbName} OWNER ${ownerRole}`);
    await a.close();
    const u = new URL(withDatabaseName(postgresAdminUrl as string, dbName));
    u.username = ownerRole;
    u.password = 'owner-pass';
    ownerUrl = u.toString();
    appUrl = asAppRole(ownerUrl);
  });
  afterAll(async () => {
    const a = await admin();
    await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await a.query(`DROP OWNED BY ${ownerRole} CASCADE`).catch(() => {});
    await a.query(`DROP ROLE IF EXISTS ${ownerRole}`);
    await a.close();
  });

  it('says in Chinese that the app role cannot migrate when no owner is given', async () => {
    const run = runCli(['migrate'], { DATABASE_URL: appUrl });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('没有执行迁移的权限');
    expect(run.output()).toContain('ZJTX_MIGRATION_DATABASE_URL');
  }, 60_000);

  it('migrates as the owner, grants the app role, and the app role cannot disable the trigger', async () => {
    const run = runCli(['migrate'], { DATABASE_URL: appUrl, ZJTX_MIGRATION_DATABASE_URL: ownerUrl });
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).not.toContain('警告');
    const app = await openDatabase({ databaseUrl: appUrl, poolSize: 1 });
    try {
      expect(await app.query<{ n: number }>('select count(*)::int as n from districts')).toEqual([{ n: expect.any(Number) }]);
      expect(await appRoleRisk(app)).toBeNull();
      await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      const owners = await app.query<{ tableowner: string }>("select distinct tableowner from pg_tables where schemaname = 'public'");
      expect(owners).toEqual([{ tableowner: ownerRole }]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('warns in production when the app connects as the owner', async () => {
    const run = runCli(['migrate'], { DATABASE_URL: ownerUrl, NODE_ENV: 'production' });
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/警告：应用连接的数据库角色 .* 是 \d+ 张数据表的所有者/);
    expect(run.output()).toContain('ZJTX_MIGRATION_DATABASE_URL');
  }, 60_000);

  it('refuses the same role as owner and app with a clear message', async () => {
    const run = runCli(['migrate'], { DATABASE_URL: ownerUrl, ZJTX_MIGRATION_DATABASE_URL: ownerUrl });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('使用了同一个角色');
  }, 60_000);
});
