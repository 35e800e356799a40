// Restore: a backup (of PGlite or PostgreSQL) into an EMPTY database of either kind. The target is
// migrated to the backup's level, every row goes in with its id in one transaction (the audit log's
// guard refuses only UPDATE and DELETE), sequences move past the restored ids, the remaining
// migrations run, and statistics are refreshed. Anything wrong leaves the target as it was.
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import {
  type BackupTable,
  clearSeededTable,
  countRows,
  DERIVED_TABLES,
  insertTableRows,
  listBackupTables,
  MIGRATION_SEEDED_TABLES,
  readMigrationLevel,
  resetSequences,
  TRANSIENT_TABLES,
  tablesNotOwned,
} from '../db/backup.repo.js';
import { BACKUP_MAGIC, BackupFormatError, type BackupManifest, readBackup } from '../db/backup-format.js';
import { type Database, type DbOrTx, openDatabase } from '../db/database.js';
import { appRoleOf, grantAppRole, migrateDatabase, migrationJournal, withOwner } from '../db/migrate.js';
import type { Config } from '../server/config.js';
import { FILES_DIR } from './backup.js';

export class RestoreRefusedError extends Error {
  readonly code = 'RESTORE_REFUSED';
}

/** The manifest alone (the first two lines), to decide before touching the target. */
async function readManifest(file: string): Promise<BackupManifest> {
  const input = createReadStream(file).pipe(createGunzip());
  let text = '';
  try {
    for await (const chunk of input) {
      text += chunk.toString('utf8');
      const lines = text.split('\n');
      if (lines.length >= 3) {
        if (lines[0] !== BACKUP_MAGIC) break;
        return JSON.parse(lines[1]) as BackupManifest;
      }
      if (text.length > 64 * 1024 * 1024) break;
    }
  } catch {
  } finally {
    input.destroy();
  }
  throw new BackupFormatError(`${file} 不是 zjtx 备份文件`);
}

/** How many of this code's migrations the backup had applied; refuses a backup from newer or foreign code. */
function backupLevel(manifest: BackupManifest): number {
  const journal = migrationJournal();
  const applied = manifest.migrations.map((m) => m.createdAt);
  const known = journal.map((e) => e.when);
  const last = applied.at(-1) ?? 0;
  if (last > (known.at(-1) ?? 0)) {
    throw new RestoreRefusedError(
      `该备份来自更新版本的 zjtx（已应用 ${applied.length} 个数据库迁移，本程序只有 ${known.length} 个）：请先升级 zjtx 再恢复`,
    );
  }
  if (applied.some((when, i) => known[i] !== when)) {
    throw new RestoreRefusedError('该备份的数据库迁移记录与本程序的不一致，无法恢复：请用生成该备份的 zjtx 版本恢复');
  }
  return applied.length;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
  target: string;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

async function restoreInto(owner: Database, file: string, manifest: BackupManifest, level: number, filesStaging: string) {
  const applied = await readMigrationLevel(owner.db);
  if (applied.length > level) {
    throw new RestoreRefusedError(
      `目标数据库已迁移到比备份更新的级别（${applied.length} > ${level}）：请恢复到一个全新的空数据库，或先用生成该备份的 zjtx 版本恢复再升级`,
    );
  }
  if (applied.length) {
    if (await ownsTooLittle(owner)) {
      throw new RestoreRefusedError('恢复要以数据表所有者的身份执行：请同时设置 ZJTX_MIGRATION_DATABASE_URL（数据表所有者的连接）');
    }
    await refuseNonEmpty(owner.db, await listBackupTables(owner.db));
  }
  await migrateDatabase(owner, { upTo: level });

  let files = 0;
  const result = await owner.db.transaction(async (tx) => {
    const tables = new Map((await listBackupTables(tx)).map((t) => [t.name, t] as const));
    const wanted: BackupTable[] = [];
    for (const t of manifest.tables) {
      const target = tables.get(t.name);
      if (!target || !sameColumns(target.columns, t.columns)) {
        throw new RestoreRefusedError(`备份与目标数据库的结构不一致（数据表 ${t.name}），无法恢复`);
      }
      wanted.push(target);
    }
    await refuseNonEmpty(tx, [...tables.values()]);
    const seeded = [...tables.values()].filter((t) => MIGRATION_SEEDED_TABLES.has(t.name)).reverse();
    for (const t of seeded) await clearSeededTable(tx, t.name);
    const { trailer } = await readBackup(createReadStream(file), {
      manifest: async () => {},
      rows: (table, lines) => insertTableRows(tx, tables.get(table) as BackupTable, lines),
      file: async (relativePath, content) => {
        const normalised = path.posix.normalize(relativePath);
        if (normalised.startsWith('..') || path.posix.isAbsolute(normalised))
          throw new BackupFormatError(`备份中的附件路径无效：${relativePath}`);
        const out = path.join(filesStaging, normalised);
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, content, { flag: 'wx' });
        files++;
      },
    });
    await resetSequences(tx, wanted);
    return trailer;
  });
  return { ...result, files };
}

