// The imports' tables: the upload (stored once), the rows its preview staged, the commit's record.
import { and, eq, getTableColumns, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.js';
import { importRows, imports } from '../../../db/schema/index.js';
import { breather } from '../../../server/responsive.js';

// An import without its file: the file (up to 60 MB) is read only where it is needed. As bytea a
// 15 MB file takes PGlite seconds to hand over; as base64 text a tenth of that.
const { file: _file, ...IMPORT_COLUMNS } = getTableColumns(imports);
export type ImportRecord = Omit<typeof imports.$inferSelect, 'file'>;

export type ImportKind = 'enterprises' | 'titles';

/** Days an import's file and staged rows are kept after its last job ended. */
export const IMPORT_RETENTION_DAYS = 7;

export async function insertImport(
  tx: DbOrTx,
  values: { kind: ImportKind; options: Record<string, unknown>; fileName: string; file: Buffer; createdBy: string },
): Promise<ImportRecord> {
  const [row] = await tx
    .insert(imports)
    .values({
      kind: values.kind,
      options: values.options,
      fileName: values.fileName,
      file: sql`decode(${values.file.toString('base64')}, 'base64')` as unknown as Buffer,
      fileSize: values.file.length,
      createdBy: values.createdBy,
    })
    .returning(IMPORT_COLUMNS);
  return row;
}

export async function setImportJob(tx: DbOrTx, id: string, job: { previewJobId: string } | { commitJobId: string }): Promise<void> {
  await tx
    .update(imports)
    .set({ ...job, endedAt: null })
    .where(eq(imports.id, id));
}

export async function findImport(db: DbOrTx, id: string): Promise<ImportRecord | undefined> {
  const [row] = await db.select(IMPORT_COLUMNS).from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}

/** The import a job (its preview or its commit) works on. */
export async function findImportOfJob(db: DbOrTx, jobId: string): Promise<ImportRecord | undefined> {
  const [row] = await db
    .select(IMPORT_COLUMNS)
    .from(imports)
    .where(or(eq(imports.previewJobId, jobId), eq(imports.commitJobId, jobId)))
    .limit(1);
  return row;
}

/** The stored upload; null once the retention sweep deleted it. */
export async function importFile(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ file: sql<string | null>`encode(${imports.file}, 'base64')` })
    .from(imports)
    .where(eq(imports.id, id));
  return row?.file == null ? null : Buffer.from(row.file, 'base64');
}

/** Staged rows per statement: each insert stays short, with a breather before it (PGlite serves others between). */
export const STAGE_CHUNK = 5000;

/**
 * Stages the parsed rows, chunk by chunk, each its own statement (no long transaction); rows staged
 * before are replaced. A chunk is stored as one JSON text (a jsonb string): the database keeps it
 * as it is instead of building and later printing a jsonb tree of every row, which costs PGlite
 * more than the parse of the file costs.
 */
export async function stageRows(db: DbOrTx, id: string, rows: readonly unknown[]): Promise<void> {
  await db.delete(importRows).where(eq(importRows.importId, id));
  for (let start = 0, chunk = 0; start < rows.length; start += STAGE_CHUNK, chunk++) {
    await breather();
    const text = JSON.stringify(rows.slice(start, start + STAGE_CHUNK));
    await db.insert(importRows).values({ importId: id, chunk, rows: sql`to_jsonb(${text}::text)` });
  }
}

export async function markStaged(db: DbOrTx, id: string, stagedRows: number, previewErrors: number): Promise<void> {
  await db.update(imports).set({ stagedAt: sql`now()`, stagedRows, previewErrors }).where(eq(imports.id, id));
}

/** The staged rows in their order, read chunk by chunk. */
export async function* stagedRows<T>(db: DbOrTx, id: string): AsyncGenerator<T[]> {
  for (let chunk = 0; ; chunk++) {
    // A JSON text as stageRows stores it; a chunk staged before that is a jsonb array.
    const [row] = await db
      .select({
        text: sql<string>`case jsonb_typeof(${importRows.rows}) when 'string' then ${importRows.rows} #>> '{}' else ${importRows.rows}::text end`,
      })
      .from(importRows)
      .where(and(eq(importRows.importId, id), eq(importRows.chunk, chunk)));
    if (!row) return;
    yield JSON.parse(row.text) as T[];
    await breather();
  }
}

/** In the commit's transaction: the import is applied, with this result. */
export async function markCommitted(tx: DbOrTx, id: string, result: unknown): Promise<void> {
  await tx
    .update(imports)
    .set({ committedAt: sql`now()`, commitResult: result as object })
    .where(eq(imports.id, id));
}

/** Its last job ended (done or failed): the retention's clock starts. */
export async function markEnded(db: DbOrTx, id: string, now?: Date): Promise<void> {
  await db
    .update(imports)
    .set({ endedAt: now ?? sql`now()` })
    .where(eq(imports.id, id));
}

/**
 * Deletes the files and staged rows of imports whose last job ended more than IMPORT_RETENTION_DAYS
 * before `now` (the record, a few hundred bytes, stays: the jobs' pages still name the file).
 * Returns how many imports lost their file.
 */
export async function deleteExpiredImportFiles(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IMPORT_RETENTION_DAYS * 86_400_000);
  const expired: SQL = and(isNotNull(imports.endedAt), lt(imports.endedAt, cutoff), isNull(imports.fileDeletedAt)) as SQL;
  const ids = (await db.select({ id: imports.id }).from(imports).where(expired)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 100) {
    const part = ids.slice(i, i + 100);
    await db.transaction(async (tx) => {
      await tx.delete(importRows).where(inArray(importRows.importId, part));
      await tx.update(imports).set({ file: null, fileDeletedAt: now }).where(inArray(imports.id, part));
    });
    await breather();
  }
  return ids.length;
}

/** How many rows are staged for an import (tests, the benchmark). */
export async function countStagedChunks(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(importRows).where(eq(importRows.importId, id));
  return row?.n ?? 0;
}
