// The portable backup file: the same for PGlite and PostgreSQL, so that a backup of either restores
// into either. A gzip stream of:
//   ZJTX-BACKUP 1                         first line
//   {manifest JSON}                        migration level, tables and columns, source
//   T <table>                              then one JSON object per row (row_to_json), one per line
//   \.                                     end of the table's rows
//   F <path as JSON> <bytes>               a file under the data directory's files/, then its bytes and \n
//   END {"rows":{table:count},"files":n}   last line: a file without it is incomplete
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

export const BACKUP_MAGIC = 'ZJTX-BACKUP 1';

export interface BackupManifest {
  format: 'zjtx-backup';
  formatVersion: 1;
  createdAt: string;
  source: 'pglite' | 'postgres';
  /** drizzle's migration records (created_at = the journal's `when`), oldest first. */
  migrations: { hash: string; createdAt: number }[];
  tables: { name: string; columns: string[] }[];
}

export interface BackupTrailer {
  rows: Record<string, number>;
  files: number;
}

export class BackupFormatError extends Error {
  readonly code = 'BACKUP_INVALID';
}

/** Writes sections to a gzip stream, waiting for the destination when it is full. */
export class BackupWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly done: Promise<void>;
  private readonly rows: Record<string, number> = {};
  private files = 0;

  constructor(out: Writable) {
    this.gzip.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.once('finish', resolve);
      out.once('close', resolve);
      out.once('error', reject);
      this.gzip.once('error', reject);
    });
  }

  private async write(chunk: string | Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async header(manifest: BackupManifest): Promise<void> {
    await this.write(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`);
  }

  async table(name: string, batches: AsyncIterable<string[]>): Promise<void> {
    await this.write(`T ${name}\n`);
    let n = 0;
    for await (const lines of batches) {
      if (!lines.length) continue;
      n += lines.length;
      await this.write(`${lines.join('\n')}\n`);
    }
    this.rows[name] = n;
    await this.write('\\.\n');
  }

  async file(relativePath: string, content: Buffer): Promise<void> {
    await this.write(`F ${JSON.stringify(relativePath)} ${content.length}\n`);
    await this.write(content);
    await this.write('\n');
    this.files++;
  }

  /** Writes the trailer and waits until the destination has everything. */
  async end(): Promise<BackupTrailer> {
    const trailer: BackupTrailer = { rows: this.rows, files: this.files };
    await this.write(`END ${JSON.stringify(trailer)}\n`);
    this.gzip.end();
    await this.done;
    return trailer;
  }
}

/** Reads lines and byte runs from a (decompressed) stream. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(input: Readable) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  async line(): Promise<string | null> {
    let from = 0;
    for (;;) {
      const at = this.buffer.indexOf(10, from);
      if (at >= 0) {
        const text = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 1);
        return text;
      }
      from = this.buffer.length;
      if (!(await this.fill())) return null;
    }
  }

  async bytes(n: number): Promise<Buffer | null> {
    while (this.buffer.length < n) if (!(await this.fill())) return null;
    const out = Buffer.from(this.buffer.subarray(0, n));
    this.buffer = this.buffer.subarray(n);
    return out;
  }
}

export interface BackupHandlers {
  manifest(manifest: BackupManifest): Promise<void>;
  /** Called with up to `batchRows` rows (JSON texts) of one table at a time. */
  rows(table: string, lines: string[]): Promise<void>;
  file(relativePath: string, content: Buffer): Promise<void>;
}

const broken = (what: string) => new BackupFormatError(`备份文件不完整或已损坏（${what}）`);

/** Reads a backup from start to END, checking its structure and row counts; throws BackupFormatError. */
export async function readBackup(
  input: Readable,
  handlers: BackupHandlers,
  { batchRows = 1000, batchBytes = 4 * 1024 * 1024 } = {},
): Promise<{ manifest: BackupManifest; trailer: BackupTrailer }> {
  const gunzip = createGunzip();
  const failed = new Promise<never>((_, reject) => {
    gunzip.once('error', () => reject(new BackupFormatError('不是 zjtx 备份文件（无法解压）')));
    input.once('error', reject);
  });
  input.pipe(gunzip);
  const work = (async () => {
    const reader = new ByteReader(gunzip);
    if ((await reader.line()) !== BACKUP_MAGIC) throw new BackupFormatError('不是 zjtx 备份文件');
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse((await reader.line()) ?? '') as BackupManifest;
    } catch {
      throw broken('清单');
    }
    if (manifest.format !== 'zjtx-backup' || manifest.formatVersion !== 1) throw new BackupFormatError('备份文件的格式版本不受支持');
    await handlers.manifest(manifest);
    const known = new Set(manifest.tables.map((t) => t.name));
    const rows: Record<string, number> = {};
    let files = 0;
    for (;;) {
      const line = await reader.line();
      if (line === null) throw broken('缺少结尾');
      if (line.startsWith('T ')) {
        const table = line.slice(2);
        if (!known.has(table) || table in rows) throw broken(`数据表 ${table}`);
        let batch: string[] = [];
        let bytes = 0;
        let n = 0;
        for (;;) {
          const row = await reader.line();
          if (row === null) throw broken(`数据表 ${table} 未结束`);
          if (row === '\\.') break;
          batch.push(row);
          bytes += row.length;
          n++;
          if (batch.length >= batchRows || bytes >= batchBytes) {
            await handlers.rows(table, batch);
            batch = [];
            bytes = 0;
          }
        }
        if (batch.length) await handlers.rows(table, batch);
        rows[table] = n;
      } else if (line.startsWith('F ')) {
        const match = /^F (".*") (\d+)$/.exec(line);
        if (!match) throw broken('附件');
        const relativePath = JSON.parse(match[1]) as string;
        const content = await reader.bytes(Number(match[2]));
        if (content === null || (await reader.line()) !== '') throw broken(`附件 ${relativePath}`);
        await handlers.file(relativePath, content);
        files++;
      } else if (line.startsWith('END ')) {
        const trailer = JSON.parse(line.slice(4)) as BackupTrailer;
        const counted = JSON.stringify(Object.entries(rows).sort());
        if (counted !== JSON.stringify(Object.entries(trailer.rows).sort()) || files !== trailer.files) throw broken('行数不符');
        if (Object.keys(rows).length !== manifest.tables.length) throw broken('缺少数据表');
        return { manifest, trailer };
      } else {
        throw broken('未知内容');
      }
    }
  })();
  try {
    return await Promise.race([work, failed]);
  } finally {
    input.unpipe(gunzip);
    gunzip.destroy();
  }
}
