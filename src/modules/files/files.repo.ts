import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { fileContents, files } from '../../db/schema/index.js';

export type FileRow = typeof files.$inferSelect;
export interface FileOwner {
  type: string;
  id: string;
}

const info = { id: files.id, name: files.name, size: files.size, sha256: files.sha256, type: files.type };

/**
 * Makes sure a content row for `sha256` exists and locks it until the transaction ends: a blob is
 * written or deleted only under this lock, so an upload and the collection of unused blobs never
 * cross (an upload that waits for a collection finds the row gone and writes the blob again).
 */
export async function lockContent(tx: DbOrTx, content: { sha256: string; size: number; type: string }): Promise<void> {
  await tx
    .insert(fileContents)
    .values(content)
    .onConflictDoUpdate({ target: fileContents.sha256, set: { sha256: sql`excluded.sha256` } });
}

export async function insertFile(
  tx: DbOrTx,
  row: { sha256: string; name: string; size: number; type: string; uploadedBy: string },
): Promise<FileRow> {
  const [inserted] = await tx.insert(files).values(row).returning();
  return inserted;
}

export async function selectFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/**
 * Attaches the ids that are `uploaderId`'s own unattached uploads, or already this owner's; returns
 * the ids it matched (the caller refuses the request when one is missing).
 */
export async function attachToOwner(tx: DbOrTx, uploaderId: string, ids: string[], owner: FileOwner): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .update(files)
    .set({ ownerType: owner.type, ownerId: owner.id, attachedAt: sql`coalesce(${files.attachedAt}, now())` })
    .where(
      and(
        inArray(files.id, ids),
        or(
          and(eq(files.uploadedBy, uploaderId), isNull(files.ownerType)),
          and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)),
        ),
      ),
    )
    .returning({ id: files.id });
  return rows.map((r) => r.id);
}

export async function selectFilesOf(db: DbOrTx, owner: FileOwner) {
  return db
    .select(info)
    .from(files)
    .where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)))
    .orderBy(files.createdAt, files.id);
}

/** Deletes an object's file records; returns the contents they referred to. */
export async function deleteOwnerFiles(tx: DbOrTx, owner: FileOwner): Promise<string[]> {
  const rows = await tx
    .delete(files)
    .where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)))
    .returning({ sha256: files.sha256 });
  return rows.map((r) => r.sha256);
}

/** Uploads attached to nothing and older than `before` (never attached: the form was left). */
export async function deleteUnattachedBefore(tx: DbOrTx, before: Date): Promise<number> {
  const rows = await tx
    .delete(files)
    .where(and(isNull(files.ownerType), lt(files.createdAt, before)))
    .returning({ id: files.id });
  return rows.length;
}

/** Contents no file record refers to any more (candidates: each is checked again under its lock). */
export async function selectUnusedContents(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ sha256: fileContents.sha256 })
    .from(fileContents)
    .where(sql`not exists (select 1 from ${files} where ${files.sha256} = ${fileContents.sha256})`)
    .limit(limit);
  return rows.map((r) => r.sha256);
}

/**
 * Locks the content row and tells whether it is still unused. Two statements on purpose: the
 * check after the lock sees a file record committed while this transaction waited for it.
 */
export async function lockUnusedContent(tx: DbOrTx, sha256: string): Promise<boolean> {
  const locked = await tx.select({ sha256: fileContents.sha256 }).from(fileContents).where(eq(fileContents.sha256, sha256)).for('update');
  if (!locked.length) return false;
  const [used] = await tx.select({ id: files.id }).from(files).where(eq(files.sha256, sha256)).limit(1);
  return !used;
}

export async function deleteContent(tx: DbOrTx, sha256: string): Promise<void> {
  await tx.delete(fileContents).where(eq(fileContents.sha256, sha256));
}
