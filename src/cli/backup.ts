// Backup: one consistent snapshot of every table (and the attached files) in the portable format of
// src/db/backup-format.ts, written while the platform runs. On PostgreSQL it reads in one REPEATABLE READ
// READ ONLY transaction. On PGlite the running server holds the data directory (one process per
// directory), so it answers backups on a Unix socket inside that directory (only who may read the
// directory may connect); with no server running, the command opens the directory itself.
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { chmod } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import {
  DERIVED_TABLES,
  listBackupTables,
  readMigrationLevel,
  readTableRows,
  setPortableOutput,
  TRANSIENT_TABLES,
} from '../db/backup.repo.js';
import { type BackupManifest, BackupWriter, readBackup } from '../db/backup-format.js';
import { type Database, openDatabase } from '../db/database.js';
import type { Config } from '../server/config.js';

/** Attached files live here under the data directory (the files module, when it exists, writes them here). */
export const FILES_DIR = 'files';
export const BACKUP_SOCKET = 'zjtx.sock';
const REQUEST = 'BACKUP 1\n';

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
}

/** Every file under dir, as paths relative to it (the attached-files hook of a backup). */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/** Writes a whole backup of `database` (and of dataDir/files, when present) to `out`. */
export async function writeBackup(database: Database, out: Writable, { dataDir }: { dataDir?: string } = {}): Promise<BackupSummary> {
  const writer = new BackupWriter(out);
  await database.db.transaction(
    async (tx) => {
      await setPortableOutput(tx);
      const tables = (await listBackupTables(tx)).filter((t) => !TRANSIENT_TABLES.has(t.name) && !DERIVED_TABLES.has(t.name));
      const manifest: BackupManifest = {
        format: 'zjtx-backup',
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations: await readMigrationLevel(tx),
        tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
      };
      if (!manifest.migrations.length) throw new Error('数据库尚未迁移，没有可备份的数据');
      await writer.header(manifest);
      for (const t of tables) await writer.table(t.name, readTableRows(tx, t));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // Files are written once and never changed in place, so reading them after the rows is consistent enough.
  const filesDir = dataDir ? path.join(dataDir, FILES_DIR) : undefined;
  if (filesDir) for (const f of listFiles(filesDir)) await writer.file(f, readFileSync(path.join(filesDir, f)));
  const trailer = await writer.end();
  return {
    tables: Object.keys(trailer.rows).length,
    rows: Object.values(trailer.rows).reduce((a, b) => a + b, 0),
    files: trailer.files,
  };
}

/** The server side on PGlite: answers backup requests on dataDir/zjtx.sock. */
export async function serveBackups(database: Database, dataDir: string): Promise<{ close(): Promise<void> }> {
  const socketPath = path.join(dataDir, BACKUP_SOCKET);
  // The data directory's lock is ours, so a socket file left here is from a process that died.
  rmSync(socketPath, { force: true });
  const server: Server = createServer((socket: Socket) => {
    socket.once('error', () => {});
    let request = '';
    const onData = (chunk: Buffer) => {
      request += chunk.toString('utf8');
      if (request.length < REQUEST.length) return;
      socket.off('data', onData);
      if (request !== REQUEST) return void socket.destroy();
      writeBackup(database, socket, { dataDir }).catch(() => socket.destroy());
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  await chmod(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        try {
          unlinkSync(socketPath);
        } catch {}
      }),
  };
}

/** Connects to a running server's backup socket, or null when none answers there. */
function connectToServer(dataDir: string): Promise<Socket | null> {
  const socketPath = path.join(dataDir, BACKUP_SOCKET);
  if (!existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

function pipeToFile(source: NodeJS.ReadableStream, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    source.once('error', reject);
    out.once('error', reject);
    out.once('finish', resolve);
    // A server that breaks off closes without ending: end the file, and the check after it says so.
    source.once('close', () => {
      if (!out.writableEnded) out.end();
    });
    source.pipe(out);
  });
}

export interface BackupResult extends BackupSummary {
  file: string;
  bytes: number;
  via: 'server' | 'direct';
}

/** `zjtx backup FILE`: writes FILE.partial, checks it from start to end, then renames it to FILE. */
export async function backupCommand(config: Config, file: string | undefined): Promise<BackupResult> {
  if (!file) throw new Error('用法：npm run backup -- 备份文件名（例如 zjtx-2026-12-01.zjtx-backup）');
  // npm runs scripts in the package root: a relative name means where the user typed it.
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (existsSync(target)) throw new Error(`文件 ${target} 已存在：请换一个文件名，备份不会覆盖已有文件`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  let via: BackupResult['via'] = 'direct';
  try {
    const socket = config.databaseUrl ? null : await connectToServer(config.dataDir);
    if (socket) {
      via = 'server';
      const written = pipeToFile(socket, partial);
      socket.write(REQUEST);
      await written;
    } else {
      // PostgreSQL, or PGlite with no server on it (then the lock keeps a server from starting meanwhile).
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.databaseUrl ? undefined : config.dataDir,
        poolSize: 1,
      });
      try {
        const out = new PassThrough();
        const written = pipeToFile(out, partial);
        await writeBackup(database, out, { dataDir: config.dataDir });
        await written;
      } finally {
        await database.close();
      }
    }
    const { trailer } = await readBackup(createReadStream(partial), {
      manifest: async () => {},
      rows: async () => {},
      file: async () => {},
    });
    renameSync(partial, target);
    return {
      file: target,
      bytes: statSync(target).size,
      via,
      tables: Object.keys(trailer.rows).length,
      rows: Object.values(trailer.rows).reduce((a, b) => a + b, 0),
      files: trailer.files,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    if (via === 'server') throw new Error('运行中的平台未能写完备份（连接中断），请查看服务日志后重试', { cause: error });
    throw error;
  }
}