/** Whether the connection can neither own nor override the tables (an application role): it could not reset sequences. */
async function ownsTooLittle(database: Database): Promise<boolean> {
  if (database.kind !== 'postgres') return false;
  return (await tablesNotOwned(database.db)) > 0;
}

/** Refuses a target that holds data (only the reference rows migrations seed, and short-lived state, may be there). */
async function refuseNonEmpty(db: DbOrTx, tables: BackupTable[]): Promise<void> {
  const names = tables
    .map((t) => t.name)
    .filter((n) => !MIGRATION_SEEDED_TABLES.has(n) && !TRANSIENT_TABLES.has(n) && !DERIVED_TABLES.has(n));
  const counts = await countRows(db, names);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length) {
    throw new RestoreRefusedError(
      `目标数据库不是空的（${filled
        .slice(0, 5)
        .map(([t, n]) => `${t} 有 ${n} 行`)
        .join('，')}）：恢复只写入空数据库，请使用新的数据库或新的数据目录`,
    );
  }
}

/** `zjtx restore FILE`: into DATABASE_URL (as ZJTX_MIGRATION_DATABASE_URL's owner when set) or the PGlite data directory. */
export async function restoreCommand(config: Config, file: string | undefined): Promise<RestoreResult> {
  if (!file) throw new Error('用法：npm run restore -- 备份文件名');
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(source)) throw new Error(`备份文件 ${source} 不存在`);
  const manifest = await readManifest(source);
  const level = backupLevel(manifest);
  // Opened first: on PGlite its lock refuses a data directory that a running server holds, naming it.
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  const filesDir = path.join(config.dataDir, FILES_DIR);
  const staging = path.join(config.dataDir, `${FILES_DIR}.restoring-${process.pid}`);
  try {
    if (existsSync(filesDir) && readdirSync(filesDir).length) {
      throw new RestoreRefusedError(`附件目录 ${filesDir} 不是空的：恢复只写入空的数据目录`);
    }
    // Created with the first file only (a PostgreSQL restore without files leaves the data directory alone).
    rmSync(staging, { recursive: true, force: true });
    const restored = await withOwner(config, database, async (owner) => {
      const r = await restoreInto(owner, source, manifest, level, staging);
      // Then what this code adds on top of the backup's level, and the application role's grants.
      await migrateDatabase(owner);
      const role = appRoleOf(config);
      if (config.migrationDatabaseUrl && role) await grantAppRole(owner, role);
      await owner.maintain(
        manifest.tables.map((t) => t.name),
        { vacuum: owner.kind === 'pglite' },
      );
      return r;
    });
    if (restored.files) {
      rmSync(filesDir, { recursive: true, force: true });
      renameSync(staging, filesDir);
    }
    return {
      tables: Object.keys(restored.rows).length,
      rows: Object.values(restored.rows).reduce((a, b) => a + b, 0),
      files: restored.files,
      target: config.databaseUrl ? 'postgres' : config.dataDir,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await database.close();
  }
}
