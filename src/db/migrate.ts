import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, openDatabase } from './database.js';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary constant: processes starting together on one PostgreSQL migrate one at a time. */
const MIGRATION_LOCK = 7_306_001;

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The migrations this code knows, oldest first (`when` is what drizzle records as created_at). */
export function migrationJournal(): JournalEntry[] {
  return (JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** A copy of the migrations folder that ends after the first `count` migrations (a restore migrates to its backup's level). */
function truncatedMigrationsFolder(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-migrations-'));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  journal.entries = journal.entries.slice(0, count);
  mkdirSync(path.join(dir, 'meta'));
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** Applies the migrations not yet applied (all, or only up to the first `upTo`). */
export async function migrateDatabase(database: Database, { upTo }: { upTo?: number } = {}): Promise<void> {
  const folder = upTo === undefined ? migrationsFolder : truncatedMigrationsFolder(upTo);
  try {
    if (database.kind === 'pglite') {
      await migratePglite(database.db as never, { migrationsFolder: folder });
      return;
    }
    await database.withAdvisoryLock(MIGRATION_LOCK, () => migrateNodePg(database.db as never, { migrationsFolder: folder }));
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '42501') {
      throw new Error(
        '数据库角色没有执行迁移的权限（应用角色不拥有数据表）：请用 ZJTX_MIGRATION_DATABASE_URL 指定数据表所有者的连接，迁移和授权以它执行',
        { cause: error },
      );
    }
    throw error;
  } finally {
    if (folder !== migrationsFolder) rmSync(folder, { recursive: true, force: true });
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Gives the application's role what the platform needs and nothing more (run by the tables' owner
 * after every migration): rows of every table, the sequences, and the audit log only to append and
 * read. Owning nothing, that role can neither disable the audit trigger nor alter or drop a table.
 * Default privileges make tables that later migrations create follow the same rule.
 */
export async function grantAppRole(owner: Database, role: string): Promise<void> {
  if (owner.kind !== 'postgres') throw new Error('grantAppRole: PostgreSQL only');
  const [me] = await owner.query<{ user: string; exists: boolean }>(
    'select current_user as "user", exists (select 1 from pg_roles where rolname = $1) as "exists"',
    [role],
  );
  if (!me.exists) throw new Error(`数据库中没有应用角色 ${role}：请先以管理员身份执行 CREATE ROLE ${ident(role)} LOGIN PASSWORD '…'`);
  if (me.user === role) {
    throw new Error(
      `ZJTX_MIGRATION_DATABASE_URL 与 DATABASE_URL 使用了同一个角色 ${role}：迁移角色必须是数据表的所有者，应用角色必须是另一个角色`,
    );
  }
  const r = ident(role);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  // Append-only: the trigger refuses UPDATE/DELETE too, but a role without the privilege never gets that far.
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
  // The migration level, for backups made through the application's connection.
  await owner.query(`GRANT USAGE ON SCHEMA drizzle TO ${r}`);
  await owner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${r}`);
}

/** Why the application's connection could undo the audit guard (it is a superuser or owns tables), or null. */
export async function appRoleRisk(database: Database): Promise<string | null> {
  if (database.kind !== 'postgres') return null;
  const [row] = await database.query<{ user: string; superuser: boolean; owned: number }>(
    `select current_user as "user", (select rolsuper from pg_roles where rolname = current_user) as superuser,
            (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`,
  );
  if (row.superuser) return `应用连接的数据库角色 ${row.user} 是超级用户`;
  if (row.owned > 0) return `应用连接的数据库角色 ${row.user} 是 ${row.owned} 张数据表的所有者`;
  return null;
}

export interface DatabaseTarget {
  /** The application's connection (PostgreSQL); undefined = PGlite under dataDir. */
  databaseUrl?: string;
  /** The tables' owner, for migrations and grants; undefined = the application's own connection. */
  migrationDatabaseUrl?: string;
  /** The role the grants go to (default: the user of databaseUrl). */
  appRole?: string;
  dataDir?: string;
  poolSize?: number;
}

export function appRoleOf(target: DatabaseTarget): string | undefined {
  if (target.appRole) return target.appRole;
  if (!target.databaseUrl) return undefined;
  const user = decodeURIComponent(new URL(target.databaseUrl).username);
  return user || undefined;
}

/**
 * Runs fn on the owner's connection (migrations, grants, restore) and closes it; with no separate
 * owner, on the application's own connection (`database`).
 */
export async function withOwner<T>(target: DatabaseTarget, database: Database | null, fn: (owner: Database) => Promise<T>): Promise<T> {
  if (!target.migrationDatabaseUrl) {
    if (!database) throw new Error('withOwner: no connection');
    return fn(database);
  }
  // Two: migrations hold an advisory lock on one connection and run on another.
  const owner = await openDatabase({ databaseUrl: target.migrationDatabaseUrl, poolSize: 2 });
  try {
    return await fn(owner);
  } finally {
    await owner.close();
  }
}

/** Opens the database, migrates it as the tables' owner and grants the application's role. */
export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.migrationDatabaseUrl) {
    const role = appRoleOf(target);
    if (!target.databaseUrl || !role) throw new Error('设置了 ZJTX_MIGRATION_DATABASE_URL 时，DATABASE_URL 必须是应用角色的连接');
    await withOwner(target, null, async (owner) => {
      await migrateDatabase(owner);
      await grantAppRole(owner, role);
    });
  }
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: target.poolSize });
  try {
    if (!target.migrationDatabaseUrl) await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
