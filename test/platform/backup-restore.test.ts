import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/backup.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { restoreCommand } from '../../src/cli/restore.js';
import { DERIVED_TABLES, listBackupTables, TRANSIENT_TABLES } from '../../src/db/backup.repo.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { openMigratedDatabase } from '../../src/db/migrate.js';
import { makeUscc } from '../../src/domain/uscc.js';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { withDatabaseName } from '../support/postgres.js';
import { runCli, seededDataDir, startServe, stop } from '../support/processes.js';
import { asAppRole, postgresAdminUrl, testConfig } from '../support/test-config.js';

const ATTACHMENT = Buffer.concat([Buffer.from('附件\n\\.\nEND {}\n'), randomBytes(3000)]);

type Snapshot = Record<string, { rows: number; checksum: string }>;
/** Not a table of the backup: the unread counts the restore's inserts fill again. */
const UNREAD = '~message_unread_counts';

/** Row count and a checksum of every row of every table a backup carries (the same text on PGlite and PostgreSQL). */
async function snapshot(database: Database): Promise<Snapshot> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const out: Snapshot = {};
    for (const t of await listBackupTables(tx)) {
      if (TRANSIENT_TABLES.has(t.name) || DERIVED_TABLES.has(t.name)) continue;
      const cols = t.columns.map((c) => `"${c}"`).join(', ');
      const result = (await tx.execute(
        sql.raw(
          `select count(*)::int as rows, coalesce(md5(string_agg(j, '|' order by j)), '') as checksum
             from (select row_to_json(x)::text as j from (select ${cols} from "${t.name}") x) r`,
        ),
      )) as unknown as { rows: { rows: number; checksum: string }[] };
      out[t.name] = result.rows[0];
    }
    // Not carried by the backup but filled again by the restore's inserts: the same non-zero counts.
    const counts = (await tx.execute(
      sql.raw(`select coalesce(string_agg(user_id::text || ':' || unread, ',' order by user_id), '') as c
                 from message_unread_counts where unread > 0`),
    )) as unknown as { rows: { c: string }[] };
    out[UNREAD] = { rows: 0, checksum: counts.rows[0].c };
    return out;
  });
}

