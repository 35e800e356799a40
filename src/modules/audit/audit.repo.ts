import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like.js';
import { auditLog, enterprises, users } from '../../db/schema/index.js';
import { listConditions } from '../enterprises/enterprises.repo.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Any part of an enterprise's name (or the start of its USCC): the rows about those enterprises. */
  enterprise?: string;
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
  if (filter.enterprise) {
    // The registry's own name search (character pairs), as a sub-select: no list of ids in memory.
    const named = db
      .select({ id: sql`${enterprises.id}::text` })
      .from(enterprises)
      .where(listConditions({ kind: 'all' }, { q: filter.enterprise }));
    conditions.push(and(eq(auditLog.entityType, 'enterprise'), inArray(auditLog.entityId, named)));
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names of the enterprises and users a page of audit rows is about, by id. */
export async function selectEntityNames(db: DbOrTx, ids: { enterprise: string[]; user: string[] }) {
  const enterpriseIds = [...new Set(ids.enterprise.filter((id) => UUID.test(id)))];
  const userIds = [...new Set(ids.user.filter((id) => UUID.test(id)))];
  const [e, u] = await Promise.all([
    enterpriseIds.length
      ? db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, enterpriseIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  return {
    enterprise: new Map(e.map((r) => [r.id, r.name])),
    user: new Map(u.map((r) => [r.id, r.name])),
  };
}
