import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/database.js';
import { sessions } from '../../db/schema/index.js';
import type { PasswordSetBy } from '../../db/schema/users.js';
import type { Role } from '../../domain/roles.js';

export type { PasswordSetBy };

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

export interface LiveSession {
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    districtCode: string | null;
    districtName: string | null;
    enterpriseId: string | null;
    organization: string | null;
    passwordSetBy: PasswordSetBy;
  };
}

/**
 * The session and its user in one query, if the session is live and the user enabled.
 * Every authenticated request runs it, so it is one hand-written prepared statement: through
 * the query builder it cost five times as much on PGlite (1.07 ms against 0.21 ms).
 */
export async function findLiveSession(database: Database, token: string): Promise<LiveSession | undefined> {
  const rows = await database.queryPrepared<Record<string, unknown>>(
    'find_live_session',
    `select s.token_hash, s.created_at, s.last_seen_at,
            u.id, u.username, u.display_name, u.role, u.district_code, d.name as district_name, u.enterprise_id, u.organization,
            u.password_set_by
       from sessions s
       join users u on u.id = s.user_id
       left join districts d on d.code = u.district_code
      where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [hashToken(token)],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    tokenHash: r.token_hash as string,
    createdAt: new Date(r.created_at as Date),
    lastSeenAt: new Date(r.last_seen_at as Date),
    user: {
      id: r.id as string,
      username: r.username as string,
      displayName: r.display_name as string,
      role: r.role as Role,
      districtCode: r.district_code as string | null,
      districtName: r.district_name as string | null,
      enterpriseId: r.enterprise_id as string | null,
      organization: r.organization as string | null,
      passwordSetBy: r.password_set_by as PasswordSetBy,
    },
  };
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

export async function deleteOtherSessionsOfUser(db: DbOrTx, userId: string, keepToken: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken))));
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
