import { and, count, eq, gt, inArray, max, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { auditLog } from '../../db/schema/index.js';

/** Failed logins on an account since a moment (its last login), from the audit rows the failures wrote. */
export async function failedLoginsSince(db: DbOrTx, userId: string, since: Date) {
  const [row] = await db
    .select({
      count: count(),
      first: min(auditLog.at),
      last: max(auditLog.at),
      locked: sql<boolean>`coalesce(bool_or(${auditLog.action} = 'auth.locked'), false)`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'user'),
        eq(auditLog.entityId, userId),
        inArray(auditLog.action, ['auth.login_failed', 'auth.locked']),
        gt(auditLog.at, since),
      ),
    );
  return {
    count: Number(row?.count ?? 0),
    first: row?.first ? new Date(row.first) : null,
    last: row?.last ? new Date(row.last) : null,
    locked: Boolean(row?.locked),
  };
}
