import { and, count, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { messages, messageUnreadCounts, type OutboxStatus, outbox } from '../../db/schema/index.js';

export type MessageRow = typeof messages.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

export async function insertMessages(tx: DbOrTx, rows: (typeof messages.$inferInsert)[]): Promise<{ id: string; userId: string }[]> {
  if (rows.length === 0) return [];
  return tx.insert(messages).values(rows).returning({ id: messages.id, userId: messages.userId });
}

export async function insertOutbox(tx: DbOrTx, rows: (typeof outbox.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(outbox).values(rows);
}

export interface MessageFilter {
  unread?: boolean;
  category?: string;
  page: number;
  pageSize: number;
}

/** One user's messages, newest first (the user is always part of the query). */
export async function listMessagesOf(db: DbOrTx, userId: string, filter: MessageFilter): Promise<{ items: MessageRow[]; total: number }> {
  const conditions: SQL[] = [eq(messages.userId, userId)];
  if (filter.unread === true) conditions.push(isNull(messages.readAt));
  if (filter.unread === false) conditions.push(sql`${messages.readAt} is not null`);
  if (filter.category) conditions.push(eq(messages.category, filter.category));
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(messages).where(where),
  ]);
  return { items, total };
}

/** The user's unread messages: one row of the counter the triggers keep. */
export async function unreadCountOf(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .select({ unread: messageUnreadCounts.unread })
    .from(messageUnreadCounts)
    .where(eq(messageUnreadCounts.userId, userId));
  return rows[0]?.unread ?? 0;
}

/** Marks one of the user's messages read; false when the user has no such message. */
export async function markMessageRead(db: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ readAt: sql`coalesce(${messages.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(messages.id, id), eq(messages.userId, userId)))
    .returning({ id: messages.id });
  return rows.length > 0;
}

export async function markAllMessagesRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.userId, userId), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return rows.length;
}

/**
 * Takes up to `limit` due deliveries through these channels (a process without a channel leaves its rows to
 * one that has it) and holds them until `claimUntil` (the attempt is counted now):
 * a deliverer that dies after sending leaves them due again then, so each is delivered at least once.
 */
export async function claimDueOutbox(db: DbOrTx, channels: string[], now: Date, claimUntil: Date, limit: number): Promise<OutboxRow[]> {
  if (channels.length === 0) return [];
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), inArray(outbox.channel, channels)))
    .orderBy(outbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: claimUntil })
    .where(inArray(outbox.id, due))
    .returning();
}

export async function recordDelivered(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(outbox).set({ status: 'delivered', deliveredAt: at, lastError: null }).where(eq(outbox.id, id));
}

/** A failed attempt: due again at `retryAt`, or failed for good when that is null. */
export async function recordAttemptFailed(db: DbOrTx, id: string, error: string, retryAt: Date | null): Promise<void> {
  const status: OutboxStatus = retryAt ? 'pending' : 'failed';
  await db
    .update(outbox)
    .set({ status, lastError: error, ...(retryAt ? { nextAttemptAt: retryAt } : {}) })
    .where(eq(outbox.id, id));
}

export async function outboxBacklog(db: DbOrTx, now: Date): Promise<{ pending: number; failed: number; oldestPendingSeconds: number }> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${outbox.status} = 'pending')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${outbox.status} = 'failed')`.mapWith(Number),
      oldest: sql<Date | null>`min(${outbox.createdAt}) filter (where ${outbox.status} = 'pending')`,
    })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'failed']));
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return {
    pending: row?.pending ?? 0,
    failed: row?.failed ?? 0,
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
  };
}

/** Deletes the deliveries recorded before `before` (the message itself stays in the user's centre). */
export async function deleteDeliveredOutbox(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.status, 'delivered'), lte(outbox.deliveredAt, before)))
    .returning({ id: outbox.id });
  return rows.length;
}