/** Work through the API, as users would: an enterprise and a user, each with its audit rows. */
async function changeThroughApi(database: Database, tag: string): Promise<void> {
  const app = await buildApp({ database, config: testConfig() });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'city.admin', password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `zjtx_session=${login.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    const enterprise = await app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { cookie },
      payload: {
        uscc: makeUscc('500153', `MABKUP${tag}`),
        name: `备份测试公司${tag}`,
        districtCode: '500153',
        industryCode: '35',
        establishedOn: '2015-03-01',
      },
    });
    expect(enterprise.statusCode, enterprise.body).toBe(201);
    // A monthly report (运行监测): its rows live in a partition of monitoring_reports, backed up once, through the parent.
    const enterpriseId = enterprise.json().id as string;
    const district = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'rongchang.admin', password: DEMO_PASSWORD },
    });
    const districtCookie = `zjtx_session=${district.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    const added = await app.inject({
      method: 'PUT',
      url: `/api/monitoring/sample/${enterpriseId}`,
      headers: { cookie: districtCookie },
      payload: { reason: '备份测试' },
    });
    expect(added.statusCode, added.body).toBe(200);
    const report = await app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${enterpriseId}/2025-04`,
      headers: { cookie: districtCookie },
      payload: { revenueYtd: 5_000_000, profitYtd: 400_000, outputYtd: 4_800_000, employees: 30 },
    });
    expect(report.statusCode, report.body).toBe(200);
    const user = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        username: `backup.${tag.toLowerCase()}`,
        displayName: `备份${tag}`,
        role: 'city_admin',
        password: `Backup-check-${tag}-2026!`,
      },
    });
    expect(user.statusCode, user.body).toBe(201);
  } finally {
    await app.close();
  }
}

async function withDataDir<T>(dir: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: dir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const configFor = (overrides: Partial<Config>): Config => testConfig(overrides);

describe('backup and restore', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'zjtx-backup-'));
  let source: string;
  let backupFile: string;
  let backedUp: Snapshot;

  beforeAll(async () => {
    source = await seededDataDir('zjtx-backup-src-');
    await withDataDir(source, (db) => changeThroughApi(db, 'A1'));
    backedUp = await withDataDir(source, snapshot);
    // The attached-files hook: whatever lies under the data directory's files/ travels with the rows.
    mkdirSync(path.join(source, 'files', 'notices'), { recursive: true });
    writeFileSync(path.join(source, 'files', 'notices', '通报.bin'), ATTACHMENT);
    backupFile = path.join(work, 'city.zjtx-backup');
    const done = await backupCommand(configFor({ dataDir: source }), backupFile);
    expect(done).toMatchObject({ via: 'direct', tables: Object.keys(backedUp).length - 1, files: 1 });
    // Work after the backup must not be in it.
    await withDataDir(source, (db) => changeThroughApi(db, 'B2'));
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(source, { recursive: true, force: true });
  });

  it('restores into an empty PGlite data directory exactly the backed-up rows, users and audit log', async () => {
    const target = path.join(work, 'restored');
    const done = await restoreCommand(configFor({ dataDir: target }), backupFile);
    expect(done.rows).toBe(Object.values(backedUp).reduce((a, b) => a + b.rows, 0));
    expect(done.files).toBe(1);
    expect(readFileSync(path.join(target, 'files', 'notices', '通报.bin'))).toEqual(ATTACHMENT);
    await withDataDir(target, async (db) => {
      expect(await snapshot(db)).toEqual(backedUp);
      const users = await db.query<{ username: string }>('select username from users order by username');
      expect(users.map((u) => u.username)).toContain('backup.a1');
      expect(users.map((u) => u.username)).not.toContain('backup.b2');
      // The monthly report came back once (read through the parent, not again from its partition), in its partition.
      const reports = await db.query<{ all: number; part: number; versions: number; cells: number }>(
        `select (select count(*) from monitoring_reports)::int as all, (select count(*) from monitoring_reports_2025)::int as part,
                (select count(*) from monitoring_report_versions)::int as versions,
                (select count(*) from monitoring_aggregates where year = 2025 and month = 4 and dim = 'all')::int as cells`,
      );
      expect(reports[0]).toEqual({ all: 1, part: 1, versions: 1, cells: 1 });
      // Passwords, sessions and sequences work on the restored database: new audit rows follow the restored ids.
      const maxAudit = Number((await db.query<{ m: string }>('select max(id)::text as m from audit_log'))[0].m);
      await changeThroughApi(db, 'C3');
      expect(Number((await db.query<{ m: string }>('select min(id)::text as m from audit_log where id > $1', [maxAudit]))[0].m)).toBe(
        maxAudit + 1,
      );
    });
  }, 120_000);

  it('refuses a target that is not empty, and changes nothing', async () => {
    const filled = await seededDataDir('zjtx-backup-filled-');
    try {
      const before = await withDataDir(filled, snapshot);
      await expect(restoreCommand(configFor({ dataDir: filled }), backupFile)).rejects.toThrow(/目标数据库不是空的（.*有 \d+ 行/);
      expect(await withDataDir(filled, snapshot)).toEqual(before);
      // Nor into a data directory whose attached files are there already.
      await expect(restoreCommand(configFor({ dataDir: source }), backupFile)).rejects.toThrow(/附件目录 .* 不是空的/);
    } finally {
      rmSync(filled, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a backup from a newer migration level before touching the target', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const manifest = JSON.parse(lines[1]);
    manifest.migrations.push({ hash: 'future', createdAt: 4_102_444_800_000 });
    lines[1] = JSON.stringify(manifest);
    const newer = path.join(work, 'newer.zjtx-backup');
    writeFileSync(newer, gzipSync(lines.join('\n')));
    const target = path.join(work, 'never-touched');
    await expect(restoreCommand(configFor({ dataDir: target }), newer)).rejects.toThrow(/来自更新版本的 zjtx.*请先升级 zjtx/);
    expect(existsSync(path.join(target, 'pglite'))).toBe(false);
  }, 60_000);

  it('refuses a truncated backup and leaves the target empty, so that a good one can follow', async () => {
    const whole = gunzipSync(readFileSync(backupFile));
    const truncated = path.join(work, 'truncated.zjtx-backup');
    writeFileSync(truncated, gzipSync(whole.subarray(0, Math.floor(whole.length * 0.8))));
    const target = path.join(work, 'after-truncated');
    await expect(restoreCommand(configFor({ dataDir: target }), truncated)).rejects.toThrow(/备份文件不完整或已损坏/);
    await withDataDir(target, async (db) => {
      expect(Number((await db.query<{ n: number }>('select count(*)::int as n from users'))[0].n)).toBe(0);
      expect(Number((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n)).toBe(0);
    });
    await restoreCommand(configFor({ dataDir: target }), backupFile);
    expect(await withDataDir(target, snapshot)).toEqual(backedUp);
  }, 120_000);

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(work, 'bogus.zjtx-backup');
    writeFileSync(bogus, 'hello');
    await expect(restoreCommand(configFor({ dataDir: path.join(work, 'bogus-target') }), bogus)).rejects.toThrow(/不是 zjtx 备份文件/);
  });

  it.skipIf(!postgresAdminUrl)(
    'moves the city from PGlite to PostgreSQL: restores into an empty PostgreSQL database as its owner',
    async () => {
      const name = `zjtx_test_restore_${randomBytes(4).toString('hex')}`;
      const admin = await openDatabase({ databaseUrl: postgresAdminUrl as string, poolSize: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      const ownerUrl = withDatabaseName(postgresAdminUrl as string, name);
      const appUrl = asAppRole(ownerUrl);
      try {
        await restoreCommand(
          configFor({ databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl, dataDir: path.join(work, name) }),
          backupFile,
        );
        const app = await openDatabase({ databaseUrl: appUrl, poolSize: 2 });
        try {
          expect(await snapshot(app)).toEqual(backedUp);
          // The app runs on it as the role that owns nothing, with fresh sequences.
          await changeThroughApi(app, 'D4');
          // And a backup of PostgreSQL restores into PGlite again.
          const again = path.join(work, 'from-postgres.zjtx-backup');
          await backupCommand(configFor({ databaseUrl: appUrl, dataDir: path.join(work, name) }), again);
          const target = path.join(work, 'back-to-pglite');
          await restoreCommand(configFor({ dataDir: target }), again);
          expect(await withDataDir(target, snapshot)).toEqual(await snapshot(app));
        } finally {
          await app.close();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      }
    },
    180_000,
  );

  it.skipIf(!postgresAdminUrl)(
    'restores into a migrated but empty PostgreSQL database as its owner, never as the app role',
    async () => {
      const name = `zjtx_test_restore_${randomBytes(4).toString('hex')}`;
      const admin = await openDatabase({ databaseUrl: postgresAdminUrl as string, poolSize: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      const ownerUrl = withDatabaseName(postgresAdminUrl as string, name);
      const appUrl = asAppRole(ownerUrl);
      try {
        // `npm run migrate` (or a first `serve`) already ran here with the owner.
        const owner = await openMigratedDatabase({ databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl });
        await owner.close();
        await expect(restoreCommand(configFor({ databaseUrl: appUrl, dataDir: path.join(work, name) }), backupFile)).rejects.toThrow(
          /数据表所有者.*ZJTX_MIGRATION_DATABASE_URL/,
        );
        await restoreCommand(
          configFor({ databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl, dataDir: path.join(work, name) }),
          backupFile,
        );
        const app = await openDatabase({ databaseUrl: appUrl, poolSize: 2 });
        try {
          expect(await snapshot(app)).toEqual(backedUp);
        } finally {
          await app.close();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      }
    },
    120_000,
  );

  it('backs up while the platform runs on the data directory (a real server process), which keeps answering', async () => {
    const server = await startServe({ ZJTX_DATA_DIR: source });
    try {
      const file = path.join(work, 'live.zjtx-backup');
      const health = fetch(`${server.url}/api/health`);
      const run = runCli(['backup', file], { ZJTX_DATA_DIR: source });
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toContain('由运行中的平台写出');
      expect((await health).status).toBe(200);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // Restoring into the directory the server holds is refused by the lock, naming the server.
      const refused = runCli(['restore', file], { ZJTX_DATA_DIR: source });
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toContain(`进程号 ${server.child.pid}`);
      // The live backup holds what the server had.
      const target = path.join(work, 'from-live');
      const restored = runCli(['restore', file], { ZJTX_DATA_DIR: target });
      expect(await restored.exited, restored.output()).toBe(0);
      const users = await withDataDir(target, (db) => db.query<{ username: string }>('select username from users'));
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['city.admin', 'backup.a1', 'backup.b2']));
    } finally {
      await stop(server);
    }
  }, 180_000);
});
