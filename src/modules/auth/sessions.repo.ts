import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { sessions, users } from '../../db/schema/index.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function insertSession(
  db: DbOrTx,
  values: { token: string; userId: string; expiresAt: Date; ip?: string; userAgent?: string },
): Promise<void> {
  await db.insert(sessions).values({
    tokenHash: hashToken(values.token),
    userId: values.userId,
    expiresAt: values.expiresAt,
    ip: values.ip,
    userAgent: values.userAgent?.slice(0, 300),
  });
}

/** The session and its user in one query, if the session is live and the user enabled. */
export async function findLiveSession(db: DbOrTx, token: string) {
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        districtCode: users.districtCode,
        enterpriseId: users.enterpriseId,
        organization: users.organization,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`), eq(users.disabled, false)))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: DbOrTx, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
