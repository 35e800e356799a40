import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like.js';
import { auditLog } from '../../db/schema/index.js';

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function selectAudit(db: DbOrTx, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.actor) {
    const isUuid = /^[0-9a-f-]{36}$/i.test(filter.actor);
    conditions.push(isUuid ? eq(auditLog.actorId, filter.actor) : ilike(auditLog.actorName, containsPattern(filter.actor)));
  }
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  // "user." finds every user action; "user.create" exactly that one.
  if (filter.action) {
    conditions.push(
      filter.action.endsWith('.')
        ? ilike(auditLog.action, `${escapeLike(filter.action)}%`)
        : or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${escapeLike(filter.action)}.%`)),
    );
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total };
}
